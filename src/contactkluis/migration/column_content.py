"""What a column's cells look like, for the columns whose header does not settle it.

Three uses: a header that only half names a field ("Telefoon ouder") is taken when its cells
agree, a column without a known header is taken for what its cells are, and a column
that is not imported but holds e-mails, phones, postcodes, addresses, birth dates or
first names is named in the report as a warning, so nothing is lost without a word.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence

from contactkluis.domain.normalize import is_postcode_like, parse_date
from contactkluis.migration.first_names import is_first_name

_SAMPLE = 200
# "Kerkstraat 12", "Kerkstraat 12a, 3512 AB Utrecht": a street and number, maybe more.
_STREET = re.compile(r"^[^\d@,]{3,}\s\d+\s?[-\w]{0,5}(?:,|$)")
_DIGITS = re.compile(r"\d")
_EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _texts(values: Sequence[object]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value is None:
            continue
        if isinstance(value, datetime.date):
            out.append(value.isoformat())
            continue
        text = str(value).strip()
        if text:
            out.append(text)
            if len(out) >= _SAMPLE:
                break
    return out


def _share(texts: list[str], pred: Callable[[str], bool]) -> float:
    return sum(1 for t in texts if pred(t)) / len(texts) if texts else 0.0


def _is_email(text: str) -> bool:
    return _EMAIL_SHAPE.search(text) is not None


def _is_phone(text: str) -> bool:
    # Any region: 8 to 15 digits and hardly any letters ("06-1234 5678", "0478/02 12 34",
    # "+32 3 827 12 34", two numbers joined by " / ").
    digits = len(_DIGITS.findall(text))
    letters = sum(1 for c in text if c.isalpha())
    if not (8 <= digits <= 32 and letters <= 2 and "@" not in text):
        return False
    # "2021-03-04 10:15:00" (Mailchimp's CONFIRM_TIME) has the digits but is a moment.
    return ":" not in text and parse_date(text) is None


def _is_postcode(text: str) -> bool:
    return is_postcode_like(text)


def _is_street(text: str) -> bool:
    return _STREET.match(text) is not None


def _is_given_names(text: str) -> bool:
    # 'Pieter', 'Anna Maria', 'Jan-Willem': every word a name on the first-name list.
    words = text.split()
    return 0 < len(words) <= 3 and all(is_first_name(w) for w in words)


def first_names(texts: list[str]) -> bool:
    """Mostly names from the first-name list: a column of given names. Surnames that are
    given names too ('Willem', 'Thomas') are a few; a column of them is not a surname column."""
    return len(texts) >= 2 and _share(texts, _is_given_names) >= 0.6


def _birth_year(text: str) -> int | None:
    when = parse_date(text)
    return when.year if when else None


def birth_dates(texts: list[str]) -> bool:
    """Dates spread over decades, all in the past: people's birth dates, not the days
    they signed up (which lie within a few years of each other)."""
    years = [y for y in (_birth_year(t) for t in texts) if y is not None]
    if len(years) < 3 or len(years) < 0.6 * len(texts):
        return False
    this_year = datetime.date.today().year
    return max(years) <= this_year - 2 and min(years) >= 1900 and max(years) - min(years) >= 15


_CHECKS: dict[str, Callable[[str], bool]] = {
    "email": _is_email,
    "phone": _is_phone,
    "postcode": _is_postcode,
    "street_house": _is_street,
}


def content_agrees(field: str, values: Sequence[object]) -> bool:
    """Whether the cells bear out a field read from a half-matching header. An empty
    column does: there is nothing to contradict the header."""
    texts = _texts(values)
    if len(texts) < 2:
        return True
    if field == "birth_date":
        return _share(texts, lambda t: parse_date(t) is not None) >= 0.5
    check = _CHECKS.get(field)
    return check is None or _share(texts, check) >= 0.5


def looks_like(values: Sequence[object]) -> str | None:
    """The kind of contact data a column holds ('email', 'phone', 'postcode', 'address',
    'birth_date', 'first_name'), or None when it holds none of these."""
    texts = _texts(values)
    if not texts:
        return None  # one filled cell is enough: the loss would be silent all the same
    if _share(texts, _is_email) >= 0.6:
        return "email"
    if _share(texts, _is_postcode) >= 0.6:
        return "postcode"
    if _share(texts, _is_phone) >= 0.6:
        return "phone"
    if _share(texts, _is_street) >= 0.6:
        return "address"
    if birth_dates(texts):
        return "birth_date"
    if first_names(texts):
        return "first_name"
    return None


def content_field(values: Sequence[object]) -> str | None:
    """A field taken from the cells alone, beyond what `headers.field_from_content` knows:
    birth dates and first names (the other kinds it recognises itself)."""
    texts = _texts(values)
    if len(texts) < 2:
        return None
    if birth_dates(texts):
        return "birth_date"
    return "first_name" if first_names(texts) else None
