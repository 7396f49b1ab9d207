"""Issue 17 (size): schema version 8 caches no retention reasons. An existing version 7
vault is upgraded in place: the reasons' texts leave every page, the places that show
reasons still show them (derived afresh), and an erasure still leaves no trace."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from contactkluis.services import contacts, erasure, listing, states
from contactkluis.vault import schema
from tests.support.people import add_person
from tests.support.search import found_by_index
from tests.support.sqlcipher_pages import all_pages, pages_containing
from tests.support.vaults import unlocked, vault_at

GONE_FIRST, GONE_LAST = "Quirijntje", "Zwartkruisberg"


# every prefix length, from one character (no prefix index of its own after version 8) on
QUERIES = ("z", "zw", "zwa", "zwartk", "v", "vo", "voo", "voornaam1", "a", "1", "12", "voorbeeld")


@pytest.fixture
def v7_vault(tmp_path: Path) -> tuple[Path, int, bytes, dict[str, list[int]]]:
    """A vault at schema version 7 with 40 people whose rows cache their reasons' texts,
    as version 7 wrote them; the bytes of one such text; whom QUERIES found."""
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 7) as session:
        ids = [add_person(session, f"Voornaam{n}", f"Achternaam{n}") for n in range(39)]
        gone = add_person(session, GONE_FIRST, GONE_LAST)
        people = session.repo().get_many([*ids, gone])
        cached = states.reasons(session, people)
        with session.write() as conn:
            conn.executemany(
                "UPDATE contacts SET retention_json = ? WHERE id = ?",
                [(json.dumps(r, ensure_ascii=False), cid) for cid, r in cached.items()],
            )
        text = json.dumps(cached[gone], ensure_ascii=False).encode()
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert pages_containing(all_pages(path, session.vault.data_key_for_tests()), text)
        assert session.vault.meta("schema_version") == "7"
        found = {q: found_by_index(session, q) for q in QUERIES}
        assert found["z"] == [gone] and len(found["voornaam1"]) == 11  # 1 and 10-19
    return path, gone, text, found


def test_a_v7_vault_drops_the_cached_reasons_and_still_shows_them(
    v7_vault: tuple[Path, int, bytes, dict[str, list[int]]],
) -> None:
    path, gone, text, _found_before = v7_vault
    with unlocked(path, check_pages=False) as session:
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert session.conn.execute("SELECT count(*) FROM contacts").fetchone() == (40,)
        indexes = {r[0] for r in session.conn.execute("SELECT name FROM sqlite_master")}
        assert "contacts_created" not in indexes and "contacts_updated" in indexes
        # a contact's consent events are found by the contact id alone (since version 12
        # by the table's own key, which starts with it)
        plan = session.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM consent_events WHERE contact_id = 1"
        ).fetchall()
        assert any("SEARCH" in row[-1] and "contact_id=?" in row[-1] for row in plan), plan
        assert session.conn.execute("SELECT DISTINCT retention_json FROM contacts").fetchall() == [
            ("[]",)
        ]
        key = session.vault.data_key_for_tests()
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert pages_containing(all_pages(path, key), text) == []

        # The detail page, the tooltip and the access report still give the reasons.
        shown = contacts.details(session, gone).state["reasons"]
        assert shown and json.dumps(shown, ensure_ascii=False).encode() == text
        assert listing.retention_reasons(session, gone) == tuple(r["nl"] for r in shown)
        from contactkluis.services import access

        report = access.access_report(session, gone)
        assert [r["reason"] for r in report["retention"]] == [r["nl"] for r in shown]

        erasure.erase(session, [gone])
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = all_pages(path, key)
        for marker in (GONE_FIRST, GONE_LAST, GONE_LAST.lower()):
            assert pages_containing(pages, marker.encode()) == [], marker


def test_new_contacts_cache_no_reasons_text(session) -> None:  # type: ignore[no-untyped-def]
    cid = add_person(session, GONE_FIRST, GONE_LAST)
    assert session.conn.execute(
        "SELECT retention_json FROM contacts WHERE id = ?", (cid,)
    ).fetchone() == ("[]",)
    assert listing.retention_reasons(session, cid)  # derived when asked


def test_a_v7_vault_keeps_finding_by_every_prefix_and_forgets_an_edited_name(
    v7_vault: tuple[Path, int, bytes, dict[str, list[int]]],
) -> None:
    """The search index, rebuilt from its own tokens without the one-character prefixes,
    finds the same people for every prefix length, and a removal (edit, erasure) that names
    the stored text still takes every token out (the erasure test above reads the pages)."""
    path, gone, _text, before = v7_vault
    with unlocked(path, check_pages=False) as session:
        table = session.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'"
        ).fetchone()[0]
        assert "prefix='1 2'" in table and "detail=none" in table  # version 9
        names = session.conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE '%contacts_created%'"
        ).fetchall()
        assert names == []
        assert {q: found_by_index(session, q) for q in QUERIES} == before
        session.conn.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')")

        kept = session.repo().get(found_by_index(session, "voornaam7")[0])
        assert kept is not None
        contacts.update_contact(
            session, replace(kept, name=replace(kept.name, first="Ellenbroekje"), emails=[])
        )
        assert found_by_index(session, "voornaam7") == [] and found_by_index(
            session, "ellenbroekje"
        ) == [kept.id]
        erasure.erase(session, [gone])
        assert found_by_index(session, "z") == [] and found_by_index(session, "quirijntje") == []
        session.conn.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')")
