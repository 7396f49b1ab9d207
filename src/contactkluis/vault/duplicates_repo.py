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


def open_candidates(conn: Connection) -> list[tuple[int, int, float, str]]:
    """Every open pair with its score and reason, best match first."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT a, b, score, reason FROM duplicate_candidates WHERE status = 'open'"
            " ORDER BY score DESC"
        )
    ]


def dismiss(conn: Connection, lo: int, hi: int) -> bool:
    """Mark the open pair (lo < hi) as two distinct people; False if it was not open."""
    cur = conn.execute(
        "UPDATE duplicate_candidates SET status = 'distinct' WHERE a = ? AND b = ?"
        " AND status = 'open'",
        (lo, hi),
    )
    return bool(cur.rowcount)


def mark_merged(conn: Connection, a: int, b: int) -> None:
    """The pair, in either order, was merged into one record."""
    conn.execute(
        "UPDATE duplicate_candidates SET status = 'merged' WHERE"
        " (a = ? AND b = ?) OR (a = ? AND b = ?)",
        (a, b, b, a),
    )
