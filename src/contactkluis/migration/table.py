"""Find the table in a sheet: the header row below titles and blanks, and the data rows.

Rows that are not people are skipped *and reported*: empty rows, a repeated header row
(lists glued together), totals rows ("Totaal", counts without a name) and whole sheets
that are instructions or notes rather than a list.

A sheet whose would-be header row holds an e-mail address, a phone number or a postcode has
no header at all: that row is the first person, never a column name (column names end up in
the report and the terminal, a person's data must not).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from contactkluis.domain.normalize import is_postcode_like, normalize_email, normalize_phone
from contactkluis.migration.headers import fold_header, header_score
from contactkluis.migration.readers import Cell, SheetData

HEADER_SCAN_ROWS = 40
_TOTAL_WORDS = re.compile(
    r"^(totaal|totalen|total|totals|som|subtotaal|aantal|count|sum)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class SkippedRow:
    row: int  # 1-based, as the user sees it in the spreadsheet
    reason: str  # "empty", "repeated_header", "totals"


@dataclass
class Table:
    sheet: str
    header_row: int | None  # 1-based; None when the sheet holds no recognisable list
    headers: list[str]
    # (1-based row, cells); a row may be the sheet's own list: read it, never change it.
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    skip_reason: str | None = None  # why the whole sheet was not read as a list
    headerless: bool = False  # no header row: columns are known from their content only

    def column(self, index: int, limit: int = 200) -> list[Cell]:
        return [cells[index] if index < len(cells) else None for _, cells in self.rows[:limit]]


def _is_empty(cells: Sequence[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _filled(cells: Sequence[Cell]) -> int:
    return sum(1 for c in cells if not (c is None or (isinstance(c, str) and not c.strip())))


def _is_totals(cells: Sequence[Cell]) -> bool:
    """A 'Totaal' row (at most two texts, the first a totals word), or a row of at most three
    cells that are all numbers (what formula rows leave behind)."""
    texts = filled = 0
    first_text = ""
    only_numbers = True
    for c in cells:
        if c is None:
            continue
        if isinstance(c, str):
            stripped = c.strip()
            if not stripped:
                continue
            texts += 1
            if texts > 2:
                return False  # a third text: neither a totals row nor only numbers
            if texts == 1:
                first_text = stripped
            only_numbers = False
        elif not isinstance(c, int | float) or isinstance(c, bool):
            only_numbers = False
        filled += 1
    if texts and _TOTAL_WORDS.match(first_text):
        return True
    return filled > 0 and only_numbers and filled <= 3


@lru_cache(maxsize=16384)
def _folded(text: str) -> str:
    return fold_header(text)


def _looks_like_instructions(sheet: SheetData) -> bool:
    """Mostly long sentences in one column: a 'Lees mij' or instruction sheet."""
    texts = [c for row in sheet.rows[:60] for c in row if isinstance(c, str) and c.strip()]
    if not texts:
        return False
    long = sum(1 for t in texts if len(t.split()) >= 6)
    return long / len(texts) >= 0.5


def _header_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime | datetime.date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def looks_like_data(cells: Sequence[Cell]) -> bool:
    """Whether a row holds an e-mail address, a phone number or a postcode: no header."""
    for cell in cells:
        if cell is None or isinstance(cell, bool | datetime.date):
            continue
        text = _header_text(cell)
        if not text or len(text) > 80:
            continue
        if "@" in text and normalize_email(text) is not None:
            return True
        if is_postcode_like(text):
            return True
        if sum(ch.isdigit() for ch in text) >= 9 and normalize_phone(text) is not None:
            return True
    return False


def _headerless(sheet: SheetData, upto: int) -> Table:
    """The table of a sheet without a header row: data from the first row that looks like
    data (rows above it are titles); `upto` is the last row index to look at for that."""
    rows = sheet.rows
    start = next(
        (i for i in range(upto + 1) if looks_like_data(rows[i])),
        next(i for i, r in enumerate(rows) if not _is_empty(r)),
    )
    width = max((len(r) for r in rows), default=0)
    table = Table(sheet.name, None, [""] * width, headerless=True)
    for i in range(start):
        if not _is_empty(rows[i]):
            table.skipped.append(SkippedRow(i + 1, "title_row"))
    _fill(table, rows, start, width, [""] * width)
    return table


def locate(sheet: SheetData, header_row: int | None = None) -> Table:
    """The table of a sheet. `header_row` (1-based) overrides the detection; 0 says the
    sheet has no header row."""
    rows = sheet.rows
    if not rows or all(_is_empty(r) for r in rows):
        return Table(sheet.name, None, [], skip_reason="empty_sheet")
    if header_row == 0:
        return _headerless(sheet, len(rows) - 1)
    if header_row is None:
        best, best_score = None, 0
        for i, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
            score = header_score(cells)
            if score > best_score:
                best, best_score = i, score
        if best is None or best_score < 2:
            if _looks_like_instructions(sheet):
                return Table(sheet.name, None, [], skip_reason="instructions")
            # No known header: take the first non-empty row and let content detection work,
            # unless only titles (one cell each) stand above the first row of data.
            data = next(
                (i for i, r in enumerate(rows[:HEADER_SCAN_ROWS]) if looks_like_data(r)), None
            )
            if data is not None and all(_filled(r) <= 1 for r in rows[:data]):
                return _headerless(sheet, data)
            best = next(i for i, r in enumerate(rows) if not _is_empty(r))
        header_index = best
        if looks_like_data(rows[header_index]):
            return _headerless(sheet, header_index)
    else:
        header_index = max(0, header_row - 1)
    header_cells = rows[header_index] if header_index < len(rows) else []
    width = max((len(r) for r in rows), default=0)
    headers = [_header_text(header_cells[i]) if i < len(header_cells) else "" for i in range(width)]
    table = Table(sheet.name, header_index + 1, headers)
    _fill(table, rows, header_index + 1, width, headers)
    return table


def _fill(
    table: Table, rows: Sequence[Sequence[Cell]], start: int, width: int, headers: list[str]
) -> None:
    """The data rows from `start` on: people, and the skipped rows with their reason."""
    folded = [fold_header(h) for h in headers]
    # Cheap first look for a repeated header: its first named column must say the same.
    probe = next((i for i, f in enumerate(folded) if f), None)
    for i in range(start, len(rows)):
        row = rows[i]
        # A full-width row is shared with the sheet, not copied: both are only read.
        if len(row) == width and isinstance(row, list):
            cells = row
        else:
            cells = list(row) + [None] * (width - len(row))
        number = i + 1
        if _is_empty(cells):
            table.skipped.append(SkippedRow(number, "empty"))
        elif (
            probe is not None
            and cells[probe] is not None
            and _folded(_header_text(cells[probe])) == folded[probe]
            and [fold_header(_header_text(c)) for c in cells] == folded
        ):
            table.skipped.append(SkippedRow(number, "repeated_header"))
        elif _is_totals(cells):
            table.skipped.append(SkippedRow(number, "totals"))
        else:
            table.rows.append((number, cells))
    # Trailing empty rows are noise, not findings.
    while (
        table.skipped
        and table.skipped[-1].reason == "empty"
        and (not table.rows or table.skipped[-1].row > table.rows[-1][0])
    ):
        table.skipped.pop()
