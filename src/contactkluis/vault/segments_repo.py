"""Audience segments: the segment_keys table and the segment columns of contacts.

Who may be profiled is decided here in SQL, so that every query and update applies the
same test: no objection to profiling, not restricted, not anonymised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from contactkluis.vault.db import Connection

_ELIGIBLE = "objects_profiling = 0 AND restricted = 0 AND anonymised = 0"


def count_excluded(conn: Connection) -> int:
    return int(conn.execute(f"SELECT count(*) FROM contacts WHERE NOT ({_ELIGIBLE})").fetchone()[0])


def eligible_addresses(conn: Connection) -> list[tuple[int, Any, Any, Any]]:
    """(id, postcode, house number, country) of everyone who may be profiled, by id."""
    return [
        (int(r[0]), r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT id, postcode, house_number, country FROM contacts"
            f" WHERE {_ELIGIBLE} ORDER BY id"
        )
    ]


# One row of the file is one address, which may hold several contacts, but the table keeps
# one row per contact (row_key is its primary key): the second and later contacts of an
# address are stored as 'KEY.2', 'KEY.3', ... and read back under 'KEY'.
_MORE = "."


def replace_keys(
    conn: Connection, keys: Iterable[tuple[str, Sequence[int]]], created_at: str
) -> None:
    """The (row key, contact ids at that address) of a new export replace the last ones."""
    conn.execute("DELETE FROM segment_keys")
    conn.executemany(
        "INSERT INTO segment_keys (row_key, contact_id, created_at) VALUES (?, ?, ?)",
        [
            (key if n == 1 else f"{key}{_MORE}{n}", cid, created_at)
            for key, ids in keys
            for n, cid in enumerate(ids, start=1)
        ],
    )


def keys(conn: Connection) -> dict[str, list[int]]:
    """Row key -> the contacts it was sent for (an erased contact's rows are gone)."""
    found: dict[str, list[int]] = {}
    for row_key, contact_id in conn.execute(
        "SELECT row_key, contact_id FROM segment_keys ORDER BY row_key"
    ):
        found.setdefault(str(row_key).split(_MORE, 1)[0], []).append(int(contact_id))
    return found


def addresses(conn: Connection) -> list[tuple[int, Any, Any, bool]]:
    """(id, postcode, house number, may be profiled) of every contact."""
    return [
        (int(r[0]), r[1], r[2], bool(r[3]))
        for r in conn.execute(f"SELECT id, postcode, house_number, ({_ELIGIBLE}) FROM contacts")
    ]


def store_segments(conn: Connection, segments: Mapping[int, str], day: str, source: str) -> int:
    """Contact id -> segment; the number of contacts updated. The eligibility test is
    repeated in the UPDATE itself: an objection recorded in between is never overwritten."""
    if not segments:
        return 0
    cur = conn.executemany(
        "UPDATE contacts SET segment = ?, segment_date = ?, segment_source = ?"
        f" WHERE id = ? AND {_ELIGIBLE}",
        [(seg, day, source, cid) for cid, seg in segments.items()],
    )
    return max(int(cur.rowcount), 0)
