"""Contacts in and out of SQL. No rules here: services decide, this stores."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from contactkluis.domain.contact import ConsentEvent, Contact, Provenance, Relation
from contactkluis.domain.state import ContactState
from contactkluis.vault.contact_rows import (
    CHILD_INSERTS,
    CONSENT_INSERT,
    CONTACT_COLS,
    EMAIL_INSERT,
    HISTORY_TABLES,
    MOMENT,
    N_COLS,
    PHONE_INSERT,
    PROVENANCE_INSERT,
    RELATION_INSERT,
    STATE_COLS,
    TEXT_UPSERT,
    child_rows,
    consent_from_row,
    consent_values,
    contact_from_row,
    contact_values,
    inserted_state,
    relation_from_row,
    relation_values,
    search_text,
    texts_in,
    utc_now,
)
from contactkluis.vault.db import Connection


class ContactRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- writing --------------------------------------------------------------------------

    def insert(self, c: Contact, *, recorded_by: str | None = None) -> int:
        now = utc_now()
        cur = self.conn.execute(
            f"INSERT INTO contacts ({CONTACT_COLS}, created_at, updated_at)"
            f" VALUES ({', '.join('?' * N_COLS)}, {MOMENT}, {MOMENT})",
            (*contact_values(c), now, now),
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
    ) -> None:
        """The import's fast path: ids assigned here, one executemany per table.

        With `states` (one per contact, in order), each row is stored with its
        derived state at once, exactly as set_states would set it afterwards: a row
        written once instead of twice, with every index of the contacts table.
        """
        if not contacts:
            return
        now = utc_now()
        row = self.conn.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()
        next_id = int(row[0]) + 1
        for offset, c in enumerate(contacts):
            c.id = next_id + offset
        if states is not None:
            assert len(states) == len(contacts)
            encoded: dict[int, tuple[str, str]] = {}
            # The table's e-mail and phone keys are written with the row: the triggers on
            # emails and phones then find them set and leave the row alone, instead of
            # rewriting it once per address. lower() in SQL, as the trigger has it.
            self.conn.executemany(
                f"INSERT INTO contacts (id, {CONTACT_COLS}, created_at, updated_at,"
                f" {STATE_COLS}, email_key, phone_key)"
                f" VALUES (?, {', '.join('?' * N_COLS)}, {MOMENT}, {MOMENT},"
                f" {', '.join('?' * 6)}, lower(?), ?)",
                [
                    (
                        c.id,
                        *contact_values(c),
                        now,
                        now,
                        *inserted_state(c, st, encoded),
                        c.emails[0] if c.emails else "",
                        c.phones[0] if c.phones else "",
                    )
                    for c, st in zip(contacts, states, strict=True)
                ],
            )
        else:
            self.conn.executemany(
                f"INSERT INTO contacts (id, {CONTACT_COLS}, created_at, updated_at)"
                f" VALUES (?, {', '.join('?' * N_COLS)}, {MOMENT}, {MOMENT})",
                [(c.id, *contact_values(c), now, now) for c in contacts],
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
            for bucket, rows in zip(buckets, child_rows(cid, c, recorded_by, now), strict=True):
                bucket.extend(rows)
        self._insertchild_rows(emails, phones, consents, relations, sources)
        del emails, phones, consents, relations, sources
        self.conn.executemany(
            "INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)",
            [(c.id, search_text(c)) for c in contacts],
        )

    def _insert_children(
        self, contact_id: int, c: Contact, recorded_by: str | None, now: str
    ) -> None:
        self._insertchild_rows(*child_rows(contact_id, c, recorded_by, now))

    def _insertchild_rows(
        self,
        emails: list[tuple[Any, ...]],
        phones: list[tuple[Any, ...]],
        consents: list[tuple[Any, ...]],
        relations: list[tuple[Any, ...]],
        sources: list[tuple[Any, ...]],
    ) -> None:
        for sql, rows in zip(
            CHILD_INSERTS, (emails, phones, consents, relations, sources), strict=True
        ):
            self._insert(sql, rows)

    def _insert(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Rows of a history table, after the texts they name by number (schema_v14)."""
        texts = texts_in(sql, rows)
        if texts:
            self.conn.executemany(TEXT_UPSERT, texts)
        self.conn.executemany(sql, rows)

    def update(self, c: Contact) -> None:
        """Replace the person's fields, e-mails and phones; history tables are appended
        to through their own methods and never rewritten here."""
        assert c.id is not None
        self.unindex(c.id)
        self.conn.execute(
            f"UPDATE contacts SET ({CONTACT_COLS}, updated_at)"
            f" = ({', '.join('?' * N_COLS)}, {MOMENT})"
            " WHERE id = ?",
            (*contact_values(c), utc_now(), c.id),
        )
        self.conn.execute("DELETE FROM emails WHERE contact_id = ?", (c.id,))
        self.conn.execute("DELETE FROM phones WHERE contact_id = ?", (c.id,))
        self.conn.executemany(EMAIL_INSERT, [(c.id, e) for e in c.emails])
        self.conn.executemany(PHONE_INSERT, [(c.id, p) for p in c.phones])
        self.index(c)

    def add_consent(self, contact_id: int, e: ConsentEvent, recorded_by: str | None) -> None:
        self._insert(CONSENT_INSERT, [consent_values(contact_id, e, utc_now(), recorded_by)])

    def add_relation(self, contact_id: int, r: Relation) -> None:
        self._insert(RELATION_INSERT, [relation_values(contact_id, r)])

    def add_provenance(self, contact_id: int, items: Sequence[Provenance]) -> None:
        self._insert(
            PROVENANCE_INSERT,
            [(contact_id, p.file, p.sheet, p.row, p.field, p.original) for p in items],
        )

    def delete(self, contact_id: int) -> None:
        """Gone for real: secure_delete zeroes the freed pages; the search index is told the
        text to remove (unindex), so that FTS5's secure-delete removes every token of it."""
        self.unindex(contact_id)
        self.conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))

    _FLAGS = frozenset({"restricted", "objects_marketing", "objects_profiling"})

    def set_flag(self, contact_id: int, flag: str, value: bool) -> None:
        """Restriction or an objection: one of _FLAGS, on or off."""
        if flag not in self._FLAGS:
            raise ValueError(flag)
        self.conn.execute(f"UPDATE contacts SET {flag} = ? WHERE id = ?", (int(value), contact_id))

    def clear_segment(self, contact_id: int) -> None:
        self.conn.execute(
            "UPDATE contacts SET segment = NULL, segment_date = NULL,"
            " segment_source = NULL WHERE id = ?",
            (contact_id,),
        )

    def move_history(self, from_id: int, to_id: int) -> None:
        """Consents, relations, provenance and requests of one record over to another, whole."""
        for table in HISTORY_TABLES:
            # after the receiving record's own rows, in their order (keyed (contact, seq))
            (last,) = self.conn.execute(
                f"SELECT coalesce(max(seq), 0) FROM {table} WHERE contact_id = ?", (to_id,)
            ).fetchone()
            self.conn.execute(
                f"UPDATE {table} SET contact_id = ?, seq = seq + ? WHERE contact_id = ?",
                (to_id, last, from_id),
            )
        self.conn.execute(
            "UPDATE requests SET contact_id = ? WHERE contact_id = ?", (to_id, from_id)
        )

    def anonymise(
        self,
        contact_id: int,
        *,
        pc4: str | None,
        birth_year: int | None,
        relation_starts: Sequence[tuple[str, str | None]],
        updated_at: str,
    ) -> None:
        """Keep only the PC4 area, a birth year, the segment and relation kinds with their
        start (`relation_starts`); everything else that could point at the person goes."""
        self.unindex(contact_id)
        self.conn.execute(
            "UPDATE contacts SET first_name = NULL, initials = NULL, infix = NULL,"
            " last_name = NULL, sort_name = '', street = NULL, house_number = NULL, postcode = ?,"
            " city = NULL, country = NULL, birth_date = NULL, birth_year = ?, notes = '',"
            " special_category = 0, special_note = '', special_codes = '', anonymised = 1,"
            f" segment_source = NULL, updated_at = {MOMENT} WHERE id = ?",
            (pc4, birth_year, updated_at, contact_id),
        )
        for table in ("emails", "phones", *HISTORY_TABLES):
            self.conn.execute(f"DELETE FROM {table} WHERE contact_id = ?", (contact_id,))
        # The segment row keys would link a returned segment file back to this record.
        self.conn.execute("DELETE FROM segment_keys WHERE contact_id = ?", (contact_id,))
        self.conn.execute(
            "DELETE FROM duplicate_candidates WHERE a = ? OR b = ?", (contact_id, contact_id)
        )
        # Closed requests may carry notes that point back at the person: unlink them.
        self.conn.execute(
            "UPDATE requests SET contact_id = NULL WHERE contact_id = ?", (contact_id,)
        )
        self._insert(
            RELATION_INSERT,
            [(contact_id, kind, start, None, None, "", 0, 0) for kind, start in relation_starts],
        )

    # -- full-text index ------------------------------------------------------------------

    def index(self, c: Contact) -> None:
        assert c.id is not None
        self.conn.execute(
            "INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)", (c.id, search_text(c))
        )

    def unindex(self, contact_id: int) -> None:
        """Take the contact out of the search index; call it before the row changes.

        The index keeps no copy of its text (schema version 6): the removal names the text
        the contact was indexed with, rebuilt from its stored row, and FTS5's secure-delete
        takes every one of those tokens out of the pages."""
        c = self.get(contact_id)
        if c is None:
            return
        self.conn.execute(
            "INSERT INTO contacts_fts (contacts_fts, rowid, body) VALUES ('delete', ?, ?)",
            (contact_id, search_text(c)),
        )

    # -- reading --------------------------------------------------------------------------

    def get(self, contact_id: int) -> Contact | None:
        row = self.conn.execute(
            f"SELECT id, {CONTACT_COLS} FROM contacts WHERE id = ?", (contact_id,)
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
                f"SELECT id, {CONTACT_COLS} FROM contacts WHERE id IN ({marks})", chunk
            ).fetchall()
            out.extend(self._hydrate(rows))
        return out

    def _hydrate(self, rows: Sequence[Sequence[Any]]) -> list[Contact]:
        by_id = {int(r[0]): contact_from_row(r) for r in rows}
        if not by_id:
            return []
        ids = list(by_id)
        marks = ",".join("?" * len(ids))
        q = self.conn.execute
        for cid, email in q(
            f"SELECT contact_id, email FROM emails WHERE contact_id IN ({marks}) ORDER BY seq", ids
        ):
            by_id[cid].emails.append(email)
        for cid, phone in q(
            f"SELECT contact_id, e164 FROM phones WHERE contact_id IN ({marks}) ORDER BY seq", ids
        ):
            by_id[cid].phones.append(phone)
        for cid, purpose, status, on, source, evidence, reconfirm, undated in q(
            "SELECT contact_id, purpose, status, on_date, source, evidence, reconfirm, undated FROM"
            f" consent_events WHERE contact_id IN ({marks}) ORDER BY on_date, seq",
            ids,
        ):
            by_id[cid].consents.append(
                consent_from_row(purpose, status, on, source, evidence, reconfirm, undated)
            )
        for cid, kind, start, end, last, source, paid, opt_out in q(
            "SELECT contact_id, kind, start_date, end_date, last_activity, source, paid,"
            f" opt_out_offered FROM relations WHERE contact_id IN ({marks}) ORDER BY seq",
            ids,
        ):
            by_id[cid].relations.append(
                relation_from_row(kind, start, end, last, source, paid, opt_out)
            )
        for cid, file, sheet, row, field, original in q(
            "SELECT contact_id, file, sheet, row, field, original FROM provenance"
            f" WHERE contact_id IN ({marks}) ORDER BY seq",
            ids,
        ):
            by_id[cid].sources.append(Provenance(file, sheet, row, field, original))
        return [by_id[r[0]] for r in rows]

    def ids_by_email(self, email: str) -> list[int]:
        return self.ids_by_emails([email]).get(email, [])

    def ids_by_emails(self, emails: Iterable[str]) -> dict[str, list[int]]:
        """Each of these exact addresses -> the contacts that have it (absent when none), in
        one pass over the e-mail table (no index on the addresses: schema version 11)."""
        found: dict[str, list[int]] = {}
        for email, cid in self.conn.execute(
            "SELECT DISTINCT email, contact_id FROM emails"
            " WHERE email IN (SELECT value FROM json_each(?)) ORDER BY email, contact_id",
            (json.dumps(sorted(set(emails))),),
        ):
            found.setdefault(str(email), []).append(int(cid))
        return found

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
