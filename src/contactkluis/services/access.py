"""Access and portability (AVG art. 15 and 20): everything held about one person, in one go.

One JSON file (machine-readable, for portability, art. 20), one xlsx workbook and one
printable HTML page (letter-ready for the person, services.access_letter) per record,
written into a folder. Both hold the consent history with
its evidence, relations, provenance, rights requests and the audit entries about the person.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from contactkluis.domain.contact import Contact
from contactkluis.domain.messages import localized
from contactkluis.domain.normalize import normalize_email, normalize_phone
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import access_letter, states
from contactkluis.services.files import write_atomic
from contactkluis.services.session import Session
from contactkluis.vault import access_repo, audit, private_files, state_repo
from contactkluis.vault.db import Connection

FORMAT_VERSION = 1


def find_person(session: Session, who: str) -> list[int]:
    """Record ids for an e-mail address, a phone number or '#id' / a bare number (an id)."""
    text = who.strip()
    if text.lstrip("#").isdigit():
        contact_id = int(text.lstrip("#"))
        return [contact_id] if session.repo().get(contact_id) is not None else []
    email = normalize_email(text)
    if email is not None:
        return session.repo().ids_by_email(email.lower())
    phone = normalize_phone(text)
    if phone is not None:
        return session.repo().ids_by_phone(phone)
    return []


def require_person(session: Session, who: str) -> list[int]:
    ids = find_person(session, who)
    if not ids:
        raise UserError(
            "invalid",
            reason=(
                "Geen contact gevonden met dit e-mailadres, telefoonnummer of nummer.",
                "No contact found with this e-mail address, phone number or id.",
            ),
        )
    return ids


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _person(contact: Contact) -> dict[str, Any]:
    n, a = contact.name, contact.address
    return {
        "id": contact.id,
        "first_name": n.first,
        "initials": n.initials,
        "infix": n.infix,
        "last_name": n.last,
        "organisation": contact.organisation,
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "street": a.street,
        "house_number": a.house_number,
        "postcode": a.postcode,
        "city": a.city,
        "country": a.country,
        "birth_date": _iso(contact.birth_date),
        "birth_year": contact.birth_year,
        "notes": contact.notes,
        "special_category": contact.special_category,
        "special_note": contact.special_note,
        "restricted": contact.restricted,
        "objects_marketing": contact.objects_marketing,
        "objects_profiling": contact.objects_profiling,
        "anonymised": contact.anonymised,
        "deceased": contact.deceased,
        "segment": contact.segment,
    }


def access_report(
    session: Session, contact_id: int, conn: Connection | None = None
) -> dict[str, Any]:
    """Everything held about one record, as plain JSON-ready data."""
    session.require(Permission.ACCESS_EXPORT)
    c = conn or session.conn
    contact = session.repo(c).get(contact_id)
    if contact is None:
        raise UserError("not_found", id=contact_id)
    held = access_repo.history(c, contact_id)
    consents, relations = held["consents"], held["relations"]
    provenance, requests = held["provenance"], held["requests"]
    targets = [f"contact:{contact_id}"] + [f"request:{r['id']}" for r in requests]
    entries: list[dict[str, Any]] = []
    for target in targets:
        entries.extend(audit.entries(c, target, limit=100_000))
    entries.sort(key=lambda e: int(e["id"]))
    for e in entries:
        e["detail"] = json.dumps(e["detail"], ensure_ascii=False, sort_keys=True)
    state = state_repo.state(c, contact_id)
    state["reasons"] = states.reasons(session, [contact], c).get(contact_id, [])
    purposes = session.purposes
    for row in consents:
        p = purposes.get(row["purpose"])
        row["purpose_label"] = localized(p.label_nl, p.label_en, session.lang) if p else ""
    return {
        "format": "contactkluis-inzage",
        "version": FORMAT_VERSION,
        "institution": session.vault.meta("institution") or "",
        "made_on": session.today().isoformat(),
        "person": _person(contact),
        "consents": consents,
        "relations": relations,
        "provenance": provenance,
        "requests": requests,
        "audit": entries,
        "retention": [
            {
                "purpose": r.get("purpose"),
                "until": r.get("until"),
                "reason": localized(r.get("nl") or "", r.get("en") or "", session.lang),
            }
            for r in state.get("reasons", [])
        ],
    }


@dataclass(frozen=True)
class AccessExport:
    contact_ids: tuple[int, ...]
    files: tuple[Path, ...]


def export_access(session: Session, contact_ids: Iterable[int], out_dir: Path) -> AccessExport:
    """Write `inzage-<id>.json`, `.xlsx` and `.html` per record into `out_dir`; never
    overwrites."""
    session.require(Permission.ACCESS_EXPORT)
    ids = list(dict.fromkeys(contact_ids))
    out_dir = Path(out_dir)
    private_files.make_folder(out_dir)

    def name(cid: int, ext: str) -> Path:
        return out_dir / f"inzage-{cid}.{ext}"

    targets = [(cid, name(cid, "json"), name(cid, "xlsx"), name(cid, "html")) for cid in ids]
    for _, *paths in targets:
        for path in paths:
            if path.exists():
                raise UserError("target_exists", file=path.name)
    written: list[Path] = []
    with session.write() as conn:
        for cid, json_path, xlsx_path, html_path in targets:
            # Logged first, inside the same transaction: the export shows its own entry, and
            # a failed write leaves no entry claiming an export that never happened.
            session.audit(conn, "access.export", f"contact:{cid}")
            report = access_report(session, cid, conn)
            payload = json.dumps(report, ensure_ascii=False, indent=2, default=str)

            def write_json(fh: IO[bytes], data: str = payload) -> None:
                fh.write(data.encode("utf-8"))

            doc = access_letter.letter(
                report, session.purposes, session.lang, session.setting("controller_contact", "")
            )

            def write_xlsx(fh: IO[bytes], doc: access_letter.Letter = doc) -> None:
                fh.write(access_letter.xlsx_bytes(doc))

            def write_html(fh: IO[bytes], doc: access_letter.Letter = doc) -> None:
                fh.write(access_letter.html_text(doc).encode("utf-8"))

            writers = ((json_path, write_json), (xlsx_path, write_xlsx), (html_path, write_html))
            try:
                for target, writer in writers:
                    write_atomic(target, writer)
                    written.append(target)
            except BaseException:
                for path in written:
                    path.unlink(missing_ok=True)
                raise
    return AccessExport(tuple(ids), tuple(written))
