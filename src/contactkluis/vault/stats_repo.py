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
