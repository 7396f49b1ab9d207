"""The statistics tables in their compact form (issue 17, size): the SQL of the migration
that brings them and of writing new people's rows (stats_repo.refresh), from one place.

Measured at 100,000 people (bench_stats.py, dbstat): stats_people with its six covering
indexes held every person's raw values as text, 32 MB. Integer codes with the same indexes
were still 9 MB, most of it the indexes (an entry per person each). What the counts need is
how many people share each combination of values, so that is what is kept:

- stats_people_values: each distinct raw value of a dimension once, with a small code per
  dimension (the most frequent first: codes 0 and 1 take no bytes in a row).
- stats_people_codes: one row per counted person, the codes (the postcode head and birth
  year as they are: numbers or short texts already).
- stats_people_counts: for each grouping the standard tables use (GROUPS), how many people
  share each combination of its codes. Each grouping carries the relations, so the counts of
  a population (one relation kind running on the reference date) come from it as well.
- stats_people: a view giving the raw values back, as the table of that name did.

A person's counts are added when their row is written and taken off by a trigger when it
is deleted; a value no longer counted leaves the dictionary in the same statement, so an
erased person's town or file name is gone with them.
"""

from __future__ import annotations

# The dictionary-coded dimensions (stats_source's column names).
CODED = ("city", "consent", "retention", "segment", "relations", "since", "sources")
# The postcode's first two digits, or '~' and the head as typed when that is not 4 digits.
PC2_KEY = (
    "CASE WHEN {t}.pc GLOB '[0-9][0-9][0-9][0-9]' THEN substr({t}.pc, 1, 2) ELSE '~' || {t}.pc END"
)
# Grouping number -> its columns. The first column is the one a removal looks up to know
# whether a value is still counted (the counts' key starts with it). -1 stands for NULL.
# Part of the stored schema, as is everything MIGRATION is built from: vaults keep the
# counts and the delete trigger this made. A change here therefore needs a migration of its
# own that drops and rebuilds the counts and that trigger, and MIGRATION's text must stay as
# released (freeze it as a string first; tests/unit/test_schema_history.py pins it).
GROUPS: dict[int, tuple[str, ...]] = {
    1: ("relations", "birth_year"),
    2: ("relations", "pc2"),
    3: ("consent", "retention", "segment", "relations"),
    4: ("city", "relations"),
    5: ("sources", "relations"),
    6: ("since", "relations"),
}
_KEYS = ("k1", "k2", "k3", "k4")


def column(name: str, table: str) -> str:
    """The SQL of a stats_people_codes column (or the pc2 key) of `table`."""
    return PC2_KEY.format(t=table) if name == "pc2" else f"{table}.{name}"


def _keys(group: int, table: str) -> list[str]:
    cols = [f"ifnull({column(c, table)}, -1)" for c in GROUPS[group]]
    return cols + ["-1"] * (len(_KEYS) - len(cols))


def _code_of(dim: str, value: str) -> str:
    return f"(SELECT code FROM stats_people_values WHERE dim = '{dim}' AND value = {value})"


def encode(source: str) -> list[str]:
    """Statements writing the rows of `source` (stats_source's columns, people who have no
    row yet): new values into the dictionary, the codes, and the counts they add to."""
    out = [
        f"""INSERT INTO stats_people_values (dim, value, code)
SELECT '{d}', s.{d}, (SELECT coalesce(max(code) + 1, 0) FROM stats_people_values
                       WHERE dim = '{d}') + row_number() OVER (ORDER BY count(*) DESC) - 1
  FROM {source} s
 WHERE s.{d} IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM stats_people_values WHERE dim = '{d}' AND value = s.{d})
 GROUP BY s.{d};"""
        for d in CODED
    ]
    codes = ", ".join(_code_of(d, f"s.{d}") for d in CODED)
    out.append(
        f"INSERT INTO stats_people_codes (contact_id, pc, birth_year, {', '.join(CODED)})\n"
        f"SELECT s.contact_id, s.pc, s.birth_year, {codes}\n  FROM {source} s;"
    )
    for group in GROUPS:
        keys = ", ".join(_keys(group, "p"))
        out.append(
            f"INSERT INTO stats_people_counts (grp, k1, k2, k3, k4, n)\n"
            f"SELECT {group}, {keys}, count(*) FROM stats_people_codes p\n"
            f" WHERE p.contact_id IN (SELECT contact_id FROM {source})\n"
            f" GROUP BY 2, 3, 4, 5\n"
            f"    ON CONFLICT DO UPDATE SET n = n + excluded.n;"
        )
    return out


def _taken_off() -> str:
    """The delete trigger's body: the person's counts go down (a combination counted by no
    one any more goes), then each of their values no grouping counts any more."""
    lines = []
    for group in GROUPS:
        match = " AND ".join(f"{k} = {v}" for k, v in zip(_KEYS, _keys(group, "OLD"), strict=True))
        lines.append(
            f"    UPDATE stats_people_counts SET n = n - 1 WHERE grp = {group} AND {match};"
        )
        lines.append(f"    DELETE FROM stats_people_counts WHERE grp = {group} AND {match}")
        lines.append("        AND n <= 0;")
    for dim in CODED:
        first = [g for g, cols in GROUPS.items() if cols[0] == dim]
        group = (first or [g for g, cols in GROUPS.items() if dim in cols])[0]
        key = _KEYS[GROUPS[group].index(dim)]
        lines.append(
            f"    DELETE FROM stats_people_values WHERE dim = '{dim}' AND code = OLD.{dim}\n"
            f"        AND NOT EXISTS (SELECT 1 FROM stats_people_counts\n"
            f"                        WHERE grp = {group} AND {key} = OLD.{dim});"
        )
    return "\n".join(lines)


