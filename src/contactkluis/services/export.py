"""The portable export: every contact, as JSON or xlsx (beheerder only, audited).

The JSON shape is the documented contract (README): contacts with name parts, e-mails,
phones, address, consent per purpose, relations, retention, flags and sources.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from contactkluis.domain.consent import consent_states
from contactkluis.domain.contact import Contact
from contactkluis.domain.purposes import LegalBasis
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services.files import safe_cell, write_atomic
from contactkluis.services.session import Session
from contactkluis.vault import private_files, state_repo

BATCH = 1000


def contact_json(session: Session, contact: Contact, state: dict[str, Any]) -> dict[str, Any]:
    n, a = contact.name, contact.address
    states = consent_states(contact.consents, today=session.today())
    consents: dict[str, Any] = {}
    for code, purpose in session.purposes.items():
        if purpose.basis != LegalBasis.TOESTEMMING and not purpose.marketing:
            continue  # contracts and legal duties need no consent: no flag to show
        st = states.get(code)
        if st is None:
            consents[code] = {"status": "none", "date": None, "source": None}
        else:
            consents[code] = {
                "status": str(st.status),
                "date": st.since.isoformat() if st.since else None,
                "source": st.source or None,
                "reconfirm": st.reconfirm,
            }
    flags = [
        f
        for f, on in (
            ("special_category", contact.special_category),
            ("restricted", contact.restricted),
            ("objects_marketing", contact.objects_marketing),
            ("objects_profiling", contact.objects_profiling),
            ("anonymised", contact.anonymised),
        )
        if on
    ]
    return {
        "id": contact.id,
        "name": {"first": n.first, "initials": n.initials, "infix": n.infix, "last": n.last},
        "emails": contact.emails,
        "phones": contact.phones,
        "address": {
            "street": a.street,
            "house_number": a.house_number,
            "postcode": a.postcode,
            "city": a.city,
            "country": a.country or (None if a.is_empty() else "NL"),
        },
        "birth_date": contact.birth_date.isoformat() if contact.birth_date else None,
        "consents": consents,
        "relations": [
            {
                "kind": str(r.kind),
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
                "last_activity": r.last_activity.isoformat() if r.last_activity else None,
                "source": r.source,
            }
            for r in contact.relations
        ],
        "retention": {
            "status": state.get("status"),
            "until": state.get("until"),
            "reasons": [r.get(session.lang, r.get("nl")) for r in state.get("reasons", [])],
        },
        "flags": flags,
        "sources": [
            {"file": s.file, "sheet": s.sheet, "row": s.row}
            for s in contact.sources
            if s.field is None
        ],
    }


def iter_contacts(session: Session) -> Iterator[dict[str, Any]]:
    repo = session.repo()
    ids = repo.all_ids()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        states = state_repo.states(session.conn, chunk)  # one query per batch, not one per contact
        for contact in repo.get_many(chunk):
            assert contact.id is not None
            yield contact_json(session, contact, states.get(contact.id, {}))


def _write_json_to(session: Session) -> Callable[[IO[bytes]], int]:
    def write(fh: IO[bytes]) -> int:
        count = 0
        fh.write(b'{"contacts": [\n')
        for item in iter_contacts(session):
            line = json.dumps(item, ensure_ascii=False).encode("utf-8")
            fh.write((b",\n" if count else b"") + line)
            count += 1
        fh.write(b"\n]}\n")
        return count

    return write


def export_all(session: Session, out: Path) -> int:
    session.require(Permission.FULL_EXPORT)
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise UserError(
            "invalid", reason=("Kies een .json- of .xlsx-bestand.", "Choose a .json or .xlsx file.")
        )
    private_files.make_folder(out.parent)
    count = write_atomic(
        out, _write_json_to(session) if suffix == ".json" else _write_xlsx_to(session)
    )
    with session.write() as conn:
        session.audit(conn, "export.full", None, contacts=count, format=suffix[1:])
    return count


_XLSX_COLUMNS = (
    "id",
    "voornaam",
    "voorletters",
    "tussenvoegsel",
    "achternaam",
    "e-mail",
    "telefoon",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "relaties",
    "bewaarstatus",
    "bewaren tot",
    "vlaggen",
)


def _write_xlsx_to(session: Session) -> Callable[[IO[bytes]], int]:
    return lambda fh: _write_xlsx(session, fh)


def _write_xlsx(session: Session, path: IO[bytes]) -> int:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Contacten")
    purposes = [
        c for c, p in session.purposes.items() if p.basis == LegalBasis.TOESTEMMING or p.marketing
    ]
    ws.append([*_XLSX_COLUMNS, *(f"toestemming {p}" for p in purposes)])
    count = 0
    for item in iter_contacts(session):
        n, a = item["name"], item["address"]
        row = [
            item["id"],
            n["first"],
            n["initials"],
            n["infix"],
            n["last"],
            "; ".join(item["emails"]),
            "; ".join(item["phones"]),
            a["street"],
            a["house_number"],
            a["postcode"],
            a["city"],
            ", ".join(sorted({r["kind"] for r in item["relations"]})),
            item["retention"]["status"],
            item["retention"]["until"],
            ", ".join(item["flags"]),
        ]
        row += [item["consents"][p]["status"] for p in purposes]
        ws.append([safe_cell(v) for v in row])
        count += 1
    wb.save(path)
    return count
