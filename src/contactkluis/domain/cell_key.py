"""The Cell Key Method (as ABS TableBuilder and CBS for Census 2021 use it): an option,
measured against suppression, not yet offered in the product (see the report of issue 14).

Every person carries a fixed random record key in [0, 1). A count's cell key is the sum of
the record keys of the people in it, modulo 1; its noise is read from one fixed table (the
p-table) at that cell key. The same people therefore always give the same noise, whichever
export the count appears in, so comparing two exports does not average the noise away, and a
change of one person changes the cell key completely rather than by a predictable step.

Parameters (document them with every release that uses the method):
- maximum noise D = 2: a published count is within 2 of the true count;
- zeros stay zero (no people, no key);
- counts 1 and 2 are published as 0..3 and 0..4, never revealing a 1 or 2 as such;
- every row of the p-table is unbiased (its expected published value is the true count);
- totals get their own noise (keyed by the sum over the people in them), so they need not
  add up, as with rounding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, StatsRecord
from contactkluis.domain.disclosure import GRAND, Method, PublishedTable, Ref, _publish

MAX_NOISE: Final = 2
# count -> ((noise, probability), ...); the row for 3 holds for every count from 3 up.
P_TABLE: Final[Mapping[int, tuple[tuple[int, float], ...]]] = {
    1: ((-1, 0.5), (0, 0.2), (1, 0.1), (2, 0.2)),
    2: ((-2, 0.15), (-1, 0.2), (0, 0.35), (1, 0.1), (2, 0.2)),
    3: ((-2, 0.05), (-1, 0.2), (0, 0.5), (1, 0.2), (2, 0.05)),
}


def noise(count: int, cell_key: float) -> int:
    """The noise of a count whose cell key is `cell_key` (0 <= cell_key < 1)."""
    if count <= 0:
        return 0
    edge = 0.0
    row = P_TABLE[min(count, 3)]
    for step, probability in row:
        edge += probability
        if cell_key < edge:
            return step
    return row[-1][0]


def key_sums(
    records: Sequence[StatsRecord], keys: Sequence[float], table: CountTable
) -> dict[Ref, float]:
    """Cell key of every count of `table` (made from `records`): the sum of the record keys
    behind it, modulo 1. A person counted in several cells adds their key to each, and a
    total is keyed by the sum of its cells, as it is counted."""
    row_name = table.row_dim.name
    col_name = table.col_dim.name if table.col_dim else None
    cells: dict[tuple[str, str], float] = {}
    for record, key in zip(records, keys, strict=True):
        cols = record.get(col_name, ()) if col_name else (ONE_WAY_COL,)
        for r in record.get(row_name, ()):
            for c in cols:
                cells[(r, c)] = cells.get((r, c), 0.0) + key
    out: dict[Ref, float] = {("cell", r, c): v for (r, c), v in cells.items()}
    rows: dict[str, float] = {}
    cols_sum: dict[str, float] = {}
    for (r, c), v in cells.items():
        rows[r] = rows.get(r, 0.0) + v
        cols_sum[c] = cols_sum.get(c, 0.0) + v
    out |= {("row", r, ""): v for r, v in rows.items()}
    out |= {("col", c, ""): v for c, v in cols_sum.items()}
    out[GRAND] = sum(cells.values())
    return {ref: v % 1.0 for ref, v in out.items()}


def perturb(table: CountTable, cell_keys: Mapping[Ref, float]) -> PublishedTable:
    """Publish every count of `table` with its cell-key noise (never below zero)."""

    def show(ref: Ref, value: int) -> int:
        return max(0, value + noise(value, cell_keys.get(ref, 0.0)))

    return _publish(table, show, Method("cellkey", base=MAX_NOISE))
