"""The review list of possible duplicates and shared e-mail addresses, with names, and of
the people an import kept without a name ("naam onbekend").

The vault keeps the pairs by contact id (so that `forget` of one person removes the pair);
a person reviewing them needs the names and the reason in words, which are looked up here
each time the list is shown, never stored with the pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactkluis.domain.contact import NAME_UNKNOWN_FIELD, Contact
from contactkluis.domain.messages import localized
from contactkluis.domain.roles import Permission
from contactkluis.migration.report import reason_text
from contactkluis.services.contacts import open_duplicates
from contactkluis.services.session import Session
from contactkluis.vault import review_repo

_NO_NAME = ("(zonder naam)", "(no name)")
_UNKNOWN = ("(naam onbekend)", "(name unknown)")


@dataclass(frozen=True)
class ReviewPair:
    a: int
    b: int
    name_a: str
    name_b: str
    score: float
    reason: str  # a code: "shared_email", "similar_name_same_postcode", ...
    reason_text: str  # the code in the session's language


def label(contact: Contact) -> str:
    """How a person is named on the review list: the name, else the first e-mail address."""
    name = contact.name.display()
    if name:
        return name
    fallback = localized(*_NO_NAME)
    return f"{fallback} {contact.emails[0]}" if contact.emails else fallback


def review_pairs(session: Session) -> list[ReviewPair]:
    session.require(Permission.VIEW)
    found = open_duplicates(session)
    # One batch for every person on the list, not two queries per pair.
    people = {c.id: c for c in session.repo().get_many(sorted({i for p in found for i in p[:2]}))}
    pairs: list[ReviewPair] = []
    for a, b, score, reason in found:
        first, second = people.get(a), people.get(b)
        if first is None or second is None:
            continue
        pairs.append(
            ReviewPair(
                a,
                b,
                label(first),
                label(second),
                score,
                reason,
                reason_text(reason),
            )
        )
    return pairs


def name_of(session: Session, contact_id: int) -> str | None:
    """A contact's review-list label, or None when it no longer exists."""
    session.require(Permission.VIEW)
    contact = session.repo().get(contact_id)
    return label(contact) if contact is not None else None


@dataclass(frozen=True)
class NamelessPerson:
    contact_id: int
    label: str  # "(naam onbekend)" and the first phone or e-mail address, to recognise them
    source: str  # "file / sheet / rij N": where the import found the row


def nameless(session: Session) -> list[NamelessPerson]:
    """People the import kept without a name: a till customer with a phone or an address is
    a person (issue 12), listed here for someone to complete or remove. Once a name is
    filled in, the person leaves the list."""
    session.require(Permission.VIEW)
    row_word = localized("rij", "row")
    return [
        NamelessPerson(
            contact_id,
            f"{localized(*_UNKNOWN)} {phone or email}".strip(),
            " / ".join(str(p) for p in (file, sheet, f"{row_word} {row}" if row else None) if p),
        )
        for contact_id, phone, email, file, sheet, row in review_repo.marked_nameless(
            session.conn, NAME_UNKNOWN_FIELD
        )
    ]
