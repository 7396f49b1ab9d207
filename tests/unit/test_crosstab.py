"""Counting people into tables, and the dimensions they are counted by."""

from __future__ import annotations

from datetime import date

import pytest
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from contactkluis.domain.crosstab import ONE_WAY_COL, StatsRecord, build_table, build_tables
from contactkluis.domain.dimensions import (
    UNKNOWN,
    DimensionError,
    age_band,
    dimension,
    parse_dimensions,
    postcode_area,
)

PURPOSES = ["nieuwsbrief", "vrienden"]


def test_parse_dimensions_accepts_one_or_two_known_names() -> None:
    dims = parse_dimensions("relation, consent:nieuwsbrief", PURPOSES)
    assert [d.name for d in dims] == ["relation", "consent:nieuwsbrief"]
    assert dims[1].label("nl") == "Toestemming nieuwsbrief"
    assert dims[1].label("en") == "Consent nieuwsbrief"
    assert dims[1].value_label("withdrawn", "nl") == "ingetrokken"


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        ("", "dim.empty"),
        ("colour", "dim.unknown"),
        ("relation,age,city", "dim.too_many"),
        ("age,age", "dim.duplicate"),
        ("consent", "dim.consent_purpose_missing"),
        ("consent:loterij", "dim.consent_purpose_unknown"),
        ("age:x", "dim.unknown"),
    ],
)
def test_parse_dimensions_explains_what_is_wrong(spec: str, code: str) -> None:
    with pytest.raises(DimensionError) as err:
        parse_dimensions(spec, PURPOSES)
    assert err.value.code == code
    assert err.value.message("en") != str(err.value)  # Dutch first, English on request


def test_values_are_ordered_for_reading_with_unknown_last() -> None:
    assert dimension("age").ordered([UNKNOWN, "90+", "30-39", "0-9", "100-109"]) == (
        "0-9",
        "30-39",
        "90+",
        "100-109",
        UNKNOWN,
    )
    assert dimension("retention").ordered(["expired", UNKNOWN, "ok", "soon"]) == (
        "ok",
        "soon",
        "expired",
        UNKNOWN,
    )
    assert dimension("since").ordered(["2021", "1999", "2005"]) == ("1999", "2005", "2021")
    assert dimension("pc4").ordered(["9711", "1012", UNKNOWN]) == ("1012", "9711", UNKNOWN)
    assert dimension("city").ordered(["zwolle", "Amsterdam", "Ede"]) == (
        "Amsterdam",
        "Ede",
        "zwolle",
    )


def test_value_helpers() -> None:
    ref = date(2025, 1, 1)
    assert age_band(1990, ref) == "30-39"
    assert age_band(1925, ref) == "90+"
    assert age_band(None, ref) == UNKNOWN
    assert postcode_area("1234 AB", 2) == "12"
    assert postcode_area("1234 AB", 4) == "1234"
    assert postcode_area("B-1000", 4) == UNKNOWN
    assert postcode_area(None, 2) == UNKNOWN


def test_a_person_with_two_relations_counts_once_under_each() -> None:
    records: list[StatsRecord] = [
        {"relation": ("vriend", "donateur"), "age": ("40-49",)},
        {"relation": ("vriend", "vriend"), "age": ()},
        {"relation": (), "age": ("40-49",)},
    ]
    one = build_table(records, [dimension("relation")])
    assert one.row_labels == ("vriend", "donateur", UNKNOWN)
    assert one.cells[("vriend", ONE_WAY_COL)] == 2
    assert one.cells[(UNKNOWN, ONE_WAY_COL)] == 1
    assert one.grand_total == 4 and one.persons == 3

    two = build_table(records, [dimension("relation"), dimension("age")])
    assert two.cells[("vriend", "40-49")] == 1
    assert two.cells[("vriend", UNKNOWN)] == 1
    assert two.cells[("donateur", UNKNOWN)] == 0  # zeros are part of the table
    assert two.row_totals == {"vriend": 2, "donateur": 1, UNKNOWN: 1}
    assert two.col_totals == {"40-49": 3, UNKNOWN: 1}
    assert two.grand_total == 4


def test_missing_key_counts_as_unknown() -> None:
    table = build_table([{"city": ("Ede",)}, {}], [dimension("city")])
    assert table.cells == {("Ede", ONE_WAY_COL): 1, (UNKNOWN, ONE_WAY_COL): 1}


def test_build_tables_matches_single_builds() -> None:
    fake = Faker("nl_NL")
    Faker.seed(7)
    records: list[StatsRecord] = [
        {
            "city": (fake.city(),),
            "relation": tuple(fake.random_elements(["vriend", "klant", "bezoeker"], unique=True)),
            "age": (age_band(fake.random_int(1930, 2010), date(2025, 6, 1)),),
        }
        for _ in range(300)
    ]
    specs = [
        [dimension("relation")],
        [dimension("relation"), dimension("age")],
        [dimension("age")],
        [dimension("city")],
    ]
    assert build_tables(records, specs) == [build_table(records, s) for s in specs]


VALUES = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=3).map(tuple)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({"city": VALUES, "segment": VALUES}), max_size=40))
def test_tables_add_up(records: list[StatsRecord]) -> None:
    table = build_table(records, [dimension("city"), dimension("segment")])
    for r in table.row_labels:
        assert table.row_totals[r] == sum(table.cells[(r, c)] for c in table.col_labels)
    for c in table.col_labels:
        assert table.col_totals[c] == sum(table.cells[(r, c)] for r in table.row_labels)
    assert table.grand_total == sum(table.row_totals.values()) == sum(table.col_totals.values())
    expected = sum(len(set(p["city"]) or {1}) * len(set(p["segment"]) or {1}) for p in records)
    assert table.grand_total == expected
