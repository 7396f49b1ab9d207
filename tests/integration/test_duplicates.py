"""The near-duplicate review list: a pair can be merged or declared two different people."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkluis.domain.contact import Address, Contact, PersonName
from contactkluis.errors import UserError
from contactkluis.services import contacts
from contactkluis.services.session import Session
from tests.support.vaults import ADMIN, ADMIN_PW, child_env, run_cli


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


def test_the_cli_lists_and_dismisses_a_pair(session: Session, vault_path: Path) -> None:
    a, b = _pair(session)
    session.vault.close()
    env = child_env(CONTACTKLUIS_PASSWORD=ADMIN_PW)
    base = ("--db", str(vault_path), "--user", ADMIN)
    listed = run_cli(*base, "duplicates", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split("\t")[:2] == [str(a), str(b)]
    assert "_" not in listed.stdout  # reasons in words, no internal codes
    done = run_cli(*base, "duplicates", "dismiss", str(b), str(a), env=env)
    assert done.returncode == 0, done.stderr
    again = run_cli(*base, "duplicates", "list", env=env)
    assert str(a) not in again.stdout
