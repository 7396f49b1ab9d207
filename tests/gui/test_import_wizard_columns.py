"""The wizard names the columns with contact data it leaves out, above the plain ones
(issue 12, "No silent loss")."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from pytestqt.qtbot import QtBot

from contactkluis.services.importing import import_files
from contactkluis.services.session import Session
from contactkluis.ui.import_wizard.report_view import ReportView
from contactkluis.ui.import_wizard.steps import dry_run_notes
from tests.fixtures_exports import write_outlook_en_csv


def test_left_out_contact_data_is_named_first(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    path, truth = write_outlook_en_csv(tmp_path)
    report = import_files(session, [path], dry_run=True)
    notes = unescape(dry_run_notes(report))
    assert "'Company Main Phone': lijkt telefoonnummers te bevatten en wordt niet geïmporteerd" in (
        notes
    )
    view = ReportView()
    qtbot.addWidget(view)
    view.show_report(report)
    headers = [view.columns.item(r, 2).text() for r in range(view.columns.rowCount())]
    warned = [view.columns.item(r, 3).text() != "" for r in range(view.columns.rowCount())]
    # Every warned column comes before every plain one, and the Outlook ones are there.
    assert warned == sorted(warned, reverse=True)
    assert set(truth.warned) <= {h for h, w in zip(headers, warned, strict=True) if w}
