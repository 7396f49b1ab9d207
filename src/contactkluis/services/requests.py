"""The register of data-subject requests (AVG art. 15-21): add, list, extend, close.

Deadlines and the handling rules come from domain.requests; this module stores the
outcome. An open request holds the person's record against retention clean-up, so every
change refreshes that person's derived state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from contactkluis.domain.purposes import RuleError
from contactkluis.domain.requests import (
    RequestKind,
    RequestStatus,
    RightsRequest,
    Urgency,
)
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import states
from contactkluis.services.session import Session
from contactkluis.vault import requests_repo
from contactkluis.vault.db import Connection
from contactkluis.vault.erasure_repo import ERASED_TEXT

DEFAULT_WARN_DAYS = 7


@dataclass(frozen=True)
class StoredRequest:
    id: int
    request: RightsRequest
    deadline: date
    note: str

    @property
    def kind(self) -> RequestKind:
        return self.request.kind

    @property
    def status(self) -> RequestStatus:
        return self.request.status

    @property
    def contact_id(self) -> int | None:
        return self.request.contact_id

    def urgency(self, today: date, warn_days: int = DEFAULT_WARN_DAYS) -> Urgency | None:
        return self.request.urgency(today, warn_days)


def rule_error(exc: RuleError) -> UserError:
    """A broken domain rule as a UserError, so the CLI and GUI show it in either language."""
    return UserError("invalid", reason=(exc.text_nl, exc.text_en))


def _from_row(r: requests_repo.RequestRow) -> StoredRequest:
    received = date.fromisoformat(r.received)
    request = RightsRequest(
        kind=RequestKind(r.kind),
        received=received,
        status=RequestStatus(r.status),
        contact_id=r.contact_id,
        identity_checked=r.identity_checked,
        extension_reason=r.extension_reason,
        # The table keeps only whether it was extended; the date no longer matters then.
        extended_on=received if r.extended else None,
        closed_on=date.fromisoformat(r.closed_at[:10]) if r.closed_at else None,
    )
    return StoredRequest(r.id, request, date.fromisoformat(r.deadline), r.note)


def _get(conn: Connection, request_id: int) -> StoredRequest:
    row = requests_repo.get(conn, request_id)
    if row is None:
        raise UserError(
            "invalid",
            reason=(f"Verzoek {request_id} bestaat niet.", f"Request {request_id} does not exist."),
        )
    return _from_row(row)


def _parse_kind(kind: str | RequestKind) -> RequestKind:
    try:
        return RequestKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in RequestKind)
        raise UserError(
            "invalid",
            reason=(
                f"Onbekend soort verzoek (kies uit {choices}).",
                f"Unknown kind of request (choose from {choices}).",
            ),
        ) from None


def add_request(
    session: Session,
    kind: str | RequestKind,
    *,
    contact_id: int | None,
    received: date | None = None,
    identity_checked: bool = False,
    note: str = "",
) -> int:
    """Register a request; the deadline is one month after receipt (AVG art. 12(3))."""
    session.require(Permission.REQUESTS)
    request = RightsRequest(
        _parse_kind(kind),
        received or session.today(),
        contact_id=contact_id,
        identity_checked=identity_checked,
    )
    if request.received > session.today():
        raise UserError(
            "invalid",
            reason=(
                "De ontvangstdatum ligt in de toekomst.",
                "The date of receipt is in the future.",
            ),
        )
    with session.write() as conn:
        if contact_id is not None and session.repo(conn).get(contact_id) is None:
            raise UserError("not_found", id=contact_id)
        request_id = requests_repo.insert(
            conn,
            contact_id=contact_id,
            kind=str(request.kind),
            received=request.received.isoformat(),
            identity_checked=identity_checked,
            deadline=request.deadline.isoformat(),
            status=str(request.status),
            note=note.strip(),
            created_by=session.account,
        )
        if contact_id is not None:
            states.refresh(session, conn, [contact_id])
        session.audit(
            conn, "request.add", f"request:{request_id}", kind=str(request.kind), contact=contact_id
        )
    return request_id


def get_request(session: Session, request_id: int) -> StoredRequest:
    session.require(Permission.REQUESTS)
    return _get(session.conn, request_id)


def list_requests(session: Session, *, open_only: bool = False) -> list[StoredRequest]:
    session.require(Permission.REQUESTS)
    return [_from_row(r) for r in requests_repo.listed(session.conn, open_only=open_only)]


def due_requests(
    session: Session, warn_days: int = DEFAULT_WARN_DAYS
) -> list[tuple[StoredRequest, Urgency]]:
    """Open requests that are overdue or due within `warn_days`, for the dashboard."""
    today = session.today()
    out: list[tuple[StoredRequest, Urgency]] = []
    for stored in list_requests(session, open_only=True):
        urgency = stored.urgency(today, warn_days)
        if urgency in (Urgency.OVERDUE, Urgency.DUE_SOON):
            assert urgency is not None
            out.append((stored, urgency))
    return out


def _store(
    session: Session, conn: Connection, stored: StoredRequest, new: RightsRequest, note: str
) -> None:
    if stored.note == ERASED_TEXT:
        # The person was erased: what is typed about them from now on is not kept either.
        note = ERASED_TEXT
        new = replace(new, extension_reason=ERASED_TEXT if new.extension_reason else "")
    requests_repo.update(
        conn,
        stored.id,
        identity_checked=new.identity_checked,
        deadline=new.deadline.isoformat(),
        extended=new.extended,
        extension_reason=new.extension_reason,
        status=str(new.status),
        closed_at=new.closed_on.isoformat() if new.closed_on else None,
        note=note,
    )
    if new.contact_id is not None:
        states.refresh(session, conn, [new.contact_id])


def mark_identity_checked(session: Session, request_id: int) -> None:
    session.require(Permission.REQUESTS)
    with session.write() as conn:
        stored = _get(conn, request_id)
        _store(session, conn, stored, stored.request.with_identity_checked(), stored.note)
        session.audit(conn, "request.identity_checked", f"request:{request_id}")


def extend_request(session: Session, request_id: int, reason: str) -> date:
    """Two more months (art. 12(3)); allowed once, within the first month, with a reason."""
    session.require(Permission.REQUESTS)
    with session.write() as conn:
        stored = _get(conn, request_id)
        try:
            new = stored.request.extend(reason, on=session.today())
        except RuleError as exc:
            raise rule_error(exc) from None
        _store(session, conn, stored, new, stored.note)
        session.audit(
            conn, "request.extend", f"request:{request_id}", deadline=new.deadline.isoformat()
        )
    return new.deadline


def close_request(
    session: Session,
    request_id: int,
    *,
    outcome: str = "",
    refuse_reason: str | None = None,
    identity_checked: bool = False,
) -> RequestStatus:
    """Close as handled, or refused with a reason. The outcome text is kept in the note."""
    session.require(Permission.REQUESTS)
    with session.write() as conn:
        stored = _get(conn, request_id)
        request = stored.request
        if identity_checked:
            request = request.with_identity_checked()
        try:
            if refuse_reason is not None:
                new = request.refuse(refuse_reason, on=session.today())
            else:
                new = request.close(on=session.today(), outcome=outcome)
        except RuleError as exc:
            raise rule_error(exc) from None
        note = "\n".join(p for p in (stored.note, new.outcome) if p)
        _store(session, conn, stored, replace(new), note)
        session.audit(conn, "request.close", f"request:{request_id}", status=str(new.status))
    return new.status
