"""One person's stored history as plain rows, column name to value: what inzage shows."""

from __future__ import annotations

from typing import Any

from contactkluis.vault.db import Connection
from contactkluis.vault.schema_v12 import RECORDED_AT

_SECTIONS = {
    "consents": "SELECT purpose, status, on_date, source, evidence, reconfirm,"
    f" {RECORDED_AT} AS recorded_at, recorded_by FROM consent_events WHERE contact_id = ?"
    " ORDER BY purpose, on_date, seq",
    "relations": "SELECT kind, start_date, end_date, last_activity, source FROM"
    " relations WHERE contact_id = ? ORDER BY seq",
    "provenance": "SELECT file, sheet, row, field, original FROM provenance"
    " WHERE contact_id = ? ORDER BY seq",
    "requests": "SELECT id, kind, received, identity_checked, deadline, extended,"
    " extension_reason, status, closed_at, note FROM requests WHERE"
    " contact_id = ? ORDER BY id",
}


def _rows(conn: Connection, sql: str, contact_id: int) -> list[dict[str, Any]]:
    cur = conn.execute(sql, (contact_id,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def history(conn: Connection, contact_id: int) -> dict[str, list[dict[str, Any]]]:
    """Consents, relations, provenance and requests of one record, every stored column."""
    return {key: _rows(conn, sql, contact_id) for key, sql in _SECTIONS.items()}
