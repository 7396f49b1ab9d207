"""The table's fast paths (cached orders reversed, consent orders ranked from the name
order, a search that finds everyone counted rather than read) list exactly the ids, in
exactly the order, that one plain ORDER BY over the same rows gives."""

from __future__ import annotations

from typing import Any

import pytest

from contactkluis.services import contacts, listing
from contactkluis.services.listing import ContactQuery
from contactkluis.vault.listing import fts_query
from tests.synthetic_contacts import populate

# Each sort key as one ORDER BY written independently of vault/listing.py's segments:
# values in the chosen direction with the id tie-break in the same direction, empty
# values last in id order.
_VALUE = {
    "name": "sort_name",
    "email": "email_key",
    "phone": "phone_key",
    "postcode": "postcode",
    "city": "city",
    "relations": "relation_kinds",
    "sources": "source_files",
}
_FLAG_RANK = (
    "CASE f.flag WHEN 'given' THEN 0 WHEN 'reconfirm' THEN 1 WHEN 'withdrawn' THEN 2 ELSE 3 END"
)
SORTS = [*_VALUE, "retention", "updated", "consent:nieuwsbrief", "consent:uitnodigingen"]


def _reference(conn: Any, sort: str, descending: bool) -> list[int]:
    d = "DESC" if descending else "ASC"
    if sort in _VALUE:
        col = _VALUE[sort]
        empty = f"(c.{col} IS NULL OR c.{col} = '')"
        order = f"{empty}, CASE WHEN {empty} THEN c.id END, c.{col} {d}, c.id {d}"
    elif sort == "retention":
        rank = (
            "CASE c.retention_status WHEN 'expired' THEN 0 WHEN 'soon' THEN 1 WHEN 'ok' THEN 2 END"
        )
        known = "c.retention_status IN ('expired', 'soon', 'ok')"
        order = (f"NOT {known}, CASE WHEN NOT {known} THEN c.retention_status END,"
                 f" CASE WHEN NOT {known} THEN c.id END,"
                 f" {rank} {d}, c.retention_until {d}, c.id {d}")  # fmt: skip
    elif sort == "updated":
        order = f"c.updated_at {d}, c.id {d}"
    else:  # a consent column: by flag, then by name (ascending) whatever the direction
        purpose = sort.split(":", 1)[1]
        names = {cid: n for n, cid in enumerate(_reference(conn, "name", False))}
        flags = dict(conn.execute(
            f"SELECT f.contact_id, {_FLAG_RANK} FROM consent_flags f WHERE f.purpose = ?",
            (purpose,)).fetchall())  # fmt: skip
        sign = -1 if descending else 1
        return sorted(names, key=lambda cid: (sign * flags.get(cid, 3), names[cid]))
    return [r[0] for r in conn.execute(f"SELECT c.id FROM contacts c ORDER BY {order}")]


def _expected(conn: Any, query: ContactQuery) -> list[int]:
    keep = set(_reference(conn, "name", False))
    match = fts_query(query.text)
    if match:
        sql = "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?"
        keep &= {r[0] for r in conn.execute(sql, (match,))}
    if query.retention:
        marks = ",".join("?" * len(query.retention))
        sql = f"SELECT id FROM contacts WHERE retention_status IN ({marks})"
        keep &= {r[0] for r in conn.execute(sql, sorted(query.retention))}
    if query.special is not None:
        sql = "SELECT id FROM contacts WHERE special_category = ?"
        keep &= {r[0] for r in conn.execute(sql, (int(query.special),))}
    return [cid for cid in _reference(conn, query.sort, query.descending) if cid in keep]


@pytest.fixture
def filled(session):  # type: ignore[no-untyped-def]
    populate(session, 1500)
    return session


def test_every_sort_both_ways_matches_a_plain_order_by(filled) -> None:  # type: ignore[no-untyped-def]
    lister = listing.ContactLister(filled)
    try:
        for sort in SORTS:
            for descending in (False, True):
                query = ContactQuery(sort=sort, descending=descending)
                expected = _expected(filled.conn, query)
                assert len(expected) == 1500
                # the cached path (descending = the ascending order reversed) and the plain one
                assert lister.find_ids(query).tolist() == expected, (sort, descending)
                assert listing.find_ids(filled, query) == expected, (sort, descending)
    finally:
        lister.close()


