"""The near-duplicate review list: a pair can be merged or declared two different people."""

from __future__ import annotations

import pytest

from contactkluis.domain.contact import Address, Contact, PersonName
from contactkluis.errors import UserError
from contactkluis.services import contacts
from contactkluis.services.context import Session


def _pair(session: Session) -> tuple[int, int]:
    a = contacts.create_contact(
        session,
        Contact(
            name=PersonName("Marieke", "M.", None, "Ossendrijver"),
            address=Address(postcode="3511 AB"),
        ),
    )
    b = contacts.create_contact(
        session,
        Contact(
            name=PersonName("Marieke", "M.", None, "Osendrijver"),
            address=Address(postcode="3511 AB"),
        ),
    )
    with session.write() as conn:
        conn.execute(
            "INSERT INTO duplicate_candidates (a, b, score, reason) VALUES (?, ?, 91,"
            " 'similar_name_same_postcode')",
            (a, b),
        )
    return a, b


def test_a_dismissed_pair_leaves_the_review_list_and_is_audited(session: Session) -> None:
    a, b = _pair(session)
    assert contacts.open_duplicates(session) == [(a, b, 91.0, "similar_name_same_postcode")]
    contacts.dismiss_duplicate(session, b, a)  # order does not matter
    assert contacts.open_duplicates(session) == []
    assert session.repo().count() == 2  # nobody was merged or removed
    actions = [r[0] for r in session.conn.execute("SELECT action FROM audit")]
    assert "duplicate.dismiss" in actions
    with pytest.raises(UserError):
        contacts.dismiss_duplicate(session, a, b)


def test_merging_the_pair_closes_it_too(session: Session) -> None:
    a, b = _pair(session)
    contacts.merge_contacts(session, a, b, contacts.MergeChoice())
    assert contacts.open_duplicates(session) == []
