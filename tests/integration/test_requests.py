"""The rights-request register on a real vault: deadlines, extension, closing, the dashboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from contactkluis.domain.requests import RequestStatus, Urgency
from contactkluis.errors import UserError
from contactkluis.services import requests
from contactkluis.services.session import Session
from contactkluis.vault import audit, state_repo
from tests.support.people import add_person, expired_customer


def test_deadline_is_one_month_after_receipt_and_extension_adds_two(session: Session) -> None:
    cid = add_person(session, "Fenna", "Mulderij")
    rid = requests.add_request(
        session, "inzage", contact_id=cid, received=session.today() - timedelta(days=3)
    )
    stored = requests.get_request(session, rid)
    received = session.today() - timedelta(days=3)
    from contactkluis.domain.requests import request_deadline

    assert stored.deadline == request_deadline(received, False)
    assert stored.status is RequestStatus.OPEN

    new_deadline = requests.extend_request(session, rid, "complex verzoek, veel bronnen")
    assert new_deadline == request_deadline(received, True)
    assert requests.get_request(session, rid).status is RequestStatus.EXTENDED
    with pytest.raises(UserError) as err:
        requests.extend_request(session, rid, "nog eens")
    assert "al verlengd" in err.value.message("nl")


def test_extension_needs_a_reason(session: Session) -> None:
    rid = requests.add_request(session, "bezwaar", contact_id=None)
    with pytest.raises(UserError):
        requests.extend_request(session, rid, "  ")
    assert requests.get_request(session, rid).status is RequestStatus.OPEN


def test_access_request_closes_only_after_identity_check(session: Session) -> None:
    cid = add_person(session, "Gijsbert", "Holtkamp")
    rid = requests.add_request(session, "inzage", contact_id=cid)
    with pytest.raises(UserError) as err:
        requests.close_request(session, rid, outcome="export verstuurd")
    assert "identiteit" in err.value.message("nl")
    status = requests.close_request(session, rid, outcome="export verstuurd", identity_checked=True)
    assert status is RequestStatus.DONE
    assert requests.list_requests(session, open_only=True) == []
    with pytest.raises(UserError):
        requests.close_request(session, rid)


def test_refusal_needs_a_reason_and_is_recorded(session: Session) -> None:
    rid = requests.add_request(session, "verwijdering", contact_id=None)
    with pytest.raises(UserError):
        requests.close_request(session, rid, refuse_reason="")
    assert (
        requests.close_request(session, rid, refuse_reason="identiteit niet vast te stellen")
        is RequestStatus.REFUSED
    )
    assert "identiteit niet vast te stellen" in requests.get_request(session, rid).note


def test_dashboard_lists_overdue_and_nearly_due_only(session: Session) -> None:
    today = session.today()
    overdue = requests.add_request(
        session, "inzage", contact_id=None, received=today - timedelta(days=40)
    )
    soon = requests.add_request(
        session, "bezwaar", contact_id=None, received=today - timedelta(days=27)
    )
    requests.add_request(session, "beperking", contact_id=None, received=today)
    closed = requests.add_request(
        session, "bezwaar", contact_id=None, received=today - timedelta(days=45)
    )
    requests.close_request(session, closed, outcome="bezwaar verwerkt")

    due = {r.id: u for r, u in requests.due_requests(session)}
    assert due == {overdue: Urgency.OVERDUE, soon: Urgency.DUE_SOON}


def test_open_request_holds_an_expired_record(session: Session) -> None:
    cid = expired_customer(session, "Teuntje", "Brouwersma")
    assert state_repo.state(session.conn, cid)["status"] == "expired"
    rid = requests.add_request(session, "inzage", contact_id=cid)
    assert state_repo.state(session.conn, cid)["status"] == "ok"
    requests.close_request(session, rid, identity_checked=True)
    assert state_repo.state(session.conn, cid)["status"] == "expired"


def test_future_receipt_and_unknown_kind_are_refused(session: Session) -> None:
    with pytest.raises(UserError):
        requests.add_request(
            session, "inzage", contact_id=None, received=session.today() + timedelta(days=1)
        )
    with pytest.raises(UserError) as err:
        requests.add_request(session, "klacht", contact_id=None)
    assert "inzage" in err.value.message("nl")
    assert requests.list_requests(session) == []


def test_requests_are_audited_without_personal_data(session: Session) -> None:
    cid = add_person(session, "Wietske", "Oosterhuisen")
    rid = requests.add_request(session, "inzage", contact_id=cid, note="belde op 12 mei")
    entries = audit.entries(session.conn, f"request:{rid}")
    assert [e["action"] for e in entries] == ["request.add"]
    text = repr(entries)
    assert "Oosterhuisen" not in text and "belde" not in text


def test_staff_may_register_requests(staff_session: Session) -> None:
    rid = requests.add_request(staff_session, "bezwaar", contact_id=None, received=date.today())
    assert requests.get_request(staff_session, rid).kind == "bezwaar"
