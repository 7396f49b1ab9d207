"""Issue 17 (size): schema version 14 keeps the texts an import repeats on every row (file,
sheet, relation source, consent source and evidence) once, in `texts`, named by number.

What a user must not notice: every person's consents, relations and sources read exactly as
before (the access report shows them), after an upgrade as after a fresh start. What the
privacy officer must be able to rely on: a text goes with the last row that uses it, so a
typed evidence that names a person leaves the vault when that person is erased or
anonymised (checked on every decrypted page), while a text others still use stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from contactkluis.domain.contact import ConsentStatus, Provenance, Relation, RelationKind
from contactkluis.services import contacts, erasure, retention
from contactkluis.services.access import access_report
from contactkluis.services.contacts import MergeChoice
from contactkluis.services.importing import plan_files, run_import
from contactkluis.services.session import Session
from contactkluis.vault import schema
from contactkluis.vault.db import Connection
from tests.fixtures_legacy import build_legacy_set
from tests.support.people import add_person, expired_customer
from tests.support.sqlcipher_pages import all_pages, pages_containing
from tests.support.vaults import unlocked, vault_at

SHARED_FILE = "ledenlijst_2019.xlsx"  # add_person's source file, on everyone
# Typed by staff, naming the person: these must leave with them.
EVIDENCE = "mail van Gerrit Vlaskamp-Oudshoorn, 3 maart"
SOURCE = "telefoongesprek met Vlaskamp-Oudshoorn"
RELATION_SOURCE = "balie, vriendenpas Vlaskamp-Oudshoorn"
OWN_FILE = "vlaskamp-oudshoorn privé.xlsx"
OWN_SHEET = "Vlaskamp-Oudshoorn"
MARKER = b"Vlaskamp-Oudshoorn"


def _give_own_texts(session: Session, cid: int, *, long_ago: bool = False) -> None:
    """A consent, a relation and a source row of their own, each naming them (`long_ago`:
    a withdrawal and a relation that ended, which keep no record past its term)."""
    status, on = (
        (ConsentStatus.WITHDRAWN, date(2014, 3, 3))
        if long_ago
        else (
            ConsentStatus.GIVEN,
            date(2023, 3, 3),
        )
    )
    contacts.record_consent(session, cid, "nieuwsbrief", status, on, SOURCE, EVIDENCE)
    start, end = (date(2012, 1, 1), date(2013, 1, 1)) if long_ago else (date(2022, 1, 1), None)
    relation = Relation(RelationKind.DONATEUR, start=start, end=end, source=RELATION_SOURCE)
    contacts.add_relation(session, cid, relation)
    with session.write() as conn:
        session.repo(conn).add_provenance(cid, [Provenance(OWN_FILE, OWN_SHEET, 4, None, None)])


def _uses_are_counted(conn: Connection) -> dict[str, int]:
    """Each text's `uses` equals the rows naming it, counted here from the tables
    themselves; no text is kept that nothing names. Returns text -> uses."""
    named: dict[int, int] = {}
    for table in ("consent_rows", "relation_rows", "provenance_rows"):
        columns = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
        for number in (c for c in columns if c.endswith("_id") and c != "contact_id"):
            for (ref,) in conn.execute(f"SELECT {number} FROM {table}"):
                if ref is not None:
                    named[ref] = named.get(ref, 0) + 1
    stored = {
        int(i): (str(t), int(u)) for i, t, u in conn.execute("SELECT id, text, uses FROM texts")
    }
    assert {i: u for i, (_t, u) in stored.items()} == named
    assert set(named) <= set(stored)  # every number names a text
    return {t: u for t, u in stored.values()}


def _held(session: Session, cid: int) -> dict[str, Any]:
    report = access_report(session, cid)
    return {k: report[k] for k in ("consents", "relations", "provenance")}


def test_a_persons_own_texts_read_back_whole_and_leave_with_them(session: Session) -> None:
    kept = add_person(session, "Anna", "Brouwer")
    gone = add_person(session, "Gerrit", "Vlaskamp-Oudshoorn")
    _give_own_texts(session, gone)
    held = _held(session, gone)
    assert [(c["source"], c["evidence"]) for c in held["consents"]] == [(SOURCE, EVIDENCE)]
    assert [r["source"] for r in held["relations"]] == ["", RELATION_SOURCE]
    assert [(p["file"], p["sheet"]) for p in held["provenance"]] == [
        (SHARED_FILE, "Blad1"),
        (OWN_FILE, OWN_SHEET),
    ]
    uses = _uses_are_counted(session.conn)
    assert uses[SHARED_FILE] == 2 and uses[EVIDENCE] == 1

    path, key = session.vault.path, session.vault.data_key_for_tests()
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert pages_containing(all_pages(path, key), MARKER)  # readable before the erasure
    erasure.erase(session, [gone])
    uses = _uses_are_counted(session.conn)
    # Anna's source row and friendship still name these; nothing of Gerrit's is left
    assert uses == {SHARED_FILE: 1, "Blad1": 1, "vriend": 1}
    assert pages_containing(all_pages(path, key), MARKER) == []
    assert _held(session, kept)["provenance"][0]["file"] == SHARED_FILE


def test_anonymising_takes_the_persons_texts_with_their_history(session: Session) -> None:
    gone = expired_customer(session, "Gerrit", "Vlaskamp-Oudshoorn")
    expired_customer(session, "Anna", "Brouwer")
    _give_own_texts(session, gone, long_ago=True)
    assert retention.apply(session, "anonymise", [gone]).ids == (gone,)
    uses = _uses_are_counted(session.conn)
    assert not [t for t in uses if "Vlaskamp" in t]
    path, key = session.vault.path, session.vault.data_key_for_tests()
    erasure.checkpoint(session)
    assert pages_containing(all_pages(path, key), MARKER) == []
    # what anonymisation keeps: the relation kinds with their start, no source
    assert {(r["kind"], r["source"]) for r in _held(session, gone)["relations"]} == {
        ("klant", ""),
        ("donateur", ""),
    }


def test_a_merge_moves_the_history_and_its_texts_stay_counted(session: Session) -> None:
    a = add_person(session, "Gerrit", "Vlaskamp-Oudshoorn")
    b = add_person(session, "Gerrit", "Vlaskamp-Oudshoorn", email="g.vlaskamp@voorbeeld.nl")
    _give_own_texts(session, b)
    survivor = contacts.merge_contacts(session, a, b, MergeChoice())
    assert session.repo().get(b if survivor == a else a) is None
    held = _held(session, survivor)
    assert [(c["source"], c["evidence"]) for c in held["consents"]] == [(SOURCE, EVIDENCE)]
    assert _uses_are_counted(session.conn)[EVIDENCE] == 1


@pytest.fixture(scope="module")
def legacy_paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return list(build_legacy_set(tmp_path_factory.mktemp("legacy")).paths)


def test_an_import_counts_its_texts_into_an_empty_vault_and_a_filled_one(
    session: Session, legacy_paths: list[Path]
) -> None:
    """The first import counts once at the end (its triggers are deferred), the second row
    by row: both give every text its true count, each text kept once."""
    first, *rest = legacy_paths
    report = run_import(session, plan_files([first]))
    assert report.created > 0
    after_first = _uses_are_counted(session.conn)
    assert any(first.name in t for t in after_first)
    run_import(session, plan_files(rest))
    after_all = _uses_are_counted(session.conn)
    (distinct,) = session.conn.execute(
        "SELECT count(DISTINCT text) = count(*) FROM texts"
    ).fetchone()
    assert distinct == 1
    assert all(after_all.get(t, 0) >= n for t, n in after_first.items())
    # an imported consent reads back with the evidence the import wrote
    (cid,) = session.conn.execute("SELECT contact_id FROM consent_rows LIMIT 1").fetchone()
    (consent, *_) = _held(session, cid)["consents"]
    assert consent["evidence"].startswith("Overgenomen uit oude lijst")


def test_a_v13_vault_is_upgraded_and_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 13) as session:
        anna = add_person(session, "Anna", "Brouwer")
        gone = add_person(session, "Gerrit", "Vlaskamp-Oudshoorn")
        _give_own_texts(session, gone)
        contacts.record_consent(
            session,
            anna,
            "nieuwsbrief",
            ConsentStatus.WITHDRAWN,
            date(2024, 2, 1),
            "afmeldlink",
            "",
        )
        with session.write() as conn:  # a source row without a sheet, as a csv leaves it
            session.repo(conn).add_provenance(anna, [Provenance("kassa.csv", None, 9, None, None)])
        before = {cid: _held(session, cid) for cid in (anna, gone)}
    with unlocked(path) as session:
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert {cid: _held(session, cid) for cid in (anna, gone)} == before
        uses = _uses_are_counted(session.conn)
        assert uses[SHARED_FILE] == 2 and "" not in uses
        erasure.erase(session, [gone])
        assert not [t for t in _uses_are_counted(session.conn) if "Vlaskamp" in t]
        assert _held(session, anna) == before[anna]
