"""Protection across releases: what was published before limits what may be published now.

Two releases of the same table can undo each other's protection: a rounded and a suppressed
version together pin down many hidden counts, and two releases a few people apart show
exactly those people by subtraction. Every export is therefore registered (tables,
population, reference date, method, number of people, a digest per table of what was
published), and a new one is checked against the earlier ones of the same reporting period
(the calendar year of the reference date):

- the same table of the same population is not released both rounded and suppressed;
- the same table is not released again with other figures after a change of fewer than k
  people (1..k-1 more or fewer): the earlier figures stand.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from contactkluis.domain.disclosure import MARK, SUPPRESSED, Published, PublishedTable


def table_name(table: PublishedTable) -> str:
    return (
        table.row_dim.name
        if table.col_dim is None
        else f"{table.row_dim.name}x{table.col_dim.name}"
    )


def _shown(value: Published) -> int | str:
    return MARK if value is SUPPRESSED else value


def table_digest(table: PublishedTable) -> str:
    """A digest of exactly what a reader of `table` sees (labels, numbers and marks)."""
    content = {
        "rows": list(table.row_labels),
        "cols": list(table.col_labels),
        "cells": [[r, c, _shown(v)] for (r, c), v in sorted(table.cells.items())],
        "row_totals": [[r, _shown(v)] for r, v in sorted(table.row_totals.items())],
        "col_totals": [[c, _shown(v)] for c, v in sorted(table.col_totals.items())],
        "grand": _shown(table.grand_total),
        "method": [table.method.kind, table.method.k, table.method.base],
    }
    raw = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Release:
    population: str
    reference: date
    method: str  # "suppression" or "rounding"
    persons: int
    digests: Mapping[str, str]  # table name -> digest

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
        }

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> Release | None:
        """The release an audit entry describes; None for entries from before the registry."""
        try:
            return cls(
                population=str(detail["population"]),
                reference=date.fromisoformat(str(detail["reference"])),
                method=str(detail["method"]),
                persons=int(detail["persons"]),
                digests={str(k): str(v) for k, v in dict(detail["digests"]).items()},
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
    )


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
