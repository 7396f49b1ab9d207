"""What an erasure clears besides the contact's own rows: free text about the person in the
register of requests, and references to the person's rows in the import history."""

from __future__ import annotations

from collections.abc import Sequence

from contactkluis.vault.db import Connection

# Stands in the note of an erased person's request (also marking it as such, so that later
# notes, outcomes and reasons are not kept either) and where an extension reason was.
ERASED_TEXT = "[gewist]"


def requests_of(conn: Connection, contact_ids: Sequence[int]) -> list[int]:
    marks = ",".join("?" * len(contact_ids))
    rows = conn.execute(
        f"SELECT id FROM requests WHERE contact_id IN ({marks})", tuple(contact_ids)
    ).fetchall()
    return [int(r[0]) for r in rows]


def clear_request_texts(conn: Connection, request_ids: Sequence[int]) -> None:
    """Notes, outcomes and extension reasons go; kind, dates and status stay."""
    conn.executemany(
        "UPDATE requests SET note = ?,"
        " extension_reason = CASE WHEN extension_reason = '' THEN '' ELSE ? END"
        " WHERE id = ?",
        [(ERASED_TEXT, ERASED_TEXT, rid) for rid in request_ids],
    )


def import_reports(conn: Connection) -> list[tuple[int, str]]:
    rows = conn.execute("SELECT id, report_json FROM import_batches").fetchall()
    return [(int(r[0]), str(r[1])) for r in rows]


def replace_import_report(conn: Connection, batch_id: int, report_json: str) -> None:
    conn.execute("UPDATE import_batches SET report_json = ? WHERE id = ?", (report_json, batch_id))
