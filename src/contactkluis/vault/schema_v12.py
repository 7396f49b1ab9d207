"""Schema version 12 (issue 17, size): a contact's e-mails, phones, consent events, relations
and source rows are stored together, keyed (contact, seq), instead of in id order with an
index by contact beside each table.

Measured on a plain copy of the 100k bench vault (dbstat, after VACUUM): 108.0 -> 94.3 MB
in all; stepwise on that copy, the five tables kept by contact 8.6 MB, the consent moments
below about 3 MB, the partial flag indexes 1.7 MB. Every lookup of these rows is by contact
(a person's details, their removal, the foreign keys' cascade), which the key now serves by
itself; the two filters that look up by value (relation kind, source file) keep their
indexes (4.7 MB): without them the filter bar's lists of kinds and files, read at every
data change, took 90-110 ms instead of about 20 ms at 100k. (Version 13 gave those two
filters the contacts table's own indexes instead: schema_v13.) `seq` is the order in which
a contact's rows were added (the first e-mail is the one shown), counted per contact.

The moment a consent was recorded is kept as seconds since 1970 (an integer) instead of
25 characters of ISO text. Readers get the ISO text back (RECORDED_AT); a value the upgrade
cannot read as a moment is kept as it was, and read back as it was.

The special-category and restricted flags are indexed only where set: the filters read
those few ids from the index, and everyone else as the rest (vault.listing).
"""

from __future__ import annotations

from contactkluis.vault import stats_schema

# recorded_at as the ISO text the app wrote before version 12 ('2026-12-07T01:28:59+00:00')
RECORDED_AT = (
    "CASE typeof(recorded_at) WHEN 'integer'"
    " THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', recorded_at, 'unixepoch')"
    " ELSE recorded_at END"
)


def next_seq(table: str) -> str:
    """The seq a new row of contact ?1 takes in `table` (one step along the key)."""
    return f"(SELECT coalesce(max(seq), 0) + 1 FROM {table} WHERE contact_id = ?1)"


_SEQ = "row_number() OVER (PARTITION BY contact_id ORDER BY id)"
# The key of a contact's child rows: their contact (gone with it) and their place among them.
CHILD_KEY = "contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,\n    seq INTEGER NOT NULL,"


def _rebuild(table: str, columns: str, copied: str, source: str) -> str:
    return f"""CREATE TABLE {table}_v12 (
    {CHILD_KEY}
    {columns},
    PRIMARY KEY (contact_id, seq)
) WITHOUT ROWID;
INSERT INTO {table}_v12 (contact_id, seq, {copied})
    SELECT contact_id, {_SEQ}, {source} FROM {table};
DROP TABLE {table};
ALTER TABLE {table}_v12 RENAME TO {table};"""


_KEY_TRIGGERS = """CREATE TRIGGER emails_key_insert AFTER INSERT ON emails BEGIN
    UPDATE contacts SET email_key = lower(NEW.email)
    WHERE id = NEW.contact_id AND email_key = '';
END;
CREATE TRIGGER emails_key_delete AFTER DELETE ON emails BEGIN
    UPDATE contacts SET email_key = coalesce((SELECT lower(e.email) FROM emails e
        WHERE e.contact_id = OLD.contact_id ORDER BY e.seq LIMIT 1), '')
    WHERE id = OLD.contact_id;
END;
CREATE TRIGGER emails_key_update AFTER UPDATE ON emails BEGIN
    UPDATE contacts SET email_key = coalesce((SELECT lower(e.email) FROM emails e
        WHERE e.contact_id = contacts.id ORDER BY e.seq LIMIT 1), '')
    WHERE id IN (OLD.contact_id, NEW.contact_id);
END;
CREATE TRIGGER phones_key_insert AFTER INSERT ON phones BEGIN
    UPDATE contacts SET phone_key = NEW.e164 WHERE id = NEW.contact_id AND phone_key = '';
END;
CREATE TRIGGER phones_key_delete AFTER DELETE ON phones BEGIN
    UPDATE contacts SET phone_key = coalesce((SELECT p.e164 FROM phones p
        WHERE p.contact_id = OLD.contact_id ORDER BY p.seq LIMIT 1), '')
    WHERE id = OLD.contact_id;
END;
CREATE TRIGGER phones_key_update AFTER UPDATE ON phones BEGIN
    UPDATE contacts SET phone_key = coalesce((SELECT p.e164 FROM phones p
        WHERE p.contact_id = contacts.id ORDER BY p.seq LIMIT 1), '')
    WHERE id IN (OLD.contact_id, NEW.contact_id);
END;"""

_CONSENT_COLUMNS = (
    "purpose TEXT NOT NULL,\n"
    "    status TEXT NOT NULL CHECK (status IN ('given', 'withdrawn')),\n"
    "    on_date TEXT NOT NULL,\n"
    "    source TEXT NOT NULL DEFAULT '',\n"
    "    evidence TEXT NOT NULL DEFAULT '',\n"
    "    reconfirm INTEGER NOT NULL DEFAULT 0,\n"
    "    recorded_at INTEGER NOT NULL,\n"
    "    recorded_by TEXT,\n"
    "    undated INTEGER NOT NULL DEFAULT 0"
)
_CONSENT_COPIED = (
    "purpose, status, on_date, source, evidence, reconfirm, recorded_at, recorded_by, undated"
)
_CONSENT_SOURCE = _CONSENT_COPIED.replace(
    "recorded_at,", "coalesce(unixepoch(recorded_at), recorded_at),"
)
_RELATION_COLUMNS = (
    "kind TEXT NOT NULL,\n"
    "    start_date TEXT, end_date TEXT, last_activity TEXT,\n"
    "    source TEXT NOT NULL DEFAULT '',\n"
    "    paid INTEGER NOT NULL DEFAULT 0,\n"
    "    opt_out_offered INTEGER NOT NULL DEFAULT 0"
)
_RELATION_COPIED = "kind, start_date, end_date, last_activity, source, paid, opt_out_offered"
_PROVENANCE_COPIED = "file, sheet, row, field, original"

# The renames in the legacy way: the new table takes the old one's name, so the view and
# the triggers that name it (stats_source, the contacts triggers) read it as before; the
# checking way would refuse the rename while the old name is gone.
MIGRATION = "\n".join(
    [
        "PRAGMA legacy_alter_table = ON;",
        _rebuild("emails", "email TEXT NOT NULL", "email", "email"),
        _rebuild("phones", "e164 TEXT NOT NULL", "e164", "e164"),
        _KEY_TRIGGERS,
        _rebuild("consent_events", _CONSENT_COLUMNS, _CONSENT_COPIED, _CONSENT_SOURCE),
        _rebuild("relations", _RELATION_COLUMNS, _RELATION_COPIED, _RELATION_COPIED),
        "CREATE INDEX relations_kind ON relations (kind, contact_id);",
        *stats_schema.CHANGE_TRIGGERS["relations"],
        _rebuild(
            "provenance",
            "file TEXT NOT NULL, sheet TEXT, row INTEGER, field TEXT, original TEXT",
            _PROVENANCE_COPIED,
            _PROVENANCE_COPIED,
        ),
        "CREATE INDEX provenance_file ON provenance (file, contact_id);",
        *stats_schema.CHANGE_TRIGGERS["provenance"],
        "DROP INDEX contacts_special;",
        "CREATE INDEX contacts_special ON contacts (special_category) WHERE special_category <> 0;",
        "DROP INDEX contacts_restricted;",
        "CREATE INDEX contacts_restricted ON contacts (restricted) WHERE restricted <> 0;",
        "PRAGMA legacy_alter_table = OFF;",
    ]
)
