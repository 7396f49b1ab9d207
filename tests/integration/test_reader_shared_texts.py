"""The workbook reader hands a text that recurs in many cells (a town, a first name, 'ja')
over as one object (issue 17: less to pickle from the parser child, less to hold), up to a
number of distinct texts; past it, cells are read exactly as before."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from contactkluis.migration import readers


def _workbook(path: Path) -> list[list[object]]:
    rows: list[list[object]] = [["Voornaam", "Woonplaats", "Nieuwsbrief", "Lid sinds", "Nr"]]
    for i in range(40):
        rows.append(
            [f"Naam{i % 7}", "Utrecht" if i % 2 else "Zwolle", "ja" if i % 3 else None,
             datetime.date(2001, 1 + i % 12, 1), i + 0.5]
        )  # fmt: skip
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return rows


@pytest.mark.parametrize("limit", [100_000, 3])
def test_recurring_texts_are_one_object_and_every_cell_reads_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    path = tmp_path / "leden.xlsx"
    written = _workbook(path)
    monkeypatch.setattr(readers, "_SHARED_TEXTS", limit)
    # In this process (not the sandbox child) so the limit applies.
    ((_name, rows, _hidden),) = readers.parse_with_calamine(str(path), True)
    assert rows == written
    towns = {id(row[1]) for row in rows[1:]}
    assert len(towns) == (2 if limit > 3 else 40)
