"""Reading the audit log (beheerder): the whole log, and its verification."""

from __future__ import annotations

from typing import Any

from contactkluis.domain.roles import Permission
from contactkluis.services.context import Session
from contactkluis.vault import audit


def recent(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    session.require(Permission.VIEW_AUDIT)
    return audit.entries(session.conn, None, limit=limit)


def verify_chain(session: Session) -> list[str]:
    session.require(Permission.VIEW_AUDIT)
    return session.vault.verify_audit()
