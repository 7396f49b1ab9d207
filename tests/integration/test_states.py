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


def _nobody_justifies(session: Session, first: str, last: str) -> int:
    """A person with no relation and no consent: expired since the day they were stored."""
    from contactkluis.domain.contact import Contact, PersonName
    from contactkluis.services import contacts

    return contacts.create_contact(
        session, Contact(name=PersonName(first, None, None, last), emails=[f"{first}@example.org"])
    )


def test_the_same_data_on_the_same_day_keeps_its_status_after_a_restart(
    session: Session, vault_path
) -> None:
    """Issue 16: 526 'Verlopen' right after an import became 363 + 163 'Binnenkort' after
    a restart, because the daily roll re-read 'expired since today' as a keep-until date."""
    from contactkluis.services.accounts import unlock
    from tests.conftest import ADMIN, ADMIN_PW
    from tests.support.people import expired_customer, give, withdraw

    today = date.today()
    ids = [
        _nobody_justifies(session, "nora", "Niemand"),
        expired_customer(session, "Karel", "Oudeklant"),
        add_person(session, "Vera", "Vriendin"),
    ]
    lapsed = add_person(
        session, "Wim", "Weg", relation=Relation(RelationKind.KLANT, start=date(2013, 1, 1))
    )
    give(session, lapsed)
    withdraw(session, lapsed, on=today)  # nothing justifies keeping since today
    ids.append(lapsed)
    before = {cid: state_repo.state(session.conn, cid)["status"] for cid in ids}
    assert before[ids[0]] == "expired" and before[lapsed] == "expired"

    # A restart the same day, as the app does it: the daily roll runs at unlock.
    session.vault.set_meta(session.conn, "state_date", "")
    session.vault.close()
    again = unlock(vault_path, ADMIN, ADMIN_PW)
    try:
        after = {cid: state_repo.state(again.conn, cid)["status"] for cid in ids}
        assert after == before
        # And on every later day the rolled cache says what a fresh evaluation says.
        for days in (1, 29, 31, 400, 3000):
            clock = [today + timedelta(days=days)]
            later = Session(again.vault, today=lambda c=clock: c[0])
            states.roll_to_today(later)
            for cid in ids:
                contact = later.repo().get(cid)
                assert contact is not None
                fresh = states.current(later, contact).retention_status
                assert state_repo.state(again.conn, cid)["status"] == fresh, (days, cid)
    finally:
        again.vault.close()
