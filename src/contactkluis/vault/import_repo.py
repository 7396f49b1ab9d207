"""What the import reads and writes besides the contacts themselves: the matching snapshot,
the batch record, the saved column mappings, and the page cache it runs with."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from contactkluis.domain.contact import Address, Contact, PersonName, Provenance
from contactkluis.vault import schema_v14
from contactkluis.vault.db import Connection


def matching_snapshot(conn: Connection) -> list[Contact]:
    """What matching needs of the people already in the vault: ids, names, e-mails, postcode
    and where each came from; nothing else is loaded."""
    people: dict[int, Contact] = {}
    for cid, first, initials, infix, last, postcode in conn.execute(
        "SELECT id, first_name, initials, infix, last_name, postcode FROM contacts"
        " WHERE anonymised = 0"
    ):
        people[cid] = Contact(
            id=cid,
            name=PersonName(first, initials, infix, last),
            address=Address(postcode=postcode),
        )
    for cid, email in conn.execute("SELECT contact_id, email FROM emails ORDER BY contact_id, seq"):
        if cid in people:
            people[cid].emails.append(email)
    for cid, file, sheet, row in conn.execute(
        "SELECT contact_id, file, sheet, row FROM provenance WHERE field IS NULL"
        " ORDER BY contact_id, seq"
    ):
        if cid in people:
            people[cid].sources.append(Provenance(file, sheet, row))
    return list(people.values())


def add_batch(conn: Connection, account: str, report_json: str) -> None:
    conn.execute(
        "INSERT INTO import_batches (started_at, account, report_json) VALUES (?, ?, ?)",
        (
            datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            account,
            report_json,
        ),
    )


# The tables an import fills: their secondary indexes are built once, after the rows, when
# the vault was empty (one sorted pass instead of 100,000 random inserts into each).
BULK_TABLES = (
    "contacts", "emails", "phones", "consent_rows", "relation_rows", "provenance_rows",
    "consent_flags",
)  # fmt: skip


def is_empty(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM contacts LIMIT 1").fetchone() is None


@contextmanager
def indexes_deferred(conn: Connection, tables: tuple[str, ...] = BULK_TABLES) -> Iterator[None]:
    """Drop the secondary indexes of `tables`, and create them again (from the schema's own
    statements, whatever version it is at) when the block ends without an error. Inside the
    caller's transaction: a rollback brings them back untouched, a commit never sees the
    vault without them. Indexes that belong to a constraint (no statement) stay."""
    marks = ",".join("?" * len(tables))
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY rowid",
        tables,
    ).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')  # names from the schema itself, not from outside
    yield
    for _name, sql in found:
        conn.execute(sql)


# Per-row triggers an import into an empty vault fires, each with the statement that does
# the same for the whole table at once. (The e-mail and phone key triggers stay: the import
# writes the keys with the row, so they find nothing to do, and a whole-table statement that
# checks so costs what they do.) The trigger's own
# text is given as well: one that reads otherwise (the schema changed it) is not deferred,
# since its catch-up was written for the text here.
_DEFERRED_TRIGGERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "consent_flags_insert": (
        "AFTER INSERT ON contacts BEGIN INSERT INTO consent_flags (purpose, flag, contact_id)"
        " SELECT j.key, j.value, NEW.id FROM json_each(NEW.consent_json) j; END",
        (
            "INSERT INTO consent_flags (purpose, flag, contact_id)"
            " SELECT j.key, j.value, c.id FROM contacts c, json_each(c.consent_json) j",
        ),
    ),
    "stats_people_contact_insert": (
        "AFTER INSERT ON contacts BEGIN"
        " INSERT OR IGNORE INTO stats_dirty (contact_id) VALUES (NEW.id); END",
        ("INSERT OR IGNORE INTO stats_dirty (contact_id) SELECT id FROM contacts",),
    ),
    # A relation or provenance row takes its person's counted row away (none can exist: the
    # vault had no contacts, and a counted row goes with its contact) and marks them to be
    # counted afresh.
    "stats_people_relation_insert": (
        "AFTER INSERT ON relation_rows BEGIN"
        " DELETE FROM stats_people_codes WHERE contact_id = NEW.contact_id;"
        " INSERT OR IGNORE INTO stats_dirty (contact_id)"
        " SELECT id FROM contacts WHERE id = NEW.contact_id; END",
        (
            "INSERT OR IGNORE INTO stats_dirty (contact_id)"
            " SELECT id FROM contacts WHERE id IN (SELECT contact_id FROM relation_rows)",
        ),
    ),
    "stats_people_provenance_insert": (
        "AFTER INSERT ON provenance_rows BEGIN"
        " DELETE FROM stats_people_codes WHERE contact_id = NEW.contact_id;"
        " INSERT OR IGNORE INTO stats_dirty (contact_id)"
        " SELECT id FROM contacts WHERE id = NEW.contact_id; END",
        (
            "INSERT OR IGNORE INTO stats_dirty (contact_id)"
            " SELECT id FROM contacts WHERE id IN (SELECT contact_id FROM provenance_rows)",
        ),
    ),
    # The texts the history rows name (schema_v14) are counted once, by text, at the end.
    **{
        f"{table}_texts_insert": (schema_v14.counting_up(table), schema_v14.recount(table))
        for table in schema_v14.NUMBERED
    },
}


def _words(sql: str) -> str:
    return " ".join(sql.split())


@contextmanager
def triggers_deferred(conn: Connection) -> Iterator[list[str]]:
    """Into an EMPTY vault only (checked here; otherwise nothing is deferred): drop the
    insert triggers of _DEFERRED_TRIGGERS, and when the block ends without an error run each
    one's whole-table statement and create the trigger again from its own text. The block
    may only insert (an update or delete would meet a table the triggers left behind). As
    indexes_deferred: inside the caller's transaction, so a rollback restores them. Yields
    the names deferred."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    deferred: list[tuple[str, str, tuple[str, ...]]] = []
    if is_empty(conn):
        for name, sql in found:
            body, catch_up = _DEFERRED_TRIGGERS.get(name, ("", ()))
            if body and _words(sql) == _words(f"CREATE TRIGGER {name} {body}"):
                deferred.append((name, sql, catch_up))
    for name, _sql, _catch_up in deferred:
        conn.execute(f'DROP TRIGGER "{name}"')  # names from the schema itself
    yield [name for name, _sql, _catch_up in deferred]
    for _name, sql, catch_up in deferred:
        for statement in catch_up:
            conn.execute(statement)
        conn.execute(sql)


