"""Dates from spreadsheet cells: Excel serials, date objects and Dutch/English text.

Like every normaliser, never raises: an unreadable value returns None.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from numbers import Real

from contactkluis.domain.text import clean_text

__all__ = ["parse_date"]

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januari jan january",
        "februari feb febr february",
        "maart mrt mar march maa",
        "april apr",
        "mei may",
        "juni jun june",
        "juli jul july",
        "augustus aug august",
        "september sep sept",
        "oktober okt oct october",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WEEKDAYS = (
    r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"ma|di|wo|do|vr|za|zo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"
)
_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR_RE = r"'?(\d{4}|\d{2})"

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$")
_D_MONTH_Y = re.compile(
    r"^(\d{1,2})(?:e|ste|de|st|nd|rd|th)?\.?[\s\-/]*" + _MONTH_RE + r"[\s\-/,]*" + _YEAR_RE + "$"
)
_MONTH_D_Y = re.compile(r"^" + _MONTH_RE + r"\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR_RE + "$")
_MONTH_Y = re.compile(r"^" + _MONTH_RE + r"[\s\-/,]*" + _YEAR_RE + "$")
_YEAR = re.compile(r"^(\d{4})$")
_COMPACT = re.compile(r"^(\d{8})$")
_TIME_TAIL = re.compile(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?$")

# Excel's day 0 is 1900-01-00; serial 60 is the non-existent 1900-02-29 that Lotus had.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_MAX_SERIAL = 80_000  # about 2119; larger numbers are not dates in a contact list
_MIN_YEAR, _MAX_YEAR = 1800, 2200
# A bare number in this range is a year ('geboortejaar'), not a serial in 1905.
_YEAR_ONLY = range(1900, 2101)


def _make(year: int, month: int, day: int) -> datetime.date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _with_pivot(year_text: str, month: int, day: int, today: datetime.date) -> datetime.date | None:
    year = int(year_text)
    if len(year_text) == 4:
        return _make(year, month, day)
    # Two-digit years: the most recent reading that is not in the future.
    century = today.year // 100 * 100
    for candidate_year in (century + year, century - 100 + year):
        result = _make(candidate_year, month, day)
        if result is not None and result <= today:
            return result
    return None


def _from_serial(number: float) -> datetime.date | None:
    if not math.isfinite(number) or number < 1 or number >= _MAX_SERIAL:
        return None
    serial = int(number)
    if serial == 60:
        return None
    if serial < 60:
        serial += 1  # before the phantom leap day Excel is one day ahead
    return _EXCEL_EPOCH + datetime.timedelta(days=serial)


def _from_number(number: float) -> datetime.date | None:
    if not math.isfinite(number):
        return None
    if number.is_integer() and int(number) in _YEAR_ONLY:
        return datetime.date(int(number), 1, 1)
    if number.is_integer() and 10_000_000 <= number <= 99_999_999:
        return _from_compact(str(int(number)))
    return _from_serial(number)


def _from_compact(digits: str) -> datetime.date | None:
    # 20190312 (sortable exports) first, then 12032019.
    return _make(int(digits[:4]), int(digits[4:6]), int(digits[6:])) or _make(
        int(digits[4:]), int(digits[2:4]), int(digits[:2])
    )


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _from_text(text: str, today: datetime.date) -> datetime.date | None:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(_WEEKDAYS, "", text, count=1) if re.match(_WEEKDAYS, text) else text
    text = _TIME_TAIL.sub("", text).strip()
    if match := _ISO.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _DMY.match(text):
        first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
        # Day first, as Dutch write it; month first only when day-first cannot be a date.
        if first > 12 or second <= 12:
            return _with_pivot(year, second, first, today)
        return _with_pivot(year, first, second, today)
    if match := _D_MONTH_Y.match(text):
        return _with_pivot(match.group(3), _month(match.group(2)), int(match.group(1)), today)
    if match := _MONTH_D_Y.match(text):
        return _with_pivot(match.group(3), _month(match.group(1)), int(match.group(2)), today)
    if match := _MONTH_Y.match(text):
        return _with_pivot(match.group(2), _month(match.group(1)), 1, today)
    if match := _YEAR.match(text):
        year = int(match.group(1))
        return datetime.date(year, 1, 1) if year in _YEAR_ONLY else None
    if match := _COMPACT.match(text):
        return _from_compact(match.group(1))
    if re.fullmatch(r"\d{5}(\.\d+)?", text):  # a serial that went through CSV
        return _from_serial(float(text))
    return None


def parse_date(value: object, *, today: datetime.date | None = None) -> datetime.date | None:
    """A date from an Excel serial, a date object or Dutch/English text; None if unreadable.

    '12-3-2019' is 12 March (day first); 'maart 2016' is 2016-03-01; '2015' is 2015-01-01.
    Two-digit years get the latest century that does not put the date after `today`.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        if isinstance(value, int):
            return _from_number(float(value)) if abs(value) < 10**9 else None
        if isinstance(value, Real):
            return _from_number(float(value))
        text = clean_text(value)
        if text is None or len(text) > 60:
            return None
        return _from_text(text, today if today is not None else datetime.date.today())
    except (ValueError, OverflowError, KeyError):
        return None
