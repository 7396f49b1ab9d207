"""Retention: keep-until dates, their Dutch reasons and status; and what anonymisation keeps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contactkluis.domain.contact import (
    Address,
    ConsentEvent,
    ConsentStatus,
    Contact,
    PersonName,
    Relation,
    RelationKind,
)
from contactkluis.domain.purposes import (
    DEFAULT_PURPOSES,
    RetentionAnchor,
    RetentionRule,
    purposes_by_code,
)
from contactkluis.domain.retention import (
    AnonymisedRecord,
    Retention,
    RetentionStatus,
    anonymised_fields,
    birth_year_band,
    evaluate_contact,
    evaluate_retention,
)

P = purposes_by_code(DEFAULT_PURPOSES)
TODAY = date(2024, 3, 15)
G, W = ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN
OK, SOON, EXPIRED = RetentionStatus.OK, RetentionStatus.SOON, RetentionStatus.EXPIRED


def news(on: date, status: ConsentStatus = G, *, legacy: bool = False) -> ConsentEvent:
    return ConsentEvent("nieuwsbrief", status, on, "formulier", reconfirm=legacy)


def friend(start: date | None, end: date | None) -> Relation:
    return Relation(RelationKind.VRIEND, start=start, end=end)


def gift(on: date) -> Relation:
    return Relation(RelationKind.DONATEUR, start=on, last_activity=on)


def visit(kind: RelationKind, on: date) -> Relation:
    return Relation(kind, last_activity=on)


def evaluate(
    relations: list[Relation], consents: list[ConsentEvent] | None = None, **kw: Any
) -> Retention:
    return evaluate_retention(relations, consents or [], P, today=TODAY, **kw)


@pytest.mark.parametrize(
    ("relations", "consents", "until", "status", "texts"),
    [
        (
            [friend(date(2012, 5, 1), date(2019, 12, 1))],
            [],
            date(2021, 12, 1),
            EXPIRED,
            ["Vriend tot 01-12-2019 + 2 jaar"],
        ),
        (
            [gift(date(2020, 6, 5))],
            [],
            date(2027, 6, 5),
            OK,
            ["Gift 05-06-2020 + 7 jaar (fiscale bewaarplicht)"],
        ),
        (
            [],
            [news(date(2021, 4, 3))],
            None,
            OK,
            ["Nieuwsbrief: toestemming sinds 03-04-2021 (zolang die geldt)"],
        ),
        (
            [],
            [news(date(2021, 4, 3), legacy=True)],
            None,
            OK,
            ["Nieuwsbrief: toestemming sinds 03-04-2021 (zolang die geldt, te herbevestigen)"],
        ),
        (
            [friend(date(2015, 1, 1), None)],
            [],
            None,
            OK,
            ["Vriend sinds 01-01-2015 (lopende relatie)"],
        ),
        (
            [visit(RelationKind.GROEPSCONTACT, date(2023, 9, 1))],
            [],
            date(2024, 9, 1),
            OK,
            ["Groepsbezoek 01-09-2023 + 1 jaar"],
        ),
        (
            [visit(RelationKind.BEZOEKER, date(2022, 3, 20))],
            [],
            date(2024, 3, 20),
            SOON,
            ["Laatste bezoek 20-03-2022 + 2 jaar"],
        ),
        (
            [visit(RelationKind.KLANT, date(2021, 1, 1))],
            [],
            date(2023, 1, 1),
            EXPIRED,
            ["Laatste aankoop 01-01-2021 + 2 jaar"],
        ),
        # The latest of several reasons wins; every reason is listed, the deciding one first.
        (
            [
                friend(date(2012, 5, 1), date(2019, 12, 1)),
                gift(date(2020, 6, 5)),
                visit(RelationKind.KLANT, date(2023, 2, 1)),
            ],
            [news(date(2020, 1, 1)), news(date(2022, 2, 2), W)],
            date(2027, 6, 5),
            OK,
            [
                "Gift 05-06-2020 + 7 jaar (fiscale bewaarplicht)",
                "Laatste aankoop 01-02-2023 + 2 jaar",
                "Vriend tot 01-12-2019 + 2 jaar",
            ],
        ),
        # A standing consent is open-ended and outranks every dated reason.
        (
            [friend(date(2012, 5, 1), date(2019, 12, 1))],
            [news(date(2021, 4, 3))],
            None,
            OK,
            [
                "Nieuwsbrief: toestemming sinds 03-04-2021 (zolang die geldt)",
                "Vriend tot 01-12-2019 + 2 jaar",
            ],
        ),
        # Leap day + 2 years lands on 28 February.
        (
            [visit(RelationKind.KLANT, date(2020, 2, 29))],
            [],
            date(2022, 2, 28),
            EXPIRED,
            ["Laatste aankoop 29-02-2020 + 2 jaar"],
        ),
    ],
)
def test_retention_scenarios(
    relations: list[Relation],
    consents: list[ConsentEvent],
    until: date | None,
    status: RetentionStatus,
    texts: list[str],
) -> None:
    result = evaluate(relations, consents)
    assert result.until == until
    assert result.status is status
    assert [r.text_nl for r in result.reasons] == texts
    assert not result.held and not result.review


def test_withdrawn_newsletter_consent_gives_no_newsletter_reason() -> None:
    result = evaluate([gift(date(2020, 6, 5))], [news(date(2020, 1, 1)), news(date(2021, 1, 1), W)])
    assert [r.purpose for r in result.reasons] == ["giften"]
    assert result.until == date(2027, 6, 5)


def test_only_a_withdrawn_consent_means_expired_since_the_withdrawal() -> None:
    result = evaluate([], [news(date(2020, 1, 1)), news(date(2021, 1, 1), W)])
    assert result.status is EXPIRED
    assert result.until == date(2021, 1, 1)
    assert not result.justified
    assert "niets rechtvaardigt bewaren (sinds 01-01-2021)" in result.reasons[0].text_nl


def test_nobody_with_nothing_is_expired_since_created() -> None:
    result = evaluate([], [], created=date(2023, 5, 5))
    assert result.status is EXPIRED
    assert result.until == date(2023, 5, 5)
    assert result.reasons[0].text_nl == (
        "Geen relatie of geldende toestemming: niets rechtvaardigt bewaren (sinds 05-05-2023)"
    )
    # Even when created today: nothing justifies keeping, so it is not "ok".
    assert evaluate([], [], created=TODAY).status is EXPIRED


def test_a_term_after_withdrawal_keeps_the_person_that_long() -> None:
    purposes = dict(P)
    purposes["nieuwsbrief"] = replace(
        P["nieuwsbrief"], rule=RetentionRule(RetentionAnchor.CONSENT, months=3)
    )
    result = evaluate_retention([], [news(date(2024, 1, 10), W)], purposes, today=TODAY)
    assert result.until == date(2024, 4, 10)
    assert result.status is SOON  # 26 days left
    assert (
        result.reasons[0].text_nl == "Nieuwsbrief: toestemming ingetrokken 10-01-2024 + 3 maanden"
    )


@pytest.mark.parametrize(
    ("until", "status"),
    [
        (TODAY - timedelta(days=1), EXPIRED),
        (TODAY, SOON),  # the last day it may be kept
        (TODAY + timedelta(days=30), SOON),
        (TODAY + timedelta(days=31), OK),
    ],
)
def test_soon_window_boundaries(until: date, status: RetentionStatus) -> None:
    last_visit = date(until.year - 2, until.month, until.day)
    result = evaluate([visit(RelationKind.KLANT, last_visit)])
    assert result.until == until
    assert result.status is status


def test_soon_window_is_configurable() -> None:
    relation = visit(RelationKind.KLANT, date(2022, 4, 14))  # until 14-04-2024, 30 days out
    assert evaluate([relation], soon_days=30).status is SOON
    assert evaluate([relation], soon_days=29).status is OK


@pytest.mark.parametrize(
    ("open_request", "hold", "purpose", "fragment"),
    [
        (True, False, "verzoek", "Openstaand AVG-verzoek"),
        (False, True, "bewaarplicht", "Bewaarplicht"),
    ],
)
def test_open_request_or_legal_hold_blocks_expiry(
    open_request: bool, hold: bool, purpose: str, fragment: str
) -> None:
    expired = [friend(date(2012, 5, 1), date(2019, 12, 1))]
    result = evaluate(expired, open_request=open_request, legal_hold=hold)
    assert result.status is OK
    assert result.until is None
    assert result.held
    assert result.reasons[0].purpose == purpose
    assert fragment in result.reasons[0].text_nl
    assert result.reasons[1].text_nl == "Vriend tot 01-12-2019 + 2 jaar"  # still shown
    nobody = evaluate([], [], created=date(2020, 1, 1), open_request=open_request, legal_hold=hold)
    assert nobody.status is OK


def test_undated_relation_counts_from_created_and_asks_review() -> None:
    result = evaluate([Relation(RelationKind.DONATEUR)], created=date(2022, 1, 1))
    assert result.until == date(2029, 1, 1)
    assert result.review
    assert result.reasons[0].text_nl == "Donateur, datum onbekend: vastgelegd 01-01-2022 + 7 jaar"


def test_undated_relation_without_created_is_kept_for_review() -> None:
    result = evaluate([Relation(RelationKind.KLANT)])
    assert (result.status, result.until, result.review) == (OK, None, True)


def test_relation_falls_back_to_end_then_start_for_last_activity() -> None:
    by_end = evaluate([Relation(RelationKind.KLANT, start=date(2019, 1, 1), end=date(2023, 1, 1))])
    by_start = evaluate([Relation(RelationKind.KLANT, start=date(2019, 1, 1))])
    assert by_end.until == date(2025, 1, 1)
    assert by_start.until == date(2021, 1, 1)


def test_purpose_missing_from_register_never_silently_expires() -> None:
    purposes = {code: p for code, p in P.items() if code != "vrienden"}
    result = evaluate_retention(
        [friend(date(2012, 1, 1), date(2015, 1, 1))], [], purposes, today=TODAY
    )
    assert (result.status, result.until, result.review) == (OK, None, True)
    assert "'vrienden' staat niet in het doelenregister" in result.reasons[0].text_nl


def test_newsletter_relation_without_consent_justifies_nothing() -> None:
    result = evaluate([Relation(RelationKind.NIEUWSBRIEF, start=date(2019, 1, 1))])
    assert result.status is EXPIRED
    assert not result.justified


def test_consent_for_a_purpose_kept_on_another_ground_adds_nothing() -> None:
    consent = ConsentEvent("vrienden", G, date(2020, 1, 1), "formulier")
    result = evaluate([gift(date(2020, 6, 5))], [consent])
    assert [r.purpose for r in result.reasons] == ["giften"]


def test_evaluate_contact_reads_the_contact() -> None:
    contact = Contact(relations=[gift(date(2020, 6, 5))], consents=[news(date(2021, 4, 3))])
    assert evaluate_contact(contact, P, today=TODAY) == evaluate(
        contact.relations, contact.consents
    )


def test_english_reason_texts() -> None:
    result = evaluate([friend(date(2012, 5, 1), date(2019, 12, 1)), gift(date(2020, 6, 5))])
    assert [r.text_en for r in result.reasons] == [
        "Gift 05/06/2020 + 7 years (tax record-keeping duty)",
        "Friend until 01/12/2019 + 2 years",
    ]


# ---------------------------------------------------------------- properties

_dates = st.dates(date(2005, 1, 1), date(2030, 12, 31))
_relations = st.builds(
    Relation,
    kind=st.sampled_from(RelationKind),
    start=st.none() | _dates,
    end=st.none() | _dates,
    last_activity=st.none() | _dates,
)
_consents = st.lists(
    st.builds(
        ConsentEvent,
        purpose=st.sampled_from(["nieuwsbrief", "uitnodigingen"]),
        status=st.sampled_from([G, W]),
        on=_dates,
        source=st.just("formulier"),
        reconfirm=st.booleans(),
    ),
    max_size=4,
)


def _rank(until: date | None) -> date:
    return date.max if until is None else until


@given(st.lists(_relations, max_size=4), _consents, _relations, _dates, st.none() | _dates)
def test_adding_a_relation_never_shortens_retention(
    relations: list[Relation],
    consents: list[ConsentEvent],
    extra: Relation,
    today: date,
    created: date | None,
) -> None:
    before = evaluate_retention(relations, consents, P, today=today, created=created)
    after = evaluate_retention([*relations, extra], consents, P, today=today, created=created)
    if before.justified:
        assert _rank(after.until) >= _rank(before.until)


@given(st.lists(_relations, max_size=4), _consents, _dates)
def test_keep_until_is_the_latest_single_reason(
    relations: list[Relation], consents: list[ConsentEvent], today: date
) -> None:
    result = evaluate_retention(relations, consents, P, today=today, created=date(2010, 1, 1))
    for relation in relations:
        alone = evaluate_retention([relation], [], P, today=today, created=date(2010, 1, 1))
        if alone.justified:
            assert _rank(result.until) >= _rank(alone.until)
    if result.justified:
        assert result.until == (
            None
            if any(r.until is None for r in result.reasons)
            else max(r.until for r in result.reasons if r.until)
        )


@given(st.lists(_relations, max_size=4), _consents, _dates, st.integers(0, 90))
def test_status_follows_the_date(
    relations: list[Relation], consents: list[ConsentEvent], today: date, soon: int
) -> None:
    result = evaluate_retention(relations, consents, P, today=today, soon_days=soon)
    if not result.justified:
        assert result.status is EXPIRED
    elif result.until is None:
        assert result.status is OK
    else:
        assert (result.status is EXPIRED) == (result.until < today)
        assert (result.status is SOON) == (today <= result.until <= today + timedelta(days=soon))


# ---------------------------------------------------------------- anonymisation


def test_anonymised_record_keeps_only_statistics() -> None:
    contact = Contact(
        id=7,
        name=PersonName(first="Fenna", infix="van der", last="Wetering"),
        emails=["fenna@example.org"],
        phones=["+31612345678"],
        address=Address(street="Kerkstraat", house_number="12", postcode="3512 AB", city="Utrecht"),
        birth_date=date(1964, 8, 9),
        notes="Komt altijd op dinsdag",
        segment="Culturele alleseters",
        relations=[
            friend(date(2015, 3, 1), None),
            friend(date(2011, 3, 1), date(2013, 1, 1)),
            gift(date(2020, 6, 5)),
            Relation(RelationKind.KLANT),
        ],
        consents=[news(date(2021, 4, 3))],
    )
    assert anonymised_fields(contact) == AnonymisedRecord(
        pc4="3512",
        birth_year_band="1960-1969",
        segment="Culturele alleseters",
        relation_years=(
            (RelationKind.DONATEUR, 2020),
            (RelationKind.KLANT, None),
            (RelationKind.VRIEND, 2011),
        ),
    )


@pytest.mark.parametrize(
    ("address", "pc4"),
    [
        (Address(postcode="1011AB"), "1011"),
        (Address(postcode="9999 ZZ", country="NL"), "9999"),
        (Address(postcode="1000", country="BE"), None),  # foreign postcodes are too precise
        (Address(postcode="onbekend"), None),
        (Address(), None),
    ],
)
def test_pc4(address: Address, pc4: str | None) -> None:
    assert anonymised_fields(Contact(address=address)).pc4 == pc4


@pytest.mark.parametrize(
    ("year", "band"),
    [(1960, "1960-1969"), (1969, "1960-1969"), (2001, "2000-2009"), (None, None)],
)
def test_birth_year_band(year: int | None, band: str | None) -> None:
    assert birth_year_band(year) == band


def test_birth_year_alone_gives_a_band() -> None:
    assert anonymised_fields(Contact(birth_year=1987)).birth_year_band == "1980-1989"


def test_anonymised_record_has_no_other_fields() -> None:
    assert set(AnonymisedRecord.__slots__) == {
        "pc4",
        "birth_year_band",
        "segment",
        "relation_years",
    }
