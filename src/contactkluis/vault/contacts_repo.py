"""Contacts in and out of SQL. No rules here: services decide, this stores."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from contactkluis.domain.contact import (
    Address,
    ConsentEvent,
    ConsentStatus,
    Contact,
    PersonName,
    Provenance,
    Relation,
    RelationKind,
)
from contactkluis.vault.db import Connection

_CONTACT_COLS = (
    "first_name, initials, infix, last_name, sort_name, street, house_number, postcode, city,"
    " country, birth_date, birth_year, notes, special_category, special_note, restricted,"
    " objects_marketing, objects_profiling, anonymised, segment"
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _relation_values(contact_id: int, r: Relation) -> tuple[Any, ...]:
    return (
        contact_id,
        str(r.kind),
        _iso(r.start),
        _iso(r.end),
        _iso(r.last_activity),
        r.source,
        int(r.paid),
        int(r.opt_out_offered),
    )


def _consent_values(
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
    )


_ChildRows = tuple[
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
]


def _child_rows(contact_id: int, c: Contact, recorded_by: str | None, now: str) -> _ChildRows:
    """Rows for the e-mail, phone, consent, relation and source tables, in that order."""
    return (
        [(contact_id, e) for e in c.emails],
        [(contact_id, p) for p in c.phones],
        [_consent_values(contact_id, e, now, recorded_by) for e in c.consents],
        [_relation_values(contact_id, r) for r in c.relations],
        [(contact_id, p.file, p.sheet, p.row, p.field, p.original) for p in c.sources],
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _contact_values(c: Contact) -> tuple[Any, ...]:
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
        _iso(c.birth_date),
        c.birth_year,
        c.notes,
        int(c.special_category),
        c.special_note,
        int(c.restricted),
        int(c.objects_marketing),
        int(c.objects_profiling),
        int(c.anonymised),
        c.segment,
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


_STATE_COLS = (
    "retention_status, retention_until, retention_json, consent_json, relation_kinds,"
    " source_files, state_date"
)


def _inserted_state(
    c: Contact, state: ContactState, today: date, encoded: dict[int, tuple[str, str]]
) -> tuple[Any, ...]:
    """set_states' values for a contact not yet stored. Its relation_kinds and source_files
    come from SQL's group_concat(DISTINCT ...) over the rows as inserted: the distinct values
    in the order of the contact's own lists, comma-separated. `encoded` keeps the JSON of
    each state object (alive for the caller's whole batch) that several people share."""
    kinds = ",".join(dict.fromkeys(str(r.kind) for r in c.relations))
    files = ",".join(dict.fromkeys(p.file for p in c.sources if p.file is not None))
    texts = encoded.get(id(state))
    if texts is None:
        texts = (
            json.dumps(state.retention_reasons, ensure_ascii=False),
            json.dumps(state.consent_flags, sort_keys=True),
        )
        encoded[id(state)] = texts
    return (
        state.retention_status,
        _iso(state.retention_until),
        texts[0],
        texts[1],
        kinds,
        files,
        today.isoformat(),
    )


@dataclass(frozen=True)
class ContactState:
    """The derived state cached on the contact row for fast listing and filtering."""

    retention_status: str
    retention_until: date | None
    retention_reasons: list[dict[str, Any]]
    consent_flags: dict[str, str]


class ContactRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- writing --------------------------------------------------------------------------

    def insert(self, c: Contact, *, recorded_by: str | None = None) -> int:
        now = _now()
        cur = self.conn.execute(
            f"INSERT INTO contacts ({_CONTACT_COLS}, created_at, updated_at)"
            f" VALUES ({', '.join('?' * 20)}, ?, ?)",
            (*_contact_values(c), now, now),
        )
        contact_id = int(cur.lastrowid)
        c.id = contact_id
        self._insert_children(contact_id, c, recorded_by, now)
        self.index(c)
        return contact_id

    def insert_many(
        self,
        contacts: Sequence[Contact],
        *,
        recorded_by: str | None = None,
        states: Sequence[ContactState] | None = None,
        today: date | None = None,
    ) -> None:
        """The import's fast path: ids assigned here, one executemany per table.

        With `states` (one per contact, in order) and `today`, each row is stored with its
        derived state at once, exactly as set_states would set it afterwards: a row
        written once instead of twice, with every index of the contacts table.
        """
        if not contacts:
            return
        now = _now()
        row = self.conn.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()
        next_id = int(row[0]) + 1
        for offset, c in enumerate(contacts):
            c.id = next_id + offset
        if states is not None:
            assert len(states) == len(contacts) and today is not None
            encoded: dict[int, tuple[str, str]] = {}
            self.conn.executemany(
                f"INSERT INTO contacts (id, {_CONTACT_COLS}, created_at, updated_at,"
                f" {_STATE_COLS}) VALUES (?, {', '.join('?' * 29)})",
                [
                    (c.id, *_contact_values(c), now, now, *_inserted_state(c, st, today, encoded))
                    for c, st in zip(contacts, states, strict=True)
                ],
            )
        else:
            self.conn.executemany(
                f"INSERT INTO contacts (id, {_CONTACT_COLS}, created_at, updated_at)"
                f" VALUES (?, {', '.join('?' * 20)}, ?, ?)",
                [(c.id, *_contact_values(c), now, now) for c in contacts],
            )
        # One executemany per table for the whole batch: each table still receives its rows
        # in contact order, so every row id is what one insert per contact would give.
        emails: list[tuple[Any, ...]] = []
        phones: list[tuple[Any, ...]] = []
        consents: list[tuple[Any, ...]] = []
        relations: list[tuple[Any, ...]] = []
        sources: list[tuple[Any, ...]] = []
        for c in contacts:
            cid = c.id
            assert cid is not None
            buckets = (emails, phones, consents, relations, sources)
            for bucket, rows in zip(buckets, _child_rows(cid, c, recorded_by, now), strict=True):
                bucket.extend(rows)
        self._insert_child_rows(emails, phones, consents, relations, sources)
        del emails, phones, consents, relations, sources
        self.conn.executemany(
            "INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)",
            [(c.id, search_text(c)) for c in contacts],
        )

    def _insert_children(
        self, contact_id: int, c: Contact, recorded_by: str | None, now: str
    ) -> None:
        self._insert_child_rows(*_child_rows(contact_id, c, recorded_by, now))

    def _insert_child_rows(
        self,
        emails: list[tuple[Any, ...]],
        phones: list[tuple[Any, ...]],
        consents: list[tuple[Any, ...]],
        relations: list[tuple[Any, ...]],
        sources: list[tuple[Any, ...]],
    ) -> None:
        ex = self.conn.executemany
        ex("INSERT INTO emails (contact_id, email) VALUES (?, ?)", emails)
        ex("INSERT INTO phones (contact_id, e164) VALUES (?, ?)", phones)
        ex(
            "INSERT INTO consent_events (contact_id, purpose, status, on_date, source, evidence,"
            " reconfirm, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            consents,
        )
        ex(
            "INSERT INTO relations (contact_id, kind, start_date, end_date, last_activity, source,"
            " paid, opt_out_offered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            relations,
        )
        ex(
            "INSERT INTO provenance (contact_id, file, sheet, row, field, original)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            sources,
        )

    def update(self, c: Contact) -> None:
        """Replace the person's fields, e-mails and phones; history tables are appended
        to through their own methods and never rewritten here."""
        assert c.id is not None
        self.unindex(c.id)
        self.conn.execute(
            f"UPDATE contacts SET ({_CONTACT_COLS}, updated_at) = ({', '.join('?' * 20)}, ?)"
            " WHERE id = ?",
            (*_contact_values(c), _now(), c.id),
        )
        self.conn.execute("DELETE FROM emails WHERE contact_id = ?", (c.id,))
        self.conn.execute("DELETE FROM phones WHERE contact_id = ?", (c.id,))
        self.conn.executemany(
            "INSERT INTO emails (contact_id, email) VALUES (?, ?)", [(c.id, e) for e in c.emails]
        )
        self.conn.executemany(
            "INSERT INTO phones (contact_id, e164) VALUES (?, ?)", [(c.id, p) for p in c.phones]
        )
        self.index(c)

    def add_consent(self, contact_id: int, e: ConsentEvent, recorded_by: str | None) -> None:
        self.conn.execute(
            "INSERT INTO consent_events (contact_id, purpose, status, on_date, source, evidence,"
            " reconfirm, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _consent_values(contact_id, e, _now(), recorded_by),
        )

    def add_relation(self, contact_id: int, r: Relation) -> None:
        self.conn.execute(
            "INSERT INTO relations (contact_id, kind, start_date, end_date, last_activity, source,"
            " paid, opt_out_offered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            _relation_values(contact_id, r),
        )

    def add_provenance(self, contact_id: int, items: Sequence[Provenance]) -> None:
        self.conn.executemany(
            "INSERT INTO provenance (contact_id, file, sheet, row, field, original)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(contact_id, p.file, p.sheet, p.row, p.field, p.original) for p in items],
        )

    def delete(self, contact_id: int) -> None:
        """Gone for real: secure_delete zeroes the freed pages; the search index keeps its own
        copy of the text so that FTS5's secure-delete can remove every token of it."""
        self.unindex(contact_id)
        self.conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))

    _SET_STATE = (
        "UPDATE contacts SET retention_status = ?, retention_until = ?, retention_json = ?,"
        " consent_json = ?, relation_kinds = coalesce((SELECT group_concat(DISTINCT kind)"
        " FROM relations WHERE contact_id = ?), ''), source_files = coalesce((SELECT"
        " group_concat(DISTINCT file) FROM provenance WHERE contact_id = ?), ''),"
        " state_date = ? WHERE id = ?"
    )

    @staticmethod
    def _state_values(contact_id: int, state: ContactState, today: date) -> tuple[Any, ...]:
        return (
            state.retention_status,
            _iso(state.retention_until),
            json.dumps(state.retention_reasons, ensure_ascii=False),
            json.dumps(state.consent_flags, sort_keys=True),
            contact_id,
            contact_id,
            today.isoformat(),
            contact_id,
        )

    def set_state(self, contact_id: int, state: ContactState, today: date) -> None:
        self.conn.execute(self._SET_STATE, self._state_values(contact_id, state, today))

    def set_states(self, states: Sequence[tuple[int, ContactState]], today: date) -> None:
        """Many at once: the import's path for the people it created."""
        self.conn.executemany(
            self._SET_STATE, [self._state_values(cid, st, today) for cid, st in states]
        )

    # -- full-text index ------------------------------------------------------------------

    def index(self, c: Contact) -> None:
        assert c.id is not None
        self.conn.execute(
            "INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)", (c.id, search_text(c))
        )

    def unindex(self, contact_id: int) -> None:
        self.conn.execute("DELETE FROM contacts_fts WHERE rowid = ?", (contact_id,))

    # -- reading --------------------------------------------------------------------------

    def get(self, contact_id: int) -> Contact | None:
        row = self.conn.execute(
            f"SELECT id, {_CONTACT_COLS} FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        if row is None:
            return None
        return self._hydrate([row])[0]

    def get_many(self, ids: Sequence[int]) -> list[Contact]:
        out: list[Contact] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT id, {_CONTACT_COLS} FROM contacts WHERE id IN ({marks})", chunk
            ).fetchall()
            out.extend(self._hydrate(rows))
        return out

    def _hydrate(self, rows: Sequence[Sequence[Any]]) -> list[Contact]:
        by_id: dict[int, Contact] = {}
        for r in rows:
            by_id[r[0]] = Contact(
                id=r[0],
                name=PersonName(r[1], r[2], r[3], r[4]),
                address=Address(r[6], r[7], r[8], r[9], r[10]),
                birth_date=_date(r[11]),
                birth_year=r[12],
                notes=r[13],
                special_category=bool(r[14]),
                special_note=r[15],
                restricted=bool(r[16]),
                objects_marketing=bool(r[17]),
                objects_profiling=bool(r[18]),
                anonymised=bool(r[19]),
                segment=r[20],
            )
        if not by_id:
            return []
        ids = list(by_id)
        marks = ",".join("?" * len(ids))
        q = self.conn.execute
        for cid, email in q(
            f"SELECT contact_id, email FROM emails WHERE contact_id IN ({marks}) ORDER BY id", ids
        ):
            by_id[cid].emails.append(email)
        for cid, phone in q(
            f"SELECT contact_id, e164 FROM phones WHERE contact_id IN ({marks}) ORDER BY id", ids
        ):
            by_id[cid].phones.append(phone)
        for cid, purpose, status, on, source, evidence, reconfirm in q(
            "SELECT contact_id, purpose, status, on_date, source, evidence, reconfirm FROM"
            f" consent_events WHERE contact_id IN ({marks}) ORDER BY on_date, id",
            ids,
        ):
            by_id[cid].consents.append(
                ConsentEvent(
                    purpose,
                    ConsentStatus(status),
                    date.fromisoformat(on),
                    source,
                    evidence,
                    bool(reconfirm),
                )
            )
        for cid, kind, start, end, last, source, paid, opt_out in q(
            "SELECT contact_id, kind, start_date, end_date, last_activity, source, paid,"
            f" opt_out_offered FROM relations WHERE contact_id IN ({marks}) ORDER BY id",
            ids,
        ):
            by_id[cid].relations.append(
                Relation(
                    RelationKind(kind),
                    _date(start),
                    _date(end),
                    _date(last),
                    source,
                    bool(paid),
                    bool(opt_out),
                )
            )
        for cid, file, sheet, row, field, original in q(
            "SELECT contact_id, file, sheet, row, field, original FROM provenance"
            f" WHERE contact_id IN ({marks}) ORDER BY id",
            ids,
        ):
            by_id[cid].sources.append(Provenance(file, sheet, row, field, original))
        return [by_id[r[0]] for r in rows]

    def ids_by_email(self, email: str) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT contact_id FROM emails WHERE email = ?", (email,)
            )
        ]

    def ids_by_phone(self, e164: str) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT contact_id FROM phones WHERE e164 = ?", (e164,)
            )
        ]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM contacts").fetchone()[0])

    def all_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM contacts ORDER BY id")]

    _STATE_COLS = "id, retention_status, retention_until, retention_json, consent_json, state_date"

    @staticmethod
    def _state_dict(row: Sequence[Any]) -> dict[str, Any]:
        return {
            "status": row[1],
            "until": row[2],
            "reasons": json.loads(row[3]),
            "consents": json.loads(row[4]),
            "state_date": row[5],
        }

    def state(self, contact_id: int) -> dict[str, Any]:
        return self.states([contact_id]).get(contact_id, {})

    def created_at(self, contact_id: int) -> str | None:
        """When the record was stored (an import writes no audit line per person)."""
        row = self.conn.execute(
            "SELECT created_at FROM contacts WHERE id = ?", (contact_id,)
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def states(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The cached derived state of many contacts in one query."""
        marks = ",".join("?" * len(ids))
        rows = (
            self.conn.execute(
                f"SELECT {self._STATE_COLS} FROM contacts WHERE id IN ({marks})", list(ids)
            ).fetchall()
            if ids
            else []
        )
        return {row[0]: self._state_dict(row) for row in rows}
