"""Erasure, restriction and objection on a real vault, down to the decrypted disk pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contactkluis.domain.contact import Contact, PersonName
from contactkluis.errors import UserError
from contactkluis.services import contacts, erasure, mailing, requests, retention
from contactkluis.services.session import Session
from contactkluis.vault import audit
from tests.support.people import add_person, expired_customer, give
from tests.support.sqlcipher_pages import all_pages, pages_containing

# Invented surnames that occur nowhere else, so finding one in a page means this person.
GONE_FIRST, GONE_LAST = "Quirijntje", "Zwartkruisberg"
KEPT_FIRST, KEPT_LAST = "Baukje", "Ellenbroekstra"


def _tables(session: Session) -> list[str]:
    return [
        r[0]
        for r in session.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'contacts_fts%'"
        )
    ]


def _rows_mentioning(session: Session, needles: list[str]) -> list[str]:
    """Every table row that holds any needle in any column (case-insensitive)."""
    found: list[str] = []
    for table in _tables(session):
        for row in session.conn.execute(f"SELECT * FROM {table}"):
            text = " ".join(str(v) for v in row).lower()
            found += [f"{table}:{n}" for n in needles if n.lower() in text]
    return found


def test_erasure_removes_every_row_and_suppresses_the_addresses(session: Session) -> None:
    gone = add_person(
        session, GONE_FIRST, GONE_LAST, phone="+31612345678", notes="komt graag naar openingen"
    )
    kept = add_person(session, KEPT_FIRST, KEPT_LAST)
    give(session, gone)
    other = add_person(session, "Q.", GONE_LAST, email="tweede.adres@voorbeeld.nl")
    rid = requests.add_request(session, "verwijdering", contact_id=gone, identity_checked=True)

    result = erasure.erase(session, [gone, other], request_id=rid)

    assert result.erased == (gone, other) and result.hashes == 3
    for table, column in (
        ("contacts", "id"),
        ("emails", "contact_id"),
        ("phones", "contact_id"),
        ("consent_events", "contact_id"),
        ("relations", "contact_id"),
        ("provenance", "contact_id"),
        ("requests", "contact_id"),
    ):
        assert (
            session.conn.execute(
                f"SELECT count(*) FROM {table} WHERE {column} IN (?, ?)", (gone, other)
            ).fetchone()[0]
            == 0
        ), table
    needles = [GONE_FIRST, GONE_LAST, "quirijntje.zwartkruisberg", "612345678", "openingen"]
    assert _rows_mentioning(session, needles) == []
    assert (
        session.conn.execute(
            "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?", (GONE_LAST.lower(),)
        ).fetchall()
        == []
    )
    erased_on = "SELECT count(*) FROM suppression WHERE kind = 'erased_on'"
    assert session.conn.execute(erased_on).fetchone()[0] == 3  # per address, never the address
    # The request survives as proof it was handled, without a link to the person.
    assert requests.get_request(session, rid).contact_id is None
    assert session.repo().get(kept) is not None
    entries = audit.entries(session.conn, f"contact:{gone}")
    assert entries[0]["action"] == "contact.erase"
    assert GONE_LAST not in repr(audit.entries(session.conn))


def test_suppression_is_recognised_after_erasure(session: Session) -> None:
    gone = add_person(
        session, GONE_FIRST, GONE_LAST, email="Q.Zwart@Voorbeeld.NL", phone="+31612345678"
    )
    assert not erasure.is_suppressed(session, ["q.zwart@voorbeeld.nl"])
    erasure.erase(session, [gone])

    # Raw, unnormalised input as an importer meets it.
    assert erasure.is_suppressed(session, [" q.zwart@voorbeeld.nl "])
    assert erasure.is_suppressed(session, [], ["06-12345678"])
    assert not erasure.is_suppressed(session, ["iemand.anders@voorbeeld.nl"], ["0612345679"])

    again = contacts.create_contact(
        session,
        Contact(name=PersonName(None, "Q.", None, GONE_LAST), emails=["q.zwart@voorbeeld.nl"]),
    )
    assert session.repo().get(again).objects_marketing  # type: ignore[union-attr]
    give(session, again)
    assert mailing.mailing_list(session, "nieuwsbrief").count == 0


def test_staff_may_not_erase_or_apply_retention(staff_session: Session) -> None:
    cid = expired_customer(staff_session, GONE_FIRST, GONE_LAST)
    with pytest.raises(UserError) as err:
        erasure.erase(staff_session, [cid])
    assert err.value.code == "forbidden"
    with pytest.raises(UserError):
        retention.apply(staff_session, "delete")
    with pytest.raises(UserError):
        retention.apply(staff_session, "anonymise")
    assert staff_session.repo().get(cid) is not None
    assert retention.apply(staff_session, "delete", dry_run=True).ids == (cid,)


def test_erasing_an_unknown_id_changes_nothing(session: Session) -> None:
    cid = add_person(session, KEPT_FIRST, KEPT_LAST)
    with pytest.raises(UserError):
        erasure.erase(session, [cid, 9999])
    assert session.repo().get(cid) is not None
    assert session.conn.execute("SELECT count(*) FROM suppression").fetchone()[0] == 0


def test_restriction_freezes_the_record_until_lifted(session: Session) -> None:
    cid = add_person(session, KEPT_FIRST, KEPT_LAST)
    give(session, cid)
    erasure.restrict(session, cid)
    contact = session.repo().get(cid)
    assert contact is not None and contact.restricted
    contact.notes = "gewijzigd"
    with pytest.raises(UserError) as err:
        contacts.update_contact(session, contact)
    assert err.value.code == "restricted"
    assert mailing.mailing_list(session, "nieuwsbrief").count == 0
    erasure.restrict(session, cid, lift=True)
    assert mailing.mailing_list(session, "nieuwsbrief").count == 1


def test_objection_to_profiling_drops_the_segment(session: Session) -> None:
    cid = add_person(session, KEPT_FIRST, KEPT_LAST, segment="cultuurminnaars")
    erasure.object_to(session, cid, "profiling")
    contact = session.repo().get(cid)
    assert contact is not None and contact.objects_profiling and contact.segment is None
    erasure.object_to(session, cid, "marketing")
    assert session.repo().get(cid).objects_marketing  # type: ignore[union-attr]
    with pytest.raises(UserError):
        erasure.object_to(session, cid, "alles")


# -- THE page test: decrypt every page and WAL frame --------------------------------------


def _markers(first: str, last: str) -> list[bytes]:
    return [first.encode(), last.encode(), first.lower().encode(), last.lower().encode()]


def _found(path: Path, key: bytes, marker: bytes) -> list[tuple[str, int]]:
    return pages_containing(all_pages(path, key), marker)


def _setup_two(session: Session, make: Callable[..., int]) -> tuple[int, int, Path, bytes]:
    # Enough other people that the tables and the FTS index span several pages.
    for n in range(60):
        add_person(session, f"Voornaam{n}", f"Achternaam{n}")
    gone = make(session, GONE_FIRST, GONE_LAST)
    kept = make(session, KEPT_FIRST, KEPT_LAST)
    for n in range(60, 90):
        add_person(session, f"Voornaam{n}", f"Achternaam{n}")
    path, key = session.vault.path, session.vault.data_key_for_tests()
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = all_pages(path, key)
    for marker in _markers(GONE_FIRST, GONE_LAST) + _markers(KEPT_FIRST, KEPT_LAST):
        # The decryption works: both people are readable before anything is removed,
        # in their row and (lower case) in the full-text index.
        assert pages_containing(pages, marker), marker
    return gone, kept, path, key


def _assert_gone_and_kept(path: Path, key: bytes, *, kept_names: bool = True) -> None:
    pages = all_pages(path, key)
    assert len(pages) > 30
    for marker in _markers(GONE_FIRST, GONE_LAST):
        assert pages_containing(pages, marker) == [], marker
    if kept_names:
        for marker in _markers(KEPT_FIRST, KEPT_LAST):
            assert pages_containing(pages, marker), marker
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_erased_name_is_in_no_decrypted_page(session: Session) -> None:
    gone, _kept, path, key = _setup_two(session, add_person)
    erasure.erase(session, [gone])
    _assert_gone_and_kept(path, key)


def test_erased_name_is_gone_from_the_wal_before_checkpoint_too(session: Session) -> None:
    """Without the checkpoint the old page images would still sit in the WAL."""
    gone, _kept, path, key = _setup_two(session, add_person)
    with session.write() as conn:
        session.repo(conn).delete(gone)
    wal_hits = [hit for hit in _found(path, key, GONE_LAST.encode()) if hit[0] == "wal"]
    db_hits = [hit for hit in _found(path, key, GONE_LAST.encode()) if hit[0] == "db"]
    assert db_hits  # the main file still holds the old page until the checkpoint copies over it
    assert wal_hits == []  # secure_delete: the new page images carry zeros, not the name
    erasure.checkpoint(session)
    _assert_gone_and_kept(path, key)


def test_retention_delete_leaves_no_page_with_the_name(session: Session) -> None:
    gone, kept, path, key = _setup_two(session, expired_customer)
    outcome = retention.apply(session, "delete", [gone])
    assert outcome.ids == (gone,)
    assert session.repo().get(kept) is not None
    _assert_gone_and_kept(path, key)


def test_anonymising_leaves_no_page_with_the_name(session: Session) -> None:
    gone, kept, path, key = _setup_two(session, expired_customer)
    assert retention.apply(session, "anonymise", [gone]).ids == (gone,)
    contact = session.repo().get(gone)
    assert contact is not None and contact.anonymised
    assert not session.repo().get(kept).anonymised  # type: ignore[union-attr]
    _assert_gone_and_kept(path, key)


def test_a_profiling_objection_drops_the_segment_whichever_way_it_is_recorded(
    session: Session,
) -> None:
    """Regression: the contacts service's own flag setter kept the segment (the profile)."""
    from contactkluis.domain.contact import Contact, PersonName
    from contactkluis.services import contacts

    ids = [
        contacts.create_contact(session, Contact(name=PersonName("Ans", None, None, last)))
        for last in ("Segmentveld", "Profielmaker")
    ]
    with session.write() as conn:
        conn.execute("UPDATE contacts SET segment = 'Cultuurminnaars', segment_date = '2024-01-01'")
    contacts.set_flag(session, ids[0], "objects_profiling", True)
    erasure.object_to(session, ids[1], "profiling")
    rows = session.conn.execute("SELECT segment, segment_date FROM contacts").fetchall()
    assert rows == [(None, None), (None, None)]
