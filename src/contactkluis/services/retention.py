"""Acting on expired records: preview, then anonymise or delete (one, or all at once).

What is expired is decided by domain.retention (through services.states.current) at the
moment of acting, never from a stale cache: the preview and the apply run the same check,
so the numbers a beheerder saw are the numbers that are acted on. A record held by an open
rights request is never expired. Already anonymised records are left alone.

Anonymising keeps only domain.retention.anonymised_fields: the PC4 area, the birth decade
(stored as its first year), the segment, and per relation kind the year it began (stored as
1 January). Everything else that could point at the person goes, the search index row too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from contactkluis.domain.retention import RetentionStatus, anonymised_fields
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import states
from contactkluis.services.erasure import checkpoint
from contactkluis.services.session import Session
from contactkluis.vault import state_repo
from contactkluis.vault.db import Connection


class Action(StrEnum):
    ANONYMISE = "anonymise"
    DELETE = "delete"


@dataclass(frozen=True)
class Candidate:
    id: int
    until: date | None
    reasons_nl: tuple[str, ...]
    reasons_en: tuple[str, ...]


@dataclass(frozen=True)
class RetentionOutcome:
    action: Action
    ids: tuple[int, ...]
    dry_run: bool
    skipped: tuple[int, ...] = ()  # asked for, but not (or no longer) expired

    @property
    def count(self) -> int:
        return len(self.ids)


def _expired(session: Session, conn: Connection, ids: Iterable[int] | None) -> list[Candidate]:
    if ids is None:
        # The cache narrows the search; the fresh evaluation below decides.
        wanted = state_repo.maybe_expired_ids(conn, session.today())
    else:
        wanted = list(dict.fromkeys(ids))
    out: list[Candidate] = []
    for contact in session.repo(conn).get_many(wanted):
        if contact.anonymised:
            continue
        state = states.current(session, contact, conn)
        if state.retention_status != str(RetentionStatus.EXPIRED):
            continue
        assert contact.id is not None
        out.append(
            Candidate(
                contact.id,
                state.retention_until,
                tuple(str(r["nl"]) for r in state.retention_reasons),
                tuple(str(r["en"]) for r in state.retention_reasons),
            )
        )
    out.sort(key=lambda c: c.id)
    return out


def preview(session: Session) -> list[Candidate]:
    """The records that are expired today (ids and reasons; no personal data)."""
    session.require(Permission.VIEW)
    return _expired(session, session.conn, None)


def _parse_action(action: str | Action) -> Action:
    try:
        return Action(action)
    except ValueError:
        raise UserError(
            "invalid", reason=("Kies 'anonymise' of 'delete'.", "Choose 'anonymise' or 'delete'.")
        ) from None


def apply(
    session: Session,
    action: str | Action,
    ids: Iterable[int] | None = None,
    *,
    dry_run: bool = False,
) -> RetentionOutcome:
    """Anonymise or delete the expired records (all, or those of `ids` that are expired)."""
    act = _parse_action(action)
    asked = None if ids is None else list(dict.fromkeys(ids))
    if dry_run:
        session.require(Permission.VIEW)
        found = [c.id for c in _expired(session, session.conn, asked)]
        skipped = tuple(i for i in asked or () if i not in set(found))
        return RetentionOutcome(act, tuple(found), True, skipped)
    session.require(Permission.RETENTION_APPLY)
    with session.write() as conn:
        found = [c.id for c in _expired(session, conn, asked)]
        repo = session.repo(conn)
        for contact_id in found:
            if act is Action.DELETE:
                repo.delete(contact_id)
            else:
                _anonymise(conn, session, contact_id)
        if act is Action.ANONYMISE and found:
            for start in range(0, len(found), 1000):
                states.refresh(session, conn, found[start : start + 1000])
        session.audit(conn, f"retention.{act}", None, count=len(found))
    checkpoint(session)
    skipped = tuple(i for i in asked or () if i not in set(found))
    return RetentionOutcome(act, tuple(found), False, skipped)


def _band_start(band: str | None) -> int | None:
    return int(band.split("-", 1)[0]) if band else None


def _anonymise(conn: Connection, session: Session, contact_id: int) -> None:
    contact = session.repo(conn).get(contact_id)
    assert contact is not None
    kept = anonymised_fields(contact)
    session.repo(conn).anonymise(
        contact_id,
        pc4=kept.pc4,
        birth_year=_band_start(kept.birth_year_band),
        relation_starts=[
            (str(kind), date(year, 1, 1).isoformat() if year else None)
            for kind, year in kept.relation_years
        ],
        updated_at=session.today().isoformat(),
    )
