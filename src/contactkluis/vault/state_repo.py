"""The derived state cached on contact rows, and what deriving it needs from SQL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from contactkluis.domain.state import ContactState
from contactkluis.vault.contact_rows import iso
from contactkluis.vault.db import Connection
from contactkluis.vault.schema_v13 import day_of

_SET_STATE = (
    "UPDATE contacts SET retention_status = ?, retention_until = ?, retention_json = ?,"
    " consent_json = ?, relation_kinds = coalesce((SELECT group_concat(DISTINCT kind)"
    " FROM relations WHERE contact_id = ?), ''), source_files = coalesce((SELECT"
    " group_concat(DISTINCT file) FROM provenance WHERE contact_id = ?), '')"
    " WHERE id = ?"
)
_READ_COLS = "id, retention_status, retention_until, consent_json"
# The reasons are not cached (retention_json stays '[]'): their texts were a seventh of a
# 100k vault and only a tooltip, the detail page and the exports show them, for a few
# contacts at a time (services.states.reasons derives them).
NO_REASONS = "[]"


def _state_values(contact_id: int, state: ContactState) -> tuple[Any, ...]:
    return (
        state.retention_status,
        iso(state.retention_until),
        NO_REASONS,
        json.dumps(state.consent_flags, sort_keys=True),
        contact_id,
        contact_id,
        contact_id,
    )


def set_state(conn: Connection, contact_id: int, state: ContactState) -> None:
    conn.execute(_SET_STATE, _state_values(contact_id, state))


def set_states(conn: Connection, states: Sequence[tuple[int, ContactState]]) -> None:
    conn.executemany(_SET_STATE, [_state_values(cid, st) for cid, st in states])


def _state_dict(row: Sequence[Any]) -> dict[str, Any]:
    return {
        "status": row[1],
        "until": row[2],
        "consents": json.loads(row[3]),
    }


def state(conn: Connection, contact_id: int) -> dict[str, Any]:
    return states(conn, [contact_id]).get(contact_id, {})


def states(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The cached derived state of many contacts in one query (no reasons: see NO_REASONS)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT {_READ_COLS} FROM contacts WHERE id IN ({marks})", list(ids)
    ).fetchall()
    return {row[0]: _state_dict(row) for row in rows}


def created_dates(conn: Connection, ids: Sequence[int]) -> dict[int, date]:
    marks = ",".join("?" * len(ids))
    return {
        int(cid): date.fromisoformat(day)
        for cid, day in conn.execute(
            f"SELECT id, {day_of('created_at')} FROM contacts WHERE id IN ({marks})", list(ids)
        )
    }


def roll_status(conn: Connection, today: date, soon: date) -> int:
    """Move the cached status with the calendar (expired before today, soon up to `soon`);
    the number of rows looked at.

    Days only move forward, so an expired record stays expired: its date may be the day
    nothing justified keeping it any more (not a keep-until date), which a roll must not
    turn back into 'soon'."""
    cur = conn.execute(
        "UPDATE contacts SET retention_status = CASE"
        " WHEN retention_until < ? THEN 'expired'"
        " WHEN retention_until <= ? THEN 'soon' ELSE 'ok' END"
        " WHERE retention_until IS NOT NULL AND retention_status != 'expired'",
        (today.isoformat(), soon.isoformat()),
    )
    return int(cur.rowcount)


def maybe_expired_ids(conn: Connection, today: date) -> list[int]:
    """Live records the cache calls expired (or whose date has passed): a narrowing only."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM contacts WHERE anonymised = 0 AND (retention_status = 'expired'"
            " OR retention_until < ?) ORDER BY id",
            (today.isoformat(),),
        )
    ]
