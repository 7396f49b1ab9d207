"""The mapping page says how the values were read: the encoding and a name column's order."""

from __future__ import annotations

from pathlib import Path

from contactkluis.ui.context import AppContext
from tests.fixtures_exports import write_till_cp850
from tests.gui.test_import_wizard import open_page


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
