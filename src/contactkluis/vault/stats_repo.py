"""What the statistics read from the vault: one row per counted person, in bulk."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from contactkluis.vault.db import Connection
from contactkluis.vault.stats_schema import CODED, GROUPS, column, encode

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


# --- counting in SQL: the counts and codes of stats_schema ----------------------------------

ITEM, PART = "\x1e", "\x1f"  # the separators in relations and since: between items, within one

# Dimension key -> the stats_people_codes column holding it. pc2 is the postcode's first two
# digits, or '~' and the head when that is not four digits (the caller decides what it is,
# as for any other value).
KEY_COLUMNS: dict[str, str] = {
    "relation": "relations",
    "since": "since",
    "pc2": "pc2",
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
    " FROM relations r WHERE r.contact_id = p.contact_id AND r.kind = :kind)"
)
# Groupings whose counts are kept (stats_schema.GROUPS), as dimension keys; every one
# carries the relations, so a population's counts come from it too.
_BY_COLUMN = {column: key for key, column in KEY_COLUMNS.items()}
COUNTED_GROUPS: dict[tuple[str, ...], int] = {
    tuple(_BY_COLUMN[c] for c in columns): group for group, columns in GROUPS.items()
}
_POPULATION = (
    " WHERE EXISTS (SELECT 1 FROM relations r WHERE r.contact_id = p.contact_id"
    " AND r.kind = :kind AND (r.end_date IS NULL OR r.end_date >= :ref))"
)


def running_heads(raw: str | None, reference: str) -> list[str]:
    """The first part of each item of a relations or since value ('kind' or 'year') whose
    end date (if any) is on or after the reference date: the relations running then."""
    heads = []
    for item in raw.split(ITEM) if raw else ():
        head, sep, end = item.partition(PART)
        if not sep or end >= reference:
            heads.append(head)
    return heads


def stale(conn: Connection) -> bool:
    """Contacts added or changed since the last count whose rows are not written yet."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM stats_dirty)").fetchone()[0])


def refresh(conn: Connection) -> None:
    """Write the rows (codes, counts, new dictionary values) of the contacts marked since
    the last count (inside a transaction), all in a few set-wise statements."""
    conn.execute(
        "DELETE FROM stats_people_codes WHERE contact_id IN (SELECT contact_id FROM stats_dirty)"
    )
    # Their raw values once (the relations and sources are the costly part): temp_store is
    # MEMORY, so they never reach a file.
    conn.execute("DROP TABLE IF EXISTS temp.stats_new")
    conn.execute(
        "CREATE TEMP TABLE stats_new (contact_id INTEGER PRIMARY KEY, pc, city, birth_year,"
        " consent, retention, segment, relations, since, sources)"
    )
    conn.execute(
        "INSERT INTO temp.stats_new SELECT v.* FROM stats_dirty d"
        " JOIN stats_source v ON v.contact_id = d.contact_id"
    )
    for statement in encode("temp.stats_new"):
        conn.execute(statement)
    conn.execute("DROP TABLE temp.stats_new")
    conn.execute("DELETE FROM stats_dirty")


def _decoded(
    conn: Connection, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """Rows of codes (or kept values) in `columns` order, then a count -> the raw values;
    -1 (NULL in the counts' keys) and NULL become None."""
    rows = list(rows)
    dims = [c for c in columns if c in CODED]
    values: dict[str, dict[Any, Any]] = {d: {} for d in dims}
    if dims and rows:
        marks = ", ".join("?" * len(dims))
        sql = f"SELECT dim, code, value FROM stats_people_values WHERE dim IN ({marks})"
        for dim, code, value in conn.execute(sql, dims):
            values[dim][code] = value
    out: list[Sequence[Any]] = []
    for name, keys in zip(columns, zip(*rows, strict=True), strict=False):
        if name in CODED:
            out.append(list(map(values[name].get, keys)))
        else:
            out.append([None if key == -1 else key for key in keys])
    out.append([row[-1] for row in rows])
    return list(zip(*out, strict=True))


def _counted(
    conn: Connection, dim_keys: tuple[str, ...], relation: str | None, reference: date
) -> list[tuple[Any, ...]]:
    """The kept counts of a grouping in `dim_keys` order; only the people with `relation`
    running on `reference` if given."""
    group = COUNTED_GROUPS[dim_keys]
    names = [KEY_COLUMNS[k] for k in dim_keys]
    keys = ", ".join(("k1", "k2", "k3", "k4")[: len(names)])
    rows = conn.execute(f"SELECT {keys}, n FROM stats_people_counts WHERE grp = ?", (group,))
    decoded = _decoded(conn, names, rows)
    if relation is None:
        return decoded
    at = dim_keys.index("relation")
    ref = reference.isoformat()
    runs: dict[Any, bool] = {}
    for raw in {row[at] for row in decoded}:
        runs[raw] = relation in running_heads(raw, ref)
    return [row for row in decoded if runs[row[at]]]


def grouped_counts(
    conn: Connection, dim_keys: tuple[str, ...], relation: str | None, reference: date
) -> list[tuple[Any, ...]]:
    """(raw value per dimension..., people) of the counted people, grouped by the raw
    values of `dim_keys`; only those with `relation` running on `reference` if given.
    A kept grouping is read as it is; any other is counted over the codes."""
    own_since = relation is not None and "since" in dim_keys
    if dim_keys in COUNTED_GROUPS and not own_since:
        return _counted(conn, dim_keys, relation, reference)
    names = [KEY_COLUMNS[k] for k in dim_keys]
    keys = ", ".join(
        SINCE_OF_KIND if k == "since" and relation else column(n, "p")
        for k, n in zip(dim_keys, names, strict=True)
    )
    by = ", ".join(str(i + 1) for i in range(len(dim_keys)))
    sql = f"SELECT {keys}, count(*) FROM stats_people_codes p" + (_POPULATION if relation else "")
    params = {"ref": reference.isoformat(), "kind": relation}
    rows = conn.execute(f"{sql} GROUP BY {by}", params)
    # a population's own start years are raw values already, not codes
    coded = ["" if k == "since" and own_since else n for k, n in zip(dim_keys, names, strict=True)]
    return _decoded(conn, coded, rows)


def counted_people(conn: Connection, relation: str | None, reference: date) -> int:
    if relation is None:
        return int(conn.execute("SELECT count(*) FROM stats_people_codes").fetchone()[0])
    return sum(row[-1] for row in _counted(conn, ("city", "relation"), relation, reference))
