"""The mailing list for one purpose: only the people domain.mailing finds eligible.

The CSV is made for the Dutch institutions' usual mail tools and imports without mapping:
  email,first_name,last_name      (comma separated, UTF-8 without BOM, one header row)
- Mailchimp: map "email" to Email Address, "first_name"/"last_name" to FNAME/LNAME
  (its import screen offers the match); Laposta and MailerLite recognise these names
  (MailerLite: email, name -> map first_name, last_name).
- The tussenvoegsel goes with the last name ("van der Berg"), as Dutch salutations need
  ("Beste mevrouw Van der Berg" is built from last_name); first_name falls back to initials.
Cells a spreadsheet would take for a formula (= + - @) are prefixed with an apostrophe; an
address that itself starts with such a character is left out and counted, not mangled.

"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from contactkluis.domain.contact import Contact, PersonName
from contactkluis.domain.mailing import mailing_eligible
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import suppression
from contactkluis.services.files import csv_bytes, safe_cell, write_atomic
from contactkluis.services.session import Session

COLUMNS = ("email", "first_name", "last_name")


def split_name(name: PersonName) -> tuple[str, str]:
    """(first_name, last_name) for a mail tool: the infix belongs to the last name."""
    first = name.first or name.initials or ""
    last = " ".join(p for p in (name.infix, name.last) if p)
    return first, last


@dataclass
class MailingResult:
    purpose: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # email, first, last
    reasons: Counter[str] = field(default_factory=Counter)  # reason code -> people
    unsafe: int = 0  # eligible, but the address starts with a formula character

    @property
    def count(self) -> int:
        return len(self.rows)


def _suppressed(session: Session, contact: Contact, hashes: set[str]) -> bool:
    return any(
        h in hashes for h, _ in suppression.hashes_for(session, contact.emails, contact.phones)
    )


def mailing_list(
    session: Session, purpose_code: str, *, allow_reconfirm: bool = False
) -> MailingResult:
    """Everyone eligible for `purpose_code` today, one row per person, sorted by name."""
    session.require(Permission.MAILING)
    purpose = session.purposes.get(purpose_code)
    if purpose is None:
        raise UserError(
            "invalid",
            reason=(f"Onbekend doel '{purpose_code}'.", f"Unknown purpose '{purpose_code}'."),
        )
    repo = session.repo()
    hashes = suppression.load_all(session.conn)
    today = session.today()
    result = MailingResult(purpose_code)
    seen: set[str] = set()
    ids = repo.all_ids()
    for start in range(0, len(ids), 1000):
        for contact in repo.get_many(ids[start : start + 1000]):
            verdict = mailing_eligible(
                contact,
                purpose,
                today=today,
                suppressed=_suppressed(session, contact, hashes),
                allow_reconfirm=allow_reconfirm,
            )
            result.reasons[verdict.code] += 1
            if not verdict.ok or verdict.email is None:
                continue
            email = verdict.email.lower()
            if email in seen:  # two records, one mailbox: one mail
                continue
            if safe_cell(email) != email:  # an address a spreadsheet would run as a formula
                result.unsafe += 1
                continue
            seen.add(email)
            first, last = split_name(contact.name)
            result.rows.append((email, first, last))
    result.rows.sort(key=lambda r: (r[2].casefold(), r[1].casefold(), r[0]))
    return result


def export_mailing(
    session: Session, purpose_code: str, out: Path, *, allow_reconfirm: bool = False
) -> MailingResult:
    """Write the mailing CSV atomically; the audit log gets the purpose and the count only."""
    out = Path(out)
    if out.suffix.lower() != ".csv":
        raise UserError(
            "invalid",
            reason=(
                "Kies een bestandsnaam die eindigt op .csv.",
                "Choose a file name ending in .csv.",
            ),
        )
    result = mailing_list(session, purpose_code, allow_reconfirm=allow_reconfirm)

    def write(fh: IO[bytes]) -> None:
        fh.write(csv_bytes([COLUMNS, *result.rows], delimiter=",", bom=False))

    with session.write() as conn:
        write_atomic(out, write)
        session.audit(conn, "mailing.export", None, purpose=purpose_code, count=result.count)
    return result
