"""Retention on a real vault: preview, dry run, anonymise, delete; expired records only."""

from __future__ import annotations

from datetime import date

import pytest

from contactkluis.domain.contact import Relation, RelationKind
from contactkluis.errors import UserError
from contactkluis.services import requests, retention
from contactkluis.services.session import Session
from contactkluis.vault import audit
from tests.support.people import add_person, expired_customer, give


def _population(session: Session) -> tuple[list[int], list[int]]:
    """Three expired records and three that must stay (friend, fresh customer, consent)."""
    expired = [expired_customer(session, "Klaas", f"Oudklant{n}") for n in range(3)]
    fresh = Relation(RelationKind.KLANT, start=date.today(), last_activity=date.today())
    consent_only = expired_customer(session, "Nel", "Nieuwsbrieflezer")
    give(session, consent_only, on=date(2024, 1, 1))
    staying = [
        add_person(session, "Frits", "Vriend"),
        add_person(session, "Kim", "Nieuweklant", relation=fresh),
        consent_only,
    ]
    return expired, staying


def test_preview_counts_equal_applied_counts(session: Session) -> None:
    expired, staying = _population(session)
    preview = retention.preview(session)
    assert [c.id for c in preview] == expired
    assert all(c.reasons_nl and c.until is not None for c in preview)

    dry = retention.apply(session, "delete", dry_run=True)
    assert dry.ids == tuple(expired) and session.repo().count() == 6

    done = retention.apply(session, "delete")
    assert done.count == len(preview) == 3
    assert sorted(session.repo().all_ids()) == sorted(staying)
    assert retention.preview(session) == []
    entry = audit.entries(session.conn)[0]
    assert entry["action"] == "retention.delete" and entry["detail"] == {"count": 3}


def test_apply_on_one_record_skips_records_that_are_not_expired(session: Session) -> None:
    expired, staying = _population(session)
    outcome = retention.apply(session, "delete", [expired[0], staying[0]])
    assert outcome.ids == (expired[0],) and outcome.skipped == (staying[0],)
    assert session.repo().get(staying[0]) is not None
    assert session.repo().get(expired[1]) is not None


def test_open_request_holds_a_record_out_of_the_clean_up(session: Session) -> None:
    expired, _ = _population(session)
    requests.add_request(session, "inzage", contact_id=expired[0])
    assert [c.id for c in retention.preview(session)] == expired[1:]
    assert retention.apply(session, "delete").ids == tuple(expired[1:])
    assert session.repo().get(expired[0]) is not None


def test_anonymise_keeps_only_the_coarse_facts(session: Session) -> None:
    cid = expired_customer(
        session,
        "Geertruida",
        "Vermeulenhof",
        infix="ter",
        phone="+31612345678",
        postcode="3512 JK",
        birth=date(1967, 5, 17),
        notes="allergisch voor noten",
        segment="cultuurminnaars",
    )
    give(session, cid, on=date(2014, 1, 1))
    session.conn.execute("UPDATE contacts SET special_note = 'x' WHERE id = ?", (cid,))
    from contactkluis.domain.contact import ConsentStatus
    from contactkluis.services.contacts import record_consent

    record_consent(session, cid, "nieuwsbrief", ConsentStatus.WITHDRAWN, date(2014, 6, 1), "x")

    assert retention.apply(session, "anonymise").ids == (cid,)

    c = session.repo().get(cid)
    assert c is not None and c.anonymised
    assert c.name.is_empty() and c.name.infix is None
    assert c.emails == [] and c.phones == [] and c.consents == [] and c.sources == []
    assert c.address.street is None and c.address.house_number is None
    assert c.address.city is None and c.address.postcode == "3512"
    assert c.birth_date is None and c.birth_year == 1960
    assert c.notes == "" and c.special_note == "" and c.segment == "cultuurminnaars"
    assert [(r.kind, r.start, r.end, r.last_activity, r.source) for r in c.relations] == [
        (RelationKind.KLANT, date(2013, 1, 1), None, None, "")
    ]
    assert (
        session.conn.execute(
            "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'vermeulenhof'"
        ).fetchone()[0]
        == 0
    )
    # Done once: an anonymised record is no longer a candidate.
    assert retention.preview(session) == []
    assert retention.apply(session, "anonymise").count == 0


def test_unknown_action_is_refused(session: Session) -> None:
    expired_customer(session, "Klaas", "Oudklant")
    with pytest.raises(UserError):
        retention.apply(session, "archiveer")
    assert session.repo().count() == 1
