"""Closed label lists: no published label may name a rare place, a file or free text."""

from __future__ import annotations

from contactkluis.domain.dimensions import UNKNOWN
from contactkluis.domain.disclosure_labels import (
    OTHER,
    rare_labels,
    relabel,
    town_index,
    town_label,
)

TOWNS = town_index(["Utrecht", "'s-Gravenhage", "Bergen op Zoom"])


def test_only_official_town_names_are_labels() -> None:
    assert town_label("  utrecht ", TOWNS) == "Utrecht"
    assert town_label("bergen  op zoom", TOWNS) == "Bergen op Zoom"
    assert town_label("Den Haag", TOWNS) == "'s-Gravenhage"
    assert town_label("Utrecht p/a Kees Kaasman diabetes", TOWNS) == OTHER
    assert town_label("", TOWNS) == UNKNOWN and town_label(None, TOWNS) == UNKNOWN


def test_values_held_by_fewer_than_k_people_merge_into_overig() -> None:
    records = [{"source": ("leden.xlsx",)}] * 12 + [
        {"source": ("Jan de Vries adressen.xlsx", "leden.xlsx")},
        {"source": (UNKNOWN,)},
    ]
    rare = rare_labels(records, "source", 10)
    assert rare == {"Jan de Vries adressen.xlsx"}
    out = relabel(records, {"source": rare})
    assert out[12] == {"source": (OTHER, "leden.xlsx")}
    assert out[0] is records[0]  # untouched records are shared, not copied


def test_the_shipped_list_holds_the_big_towns_and_no_free_text() -> None:
    from contactkluis.services.stats_records import _towns

    towns = _towns()
    assert len(towns) > 2000
    for name in ("Amsterdam", "Rotterdam", "'s-Gravenhage", "Utrecht", "Zwolle", "Delft"):
        assert towns[name.casefold()] == name
