"""Writing xlsx for people who open it: one shared layout for every workbook the app writes.

XlsxWriter, not openpyxl: it writes real date cells, print set-up and charts with cached
values. Text always goes in as a string cell (never parsed as a formula, number or link), so
no apostrophe is needed; the CSV writers keep their escaping (services.files.safe_cell).
The workbook is built in memory: XlsxWriter's default spills rows into temp files, and
personal data never goes into temp files.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from contactkluis.domain.messages import localized

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
A4 = 9  # XlsxWriter's paper code
MAX_WIDTH = 60  # characters; longer text wraps instead of widening the column
LINE_HEIGHT = 15  # points per line of 11-point text
_WIDE = 110
_PAGE_ACROSS = 190  # characters a landscape A4 page holds at a still readable scale
_HEADER_WIDTH = 22  # total width in characters above which a sheet prints landscape
_BAD_IN_SHEET_NAME = str.maketrans({c: "-" for c in "[]:*?/\\"})


def local_moment(value: datetime) -> datetime:
    """A stored moment (UTC or naive) as a naive Europe/Amsterdam wall-clock time."""
    if value.tzinfo is None:
        return value
    return value.astimezone(AMSTERDAM).replace(tzinfo=None)


def as_moment(value: Any) -> Any:
    """ISO text from the vault as a date or datetime; anything else unchanged."""
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    return value


def line_count(value: Any, width: int = MAX_WIDTH) -> int:
    """How many lines a text takes in a column `width` characters wide (for row heights:
    XlsxWriter cannot measure, and LibreOffice keeps a row one line high unless told)."""
    if not isinstance(value, str) or (len(value) <= width and "\n" not in value):
        return 1  # the common case, without wrapping: one line
    width = max(width, 4)
    return sum(len(textwrap.wrap(line, width)) or 1 for line in value.splitlines() or [""])


class Book:
    """An in-memory workbook; `close()` returns its bytes."""

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang
        self._buf = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self._buf,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        day = localized("dd-mm-yyyy", "dd/mm/yyyy", lang)
        self.fmt: dict[str, Format] = {
            "head": self.wb.add_format(
                {"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True}
            ),
            "title": self.wb.add_format({"bold": True, "font_size": 14}),
            "bold": self.wb.add_format({"bold": True, "valign": "top", "text_wrap": True}),
            "strong": self.wb.add_format({"bold": True, "valign": "top"}),
            "text": self.wb.add_format({"valign": "top"}),
            "wrap": self.wb.add_format({"valign": "top", "text_wrap": True}),
            "date": self.wb.add_format({"num_format": day, "valign": "top", "align": "left"}),
            "moment": self.wb.add_format(
                {"num_format": f"{day} hh:mm", "valign": "top", "align": "left"}
            ),
        }

    def sheet(self, name: str) -> Worksheet:
        ws = self.wb.add_worksheet(name.translate(_BAD_IN_SHEET_NAME)[:31])
        ws.set_paper(A4)
        ws.fit_to_pages(1, 0)  # all columns on the page width, as many pages down as needed
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&L&A&R&P / &N")
        return ws

    def cell(self, ws: Worksheet, row: int, col: int, value: Any, fmt: str = "") -> None:
        """Write one value by its type: text as text, numbers, dates and moments as such."""
        if value is None or value == "":
            ws.write_blank(row, col, None, self.fmt[fmt or "text"])
        elif isinstance(value, bool):
            ws.write_string(row, col, self.yes_no(value), self.fmt[fmt or "text"])
        elif isinstance(value, int | float):
            ws.write_number(row, col, value, self.fmt[fmt or "text"])
        elif isinstance(value, datetime):
            ws.write_datetime(row, col, local_moment(value), self.fmt["moment"])
        elif isinstance(value, date):
            ws.write_datetime(row, col, value, self.fmt["date"])
        else:
            text = str(value)
            wraps = len(text) > MAX_WIDTH or "\n" in text
            ws.write_string(row, col, text, self.fmt["wrap" if wraps else (fmt or "text")])

    def yes_no(self, value: bool) -> str:
        return localized("ja", "yes", self.lang) if value else localized("nee", "no", self.lang)

    def width(self, value: Any) -> int:
        """The characters a value needs on one line (for fitting the column)."""
        if value is None:
            return 0
        if isinstance(value, bool):
            return len(self.yes_no(value))
        if isinstance(value, datetime):
            return 16
        if isinstance(value, date):
            return 10
        return max((len(line) for line in str(value).splitlines()), default=0)

    def table(
        self,
        name: str,
        headers: Sequence[str],
        rows: Iterable[Sequence[Any]],
        *,
        ws: Worksheet | None = None,
        first_row: int = 0,
        key_columns: int = 0,
    ) -> int:
        """A list with a bold, frozen, filtered header repeated on every printed page; the
        first `key_columns` (who a row is about) repeat on every page across and stay in view.
        Every row is as high as its longest wrapped cell, so wrapped rows never overlap.

        Returns the number of data rows written.
        """
        ws = ws or self.sheet(name)
        data = [list(values) for values in rows]  # widths first, then the row heights
        # A long header wraps rather than widening its column; +3 leaves room for the filter.
        widths = [min(len(h) + 3, _HEADER_WIDTH) for h in headers]
        for values in data:
            for col, value in enumerate(values):
                widths[col] = max(widths[col], self.width(value))
        fitted = self.fit(ws, widths)
        for col, header in enumerate(headers):
            ws.write_string(first_row, col, header, self.fmt["head"])
        self._height(ws, first_row, headers, [w - 3 for w in fitted])
        for number, values in enumerate(data, start=first_row + 1):
            for col, value in enumerate(values):
                self.cell(ws, number, col, value)
            self._height(ws, number, values, fitted)
        ws.freeze_panes(first_row + 1, key_columns)
        if key_columns:
            ws.repeat_columns(0, key_columns - 1)
        ws.autofilter(first_row, 0, first_row + max(len(data), 1), len(headers) - 1)
        ws.repeat_rows(first_row)
        return len(data)

    @staticmethod
    def _height(ws: Worksheet, row: int, values: Sequence[Any], widths: Sequence[int]) -> None:
        lines = max((line_count(v, w - 1) for v, w in zip(values, widths, strict=False)), default=1)
        if lines > 1:
            ws.set_row(row, LINE_HEIGHT * lines)

    def card(
        self,
        ws: Worksheet,
        row: int,
        pairs: Iterable[tuple[str, Any]],
        widths: tuple[int, int],
    ) -> int:
        """Label/value lines in columns A and B from `row` on, each row as high as its
        wrapped text; returns the next free row."""
        for label, value in pairs:
            ws.write_string(row, 0, label, self.fmt["bold"])
            self.cell(ws, row, 1, value, "wrap")
            lines = max(line_count(label, widths[0]), line_count(value, widths[1]))
            ws.set_row(row, LINE_HEIGHT * lines)
            row += 1
        return row

    def fit(self, ws: Worksheet, widths: Sequence[int]) -> list[int]:
        """Set the column widths; a wide sheet prints landscape, a very wide one on as many
        pages across as keep the text readable. Returns the widths set."""
        fitted = [min(max(w, 6), MAX_WIDTH) + 1 for w in widths]
        for col, width in enumerate(fitted):
            ws.set_column(col, col, width)
        total = sum(fitted)
        if total > _WIDE:
            ws.set_landscape()
            ws.fit_to_pages(math.ceil(total / _PAGE_ACROSS), 0)
        return fitted

    def close(self) -> bytes:
        self.wb.close()
        return self._buf.getvalue()
