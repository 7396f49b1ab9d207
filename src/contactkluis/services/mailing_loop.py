"""Closing the loop with the mail service: what it learned comes back into the vault.

Three files a service gives back, each named by the user ("this is Laposta's unsubscribe
export"), so nothing depends on guessing what a file is:
- UNSUBSCRIBED: people who unsubscribed there. Each becomes a withdrawal of consent for the
  purpose, dated by the file's own time column where it has one, with the service as source
  and file + row as evidence (AVG art. 7(3): withdrawing must be as easy as giving).
- CLEANED: addresses the service gave up on (hard bounces). Not a withdrawal - nobody said no -
  but the address is wrong (art. 5(1)(d)): it is removed from the record.
- CONFIRMED: the service's subscribed list after a reconfirmation campaign (the file from
  `mailing --reconfirm`). A person whose consent came from an old list and who is on it now
  gets a fresh consent with that evidence; nobody else's consent changes: being on a
  service's list is no consent for someone the institution did not ask.

The importer (migration) may recognise such files as list kinds on its own; this module is
the explicit route and needs only an e-mail column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import ConsentEvent, ConsentStatus, Contact
from contactkluis.domain.messages import register
from contactkluis.domain.normalize import normalize_email, parse_date
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.migration.readers import ReadError, read_workbook
from contactkluis.services import states
from contactkluis.services.mailing_presets import PRESETS
from contactkluis.services.session import Session
from contactkluis.vault.db import Connection


class ReturnKind(StrEnum):
    UNSUBSCRIBED = "afgemeld"
    CLEANED = "onbestelbaar"
    CONFIRMED = "bevestigd"


SERVICES = {k: p.label for k, p in PRESETS.items() if k != "standaard"} | {"anders": "Anders"}

# Header names of the address column in the four services' exports and our own presets.
_EMAIL_HEADERS = frozenset(
    h.casefold()
    for h in (
        *(p.email for p in PRESETS.values()),
        "e-mail",
        "email_address",
        "e-mail address",
        "emailadres",
        "e-mail adres",
        "mail",
    )
)
# Time columns that date the event: Mailchimp's UNSUB_TIME, CLEAN_TIME, CONFIRM_TIME,
# OPTIN_TIME; generic names elsewhere. Without one, the day of the import counts.
_TIME_HEADERS = {
    ReturnKind.UNSUBSCRIBED: ("unsub_time", "unsubscribed_at", "afgemeld op", "datum afmelding"),
    ReturnKind.CLEANED: ("clean_time", "bounced_at"),
    ReturnKind.CONFIRMED: ("confirm_time", "optin_time", "subscribed_at", "aangemeld op"),
}

OUTCOMES = {
    "changed": ("Verwerkt", "Processed"),
    "already": ("Al zo vastgelegd", "Already recorded"),
    "not_asked": (
        "Niet gevraagd (geen toestemming uit een oude lijst): ongewijzigd",
        "Not asked (no legacy consent): unchanged",
    ),
    "not_later": (
        "Bevestiging niet later dan de oude toestemming: ongewijzigd",
        "Confirmation not later than the old consent: unchanged",
    ),
    "restricted": ("Verwerking beperkt: ongewijzigd", "Processing restricted: unchanged"),
    "not_found": ("Adres niet in de kluis", "Address not in the vault"),
    "no_address": ("Regel zonder geldig e-mailadres", "Row without a valid e-mail address"),
}
register(OUTCOMES, prefix="loop.")


@dataclass
class LoopResult:
    kind: ReturnKind
    rows: int = 0  # data rows read
    outcomes: Counter[str] = field(default_factory=Counter)  # OUTCOMES key -> rows
    contact_ids: list[int] = field(default_factory=list)  # records changed

    @property
    def changed(self) -> int:
        return self.outcomes["changed"]


@dataclass(frozen=True, slots=True)
class _Line:
    email: str | None
    row: int  # 1-based row in the file
    on: date | None


def _as_date(value: object, today: date) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        # Mailchimp writes "2024-03-05 10:11:12": the date part is what counts here.
        return parse_date(value.strip()[:10], today=today) or parse_date(value, today=today)
    return None


def read_returned(path: Path, kind: ReturnKind, today: date) -> list[_Line]:
    """The addresses (and dates) in a service's export: the first sheet with an e-mail column."""
    try:
        book = read_workbook(Path(path))
    except ReadError as exc:
        raise UserError("io", file=Path(path).name, reason=(str(exc), str(exc))) from None
    for sheet in book.sheets:
        if not sheet.rows:
            continue
        header = [str(v or "").strip().casefold() for v in sheet.rows[0]]
        col = next((i for i, h in enumerate(header) if h in _EMAIL_HEADERS), None)
        if col is None:
            continue
        when = next((header.index(h) for h in _TIME_HEADERS[kind] if h in header), None)
        lines = []
        for n, row in enumerate(sheet.rows[1:], start=2):
            if not any(v not in (None, "") for v in row):
                continue
            cell = row[col] if col < len(row) else None
            on = _as_date(row[when], today) if when is not None and when < len(row) else None
            if on is not None and on > today:
                on = today
            lines.append(_Line(normalize_email(cell), n, on))
        return lines
    raise UserError(
        "invalid",
        reason=(
            f"Geen kolom met e-mailadressen gevonden in {Path(path).name}.",
            f"No e-mail address column found in {Path(path).name}.",
        ),
    )


