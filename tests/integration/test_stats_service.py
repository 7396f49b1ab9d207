"""Anonymised counts end to end: a real vault, real files, counts checked by hand."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.crosstab import ONE_WAY_COL
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


def test_counts_equal_a_hand_count(session: Session, people) -> None:  # type: ignore[no-untyped-def]
    # The restricted friend is left out; the anonymised visitor is counted.
    assert one_way(stats.compute(session, "relation", k=3)) == {
        "vriend": 15,
        "donateur": 10,
        "bezoeker": SUPPRESSED,
        "klant": SUPPRESSED,
    }
    assert one_way(stats.compute(session, "city", k=3)) == {
        "Delft": 10,
        "Gouda": SUPPRESSED,
        "Rotterdam": 12,
        "onbekend": SUPPRESSED,
    }
    assert one_way(stats.compute(session, "consent:nieuwsbrief", k=3)) == {
        "given": 12,
        "withdrawn": 7,
        "none": 6,
    }
    assert one_way(stats.compute(session, "source", k=3)) == {
        "donateurs.xlsx": 10,
        "kassa.csv": SUPPRESSED,
        "vrienden.xlsx": 15,
        "onbekend": SUPPRESSED,
    }
    # One small count alone would be given away by the total: the next smallest goes too.
    assert one_way(stats.compute(session, "pc4", k=3)) == {
        "2611": SUPPRESSED,
        "2801": SUPPRESSED,
        "3011": 13,
    }
    table = stats.compute(session, "relation,age", k=3).tables[0]
    assert table.cells[("vriend", "40-49")] == 12
    assert table.cells[("vriend", "60-69")] == 3  # the three who are both friend and donor
    assert table.cells[("donateur", "60-69")] == 10
    assert table.row_totals["vriend"] == 15
    assert table.grand_total == 28  # 25 people, three counted twice


def test_since_counts_the_start_year_of_the_population_relation(
    session: Session,
    people,  # type: ignore[no-untyped-def]
) -> None:
    everyone = one_way(stats.compute(session, "since", k=3))
    assert everyone["2019"] == 15 and everyone["2021"] == 10
    friends = stats.compute(session, "since", k=3, population=stats.Population(RelationKind.VRIEND))
    assert one_way(friends) == {"2019": 15}


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


@pytest.mark.parametrize("k", [3, 5, 10])
def test_written_files_hold_no_small_count_and_no_personal_data(
    session: Session,
    people,
    tmp_path: Path,
    k: int,  # type: ignore[no-untyped-def]
) -> None:
    book = tmp_path / "jaarverslag.xlsx"
    result = stats.export(session, book, None, k=k)
    assert "relationxage" in result.names and len(result.tables) >= 10
    numbers, texts = _xlsx_cells(book)
    assert numbers and not [n for n in numbers if 1 <= n < k]
    assert f"<{k}" in texts
    table = tmp_path / "relatie-pc2.csv"
    stats.export(session, table, "relation,pc2", k=k)
    rows = list(csv.reader(table.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][-1] == "Totaal" and rows[-1][0] == "Totaal"
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
        k=4,
        population=stats.Population.parse("vriend"),
    )
    (detail,) = session.conn.execute(
        "SELECT detail FROM audit WHERE action = 'stats.export'"
    ).fetchone()
    info = json.loads(detail)
    assert info["tables"] == ["relationxage"] and info["k"] == 4
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
    counts = one_way(stats.compute(session, "segment", k=3))
    assert counts == {"Cultuurminnaars": 22, "onbekend": 3}


def test_staff_may_count(staff_session: Session, tmp_path: Path) -> None:
    fill(staff_session)
    stats.export(staff_session, tmp_path / "tellingen.xlsx")
    assert (tmp_path / "tellingen.xlsx").exists()
