"""Repeated exports of one reporting period, attacked together (issue 14).

A table and its one-way margins exported one after another, in any order, each protected
together with the releases before it (earlier figures fixed in place): the independent LP
attacker, given everything that went out, may not pin any hidden count nor narrow a small
one below k. An export that cannot be made safe is refused and publishes nothing.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, build_tables, table_from_counts
from contactkluis.domain.dimensions import dimension
from contactkluis.domain.disclosure import (
    SUPPRESSED,
    DisclosureError,
    PublishedTable,
    Ref,
    suppress,
    suppress_linked,
)
from contactkluis.domain.disclosure_releases import Release, earlier_counts, make_release
from contactkluis.errors import UserError
from contactkluis.services.stats import ALL, compute_from_records
from tests.unit.test_disclosure import SMALLISH, grid
from tests.unit.test_disclosure_protection import check, own_atoms

REF = date(2025, 12, 31)
ORDERS = [("rows", "cols", "two"), ("two", "rows", "cols"), ("rows", "two", "cols")]


def margins(two: CountTable) -> dict[str, CountTable]:
    assert two.col_dim is not None
    rows = table_from_counts(
        two.row_dim, None, {(r, ONE_WAY_COL): n for r, n in two.row_totals.items()}
    )
    cols = table_from_counts(
        two.col_dim, None, {(c, ONE_WAY_COL): n for c, n in two.col_totals.items()}
    )
    return {"two": two, "rows": rows, "cols": cols}


def export_in_order(
    tables: dict[str, CountTable], order: tuple[str, ...], k: int
) -> dict[str, PublishedTable]:
    """Each export linked to the releases before it; a refused one publishes nothing."""
    done: dict[str, PublishedTable] = {}
    released: list[Release] = []
    for name in order:
        table = tables[name]
        try:
            (pub,) = suppress_linked([table], k, earlier_counts(released))
        except DisclosureError as err:
            assert err.code == "sdc.linked"
            continue
        done[name] = pub
        persons = table.grand_total
        released.append(make_release([pub], population="all", reference=REF, persons=persons))
    return done


def attack_all(tables: dict[str, CountTable], done: dict[str, PublishedTable], k: int) -> None:
    two = tables["two"]
    base = own_atoms(suppress(two, 5))  # only its labels matter here
    atoms: dict[str, dict[Ref, tuple[str, ...]]] = {
        "two": base,
        "rows": {("cell", r, ONE_WAY_COL): base[("row", r, "")] for r in two.row_labels},
        "cols": {("cell", c, ONE_WAY_COL): base[("col", c, "")] for c in two.col_labels},
    }
    grand = {("grand", "", ""): base[("grand", "", "")]}
    check([(tables[n], pub, atoms[n] | grand) for n, pub in done.items()], k)


@settings(max_examples=50, deadline=None)
@given(
    counts=st.lists(st.lists(SMALLISH, min_size=4, max_size=4), min_size=2, max_size=6),
    k=st.sampled_from([5, 10]),
    order=st.sampled_from(ORDERS),
)
def test_three_exports_one_after_another_leave_nothing_exact_or_narrowed(
    counts: list[list[int]], k: int, order: tuple[str, ...]
) -> None:
    tables = margins(grid(counts))
    done = export_in_order(tables, order, k)
    assert order[0] in done  # the first export of a period is never refused
    attack_all(tables, done, k)


@pytest.mark.parametrize("order", ORDERS)
def test_the_usual_three_exports_all_go_out_on_an_ordinary_table(order: tuple[str, ...]) -> None:
    counts = [[40, 3, 25, 12], [31, 18, 2, 27], [22, 15, 30, 1], [1, 0, 2, 0]]
    tables = margins(grid(counts))
    done = export_in_order(tables, order, 5)
    assert set(done) == {"two", "rows", "cols"}
    attack_all(tables, done, 5)
    # What the first release hid stays hidden in the two-way table that came later.
    if order[0] == "rows":
        hidden = {ref[1] for ref in done["rows"].suppressed_refs() if ref[0] == "cell"}
        assert hidden
        assert all(done["two"].row_totals[r] is SUPPRESSED for r in hidden)


def test_a_table_that_cannot_be_protected_next_to_its_published_margins_is_refused() -> None:
    """The row of 1, 2 and 3 only has shown totals and published zeros around it once its
    margins are out: the two-way table is refused, while the other order is fine."""
    counts = [[40, 3, 25, 12], [31, 18, 2, 27], [22, 15, 30, 6], [1, 0, 2, 3]]
    tables = margins(grid(counts))
    assert set(export_in_order(tables, ("rows", "cols", "two"), 5)) == {"rows", "cols"}
    assert set(export_in_order(tables, ("two", "rows", "cols"), 5)) == {"two", "rows", "cols"}


BANDS = ["20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+", "onbekend"]
AREAS = ["30", "30", "30", "26", "26", "28", *(str(n) for n in range(10, 99, 9))]


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n=st.integers(40, 400),
    k=st.sampled_from([5, 10]),
    order=st.permutations(["age", "pc2", "age,pc2"]),
)
def test_exports_through_the_registry_hold_against_the_attacker(
    seed: int, n: int, k: int, order: list[str]
) -> None:
    """The service's pure export path, each export given the releases before it."""
    rnd = random.Random(seed)
    records = [{"age": (rnd.choice(BANDS),), "pc2": (rnd.choice(AREAS),)} for _ in range(n)]
    age, pc2 = dimension("age"), dimension("pc2")
    dims = {"age": [age], "pc2": [pc2], "age,pc2": [age, pc2]}
    truth = dict(zip(dims, build_tables(records, list(dims.values())), strict=True))
    released: list[Release] = []
    done: dict[str, PublishedTable] = {}
    for by in order:
        try:
            result = compute_from_records(
                records, [dims[by]], population=ALL, reference=REF, k=k, earlier=released[::-1]
            )
        except UserError:
            assert released, "the first export of a period is never refused"
            continue
        done[by] = result.tables[0]
        released.append(result.release())
    tables = {"two": truth["age,pc2"], "rows": truth["age"], "cols": truth["pc2"]}
    named = {"age,pc2": "two", "age": "rows", "pc2": "cols"}
    attack_all(tables, {named[b]: pub for b, pub in done.items()}, k)
