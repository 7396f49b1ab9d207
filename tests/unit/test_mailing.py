"""Mailing eligibility: who may be e-mailed for a purpose, with one reason code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from contactkluis.domain.contact import (
    ConsentEvent,
    ConsentStatus,
    Contact,
    PersonName,
    Relation,
    RelationKind,
)
from contactkluis.domain.mailing import (
    MAILING_MESSAGES,
    MailBasis,
    mailing_eligible,
    valid_email,
)
from contactkluis.domain.purposes import DEFAULT_PURPOSES, purposes_by_code

P = purposes_by_code(DEFAULT_PURPOSES)
NEWS = P["nieuwsbrief"]
TODAY = date(2024, 3, 15)
G, W = ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN
SALE = Relation(RelationKind.KLANT, last_activity=date(2023, 5, 1), opt_out_offered=True)
FRIEND = Relation(RelationKind.VRIEND, start=date(2015, 1, 1))


def consent(status: ConsentStatus = G, on: date = date(2022, 1, 1), **kw: Any) -> ConsentEvent:
    return ConsentEvent("nieuwsbrief", status, on, "formulier", **kw)


def person(**kw: Any) -> Contact:
    base = Contact(id=1, name=PersonName(first="Sanne", last="Bakker"), emails=["sanne@example.nl"])
    return replace(base, **kw)


@pytest.mark.parametrize(
    ("contact", "suppressed", "ok", "code"),
    [
        (person(consents=[consent()]), False, True, "ok_consent"),
        (person(consents=[consent(), consent(W, date(2023, 1, 1))]), False, False, "withdrawn"),
        # Withdrawn beats a sale: an opt-out is an opt-out.
        (person(relations=[SALE], consents=[consent(W)]), False, False, "withdrawn"),
        (person(relations=[SALE]), False, True, "ok_soft_opt_in"),
        (person(relations=[FRIEND]), False, False, "no_consent"),
        (person(consents=[consent()]), True, False, "suppressed"),
        (person(consents=[consent()], restricted=True), False, False, "restricted"),
        (person(consents=[consent()], anonymised=True), False, False, "anonymised"),
        (person(consents=[consent()], objects_marketing=True), False, False, "objects_marketing"),
        (person(relations=[SALE], objects_marketing=True), False, False, "objects_marketing"),
        (person(consents=[consent()], emails=[]), False, False, "no_email"),
        (person(consents=[consent()], emails=["geen e-mail"]), False, False, "no_email"),
        (person(consents=[consent(reconfirm=True)]), False, False, "reconfirm"),
        # A legacy consent is not relied on, but a real sale still carries the soft opt-in.
        (
            person(consents=[consent(reconfirm=True)], relations=[SALE]),
            False,
            True,
            "ok_soft_opt_in",
        ),
        # A consent dated in the future (typing error) does not count yet.
        (person(consents=[consent(on=date(2025, 1, 1))]), False, False, "no_consent"),
        (person(), False, False, "no_consent"),
    ],
)
def test_newsletter_eligibility(contact: Contact, suppressed: bool, ok: bool, code: str) -> None:
    result = mailing_eligible(contact, NEWS, today=TODAY, suppressed=suppressed)
    assert (result.ok, result.code) == (ok, code)
    assert (result.email is not None) is ok


def test_eligible_result_names_basis_and_address() -> None:
    contact = person(emails=["  ", "fout@", "sanne@example.nl"], consents=[consent()])
    result = mailing_eligible(contact, NEWS, today=TODAY, suppressed=False)
    assert result.basis is MailBasis.CONSENT
    assert result.email == "sanne@example.nl"


def test_legacy_consent_may_be_allowed_explicitly() -> None:
    contact = person(consents=[consent(reconfirm=True)])
    result = mailing_eligible(contact, NEWS, today=TODAY, suppressed=False, allow_reconfirm=True)
    assert (result.ok, result.code) == (True, "ok_consent")


def test_consent_for_another_purpose_does_not_count() -> None:
    other = ConsentEvent("uitnodigingen", G, date(2022, 1, 1), "formulier")
    result = mailing_eligible(person(consents=[other]), NEWS, today=TODAY, suppressed=False)
    assert result.code == "no_consent"


@pytest.mark.parametrize(
    ("relations", "ok", "code"),
    [
        ([FRIEND], True, "ok_relation"),
        ([replace(FRIEND, end=date(2024, 12, 31))], True, "ok_relation"),  # paid up to year end
        ([replace(FRIEND, end=date(2023, 12, 31))], False, "no_relation"),  # membership over
        ([SALE], False, "no_relation"),
    ],
)
def test_service_mail_to_friends_needs_an_ongoing_membership(
    relations: list[Relation], ok: bool, code: str
) -> None:
    contact = person(relations=relations, objects_marketing=True)  # not marketing: no effect
    result = mailing_eligible(contact, P["vrienden"], today=TODAY, suppressed=False)
    assert (result.ok, result.code) == (ok, code)


def test_restriction_blocks_service_mail_too() -> None:
    contact = person(relations=[FRIEND], restricted=True)
    assert mailing_eligible(contact, P["vrienden"], today=TODAY, suppressed=False).code == (
        "restricted"
    )


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("sanne@example.nl", True),
        ("s.bakker+nieuws@sub.example.org", True),
        ("sanne@example", False),
        ("sanne@@example.nl", False),
        ("sanne example@example.nl", False),
        ("sanne@example..nl", False),
        ("", False),
    ],
)
def test_valid_email(address: str, valid: bool) -> None:
    assert valid_email(address) is valid


def test_every_mailing_message_is_in_dutch_and_english() -> None:
    for code, message in MAILING_MESSAGES.items():
        assert message.code == code
        assert message.text_nl and message.text_en and message.text_nl != message.text_en
