"""Protection intervals, checked by the independent LP attacker (tests/support).

For every primary count (1..k-1) a reader's feasible range must reach k, and no hidden count
may be exact: on random tables, on linked tables of one export, and the product's own exact
interval computation must agree with the attacker's LP.
"""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, build_tables, table_from_counts
from contactkluis.domain.dimensions import dimension
from contactkluis.domain.disclosure import (
    INF,
    SUPPRESSED,
    Published,
    PublishedTable,
    Ref,
    intervals,
    suppress,
    suppress_linked,
    underprotected,
)
from contactkluis.services.stats import ALL, compute_from_records
from tests.support.disclosure_attacker import Cell, attack
from tests.support.disclosure_attacker import PublishedTable as View
from tests.unit.test_disclosure import SMALLISH, column, grid, tables, true_value

OPEN = 2**30  # the attacker reports an unbounded end as about 2**31


def _value(v: Published) -> int | None:
    return None if v is SUPPRESSED else v


def view(name: str, pub: PublishedTable, atoms: dict[Ref, tuple[str, ...]]) -> View:
    """What a reader sees: every number a sum of atoms; hidden ones known to be >= 1."""
    t = View(name)
    numbers: dict[Ref, Published] = {("cell", r, c): v for (r, c), v in pub.cells.items()}
    if not pub.is_one_way:
        numbers |= {("row", r, ""): v for r, v in pub.row_totals.items()}
        numbers |= {("col", c, ""): v for c, v in pub.col_totals.items()}
    numbers[("grand", "", "")] = pub.grand_total
    for ref, v in numbers.items():
        value = _value(v)
        t.cells.append(Cell(f"{name}|{'|'.join(ref)}", atoms[ref], value, 1, int(value is None)))
    return t


def own_atoms(pub: PublishedTable) -> dict[Ref, tuple[str, ...]]:
    """Atoms of a table over its own cells (a one-way table is a column of cells)."""
    cols = pub.cell_cols()
    out: dict[Ref, tuple[str, ...]] = {}
    for r in pub.row_labels:
        for c in cols:
            out[("cell", r, c)] = (f"{r}/{c}",)
        out[("row", r, "")] = tuple(f"{r}/{c}" for c in cols)
    for c in pub.col_labels:
        out[("col", c, "")] = tuple(f"{r}/{c}" for r in pub.row_labels)
    out[("grand", "", "")] = tuple(f"{r}/{c}" for r in pub.row_labels for c in cols)
    return out


def check(tables_: list[tuple[CountTable, PublishedTable, dict[Ref, tuple[str, ...]]]], k: int):
    views = [view(f"t{i}", pub, atoms) for i, (_, pub, atoms) in enumerate(tables_)]
    bounds = attack(views)
    for i, (table, pub, _) in enumerate(tables_):
        for ref in pub.suppressed_refs():
            if pub.is_one_way and ref[0] == "row":
                continue  # a one-way table's row totals are its cells
            lo, hi = bounds[f"t{i}|{'|'.join(ref)}"]
            truth = true_value(table, ref)
            assert lo < hi, (ref, truth, "exact")
            if truth < k:
                assert hi >= k, (ref, truth, lo, hi)
    return bounds


@settings(max_examples=120, deadline=None)
@given(table=tables(8, 6), k=st.integers(5, 12))
def test_no_primary_count_is_narrowed_below_k_nor_exact(table: CountTable, k: int) -> None:
    pub = suppress(table, k=k)
    bounds = check([(table, pub, own_atoms(pub))], k)
    assert underprotected(table, pub, k) == []
    # The product's exact intervals are the attacker's.
    for ref, (lo, hi) in intervals(table, pub).items():
        a_lo, a_hi = bounds[f"t0|{'|'.join(ref)}"]
        assert lo == a_lo
        assert hi == a_hi or (hi == INF and a_hi >= OPEN)


@settings(max_examples=60, deadline=None)
@given(
    counts=st.lists(st.lists(SMALLISH, min_size=4, max_size=4), min_size=2, max_size=6),
    k=st.sampled_from([5, 10]),
)
def test_linked_tables_of_one_export_keep_their_protection(counts: list[list[int]], k: int) -> None:
    """A two-way table and both its one-way margins, published together."""
    two = grid(counts)
    rows = table_from_counts(
        two.row_dim, None, {(r, ONE_WAY_COL): n for r, n in two.row_totals.items()}
    )
    assert two.col_dim is not None
    cols = table_from_counts(
        two.col_dim, None, {(c, ONE_WAY_COL): n for c, n in two.col_totals.items()}
    )
    pubs = suppress_linked([two, rows, cols], k)
    base = own_atoms(pubs[0])
    row_atoms = {("cell", r, ONE_WAY_COL): base[("row", r, "")] for r in two.row_labels}
    col_atoms = {("cell", c, ONE_WAY_COL): base[("col", c, "")] for c in two.col_labels}
    grand = {("grand", "", ""): base[("grand", "", "")]}
    check(
        [
            (two, pubs[0], base),
            (rows, pubs[1], row_atoms | grand),
            (cols, pubs[2], col_atoms | grand),
        ],
        k,
    )


def test_a_small_count_next_to_a_large_column_hides_small_cells_not_the_column() -> None:
    table = grid([[2, 15, 440], [12, 30, 25], [15, 25, 60]])
    pub = suppress(table, k=10)
    assert pub.cells[("1000", "2002")] == 440
    assert pub.col_totals["2002"] == 525
    assert pub.grand_total == 624
    check([(table, pub, own_atoms(pub))], 10)


def test_one_way_primary_reaches_k() -> None:
    table = column([2, 11, 40, 300])
    pub = suppress(table, k=10)
    assert pub.cells[("1003", ONE_WAY_COL)] == 300
    check([(table, pub, own_atoms(pub))], 10)


def test_a_synthetic_standard_export_holds_against_the_attacker() -> None:
    """age, pc2 and age x pc2 in one export (linked), as compute_from_records makes it."""
    rnd = random.Random(14)
    areas = ["30", "30", "30", "26", "26", "28", *(str(n) for n in range(10, 99, 7))]
    bands = ["20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+", "onbekend"]
    records = [{"age": (rnd.choice(bands),), "pc2": (rnd.choice(areas),)} for _ in range(400)]
    age, pc2 = dimension("age"), dimension("pc2")
    result = compute_from_records(
        records, [[age], [pc2], [age, pc2]], population=ALL, reference=date(2025, 12, 31), k=10
    )
    truth = build_tables(records, [[age], [pc2], [age, pc2]])
    one_age, one_pc2, two = result.tables
    base = own_atoms(two)
    grand = {("grand", "", ""): base[("grand", "", "")]}
    age_atoms = {("cell", r, ONE_WAY_COL): base[("row", r, "")] for r in two.row_labels}
    pc2_atoms = {("cell", c, ONE_WAY_COL): base[("col", c, "")] for c in two.col_labels}
    check(
        [
            (truth[2], two, base),
            (truth[0], one_age, age_atoms | grand),
            (truth[1], one_pc2, pc2_atoms | grand),
        ],
        10,
    )
    assert two.suppressed_refs(), "the synthetic vault has small cells to protect"
