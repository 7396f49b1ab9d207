"""The suppression table: keyed hashes of erased people's e-mail addresses and phones."""

from __future__ import annotations

from collections.abc import Iterable

from contactkluis.vault.db import Connection


def add_hashes(conn: Connection, rows: Iterable[tuple[str, str, str]]) -> None:
    """(hash, kind, added_at) rows; a hash already listed stays as it was."""
    conn.executemany(
        "INSERT OR IGNORE INTO suppression (hash, kind, added_at) VALUES (?, ?, ?)", rows
    )


def any_listed(conn: Connection, hashes: Iterable[str]) -> bool:
    for h in hashes:
        if conn.execute("SELECT 1 FROM suppression WHERE hash = ?", (h,)).fetchone():
            return True
    return False


def all_hashes(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT hash FROM suppression")}