@contextmanager
def page_cache(conn: Connection, kib: int) -> Iterator[None]:
    """Run with a page cache of `kib` KiB, then restore the one the connection had."""
    previous = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    # PRAGMA takes no parameters; both values are ints, never text from outside.
    conn.execute(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {previous}")


def save_mapping(conn: Connection, name: str, mapping_json: str) -> None:
    conn.execute(
        "INSERT INTO mappings (name, json) VALUES (?, ?) ON CONFLICT (name) DO"
        " UPDATE SET json = excluded.json",
        (name, mapping_json),
    )


def load_mapping(conn: Connection, name: str) -> str | None:
    row = conn.execute("SELECT json FROM mappings WHERE name = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def mapping_names(conn: Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("SELECT name FROM mappings ORDER BY name")]


def batches(conn: Connection) -> list[tuple[int, str, str | None, str]]:
    """Every stored import, newest first: id, when, by whom, and its report (JSON)."""
    return [
        (int(r[0]), str(r[1]), r[2], str(r[3]))
        for r in conn.execute(
            "SELECT id, started_at, account, report_json FROM import_batches ORDER BY id DESC"
        )
    ]


def batch_report(conn: Connection, batch_id: int) -> tuple[str, str] | None:
    """When an import ran, and its report (JSON)."""
    row = conn.execute(
        "SELECT started_at, report_json FROM import_batches WHERE id = ?", (batch_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def batch_files(conn: Connection) -> list[tuple[int, str, str | None, list[str]]]:
    """Every stored import, oldest first, with the names of the files it read. SQLite
    picks the names out of the report: a contact's history needs no whole report."""
    found: dict[int, tuple[int, str, str | None, list[str]]] = {}
    for batch_id, started_at, account, file in conn.execute(
        "SELECT b.id, b.started_at, b.account, json_extract(f.value, '$.file')"
        " FROM import_batches b, json_each(b.report_json, '$.files') f ORDER BY b.id"
    ):
        entry = found.setdefault(int(batch_id), (int(batch_id), str(started_at), account, []))
        entry[3].append(str(file))
    return list(found.values())


def source_files(conn: Connection, contact_id: int) -> list[tuple[str, str | None, int | None]]:
    """The rows a contact was imported from: file, sheet, row (its provenance records)."""
    return [
        (str(r[0]), r[1], r[2])
        for r in conn.execute(
            "SELECT file, sheet, row FROM provenance WHERE contact_id = ? AND field IS NULL"
            " ORDER BY seq",
            (contact_id,),
        )
    ]
