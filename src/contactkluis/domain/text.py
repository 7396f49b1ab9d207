"""The text of a spreadsheet cell, cleaned: the first step of every normaliser.

Split from normalize so the date parser can use it without importing the rest.
"""

from __future__ import annotations

import datetime
import math

__all__ = ["clean_text"]

_BIG_INT = 10**18
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def clean_text(value: object) -> str | None:
    """The text of a cell with whitespace collapsed; None for empty cells.

    Integer-valued floats lose their ".0" because Excel stores every number as a float.
    """
    if value is None:
        return None
    if type(value) is str and value.isprintable():
        # The common case: already clean. A printable str holds none of the invisible
        # characters and no whitespace but the ASCII space, so only runs and ends of
        # spaces could change it.
        if "  " not in value and value[:1] != " " and value[-1:] != " ":
            return value or None
        return " ".join(value.split()) or None
    if type(value) is int and -_BIG_INT < value < _BIG_INT:
        return str(value)  # digits and a sign: nothing to clean
    if type(value) is float and math.isfinite(value):
        # A house number or a phone read as a number: digits, a sign, '.', 'e' only.
        return str(int(value)) if value.is_integer() else repr(value)
    return _clean_text_reference(value)


def _clean_text_reference(value: object) -> str | None:
    """clean_text without its shortcut: the arbiter the shortcut is tested against."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "ja" if value else "nee"
    elif isinstance(value, float):
        if not math.isfinite(value):
            return None
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, datetime.datetime):
        text = value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        try:
            text = str(value)
        except Exception:  # a foreign object with a broken __str__ is still just a bad cell
            return None
    text = text.translate(_INVISIBLE)
    text = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text)
    text = " ".join(text.split())
    return text or None
