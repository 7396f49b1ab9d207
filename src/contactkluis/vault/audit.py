"""The append-only, hash-chained audit log inside the vault.

Each entry carries the hash of the previous one, so editing or deleting any entry breaks
the chain from there on; triggers refuse UPDATE and DELETE outright, and the head (count
and last hash) is also kept in `meta`, which catches a cut-off tail. Entries name record
ids, counts and codes, never a person's data: callers pass ids, not names.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from contactkluis.vault.db import Connection

GENESIS = "0" * 64


def _digest(
    entry_id: int,
    ts: str,
    account: str | None,
    action: str,
    target: str | None,
    detail: str,
    prev: str,
) -> str:
    canonical = json.dumps(
        [entry_id, ts, account, action, target, detail, prev],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def append(
    conn: Connection,
    account: str | None,
    action: str,
    target: str | None = None,
    **detail: Any,
) -> int:
    """Add one entry; must run inside the caller's transaction so it commits with the change."""
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev_id, prev_hash = (int(row[0]), str(row[1])) if row else (0, GENESIS)
    entry_id = prev_id + 1
    ts = datetime.now(UTC).isoformat(timespec="seconds")
    detail_json = json.dumps(detail, ensure_ascii=True, sort_keys=True, default=str)
    digest = _digest(entry_id, ts, account, action, target, detail_json, prev_hash)
    conn.execute(
        "INSERT INTO audit (id, ts, account, action, target, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (entry_id, ts, account, action, target, detail_json, prev_hash, digest),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (f"{entry_id}:{digest}",),
    )
    return entry_id


def verify(conn: Connection) -> list[str]:
    """Problems found in the chain (empty when intact)."""
    problems: list[str] = []
    expected_prev = GENESIS
    expected_id = 1
    last = (0, GENESIS)
    for row in conn.execute(
        "SELECT id, ts, account, action, target, detail, prev_hash, hash FROM audit ORDER BY id"
    ):
        entry_id, ts, account, action, target, detail, prev, digest = row
        if entry_id != expected_id:
            problems.append(f"audit: entry {expected_id} is missing (next is {entry_id})")
        if prev != expected_prev:
            problems.append(f"audit: entry {entry_id} does not follow its predecessor")
        if _digest(entry_id, ts, account, action, target, detail, prev) != digest:
            problems.append(f"audit: entry {entry_id} was changed")
        expected_prev = digest
        expected_id = entry_id + 1
        last = (entry_id, digest)
    head = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if head is not None and head[0] != f"{last[0]}:{last[1]}":
        problems.append("audit: the log was cut short (its head does not match)")
    return problems


def entries(conn: Connection, target: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    sql = "SELECT id, ts, account, action, target, detail FROM audit"
    params: tuple[Any, ...] = ()
    if target is not None:
        sql += " WHERE target = ?"
        params = (target,)
    sql += " ORDER BY id DESC LIMIT ?"
    rows = conn.execute(sql, (*params, limit)).fetchall()
    return [
        {
            "id": r[0],
            "ts": r[1],
            "account": r[2],
            "action": r[3],
            "target": r[4],
            "detail": json.loads(r[5]),
        }
        for r in rows
    ]
