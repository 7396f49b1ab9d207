"""The first-name list (resources/voornamen.txt): whether a word is a known given name.

A list is what tells 'Jansen Pieter' from 'Pieter Jansen' when neither particles nor
initials do, and a column of given names from a column of surnames. It knows a few
thousand names; a word it does not know says nothing either way.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

__all__ = ["is_first_name", "known_first_names"]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def known_first_names() -> frozenset[str]:
    """The list, accents folded ('André' and 'Andre' are one name)."""
    text = files("contactkluis").joinpath("resources/voornamen.txt").read_text("utf-8")
    return frozenset(
        _fold(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@lru_cache(maxsize=32768)
def is_first_name(word: str) -> bool:
    """'Pieter', 'ANNA', 'Jan-Willem' (each part known), 'Paul.': yes; 'Jansen': no."""
    key = _fold(word.strip(" .,;:"))
    if not key:
        return False
    names = known_first_names()
    if key in names:
        return True
    parts = key.split("-")
    return len(parts) > 1 and all(p in names for p in parts)
