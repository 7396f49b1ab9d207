"""The import report after the import: clickable lists, kept in the vault without personal
data, and reopened from the Importeren page after a restart (issue 16, item 4; issue 11,
"Tell the user what will happen")."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from faker import Faker
from openpyxl import Workbook
from PySide6.QtCore import QSettings

from contactkluis.domain.normalize import normalize_phone
from contactkluis.services import review
from contactkluis.services.accounts import unlock
from contactkluis.services.import_plan import SheetReport, outcome_sentence
from contactkluis.services.importing import import_files
from contactkluis.ui.contacts.page import ContactsPage
from contactkluis.ui.context import AppContext
from contactkluis.ui.import_wizard.wizard import ImportPage, Step
from contactkluis.ui.main_window import MainWindow
from tests.conftest import ADMIN, ADMIN_PW

HEADERS = ["Voornaam", "Achternaam", "E-mailadres", "Telefoon", "Postcode", "Woonplaats"]


def write_members(path: Path) -> tuple[Path, list[list[str]]]:
    """Ten members: one phone number and one postcode that are no such thing, two people on
    one e-mail address, a test row and a row with nobody in it."""
    fake = Faker("nl_NL")
    fake.seed_instance(16)
    people: list[list[str]] = []
    for i in range(10):
        first, last = fake.first_name(), fake.last_name()
        email = f"{first}.{last}{i}@voorbeeld.nl".lower().replace(" ", "")
        people.append(
            [first, last, email, f"0612{fake.numerify('######')}", fake.postcode(), fake.city()]
        )
    people[2][3] = "12-34"  # not a phone number
    people[3][4] = "12AB"  # not a postcode
    people[5][2] = people[4][2]  # two different people on one address
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Leden"
    ws.append(HEADERS)
    for person in people:
        ws.append(person)
    ws.append(["test", "test", "", "", "", ""])
    ws.append(["", "", "", "", "", people[0][5]])
    wb.save(path)
    return path, people


def walk_to_report(qtbot, ctx: AppContext, path: Path) -> ImportPage:  # type: ignore[no-untyped-def]
    page = ImportPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.add_files([path])
    qtbot.waitUntil(lambda: page.files_next.isEnabled(), timeout=20000)
    page.files_next.click()
    page.mapping_next.click()
    qtbot.waitUntil(lambda: page.dry_report is not None, timeout=20000)
    return page


def counts(page: ImportPage) -> tuple[int, ...]:
    report = page.report_view.report
    assert report is not None
    view = page.report_view
    return (
        report.created,
        report.merged,
        view.warnings.rowCount(),
        view.skipped.rowCount(),
        view.invalid.rowCount(),
        view.duplicates.rowCount(),
    )


@pytest.fixture
def restarted(qapp, vault_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """A second start of the program on the same vault: a new context, unlocked again."""
    context = AppContext(vault_path)
    yield context
    context.tasks.wait()
    context.close_session()


def test_dry_run_says_per_sheet_what_happens_and_opens_the_rows(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, _people = write_members(tmp_path / "leden.xlsx")
    page = walk_to_report(qtbot, ctx, path)
    tree = page.summary.outcomes
    assert tree.isVisible()
    sheet_line = tree.tree.topLevelItem(0).child(0).text(0)
    assert sheet_line.startswith("Leden: Deze import: 10 nieuwe personen, ")
    assert "samengevoegd" not in sheet_line  # nothing merged: no zero to read past
    assert sheet_line.endswith(
        "2 personen met een gedeeld e-mailadres en 2 rijen overgeslagen of niet te importeren."
    )
    by_label = {item.text(0): item for item in tree.outcome_items()}
    tree.tree.setCurrentItem(by_label["2 personen met een gedeeld e-mailadres"])
    shown = [tree.rows.item(i).text() for i in range(tree.rows.count())]
    assert shown == ["leden.xlsx / Leden / rij 6", "leden.xlsx / Leden / rij 7"]
    tree.tree.setCurrentItem(by_label["2 rijen overgeslagen of niet te importeren"])
    shown = [tree.rows.item(i).text() for i in range(tree.rows.count())]
    assert shown[0].startswith("leden.xlsx / Leden / rij 12 — ")
    # The JSON report lists the same rows by file, sheet and row.
    sheet = page.dry_report.to_json()["files"][0]["sheets"][0]  # type: ignore[union-attr]
    assert sheet["rows"]["shared_address"] == [6, 7]
    assert len(sheet["rows"]["created"]) == 10


def test_report_is_kept_reopened_after_restart_and_opens_both_contacts(  # type: ignore[no-untyped-def]
    qtbot, ctx, restarted, tmp_path
) -> None:
    path, people = write_members(tmp_path / "leden.xlsx")
    page = walk_to_report(qtbot, ctx, path)
    page.import_button.click()
    qtbot.waitUntil(lambda: page.step == Step.REPORT, timeout=30000)
    before = counts(page)
    view = page.report_view
    assert view.warnings.rowCount() == 2  # the phone number and the postcode
    view.tabs.setCurrentWidget(view.warnings)
    phone_row = next(
        r for r in range(view.warnings.rowCount()) if view.warnings.item(r, 3).text() == "Telefoon"
    )
    view.warnings.setCurrentCell(phone_row, 0)
    assert view.row_detail.text() == (
        "Bestand leden.xlsx, werkblad Leden, rij 4, kolom Telefoon: ongeldig telefoonnummer"
    )

    ctx.tasks.wait()
    ctx.close_session()  # quit ...
    restarted.open_session(unlock(ctx.vault_path, ADMIN, ADMIN_PW))  # ... and start again
    window = MainWindow(restarted)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.show_page("import")
    again = window.page("import")
    assert isinstance(again, ImportPage)
    history = again.past_imports
    assert len(history.batch_ids()) == 1
    row = history.list.topLevelItem(0)
    assert row.text(1) == "leden.xlsx"
    history.list.setCurrentItem(row)
    history.open_button.click()
    assert again.step == Step.REPORT
    assert counts(again) == before
    assert again.report_view.headline.text().startswith("Verslag van de import van ")

    duplicates = again.report_view.duplicates
    shared = {f"{people[4][0]} {people[4][1]}", f"{people[5][0]} {people[5][1]}"}
    pair_row = next(
        r
        for r in range(duplicates.rowCount())
        if {duplicates.item(r, 0).text(), duplicates.item(r, 1).text()} == shared
    )
    duplicates.cellWidget(pair_row, 4).click()
    contacts = window.page("contacts")
    assert window.current_page_key() == "contacts"
    qtbot.waitUntil(lambda: len(contacts.selected_ids()) == 2, timeout=10000)
    session = restarted.session
    assert {review.name_of(session, cid) for cid in contacts.selected_ids()} == shared


def test_the_stored_report_holds_no_personal_data(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, people = write_members(tmp_path / "leden.xlsx")
    page = walk_to_report(qtbot, ctx, path)
    page.import_button.click()
    qtbot.waitUntil(lambda: page.step == Step.REPORT, timeout=30000)
    ((stored,),) = ctx.session.conn.execute("SELECT report_json FROM import_batches").fetchall()
    assert json.loads(stored)["warnings"]  # the report is there, with its findings
    text = stored.lower()
    for first, last, email, phone, postcode, _city in people:
        for value in (first, last, email, phone, normalize_phone(phone) or "", postcode):
            if len(value) >= 4:
                assert value.lower() not in text, value


def test_history_tab_names_the_import_a_contact_came_from(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, people = write_members(tmp_path / "leden.xlsx")
    import_files(ctx.session, [path])
    first, last = people[0][:2]
    by_name = {
        review.name_of(ctx.session, cid): cid
        for (cid,) in ctx.session.conn.execute("SELECT id FROM contacts")
    }
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    contacts = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(contacts)
    contacts.show()
    contacts.select_ids([by_name[f"{first} {last}"]])
    history = contacts.detail.audit
    rows = [
        [history.topLevelItem(i).text(c) for c in range(4)]
        for i in range(history.topLevelItemCount())
    ]
    imported = [r for r in rows if r[2] == "Geïmporteerd"]
    assert len(imported) == 1
    assert imported[0][1] == ADMIN
    assert imported[0][3] == "uit leden.xlsx / Leden / rij 2"


def test_lock_empties_the_list_of_past_imports(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, _people = write_members(tmp_path / "leden.xlsx")
    import_files(ctx.session, [path])
    page = ImportPage(ctx)
    qtbot.addWidget(page)
    assert len(page.past_imports.batch_ids()) == 1
    ctx.locked.emit()
    assert page.past_imports.batch_ids() == []
    ctx.session.vault.close()  # the vault closed under a session still held
    page.reset()  # no query on it, no error
    assert page.past_imports.batch_ids() == []


def test_a_sheet_sentence_names_only_what_happens_in_both_languages() -> None:
    sheet = SheetReport("Leden", 1, rows={"created": [2, 3], "merged": [4], "deceased": []})
    assert outcome_sentence(sheet, "nl").strip() == (
        "Deze import: 2 nieuwe personen en 1 rij samengevoegd met iemand die al bekend is."
    )
    assert outcome_sentence(sheet, "en").strip() == (
        "This import: 2 new people and 1 row merged into someone already known."
    )
    assert "niets" in outcome_sentence(SheetReport("Leeg", None), "nl")
