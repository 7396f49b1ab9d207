"""Segment exchange with the Culturele Doelgroepenmodel: pseudonymised out, segments back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from contactkluis.errors import UserError
from contactkluis.services import segments
from contactkluis.services.session import Session
from tests.support.stats_people import fill


@pytest.fixture
def people(session: Session):  # type: ignore[no-untyped-def]
    pop = fill(session)
    with session.write() as conn:  # two friends object to profiling (AVG art. 21)
        conn.executemany(
            "UPDATE contacts SET objects_profiling = 1 WHERE id = ?",
            [(i,) for i in pop.ids["friends"][:2]],
        )
    return pop


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text("utf-8-sig").splitlines(), delimiter=";"))


def test_export_holds_keys_and_addresses_of_eligible_people_only(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "voor-segmentatie.csv"
    result = segments.export_for_segmentation(session, target)
    rows = read_csv(target)
    assert rows[0] == ["sleutel", "postcode", "huisnummer", "toevoeging"]
    # 24 counted people minus the anonymised one and the two objectors; restricted excluded.
    assert result.exported == len(rows) - 1 == 10 + 7 + 3 + 2
    assert result.excluded == 4  # two objectors, one restricted, one anonymised
    text = target.read_text("utf-8-sig")
    for personal in (*people.names, *people.emails, *people.streets):
        assert personal not in text
    keys = [r[0] for r in rows[1:]]
    assert len(set(keys)) == len(keys) and all(k.startswith("K") for k in keys)
    mapped = dict(session.conn.execute("SELECT row_key, contact_id FROM segment_keys"))
    assert set(mapped) == set(keys)
    objectors = set(people.ids["friends"][:2]) | set(people.ids["restricted"])
    assert not objectors & set(mapped.values())
    assert ["2611 CD", "1", "A"] in [r[1:] for r in rows]  # '1-A' split for the model
    detail = session.conn.execute(
        "SELECT detail FROM audit WHERE action = 'segments.export'"
    ).fetchone()[0]
    assert json.loads(detail)["count"] == 22


def test_xlsx_export_and_a_new_export_replaces_the_keys(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    segments.export_for_segmentation(session, tmp_path / "a.xlsx")
    first = {r[0] for r in load_workbook(tmp_path / "a.xlsx").active.iter_rows(values_only=True)}
    segments.export_for_segmentation(session, tmp_path / "b.xlsx")
    stored = {r[0] for r in session.conn.execute("SELECT row_key FROM segment_keys")}
    assert len(stored) == 22 and not (stored & first)


def test_import_stores_segments_by_key_or_address_and_skips_objectors(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    sent = tmp_path / "uit.csv"
    segments.export_for_segmentation(session, sent)
    rows = read_csv(sent)[1:]
    back = Workbook()
    ws = back.active
    ws.append(["Sleutel", "Postcode", "Huisnummer", "Toevoeging", "Segment"])
    names = ["Cultuurminnaars", "Stedelijke Alleseters"]
    for i, (key, postcode, number, addition) in enumerate(rows):
        ws.append([key, postcode, number, addition, names[i % 2]])
    # No key, matched by address (the model returns a household): an objector lives there.
    ws.append([None, "3011AB", 10, None, "Actieve Cultuurliefhebbers"])
    ws.append([None, "3011 AB", "11", "", "Actieve Cultuurliefhebbers"])
    ws.append(["KONBEKEND", "9999 ZZ", "1", "", "Cultuurminnaars"])  # matches no one
    ws.append([rows[0][0], None, None, None, None])  # no segment
    returned = tmp_path / "terug.xlsx"
    back.save(returned)

    report = segments.import_segments(session, returned)
    assert report.rows == 25 and report.matched == 24 and report.unmatched == 1
    assert report.unmatched_rows == [26] and report.without_segment == 1
    assert report.updated == 22
    assert report.skipped_objecting == 2
    assert "Actieve Cultuurliefhebbers" in report.segments
    stored = dict(
        session.conn.execute("SELECT id, segment FROM contacts WHERE segment IS NOT NULL")
    )
    assert len(stored) == 22
    objectors = set(people.ids["friends"][:2]) | set(people.ids["restricted"])
    assert not objectors & set(stored)
    source, day = session.conn.execute(
        "SELECT segment_source, segment_date FROM contacts WHERE id = ?",
        (people.ids["donors"][0],),
    ).fetchone()
    assert "Culturele Doelgroepenmodel" in source and day == "2025-12-31"
    detail = json.loads(
        session.conn.execute(
            "SELECT detail FROM audit WHERE action = 'segments.import'"
        ).fetchone()[0]
    )
    assert detail["updated"] == 22


def test_staff_may_not_profile(staff_session: Session, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        segments.export_for_segmentation(staff_session, tmp_path / "x.csv")
    assert err.value.code == "forbidden"
    assert not (tmp_path / "x.csv").exists()


def test_a_file_without_the_columns_is_refused(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    bad = tmp_path / "iets.csv"
    bad.write_text("naam;plaats\nIemand;Delft\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        segments.import_segments(session, bad)
    assert "segment" in err.value.message("nl")
    assert (
        session.conn.execute("SELECT count(*) FROM contacts WHERE segment IS NOT NULL").fetchone()[
            0
        ]
        == 0
    )
