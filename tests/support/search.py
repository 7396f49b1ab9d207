"""Who the search index finds for a text typed in the search box, in id order."""

from __future__ import annotations

from contactkluis.services.session import Session
from contactkluis.vault import listing


def found_by_index(session: Session, text: str) -> list[int]:
    match = listing.fts_query(text)
    assert match is not None
    return sorted(listing.match_ids(session.conn, match))
