"""Disclosure control: no small count shown, no hidden count recoverable from what is shown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, table_from_counts
from contactkluis.domain.dimensions import dimension
from contactkluis.domain.disclosure import (
    GRAND,
    SUPPRESSED,
    DisclosureError,
    Method,
    Published,
    PublishedTable,
    Ref,
    audit,
    round_base,
    suppress,
    suppress_linked,
)

ROWS = dimension("pc4")
COLS = dimension("since")
SMALLISH = st.sampled_from([0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 9, 12, 20, 45])


def grid(rows: list[list[int]]) -> CountTable:
    counts = {
        (str(1000 + i), str(2000 + j)): v for i, row in enumerate(rows) for j, v in enumerate(row)
    }
    return table_from_counts(ROWS, COLS, counts)


def column(values: list[int]) -> CountTable:
    return table_from_counts(
        ROWS, None, {(str(1000 + i), ONE_WAY_COL): v for i, v in enumerate(values)}
    )


def true_value(table: CountTable, ref: Ref) -> int:
    kind, a, b = ref
    if kind == "cell":
        return table.cells[(a, b)]
    if kind == "row":
        return table.row_totals[a]
    if kind == "col":
        return table.col_totals[a]
    return table.grand_total


# --- independent brute force: search the completions a reader could consider --------------


def _alternative_exists(table: CountTable, pub: PublishedTable, target: Ref) -> bool:
    """Is there a completion of `pub` (hidden counts >= 1, shown ones fixed, everything adding
    up) in which `target` differs from its true value? Depth-first over the hidden cells."""
    rows, cols = table.row_labels, table.cell_cols()
    cap = max([*table.cells.values(), 0]) + 1  # a change of one suffices if any change does
    hidden = [(r, c) for r in rows for c in cols if pub.cells[(r, c)] is SUPPRESSED]
    values = {key: v for key, v in pub.cells.items() if v is not SUPPRESSED}

    def shown(value: Published) -> int | None:
        return None if value is SUPPRESSED else value

    def margins_ok(final: bool) -> bool:
        derived: dict[Ref, int] = {}
        for r in rows:
            if final or all((r, c) in values for c in cols):
                derived[("row", r, "")] = sum(values[(r, c)] for c in cols)
        for c in table.col_labels:
            if final or all((r, c) in values for r in rows):
                derived[("col", c, "")] = sum(values[(r, c)] for r in rows)
        if final:
            derived[GRAND] = sum(values.values())
        for ref, got in derived.items():
            kind, a, _ = ref
            if kind == "row" and table.col_dim is None:
                continue  # a one-way table has no separate row totals
            want: Published = (
                pub.row_totals[a]
                if kind == "row"
                else pub.col_totals[a]
                if kind == "col"
                else pub.grand_total
            )
            if shown(want) is None:
                if got < 1:
                    return False
            elif got != want:
                return False
        return True

    def derived_target() -> int:
        kind, a, _ = target
        if kind == "cell":
            return values[(target[1], target[2])]
        if kind == "row":
            return sum(values[(a, c)] for c in cols)
        if kind == "col":
            return sum(values[(r, a)] for r in rows)
        return sum(values.values())

    def search(i: int) -> bool:
        if i == len(hidden):
            return margins_ok(final=True) and derived_target() != true_value(table, target)
        for v in range(1, cap + 1):
            values[hidden[i]] = v
            if margins_ok(final=False) and search(i + 1):
                return True
        del values[hidden[i]]
        return False

    return search(0)


def assert_protected(table: CountTable, pub: PublishedTable, k: int) -> None:
    for value in pub.published_values():
        assert value == 0 or value >= k, f"small count {value} shown"
    for (r, c), cell in pub.cells.items():
        assert cell is SUPPRESSED or cell == table.cells[(r, c)]
        if table.cells[(r, c)] == 0:
            assert cell == 0, "zeros are shown"
    assert audit(table, pub) == []


# --- concrete cases ----------------------------------------------------------------------


def test_primary_suppression_alone_leaks_through_the_row_total() -> None:
    table = grid([[3, 10, 12], [20, 30, 40]])
    primary_only = PublishedTable(
        row_dim=ROWS,
        col_dim=COLS,
        row_labels=table.row_labels,
        col_labels=table.col_labels,
        cells={key: (SUPPRESSED if v == 3 else v) for key, v in table.cells.items()},
        row_totals=dict(table.row_totals),
        col_totals=dict(table.col_totals),
        grand_total=table.grand_total,
        method=Method("suppression", k=5),
    )
    # 25 - 10 - 12 = 3: the audit sees it, and so does a reader.
    assert ("cell", "1000", "2000") in audit(table, primary_only)
    assert not _alternative_exists(table, primary_only, ("cell", "1000", "2000"))

    pub = suppress(table, k=5)
    assert_protected(table, pub, 5)
    hidden_in_row = [c for c in table.col_labels if pub.cells[("1000", c)] is SUPPRESSED]
    assert len(hidden_in_row) >= 2
    assert pub.cells[("1000", "2001")] is SUPPRESSED  # the smallest complement, 10
    for ref in pub.suppressed_refs():
        assert _alternative_exists(table, pub, ref), ref


def test_lone_small_cell_in_a_row_of_zeros_is_covered_via_the_totals() -> None:
    table = grid([[0, 3, 0], [10, 20, 30], [15, 25, 35]])
    pub = suppress(table, k=5)
    assert_protected(table, pub, 5)
    assert pub.cells[("1000", "2001")] is SUPPRESSED
    assert pub.row_totals["1000"] is SUPPRESSED  # it equals the cell
    # the row itself has nothing else to hide: another row's total and cells must go
    assert sum(v is SUPPRESSED for v in pub.row_totals.values()) >= 2
    assert pub.cells[("1000", "2000")] == 0 and pub.cells[("1000", "2002")] == 0
    for ref in pub.suppressed_refs():
        assert _alternative_exists(table, pub, ref), ref


def test_one_way_complement_is_the_smallest_other_count() -> None:
    table = column([0, 3, 0, 40, 12])
    pub = suppress(table, k=5)
    assert_protected(table, pub, 5)
    assert pub.cells[("1001", ONE_WAY_COL)] is SUPPRESSED
    assert pub.cells[("1004", ONE_WAY_COL)] is SUPPRESSED
    assert pub.cells[("1003", ONE_WAY_COL)] == 40
    assert pub.grand_total == 55


def test_one_way_with_a_single_nonzero_count_hides_the_total() -> None:
    pub = suppress(column([0, 12, 0]), k=5)
    assert pub.cells[("1001", ONE_WAY_COL)] == 12 and pub.grand_total == 12
    table = column([0, 3, 0])
    pub = suppress(table, k=5)
    assert pub.grand_total is SUPPRESSED
    assert_protected(table, pub, 5)


def test_two_hidden_ones_with_a_shown_total_are_not_enough() -> None:
    # 1 + 1 with the total shown: both must be 1, so something more has to go.
    table = column([1, 1, 30, 50])
    pub = suppress(table, k=5)
    assert_protected(table, pub, 5)
    assert pub.cells[("1002", ONE_WAY_COL)] is SUPPRESSED


def test_k_outside_the_allowed_range_is_refused_in_dutch() -> None:
    with pytest.raises(DisclosureError) as err:
        suppress(grid([[1]]), k=2)
    assert err.value.code == "sdc.k_range"
    assert "drempel" in str(err.value)
    assert "threshold" in err.value.message("en")
    with pytest.raises(DisclosureError):
        suppress(grid([[1]]), k=21)


def test_rounding_to_five_rounds_totals_on_their_own() -> None:
    table = grid([[3, 3, 3], [2, 8, 13]])
    pub = round_base(table, 5)
    assert [pub.cells[("1000", c)] for c in table.col_labels] == [5, 5, 5]
    assert pub.row_totals["1000"] == 10  # 9 rounded, not 5 + 5 + 5
    assert [pub.cells[("1001", c)] for c in table.col_labels] == [0, 10, 15]
    assert pub.grand_total == 30  # 32
    assert pub.method.kind == "rounding" and "5" in pub.method.describe("nl")
    with pytest.raises(DisclosureError):
        round_base(table, 3)


def test_linked_tables_hide_a_shared_total_in_both() -> None:
    rel_by_year = grid([[3, 10, 12], [20, 30, 40], [2, 50, 60]])
    by_rel = column([25, 90, 112])  # the same relation totals, as a one-way table
    two_way, one_way = suppress_linked([rel_by_year, by_rel], k=5)
    assert_protected(rel_by_year, two_way, 5)
    assert_protected(by_rel, one_way, 5)
    for r in rel_by_year.row_labels:
        hidden_here = two_way.row_totals[r] is SUPPRESSED
        assert hidden_here == (one_way.cells[(r, ONE_WAY_COL)] is SUPPRESSED)


# --- properties --------------------------------------------------------------------------


@st.composite
def tables(draw: st.DrawFn, max_rows: int, max_cols: int) -> CountTable:
    n_rows = draw(st.integers(1, max_rows))
    if draw(st.booleans()):
        return column(draw(st.lists(SMALLISH, min_size=n_rows, max_size=n_rows)))
    n_cols = draw(st.integers(1, max_cols))
    return grid(
        draw(
            st.lists(
                st.lists(SMALLISH, min_size=n_cols, max_size=n_cols),
                min_size=n_rows,
                max_size=n_rows,
            )
        )
    )


@settings(max_examples=300, deadline=None)
@given(table=tables(12, 8), k=st.integers(5, 20))
def test_suppressed_tables_show_no_small_count_and_pass_the_audit(
    table: CountTable, k: int
) -> None:
    pub = suppress(table, k=k)
    assert_protected(table, pub, k)


@settings(max_examples=60, deadline=None)
@given(table=tables(2, 2), k=st.sampled_from([5, 6]))
def test_every_hidden_count_admits_another_value_by_brute_force(table: CountTable, k: int) -> None:
    pub = suppress(table, k=k)
    for ref in sorted(pub.suppressed_refs()):
        assert _alternative_exists(table, pub, ref), ref


@settings(max_examples=200, deadline=None)
@given(table=tables(12, 8))
def test_rounding_shows_multiples_of_five_only(table: CountTable) -> None:
    pub = round_base(table, 5)
    assert pub.published_values(), "rounding hides nothing"
    assert all(v % 5 == 0 for v in pub.published_values())
    assert all(abs(pub.cells[key] - v) <= 2 for key, v in table.cells.items())  # type: ignore[operator]
    assert round_base(table, 5) == pub
