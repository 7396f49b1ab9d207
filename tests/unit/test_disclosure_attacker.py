"""The attacker itself, on hand-made tables whose feasible ranges are known."""

from __future__ import annotations

import pytest

from tests.support.disclosure_attacker import Cell, PublishedTable, attack, grid_table


def _two_by_two(values: dict[tuple[str, str], int | None], base: int = 1) -> PublishedTable:
    true = {("a", "x"): 3, ("a", "y"): 7, ("b", "x"): 6, ("b", "y"): 4}
    rows, cols = ("a", "b"), ("x", "y")

    def total(cells: list[tuple[str, str]]) -> int:
        v = sum(true[k] for k in cells)
        return base * round(v / base) if base > 1 else v

    return grid_table(
        "t",
        rows,
        cols,
        lambda r, c: values[(r, c)],
        lambda r, c: [f"{r}{c}"],
        row_total=lambda r: total([(r, c) for c in cols]),
        col_total=lambda c: total([(r, c) for r in rows]),
        grand=total(list(true)),
        base=base,
    )


@pytest.mark.parametrize("integer", [False, True])
def test_one_hidden_cell_of_a_two_by_two_is_found_exactly(integer: bool) -> None:
    t = _two_by_two({("a", "x"): None, ("a", "y"): 7, ("b", "x"): 6, ("b", "y"): 4})
    assert attack([t], integer=integer) == {"t|a|x": (3, 3)}


def test_all_four_hidden_with_margins_leaves_the_fréchet_range() -> None:
    # rows 10, 10; cols 9, 11: a|x in [0, 9], the others follow from it
    t = _two_by_two(dict.fromkeys([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")]))
    got = attack([t])
    assert got["t|a|x"] == (0, 9)
    assert got["t|a|y"] == (1, 10)
    assert got["t|b|y"] == (1, 10)


def test_rounded_table_gives_intervals_of_five_values() -> None:
    # true 3 7 6 4 printed 5 5 5 5 (each in [3, 7]), totals 10 10 10 10 20 add nothing
    vals = {("a", "x"): 5, ("a", "y"): 5, ("b", "x"): 5, ("b", "y"): 5}
    t = _two_by_two(vals, base=5)  # type: ignore[arg-type]
    ids = [c.id for c in t.cells if c.id.count("*") == 0]
    assert attack([t], ids) == dict.fromkeys(ids, (3, 7))
    assert attack([t], ids, integer=True) == dict.fromkeys(ids, (3, 7))


def test_rounded_small_count_is_clipped_at_zero() -> None:
    t = PublishedTable("t", [Cell("t|x", ("x",), 0, base=5), Cell("t|y", ("y",), 5, base=5)])
    assert attack([t], ["t|x", "t|y"]) == {"t|x": (0, 2), "t|y": (3, 7)}


def test_subtracting_a_subpopulation_table_reveals_a_hidden_cell() -> None:
    full = PublishedTable(
        "all", [Cell("all|x", ("vx", "ox"), 9), Cell("all|y", ("vy", "oy"), None)]
    )
    full.cells.append(Cell("all|*", ("vx", "ox", "vy", "oy"), 11))
    friends = PublishedTable("v", [Cell("v|y", ("vy",), 2)])
    others = PublishedTable("o", [Cell("o|x", ("ox",), 9)])
    assert attack([full])["all|y"] == (2, 2)  # from the total alone
    got = attack([full, friends, others], ["all|y"])
    assert got["all|y"] == (2, 2)


def test_unbounded_cell_is_reported_as_wide_open() -> None:
    t = PublishedTable("t", [Cell("t|x", ("x",), None), Cell("t|y", ("y",), 4)])
    lo, hi = attack([t])["t|x"]
    assert lo == 0 and hi > 10**6


def test_contradicting_publications_are_refused() -> None:
    t = PublishedTable(
        "t", [Cell("t|x", ("x",), 4), Cell("t|*", ("x",), 5), Cell("h", ("x",), None)]
    )
    with pytest.raises(ValueError):
        attack([t])


def test_hidden_cells_known_nonzero_are_narrowed_from_below() -> None:
    # zeros are shown, so a hidden x is >= 1; with the total 4 and y shown as 0, x is exact
    t = PublishedTable(
        "t", [Cell("t|x", ("x",), None, at_least=1), Cell("t|z", ("z",), None, at_least=1)]
    )
    t.cells.append(Cell("t|*", ("x", "z"), 4))
    assert attack([t]) == {"t|x": (1, 3), "t|z": (1, 3)}
