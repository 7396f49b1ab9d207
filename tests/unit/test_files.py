"""The one file-writing rule every export shares: no formulas, no half-written files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contactkluis.errors import UserError
from contactkluis.services.files import csv_bytes, csv_field, safe_cell, write_atomic


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+31", "-1", "@x", "\tx", "\rx"])
def test_text_that_excel_would_run_is_escaped(text: str) -> None:
    assert safe_cell(text) == "'" + text


def test_other_values_stay_what_they_are() -> None:
    assert safe_cell("Jansen") == "Jansen"
    assert safe_cell(-3) == -3 and safe_cell(None) is None
    assert safe_cell(date(2024, 1, 1)) == date(2024, 1, 1)


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "lijst.csv"
    target.write_bytes(b"oud")

    def half(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(b"nieuw maar onaf")
        raise RuntimeError("stroomstoring")

    with pytest.raises(RuntimeError):
        write_atomic(target, half)
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["lijst.csv"]
    assert write_atomic(target, lambda fh: fh.write(b"nieuw")) == 5
    assert target.read_bytes() == b"nieuw"


def test_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        write_atomic(tmp_path / "bestaat-niet" / "x.csv", lambda fh: None)
    assert info.value.code == "io" and "bestaat niet" in info.value.message("nl")


@pytest.mark.parametrize(
    "text",
    ["Piet;=1+1", "Puk,@SUM(A1)", "a;\t-2+3", "regel\n+31", "  =1+1", "x; ;=A1"],
)
def test_no_cell_of_any_split_starts_a_formula(text: str) -> None:
    field = csv_field(text)
    for separator in (";", ",", "\n"):
        for cell in field.split(separator):
            assert cell.lstrip()[:1] not in ("=", "+", "-", "@"), (text, field)


def test_csv_fields_are_all_quoted_and_numbers_stay_numbers() -> None:
    data = csv_bytes([["naam", "aantal"], ["Jansen", -3], [None, 2.5]], bom=False)
    assert data == b'"naam";"aantal"\r\n"Jansen";"-3"\r\n"";"2.5"\r\n'
    assert csv_bytes([["a"]]).startswith(b"\xef\xbb\xbf")
    assert csv_field("'=al veilig") == "'=al veilig"  # escaping twice changes nothing
