"""The duplicate_candidates table, as the services read it."""

from __future__ import annotations

from collections.abc import Iterable

from contactkluis.vault.db import Connection


def add_candidates(conn: Connection, pairs: Iterable[tuple[int, int, float, str]]) -> None:
    """Pairs (a < b, score, reason) found by an import; a pair already listed stays as is."""
    conn.executemany(
        "INSERT OR IGNORE INTO duplicate_candidates (a, b, score, reason) VALUES (?, ?, ?, ?)",
        pairs,
    )


def open_pairs(conn: Connection) -> list[tuple[int, int]]:
    """Open pairs between two live (not anonymised) contacts, best match first."""
    return [
        (int(a), int(b))
        for a, b in conn.execute(
            "SELECT d.a, d.b FROM duplicate_candidates d JOIN contacts ca ON ca.id = d.a"
            " JOIN contacts cb ON cb.id = d.b WHERE d.status = 'open'"
            " AND ca.anonymised = 0 AND cb.anonymised = 0 ORDER BY d.score DESC, d.id"
        )
    ]
