"""Issue 17 (size): schema version 11 keeps no index on the e-mail addresses and phone
numbers themselves. Every way an address or number is looked up still finds every contact
that holds it (a second address too): an access request, a returned mailing file, the
shared-mailbox check of the review list; a version 10 vault is upgraded in place."""

from __future__ import annotations

from pathlib import Path

from contactkluis.domain.contact import ConsentStatus
from contactkluis.services import access, contacts, mailing_loop
from contactkluis.services.mailing_loop import ReturnKind
from contactkluis.services.session import Session
from contactkluis.vault import review_repo, schema
from tests.support.people import add_person, give
from tests.support.vaults import unlocked, vault_at


def _indexes(session: Session) -> set[str]:
    rows = session.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('emails', 'phones')"
    )
    return {str(r[0]) for r in rows}


def _two_holders(session: Session) -> tuple[int, int, int]:
    """Two people share a mailbox (one as their second address) and a phone; a third not."""
    first = add_person(session, "Anna", "Gedeeld", email="gezin@voorbeeld.nl", phone="+31612345678")
    second = add_person(session, "Bram", "Gedeeld", email="bram@voorbeeld.nl")
    kept = session.repo().get(second)
    assert kept is not None
    kept.emails.append("gezin@voorbeeld.nl")
    kept.phones.append("+31612345678")
    contacts.update_contact(session, kept)
    other = add_person(session, "Cor", "Apart", email="cor@voorbeeld.nl")
    return first, second, other


def test_a_v10_vault_loses_the_value_indexes_and_finds_every_holder(tmp_path: Path) -> None:
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 10) as old:
        first, second, _other = _two_holders(old)
        assert {"emails_email", "phones_e164"} <= _indexes(old)
    with unlocked(path) as session:
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert not {"emails_email", "phones_e164"} & _indexes(session)
        assert sorted(access.find_person(session, "Gezin@Voorbeeld.nl")) == [first, second]
        assert sorted(access.find_person(session, "06-12345678")) == [first, second]
        assert access.find_person(session, "niemand@voorbeeld.nl") == []


def test_a_returned_file_reaches_every_holder_of_each_address(
    session: Session, tmp_path: Path
) -> None:
    first, second, other = _two_holders(session)
    for cid in (first, second, other):
        give(session, cid)
    export = tmp_path / "unsubscribed_members_export_1.csv"
    export.write_text(
        "Email Address,First Name,Last Name,UNSUB_TIME\n"
        "gezin@voorbeeld.nl,,,2026-11-02 10:11:12\n"
        "onbekend@voorbeeld.nl,,,2026-11-04 09:00:00\n",
        encoding="utf-8",
    )
    result = mailing_loop.import_returned(
        session, "nieuwsbrief", export, service="mailchimp", kind=ReturnKind.UNSUBSCRIBED
    )
    assert result.outcomes == {"changed": 2, "not_found": 1}
    assert sorted(result.contact_ids) == [first, second]
    holders = session.repo().ids_by_emails(["gezin@voorbeeld.nl", "cor@voorbeeld.nl", "x@y.nl"])
    assert holders == {"gezin@voorbeeld.nl": [first, second], "cor@voorbeeld.nl": [other]}
    states = {
        cid: session.repo().get(cid).consents[-1].status  # type: ignore[union-attr]
        for cid in (first, second, other)
    }
    assert states == {
        first: ConsentStatus.WITHDRAWN,
        second: ConsentStatus.WITHDRAWN,
        other: ConsentStatus.GIVEN,
    }


def test_a_shared_mailbox_of_a_nameless_withdrawal_is_still_found(session: Session) -> None:
    named = add_person(session, "Dora", "Gedeeld", email="samen@voorbeeld.nl")
    nameless = add_person(session, "", "", email="samen@voorbeeld.nl")
    alone = add_person(session, "", "", email="alleen@voorbeeld.nl")
    for cid in (named, nameless, alone):
        give(session, cid)
    for cid in (nameless, alone):
        contacts.record_consent(
            session, cid, "nieuwsbrief", ConsentStatus.WITHDRAWN, session.today(), "afmelding", ""
        )
    found = review_repo.unresolved_withdrawals(session.conn, "nieuwsbrief")
    assert found == {"samen@voorbeeld.nl"}
