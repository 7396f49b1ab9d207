"""Who is counted, read from the vault: a person becomes a StatsRecord (query_records), or
the people sharing the same raw values become one profile count (query_profiles, SQL).

See services.stats for the rules (restricted records left out, relations running on the
reference date, the population all contacts or one relation kind, never a free filter).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from itertools import repeat
from operator import itemgetter
from typing import Any, TypeVar

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.crosstab import Profile, StatsRecord
from contactkluis.domain.dimensions import (
    UNKNOWN,
    Dim,
    Language,
    age_band,
    dimension,
    postcode_area,
)
from contactkluis.domain.disclosure_labels import town_index, town_label
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.migration.list_kind import ListKind
from contactkluis.services.gc_pause import gc_paused
from contactkluis.services.session import Session
from contactkluis.vault import stats_repo
from contactkluis.vault.db import Connection

_UNKNOWN_ONLY: tuple[str, ...] = (UNKNOWN,)
_CONSENT_FLAGS = frozenset({"given", "reconfirm", "withdrawn", "none"})
_REL_SEP, _FIELD_SEP = "|", ":"
_T = TypeVar("_T")


# --- population ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Population:
    """All contacts (relation None) or the people with one relation kind; nothing else."""

    relation: RelationKind | None = None

    def __post_init__(self) -> None:
        if self.relation is not None and not isinstance(self.relation, RelationKind):
            object.__setattr__(self, "relation", RelationKind(self.relation))

    @property
    def code(self) -> str:
        return "all" if self.relation is None else str(self.relation)

    def label(self, language: Language = "nl") -> str:
        if self.relation is None:
            return "alle contacten" if language == "nl" else "all contacts"
        rel = dimension("relation")
        word = "relatie" if language == "nl" else "relation"
        return f"{word}: {rel.value_label(str(self.relation), language)}"

    @classmethod
    def parse(cls, code: str) -> Population:
        """'all' (or 'alle') or a relation kind such as 'vriend'; UserError otherwise."""
        text = code.strip().lower()
        if text in ("all", "alle", "alle contacten", ""):
            return ALL
        try:
            return cls(RelationKind(text))
        except ValueError:
            choices = ", ".join(p.code for p in population_options())
            raise UserError(
                "invalid",
                reason=(
                    f"Onbekende populatie '{code}'. Kies uit: {choices}.",
                    f"Unknown population '{code}'. Choose from: {choices}.",
                ),
            ) from None


ALL = Population()


def population_options() -> list[Population]:
    return [ALL, *(Population(kind) for kind in RelationKind)]


# --- reading the vault -----------------------------------------------------------------


@cache
def _towns() -> dict[str, str]:
    text = files("contactkluis").joinpath("resources/woonplaatsen.txt").read_text("utf-8")
    return town_index(line for line in text.splitlines() if not line.startswith("#"))


def _town(value: str | None) -> tuple[str, ...]:
    return (town_label(value, _towns()),)


def _one(value: str | None) -> tuple[str, ...]:
    text = (value or "").strip()
    return (text,) if text else _UNKNOWN_ONLY


def _list_kinds(conn: Connection) -> dict[tuple[str, str], str]:
    """(file, sheet) -> the kind of list it was, only kinds of the closed list."""
    closed = {kind.value for kind in ListKind}
    return {key: kind for key, kind in stats_repo.sheet_kinds(conn).items() if kind in closed}


def _source_kinds(conn: Connection) -> dict[int, tuple[str, ...]]:
    """Contact id -> the kinds of list they came from (never a file name: a file may be
    named after a person); a list whose kind is not known counts as 'onbekend'."""
    kinds = _list_kinds(conn)
    found: dict[int, set[str]] = {}
    for contact_id, file, sheet in stats_repo.contact_sheets(conn):
        found.setdefault(contact_id, set()).add(kinds.get((file, sheet), UNKNOWN))
    return {contact_id: tuple(sorted(names)) for contact_id, names in found.items()}


def _relations(raw: str | None, wanted: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(kinds, start years) from 'vriend:2019|klant:'; the years only of the wanted kind."""
    if not raw:
        return _UNKNOWN_ONLY, _UNKNOWN_ONLY
    kinds: dict[str, None] = {}
    years: dict[str, None] = {}
    for item in raw.split(_REL_SEP):
        kind, _, year = item.partition(_FIELD_SEP)
        kinds[kind] = None
        if wanted is None or kind == wanted:
            years[year if year.isdigit() else UNKNOWN] = None
    return tuple(kinds), tuple(years) or _UNKNOWN_ONLY


