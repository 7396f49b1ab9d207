"""Segment exchange with the Culturele Doelgroepenmodel: pseudonymised out, segments back.

The file for the processor holds each address once, in a shuffled order, and is encrypted
with a passphrase that is shown once and kept nowhere.
"""

from __future__ import annotations

import io
import json
import logging
import tempfile
import zipfile
from pathlib import Path

import msoffcrypto
import pytest
from msoffcrypto.exceptions import InvalidKeyError
from openpyxl import Workbook, load_workbook

from contactkluis.errors import UserError
from contactkluis.services import erasure, segments
from contactkluis.services.session import Session
from tests.support.stats_people import fill

HEADER = ["sleutel", "postcode", "huisnummer", "toevoeging"]


@pytest.fixture
def people(session: Session):  # type: ignore[no-untyped-def]
    pop = fill(session)
    with session.write() as conn:  # two friends object to profiling (AVG art. 21)
        conn.executemany(
            "UPDATE contacts SET objects_profiling = 1 WHERE id = ?",
            [(i,) for i in pop.ids["friends"][:2]],
        )
    return pop


def decrypt(path: Path, passphrase: str) -> bytes:
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    office.load_key(password=passphrase)
    plain = io.BytesIO()
    office.decrypt(plain)
    return plain.getvalue()


def read_sent(path: Path, passphrase: str) -> list[list[str]]:
    book = load_workbook(io.BytesIO(decrypt(path, passphrase)))
    return [
        ["" if v is None else str(v) for v in r] for r in book.active.iter_rows(values_only=True)
    ]


