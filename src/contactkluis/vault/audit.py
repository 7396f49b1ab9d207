"""The append-only, hash-chained audit log inside the vault.

Each entry carries the hash of the previous one, so editing or deleting any entry breaks
the chain from there on; triggers refuse UPDATE and DELETE outright, and the head (count
and last hash) is also kept in `meta` and, out of reach of SQL, in the key file (and so in
every backup), which catches a cut-off tail. Since signing (roster.py), each entry is also
signed with the audit key of the slot that made it: someone with only the raw data key can
no longer rebuild the chain. Entries name record ids, counts and codes, never a person's
data: callers pass ids, not names.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from contactkluis.vault.db import Connection
from contactkluis.vault.keys import b64, unb64
from contactkluis.vault.signing import Signer, statement, valid

GENESIS = "0" * 64

# The append-only triggers as schema.py creates them; verify compares whitespace-insensitively.
TRIGGERS = {
    "audit_no_update": "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT"
    " RAISE(ABORT, 'audit log is append-only'); END",
    "audit_no_delete": "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT"
    " RAISE(ABORT, 'audit log is append-only'); END",
}


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
    *,
    signer: Signer | None = None,
    **detail: Any,
) -> int:
    """Add one entry; must run inside the caller's transaction so it commits with the change.

    `signer` is the session's audit key; only a vault from before signing appends without.
    """
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev_id, prev_hash = (int(row[0]), str(row[1])) if row else (0, GENESIS)
    entry_id = prev_id + 1
    ts = datetime.now(UTC).isoformat(timespec="seconds")
    detail_json = json.dumps(detail, ensure_ascii=True, sort_keys=True, default=str)
    digest = _digest(entry_id, ts, account, action, target, detail_json, prev_hash)
    signed: tuple[str | None, str | None] = (None, None)
    if signer is not None:
        signed = (b64(signer.public), b64(signer.sign(statement("audit", digest))))
    conn.execute(
        "INSERT INTO audit (id, ts, account, action, target, detail, prev_hash, hash,"
        " signer, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry_id, ts, account, action, target, detail_json, prev_hash, digest, *signed),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (f"{entry_id}:{digest}",),
    )
    return entry_id


def last(conn: Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def holds(conn: Connection, head: tuple[int, str]) -> bool:
    """Whether the log still holds this entry unchanged (the key file's head)."""
    row = conn.execute("SELECT hash FROM audit WHERE id = ?", (head[0],)).fetchone()
    return row is not None and str(row[0]) == head[1]


def verify(
    conn: Connection,
    signers: dict[bytes, str] | None = None,
    signed_from: int = 1,
    head: tuple[int, str] | None = None,
    retired: dict[bytes, int] | None = None,
) -> list[str]:
    """Problems found in the chain (empty when intact).

    `signers` maps audit public keys to their owners (None: a vault from before signing);
    entries from `signed_from` on must be signed by their own account's key. `head` is the
    key file's copy of the last entry. `retired` maps replaced signing keys to the last entry
    each may have signed (a demoted beheerder may still hold one).
    """
    problems = trigger_problems(conn)
    expected_prev = GENESIS
    expected_id = 1
    tail = (0, GENESIS)
    for row in conn.execute(
        "SELECT id, ts, account, action, target, detail, prev_hash, hash, signer, signature"
        " FROM audit ORDER BY id"
    ):
        entry_id, ts, account, action, target, detail, prev, digest, signer, signature = row
        if entry_id != expected_id:
            problems.append(f"audit: entry {expected_id} is missing (next is {entry_id})")
        if prev != expected_prev:
            problems.append(f"audit: entry {entry_id} does not follow its predecessor")
        if _digest(entry_id, ts, account, action, target, detail, prev) != digest:
            problems.append(f"audit: entry {entry_id} was changed")
        if signers is not None and entry_id >= signed_from:
            problem = _signature_problem(signers, entry_id, account, digest, signer, signature)
            if (
                problem is None
                and signer
                and entry_id > (retired or {}).get(unb64(signer), entry_id)
            ):
                problem = f"audit: entry {entry_id} is signed by a signing key replaced earlier"
            if problem:
                problems.append(problem)
        expected_prev = digest
        expected_id = entry_id + 1
        tail = (entry_id, digest)
    meta_head = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if meta_head is not None and meta_head[0] != f"{tail[0]}:{tail[1]}":
        problems.append("audit: the log was cut short (its head does not match)")
    if head is not None and not holds(conn, head):
        problems.append(
            f"audit: the log was cut or rewritten: entry {head[0]}, the last one the key file"
            " knows, is missing or changed"
        )
    elif head is None and signers is not None and tail[0]:
        problems.append("audit: the key file holds no head of the log")
    return problems


def _signature_problem(
    signers: dict[bytes, str],
    entry_id: int,
    account: str | None,
    digest: str,
    signer: str | None,
    signature: str | None,
) -> str | None:
    if not signer or not signature:
        return f"audit: entry {entry_id} is not signed"
    try:
        public, sig = unb64(signer), unb64(signature)
    except ValueError:
        return f"audit: entry {entry_id} has a damaged signature"
    owner = signers.get(public)
    if owner is None:
        return f"audit: entry {entry_id} is signed by an unknown key"
    if account is not None and account.casefold() != owner.casefold():
        return f"audit: entry {entry_id} names '{account}' but was signed by '{owner}'"
    if not valid(public, statement("audit", digest), sig):
        return f"audit: entry {entry_id} has a bad signature"
    return None


def trigger_problems(conn: Connection) -> list[str]:
    found = {
        str(name): " ".join(str(sql).split())
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
        )
    }
    return [
        f"audit: the trigger {name} that keeps the log append-only is missing or changed"
        for name, sql in TRIGGERS.items()
        if found.get(name) != sql
    ]


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
