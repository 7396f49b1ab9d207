"""Queries behind the review list that a person works through after an import."""

from __future__ import annotations

from contactkluis.vault.db import Connection

__all__ = ["NamelessRow", "marked_nameless", "nameless_ids", "unresolved_withdrawals"]

# A contact that still has no name and carries the provenance mark (the first parameter).
_NAMELESS = (
    " FROM provenance p JOIN contacts c ON c.id = p.contact_id"
    " WHERE p.field = ? AND c.anonymised = 0"
    " AND coalesce(c.first_name, '') = '' AND coalesce(c.initials, '') = ''"
    " AND coalesce(c.last_name, '') = ''"
)

# (contact id, first phone or "", first e-mail or "", file, sheet, row)
NamelessRow = tuple[int, str, str, str, str | None, int | None]


def marked_nameless(conn: Connection, field: str) -> list[NamelessRow]:
    """Contacts that still have no name and carry a provenance mark `field` (the import's
    "naam onbekend"): found through the provenance index, not by loading every contact.
    One row per contact, with where the first mark came from; oldest contact first."""
    rows = conn.execute(
        "SELECT c.id,"
        " coalesce((SELECT e164 FROM phones WHERE contact_id = c.id ORDER BY seq LIMIT 1), ''),"
        " coalesce((SELECT email FROM emails WHERE contact_id = c.id ORDER BY seq LIMIT 1), ''),"
        " p.file, p.sheet, p.row" + _NAMELESS + " AND p.seq = (SELECT min(q.seq) FROM provenance q"
        "             WHERE q.contact_id = c.id AND q.field = p.field)"
        " ORDER BY c.id",
        (field,),
    )
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], r[5]) for r in rows]


def nameless_ids(conn: Connection, field: str) -> set[int]:
    """The ids of marked_nameless(), for the contacts table's "naam onbekend" filter."""
    return {int(r[0]) for r in conn.execute("SELECT DISTINCT c.id" + _NAMELESS, (field,))}


def unresolved_withdrawals(conn: Connection, purpose: str) -> set[str]:
    """Mailboxes with a nameless record whose consent for `purpose` stands withdrawn, on an
    address another contact uses too: whose unsubscribe it was is not known yet."""
    rows = conn.execute(
        "SELECT DISTINCT e.email FROM consent_flags f"
        " JOIN contacts c ON c.id = f.contact_id JOIN emails e ON e.contact_id = c.id"
        " WHERE f.purpose = ? AND f.flag = 'withdrawn' AND c.anonymised = 0"
        " AND coalesce(c.first_name, '') = '' AND coalesce(c.initials, '') = ''"
        " AND coalesce(c.last_name, '') = ''"
        # an address more than one contact holds; one pass (no index on the addresses)
        " AND e.email IN (SELECT email FROM emails GROUP BY email"
        " HAVING count(DISTINCT contact_id) > 1)",
        (purpose,),
    )
    return {str(r[0]).lower() for r in rows}
