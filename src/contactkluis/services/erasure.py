"""Erasure (art. 17), restriction (art. 18) and objection (art. 21).

Erasure really removes: the rows go (the schema cascades to e-mails, phones, consents,
relations, provenance and duplicate pairs; a rights request keeps only its own facts), the
full-text index is rebuilt so the person's words leave its pages, secure_delete zeroes the
freed space, and a TRUNCATE checkpoint empties the WAL of the old page images. What stays is
keyed hashes on the suppression list of each e-mail address and phone number joined with
the person's name keys, so a later import or manual entry of the same person on that
address is recognised and not mailed, while a housemate sharing the address is not
(services/suppression.py says why).

Free text about the person goes too: the notes, outcomes and extension reasons of their
requests (the request keeps its kind, dates and status), and every reference to their rows
or record in the import history (the counts stay).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from contactkluis.domain.normalize import normalize_email, normalize_phone
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import suppression
from contactkluis.services.contacts import set_flag
from contactkluis.services.session import Session
from contactkluis.vault import db, erasure_repo
from contactkluis.vault.db import Connection

OBJECTIONS = {"marketing": "objects_marketing", "profiling": "objects_profiling"}


def checkpoint(session: Session) -> None:
    """Copy the WAL into the database and truncate it: old page images leave the disk."""
    db.checkpoint(session.conn)


def _normalised(emails: Iterable[str], phones: Iterable[str]) -> tuple[list[str], list[str]]:
    mails = [m.lower() for m in (normalize_email(e) for e in emails) if m]
    numbers = [n for n in (p if p.startswith("+") else normalize_phone(p) for p in phones) if n]
    return mails, numbers


def is_suppressed(
    session: Session,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    conn: Connection | None = None,
) -> bool:
    """Was a person with this e-mail address or phone number erased? Raw values are fine.

    Whether a row on that address IS the erased person is `suppression.matches` (with
    `suppression.load_all` loaded once per batch): a housemate on it is not suppressed.
    """
    mails, numbers = _normalised(emails, phones)
    return suppression.is_suppressed(session, conn or session.conn, mails, numbers)


@dataclass(frozen=True)
class ErasureResult:
    erased: tuple[int, ...]
    hashes: int  # addresses put on the suppression list (e-mails + phones)


def erase(
    session: Session, contact_ids: Iterable[int], *, request_id: int | None = None
) -> ErasureResult:
    """Erase these records for good (beheerder only)."""
    session.require(Permission.ERASE)
    ids = list(dict.fromkeys(contact_ids))
    hashes = 0
    with session.write() as conn:
        repo = session.repo(conn)
        requests = erasure_repo.requests_of(conn, ids) if ids else []
        if request_id is not None:
            requests.append(request_id)
        erasure_repo.clear_request_texts(conn, requests)
        rows: set[tuple[str, str | None, int | None]] = set()
        for contact_id in ids:
            contact = repo.get(contact_id)
            if contact is None:
                raise UserError("not_found", id=contact_id)
            rows.update((s.file, s.sheet, s.row) for s in contact.sources)
            mails, numbers = _normalised(contact.emails, contact.phones)
            hashes += suppression.add(session, conn, mails, numbers, contact.name)
            repo.delete(contact_id)
            session.audit(
                conn,
                "contact.erase",
                f"contact:{contact_id}",
                request=request_id,
                hashes=len(mails) + len(numbers),
            )
        _forget_in_import_history(conn, ids, rows)
    checkpoint(session)
    return ErasureResult(tuple(ids), hashes)


_ROW_LISTS = ("invalid", "flagged", "suppressed_rows", "warnings", "changes", "skipped")


def _forget_in_import_history(
    conn: Connection, ids: list[int], rows: set[tuple[str, str | None, int | None]]
) -> None:
    """Drop the erased people's rows and records from every stored import report."""
    records = {f"contact:{cid}" for cid in ids}
    row_names = {f"{file} / {sheet} / rij {row}" for file, sheet, row in rows}
    for batch_id, text in erasure_repo.import_reports(conn):
        report: dict[str, Any] = json.loads(text)
        changed = False
        for key in _ROW_LISTS:
            kept = [
                r
                for r in report.get(key) or []
                if (r.get("file"), r.get("sheet"), r.get("row")) not in rows
            ]
            changed |= len(kept) != len(report.get(key) or [])
            report[key] = kept
        for f in report.get("files") or []:
            for sheet in f.get("sheets") or []:
                gone = {r for fl, sh, r in rows if (fl, sh) == (f.get("file"), sheet.get("sheet"))}
                for outcome, numbers in (sheet.get("rows") or {}).items():
                    kept_rows = [n for n in numbers if n not in gone]
                    changed |= len(kept_rows) != len(numbers)
                    sheet["rows"][outcome] = kept_rows
        pairs = report.get("near_duplicates") or []
        named = records | row_names
        kept_pairs = [p for p in pairs if p.get("a") not in named and p.get("b") not in named]
        changed |= len(kept_pairs) != len(pairs)
        report["near_duplicates"] = kept_pairs
        if changed:
            erasure_repo.replace_import_report(
                conn, batch_id, json.dumps(report, ensure_ascii=False)
            )


def restrict(session: Session, contact_id: int, *, lift: bool = False) -> None:
    """Restriction of processing (art. 18): the record is frozen until lifted."""
    set_flag(session, contact_id, "restricted", not lift)


def object_to(session: Session, contact_id: int, to: str, *, lift: bool = False) -> None:
    """Objection to direct marketing or profiling (art. 21).

    An objection to profiling also drops the audience segment: that is the profile.
    """
    if to not in OBJECTIONS:
        raise UserError(
            "invalid",
            reason=(
                "Bezwaar kan tegen 'marketing' of 'profiling'.",
                "An objection is to 'marketing' or 'profiling'.",
            ),
        )
    set_flag(session, contact_id, OBJECTIONS[to], not lift)
