"""Issue 17: schema version 6 keeps no copy of the indexed text in the search index. An
existing version 5 vault is upgraded in place: its contacts stay, search still finds them,
and an erasure after the upgrade still leaves the name in no decrypted page."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkluis.services import erasure
from contactkluis.services.session import Session
from contactkluis.vault import schema
from tests.support.people import add_person
from tests.support.search import found_by_index
from tests.support.sqlcipher_pages import all_pages, pages_containing
from tests.support.vaults import unlocked, vault_at

GONE_FIRST, GONE_LAST = "Quirijntje", "Zwartkruisberg"
KEPT_FIRST, KEPT_LAST = "Baukje", "Ellenbroekstra"


def _markers(first: str, last: str) -> list[bytes]:
    return [first.encode(), last.encode(), first.lower().encode(), last.lower().encode()]


@pytest.fixture
def v5_vault(tmp_path: Path) -> tuple[Path, int, int]:
    """A vault made by the program as it was at schema version 5, with 80 people."""
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 5) as session:
        for n in range(40):
            add_person(session, f"Voornaam{n}", f"Achternaam{n}")
        gone = add_person(session, GONE_FIRST, GONE_LAST)
        kept = add_person(session, KEPT_FIRST, KEPT_LAST)
        for n in range(40, 80):
            add_person(session, f"Voornaam{n}", f"Achternaam{n}")
        assert session.vault.meta("schema_version") == "5"
        assert found_by_index(session, GONE_LAST.lower()[:6]) == [gone]
    return path, gone, kept


def test_a_v5_vault_is_upgraded_in_place_and_keeps_contacts_search_and_erasure(
    v5_vault: tuple[Path, int, int],
) -> None:
    path, gone, kept = v5_vault
    # As the app unlocks; a migration still checks every page first.
    with unlocked(path, check_pages=False) as session:
        assert session.vault.pages_checked and not session.vault.damaged
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert session.conn.execute("SELECT count(*) FROM contacts").fetchone() == (82,)
        tables = {r[0] for r in session.conn.execute("SELECT name FROM sqlite_master")}
        assert "contacts_fts_content" not in tables and "contacts_fts_v6" not in tables
        assert found_by_index(session, "zwartk") == [gone]
        assert found_by_index(session, "baukje ellen") == [kept]
        assert len(found_by_index(session, "achternaam")) == 80
        assert session.vault.verify() == []

        erasure.erase(session, [gone])
        assert found_by_index(session, "zwartk") == [] and found_by_index(session, "baukje") == [
            kept
        ]
        key = session.vault.data_key_for_tests()
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = all_pages(path, key)
        for marker in _markers(GONE_FIRST, GONE_LAST):
            assert pages_containing(pages, marker) == [], marker
        for marker in _markers(KEPT_FIRST, KEPT_LAST):
            assert pages_containing(pages, marker), marker
    backups = list(path.parent.glob("*.v5-*.ckbak"))
    assert len(backups) == 1  # the migration backed the version 5 file up first


def test_an_edit_leaves_the_old_name_unfindable_and_the_new_one_found(
    session: Session,
) -> None:
    from dataclasses import replace

    from contactkluis.services import contacts

    cid = add_person(session, GONE_FIRST, GONE_LAST)
    before = session.repo().get(cid)
    assert before is not None
    contacts.update_contact(
        session,
        replace(before, name=replace(before.name, last="Ellenbroekstra"), emails=["b@c.nl"]),
    )
    assert found_by_index(session, "zwartk") == []
    assert found_by_index(session, "ellenbroek") == [cid]
