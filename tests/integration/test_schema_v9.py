"""Issue 17 (size): schema version 9 keeps a search index without word positions (with
one- and two-character prefix indexes), and the cached consent flags once (keyed by purpose
and flag). An existing version 8 vault is upgraded in place: the same people are found by
every prefix, the consent filters give the same people, edits and erasures keep the flags
exact, and an erased name leaves every decrypted page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contactkluis.domain.contact import ConsentStatus
from contactkluis.services import contacts, erasure, listing
from contactkluis.services.listing import ContactQuery
from contactkluis.services.session import Session
from contactkluis.vault import schema
from tests.support.people import add_person, give
from tests.support.sqlcipher_pages import all_pages, pages_containing
from tests.support.vaults import unlocked, vault_at

GONE_FIRST, GONE_LAST = "Quirijntje", "Zwartkruisberg"
QUERIES = (
    "z", "zw", "zwa", "zwartk", "v", "vo", "voo", "voornaam1", "a", "1", "12", "voorbeeld",
    "voornaam3.achternaam3@voorbeeld", "quirijntje zwart",
)  # fmt: skip
FLAGS = ("given", "reconfirm", "withdrawn", "none")


def _found(session: Session, text: str) -> list[int]:
    return sorted(listing.find_ids(session, ContactQuery(text=text)))


def _by_flag(session: Session) -> dict[str, list[int]]:
    return {
        flag: sorted(
            listing.find_ids(
                session,
                ContactQuery(consent_purpose="nieuwsbrief", consent_flags=frozenset({flag})),
            )
        )
        for flag in FLAGS
    }


def _flag_rows(session: Session) -> list[tuple[int, str, str]]:
    rows = session.conn.execute("SELECT contact_id, purpose, flag FROM consent_flags")
    return sorted((int(r[0]), str(r[1]), str(r[2])) for r in rows)


def _from_json(session: Session) -> list[tuple[int, str, str]]:
    rows = session.conn.execute(
        "SELECT c.id, j.key, j.value FROM contacts c, json_each(c.consent_json) j"
    )
    return sorted((int(r[0]), str(r[1]), str(r[2])) for r in rows)


@pytest.fixture
def v8_vault(tmp_path: Path) -> tuple[Path, int, dict[str, list[int]], dict[str, list[int]]]:
    """A vault at schema version 8 with 40 people, some with a newsletter consent given or
    withdrawn; whom QUERIES found there and whom each newsletter flag filter gave."""
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 8) as session:
        ids = [add_person(session, f"Voornaam{n}", f"Achternaam{n}") for n in range(39)]
        gone = add_person(session, GONE_FIRST, GONE_LAST)
        for cid in [*ids[::3], gone]:
            give(session, cid)
        for cid in ids[::6]:
            contacts.record_consent(
                    session, cid, "nieuwsbrief", ConsentStatus.WITHDRAWN, date(2024, 2, 1),
                    "afmeldlink", "",
                )  # fmt: skip
        assert session.vault.meta("schema_version") == "8"
        found = {q: _found(session, q) for q in QUERIES}
        assert found["z"] == [gone] and len(found["voornaam1"]) == 11  # 1 and 10-19
        flags = _by_flag(session)
        assert flags["given"] and flags["withdrawn"] and flags["none"]
    return path, gone, found, flags


def test_a_v8_vault_finds_and_filters_the_same_people(
    v8_vault: tuple[Path, int, dict[str, list[int]], dict[str, list[int]]],
) -> None:
    path, _gone, found, flags = v8_vault
    with unlocked(path, check_pages=False) as session:
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        table = session.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'"
        ).fetchone()[0]
        assert "detail=none" in table and "prefix='1 2'" in table
        indexes = session.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'consent_flags'"
            " AND sql IS NOT NULL"
        ).fetchall()
        assert indexes == []  # the flags are kept once, in their own key order
        assert {q: _found(session, q) for q in QUERIES} == found
        assert _by_flag(session) == flags
        assert _flag_rows(session) == _from_json(session)
        session.conn.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')")


def test_after_the_upgrade_edits_and_erasures_keep_flags_and_search_exact(
    v8_vault: tuple[Path, int, dict[str, list[int]], dict[str, list[int]]],
) -> None:
    path, gone, _found_before, flags = v8_vault
    with unlocked(path, check_pages=False) as session:
        # a withdrawal moves the person from one flag's list to the other's
        moved = flags["given"][0]
        contacts.record_consent(
            session, moved, "nieuwsbrief", ConsentStatus.WITHDRAWN, date(2025, 1, 2), "brief", ""
        )
        after = _by_flag(session)
        assert moved not in after["given"] and moved in after["withdrawn"]
        assert _flag_rows(session) == _from_json(session)

        kept = session.repo().get(_found(session, "voornaam7")[0])
        assert kept is not None
        contacts.update_contact(
            session, replace(kept, name=replace(kept.name, first="Ellenbroekje"), emails=[])
        )
        assert _found(session, "voornaam7") == [] and _found(session, "ellenbroekje") == [kept.id]

        key = session.vault.data_key_for_tests()
        erasure.erase(session, [gone])
        assert _found(session, "z") == [] and _found(session, "quirijntje") == []
        assert all(row[0] != gone for row in _flag_rows(session))
        assert _flag_rows(session) == _from_json(session)
        session.conn.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')")
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = all_pages(path, key)
        for marker in (GONE_FIRST, GONE_LAST, GONE_LAST.lower(), b"quirijntje".decode()):
            assert pages_containing(pages, marker.encode()) == [], marker


def test_deleting_many_people_clears_their_flags(session: Session) -> None:
    """Without a foreign key, the delete trigger takes a person's flags along; a bulk
    erasure leaves no flag row for anyone who is gone."""
    people = [add_person(session, f"Naam{n}", f"Achter{n}") for n in range(30)]
    for cid in people:
        give(session, cid)
        give(session, cid, purpose="uitnodigingen")
    erasure.erase(session, people[:20])
    left = {row[0] for row in _flag_rows(session)}
    assert left == set(people[20:])
    assert _flag_rows(session) == _from_json(session)
    assert _found(session, "naam1") == []  # Naam1 and Naam10-19 are gone
    assert _found(session, "naam2") == sorted(people[20:])  # Naam2 gone, Naam20-29 stay
