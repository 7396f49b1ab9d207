"""Keeping the derived state cached on contact rows (retention status, consent flags) true.

Every change to a person's history refreshes that person's state; the status moves with the
calendar once a day. The state itself is computed by domain.state through the session's memo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from contactkluis.domain.contact import Contact
from contactkluis.domain.state import ContactState
from contactkluis.services.session import Session
from contactkluis.vault import requests_repo, state_repo
from contactkluis.vault.db import Connection


def _states_for(session: Session, contacts: list[Contact], conn: Connection) -> list[ContactState]:
    """States of stored contacts: their creation dates and open requests in two queries."""
    ids = [c.id for c in contacts if c.id is not None]
    created = state_repo.created_dates(conn, ids)
    held = requests_repo.with_open_request(conn, ids)
    return [
        session.state_for(c, created=created.get(c.id or 0), open_request=c.id in held)
        for c in contacts
    ]


def current(session: Session, contact: Contact, conn: Connection | None = None) -> ContactState:
    """A stored contact's state as of today, computed afresh (not read from the cache)."""
    assert contact.id is not None
    return _states_for(session, [contact], conn or session.conn)[0]


def reasons(
    session: Session, contacts: list[Contact], conn: Connection | None = None
) -> dict[int, list[dict[str, Any]]]:
    """Why each stored contact is kept (purpose, until, text in Dutch and English), derived
    afresh: the cache on the contact row keeps no reasons (their texts were 28 MB at 100,000
    contacts), so the few places that show them derive them for the contacts at hand."""
    stored = [c for c in contacts if c.id is not None]
    found = _states_for(session, stored, conn or session.conn)
    return {c.id or 0: st.retention_reasons for c, st in zip(stored, found, strict=True)}


def refresh(session: Session, conn: Connection, ids: Iterable[int]) -> None:
    """Recompute the cached retention and consent state of these contacts."""
    contacts = session.repo(conn).get_many(list(ids))
    if contacts:
        states = _states_for(session, contacts, conn)
        state_repo.set_states(
            conn,
            [(c.id, st) for c, st in zip(contacts, states, strict=True) if c.id is not None],
        )


def refresh_all(session: Session, progress: Callable[[int, int], None] | None = None) -> None:
    with session.write() as conn:
        ids = session.repo(conn).all_ids()
        for start in range(0, len(ids), 1000):
            refresh(session, conn, ids[start : start + 1000])
            if progress:
                progress(min(start + 1000, len(ids)), len(ids))


def roll_to_today(session: Session) -> int:
    """Statuses move with the calendar; dates do not. A daily pass in SQL is enough."""
    today = session.today()
    if session.vault.read_only or session.vault.meta("state_date") == today.isoformat():
        return 0
    soon = today + timedelta(days=session.soon_days)
    with session.write() as conn:
        rolled = state_repo.roll_status(conn, today, soon)
        session.vault.set_meta(conn, "state_date", today.isoformat())
        return rolled
