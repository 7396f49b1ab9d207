"""The export fixtures write readable files with the documented headers (not importer behaviour)."""

from __future__ import annotations

import csv
from pathlib import Path

from python_calamine import CalamineWorkbook

from tests.fixtures_exports import (
    GOOGLE_HEADER,
    MAILCHIMP_BASE,
    MAILCHIMP_CLEANED,
    MAILCHIMP_UNSUB,
    OUTLOOK_EN_HEADER,
    write_all,
)


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_exports_have_documented_headers_and_rows(tmp_path: Path) -> None:
    files = write_all(tmp_path)
    google, truth = files["google"]
    assert isinstance(google, Path)
    rows = _csv_rows(google)
    assert rows[0] == GOOGLE_HEADER and len(rows) - 1 == truth.persons
    assert " ::: " in rows[1][GOOGLE_HEADER.index("E-mail 1 - Value")]
    outlook, truth = files["outlook_en"]
    assert isinstance(outlook, Path)
    rows = _csv_rows(outlook)
    assert rows[0] == OUTLOOK_EN_HEADER and len(rows) - 1 == truth.persons
    mc_paths, truth = files["mailchimp"]
    assert isinstance(mc_paths, list)
    headers = [_csv_rows(p)[0] for p in mc_paths]
    assert headers == [MAILCHIMP_BASE, MAILCHIMP_UNSUB, MAILCHIMP_CLEANED]
    assert mc_paths[0].name.startswith("subscribed_members_export_")


def test_vcf_and_legacy_sheets_read_back(tmp_path: Path) -> None:
    files = write_all(tmp_path)
    vcf, truth = files["vcf"]
    assert isinstance(vcf, Path)
    text = vcf.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VCARD") == truth.persons and "\r\n " in text
    sheet, truth = files["newsletter"]
    assert isinstance(sheet, Path)
    rows = CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).to_python()
    assert rows[0] == ["Naam", "E-mail", "Telefoon", "Via", "Aangemeld", "Afgemeld"]
    headerless, truth = files["headerless"]
    assert isinstance(headerless, Path)
    first = headerless.read_text(encoding="utf-8").splitlines()[0]
    assert truth.emails[0] in first


def test_dos_flemish_and_household_files_read_back(tmp_path: Path) -> None:
    files = write_all(tmp_path)
    till, _ = files["till"]
    assert isinstance(till, Path)
    assert "Geneviève" in till.read_bytes().decode("cp850")
    flemish, truth = files["flemish"]
    assert isinstance(flemish, Path)
    rows = CalamineWorkbook.from_path(str(flemish)).get_sheet_by_index(0).to_python()
    assert rows[0][:5] == ["Naam", "Voorvoeg", "Voornaam", "Geb.Dat", "Post"]
    assert len(rows) - 1 == truth.persons
    households, truth = files["households"]
    assert isinstance(households, Path)
    assert households.read_bytes().startswith(b"\xef\xbb\xbf")
