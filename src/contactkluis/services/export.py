"""The portable export: every contact, as JSON or xlsx (beheerder only, audited).

The JSON shape is the documented contract (README): contacts with name parts, e-mails,
phones, address, birth date and year, notes, consent per purpose and its full history with
evidence, relations with their dates, retention, flags and sources. The xlsx holds the same
for people to read (Dutch headers, date cells, stored values shown as words).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from contactkluis.domain.consent import consent_states
from contactkluis.domain.contact import Contact
from contactkluis.domain.messages import localized, speaker
from contactkluis.domain.normalize import format_phone_nl
from contactkluis.domain.purposes import LegalBasis
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import states as derived
from contactkluis.services.export_words import word
from contactkluis.services.files import write_atomic
from contactkluis.services.session import Session
from contactkluis.services.xlsx_out import Book, as_moment
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
                "evidence": st.evidence or None,
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
            ("deceased", contact.deceased),
        )
        if on
    ]
    return {
        "id": contact.id,
        "name": {"first": n.first, "initials": n.initials, "infix": n.infix, "last": n.last},
        "organisation": contact.organisation,
        "deceased": contact.deceased,
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
        "birth_year": contact.birth_year,
        "notes": contact.notes,
        "special_note": contact.special_note,
        "segment": contact.segment,
        "consents": consents,
        "consent_history": [
            {
                "purpose": e.purpose,
                "status": str(e.status),
                "date": e.on.isoformat(),
                "source": e.source,
                "evidence": e.evidence or None,
                "reconfirm": e.reconfirm,
            }
            for e in contact.consents
        ],
        "relations": [
            {
                "kind": str(r.kind),
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
                "last_activity": r.last_activity.isoformat() if r.last_activity else None,
                "source": r.source,
                "paid": r.paid,
                "opt_out_offered": r.opt_out_offered,
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
        contacts = repo.get_many(chunk)
        reasons = derived.reasons(session, contacts)
        for contact in contacts:
            assert contact.id is not None
            state = states.get(contact.id, {})
            yield contact_json(session, contact, {**state, "reasons": reasons[contact.id]})


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


_COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("Nummer", "Number"),
    "first": ("Voornaam", "First name"),
    "initials": ("Voorletters", "Initials"),
    "infix": ("Tussenvoegsel", "Name prefix"),
    "last": ("Achternaam", "Surname"),
    "organisation": ("Organisatie", "Organisation"),
    "emails": ("E-mail", "E-mail"),
    "phones": ("Telefoon", "Phone"),
    "street": ("Straat", "Street"),
    "house_number": ("Huisnummer", "House number"),
    "postcode": ("Postcode", "Postcode"),
    "city": ("Woonplaats", "Town"),
    "country": ("Land", "Country"),
    "birth_date": ("Geboortedatum", "Date of birth"),
    "birth_year": ("Geboortejaar", "Year of birth"),
    "relations": ("Relaties", "Relations"),
    "since": ("Relatie sinds", "Relation since"),
    "retention": ("Bewaarstatus", "Retention status"),
    "until": ("Bewaren tot", "Keep until"),
    "flags": ("Bijzonderheden", "Particulars"),
    "reasons": ("Waarom bewaard", "Why kept"),
    "special_note": ("Toelichting bijzonder gegeven", "About the special category data"),
    "segment": ("Doelgroep", "Audience group"),
    "sources": ("Herkomst", "Sources"),
    "notes": ("Notities", "Notes"),
    "consent": ("Toestemming {purpose}", "Consent {purpose}"),
    "consent_date": ("Datum toestemming {purpose}", "Consent date {purpose}"),
    "name": ("Naam", "Name"),
    "purpose": ("Doel", "Purpose"),
    "status": ("Status", "Status"),
    "date": ("Datum", "Date"),
    "source": ("Bron", "Source"),
    "evidence": ("Bewijs", "Evidence"),
    "reconfirm": ("Te herbevestigen", "To be reconfirmed"),
    "kind": ("Soort", "Kind"),
    "start": ("Begin", "Start"),
    "end": ("Einde", "End"),
    "last_activity": ("Laatste activiteit", "Last activity"),
    "paid": ("Betaald", "Paid"),
    "opt_out_offered": ("Afmelden aangeboden", "Opt-out offered"),
    "s.contacts": ("Contacten", "Contacts"),
    "s.consents": ("Toestemmingen", "Consents"),
    "s.relations": ("Relaties", "Relations"),
}
_say = speaker(_COLUMNS, "full_export.")


def _write_xlsx_to(session: Session) -> Callable[[IO[bytes]], int]:
    return lambda fh: _write_xlsx(session, fh)


def _write_xlsx(session: Session, fh: IO[bytes]) -> int:
    """Three sheets with the JSON's content: contacts (one row each, consent per purpose),
    the full consent history with evidence, and every relation with its dates."""
    lang = session.lang

    def h(*keys: str, **params: str) -> list[str]:
        return [_say(k, lang=lang, **params) for k in keys]

    purposes = [
        p for p in session.purposes.values() if p.basis == LegalBasis.TOESTEMMING or p.marketing
    ]

    def label(code: str) -> str:
        p = session.purposes.get(code)
        return localized(p.label_nl, p.label_en, lang) if p else code

    history: list[tuple[Any, ...]] = []
    relations: list[tuple[Any, ...]] = []

    def contact_rows() -> Iterator[tuple[Any, ...]]:
        for item in iter_contacts(session):
            n, a = item["name"], item["address"]
            name = " ".join(p for p in (n["first"] or n["initials"], n["infix"], n["last"]) if p)
            starts = [r["start"] for r in item["relations"] if r["start"]]
            consent_cells: list[Any] = []
            for p in purposes:
                state = item["consents"][p.code]
                status = "reconfirm" if state.get("reconfirm") else state["status"]
                consent_cells += [word(lang, "v", status), as_moment(state["date"])]
            history.extend(
                (
                    item["id"],
                    name,
                    label(e["purpose"]),
                    word(lang, "v", e["status"]),
                    as_moment(e["date"]),
                    e["source"],
                    e["evidence"],
                    e["reconfirm"],
                )
                for e in item["consent_history"]
            )
            relations.extend(
                (
                    item["id"],
                    name,
                    word(lang, "k", r["kind"]),
                    as_moment(r["start"]),
                    as_moment(r["end"]),
                    as_moment(r["last_activity"]),
                    r["source"],
                    r["paid"],
                    r["opt_out_offered"],
                )
                for r in item["relations"]
            )
            yield (
                item["id"],
                n["first"],
                n["initials"],
                n["infix"],
                n["last"],
                item["organisation"],
                "\n".join(item["emails"]),
                "\n".join(format_phone_nl(p) for p in item["phones"]),
                a["street"],
                a["house_number"],
                a["postcode"],
                a["city"],
                a["country"],
                as_moment(item["birth_date"]),
                item["birth_year"],
                ", ".join(sorted({word(lang, "k", r["kind"]) for r in item["relations"]})),
                as_moment(min(starts)) if starts else None,
                word(lang, "r", item["retention"]["status"]),
                as_moment(item["retention"]["until"]),
                ", ".join(word(lang, "f", f) for f in item["flags"]),
                "\n".join(item["retention"]["reasons"]),
                item["special_note"],
                item["segment"],
                "\n".join(
                    " / ".join(str(p) for p in (s["file"], s["sheet"], s["row"]) if p)
                    for s in item["sources"]
                ),
                item["notes"],
                *consent_cells,
            )

    book = Book(lang)
    columns = h(
        *("id", "first", "initials", "infix", "last", "organisation", "emails", "phones"),
        "street",
        *("house_number", "postcode", "city", "country", "birth_date", "birth_year"),
        *("relations", "since", "retention", "until", "flags", "reasons", "special_note"),
        *("segment", "sources", "notes"),
    )
    for p in purposes:
        columns += h("consent", "consent_date", purpose=label(p.code))
    count = book.table(_say("s.contacts", lang=lang), columns, contact_rows(), key_columns=5)
    book.table(
        _say("s.consents", lang=lang),
        h("id", "name", "purpose", "status", "date", "source", "evidence", "reconfirm"),
        history,
        key_columns=2,
    )
    book.table(
        _say("s.relations", lang=lang),
        h(
            *("id", "name", "kind", "start", "end", "last_activity", "source", "paid"),
            "opt_out_offered",
        ),
        relations,
        key_columns=2,
    )
    fh.write(book.close())
    return count