@pytest.mark.parametrize("text", ["example", "e", "ex", "a", "de", "jan", "van d", "zzqq"])
def test_searches_broad_and_narrow_keep_order_and_filters(filled, text) -> None:  # type: ignore[no-untyped-def]
    lister = listing.ContactLister(filled)
    try:
        for sort in ("name", "email", "postcode", "retention", "consent:nieuwsbrief"):
            for descending in (False, True):
                for filters in (
                    {},
                    {"retention": frozenset({"ok", "soon"})},
                    {"special": False, "retention": frozenset({"ok"})},
                ):
                    query = ContactQuery(text=text, sort=sort, descending=descending, **filters)
                    expected = _expected(filled.conn, query)
                    assert lister.find_ids(query).tolist() == expected, (sort, descending)
                    assert listing.find_ids(filled, query) == expected, (sort, descending)
    finally:
        lister.close()


def test_example_finds_everyone_and_a_filter_still_applies(filled) -> None:  # type: ignore[no-untyped-def]
    lister = listing.ContactLister(filled)
    try:
        everyone = lister.find_ids(ContactQuery(text="example", descending=True))
        assert everyone.tolist() == _reference(filled.conn, "name", True)
        only_ok = lister.find_ids(ContactQuery(text="example", retention=frozenset({"ok"})))
        assert 0 < len(only_ok) < 1500
        assert only_ok.tolist() == _expected(
            filled.conn, ContactQuery(text="example", retention=frozenset({"ok"}))
        )
    finally:
        lister.close()


def test_warmed_orders_answer_like_the_plain_order_by(filled) -> None:  # type: ignore[no-untyped-def]
    lister = listing.ContactLister(filled)
    try:
        sorts = ["name", "email", "postcode", "retention", "updated", "consent:nieuwsbrief"]
        assert lister.warm(sorts)
        assert lister.warmed() == set(sorts)
        for sort in sorts:
            for descending in (False, True):
                query = ContactQuery(sort=sort, descending=descending)
                assert lister.find_ids(query).tolist() == _expected(filled.conn, query)
    finally:
        lister.close()


def test_warming_gives_way_to_a_query_and_stops_once_locked(filled) -> None:  # type: ignore[no-untyped-def]
    lister = listing.ContactLister(filled)
    lister.interrupt()  # what the table does before every new query
    assert not lister.warm(["name", "city"])
    query = ContactQuery(sort="city", descending=True)
    assert lister.find_ids(query).tolist() == _expected(filled.conn, query)
    assert lister.warm(["city", "phone"])  # after the query it may go on
    lister.close()
    assert not lister.warm(["email"])


def test_table_rows_without_consent_events_keep_every_flag(filled) -> None:  # type: ignore[no-untyped-def]
    ids = listing.find_ids(filled, ContactQuery(sort="consent:nieuwsbrief"))[:300]
    full = listing.rows(filled, ids)
    lean = listing.rows(filled, ids, consent_events=False)
    assert [r.id for r in lean] == [r.id for r in full] == ids
    for a, b in zip(full, lean, strict=True):
        assert {p: c.flag for p, c in a.consents.items()} == {
            p: c.flag for p, c in b.consents.items()
        }
        assert all(c.since is None and not c.source for c in b.consents.values())
    assert any(c.since for r in full for c in r.consents.values())  # the full rows have dates


def test_typing_with_filters_set_reads_them_once_and_sees_a_change(filled) -> None:  # type: ignore[no-untyped-def]
    """The lister keeps the filters' ids while only the search text changes; an edit in
    between (here: someone becomes special-category) shows at the next keystroke."""
    lister = listing.ContactLister(filled)
    try:
        kept = {"special": False, "retention": frozenset({"ok", "soon"})}
        for text in ("e", "ex", "exa", "example", "jan", "de"):
            query = ContactQuery(text=text, **kept)
            assert lister.find_ids(query).tolist() == _expected(filled.conn, query), text
        query = ContactQuery(text="example", **kept)
        someone = lister.find_ids(query)[0]
        person = contacts.get_contact(filled, someone)
        person.special_category = True
        contacts.update_contact(filled, person)
        found = lister.find_ids(query).tolist()
        assert someone not in found
        assert found == _expected(filled.conn, query)
    finally:
        lister.close()
