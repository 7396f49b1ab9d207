"""Protection across releases: what was published before limits what may be published now.

Two releases of the same table can undo each other's protection: a rounded and a suppressed
version together pin down many hidden counts, and two releases a few people apart show
exactly those people by subtraction. Every export is therefore registered (tables,
population, reference date, method, number of people, a digest per table of what was
published), and a new one is checked against the earlier ones of the same reporting period
(the calendar year of the reference date):

- the same table of the same population is not released both rounded and suppressed;
- the same table is not released again with other figures after a change of fewer than k
  people (1..k-1 more or fewer): the earlier figures stand;
- what a release published (counts and marks only, no people) is kept with it, so a later
  release of the same data is protected together with it (disclosure.suppress_linked) and a
  frozen period can give its figures again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from contactkluis.domain.crosstab import CountTable
from contactkluis.domain.dimensions import dimension
from contactkluis.domain.disclosure import (
    MARK,
    SUPPRESSED,
    Method,
    Published,
    PublishedTable,
    Semantic,
    published_counts,
)


def table_name(table: PublishedTable | CountTable) -> str:
    return (
        table.row_dim.name
        if table.col_dim is None
        else f"{table.row_dim.name}x{table.col_dim.name}"
    )


def _shown(value: Published) -> int | str:
    return MARK if value is SUPPRESSED else value


def _content(table: PublishedTable) -> dict[str, Any]:
    return {
        "rows": list(table.row_labels),
        "cols": list(table.col_labels),
        "cells": [[r, c, _shown(v)] for (r, c), v in sorted(table.cells.items())],
        "row_totals": [[r, _shown(v)] for r, v in sorted(table.row_totals.items())],
        "col_totals": [[c, _shown(v)] for c, v in sorted(table.col_totals.items())],
        "grand": _shown(table.grand_total),
        "method": [table.method.kind, table.method.k, table.method.base],
    }


def table_digest(table: PublishedTable) -> str:
    """A digest of exactly what a reader of `table` sees (labels, numbers and marks)."""
    raw = json.dumps(_content(table), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def table_record(table: PublishedTable) -> dict[str, Any]:
    """What a reader of `table` saw, as JSON: dimensions, labels, numbers and marks."""
    dims = [table.row_dim.name, table.col_dim.name if table.col_dim else None]
    return {"dims": dims, **_content(table)}


def _value(raw: Any) -> Published:
    return SUPPRESSED if raw == MARK else int(raw)


def table_from_record(record: Mapping[str, Any]) -> PublishedTable:
    """The table `table_record` wrote (ValueError/KeyError/TypeError when it is damaged)."""
    row_name, col_name = record["dims"]
    kind, k, base = record["method"]
    return PublishedTable(
        row_dim=dimension(str(row_name)),
        col_dim=None if col_name is None else dimension(str(col_name)),
        row_labels=tuple(map(str, record["rows"])),
        col_labels=tuple(map(str, record["cols"])),
        cells={(str(r), str(c)): _value(v) for r, c, v in record["cells"]},
        row_totals={str(r): _value(v) for r, v in record["row_totals"]},
        col_totals={str(c): _value(v) for c, v in record["col_totals"]},
        grand_total=_value(record["grand"]),
        method=Method(kind, k=k, base=base),
    )


@dataclass(frozen=True, slots=True)
class Release:
    population: str
    reference: date
    method: str  # "suppression" or "rounding"
    persons: int
    digests: Mapping[str, str]  # table name -> digest
    tables: Mapping[str, PublishedTable] = field(default_factory=dict)  # as published
    when: str = ""  # when it was registered (the audit entry's time), for messages

    @property
    def period(self) -> int:
        return self.reference.year

    def detail(self) -> dict[str, Any]:
        """What goes into the audit entry (counts and digests only, no personal data)."""
        return {
            "reference": self.reference.isoformat(),
            "method": self.method,
            "persons": self.persons,
            "digests": dict(self.digests),
            "published": {name: table_record(t) for name, t in self.tables.items()},
        }

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any], when: str = "") -> Release | None:
        """The release an audit entry describes; None for entries from before the registry.
        Tables whose published figures were not kept (older entries) are left out of
        `tables`, and their digests still count."""
        try:
            tables = {}
            for name, record in dict(detail.get("published") or {}).items():
                try:
                    tables[str(name)] = table_from_record(record)
                except (KeyError, TypeError, ValueError):
                    continue
            return cls(
                population=str(detail["population"]),
                reference=date.fromisoformat(str(detail["reference"])),
                method=str(detail["method"]),
                persons=int(detail["persons"]),
                digests={str(k): str(v) for k, v in dict(detail["digests"]).items()},
                tables=tables,
                when=when,
            )
        except (KeyError, TypeError, ValueError):
            return None


def make_release(
    tables: Sequence[PublishedTable], *, population: str, reference: date, persons: int
) -> Release:
    method = tables[0].method.kind if tables else "suppression"
    return Release(
        population=population,
        reference=reference,
        method=method,
        persons=persons,
        digests={table_name(t): table_digest(t) for t in tables},
        tables={table_name(t): t for t in tables},
    )


def same_data(new: Release, earlier: Iterable[Release]) -> list[Release]:
    """The earlier suppressed releases of the same period and population, counted over the
    same number of people: the ones a new suppressed release is protected together with."""
    return [
        old
        for old in earlier
        if old.period == new.period
        and old.population == new.population
        and old.method == "suppression"
        and old.persons == new.persons
    ]


def earlier_counts(releases: Iterable[Release]) -> dict[Semantic, Published]:
    """What the releases showed or hid, by meaning; shown anywhere counts as shown (it is
    public, whatever another release hid)."""
    counts: dict[Semantic, Published] = {}
    for release in releases:
        for table in release.tables.values():
            for meaning, value in published_counts(table).items():
                if counts.get(meaning, SUPPRESSED) is SUPPRESSED:
                    counts[meaning] = value
    return counts


@dataclass(frozen=True, slots=True)
class Conflict:
    code: str  # "mixed_method" or "small_change"
    table: str
    earlier: Release


def conflicts(new: Release, earlier: Iterable[Release], k: int) -> list[Conflict]:
    """Why `new` may not be published next to the `earlier` releases ([] = it may)."""
    found: list[Conflict] = []
    for old in earlier:
        if old.period != new.period or old.population != new.population:
            continue
        for name in sorted(set(old.digests) & set(new.digests)):
            if old.method != new.method:
                found.append(Conflict("mixed_method", name, old))
            elif old.digests[name] != new.digests[name] and 0 < abs(old.persons - new.persons) < k:
                found.append(Conflict("small_change", name, old))
    return found
