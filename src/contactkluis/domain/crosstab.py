"""Counting people into one-way and two-way tables with totals.

The unit is person × value: a person with two relations counts once under each, so every
row and column adds up to its total (the table is additive) and the grand total can exceed
the number of people. A person without a value for a dimension counts under 'onbekend'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter, methodcaller

from contactkluis.domain.dimensions import UNKNOWN, Dim

StatsRecord = Mapping[str, tuple[str, ...]]
ONE_WAY_COL = ""  # column key of the cells of a one-way table
Key = tuple[str, str]

_UNKNOWN_ONLY: tuple[str, ...] = (UNKNOWN,)


@dataclass(frozen=True, slots=True)
class CountTable:
    """True counts; never leaves the program unprotected (see disclosure.py)."""

    row_dim: Dim
    col_dim: Dim | None
    row_labels: tuple[str, ...]
    col_labels: tuple[str, ...]  # () for a one-way table
    cells: dict[Key, int]  # every (row, col) pair present, zeros included
    row_totals: dict[str, int]
    col_totals: dict[str, int]
    grand_total: int
    persons: int

    @property
    def is_one_way(self) -> bool:
        return self.col_dim is None

    def cell_cols(self) -> tuple[str, ...]:
        """The column keys of the cells: (ONE_WAY_COL,) for a one-way table."""
        return self.col_labels if self.col_dim is not None else (ONE_WAY_COL,)


def _values(raw: tuple[str, ...]) -> tuple[str, ...]:
    if not raw:
        return _UNKNOWN_ONLY
    if len(raw) == 1:
        return raw
    return tuple(dict.fromkeys(v or UNKNOWN for v in raw))  # a value counts once per person


Profile = tuple[tuple[str, ...], ...]  # one person's values for each dimension of a table


def build_table(records: Iterable[StatsRecord], dims: Sequence[Dim]) -> CountTable:
    """Count `records` by one or two dimensions."""
    return build_tables(records, [dims])[0]


def build_tables(
    records: Iterable[StatsRecord], dim_sets: Sequence[Sequence[Dim]]
) -> list[CountTable]:
    """Count `records` once for several tables (the standard export)."""
    rows: Sequence[StatsRecord] = records if isinstance(records, Sequence) else list(records)
    return tables_from_profiles(profile_counts(rows, dim_sets), dim_sets, len(rows))


def profile_counts(
    records: Sequence[StatsRecord], dim_sets: Sequence[Sequence[Dim]]
) -> list[Counter[Profile]]:
    """For each table, how many people have each combination of value tuples.

    Each dimension's values are pulled out of the records once, and counting distinct value
    tuples first keeps the per-record work inside Counter's C loop: that matters for the
    100,000-person export. A one-way table whose dimension is also in a two-way table is
    summed from that table's few thousand distinct pairs instead of another pass.
    """
    columns: dict[str, list[tuple[str, ...]]] = {}

    def column(dim: Dim) -> list[tuple[str, ...]]:
        if dim.name not in columns:
            columns[dim.name] = _column(records, dim.name)
        return columns[dim.name]

    pair_counts: dict[tuple[str, str], Counter[Profile]] = {}
    for dims in dim_sets:
        if not 1 <= len(dims) <= 2:
            raise ValueError("a table has one or two dimensions")
        if len(dims) == 2 and (dims[0].name, dims[1].name) not in pair_counts:
            pair_counts[(dims[0].name, dims[1].name)] = Counter(
                zip(column(dims[0]), column(dims[1]), strict=True)
            )
    out: list[Counter[Profile]] = []
    for dims in dim_sets:
        if len(dims) == 2:
            out.append(pair_counts[(dims[0].name, dims[1].name)])
            continue
        found = [
            (p, pair.index(dims[0].name)) for pair, p in pair_counts.items() if dims[0].name in pair
        ]
        out.append(marginal(*found[0]) if found else Counter(zip(column(dims[0]))))
    return out


def marginal(counts: Counter[Profile], side: int) -> Counter[Profile]:
    """The one-way counts of dimension `side` of a two-way table's profile counts."""
    acc: Counter[Profile] = Counter()
    for profile, n in counts.items():
        acc[(profile[side],)] += n
    return acc


def tables_from_profiles(
    profiles: Sequence[Counter[Profile]], dim_sets: Sequence[Sequence[Dim]], persons: int
) -> list[CountTable]:
    """The tables of `dim_sets` from their profile counts (see profile_counts): a person
    counts once under each of their values, 'onbekend' when they have none."""
    tables = []
    for counts, dims in zip(profiles, dim_sets, strict=True):
        cells: Counter[Key] = Counter()
        if len(dims) == 1:
            for (raw,), n in counts.items():
                for value in _values(raw):
                    cells[(value, ONE_WAY_COL)] += n
        else:
            for (raw_r, raw_c), n in counts.items():
                col_values = _values(raw_c)
                for r in _values(raw_r):
                    for c in col_values:
                        cells[(r, c)] += n
        tables.append(_complete(dims[0], dims[1] if len(dims) == 2 else None, cells, persons))
    return tables


def _column(records: Sequence[StatsRecord], name: str) -> list[tuple[str, ...]]:
    try:  # itemgetter is twice as fast as .get when every record has the key
        return list(map(itemgetter(name), records))
    except KeyError:
        return list(map(methodcaller("get", name, ()), records))


def _complete(row_dim: Dim, col_dim: Dim | None, counts: Counter[Key], persons: int) -> CountTable:
    row_labels = row_dim.ordered(r for r, _ in counts)
    col_labels = col_dim.ordered(c for _, c in counts) if col_dim is not None else ()
    cols = col_labels if col_dim is not None else (ONE_WAY_COL,)
    cells = {(r, c): counts.get((r, c), 0) for r in row_labels for c in cols}
    row_totals = {r: sum(cells[(r, c)] for c in cols) for r in row_labels}
    col_totals = {c: sum(cells[(r, c)] for r in row_labels) for c in col_labels}
    return CountTable(
        row_dim=row_dim,
        col_dim=col_dim,
        row_labels=row_labels,
        col_labels=col_labels,
        cells=cells,
        row_totals=row_totals,
        col_totals=col_totals,
        grand_total=sum(row_totals.values()),
        persons=persons,
    )


def table_from_counts(
    row_dim: Dim, col_dim: Dim | None, counts: Mapping[Key, int], persons: int = 0
) -> CountTable:
    """A CountTable from ready counts (for tests and for counts made elsewhere)."""
    return _complete(row_dim, col_dim, Counter(dict(counts)), persons)
