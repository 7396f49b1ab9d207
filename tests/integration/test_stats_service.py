"""Anonymised counts end to end: a real vault, real files, counts checked by hand."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, build_table
from contactkluis.domain.disclosure import SUPPRESSED
from contactkluis.errors import UserError
from contactkluis.services import stats
from contactkluis.services.session import Session
from tests.support.stats_people import REFERENCE, fill


@pytest.fixture
def people(session: Session):  # type: ignore[no-untyped-def]
    return fill(session)


def one_way(result: stats.StatsResult) -> dict[str, object]:
    table = result.tables[0]
    return {r: table.cells[(r, ONE_WAY_COL)] for r in table.row_labels}


def counted(session: Session, spec: str, population: stats.Population = stats.ALL) -> CountTable:
    """The true counts (never published): the counting is checked apart from protection."""
    return build_table(stats.load_records(session, population), stats.dims_from_text(session, spec))


def true_one_way(session: Session, spec: str, **kw: stats.Population) -> dict[str, int]:
    table = counted(session, spec, **kw)
    return {r: table.cells[(r, ONE_WAY_COL)] for r in table.row_labels}


def test_counts_equal_a_hand_count(session: Session, people) -> None:  # type: ignore[no-untyped-def]
    # The restricted friend is left out; the anonymised visitor is counted.
    assert true_one_way(session, "relation") == {
        "vriend": 15,
        "donateur": 10,
        "bezoeker": 1,
        "klant": 2,
    }
    assert true_one_way(session, "city") == {
        "Delft": 10,
        "Gouda": 2,
        "Rotterdam": 12,
        "onbekend": 1,
    }
    assert true_one_way(session, "consent:nieuwsbrief") == {"given": 12, "withdrawn": 7, "none": 6}
    assert true_one_way(session, "source") == {  # list kinds, never file names
        "donateurs": 10,
        "vrienden": 15,
        "onbekend": 3,  # kassa.csv, whose kind is not known, and the anonymised visitor
    }
    assert true_one_way(session, "pc4") == {"2611": 10, "2801": 2, "3011": 13}
    table = counted(session, "relation,age")
    assert table.cells[("vriend", "40-49")] == 12
    assert table.cells[("vriend", "60-69")] == 3  # the three who are both friend and donor
    assert table.cells[("donateur", "60-69")] == 10
    assert table.row_totals["vriend"] == 15
    assert table.grand_total == 28  # 25 people, three counted twice
    # Published with the institution's k (10): the small counts and what would give them away.
    shown = one_way(stats.compute(session, "relation"))
    assert shown["bezoeker"] is SUPPRESSED and shown["klant"] is SUPPRESSED
    assert shown["vriend"] == 15


def test_since_counts_the_start_year_of_the_population_relation(
    session: Session,
    people,  # type: ignore[no-untyped-def]
) -> None:
    everyone = true_one_way(session, "since")
    assert everyone["2019"] == 15 and everyone["2021"] == 10
    friends = true_one_way(session, "since", population=stats.Population(RelationKind.VRIEND))
    assert friends == {"2019": 15}


def test_population_is_all_or_one_relation_kind(session: Session, people) -> None:  # type: ignore[no-untyped-def]
    donors = stats.load_records(session, stats.Population(RelationKind.DONATEUR))
    assert len(donors) == 10
    assert all("donateur" in r["relation"] for r in donors)
    assert len(stats.load_records(session, stats.ALL)) == 25
    assert [p.code for p in stats.population_options()] == ["all", *RelationKind]
    assert stats.Population.parse("vriend").relation is RelationKind.VRIEND
    for free_filter in ("city=Delft", "postcode 2611", "id:3"):
        with pytest.raises(UserError):
            stats.Population.parse(free_filter)
    with pytest.raises(ValueError):
        stats.Population("Delft")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        stats.query_records(session.conn, "vriend", purposes=[], reference=REFERENCE)  # type: ignore[arg-type]


def _xlsx_cells(path: Path) -> tuple[list[int], list[str]]:
    numbers: list[int] = []
    texts: list[str] = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, bool):
                    continue
                if isinstance(cell.value, int):
                    numbers.append(cell.value)
                elif isinstance(cell.value, str):
                    texts.append(cell.value)
    return numbers, texts


@pytest.mark.parametrize("k", [5, 10, 12])
def test_written_files_hold_no_small_count_and_no_personal_data(
    session: Session,
    people,
    tmp_path: Path,
    k: int,  # type: ignore[no-untyped-def]
) -> None:
    stats.set_institution_k(session, 5)
    book = tmp_path / "jaarverslag.xlsx"
    result = stats.export(session, book, None, k=k)
    assert "relationxage" in result.names and len(result.tables) >= 10
    numbers, texts = _xlsx_cells(book)
    assert numbers and not [n for n in numbers if 1 <= n < k]
    assert "x" in texts and not [t for t in texts if t.startswith("<")]
    table = tmp_path / "relatie-pc2.csv"
    stats.export(session, table, "relation,pc2", k=k)
    rows = list(csv.reader(table.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][-1] == "Totaal" and rows[-3][0] == "Totaal"
    assert rows[-1][0].startswith("x = afgeschermd")
    values = [v for row in rows[1:] for v in row[1:]]
    assert not [v for v in values if v.isdigit() and 1 <= int(v) < k]
    everything = "\n".join(texts) + table.read_text("utf-8-sig")
    for personal in (*people.names, *people.emails, *people.streets):
        assert personal not in everything


def test_rounding_publishes_multiples_of_five_only(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "afgerond.xlsx"
    stats.export(session, target, None, rounding=5)
    numbers, _ = _xlsx_cells(target)
    assert numbers and all(n % 5 == 0 for n in numbers)


def test_export_is_audited_with_counts_only(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    stats.export(
        session,
        tmp_path / "x.csv",
        "relation,age",
        k=11,
        population=stats.Population.parse("vriend"),
    )
    (detail,) = session.conn.execute(
        "SELECT detail FROM audit WHERE action = 'stats.export'"
    ).fetchone()
    info = json.loads(detail)
    assert info["tables"] == ["relationxage"] and info["k"] == 11
    assert info["population"] == "vriend"
    for personal in (*people.names, *people.emails):
        assert personal not in detail


def test_bad_requests_get_one_clear_line_and_write_nothing(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(UserError) as err:
        stats.export(session, tmp_path / "alles.csv", None)  # the standard set is many tables
    assert ".xlsx" in err.value.message("nl")
    with pytest.raises(UserError) as err:
        stats.export(session, tmp_path / "x.xlsx", "relation,colour")
    assert "colour" in err.value.message("nl") and "Unknown" in err.value.message("en")
    with pytest.raises(UserError) as err:
        stats.export(session, tmp_path / "x.xlsx", "relation", k=2)
    assert "k" in err.value.message("nl")
    with pytest.raises(UserError) as err:  # below the institution's k (10)
        stats.export(session, tmp_path / "x.xlsx", "relation", k=5)
    assert "beheerder" in err.value.message("nl")
    with pytest.raises(UserError):
        stats.export(session, tmp_path / "x.pdf", "relation")
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]


def test_segment_of_someone_who_objects_to_profiling_is_not_counted(
    session: Session,
    people,  # type: ignore[no-untyped-def]
) -> None:
    with session.write() as conn:
        conn.execute("UPDATE contacts SET segment = 'Cultuurminnaars'")
        conn.executemany(
            "UPDATE contacts SET objects_profiling = 1 WHERE id = ?",
            [(i,) for i in people.ids["friends"][:3]],
        )
    counts = true_one_way(session, "segment")
    assert counts == {"Cultuurminnaars": 22, "onbekend": 3}


def test_staff_may_count(staff_session: Session, tmp_path: Path) -> None:
    fill(staff_session)
    stats.export(staff_session, tmp_path / "tellingen.xlsx")
    assert (tmp_path / "tellingen.xlsx").exists()


def test_the_beheerder_sets_k_never_below_5(session: Session) -> None:
    assert stats.institution_k(session) == 10
    with pytest.raises(UserError):
        stats.set_institution_k(session, 4)
    stats.set_institution_k(session, 12)
    assert stats.institution_k(session) == 12
    with pytest.raises(UserError):
        stats.compute(session, "relation", k=10)  # below the institution's k


def test_a_stats_user_can_neither_set_nor_undercut_k(staff_session: Session) -> None:
    with pytest.raises(UserError):
        stats.set_institution_k(staff_session, 5)
    with pytest.raises(UserError):
        stats.compute(staff_session, "relation", k=5)
    assert stats.compute(staff_session, "relation").meta.k == 10


def test_town_labels_come_from_the_official_list_and_rare_ones_merge(
    session: Session,
    people,  # type: ignore[no-untyped-def]
) -> None:
    with session.write() as conn:
        conn.execute(
            "UPDATE contacts SET city = 'Utrecht p/a Kees Kaasman diabetes' WHERE id = ?",
            (people.ids["friends"][0],),
        )
    table = stats.compute(session, "city").tables[0]
    # Gouda (2 people) and the free text are below k = 10: only 'overig' says they exist.
    assert set(table.row_labels) <= {"Delft", "Rotterdam", "overig", "onbekend"}
    assert "overig" in table.row_labels


def test_releases_that_would_undo_each_other_are_refused(
    session: Session,
    people,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    stats.export(session, tmp_path / "a.csv", "relation,age")
    with pytest.raises(UserError) as err:  # rounded next to suppressed
        stats.export(session, tmp_path / "b.csv", "relation,age", rounding=5)
    assert "andere methode" in err.value.message("nl")
    stats.export(session, tmp_path / "c.csv", "relation,age")  # the same figures again: fine
    with session.write() as conn:  # one person leaves: the difference would be about them
        conn.execute("UPDATE contacts SET restricted = 1 WHERE id = ?", (people.ids["friends"][1],))
    with pytest.raises(UserError) as err:
        stats.export(session, tmp_path / "d.csv", "relation,age")
    assert "eerdere cijfers" in err.value.message("nl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "c.csv", "vault"]
    (detail,) = session.conn.execute(
        "SELECT detail FROM audit WHERE action = 'stats.export' ORDER BY id LIMIT 1"
    ).fetchone()
    info = json.loads(detail)
    assert info["persons"] == 25 and info["method"] == "suppression"
    assert set(info["digests"]) == {"relationxage"}
