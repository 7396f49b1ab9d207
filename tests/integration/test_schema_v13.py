"""Issue 17 (size): schema version 13 drops the indexes on relation kinds and source files
(the filters read the contacts table's own joined values) and keeps a contact's created and
updated moments as integers.

A version 12 vault is upgraded in place and shows the same: each filter on a kind or a file
(including a file whose name holds a comma, and a person from two files whose names joined
read the same), the filter bar's list of files, the "Bijgewerkt" day, both sorts by moment,
and each person's retention (which counts from the day the record was made)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from contactkluis.domain.contact import (
    Address,
    Contact,
    PersonName,
    Provenance,
    Relation,
    RelationKind,
)
from contactkluis.services import contacts, listing
from contactkluis.services.listing import ContactQuery
from contactkluis.services.session import Session
from contactkluis.vault import schema, state_repo
from tests.support.vaults import unlocked, vault_at

COMMA = "donateurs, 2019.xlsx"
# Two files whose names, joined with a comma, read as the one above.
HALVES = ("donateurs", " 2019.xlsx")
FRIENDS = "vrienden.xlsx"
FILES = {  # person -> the files they came from
    "Anouk": [FRIENDS],
    "Bas": [COMMA],
    "Cor": list(HALVES),
    "Daan": [FRIENDS, COMMA],
    "Eva": [FRIENDS],
}
KINDS = {
    "Anouk": [RelationKind.VRIEND],
    "Bas": [RelationKind.DONATEUR],
    "Cor": [RelationKind.VRIEND, RelationKind.DONATEUR],
    "Daan": [RelationKind.NIEUWSBRIEF],
    "Eva": [RelationKind.DONATEUR, RelationKind.NIEUWSBRIEF],
}
# As older releases wrote them: ISO moments; an anonymisation wrote a bare day.
MOMENTS = {
    "Anouk": ("2019-03-04T10:11:12+00:00", "2024-05-06T07:08:09+00:00"),
    "Bas": ("2021-11-30T23:59:59+00:00", "2021-12-01T00:00:00+00:00"),
    "Cor": ("2015-01-02T03:04:05+00:00", "2025-06-07"),
    "Daan": ("2020-02-29T12:00:00+00:00", "2020-03-01T12:00:00+00:00"),
    "Eva": ("2023-08-09T10:00:00+00:00", "2023-08-09T10:00:01+00:00"),
}
FILTERS = {
    "file with a comma": ContactQuery(source_file=COMMA),
    "first half": ContactQuery(source_file=HALVES[0]),
    "second half": ContactQuery(source_file=HALVES[1]),
    "friends file": ContactQuery(source_file=FRIENDS),
    "donors": ContactQuery(relation_kind="donateur"),
    "friends": ContactQuery(relation_kind="vriend"),
    "subscribers": ContactQuery(relation_kind="nieuwsbrief-abonnee"),
    "donors from the friends file": ContactQuery(relation_kind="donateur", source_file=FRIENDS),
}


def _person(first: str) -> Contact:
    return Contact(
        name=PersonName(first, None, None, "Verhoeven"),
        emails=[f"{first.lower()}@voorbeeld.nl"],
        address=Address("Kerkstraat", "12", "1234 AB", "Utrecht", None),
        relations=[Relation(k, start=date(2020, 1, 15)) for k in KINDS[first]],
        sources=[Provenance(f, "Blad1", n + 2, None, None) for n, f in enumerate(FILES[first])],
    )


def _seen(session: Session, ids: dict[str, int]) -> dict[str, Any]:
    names = {cid: first for first, cid in ids.items()}

    def who(found: list[int]) -> list[str]:
        return [names[i] for i in found]

    return {
        "filtered": {k: sorted(who(listing.find_ids(session, q))) for k, q in FILTERS.items()},
        "files": listing.filter_values(session).source_files,
        "updated": {names[r.id]: r.updated for r in listing.rows(session, list(names))},
        "by updated": who(listing.find_ids(session, ContactQuery(sort="updated"))),
        "by created, newest first": who(
            listing.find_ids(session, ContactQuery(sort="created", descending=True))
        ),
        "made on": {
            names[i]: d for i, d in state_repo.created_dates(session.conn, list(names)).items()
        },
    }


@pytest.fixture
def v12_vault(tmp_path: Path) -> tuple[Path, dict[str, int], dict[str, Any]]:
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 12) as session:
        ids = {first: contacts.create_contact(session, _person(first)) for first in FILES}
        with session.write() as conn:
            for first, (made, changed) in MOMENTS.items():
                conn.execute(
                    "UPDATE contacts SET created_at = ?, updated_at = ? WHERE id = ?",
                    (made, changed, ids[first]),
                )
        before = _seen(session, ids)
    return path, ids, before


def test_a_v12_vault_is_upgraded_in_place_and_shows_the_same(
    v12_vault: tuple[Path, dict[str, int], dict[str, Any]],
) -> None:
    path, ids, before = v12_vault
    # what the fixture made is really there to compare
    assert before["filtered"]["file with a comma"] == ["Bas", "Daan"]
    assert before["filtered"]["first half"] == before["filtered"]["second half"] == ["Cor"]
    assert before["files"] == sorted([COMMA, *HALVES, FRIENDS])
    assert before["updated"]["Cor"] == "2025-06-07"
    assert before["by updated"] == ["Daan", "Bas", "Eva", "Anouk", "Cor"]
    assert before["made on"]["Anouk"] == date(2019, 3, 4)
    with unlocked(path) as session:
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert _seen(session, ids) == before
        types = session.conn.execute(
            "SELECT DISTINCT typeof(created_at), typeof(updated_at) FROM contacts"
        ).fetchall()
        assert types == [("integer", "integer")]
        indexes = {str(r[0]) for r in session.conn.execute("SELECT name FROM sqlite_master")}
        assert not {"relations_kind", "provenance_file"} & indexes


def test_an_updated_moment_the_upgrade_cannot_read_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 12) as session:
        cid = contacts.create_contact(session, _person("Anouk"))
        with session.write() as conn:
            conn.execute("UPDATE contacts SET updated_at = 'ergens in 2019' WHERE id = ?", (cid,))
    with unlocked(path) as session:
        (row,) = listing.rows(session, [cid])
        assert row.updated == "ergens in "  # its first ten characters, as before
        stored = session.conn.execute("SELECT updated_at FROM contacts").fetchone()[0]
        assert stored == "ergens in 2019"


def test_after_the_upgrade_an_edit_moves_the_record_to_the_top_of_the_updated_sort(
    v12_vault: tuple[Path, dict[str, int], dict[str, Any]],
) -> None:
    path, ids, _before = v12_vault
    with unlocked(path) as session:
        person = contacts.get_contact(session, ids["Cor"])
        person.notes = "belt liever dan te mailen"
        contacts.update_contact(session, person)
        newest = listing.find_ids(session, ContactQuery(sort="updated", descending=True))
        assert newest[0] == ids["Cor"]
        (row,) = listing.rows(session, [ids["Cor"]])
        assert row.updated == datetime.now(UTC).date().isoformat()
        new = contacts.create_contact(session, _person("Eva"))
        assert listing.find_ids(session, ContactQuery(source_file=FRIENDS))[-1] == new


def test_a_v12_vault_without_the_dropped_indexes_upgrades_all_the_same(tmp_path: Path) -> None:
    """A vault made by a build that had already dropped them (the bench found one)."""
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 12) as session:
        cid = contacts.create_contact(session, _person("Bas"))
        with session.write() as conn:
            conn.execute("DROP INDEX relations_kind")
            conn.execute("DROP INDEX provenance_file")
    with unlocked(path) as session:
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert listing.find_ids(session, ContactQuery(source_file=COMMA)) == [cid]