def household(session: Session, people) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Two donors at one address, typed differently."""
    a, b = people.ids["donors"][:2]
    with session.write() as conn:
        conn.executemany(
            "UPDATE contacts SET postcode = ?, house_number = ? WHERE id = ?",
            [("2611 cd", "7 b", a), ("2611CD", "7-B", b)],
        )
    return a, b


def test_export_holds_each_address_of_eligible_people_once(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    a, b = household(session, people)
    target = tmp_path / "voor-segmentatie.xlsx"
    result = segments.export_for_segmentation(session, target)
    rows = read_sent(target, result.passphrase)
    assert rows[0] == HEADER
    # 24 counted people minus the anonymised one and the two objectors; restricted excluded.
    assert result.contacts == 10 + 7 + 3 + 2
    assert result.exported == len(rows) - 1 == result.contacts - 1  # the household once
    assert result.excluded == 4  # two objectors, one restricted, one anonymised
    addresses = [tuple(r[1:]) for r in rows[1:]]
    assert len(set(addresses)) == len(addresses)
    assert ("2611 CD", "7", "B") in addresses and ("2611 CD", "3", "A") in addresses  # "3-A" split
    with zipfile.ZipFile(io.BytesIO(decrypt(target, result.passphrase))) as plain:
        text = b"".join(plain.read(n) for n in plain.namelist()).decode("utf-8", "replace")
    for personal in (*people.names, *people.emails, *people.streets):
        assert personal not in text
    keys = [r[0] for r in rows[1:]]
    assert len(set(keys)) == len(keys) and all(k.startswith("K") for k in keys)
    mapped = segments_keys(session)
    assert set(mapped) == set(keys)
    assert sorted(mapped[rows[addresses.index(("2611 CD", "7", "B")) + 1][0]]) == sorted([a, b])
    objectors = set(people.ids["friends"][:2]) | set(people.ids["restricted"])
    assert not objectors & {cid for ids in mapped.values() for cid in ids}
    detail = json.loads(
        session.conn.execute(
            "SELECT detail FROM audit WHERE action = 'segments.export'"
        ).fetchone()[0]
    )
    assert detail["count"] == 21 and detail["contacts"] == 22


def segments_keys(session: Session) -> dict[str, list[int]]:
    from contactkluis.vault import segments_repo

    return segments_repo.keys(session.conn)


def test_the_file_opens_only_with_the_passphrase_shown_once(
    session: Session,
    people,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "adressen.xlsx"
    with caplog.at_level(logging.DEBUG):
        result = segments.export_for_segmentation(session, target)
    assert result.passphrase not in caplog.text
    assert result.passphrase not in repr(result)
    with pytest.raises(zipfile.BadZipFile):  # no workbook without the passphrase
        load_workbook(target)
    office = msoffcrypto.OfficeFile(io.BytesIO(target.read_bytes()))
    assert office.is_encrypted()
    office.load_key(
        password=result.passphrase[:-1] + ("x" if result.passphrase[-1] != "x" else "y")
    )
    with pytest.raises(InvalidKeyError):
        office.decrypt(io.BytesIO())
    assert len(read_sent(target, result.passphrase)) == result.exported + 1
    # Kept nowhere: not in the audit, no temporary file next to the export.
    audit = " ".join(str(r) for r in session.conn.execute("SELECT * FROM audit"))
    assert result.passphrase not in audit
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["adressen.xlsx"]


def test_two_exports_differ_in_order_keys_and_passphrase(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    first = segments.export_for_segmentation(session, tmp_path / "a.xlsx")
    second = segments.export_for_segmentation(session, tmp_path / "b.xlsx")
    assert first.passphrase != second.passphrase
    a = read_sent(tmp_path / "a.xlsx", first.passphrase)[1:]
    b = read_sent(tmp_path / "b.xlsx", second.passphrase)[1:]
    assert sorted(r[1:] for r in a) == sorted(r[1:] for r in b)
    # 21 addresses: the same order twice by chance is 1 in 21! (about 2e-20).
    assert [r[1:] for r in a] != [r[1:] for r in b]
    stored = set(segments_keys(session))
    assert stored == {r[0] for r in b} and not stored & {r[0] for r in a}


def test_csv_is_refused(session: Session, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError) as err:
        segments.export_for_segmentation(session, tmp_path / "adressen.csv")
    assert ".xlsx" in err.value.message("nl") and "versleuteld" in err.value.message("nl")
    assert not (tmp_path / "adressen.csv").exists()


def returned_book(rows: list[list[str]]) -> Workbook:
    """What the processor sends back: the sent columns plus a segment."""
    back = Workbook()
    ws = back.active
    ws.append(["Sleutel", "Postcode", "Huisnummer", "Toevoeging", "Segment"])
    names = ["Cultuurminnaars", "Stedelijke Alleseters"]
    for i, (key, postcode, number, addition) in enumerate(rows):
        ws.append([key, postcode, number, addition, names[i % 2]])
    return back


def test_import_stores_segments_by_key_or_address_and_skips_objectors(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    sent = tmp_path / "uit.xlsx"
    result = segments.export_for_segmentation(session, sent)
    rows = read_sent(sent, result.passphrase)[1:]
    back = returned_book(rows)
    ws = back.active
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


def test_round_trip_through_an_encrypted_returned_file_reaches_every_household_member(
    session: Session,
    people,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    a, b = household(session, people)
    sent = tmp_path / "uit.xlsx"
    result = segments.export_for_segmentation(session, sent)
    # The processor decrypts, adds a segment column and saves it again with the passphrase.
    plain = io.BytesIO()
    returned_book(read_sent(sent, result.passphrase)[1:]).save(plain)
    back = tmp_path / "terug.xlsx"
    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(plain.getvalue())).encrypt(result.passphrase, out)
    back.write_bytes(out.getvalue())

    with pytest.raises(UserError) as err:
        segments.import_segments(session, back)
    assert "wachtwoordzin" in err.value.message("nl")
    with pytest.raises(UserError) as err:
        segments.import_segments(session, back, passphrase="verkeerd")
    assert "past niet" in err.value.message("nl")
    assert session.conn.execute(
        "SELECT count(*) FROM contacts WHERE segment IS NOT NULL"
    ).fetchone() == (0,)

    report = segments.import_segments(session, back, passphrase=result.passphrase)
    assert report.rows == result.exported == report.matched
    assert report.updated == result.contacts == 22
    segs = dict(session.conn.execute("SELECT id, segment FROM contacts WHERE id IN (?, ?)", (a, b)))
    assert segs[a] == segs[b] and segs[a] in ("Cultuurminnaars", "Stedelijke Alleseters")
    # Decrypted in memory only: no plain copy beside the files or in the temp folder.
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["terug.xlsx", "uit.xlsx"]
    assert not list(temp.iterdir())


def test_staff_may_not_profile(staff_session: Session, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        segments.export_for_segmentation(staff_session, tmp_path / "x.xlsx")
    assert err.value.code == "forbidden"
    assert not (tmp_path / "x.xlsx").exists()


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


def test_a_household_keeps_its_key_after_the_first_member_is_erased(
    session: Session,
    people,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    a, b = household(session, people)
    sent = tmp_path / "uit.xlsx"
    result = segments.export_for_segmentation(session, sent)
    rows = read_sent(sent, result.passphrase)
    key = next(r[0] for r in rows if r[1:] == ["2611 CD", "7", "B"])
    first = segments_keys(session)[key][0]
    erasure.erase(session, [first])
    back = Workbook()
    back.active.append(["sleutel", "segment"])
    back.active.append([key, "Cultuurminnaars"])
    back.save(tmp_path / "terug.xlsx")
    report = segments.import_segments(session, tmp_path / "terug.xlsx")
    assert report.matched == 1 and report.updated == 1
    (other,) = {a, b} - {first}
    assert session.conn.execute(
        "SELECT segment FROM contacts WHERE id = ?", (other,)
    ).fetchone() == ("Cultuurminnaars",)
