"""Invented people for the privacy tests, built through the real services."""

from __future__ import annotations

from datetime import date

from contactkluis.domain.contact import (
    Address,
    ConsentStatus,
    Contact,
    PersonName,
    Provenance,
    Relation,
    RelationKind,
)
from contactkluis.services import contacts
from contactkluis.services.session import Session

LONG_AGO = date(2015, 3, 1)


def add_person(
    session: Session,
    first: str,
    last: str,
    *,
    infix: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    relation: Relation | None = None,
    postcode: str | None = "1234 AB",
    birth: date | None = date(1967, 5, 17),
    notes: str = "",
    segment: str | None = None,
) -> int:
    """A stored person with an address, a provenance and (by default) an active friendship."""
    mail = email if email is not None else f"{first.lower()}.{last.lower()}@voorbeeld.nl"
    contact = Contact(
        name=PersonName(first, None, infix, last),
        emails=[mail] if mail else [],
        phones=[phone] if phone else [],
        address=Address("Kerkstraat", "12", postcode, "Utrecht", None),
        birth_date=birth,
        notes=notes,
        segment=segment,
        relations=[relation or Relation(RelationKind.VRIEND, start=date(2020, 1, 15))],
        sources=[Provenance("ledenlijst_2019.xlsx", "Blad1", 7, "naam", f"{first} {last}")],
    )
    return contacts.create_contact(session, contact)


def give(
    session: Session,
    contact_id: int,
    purpose: str = "nieuwsbrief",
    on: date = date(2023, 4, 1),
    evidence: str = "formulier-2023-04",
) -> None:
    contacts.record_consent(
        session, contact_id, purpose, ConsentStatus.GIVEN, on, "aanmeldformulier website", evidence
    )


def withdraw(
    session: Session, contact_id: int, purpose: str = "nieuwsbrief", on: date = date(2024, 2, 1)
) -> None:
    contacts.record_consent(
        session, contact_id, purpose, ConsentStatus.WITHDRAWN, on, "afmeldlink", ""
    )


def expired_customer(session: Session, first: str, last: str, **kw: object) -> int:
    """A customer whose last purchase is long past the two-year term: expired."""
    rel = Relation(
        RelationKind.KLANT, start=date(2013, 6, 1), last_activity=LONG_AGO, source="kassa"
    )
    return add_person(session, first, last, relation=rel, **kw)  # type: ignore[arg-type]
