"""Everyday use cases on one contact: add, edit, consent, relations, merge, details."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from contactkluis.domain.consent import consent_states
from contactkluis.domain.contact import (
    ConsentEvent,
    ConsentStatus,
    Contact,
    Relation,
)
from contactkluis.domain.roles import Permission
from contactkluis.domain.special import special_categories
from contactkluis.errors import UserError
from contactkluis.services import states
from contactkluis.services.session import Session
from contactkluis.vault import audit, duplicates_repo, requests_repo, state_repo
from contactkluis.vault.db import Connection


def _load(session: Session, contact_id: int, conn: Connection | None = None) -> Contact:
    contact = session.repo(conn).get(contact_id)
    if contact is None:
        raise UserError("not_found", id=contact_id)
    return contact


def _check_free_text(contact: Contact) -> Contact:
    """Notes that reveal special-category data are moved out of the ordinary notes."""
    codes = special_categories(contact.notes)
    if codes:
        note = "\n".join(p for p in (contact.special_note, contact.notes) if p)
        return replace(contact, notes="", special_category=True, special_note=note)
    return contact


def get_contact(session: Session, contact_id: int) -> Contact:
    session.require(Permission.VIEW)
    return _load(session, contact_id)


def create_contact(session: Session, contact: Contact) -> int:
    session.require(Permission.ADD)
    if contact.name.is_empty() and not contact.emails:
        raise UserError(
            "invalid",
            reason=(
                "Geef minstens een naam of een e-mailadres op.",
                "Enter at least a name or an e-mail.",
            ),
        )
    from contactkluis.services.suppression import is_erased_person

    contact = _check_free_text(contact)
    with session.write() as conn:
        if is_erased_person(session, conn, contact.name, contact.emails, contact.phones):
            contact = replace(contact, objects_marketing=True)
        contact_id = session.repo(conn).insert(contact, recorded_by=session.account)
        states.refresh(session, conn, [contact_id])
        session.audit(
            conn, "contact.create", f"contact:{contact_id}", special=contact.special_category
        )
    return contact_id


def update_contact(session: Session, contact: Contact) -> None:
    session.require(Permission.EDIT)
    contact_id = contact.id
    assert contact_id is not None
    with session.write() as conn:
        before = _load(session, contact_id, conn)
        if before.restricted and contact.restricted:
            raise UserError("restricted")
        contact = _check_free_text(contact)
        session.repo(conn).update(contact)
        states.refresh(session, conn, [contact_id])
        changed = sorted(_changed_fields(before, contact))
        session.audit(conn, "contact.edit", f"contact:{contact_id}", fields=changed)


def _changed_fields(a: Contact, b: Contact) -> set[str]:
    names = (
        "name",
        "emails",
        "phones",
        "address",
        "birth_date",
        "birth_year",
        "notes",
        "special_category",
        "special_note",
        "restricted",
        "objects_marketing",
        "objects_profiling",
        "segment",
    )
    return {n for n in names if getattr(a, n) != getattr(b, n)}


def set_flag(session: Session, contact_id: int, flag: str, value: bool) -> None:
    """Restriction (art. 18) and objections (art. 21): flags with their own audit entries.

    An objection to profiling also drops the audience segment: that is the profile.
    """
    if flag not in ("restricted", "objects_marketing", "objects_profiling"):
        raise ValueError(flag)
    session.require(Permission.REQUESTS)
    with session.write() as conn:
        _load(session, contact_id, conn)
        repo = session.repo(conn)
        repo.set_flag(contact_id, flag, value)
        if flag == "objects_profiling" and value:
            repo.clear_segment(contact_id)
        states.refresh(session, conn, [contact_id])
        session.audit(conn, f"contact.{flag}", f"contact:{contact_id}", value=value)


def record_consent(
    session: Session,
    contact_id: int,
    purpose: str,
    status: ConsentStatus,
    on: date,
    source: str,
    evidence: str = "",
) -> None:
    session.require(Permission.RECORD_CONSENT)
    if purpose not in session.purposes:
        raise UserError(
            "invalid", reason=(f"Onbekend doel '{purpose}'.", f"Unknown purpose '{purpose}'.")
        )
    if status is ConsentStatus.GIVEN and not (source.strip() or evidence.strip()):
        raise UserError(
            "invalid",
            reason=(
                "Leg vast hoe de toestemming is gegeven (bron of bewijs).",
                "Record how consent was given (source or evidence).",
            ),
        )
    with session.write() as conn:
        contact = _load(session, contact_id, conn)
        if contact.restricted and status is ConsentStatus.GIVEN:
            raise UserError("restricted")
        session.repo(conn).add_consent(
            contact_id,
            ConsentEvent(purpose, status, on, source.strip(), evidence.strip()),
            session.account,
        )
        states.refresh(session, conn, [contact_id])
        session.audit(conn, f"consent.{status}", f"contact:{contact_id}", purpose=purpose)


def add_relation(session: Session, contact_id: int, relation: Relation) -> None:
    session.require(Permission.EDIT)
    with session.write() as conn:
        contact = _load(session, contact_id, conn)
        if contact.restricted:
            raise UserError("restricted")
        session.repo(conn).add_relation(contact_id, relation)
        states.refresh(session, conn, [contact_id])
        session.audit(conn, "relation.add", f"contact:{contact_id}", kind=str(relation.kind))


@dataclass
class MergeChoice:
    """Which of the two records supplies each field; lists (e-mails, phones) are united."""

    fields: dict[str, int] = field(default_factory=dict)  # field name -> 0 (keep) or 1 (other)


def merge_contacts(session: Session, keep_id: int, other_id: int, choice: MergeChoice) -> int:
    session.require(Permission.MERGE)
    if keep_id == other_id:
        raise UserError(
            "invalid",
            reason=("Kies twee verschillende contacten.", "Choose two different contacts."),
        )
    with session.write() as conn:
        repo = session.repo(conn)
        keep, other = _load(session, keep_id, conn), _load(session, other_id, conn)
        if keep.restricted or other.restricted:
            raise UserError("restricted")
        merged = keep
        for name, source in choice.fields.items():
            if source == 1 and hasattr(other, name):
                merged = replace(merged, **{name: getattr(other, name)})
        merged = replace(
            merged,
            emails=list(dict.fromkeys(keep.emails + other.emails)),
            phones=list(dict.fromkeys(keep.phones + other.phones)),
            objects_marketing=keep.objects_marketing or other.objects_marketing,
            objects_profiling=keep.objects_profiling or other.objects_profiling,
            special_category=keep.special_category or other.special_category,
            special_note="\n".join(p for p in (keep.special_note, other.special_note) if p),
        )
        repo.update(merged)
        # History moves over whole: consents, relations and provenance are never dropped.
        repo.move_history(other_id, keep_id)
        duplicates_repo.mark_merged(conn, keep_id, other_id)
        repo.delete(other_id)
        states.refresh(session, conn, [keep_id])
        session.audit(
            conn,
            "contact.merge",
            f"contact:{keep_id}",
            merged_from=other_id,
            fields=sorted(k for k, v in choice.fields.items() if v == 1),
        )
    return keep_id


@dataclass
class ContactDetails:
    contact: Contact
    state: dict[str, Any]
    consent_history: dict[str, list[ConsentEvent]]
    audit: list[dict[str, Any]]
    requests: list[dict[str, Any]]


def details(session: Session, contact_id: int) -> ContactDetails:
    session.require(Permission.VIEW)
    contact = _load(session, contact_id)
    consents = consent_states(contact.consents, today=session.today())
    history = {code: list(s.history) for code, s in consents.items()}
    entries = audit.entries(session.conn, f"contact:{contact_id}", limit=200)
    reqs = requests_repo.summaries_for(session.conn, contact_id)
    state = state_repo.state(session.conn, contact_id)
    state["reasons"] = states.reasons(session, [contact]).get(contact_id, [])
    return ContactDetails(contact, state, history, entries, reqs)


def dismiss_duplicate(session: Session, a: int, b: int) -> None:
    """Two people who only look alike: take the pair off the review list for good."""
    session.require(Permission.MERGE)
    lo, hi = sorted((a, b))
    with session.write() as conn:
        if not duplicates_repo.dismiss(conn, lo, hi):
            raise UserError(
                "invalid",
                reason=(
                    "Dit paar staat niet op de lijst met mogelijke dubbelen.",
                    "This pair is not on the list of possible duplicates.",
                ),
            )
        session.audit(conn, "duplicate.dismiss", f"contact:{lo}", other=hi)


def open_duplicates(session: Session) -> list[tuple[int, int, float, str]]:
    session.require(Permission.VIEW)
    return duplicates_repo.open_candidates(session.conn)
