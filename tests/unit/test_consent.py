"""Consent precedence and the Dutch soft opt-in (Telecommunicatiewet art. 11.7)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contactkluis.domain.consent import (
    SOFT_OPT_IN_MESSAGES,
    ConsentFlag,
    consent_state,
    consent_states,
    soft_opt_in,
)
from contactkluis.domain.contact import ConsentEvent, ConsentStatus, Relation, RelationKind
from contactkluis.domain.purposes import DEFAULT_PURPOSES, purposes_by_code

P = purposes_by_code(DEFAULT_PURPOSES)
G, W = ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN


def ev(
    on: date, status: ConsentStatus = G, *, legacy: bool = False, purpose: str = "nieuwsbrief"
) -> ConsentEvent:
    return ConsentEvent(purpose, status, on, source="formulier", evidence="", reconfirm=legacy)


D1, D2, D3 = date(2021, 4, 3), date(2022, 1, 10), date(2023, 6, 1)


@pytest.mark.parametrize(
    ("events", "flag", "since"),
    [
        ([], ConsentFlag.NONE, None),
        ([ev(D1)], ConsentFlag.GIVEN, D1),
        ([ev(D1), ev(D2, W)], ConsentFlag.WITHDRAWN, D2),
        ([ev(D1), ev(D2, W), ev(D3)], ConsentFlag.GIVEN, D3),
        ([ev(D1), ev(D1, W)], ConsentFlag.WITHDRAWN, D1),  # same day: withdrawal wins
        ([ev(D1, W), ev(D1)], ConsentFlag.WITHDRAWN, D1),
        ([ev(D1, legacy=True)], ConsentFlag.RECONFIRM, D1),
        ([ev(D1, legacy=True), ev(D2, legacy=True)], ConsentFlag.RECONFIRM, D2),
        ([ev(D1, legacy=True), ev(D2)], ConsentFlag.GIVEN, D2),  # newer fresh consent clears it
        ([ev(D1), ev(D2, legacy=True)], ConsentFlag.RECONFIRM, D2),  # newer legacy list wins
        ([ev(D1, legacy=True), ev(D1)], ConsentFlag.RECONFIRM, D1),  # same day is not newer
        ([ev(D1, legacy=True), ev(D2, W)], ConsentFlag.WITHDRAWN, D2),
        ([ev(D1, W, legacy=True), ev(D1, legacy=True)], ConsentFlag.WITHDRAWN, D1),
        ([ev(D1, purpose="uitnodigingen")], ConsentFlag.NONE, None),  # other purpose
        ([ev(D1, ConsentStatus.NONE)], ConsentFlag.NONE, None),  # not a statement
    ],
)
def test_consent_precedence(
    events: list[ConsentEvent], flag: ConsentFlag, since: date | None
) -> None:
    state = consent_state(events, "nieuwsbrief")
    assert state.flag() is flag
    assert state.since == since
    assert state.stands == (flag in (ConsentFlag.GIVEN, ConsentFlag.RECONFIRM))


def test_state_carries_source_evidence_and_ordered_history() -> None:
    later = ConsentEvent("nieuwsbrief", G, D2, "website", "aanmelding #48213")
    events = [later, ev(D1), ev(D1, purpose="uitnodigingen")]
    state = consent_state(events, "nieuwsbrief")
    assert (state.source, state.evidence) == ("website", "aanmelding #48213")
    assert state.history == (ev(D1), later)


def test_events_after_today_do_not_count_yet() -> None:
    events = [ev(D1), ev(D3, W)]
    assert consent_state(events, "nieuwsbrief", today=D2).flag() is ConsentFlag.GIVEN
    assert consent_state(events, "nieuwsbrief", today=D3).flag() is ConsentFlag.WITHDRAWN


def test_states_for_every_purpose_mentioned() -> None:
    states = consent_states([ev(D1), ev(D2, W, purpose="uitnodigingen")])
    assert {code: s.flag() for code, s in states.items()} == {
        "nieuwsbrief": ConsentFlag.GIVEN,
        "uitnodigingen": ConsentFlag.WITHDRAWN,
    }


_events = st.lists(
    st.builds(
        ConsentEvent,
        purpose=st.sampled_from(["nieuwsbrief", "uitnodigingen"]),
        status=st.sampled_from([G, W]),
        on=st.dates(date(2018, 1, 1), date(2018, 1, 10)),  # narrow: many same-day ties
        source=st.sampled_from(["a", "b"]),
        evidence=st.sampled_from(["", "x"]),
        reconfirm=st.booleans(),
    ),
    max_size=8,
)


@given(_events, st.randoms(use_true_random=False))
def test_precedence_is_independent_of_input_order(
    events: list[ConsentEvent], rnd: random.Random
) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert consent_state(shuffled, "nieuwsbrief") == consent_state(events, "nieuwsbrief")


@given(_events)
def test_the_latest_date_decides_and_withdrawal_wins_its_day(events: list[ConsentEvent]) -> None:
    mine = [e for e in events if e.purpose == "nieuwsbrief"]
    state = consent_state(events, "nieuwsbrief")
    if not mine:
        assert state.flag() is ConsentFlag.NONE
        return
    last = max(e.on for e in mine)
    that_day = {e.status for e in mine if e.on == last}
    assert state.since == last
    assert state.status is (W if W in that_day else G)


# ---------------------------------------------------------------- soft opt-in

NEWS = P["nieuwsbrief"]
DAY = date(2023, 3, 1)


def rel(kind: RelationKind, *, paid: bool = False, offered: bool = True) -> Relation:
    return Relation(kind, start=DAY, last_activity=DAY, paid=paid, opt_out_offered=offered)


@pytest.mark.parametrize(
    ("relations", "ok", "codes"),
    [
        ([rel(RelationKind.KLANT)], True, []),
        ([rel(RelationKind.BEZOEKER, paid=True)], True, []),
        ([rel(RelationKind.GROEPSCONTACT, paid=True)], True, []),
        ([rel(RelationKind.BEZOEKER)], False, ["no_sale"]),  # free entry, no purchase
        ([rel(RelationKind.GROEPSCONTACT)], False, ["no_sale"]),  # unpaid booking
        ([rel(RelationKind.VRIEND)], False, ["membership_or_gift_only"]),
        ([rel(RelationKind.DONATEUR)], False, ["membership_or_gift_only"]),
        # Paying a membership fee or a gift is still not a sale of similar products.
        ([rel(RelationKind.VRIEND, paid=True)], False, ["membership_or_gift_only"]),
        (
            [rel(RelationKind.VRIEND), rel(RelationKind.DONATEUR, paid=True)],
            False,
            ["membership_or_gift_only"],
        ),
        ([], False, ["no_sale"]),
        ([rel(RelationKind.NIEUWSBRIEF)], False, ["no_sale"]),
        ([rel(RelationKind.VRIEND), rel(RelationKind.KLANT)], True, []),
        ([rel(RelationKind.KLANT, offered=False)], False, ["opt_out_not_offered"]),
        (
            [rel(RelationKind.KLANT, offered=False), rel(RelationKind.BEZOEKER, paid=True)],
            True,
            [],
        ),
    ],
)
def test_soft_opt_in_needs_a_sale_with_recorded_opt_out(
    relations: list[Relation], ok: bool, codes: list[str]
) -> None:
    result = soft_opt_in(relations, NEWS)
    assert result.ok is ok
    assert [m.code for m in result.reasons] == codes
    assert (result.sale is not None) is ok


def test_soft_opt_in_refused_when_person_opted_out_in_any_way() -> None:
    result = soft_opt_in(
        [rel(RelationKind.KLANT)],
        NEWS,
        consents=[ev(D1, W)],
        objects_marketing=True,
        suppressed=True,
    )
    assert not result.ok
    assert [m.code for m in result.reasons] == ["objected", "opted_out", "suppressed"]


def test_soft_opt_in_needs_opt_out_in_every_message() -> None:
    result = soft_opt_in([rel(RelationKind.KLANT)], NEWS, opt_out_in_every_message=False)
    assert [m.code for m in result.reasons] == ["no_opt_out_in_message"]


def test_soft_opt_in_only_for_own_similar_marketing() -> None:
    friends = soft_opt_in([rel(RelationKind.KLANT)], P["vrienden"])
    assert [m.code for m in friends.reasons] == ["not_marketing"]
    appeal = replace(NEWS, code="fondsenwerving", soft_opt_in=False)
    assert [m.code for m in soft_opt_in([rel(RelationKind.KLANT)], appeal).reasons] == [
        "not_similar"
    ]


def test_soft_opt_in_reports_the_most_recent_sale() -> None:
    old = Relation(RelationKind.KLANT, last_activity=date(2020, 1, 1), opt_out_offered=True)
    new = Relation(
        RelationKind.BEZOEKER, last_activity=date(2023, 1, 1), paid=True, opt_out_offered=True
    )
    assert soft_opt_in([old, new], NEWS).sale == new


def test_every_soft_opt_in_message_is_in_dutch_and_english() -> None:
    for code, message in SOFT_OPT_IN_MESSAGES.items():
        assert message.code == code
        assert message.text_nl and message.text_en and message.text_nl != message.text_en


def test_same_day_withdrawals_differing_only_in_legacy_mark_keep_one_history_order() -> None:
    """Regression (found by hypothesis): the history must not depend on storage order."""
    a = ConsentEvent("nieuwsbrief", ConsentStatus.WITHDRAWN, date(2024, 3, 1), "balie", "", False)
    b = ConsentEvent("nieuwsbrief", ConsentStatus.WITHDRAWN, date(2024, 3, 1), "balie", "", True)
    assert consent_state([a, b], "nieuwsbrief") == consent_state([b, a], "nieuwsbrief")
