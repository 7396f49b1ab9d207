"""Schema version 14 (issue 17, size): the texts the history rows repeat are kept once, in
a table of texts, and the rows name them by number.

An import writes the same few texts on each person it makes: the file and sheet on their
source rows, "file / sheet" on their relations, and the source and evidence of a consent
read from a column ("Overgenomen uit oude lijst 'leden.xlsx', blad 'Vrienden': kolom
'nieuwsbrief' = 'ja'. ..."); and every row repeats its purpose or relation kind and the
account that recorded it. After a real 100k-row import those were 16 MB of a 91 MB vault.
The rows now live in consent_rows, relation_rows and provenance_rows with a number for each
of those texts (NULL for an empty source or evidence, no sheet or no recorder), and views
under the old table names give them back as text, so every reader reads as before. The
writers write the rows (contact_rows), each text first put in `texts` (TEXT_UPSERT).

The contacts table also loses state_date, the day each row's cached state was written,
which nothing read (1.1 MB at 100k; the day the states were last brought up to date is
kept once, in meta).

A text can name a person (a typed evidence: "mail van J. de Vries, 3 maart"), so it must go
with the last row that uses it: `uses` counts its rows, kept by the triggers here, and the
row that takes it to zero deletes it (secure_delete zeroes the page, as for every erasure).
"""

from __future__ import annotations

from contactkluis.vault import stats_schema
from contactkluis.vault.schema_v12 import CHILD_KEY

# table -> (its columns, its text columns by number as {number column: text column})
_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "consent_rows": (
        "purpose_id INTEGER NOT NULL,\n"
        "    status TEXT NOT NULL CHECK (status IN ('given', 'withdrawn')),\n"
        "    on_date TEXT NOT NULL,\n"
        "    source_id INTEGER,\n"
        "    evidence_id INTEGER,\n"
        "    reconfirm INTEGER NOT NULL DEFAULT 0,\n"
        "    recorded_at INTEGER NOT NULL,\n"
        "    recorded_by_id INTEGER,\n"
        "    undated INTEGER NOT NULL DEFAULT 0",
        {
            "purpose_id": "purpose",
            "source_id": "source",
            "evidence_id": "evidence",
            "recorded_by_id": "recorded_by",
        },
    ),
    "relation_rows": (
        "kind_id INTEGER NOT NULL,\n"
        "    start_date TEXT, end_date TEXT, last_activity TEXT,\n"
        "    source_id INTEGER,\n"
        "    paid INTEGER NOT NULL DEFAULT 0,\n"
        "    opt_out_offered INTEGER NOT NULL DEFAULT 0",
        {"kind_id": "kind", "source_id": "source"},
    ),
    "provenance_rows": (
        "file_id INTEGER NOT NULL, sheet_id INTEGER, row INTEGER, field TEXT, original TEXT",
        {"file_id": "file", "sheet_id": "sheet"},
    ),
}

# old table (now a view) -> (its rows' table, its columns in order)
_VIEWS: dict[str, tuple[str, tuple[str, ...]]] = {
    "consent_events": (
        "consent_rows",
        (
            "purpose",
            "status",
            "on_date",
            "source",
            "evidence",
            "reconfirm",
            "recorded_at",
            "recorded_by",
            "undated",
        ),
    ),
    "relations": (
        "relation_rows",
        ("kind", "start_date", "end_date", "last_activity", "source", "paid", "opt_out_offered"),
    ),
    "provenance": ("provenance_rows", ("file", "sheet", "row", "field", "original")),
}
NUMBERED = tuple(_TABLES)  # the tables whose rows name texts by number
_EMPTY_WHEN_NONE = frozenset({"source", "evidence"})  # NOT NULL DEFAULT '' before version 14


def text_of(number: str) -> str:
    """The text a number column names (NULL when it names none)."""
    return f"(SELECT text FROM texts WHERE id = {number})"


def number_of(text: str) -> str:
    """The number of a text already in `texts` (NULL for '' or NULL, which take none)."""
    return f"(SELECT id FROM texts WHERE text = {text})"


def _numbers(table: str) -> dict[str, str]:
    """Text column -> the number column that holds it, in `table`."""
    return {text: number for number, text in _TABLES[table][1].items()}


