"""Counting in SQL (stats_people, schema 6) gives exactly what counting loaded records gave.

The vault holds awkward people on purpose: empty, padded, unofficial and alias town names,
postcodes that are not four digits (full-width digits included), several relation kinds,
relations that ended before, on or after the reference date, no start date, no consent,
special-category records, restricted and lifted ones, an objection to profiling, lists of
an unknown kind, an erased, an anonymised and a merged person. Both ways must publish the
same cells, and the true counts behind them must be equal too.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from contactkluis.domain.contact import (
    Address,
    ConsentEvent,
    ConsentStatus,
    Contact,
    PersonName,
    Provenance,
    Relation,
    RelationKind,
)
from contactkluis.domain.crosstab import build_tables, tables_from_profiles
from contactkluis.services import (
    contacts,
    erasure,
    retention,
    states,
    stats,
    stats_releases,
)
from contactkluis.services.contacts import MergeChoice
from contactkluis.services.session import Session
from contactkluis.vault import import_repo, schema
from tests.support.stats_people import REFERENCE
from tests.support.stats_people import fill as fill_hand_counted
from tests.support.vaults import unlocked, vault_at

KINDS = list(RelationKind)
CITIES = ["Delft", " delft ", "", None, "Atlantis", "den haag", "Rotterdam", "Gouda"]
POSTCODES = ["2611 CD", " 3011AB", "12", "abcd", None, "", "3011", "\uff12\uff16\uff11\uff11 XY"]
FILES = [("vrienden.xlsx", "Blad1"), ("vrienden.xlsx", "Blad2"), ("kassa.csv", None)]
BY = [
    "relation",
    "pc4",
    "city,source",
    "since,relation",
    "consent:nieuwsbrief,age",
    "segment,retention",
    "pc2,city",
]


def _awkward(i: int) -> Contact:
    kinds = [KINDS[i % len(KINDS)], KINDS[(i * 3) % len(KINDS)]][: 1 + i % 2]
    relations = []
    for j, kind in enumerate(kinds):
        start = None if (i + j) % 5 == 0 else date(2010 + (i + j) % 14, 1 + j, 1)
        end = [None, date(2024, 6, 30), date(2026, 6, 30), REFERENCE][(i + j) % 4]
        relations.append(Relation(kind, start=start, end=end))
    consent = [ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN, None][i % 3]
    return Contact(
        name=PersonName(f"Raar{i}", None, None, f"Geval{i}"),
        address=Address(f"Kromme Steeg {i}", str(i), POSTCODES[i % 8], CITIES[(i * 5) % 8], None),
        birth_year=None if i % 7 == 0 else 1930 + (i * 7) % 80,
        birth_date=date(1975, 5, 5) if i % 7 == 0 and i % 2 else None,
        special_category=i % 6 == 0,
        objects_profiling=i % 9 == 0,
        segment=["Cultuurminnaars", "Stedelijke Alleseters", None][i % 3],
        relations=relations,
        consents=[ConsentEvent("nieuwsbrief", consent, date(2023, 5, 1), "formulier")]
        if consent
        else [],
        sources=[Provenance(f, s, i + 2) for f, s in FILES[: i % 4]],
    )


@pytest.fixture
def vault(session: Session) -> dict[str, list[int]]:
    ids = fill_hand_counted(session).ids
    with session.write() as conn:
        repo = session.repo(conn)
        ids["awkward"] = [repo.insert(_awkward(i), recorded_by="test") for i in range(90)]
        states.refresh(session, conn, ids["awkward"])
        report = {"files": [{"file": "vrienden.xlsx", "sheets": [{"sheet": "Blad2"}]}]}
        import_repo.add_batch(conn, "test", json.dumps(report))
    return ids


def _assert_same(session: Session, k: int = 10) -> None:
    """Every standard table and a spread of single tables, for every population."""
    marketing = stats.marketing_purposes(session)
    specs = [stats.standard_tables(marketing)] + [[stats.dims_from_text(session, b)] for b in BY]
    earlier = stats_releases.earlier_releases(session)
    for population in stats.population_options():
        records = stats.load_records(session, population)
        for dim_sets in specs:
            counted = stats.count_profiles(session, population, dim_sets)
            assert counted is not None
            assert counted[1] == len(records)
            truth = build_tables(records, dim_sets)
            assert tables_from_profiles(counted[0], dim_sets, counted[1]) == truth, population.code
            new = stats.compute(
                session, dim_sets[0] if len(dim_sets) == 1 else None, k=k, population=population
            )
            old = stats.compute_from_records(
                records,
                dim_sets,
                population=population,
                reference=REFERENCE,
                k=k,
                earlier=earlier,
            )
            assert new.tables == old.tables and new.persons == old.persons, population.code


def _cache_is_current(session: Session) -> None:
    """stats_people holds exactly what its view computes from the contacts now."""
    stats.count_profiles(session, stats.ALL, [[stats.dims_from_text(session, "city")[0]]])
    conn = session.conn
    cached = conn.execute("SELECT * FROM stats_people ORDER BY contact_id").fetchall()
    assert cached == conn.execute("SELECT * FROM stats_source ORDER BY contact_id").fetchall()
    assert not conn.execute("SELECT count(*) FROM stats_dirty").fetchone()[0]


def test_sql_counts_equal_the_record_counts(session: Session, vault) -> None:  # type: ignore[no-untyped-def]
    _assert_same(session)
    stats.set_institution_k(session, 5)  # smaller k: fewer merged labels, more cells shown
    _assert_same(session, k=5)
    _cache_is_current(session)


def test_counts_follow_every_kind_of_change(session: Session, vault) -> None:  # type: ignore[no-untyped-def]
    awkward = vault["awkward"]
    _assert_same(session)  # the new contacts' rows written; now change them in place
    person = contacts.get_contact(session, awkward[1])
    person.address = Address("Nieuwe Gracht 1", "1", "2801 EF", "Gouda", None)
    person.birth_year = 1950
    contacts.update_contact(session, person)
    contacts.add_relation(session, awkward[2], Relation(RelationKind.KLANT, date(2025, 3, 1)))
    erasure.restrict(session, awkward[3])
    erasure.restrict(session, vault["restricted"][0], lift=True)
    erasure.object_to(session, awkward[4], "profiling")
    erasure.erase(session, [awkward[5], vault["friends"][0]])
    contacts.merge_contacts(session, awkward[6], awkward[7], MergeChoice())
    with session.write() as conn:
        retention_anonymise = session.repo(conn)
        retention_anonymise.anonymise(
            awkward[8],
            pc4="2611",
            birth_year=1960,
            relation_starts=[("vriend", "2018-01-01")],
            updated_at="2025-12-31",
        )
        conn.execute("DELETE FROM provenance_rows WHERE contact_id = ?", (awkward[9],))
        conn.execute(
            "UPDATE relation_rows SET end_date = '2020-01-01' WHERE contact_id = ?", (awkward[10],)
        )
    _cache_is_current(session)
    _assert_same(session)


def test_a_vault_of_the_previous_schema_counts_the_same_after_upgrade(tmp_path: Path) -> None:
    mine = next(i for i, m in enumerate(schema.MIGRATIONS) if "CREATE TABLE stats_people" in m)
    path = tmp_path / "oud.ckdb"
    with vault_at(path, mine, "Oud") as old:  # the vault as made before the stats tables came
        fill_hand_counted(old)
    with unlocked(path) as session:
        session._today = lambda: REFERENCE  # type: ignore[attr-defined]
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        _cache_is_current(session)
        _assert_same(session)


def test_retention_anonymised_people_still_count(session: Session, vault) -> None:  # type: ignore[no-untyped-def]
    before = stats.count_profiles(session, stats.ALL, stats.standard_tables())
    assert before is not None
    session._today = lambda: date(2060, 1, 1)  # type: ignore[attr-defined]
    outcome = retention.apply(session, "anonymise", None)
    session._today = lambda: REFERENCE  # type: ignore[attr-defined]
    assert outcome.ids
    after = stats.count_profiles(session, stats.ALL, stats.standard_tables())
    assert after is not None and after[1] == before[1]  # anonymised, not gone
    _cache_is_current(session)
    _assert_same(session)


def test_a_read_only_vault_with_new_contacts_counts_loaded_records(session: Session, vault) -> None:  # type: ignore[no-untyped-def]
    path = session.vault.path
    session.vault.close()  # the new contacts' rows are not written yet, and cannot be now
    with unlocked(path, read_only=True) as reader:
        reader._today = lambda: REFERENCE  # type: ignore[attr-defined]
        dims = stats.dims_from_text(reader, "relation,age")
        assert stats.count_profiles(reader, stats.ALL, [dims]) is None
        shown = stats.compute(reader, dims)
        records = stats.load_records(reader, stats.ALL)
        assert shown.persons == len(records) > 100
        expected = stats.compute_from_records(
            records, [dims], population=stats.ALL, reference=REFERENCE, k=shown.meta.k
        )
        assert shown.tables == expected.tables
