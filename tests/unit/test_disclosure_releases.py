"""Protection across releases: the registry refuses the pairs that undo suppression."""

from __future__ import annotations

from datetime import date

from contactkluis.domain.disclosure import round_base, suppress
from contactkluis.domain.disclosure_releases import Release, conflicts, make_release
from tests.unit.test_disclosure import grid

REF = date(2025, 12, 31)


def release(counts: list[list[int]], persons: int, rounded: bool = False, when: date = REF):  # type: ignore[no-untyped-def]
    table = grid(counts)
    pub = round_base(table, 5) if rounded else suppress(table, k=5)
    return make_release([pub], population="all", reference=when, persons=persons)


def test_rounded_and_suppressed_versions_of_one_table_are_not_both_allowed() -> None:
    first = release([[3, 10], [20, 30]], 63)
    again = release([[3, 10], [20, 30]], 63, rounded=True)
    assert [c.code for c in conflicts(again, [first], 5)] == ["mixed_method"]
    next_year = release([[3, 10], [20, 30]], 63, rounded=True, when=date(2026, 12, 31))
    assert conflicts(next_year, [first], 5) == []


def test_a_re_export_a_few_people_later_is_refused_but_not_the_same_figures() -> None:
    first = release([[3, 10], [20, 30]], 63)
    one_more = release([[4, 10], [20, 30]], 64)
    assert [c.code for c in conflicts(one_more, [first], 5)] == ["small_change"]
    assert conflicts(release([[3, 10], [20, 30]], 63), [first], 5) == []
    many_more = release([[3, 12], [24, 30]], 69)
    assert conflicts(many_more, [first], 5) == []


def test_the_digest_is_of_what_is_shown_and_survives_the_audit_detail() -> None:
    first = release([[3, 10], [20, 30]], 63)
    assert first.detail()["persons"] == 63
    back = Release.from_detail({**first.detail(), "population": "all"})
    assert back == first
