"""Whether a single name column writes the surname first, decided once for the whole column.

One cell says little ('Altrahel Nader' can be read both ways), a column says more: where its
tussenvoegsels fall ('de Vries Piet', 'Van Dyck Ineke' against 'Piet de Vries'), where its
initials stand ('Jansen J.' against 'J. Jansen') and whether it uses commas ('Vries, Piet de').
The column is read surname-first only when those signs say so more often than not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from contactkluis.domain.contact import PersonName
from contactkluis.domain.names import (
    INFIXES,
    build_name,
    initials_of,
    is_initials,
    looks_like_couple,
    parse_full_name,
)
from contactkluis.domain.normalize import clean_text
from contactkluis.migration.first_names import is_first_name

__all__ = [
    "SAMPLE",
    "column_order",
    "flemish_particle",
    "parse_given_first",
    "parse_surname_first",
]

SAMPLE = 2000  # rows looked at: the order of a column shows in its first thousands
_REMARK = re.compile(r"\([^()]*\)")


def _tokens(value: object) -> list[str]:
    text = clean_text(value)
    if text is None or len(text) > 200:
        return []
    return _REMARK.sub(" ", text).split()


def _vote(tokens: Sequence[str], has_comma: bool) -> int:
    """+1 surname first, -1 given name first, 0 no sign."""
    if has_comma:
        return 1
    if len(tokens) < 2:
        return 0
    if is_initials(tokens[-1]) and not is_initials(tokens[0]):
        return 1
    if is_initials(tokens[0]) and not is_initials(tokens[-1]):
        return -1
    if len(tokens) >= 3 and tokens[0].lower() in INFIXES:
        return 1  # 'de Vries Piet', 'Van Dyck Ineke': a surname leads
    if any(t.lower() in INFIXES and t.islower() for t in tokens[1:-1]):
        return -1  # 'Piet de Vries'
    leads, ends = is_first_name(tokens[0]), is_first_name(tokens[-1])
    if leads != ends:  # 'Pieter Jansen' / 'Jansen Pieter'; 'Martin Paul' says nothing
        return -1 if leads else 1
    return 0


def column_order(values: Iterable[object]) -> str:
    """'surname_first' or 'given_first' when the column's signs agree (two to one at
    least), 'uncertain' when its names give no sign or split, '' when it holds no name
    of two words or more (nothing to order)."""
    first = given = names = 0
    for index, value in enumerate(values):
        if index >= SAMPLE:
            break
        text = clean_text(value)
        if text is None:
            continue
        tokens = _tokens(text)
        names += len(tokens) >= 2 or "," in text
        vote = _vote(tokens, "," in text)
        first += vote > 0
        given += vote < 0
    if first and first >= 2 * given:
        return "surname_first"
    if given and given >= 2 * first:
        return "given_first"
    return "uncertain" if names else ""


def parse_surname_first(value: object) -> PersonName:
    """'Van Dyck Ineke' -> Ineke / Van Dyck; 'de Vries Piet' -> Piet / de / Vries."""
    text = clean_text(value)
    tokens = _tokens(text)
    if text is None or "," in text or len(tokens) < 2 or any(is_initials(t) for t in tokens):
        return parse_full_name(value)  # commas and trailing initials it reads itself
    surname, given = tokens[:-1], tokens[-1]
    if len(surname) >= 2 and surname[0].lower() in INFIXES and surname[0][:1].isupper():
        # A Flemish surname: its capitalised particle is part of it, as written.
        return PersonName(first=given, initials=initials_of(given), last=" ".join(surname))
    return parse_full_name(f"{' '.join(surname)}, {given}")


def parse_given_first(value: object) -> PersonName:
    """parse_full_name, except that a double surname after a known first name stays whole:
    'Anna Schimmelpenninck van der Oye' -> Anna / Schimmelpenninck van der Oye, where the
    cell alone makes 'Schimmelpenninck' a second given name and 'van der' a tussenvoegsel."""
    name = parse_full_name(value)
    if not (name.first and name.infix and name.last) or looks_like_couple(name.first):
        return name
    words = name.first.split()
    lead = 0
    while lead < len(words) and is_first_name(words[lead]):
        lead += 1
    if lead == 0 or lead == len(words) or any(is_initials(w) for w in words[lead:]):
        return name
    surname = f"{' '.join(words[lead:])} {name.infix} {name.last}"
    return build_name(" ".join(words[:lead]), None, None, surname)


def flemish_particle(name: PersonName, written: str | None) -> PersonName:
    """A Belgian 'Van' written with a capital is part of the surname ('Van Dyck'), not a
    Dutch tussenvoegsel to be lower-cased and sorted apart: kept as written."""
    if not written or not name.last or not written[:1].isupper():
        return name
    if written.lower() != (name.infix or "").lower():
        return name
    return PersonName(name.first, name.initials, None, f"{written} {name.last}")
