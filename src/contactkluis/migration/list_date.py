"""The day a legacy list was true, and where that day came from.

In order of trust: a date in the title rows ("bijgewerkt 12-01-2020"), a year in the sheet or
file name ("Rondleidingen 2018"), the newest date in the sheet, the file's own metadata
(xlsx: last saved), and only then the file's modification time (often just the day it was
copied). The report names the source, so a user can see how good the date is.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from contactkluis.domain.dates import parse_date
from contactkluis.domain.messages import localized

__all__ = ["DATE_SOURCES", "ListDate", "list_date"]

DATE_SOURCES: dict[str, tuple[str, str]] = {
    "title": ("datum in de titelregel", "date in the title rows"),
    "sheet_year": ("jaartal in de bladnaam", "year in the sheet name"),
    "file_year": ("jaartal in de bestandsnaam", "year in the file name"),
    "newest_in_sheet": ("nieuwste datum in het blad", "newest date in the sheet"),
    "file_metadata": ("bestandseigenschappen (laatst opgeslagen)", "file properties (last saved)"),
    "file_mtime": ("wijzigingsdatum van het bestand", "file modification time"),
    "user": ("door de gebruiker opgegeven", "given by the user"),
}

# "12-01-2020", "12/1/2020", "2020-01-12", "12 januari 2020"
_TITLE_DATE = re.compile(
    r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\s+[a-zA-Z]{3,10}\.?\s+\d{4})"
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class ListDate:
    on: datetime.date
    source: str  # a DATE_SOURCES key

    def label(self, lang: str = "nl") -> str:
        return localized(*DATE_SOURCES[self.source], lang=lang)


def _title_date(title_cells: Iterable[object], today: datetime.date) -> datetime.date | None:
    found: list[datetime.date] = []
    for cell in title_cells:
        if isinstance(cell, datetime.date):
            found.append(cell.date() if isinstance(cell, datetime.datetime) else cell)
        elif isinstance(cell, str):
            for match in _TITLE_DATE.finditer(cell):
                when = parse_date(match.group(1), today=today)
                if when is not None:
                    found.append(when)
    found = [d for d in found if d <= today]
    return max(found) if found else None


def _name_year(text: str, today: datetime.date) -> datetime.date | None:
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year]
    if not years:
        return None
    # A list of 2018 was true at the end of 2018 at the latest ("no later than").
    return min(datetime.date(max(years), 12, 31), today)


def list_date(
    *,
    file: str,
    sheet: str,
    title_cells: Sequence[object] = (),
    sheet_dates: Iterable[object] = (),
    metadata: datetime.date | None = None,
    mtime: datetime.date | None = None,
    today: datetime.date | None = None,
) -> ListDate:
    today = today or datetime.date.today()
    when = _title_date(title_cells, today)
    if when is not None:
        return ListDate(when, "title")
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file)
    if sheet != stem and (when := _name_year(sheet, today)) is not None:
        return ListDate(when, "sheet_year")
    if (when := _name_year(stem, today)) is not None:
        return ListDate(when, "file_year")
    newest: datetime.date | None = None
    parsed: dict[str, datetime.date | None] = {}  # the same date texts recur on many rows
    for cell in sheet_dates:
        if isinstance(cell, str):
            if cell not in parsed:
                parsed[cell] = parse_date(cell, today=today)
            day = parsed[cell]
        else:
            day = parse_date(cell, today=today)
        if day is not None and day <= today and (newest is None or day > newest):
            newest = day
    if newest is not None:
        return ListDate(newest, "newest_in_sheet")
    if metadata is not None and metadata <= today:
        return ListDate(metadata, "file_metadata")
    return ListDate(mtime or today, "file_mtime")