def _column(table: str, name: str) -> str:
    numbers = _numbers(table)
    if name not in numbers:
        return name
    value = text_of(numbers[name])
    return f"coalesce({value}, '') AS {name}" if name in _EMPTY_WHEN_NONE else f"{value} AS {name}"


def _view(view: str) -> str:
    table, columns = _VIEWS[view]
    listed = ",\n       ".join(_column(table, c) for c in ("contact_id", "seq", *columns))
    return f"CREATE VIEW {view} AS\nSELECT {listed}\n  FROM {table};"


def _up(table: str, row: str) -> str:
    return "\n".join(
        f"    UPDATE texts SET uses = uses + 1 WHERE id = {row}.{n};" for n in _TABLES[table][1]
    )


def counting_up(table: str) -> str:
    """The body of `table`_texts_insert: each text a new row names counts one use more."""
    return f"AFTER INSERT ON {table} BEGIN\n{_up(table, 'NEW')}\nEND"


def recount(table: str) -> tuple[str, ...]:
    """What `table`_texts_insert would have counted for every row of `table` (a bulk import
    into an empty vault counts once at the end: import_repo.triggers_deferred), one
    statement per column (one column's grouping sorts less than all of them at once: 6 MB
    less at the peak of a 100k-row import)."""
    return tuple(
        f"UPDATE texts SET uses = uses + c.n FROM (SELECT {n} AS id, count(*) AS n FROM {table}"
        f" WHERE {n} IS NOT NULL GROUP BY {n}) AS c WHERE texts.id = c.id"
        for n in _TABLES[table][1]
    )


def _counts(table: str) -> str:
    """A text's `uses` follows its rows; the row that takes it to none deletes it."""
    numbers = list(_TABLES[table][1])
    down = "\n".join(
        f"    UPDATE texts SET uses = uses - 1 WHERE id = OLD.{n};\n"
        f"    DELETE FROM texts WHERE id = OLD.{n} AND uses <= 0;"
        for n in numbers
    )
    return f"""CREATE TRIGGER {table}_texts_insert {counting_up(table)};
CREATE TRIGGER {table}_texts_delete AFTER DELETE ON {table} BEGIN
{down}
END;
CREATE TRIGGER {table}_texts_update AFTER UPDATE OF {", ".join(numbers)} ON {table} BEGIN
{_up(table, "NEW")}
{down}
END;"""


def _copy(view: str) -> str:
    table, columns = _VIEWS[view]
    numbers = _numbers(table)
    targets = ", ".join(numbers.get(c, c) for c in columns)
    picked = ", ".join(number_of(c) if c in numbers else c for c in columns)
    return (
        f"INSERT INTO {table} (contact_id, seq, {targets})\n"
        f"    SELECT contact_id, seq, {picked} FROM {view};"
    )


_ALL_TEXTS = " UNION ".join(
    f"SELECT {text} AS t FROM {view}"
    for view, (table, _) in _VIEWS.items()
    for text in _TABLES[table][1].values()
)

# The old tables are copied into the new ones (the counting triggers count as they go),
# dropped, and stand again as views; the statistics' change triggers (which went with the
# old tables) watch the new ones under their old names.
MIGRATION = "\n".join(
    [
        "CREATE TABLE texts (\n    id INTEGER PRIMARY KEY,\n    text TEXT NOT NULL UNIQUE,\n"
        "    uses INTEGER NOT NULL DEFAULT 0\n);",
        f"INSERT INTO texts (text) SELECT t FROM ({_ALL_TEXTS}) WHERE t IS NOT NULL AND t <> '';",
        *(
            f"CREATE TABLE {table} (\n    {CHILD_KEY}\n    {columns},\n"
            "    PRIMARY KEY (contact_id, seq)\n) WITHOUT ROWID;\n" + _counts(table)
            for table, (columns, _) in _TABLES.items()
        ),
        *(_copy(view) for view in _VIEWS),
        *(f"DROP TABLE {view};" for view in _VIEWS),
        *(_view(view) for view in _VIEWS),
        *stats_schema.change_triggers("stats_people_relation", "relation_rows"),
        *stats_schema.change_triggers("stats_people_provenance", "provenance_rows"),
        # the day each contact's cached state was written: nothing reads it (the day the
        # vault's states were last brought up to date is in meta, services.states)
        "ALTER TABLE contacts DROP COLUMN state_date;",
    ]
)
