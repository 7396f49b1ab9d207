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
    initials_of,
    is_initials,
    parse_full_name,
)
from contactkluis.domain.normalize import clean_text

__all__ = ["SAMPLE", "column_order", "flemish_particle", "parse_surname_first"]

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
    return 0


def column_order(values: Iterable[object]) -> str:
    """'surname_first', 'given_first', or '' when the column gives no sign either way."""
    first = given = 0
    for index, value in enumerate(values):
        if index >= SAMPLE:
            break
        text = clean_text(value)
        if text is None:
            continue
        vote = _vote(_tokens(text), "," in text)
        first += vote > 0
        given += vote < 0
    if first > given:
        return "surname_first"
    return "given_first" if given else ""


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


def flemish_particle(name: PersonName, written: str | None) -> PersonName:
    """A Belgian 'Van' written with a capital is part of the surname ('Van Dyck'), not a
    Dutch tussenvoegsel to be lower-cased and sorted apart: kept as written."""
    if not written or not name.last or not written[:1].isupper():
        return name
    if written.lower() != (name.infix or "").lower():
        return name
    return PersonName(name.first, name.initials, None, f"{written} {name.last}")