def _value_of(dim: str, code: str) -> str:
    return f"(SELECT value FROM stats_people_values WHERE dim = '{dim}' AND code = {code})"


_DIRTY = "INSERT OR IGNORE INTO stats_dirty (contact_id) SELECT id FROM contacts WHERE id = {};"
_GONE = "DELETE FROM stats_people_codes WHERE contact_id = {};"


def _on_change(name: str, event: str, table: str, ids: tuple[str, ...]) -> str:
    """A relation or provenance change: the person's row goes (with their counts) and the
    person is written afresh at the next count."""
    body = "\n".join(f"    {_GONE.format(i)}\n    {_DIRTY.format(i)}" for i in ids)
    return f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table} BEGIN\n{body}\nEND;"


_STATS_COLUMNS = (
    "pc",
    "city",
    "birth_year",
    "consent",
    "retention",
    "segment",
    "relations",
    "since",
    "sources",
)
_VIEW_COLUMNS = ",\n       ".join(
    ["p.contact_id"]
    + [f"{_value_of(c, 'p.' + c)} AS {c}" if c in CODED else f"p.{c}" for c in _STATS_COLUMNS]
)
_CHANGES = (
    ("stats_people_relation", "relations"),
    ("stats_people_provenance", "provenance"),
)
_WATCHED = (
    "restricted, postcode, city, birth_year, birth_date, consent_json, retention_status,"
    " segment, objects_profiling"
)


def change_triggers(name: str, table: str) -> tuple[str, ...]:
    """The triggers (`name`_insert, _update, _delete) that mark a person to be counted
    afresh when a relation or source row of theirs in `table` changes."""
    return tuple(
        _on_change(name, event, table, ids)
        for event, ids in (
            ("INSERT", ("NEW.contact_id",)),
            ("UPDATE", ("OLD.contact_id", "NEW.contact_id")),
            ("DELETE", ("OLD.contact_id",)),
        )
    )


# Table -> its change triggers (a migration that rebuilds the table creates them again).
CHANGE_TRIGGERS: dict[str, tuple[str, ...]] = {
    table: change_triggers(name, table) for name, table in _CHANGES
}

# The migration: the version 7 table becomes codes, counts and a dictionary in place (the
# contacts marked in stats_dirty stay marked); every trigger that wrote raw values now
# takes the person's row away and marks them, so one statement set (encode) writes rows.
MIGRATION = "\n".join(
    [
        "DROP TRIGGER stats_people_contact_update;",
        "DROP TRIGGER stats_people_contact_delete;",
        *(
            f"DROP TRIGGER {name}_{e};"
            for name, _ in _CHANGES
            for e in ("insert", "update", "delete")
        ),
        """CREATE TABLE stats_people_values (
    dim TEXT NOT NULL, value NOT NULL, code INTEGER NOT NULL,
    PRIMARY KEY (dim, value)
) WITHOUT ROWID;
CREATE UNIQUE INDEX stats_people_values_code ON stats_people_values (dim, code);
CREATE TABLE stats_people_codes (
    contact_id INTEGER PRIMARY KEY, pc, birth_year INTEGER, city INTEGER, consent INTEGER,
    retention INTEGER, segment INTEGER, relations INTEGER, since INTEGER, sources INTEGER
);
CREATE TABLE stats_people_counts (
    grp INTEGER NOT NULL, k1 NOT NULL, k2 NOT NULL, k3 NOT NULL, k4 NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (grp, k1, k2, k3, k4)
) WITHOUT ROWID;""",
        *encode("stats_people"),
        "DROP TABLE stats_people;",
        f"CREATE VIEW stats_people AS\nSELECT {_VIEW_COLUMNS}\n  FROM stats_people_codes p;",
        f"CREATE TRIGGER stats_people_codes_delete AFTER DELETE ON stats_people_codes BEGIN\n"
        f"{_taken_off()}\nEND;",
        f"""CREATE TRIGGER stats_people_contact_update AFTER UPDATE OF {_WATCHED} ON contacts
    WHEN (OLD.restricted, OLD.postcode, OLD.city, OLD.birth_year, OLD.birth_date,
          OLD.consent_json, OLD.retention_status, OLD.segment, OLD.objects_profiling)
      IS NOT (NEW.restricted, NEW.postcode, NEW.city, NEW.birth_year, NEW.birth_date,
          NEW.consent_json, NEW.retention_status, NEW.segment, NEW.objects_profiling)
BEGIN
    {_GONE.format("OLD.id")}
    INSERT OR IGNORE INTO stats_dirty (contact_id) VALUES (NEW.id);
END;""",
        f"""CREATE TRIGGER stats_people_contact_delete AFTER DELETE ON contacts BEGIN
    {_GONE.format("OLD.id")}
    DELETE FROM stats_dirty WHERE contact_id = OLD.id;
END;""",
        *CHANGE_TRIGGERS["relations"],
        *CHANGE_TRIGGERS["provenance"],
    ]
)
