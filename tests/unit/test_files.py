"""The one file-writing rule every export shares: no formulas, no half-written files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contactkluis.errors import UserError
from contactkluis.services.files import safe_cell, write_atomic


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
