"""Phone cells read for the country the number belongs to, every number in a cell kept.

The region comes from the number itself ('+32 …', '0032 …': phonenumbers reads those for any
region), else from the row's address (country, postcode shape, town), else NL. A number that
is not valid for that region is kept exactly as written and flagged: reading '0478/02 12 34'
as Dutch would give a real-looking Venray number that belongs to someone else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from contactkluis.domain.normalize import normalize_phone, plain_nl_phone

__all__ = ["PhoneCell", "read_phone", "read_phone_cell", "split_numbers"]

# 'a / b', 'a; b', 'a, b', 'a en b', 'a of b', one per line. A bare '/' is the Belgian
# zone separator ('03/827 12 34') and splits only when both sides are whole numbers.
_SEVERAL = re.compile(r"\s+/\s+|\s*[;|\n]\s*|\s*,\s+|\s+(?:en|of|or|and|&)\s+", re.IGNORECASE)
_MIN_DIGITS = 6  # fewer digits than this is a remark ('bellen na 6'), not a number kept
_LABEL = re.compile(r"^\s*(?:tel|telefoon|gsm|mob|mobiel|thuis|werk|privé|prive|fax)\.?\s*:\s*",
                    re.IGNORECASE)  # fmt: skip


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def split_numbers(text: str) -> list[str]:
    """The numbers one cell holds: '06-12345678 / 020-1234567' -> both."""
    parts = [p.strip() for p in _SEVERAL.split(text) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        halves = part.split("/")
        # '06-12345678/020-1234567': two whole numbers glued by a slash.
        if len(halves) == 2 and all(_digits(h) >= 9 for h in halves):
            out.extend(h.strip() for h in halves)
        else:
            out.append(part)
    return out or [text.strip()]


@lru_cache(maxsize=16384)
def read_phone(text: str, region: str) -> str | None:
    """E.164 of a valid number for `region` (or with its own country code), else None."""
    text = _LABEL.sub("", text)
    fast = plain_nl_phone(text) if region == "NL" else None
    return fast or normalize_phone(text, region)


@dataclass
class PhoneCell:
    """What one row's phone cells gave: numbers to keep and what happened to them."""

    phones: list[str] = field(default_factory=list)  # E.164, or as written when not valid
    kept_as_written: list[str] = field(default_factory=list)  # the texts not understood
    dropped: list[str] = field(default_factory=list)  # too few digits to be a number
    rewritten: int = 0  # numbers stored in another notation than written
    several: bool = False  # a cell held more than one number


def read_phone_cell(texts: list[str], region: str, into: PhoneCell | None = None) -> PhoneCell:
    """Read the phone cells of one row (each may hold several numbers) for `region`."""
    found = into or PhoneCell()
    for text in texts:
        numbers = split_numbers(text)
        found.several = found.several or len(numbers) > 1
        for number in numbers:
            e164 = read_phone(number, region)
            if e164 is None:
                if _digits(number) < _MIN_DIGITS:
                    found.dropped.append(number)
                    continue
                found.kept_as_written.append(number)
                value = number
            else:
                value = e164
                if e164 != number:
                    found.rewritten += 1
            if value not in found.phones:
                found.phones.append(value)
    return found
