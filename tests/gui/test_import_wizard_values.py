"""The mapping page says how the values were read: the encoding and a name column's order."""

from __future__ import annotations

from pathlib import Path

from contactkluis.ui.context import AppContext
from contactkluis.ui.import_wizard.mapping_view import Col
from tests.fixtures_exports import write_till_cp850
from tests.gui.test_import_wizard import cell, open_page, write_list


def test_mapping_page_shows_the_encoding_and_the_name_order(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    till, _ = write_till_cp850(tmp_path)
    page = open_page(qtbot, ctx, till)
    assert "cp850" in page.editor.reading_label.text()
    surname_first = tmp_path / "kassa_namen.csv"
    surname_first.write_text(
        "Naam;Telefoon\nVan Dyck Ineke;0478 02 12 34\nde Vries Piet;06-12345678\n"
        "Jansen P.;06-87654321\n",
        encoding="utf-8",
    )
    page = open_page(qtbot, ctx, surname_first)
    assert "achternaam eerst" in page.editor.reading_label.text()
    assert "Tekenset: utf-8" in page.editor.reading_label.text()


def test_choosing_another_encoding_reads_the_file_again(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    till, _ = write_till_cp850(tmp_path)
    page = open_page(qtbot, ctx, till)
    editor = page.editor
    assert editor.encoding.isVisible() and editor.encoding.currentData() == "cp850"
    assert "André Jansen" in cell(page, "Naam", Col.SAMPLE)
    editor.encoding.setCurrentIndex(editor.encoding.findData("cp1252"))
    assert page.files[0].sheets[0].encoding == "cp1252"
    assert "Andr‚ Jansen" in cell(page, "Naam", Col.SAMPLE)  # what the user would see, and undo
    editor.encoding.setCurrentIndex(editor.encoding.findData("cp850"))
    assert "André Jansen" in cell(page, "Naam", Col.SAMPLE)


def test_a_workbook_has_no_encoding_to_choose(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    page = open_page(qtbot, ctx, write_list(tmp_path / "vrienden.xlsx"))
    assert not page.editor.encoding.isVisible()


def test_an_undecidable_name_order_is_said_so(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    """Both ends are first names: the wizard says the order is a guess, not a finding."""
    names = tmp_path / "deelnemers.csv"
    names.write_text(
        "Naam;Telefoon\nMartin Paul;06-12345678\nThomas Peter;06-87654321\n"
        "Anna Maria;06-11223344\n",
        encoding="utf-8",
    )
    page = open_page(qtbot, ctx, names)
    assert "volgorde niet zeker" in page.editor.reading_label.text()
