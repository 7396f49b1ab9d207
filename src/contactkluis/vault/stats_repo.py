"""What the statistics read from the vault: one row per counted person, in bulk."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from contactkluis.vault.db import Connection

_CONTACTS_QUERY = """
SELECT c.id, substr(ltrim(c.postcode), 1, 4), c.city,
       coalesce(c.birth_year, CAST(substr(c.birth_date, 1, 4) AS INTEGER)),
       c.consent_json, c.source_files, c.retention_status,
       CASE WHEN c.objects_profiling THEN NULL ELSE c.segment END
  FROM contacts c
 WHERE c.restricted = 0
"""
_IN_POPULATION = """
   AND EXISTS (SELECT 1 FROM relations r WHERE r.contact_id = c.id AND r.kind = :kind
               AND (r.end_date IS NULL OR r.end_date >= :ref))
"""
_RELATIONS_QUERY = """
SELECT contact_id, group_concat(kind || ':' || coalesce(substr(start_date, 1, 4), ''), '|')
  FROM relations
 WHERE end_date IS NULL OR end_date >= :ref
 GROUP BY contact_id
"""


def sheet_kinds(conn: Connection) -> dict[tuple[str, str], str]:
    """(file name, sheet) -> what the list was (its list kind), from the import reports;
    a later import of the same sheet wins."""
    kinds: dict[tuple[str, str], str] = {}
    for (raw,) in conn.execute("SELECT report_json FROM import_batches ORDER BY id"):
        try:
            report = json.loads(raw)
        except ValueError:
            continue
        files = report.get("files") if isinstance(report, dict) else None
        for file in files if isinstance(files, list) else []:
            for sheet in file.get("sheets") or [] if isinstance(file, dict) else []:
                if isinstance(sheet, dict) and sheet.get("list_kind"):
                    kinds[(str(file.get("file")), str(sheet.get("sheet")))] = str(
                        sheet["list_kind"]
                    )
    return kinds


def contact_sheets(conn: Connection) -> list[tuple[int, str, str]]:
    """(contact id, file name, sheet) of every list a contact came from."""
    sql = "SELECT DISTINCT contact_id, file, coalesce(sheet, '') FROM provenance"
    return [(int(r[0]), str(r[1]), str(r[2])) for r in conn.execute(sql)]


def counted_rows(conn: Connection, relation: str | None, reference: date) -> list[tuple[Any, ...]]:
    """(id, pc4, city, birth year, consent_json, source_files, retention status, segment) of
    every unrestricted contact; only those with `relation` running on `reference` if given.
    The segment is None for people who object to profiling."""
    sql = _CONTACTS_QUERY + (_IN_POPULATION if relation else "")
    return list(conn.execute(sql, {"ref": reference.isoformat(), "kind": relation}).fetchall())


def running_relations(conn: Connection, reference: date) -> dict[int, str]:
    """Contact id -> 'kind:start year|...' of its relations running on `reference`."""
    return dict(conn.execute(_RELATIONS_QUERY, {"ref": reference.isoformat()}).fetchall())


# --- counting in SQL over stats_people (schema version 6) ---------------------------------

# The raw value a dimension groups by, per counted person. pc2 is written exactly as in
# the stats_people_relation_pc2 index so that index answers it; '~' marks a postcode head
# that is not four digits (the caller decides what it is, as for any other value).
PC2_KEY = "CASE WHEN pc GLOB '[0-9][0-9][0-9][0-9]' THEN substr(pc, 1, 2) ELSE '~' || pc END"
KEY_COLUMNS: dict[str, str] = {
    "relation": "relations",
    "since": "since",
    "pc2": PC2_KEY,
    "pc4": "pc",
    "city": "city",
    "age": "birth_year",
    "consent": "consent",
    "source": "sources",
    "retention": "retention",
    "segment": "segment",
}
# The start years of the population's own relation kind only (population other than all).
SINCE_OF_KIND = (
    "(SELECT group_concat(coalesce(substr(r.start_date, 1, 4), '')"
    " || coalesce(char(31) || r.end_date, ''), char(30))"
    " FROM relations r WHERE r.contact_id = stats_people.contact_id AND r.kind = :kind)"
)
# Groupings one covering index answers without sorting (see the schema's indexes).
INDEXED_GROUPS: tuple[tuple[str, ...], ...] = (
    ("relation", "age"),
    ("relation", "pc2"),
    ("consent", "retention", "segment"),
    ("city",),
    ("source",),
    ("since",),
)
_POPULATION = (
    " WHERE EXISTS (SELECT 1 FROM relations r WHERE r.contact_id = stats_people.contact_id"
    " AND r.kind = :kind AND (r.end_date IS NULL OR r.end_date >= :ref))"
)


def stale(conn: Connection) -> bool:
    """Contacts added since the last count whose stats_people rows are not written yet."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM stats_dirty)").fetchone()[0])


def refresh(conn: Connection) -> None:
    """Write the stats_people rows of the contacts added since (inside a transaction).

    After a big import most rows are new: the indexes are then dropped and built again,
    one sort each, instead of taking every row in random order (half the time)."""
    dirty = int(conn.execute("SELECT count(*) FROM stats_dirty").fetchone()[0])
    kept = int(conn.execute("SELECT count(*) FROM stats_people").fetchone()[0])
    indexes: list[tuple[str, str]] = []
    if dirty >= 1000 and dirty >= kept // 2:
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND tbl_name = 'stats_people' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
    conn.execute(
        "DELETE FROM stats_people WHERE contact_id IN (SELECT contact_id FROM stats_dirty)"
    )
    conn.execute(
        "INSERT INTO stats_people SELECT v.* FROM stats_dirty d"
        " JOIN stats_source v ON v.contact_id = d.contact_id"
    )
    conn.execute("DELETE FROM stats_dirty")
    for _name, sql in indexes:
        conn.execute(sql)


def _key(dim_key: str, relation: str | None) -> str:
    return SINCE_OF_KIND if dim_key == "since" and relation else KEY_COLUMNS[dim_key]


def grouped_counts(
    conn: Connection, dim_keys: tuple[str, ...], relation: str | None, reference: date
) -> list[tuple[Any, ...]]:
    """(raw value per dimension..., people) of the counted people, grouped by the raw
    values of `dim_keys`; only those with `relation` running on `reference` if given."""
    keys = ", ".join(_key(k, relation) for k in dim_keys)
    by = ", ".join(str(i + 1) for i in range(len(dim_keys)))
    sql = f"SELECT {keys}, count(*) FROM stats_people" + (_POPULATION if relation else "")
    params = {"ref": reference.isoformat(), "kind": relation}
    return list(conn.execute(f"{sql} GROUP BY {by}", params).fetchall())


def counted_people(conn: Connection, relation: str | None, reference: date) -> int:
    sql = "SELECT count(*) FROM stats_people" + (_POPULATION if relation else "")
    params = {"ref": reference.isoformat(), "kind": relation}
    return int(conn.execute(sql, params).fetchone()[0])
