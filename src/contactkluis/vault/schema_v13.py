"""Schema version 13 (issue 17, size): two indexes fewer, and a contact's created and
updated moments as integers.

The relation-kind and source-file filters read the contacts table's own sort indexes
(contacts_relation_kinds, contacts_source_files): those hold each contact's kinds and files
as one joined value, of which a vault has a few distinct ones, so a filter takes the values
that name the wanted kind or file and reads their ids (vault.listing). The indexes on the
relations and provenance tables held the same facts once more (4.7 MB on the 100k bench
vault, 7.9 MB after a real 100k-row import). Measured at 100k: the filter bar's list of
files 24 ms -> under 0.1 ms, a kind filter 49-52 -> 27-33 ms, a file filter 37-40 ms as
before (60-67 ms when a third of the people came from two files).

created_at and updated_at are kept as seconds since 1970 instead of 25 characters of ISO
text (and the index on updated_at with them). Readers that show a day get it back with
day_of; a value the upgrade cannot read as a moment is kept as it was. The columns are
swapped in place (add, copy, drop, rename) rather than by rebuilding the table: the child
tables' foreign keys name contacts, and a rebuild would need them switched off, which
cannot happen inside the upgrade's transaction.

Both together, bench_vault.py at 100k: 104.6 -> 92.2 MB (plain copy 94.3 -> 83.0 MB); a
version 12 vault upgraded in place (with the compaction) 104.6 -> 86.0 MB in 7.7 s.
"""

from __future__ import annotations


def day_of(column: str) -> str:
    """The UTC day (YYYY-MM-DD) of a moment column, as the app showed it before version 13."""
    return (
        f"CASE typeof({column}) WHEN 'integer' THEN date({column}, 'unixepoch')"
        f" ELSE substr({column}, 1, 10) END"
    )


def _as_seconds(column: str) -> str:
    return f"""ALTER TABLE contacts ADD COLUMN {column}_s INTEGER NOT NULL DEFAULT 0;
UPDATE contacts SET {column}_s = coalesce(unixepoch({column}), {column});
ALTER TABLE contacts DROP COLUMN {column};
ALTER TABLE contacts RENAME COLUMN {column}_s TO {column};"""


MIGRATION = "\n".join(
    [
        "DROP INDEX IF EXISTS relations_kind;",
        "DROP INDEX IF EXISTS provenance_file;",
        "DROP INDEX IF EXISTS contacts_updated;",
        _as_seconds("created_at"),
        _as_seconds("updated_at"),
        "CREATE INDEX contacts_updated ON contacts (updated_at);",
    ]
)
