"""Issue 17 (size): the statistics keep small codes, a dictionary of the raw values and the
counts per grouping (stats_schema) instead of every person's raw values under six indexes.

An older vault is converted in place and counts exactly as before; the kept counts stay
exact through edits, merges and erasures; a value nobody has any more (an erased person's
town or file name) leaves the dictionary."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from contactkluis.domain.contact import Address, Contact, PersonName, Provenance, Relation
from contactkluis.domain.contact import RelationKind as Kind
from contactkluis.domain.crosstab import build_tables, tables_from_profiles
from contactkluis.services import contacts, erasure, states, stats
from contactkluis.services.contacts import MergeChoice
from contactkluis.services.session import Session
from contactkluis.vault import schema, stats_schema
from tests.integration.test_stats_sql import BY, _awkward
from tests.support.stats_people import REFERENCE
from tests.support.stats_people import fill as fill_hand_counted
from tests.support.vaults import unlocked, vault_at

# The migration that brought the compact form (its number changes as others are added).
MINE = schema.MIGRATIONS.index(stats_schema.MIGRATION)
TOWN, FILE = "Quirijnsdorp-aan-Zee", "aanmelding Zwartkruisberg.xlsx"


def _specs(session: Session) -> list[list[list[stats.Dim]]]:
    marketing = stats.marketing_purposes(session)
    return [stats.standard_tables(marketing)] + [[stats.dims_from_text(session, b)] for b in BY]


def _every_count(session: Session, *, from_records: bool) -> list[object]:
    """The true counts of every table of every spec for every population."""
    out: list[object] = []
    for population in stats.population_options():
        records = stats.load_records(session, population) if from_records else []
        for dim_sets in _specs(session):
            if from_records:
                out.append(build_tables(records, dim_sets))
                continue
            counted = stats.count_profiles(session, population, dim_sets)
            assert counted is not None
            out.append(tables_from_profiles(counted[0], dim_sets, counted[1]))
    return out


def _kept_counts_are_exact(session: Session) -> None:
    """The counts equal a fresh GROUP BY of the codes; the dictionary holds exactly the
    codes in use."""
    conn = session.conn
    kept = Counter(
        {tuple(r[:-1]): r[-1] for r in conn.execute("SELECT * FROM stats_people_counts")}
    )
    fresh: Counter[tuple[object, ...]] = Counter()
    for group, columns in stats_schema.GROUPS.items():
        keys = [f"ifnull({stats_schema.column(c, 'p')}, -1)" for c in columns]
        keys += ["-1"] * (4 - len(keys))
        sql = f"SELECT {group}, {', '.join(keys)}, count(*) FROM stats_people_codes p GROUP BY 2, 3, 4, 5"
        fresh.update({tuple(r[:-1]): r[-1] for r in conn.execute(sql)})
    assert kept == fresh
    for dim in stats_schema.CODED:
        used = {r[0] for r in conn.execute(f"SELECT DISTINCT {dim} FROM stats_people_codes")}
        known = {
            r[0] for r in conn.execute("SELECT code FROM stats_people_values WHERE dim = ?", (dim,))
        }
        assert known == used - {None}, dim
    rows = conn.execute("SELECT * FROM stats_people ORDER BY contact_id").fetchall()
    assert rows == conn.execute("SELECT * FROM stats_source ORDER BY contact_id").fetchall()


def _dictionary(session: Session, dim: str) -> set[object]:
    rows = session.conn.execute("SELECT value FROM stats_people_values WHERE dim = ?", (dim,))
    return {r[0] for r in rows}


def test_an_older_vault_is_converted_in_place_and_counts_the_same(tmp_path: Path) -> None:
    path = tmp_path / "oud.ckdb"
    with vault_at(path, MINE, "Oud") as old:
        fill_hand_counted(old)
        with old.write() as conn:
            ids = [old.repo(conn).insert(_awkward(i), recorded_by="test") for i in range(90)]
            states.refresh(old, conn, ids)
            # the older version's count: every marked person's raw values written
            conn.execute(
                "INSERT INTO stats_people SELECT v.* FROM stats_dirty d"
                " JOIN stats_source v ON v.contact_id = d.contact_id"
            )
            conn.execute("DELETE FROM stats_dirty")
        late = contacts.create_contact(old, _awkward(91))  # marked, written at the next count
        # the unlock's daily pass, done now so the statuses counted before are those after
        old._today = date.today  # type: ignore[method-assign]
        states.roll_to_today(old)
        old._today = lambda: REFERENCE  # type: ignore[method-assign]
        old_rows = old.conn.execute("SELECT * FROM stats_people ORDER BY contact_id").fetchall()
        assert len(old_rows) > 100
        before = _every_count(old, from_records=True)

    with unlocked(path) as session:
        session._today = lambda: REFERENCE  # type: ignore[attr-defined]
        conn = session.conn
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        kind = conn.execute("SELECT type FROM sqlite_master WHERE name = 'stats_people'")
        assert kind.fetchone() == ("view",)
        # converted, not marked for a rewrite: only the late person waits for the count
        assert conn.execute("SELECT contact_id FROM stats_dirty").fetchall() == [(late,)]
        assert conn.execute("SELECT * FROM stats_people ORDER BY contact_id").fetchall() == old_rows
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)  # compacted
        assert _every_count(session, from_records=False) == before
        _kept_counts_are_exact(session)


def _newcomer(city: str, file: str) -> Contact:
    return Contact(
        name=PersonName("Quirijntje", None, None, "Zwartkruisberg"),
        address=Address("Duinweg", "3", "9999 ZZ", city, None),
        birth_year=1944,
        relations=[Relation(Kind.VRIEND, start=date(2012, 4, 1), end=date(2031, 1, 31))],
        sources=[Provenance(file, "Blad7", 2)],
    )


def test_an_erased_persons_own_values_leave_the_dictionary(session: Session) -> None:
    fill_hand_counted(session)
    gone = contacts.create_contact(session, _newcomer(TOWN, FILE))
    stats.count_profiles(session, stats.ALL, stats.standard_tables())
    assert TOWN in _dictionary(session, "city")
    assert any(FILE in str(v) for v in _dictionary(session, "sources"))
    assert any("2031-01-31" in str(v) for v in _dictionary(session, "relations"))

    erasure.erase(session, [gone])
    for _ in range(2):  # gone with the person, and still gone after the next count
        assert TOWN not in _dictionary(session, "city")
        assert not any(FILE in str(v) for v in _dictionary(session, "sources"))
        for dim in ("relations", "since"):
            assert not any("2031-01-31" in str(v) for v in _dictionary(session, dim)), dim
        pc2 = session.conn.execute("SELECT count(*) FROM stats_people_counts WHERE k2 = '99'")
        assert pc2.fetchone() == (0,)
        stats.count_profiles(session, stats.ALL, stats.standard_tables())
    _kept_counts_are_exact(session)


def _people_with(session: Session, by: str, value: str) -> int:
    """How many people have `value` for the dimension `by` (counted in the vault)."""
    counted = stats.count_profiles(session, stats.ALL, [stats.dims_from_text(session, by)])
    assert counted is not None
    return sum(n for profile, n in counted[0][0].items() if value in profile[0])


def test_edits_and_merges_change_the_counts(session: Session) -> None:
    pop = fill_hand_counted(session)
    people = stats.count_profiles(session, stats.ALL, stats.standard_tables())
    assert people is not None
    assert _people_with(session, "city", "Rotterdam") == 12
    assert _people_with(session, "relation", "donateur") == 10

    moved = contacts.get_contact(session, pop.ids["friends"][0])
    moved.address = Address("Havenweg", "1", "2801 EF", "Gouda", None)
    contacts.update_contact(session, moved)
    contacts.add_relation(session, pop.ids["friends"][1], Relation(Kind.DONATEUR, date(2025, 1, 1)))
    contacts.merge_contacts(session, pop.ids["donors"][0], pop.ids["donors"][1], MergeChoice())

    assert _people_with(session, "city", "Rotterdam") == 11
    assert _people_with(session, "city", "Gouda") == 3
    assert _people_with(session, "relation", "donateur") == 10 - 1 + 1  # merged, added
    after = stats.count_profiles(session, stats.ALL, stats.standard_tables())
    assert after is not None and after[1] == people[1] - 1
    _kept_counts_are_exact(session)