def _consent_flags(raw: str | None, purposes: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    try:
        flags = json.loads(raw or "{}")
    except ValueError:
        flags = {}
    if not isinstance(flags, dict):
        flags = {}
    out = []
    for p in purposes:
        flag = flags.get(p, "none")
        out.append((flag if flag in _CONSENT_FLAGS else "none",))
    return tuple(out)


def _mapped(fn: Callable[[Any], _T], column: Sequence[Any]) -> list[_T]:
    """fn over a column, called once per distinct value; the loop itself runs in C."""
    cache = {raw: fn(raw) for raw in set(column)}
    return list(map(cache.__getitem__, column))


def query_records(
    conn: Connection,
    population: Population,
    *,
    purposes: Sequence[str],
    reference: date,
) -> list[StatsRecord]:
    """The records of `population`, read over `conn` (any connection, e.g. a worker's).

    Column-wise: each column is converted per distinct value and mapped in C, and the
    records are zipped together at the end, so no Python code runs once per person.
    """
    if not isinstance(population, Population):
        raise TypeError("population must be a Population")
    wanted = None if population.relation is None else str(population.relation)
    with gc_paused():
        sources = _source_kinds(conn)
        rows = stats_repo.counted_rows(conn, wanted, reference)
        if not rows:
            return []
        ids, pc4s, cities, years, consents, _files, statuses, segments = zip(*rows, strict=True)
        del rows
        by_contact = stats_repo.running_relations(conn, reference)
        rels = _mapped(lambda raw: _relations(raw, wanted), list(map(by_contact.get, ids)))
        columns: dict[str, list[tuple[str, ...]]] = {
            "relation": list(map(itemgetter(0), rels)),
            "since": list(map(itemgetter(1), rels)),
            "pc2": _mapped(lambda raw: (postcode_area(raw, 2),), pc4s),
            "pc4": _mapped(lambda raw: (postcode_area(raw, 4),), pc4s),
            "city": _mapped(_town, cities),
            "age": _mapped(lambda year: (age_band(year, reference),), years),
            "source": list(map(sources.get, ids, repeat(_UNKNOWN_ONLY))),
            "retention": _mapped(_one, statuses),
            "segment": _mapped(_one, segments),
        }
        if purposes:
            flags = _mapped(lambda raw: _consent_flags(raw, purposes), consents)
            for i, p in enumerate(purposes):
                columns[f"consent:{p}"] = list(map(itemgetter(i), flags))
        keys = list(columns)
        return list(map(dict, map(zip, repeat(keys), zip(*columns.values(), strict=True))))


def load_records(session: Session, population: Population = ALL) -> list[StatsRecord]:
    """Every counted person of `population` as a StatsRecord (see module docstring)."""
    session.require(Permission.STATS)
    return query_records(
        session.conn, population, purposes=list(session.purposes), reference=session.today()
    )


# --- counting in SQL: profile counts from the vault's kept counts (stats_schema) -----------


def _years(raw: str | None, reference: str) -> tuple[str, ...]:
    years = dict.fromkeys(
        y if y.isdigit() else UNKNOWN for y in stats_repo.running_heads(raw, reference)
    )
    return tuple(years) or _UNKNOWN_ONLY


def _pc2(raw: str | None) -> tuple[str, ...]:
    if raw is not None and not raw.startswith("~"):
        return (raw,)  # four digits, cut to two in SQL
    return (postcode_area(raw[1:] if raw else None, 2),)


def _key_mappers(
    conn: Connection, dims: Sequence[Dim], purposes: Sequence[str], reference: date
) -> dict[str, Callable[[Any], tuple[str, ...]]]:
    """Dimension name -> raw stats_people value -> the values a StatsRecord would hold."""
    ref = reference.isoformat()
    list_kinds = _list_kinds(conn) if any(d.key == "source" for d in dims) else {}

    def sources(raw: str | None) -> tuple[str, ...]:
        if not raw:
            return _UNKNOWN_ONLY
        pairs = (item.partition(stats_repo.PART) for item in raw.split(stats_repo.ITEM))
        return tuple(sorted({list_kinds.get((f, sheet), UNKNOWN) for f, _, sheet in pairs}))

    def relations(raw: str | None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(stats_repo.running_heads(raw, ref))) or _UNKNOWN_ONLY

    fixed: dict[str, Callable[[Any], tuple[str, ...]]] = {
        "relation": relations,
        "since": lambda raw: _years(raw, ref),
        "pc2": _pc2,
        "pc4": lambda raw: (postcode_area(raw, 4),),
        "city": _town,
        "age": lambda year: (age_band(year, reference),),
        "source": sources,
        "retention": _one,
        "segment": _one,
    }

    def consent(purpose: str | None) -> Callable[[Any], tuple[str, ...]]:
        if purpose is None or purpose not in purposes:
            return lambda _raw: ()  # as a record without it: 'onbekend'
        i = list(purposes).index(purpose)
        return lambda raw: _consent_flags(raw, purposes)[i]

    return {d.name: consent(d.purpose) if d.key == "consent" else fixed[d.key] for d in dims}


def query_profiles(
    conn: Connection,
    population: Population,
    dim_sets: Sequence[Sequence[Dim]],
    *,
    purposes: Sequence[str],
    reference: date,
) -> tuple[list[Counter[Profile]], int]:
    """The profile counts of each table (crosstab.profile_counts) and the number of people,
    counted in SQL: the kept counts of a grouping a table fits in (COUNTED_GROUPS), shared
    by every table it serves, else a GROUP BY of the table's own. The vault's rows must be
    current (stats_repo.stale)."""
    if not isinstance(population, Population):
        raise TypeError("population must be a Population")
    wanted = None if population.relation is None else str(population.relation)
    dims = {d.name: d for ds in dim_sets for d in ds}
    mappers = _key_mappers(conn, list(dims.values()), purposes, reference)
    grouped: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}

    def columns(keys: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """The GROUP BY's result column-wise: one tuple per key column, then the counts."""
        if keys not in grouped:
            rows = stats_repo.grouped_counts(conn, keys, wanted, reference)
            grouped[keys] = list(zip(*rows, strict=True)) or [() for _ in range(len(keys) + 1)]
        return grouped[keys]

    memos: dict[str, dict[Any, tuple[str, ...]]] = {name: {} for name in dims}

    def mapped(name: str, column: tuple[Any, ...]) -> Iterator[tuple[str, ...]]:
        """The values of each raw value in `column`, each distinct one converted once."""
        memo = memos[name]
        for raw in set(column) - memo.keys():
            memo[raw] = mappers[name](raw)
        return map(memo.__getitem__, column)

    out: list[Counter[Profile]] = []
    with gc_paused():
        for ds in dim_sets:
            keys = tuple(d.key for d in ds)
            # A population's own start years are not the stored column: never kept counts.
            groups = () if wanted and "since" in keys else tuple(stats_repo.COUNTED_GROUPS)
            group = next((g for g in groups if set(keys) <= set(g)), keys)
            cols = columns(group)
            values = [mapped(d.name, cols[group.index(d.key)]) for d in ds]
            counts: Counter[Profile] = Counter()
            # summed over the grouping's other columns
            for profile, n in zip(zip(*values, strict=True), cols[-1], strict=True):
                counts[profile] += n
            out.append(counts)
    return out, stats_repo.counted_people(conn, wanted, reference)
