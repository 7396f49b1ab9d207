"""The requests table: data-subject requests as stored rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from contactkluis.vault.db import Connection

_COLS = (
    "id, contact_id, kind, received, identity_checked, deadline, extended, extension_reason,"
    " status, closed_at, note"
)
_OPEN = "status IN ('open', 'verlengd')"


@dataclass(frozen=True)
class RequestRow:
    id: int
    contact_id: int | None
    kind: str
    received: str
    identity_checked: bool
    deadline: str
    extended: bool
    extension_reason: str
    status: str
    closed_at: str | None
    note: str


def _row(r: Sequence[Any]) -> RequestRow:
    return RequestRow(
        int(r[0]),
        r[1],
        r[2],
        r[3],
        bool(r[4]),
        r[5],
        bool(r[6]),
        r[7] or "",
        r[8],
        r[9],
        r[10] or "",
    )


def get(conn: Connection, request_id: int) -> RequestRow | None:
    row = conn.execute(f"SELECT {_COLS} FROM requests WHERE id = ?", (request_id,)).fetchone()
    return None if row is None else _row(row)


def listed(conn: Connection, *, open_only: bool = False) -> list[RequestRow]:
    """By deadline; only the open and extended ones with `open_only`."""
    where = f" WHERE {_OPEN}" if open_only else ""
    return [
        _row(r) for r in conn.execute(f"SELECT {_COLS} FROM requests{where} ORDER BY deadline, id")
    ]


def insert(
    conn: Connection,
    *,
    contact_id: int | None,
    kind: str,
    received: str,
    identity_checked: bool,
    deadline: str,
    status: str,
    note: str,
    created_by: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO requests (contact_id, kind, received, identity_checked, deadline,"
        " status, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (contact_id, kind, received, int(identity_checked), deadline, status, note, created_by),
    )
    return int(cur.lastrowid)


def update(
    conn: Connection,
    request_id: int,
    *,
    identity_checked: bool,
    deadline: str,
    extended: bool,
    extension_reason: str,
    status: str,
    closed_at: str | None,
    note: str,
) -> None:
    conn.execute(
        "UPDATE requests SET identity_checked = ?, deadline = ?, extended = ?,"
        " extension_reason = ?, status = ?, closed_at = ?, note = ? WHERE id = ?",
        (
            int(identity_checked),
            deadline,
            int(extended),
            extension_reason,
            status,
            closed_at,
            note,
            request_id,
        ),
    )


def summaries_for(conn: Connection, contact_id: int) -> list[dict[str, Any]]:
    """One person's requests, newest first: what the contact's detail view lists."""
    return [
        {"id": r[0], "kind": r[1], "received": r[2], "deadline": r[3], "status": r[4]}
        for r in conn.execute(
            "SELECT id, kind, received, deadline, status FROM requests WHERE contact_id = ?"
            " ORDER BY received DESC",
            (contact_id,),
        )
    ]


def with_open_request(conn: Connection, contact_ids: Sequence[int]) -> set[int]:
    """Those of these contacts with an open (or extended) request: held from expiry."""
    marks = ",".join("?" * len(contact_ids))
    return {
        int(r[0])
        for r in conn.execute(
            f"SELECT DISTINCT contact_id FROM requests WHERE contact_id IN ({marks}) AND {_OPEN}",
            list(contact_ids),
        )
    }
