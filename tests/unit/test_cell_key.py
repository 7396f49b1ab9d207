"""The Cell Key Method option: a fixed, unbiased p-table and noise tied to the people."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactkluis.domain.cell_key import MAX_NOISE, P_TABLE, key_sums, noise, perturb
from contactkluis.domain.crosstab import build_tables
from contactkluis.domain.dimensions import dimension

AGE, PC2 = dimension("age"), dimension("pc2")


@pytest.mark.parametrize("count", sorted(P_TABLE))
def test_every_row_of_the_p_table_is_a_distribution_without_bias(count: int) -> None:
    row = P_TABLE[count]
    assert sum(p for _, p in row) == pytest.approx(1.0)
    assert sum(step * p for step, p in row) == pytest.approx(0.0)
    assert all(abs(step) <= MAX_NOISE and count + step >= 0 for step, _ in row)


def test_zero_stays_zero_and_small_counts_are_not_shown_as_themselves_only() -> None:
    assert {noise(0, k / 100) for k in range(100)} == {0}
    assert {1 + noise(1, k / 100) for k in range(100)} == {0, 1, 2, 3}
    assert {2 + noise(2, k / 100) for k in range(100)} == {0, 1, 2, 3, 4}


def _records(n: int, seed: int) -> tuple[list[dict[str, tuple[str, ...]]], list[float]]:
    rnd = random.Random(seed)
    bands = ["20-29", "40-49", "60-69", "80+"]
    records = [
        {"age": (rnd.choice(bands),), "pc2": (rnd.choice(["30", "26", "11"]),)} for _ in range(n)
    ]
    return records, [rnd.random() for _ in records]


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 300), seed=st.integers(0, 1000))
def test_published_counts_stay_within_the_noise_of_the_truth(n: int, seed: int) -> None:
    records, keys = _records(n, seed)
    (table,) = build_tables(records, [[AGE, PC2]])
    pub = perturb(table, key_sums(records, keys, table))
    for cell, value in pub.cells.items():
        true = table.cells[cell]
        assert value == 0 if true == 0 else abs(value - true) <= MAX_NOISE
    assert abs(pub.grand_total - table.grand_total) <= MAX_NOISE  # type: ignore[operator]


def test_the_same_people_give_the_same_noise_in_every_export() -> None:
    records, keys = _records(200, 14)
    (two,) = build_tables(records, [[AGE, PC2]])
    first = perturb(two, key_sums(records, keys, two))
    # Someone joins in another cell: every cell they are not in keeps its published value.
    newcomer = {"age": ("80+",), "pc2": ("11",)}
    more, more_keys = [*records, newcomer], [*keys, 0.5]
    (two_more,) = build_tables(more, [[AGE, PC2]])
    second = perturb(two_more, key_sums(more, more_keys, two_more))
    for cell, value in first.cells.items():
        if cell != ("80+", "11"):
            assert second.cells[cell] == value
