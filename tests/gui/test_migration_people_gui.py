"""Who is who in the GUI: a shared address on the record and by name in the review tab; a
header-less sheet in the import wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from contactkluis.services import review
from contactkluis.services.importing import import_files
from contactkluis.ui.contacts.page import ContactsPage
from contactkluis.ui.import_wizard.report_view import ReportView
from tests.fixtures_people import write_household_members


def test_shared_address_banner_and_review_tab_by_name(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, truth = write_household_members(tmp_path)
    session = ctx.session
    report = import_files(session, [path])
    by_name = {
        review.name_of(session, cid): cid
        for (cid,) in session.conn.execute("SELECT id FROM contacts")
    }
    karin, tim = truth.phones
    ((pieter, _),) = truth.renamed
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    page = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(page)
    page.show()
    page.select_ids([by_name[karin]])
    assert page.detail.shared_banner.isVisible()
    assert "Gedeeld e-mailadres" in page.detail.shared_banner.text()
    page.select_ids([by_name[pieter]])  # two rows, one person: nothing shared
    assert not page.detail.shared_banner.isVisible()

    view = ReportView()
    qtbot.addWidget(view)
    view.show_report(report, lambda cid: review.name_of(session, cid))
    shown = {
        (view.duplicates.item(r, 0).text(), view.duplicates.item(r, 1).text())
        for r in range(view.duplicates.rowCount())
    }
    assert (karin, tim) in shown
    assert not any(text.startswith("contact ") for pair in shown for text in pair)


def test_wizard_shows_a_headerless_sheet_as_such_and_keeps_its_first_person(
    qtbot, ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.fixtures_people import write_headerless_sheet
    from tests.gui.test_import_wizard import open_page

    path, truth = write_headerless_sheet(tmp_path)
    page = open_page(qtbot, ctx, path)
    editor = page.editor
    assert editor.header_row.value() == 0
    assert editor.header_row.text().startswith("geen")
    # Leaving the field unchanged keeps the first row a person.
    editor.header_row.editingFinished.emit()
    (plan,) = page.usable_files()[0].sheets
    assert plan.table.headerless and len(plan.table.rows) == truth.persons
    editor.set_header_row(1)  # the user may still say row 1 is a header
    assert len(page.usable_files()[0].sheets[0].table.rows) == truth.persons - 1
    editor.set_header_row(0)
    assert len(page.usable_files()[0].sheets[0].table.rows) == truth.persons
