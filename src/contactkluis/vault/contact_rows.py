"""A contact as table rows and back: column lists, values to insert, rows to objects.

No queries run here; contacts_repo runs the statements.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from contactkluis.domain.contact import (
    Address,
    ConsentEvent,
    ConsentStatus,
    Contact,
    PersonName,
    Relation,
    RelationKind,
)
from contactkluis.domain.state import ContactState
from contactkluis.vault.schema_v12 import next_seq
from contactkluis.vault.schema_v14 import number_of

CONTACT_COLS = (
    "first_name, initials, infix, last_name, sort_name, street, house_number, postcode, city,"
    " country, birth_date, birth_year, notes, special_category, special_note, restricted,"
    " objects_marketing, objects_profiling, anonymised, segment, organisation, deceased"
)
N_COLS = CONTACT_COLS.count(",") + 1


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def relation_values(contact_id: int, r: Relation) -> tuple[Any, ...]:
    return (
        contact_id,
        str(r.kind),
        iso(r.start),
        iso(r.end),
        iso(r.last_activity),
        r.source,
        int(r.paid),
        int(r.opt_out_offered),
    )


def consent_values(
    contact_id: int, e: ConsentEvent, now: str, recorded_by: str | None
) -> tuple[Any, ...]:
    return (
        contact_id,
        e.purpose,
        str(e.status),
        e.on.isoformat(),
        e.source,
        e.evidence,
        int(e.reconfirm),
        now,
        recorded_by,
        int(e.undated),
    )


ChildRows = tuple[
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
]


def child_rows(contact_id: int, c: Contact, recorded_by: str | None, now: str) -> ChildRows:
    """Rows for the e-mail, phone, consent, relation and source tables, in that order."""
    return (
        [(contact_id, e) for e in c.emails],
        [(contact_id, p) for p in c.phones],
        [consent_values(contact_id, e, now, recorded_by) for e in c.consents],
        [relation_values(contact_id, r) for r in c.relations],
        [(contact_id, p.file, p.sheet, p.row, p.field, p.original) for p in c.sources],
    )


# The inserts for child_rows' rows, in its order. Each row takes the next seq of its
# contact (the tables are keyed (contact, seq) since schema version 12), and a consent's
# recording moment is stored as seconds (schema_v12.RECORDED_AT reads it back as ISO text).
# Since version 14 the history rows name their repeated texts (purpose, kind, file, sheet,
# source, evidence, recorder) by number (schema_v14): each text must be in `texts` first
# (TEXT_UPSERT, texts_in).
EMAIL_INSERT = f"INSERT INTO emails (contact_id, seq, email) VALUES (?1, {next_seq('emails')}, ?2)"
PHONE_INSERT = f"INSERT INTO phones (contact_id, seq, e164) VALUES (?1, {next_seq('phones')}, ?2)"
CONSENT_INSERT = (
    "INSERT INTO consent_rows (contact_id, seq, purpose_id, status, on_date, source_id,"
    " evidence_id, reconfirm, recorded_at, recorded_by_id, undated)"
    f" VALUES (?1, {next_seq('consent_rows')}, {number_of('?2')}, ?3, ?4, {number_of('?5')},"
    f" {number_of('?6')}, ?7, unixepoch(?8), {number_of('?9')}, ?10)"
)
RELATION_INSERT = (
    "INSERT INTO relation_rows (contact_id, seq, kind_id, start_date, end_date, last_activity,"
    f" source_id, paid, opt_out_offered) VALUES (?1, {next_seq('relation_rows')},"
    f" {number_of('?2')}, ?3, ?4, ?5, {number_of('?6')}, ?7, ?8)"
)
PROVENANCE_INSERT = (
    "INSERT INTO provenance_rows (contact_id, seq, file_id, sheet_id, row, field, original)"
    f" VALUES (?1, {next_seq('provenance_rows')}, {number_of('?2')}, {number_of('?3')},"
    " ?4, ?5, ?6)"
)
CHILD_INSERTS = (EMAIL_INSERT, PHONE_INSERT, CONSENT_INSERT, RELATION_INSERT, PROVENANCE_INSERT)
# The tables of a contact's history (consents, relations, sources), as written.
HISTORY_TABLES = ("consent_rows", "relation_rows", "provenance_rows")
TEXT_UPSERT = "INSERT INTO texts (text) VALUES (?) ON CONFLICT (text) DO NOTHING"
# insert -> where its rows hold texts kept in `texts` (0-based places in the row tuples),
# read off the statement's own number_of('?N') lookups
_TEXTS_AT: dict[str, tuple[int, ...]] = {
    sql: tuple(int(n) - 1 for n in re.findall(re.escape(number_of("?")[:-1]) + r"(\d+)\)", sql))
    for sql in (CONSENT_INSERT, RELATION_INSERT, PROVENANCE_INSERT)
}


def texts_in(sql: str, rows: Iterable[Sequence[Any]]) -> list[tuple[str]]:
    """The distinct texts `sql`'s rows name by number, for TEXT_UPSERT before it runs (an
    empty text or none takes no number); nothing for a statement that names none."""
    places = _TEXTS_AT.get(sql, ())
    if not places:
        return []
    return [(t,) for t in dict.fromkeys(row[i] for row in rows for i in places) if t]


# A contact's created and updated moments are given as ISO text and stored as seconds
# (schema version 13; schema_v13.day_of reads a day back).
MOMENT = "unixepoch(?)"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def contact_values(c: Contact) -> tuple[Any, ...]:
    n, a = c.name, c.address
    return (
        n.first,
        n.initials,
        n.infix,
        n.last,
        n.sort_key(),
        a.street,
        a.house_number,
        a.postcode,
        a.city,
        a.country,
        iso(c.birth_date),
        c.birth_year,
        c.notes,
        int(c.special_category),
        c.special_note,
        int(c.restricted),
        int(c.objects_marketing),
        int(c.objects_profiling),
        int(c.anonymised),
        c.segment,
        c.organisation,
        int(c.deceased),
    )


def search_text(c: Contact, phone_formats: Iterable[str] = ()) -> str:
    """What search-as-you-type finds a contact by: names, e-mails, phones, postcode, city."""
    n, a = c.name, c.address
    parts: list[str] = [p for p in (n.first, n.initials, n.infix, n.last, a.city) if p]
    if a.postcode:
        parts += [a.postcode, a.postcode.replace(" ", "")]
    for email in c.emails:
        parts += [email, email.replace("@", " ").replace(".", " ")]
    for phone in c.phones:
        parts += [phone.lstrip("+"), "0" + phone[3:] if phone.startswith("+31") else phone]
    parts += list(phone_formats)
    return " ".join(parts)


STATE_COLS = (
    "retention_status, retention_until, retention_json, consent_json, relation_kinds, source_files"
)


def inserted_state(
    c: Contact, state: ContactState, encoded: dict[int, tuple[str, str]]
) -> tuple[Any, ...]:
    """set_states' values for a contact not yet stored. Its relation_kinds and source_files
    come from SQL's group_concat(DISTINCT ...) over the rows as inserted: the distinct values
    in the order of the contact's own lists, comma-separated. `encoded` keeps the JSON of
    each state object (alive for the caller's whole batch) that several people share.
    No retention reasons: see state_repo.NO_REASONS."""
    kinds = ",".join(dict.fromkeys(str(r.kind) for r in c.relations))
    files = ",".join(dict.fromkeys(p.file for p in c.sources if p.file is not None))
    texts = encoded.get(id(state))
    if texts is None:
        texts = ("[]", json.dumps(state.consent_flags, sort_keys=True))
        encoded[id(state)] = texts
    return (
        state.retention_status,
        iso(state.retention_until),
        texts[0],
        texts[1],
        kinds,
        files,
    )


def contact_from_row(r: Sequence[Any]) -> Contact:
    """A Contact from `SELECT id, CONTACT_COLS`, without its e-mails, phones and history."""
    return Contact(
        id=r[0],
        name=PersonName(r[1], r[2], r[3], r[4]),
        address=Address(r[6], r[7], r[8], r[9], r[10]),
        birth_date=to_date(r[11]),
        birth_year=r[12],
        notes=r[13],
        special_category=bool(r[14]),
        special_note=r[15],
        restricted=bool(r[16]),
        objects_marketing=bool(r[17]),
        objects_profiling=bool(r[18]),
        anonymised=bool(r[19]),
        segment=r[20],
        organisation=r[21],
        deceased=bool(r[22]),
    )


def consent_from_row(
    purpose: str,
    status: str,
    on: str,
    source: str,
    evidence: str,
    reconfirm: int,
    undated: int = 0,
) -> ConsentEvent:
    return ConsentEvent(
        purpose,
        ConsentStatus(status),
        date.fromisoformat(on),
        source,
        evidence,
        bool(reconfirm),
        bool(undated),
    )


def relation_from_row(
    kind: str,
    start: str | None,
    end: str | None,
    last: str | None,
    source: str,
    paid: int,
    opt_out: int,
) -> Relation:
    return Relation(
        RelationKind(kind),
        to_date(start),
        to_date(end),
        to_date(last),
        source,
        bool(paid),
        bool(opt_out),
    )
