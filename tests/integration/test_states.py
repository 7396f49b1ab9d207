"""The cached state on contact rows follows the calendar: the daily roll, once a day."""

from __future__ import annotations

from datetime import date, timedelta

from contactkluis.domain.contact import Relation, RelationKind
from contactkluis.services import states
from contactkluis.services.session import Session
from contactkluis.vault import state_repo
from tests.support.people import add_person


def test_the_daily_roll_moves_cached_statuses_with_the_calendar(session: Session) -> None:
    fresh = Relation(RelationKind.KLANT, start=date.today(), last_activity=date.today())
    cid = add_person(session, "Kim", "Nieuweklant", relation=fresh)
    cached = state_repo.state(session.conn, cid)
    assert cached["status"] == "ok" and cached["until"]
    until = date.fromisoformat(cached["until"])

    clock = [until - timedelta(days=10)]
    later = Session(session.vault, today=lambda: clock[0])
    assert states.roll_to_today(later) >= 1
    assert state_repo.state(session.conn, cid)["status"] == "soon"
    assert states.roll_to_today(later) == 0  # once a day is enough

    clock[0] = until + timedelta(days=1)
    states.roll_to_today(later)
    assert state_repo.state(session.conn, cid)["status"] == "expired"
    # The rolled cache says what a fresh evaluation on that day says.
    contact = later.repo().get(cid)
    assert contact is not None
    assert states.current(later, contact).retention_status == "expired"