def _check(session: Session, purpose: str, service: str) -> str:
    session.require(Permission.RECORD_CONSENT)
    if purpose not in session.purposes:
        raise UserError(
            "invalid", reason=(f"Onbekend doel '{purpose}'.", f"Unknown purpose '{purpose}'.")
        )
    label = SERVICES.get(service)
    if label is None:
        known = ", ".join(SERVICES)
        raise UserError(
            "invalid",
            reason=(
                f"Onbekende dienst '{service}' (kies uit {known}).",
                f"Unknown service '{service}' (choose from {known}).",
            ),
        )
    return label


def import_returned(
    session: Session, purpose: str, path: Path, *, service: str, kind: ReturnKind
) -> LoopResult:
    """Take one returned file in, in one transaction; the audit log gets counts only."""
    label = _check(session, purpose, service)
    path = Path(path)
    today = session.today()
    lines = read_returned(path, kind, today)
    result = LoopResult(kind, rows=len(lines))
    with session.write() as conn:
        repo = session.repo(conn)
        holders = repo.ids_by_emails(line.email for line in lines if line.email is not None)
        for line in lines:
            if line.email is None:
                result.outcomes["no_address"] += 1
                continue
            ids = holders.get(line.email, [])
            if not ids:
                result.outcomes["not_found"] += 1
                continue
            evidence = f"{path.name}, rij {line.row}"
            for contact in repo.get_many(ids):
                assert contact.id is not None
                outcome = _apply(session, conn, contact, line, label, evidence, purpose, kind)
                result.outcomes[outcome] += 1
                if outcome == "changed":
                    result.contact_ids.append(contact.id)
        states.refresh(session, conn, result.contact_ids)
        session.audit(
            conn,
            f"mailing.return.{kind.name.lower()}",
            None,
            purpose=purpose,
            service=service,
            rows=result.rows,
            changed=result.changed,
        )
    return result


def _apply(
    session: Session,
    conn: Connection,
    contact: Contact,
    line: _Line,
    label: str,
    evidence: str,
    purpose: str,
    kind: ReturnKind,
) -> str:
    assert contact.id is not None and line.email is not None
    repo = session.repo(conn)
    today = session.today()
    if kind is ReturnKind.CLEANED:
        kept = [e for e in contact.emails if e.lower() != line.email]
        if len(kept) == len(contact.emails):
            return "already"
        repo.update(replace(contact, emails=kept))
        return "changed"
    state = consent_state(contact.consents, purpose, today=today)
    on = line.on or today
    if kind is ReturnKind.UNSUBSCRIBED:
        if state.status is ConsentStatus.WITHDRAWN:
            return "already"
        event = ConsentEvent(purpose, ConsentStatus.WITHDRAWN, on, f"{label}: afmelding", evidence)
    else:
        if contact.restricted:
            return "restricted"
        if state.status is ConsentStatus.GIVEN and not state.reconfirm:
            return "already"
        if not state.reconfirm:
            return "not_asked"
        if state.since is not None and on <= state.since:
            return "not_later"
        event = ConsentEvent(purpose, ConsentStatus.GIVEN, on, f"{label}: herbevestiging", evidence)
    repo.add_consent(contact.id, event, session.account)
    return "changed"
