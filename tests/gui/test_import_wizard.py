"""The import wizard walked offscreen on real spreadsheet files and a real vault."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from faker import Faker
from openpyxl import Workbook

from contactkluis.services import listing
from contactkluis.services.access import find_person
from contactkluis.services.importing import mapping_names
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog
from contactkluis.ui.import_wizard.mapping_view import Col
from contactkluis.ui.import_wizard.wizard import ImportPage, Step

PEOPLE = [
    ("Anouk", "van", "Dijk", "anouk.vandijk@voorbeeld.nl", "1234ab"),
    ("Bram", "", "Jansen", "bram.jansen@voorbeeld.nl", "2345 BC"),
    ("Carla", "de", "Groot", "carla@@voorbeeld", "3456CD"),  # invalid e-mail
    ("Daan", "", "Bakker", "daan.bakker@voorbeeld.nl", "4567 DE"),
]


def write_list(path: Path, extra_rows: int = 0) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Vrienden"
    ws.append(["Vriendenlijst Museum Proef"])
    ws.append([])
    ws.append(
        [
            "Voornaam",
            "Tussenvoegsel",
            "Achternaam",
            "E-mailadres",
            "Postcode",
            "Rekeningnummer",
            "Sinds",
            "Opmerkingen",
        ]
    )
    for i, (first, infix, last, email, pc) in enumerate(PEOPLE):
        ws.append(
            [
                first,
                infix,
                last,
                email,
                pc,
                f"NL{10 + i}INGB000123456{i}",
                datetime.datetime(2020, 1, 15 + i),
                "",
            ]
        )
    ws.append(["", "", "", "", "", "", None, "los briefje zonder naam"])  # not a person
    fake = Faker("nl_NL")
    fake.seed_instance(5)
    for i in range(extra_rows):
        ws.append(
            [
                fake.first_name(),
                "",
                fake.last_name(),
                f"persoon{i}@voorbeeld.nl",
                fake.postcode(),
                "",
                datetime.datetime(2021, 3, 1),
                "",
            ]
        )
    wb.save(path)
    return path


def open_page(qtbot: object, ctx: AppContext, path: Path) -> ImportPage:
    page = ImportPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.resize(1200, 700)
    page.show()
    page.add_files([path])
    qtbot.waitUntil(lambda: page.files_next.isEnabled(), timeout=20000)  # type: ignore[attr-defined]
    page.files_next.click()
    assert page.step == Step.MAPPING
    return page


def cell(page: ImportPage, header: str, column: int) -> str:
    editor = page.editor
    item = editor.table.item(editor.row_of_header(header), column)
    return item.text() if item else ""


def test_walk_files_mapping_dry_run_import_report(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    page = open_page(qtbot, ctx, write_list(tmp_path / "vrienden.xlsx"))
    editor = page.editor
    assert editor.header_row.value() == 3  # found below the title and the blank row
    # The postcode is shown normalised; the bank column is not imported and says so in red.
    assert cell(page, "Postcode", Col.SAMPLE) == "1234 AB"
    assert "IBAN" in cell(page, "Rekeningnummer", Col.WARNINGS)
    assert "NIET" in cell(page, "Rekeningnummer", Col.WARNINGS)
    assert "INGB" not in cell(page, "Rekeningnummer", Col.SAMPLE)  # masked
    assert "ongeldig e-mailadres" in cell(page, "E-mailadres", Col.WARNINGS)

    # "Sinds" is not recognised; the user says it is the membership start.
    sinds = editor.row_of_header("Sinds")
    combo = editor.target_combo(sinds)
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData("member_since"))
    assert cell(page, "Sinds", Col.SAMPLE) == "15-01-2020"
    assert cell(page, "Sinds", Col.BY) == "handmatig"

    page.mapping_next.click()
    qtbot.waitUntil(lambda: page.dry_report is not None, timeout=20000)  # type: ignore[attr-defined]
    dry = page.dry_report
    assert dry is not None and dry.dry_run
    assert dry.created == 4
    assert len(dry.invalid) == 1
    assert listing.total(ctx.unlocked_session) == 0  # a dry run writes nothing

    with qtbot.waitSignal(ctx.data_changed, timeout=20000):  # type: ignore[attr-defined]
        page.import_button.click()
    assert page.step == Step.REPORT
    report = page.report
    assert report is not None and not report.dry_run
    assert report.created == 4
    session = ctx.unlocked_session
    assert listing.total(session) == 4
    [anouk] = find_person(session, "anouk.vandijk@voorbeeld.nl")
    contact = session.repo().get(anouk)
    assert contact is not None
    assert contact.name.infix == "van" and contact.address.postcode == "1234 AB"
    assert any(r.start == datetime.date(2020, 1, 15) for r in contact.relations)

    # The report lists the row that could not be imported, by place and reason only.
    invalid = page.report_view.invalid
    assert invalid.rowCount() == 1
    assert invalid.item(0, 2).text() == "8"
    # The cleanup checklist is there to tick.
    checks = page.report_view.checks
    assert len(checks) >= 6
    for box in checks:
        box.setChecked(True)
    assert "Alles afgevinkt" in page.report_view.check_state.text()

    out = tmp_path / "verslag.json"
    FileDialog.set_next_path(str(out))
    assert page.report_view.save_report() == out
    saved = out.read_text("utf-8")
    assert json.loads(saved)["created"] == 4
    for first, _infix, last, email, _pc in PEOPLE:
        assert first not in saved and last not in saved and email not in saved


def test_cancel_leaves_the_vault_unchanged(qtbot: object, ctx: AppContext, tmp_path: Path) -> None:
    page = open_page(qtbot, ctx, write_list(tmp_path / "groot.xlsx", extra_rows=2000))
    page.mapping_next.click()
    qtbot.waitUntil(lambda: page.dry_report is not None, timeout=60000)  # type: ignore[attr-defined]
    page.import_button.click()
    assert page.step == Step.RUN
    page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=60000)  # type: ignore[attr-defined]
    assert page.report is None
    assert page.step == Step.SUMMARY
    assert "geannuleerd" in page.summary_title.text()
    assert listing.total(ctx.unlocked_session) == 0


def test_the_bar_goes_on_while_the_rows_are_saved(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    """Reading and checking the rows fills the first half of the bar, saving them in the
    vault the second, under its own words: a big list's seconds of writing do not show as
    a full bar that stands still."""
    page = open_page(qtbot, ctx, write_list(tmp_path / "groot.xlsx", extra_rows=600))
    page.mapping_next.click()
    qtbot.waitUntil(lambda: page.dry_report is not None, timeout=60000)  # type: ignore[attr-defined]
    seen: list[tuple[str, int, int]] = []
    step = page.run_step
    shown = step.show_progress

    def record(done: int, total: int) -> None:
        shown(done, total)
        seen.append((step.label.text(), step.progress.value(), step.progress.maximum()))

    step.show_progress = record  # type: ignore[method-assign]
    with qtbot.waitSignal(ctx.data_changed, timeout=60000):  # type: ignore[attr-defined]
        page.import_button.click()
    reading = [s for s in seen if s[0] == "Bezig met importeren…"]
    saving = [s for s in seen if s[0] == "Opslaan in de kluis…"]
    assert reading and saving and seen.index(reading[-1]) < seen.index(saving[0])
    assert all(2 * value < maximum for _label, value, maximum in reading)
    assert saving[-1][1] == saving[-1][2]  # full once saved


def test_header_row_and_saved_mapping(qtbot: object, ctx: AppContext, tmp_path: Path) -> None:
    path = write_list(tmp_path / "vrienden.xlsx")
    page = open_page(qtbot, ctx, path)
    editor = page.editor
    combo = editor.target_combo(editor.row_of_header("Sinds"))
    combo.setCurrentIndex(combo.findData("member_since"))
    assert page.save_mapping_as("vriendenlijst")
    assert mapping_names(ctx.unlocked_session) == ["vriendenlijst"]

    # Another header row re-locates the table: the title row becomes the header.
    editor.set_header_row(1)
    assert editor.table.item(0, Col.HEADER).text().endswith("Vriendenlijst Museum Proef")
    assert len(page.usable_files()[0].sheets[0].table.rows) > len(PEOPLE)

    # Loading the saved mapping brings back header row 3 and the user's choice.
    assert page.load_mapping("vriendenlijst") == 1
    assert editor.header_row.value() == 3
    combo = editor.target_combo(editor.row_of_header("Sinds"))
    assert combo.currentData() == "member_since"


def test_unreadable_file_is_reported_and_not_offered(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"dit is geen spreadsheet")
    page = ImportPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.add_files([bad])
    qtbot.waitUntil(lambda: page.reading == 0, timeout=20000)  # type: ignore[attr-defined]
    assert page.file_list.count() == 1
    assert "kapot.xlsx" in page.file_list.item(0).text()
    assert not page.files_next.isEnabled()


def test_lock_forgets_the_files(qtbot: object, ctx: AppContext, tmp_path: Path) -> None:
    page = open_page(qtbot, ctx, write_list(tmp_path / "vrienden.xlsx"))
    assert page.files
    ctx.locked.emit()
    assert page.files == [] and page.step == Step.FILES
    assert page.editor.table.rowCount() == 0


def test_a_skipped_sheet_is_shown_unticked_and_cannot_be_ticked(qtbot, ctx, tmp_path):
    """Issue 16: the 'Uitleg' sheet was marked skipped but its box was ticked."""
    wb = Workbook()
    leden = wb.active
    leden.title = "Leden"
    leden.append(["Voornaam", "Achternaam", "E-mail"])
    leden.append(["Anna", "de Vries", "anna@example.org"])
    uitleg = wb.create_sheet("Uitleg")
    uitleg.append(["Deze lijst is bijgewerkt door het secretariaat."])
    path = tmp_path / "leden_met_uitleg.xlsx"
    wb.save(path)
    page = open_page(qtbot, ctx, path)
    sheets = page.usable_files()[0].sheets
    skipped = next(i for i, s in enumerate(sheets) if s.table.skip_reason)
    kept = next(i for i, s in enumerate(sheets) if not s.table.skip_reason)
    page.select_sheet(0, skipped)
    assert not page.editor.include.isChecked() and not page.editor.include.isEnabled()
    assert "overgeslagen" in page.editor.skip_label.text()
    page.select_sheet(0, kept)
    assert page.editor.include.isChecked() and page.editor.include.isEnabled()
