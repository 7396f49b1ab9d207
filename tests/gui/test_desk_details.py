"""Issue 16, point 8 at the desk: the history after an import, readable field names, the
recovery key on one line with its folder named, Qt's file dialog in Dutch, a quiet chart."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLabel, QTreeWidget

from contactkluis.services.importing import import_files
from contactkluis.ui.contacts.page import ContactsPage
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog
from contactkluis.ui.stats.page import StatsPage
from contactkluis.ui.widgets.recovery_key import RecoveryKeyView
from tests.support.stats_people import fill


def tree_rows(tree: QTreeWidget) -> list[list[str]]:
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


def test_history_shows_the_import_and_fields_read_as_words(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    sheet = book.active
    sheet.title = "Vrienden"
    sheet.append(["Naam", "E-mail", "Telefoon"])
    sheet.append(["Wouter Hendriks", "wouter.hendriks@voorbeeld.nl", "12345"])
    path = tmp_path / "vrienden.xlsx"
    book.save(path)
    import_files(ctx.unlocked_session, [path])

    page = ContactsPage(
        ctx, settings=QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(page)
    page.show()
    (cid,) = [c for (c,) in ctx.unlocked_session.conn.execute("SELECT id FROM contacts")]
    page.select_ids([cid])
    history = tree_rows(page.detail.audit)
    assert any(row[2] == "Geïmporteerd" and "vrienden.xlsx" in row[3] for row in history)
    assert all(row[0] for row in history)  # with the moment it was stored
    fields = [row[3] for row in tree_rows(page.detail.provenance)]
    assert "Telefoon (ongeldig)" in fields
    assert not any("_" in field for field in fields)  # no "phone_invalid"


def test_recovery_key_pdf_keeps_the_key_on_one_line_and_names_the_folder(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = RecoveryKeyView()
    qtbot.addWidget(view)
    key = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A"
    view.set_key(key, "Museum De Proef")
    FileDialog.set_next_path(str(tmp_path / "kluis" / "sleutel"))
    (tmp_path / "kluis").mkdir()
    written = view.save_pdf()
    assert written is not None and written.exists() and written.suffix == ".pdf"
    assert str(tmp_path / "kluis") in view.saved_label.text()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) reads the PDF back")
    text = subprocess.run(
        ["pdftotext", "-layout", str(written), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert key in text  # whole, on one line (it broke after "TUVW-" at 20 pt)


def test_qt_file_dialog_speaks_dutch(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"].replace("&", "") == "Zoeken in:"
    assert labels["fileTypeLabel"].replace("&", "") == "Bestanden van type:"


def test_the_chart_draws_without_nan_warnings(qtbot, qtlog, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    fill(ctx.unlocked_session)
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    page.recount()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    assert page.chart.series()
    assert not [r.message for r in qtlog.records if "NaN" in r.message or "nan" in r.message]
