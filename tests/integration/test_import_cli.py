"""`contactkluis import` and `contactkluis export` as a user types them, on a real vault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contactkluis.services.accounts import add_account
from tests.conftest import ADMIN, ADMIN_PW, STAFF, STAFF_PW
from tests.fixtures_legacy import (
    FILLERS,
    FRIENDS_FILE,
    NEWSLETTER_FILE,
    TOURS_FILE,
    LegacySet,
    build_legacy_set,
)
from tests.support.cli import cli_main
from tests.support.vaults import built_once, copy_vault

EXPECTED_CONTACTS = 17 + sum(FILLERS.values())


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> LegacySet:
    return build_legacy_set(tmp_path_factory.mktemp("legacy_cli"))


@pytest.fixture(scope="module")
def staffed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty vault with a beheerder and a medewerker, made once; copied per test."""
    return built_once(
        tmp_path_factory.mktemp("staffed"),
        "staffed",
        lambda s: add_account(s, STAFF, "medewerker", STAFF_PW),
    )


@pytest.fixture
def vault(staffed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = copy_vault(staffed, tmp_path / "kluis.ckdb")
    monkeypatch.setenv("CONTACTKLUIS_PASSWORD", ADMIN_PW)
    return path


def cli(vault: Path, *args: str, user: str = ADMIN) -> int:
    return cli_main("--db", str(vault), "--user", user, *args)


def contact_count(vault: Path) -> int:
    from contactkluis.services.accounts import unlock

    session = unlock(vault, ADMIN, ADMIN_PW)
    try:
        return session.repo().count()
    finally:
        session.vault.close()


def test_dry_run_report_json_has_the_contract_fields(
    vault: Path, legacy: LegacySet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rapport.json"
    code = cli(vault, "import", *map(str, legacy.paths), "--dry-run", "--report", str(target))
    assert code == 0
    printed = capsys.readouterr().out
    assert "Proefimport: er is niets opgeslagen" in printed
    assert contact_count(vault) == 0

    report = json.loads(target.read_text("utf-8"))
    assert report["dry_run"] is True
    assert (report["created"], report["merged"]) == (EXPECTED_CONTACTS, 3)
    assert {(r["file"], r["sheet"], r["row"], r["reason"]) for r in report["invalid"]} == set(
        legacy.invalid
    )
    assert [(r["file"], r["row"], r["detail"]) for r in report["flagged"]] == [
        (FRIENDS_FILE, 7, "gezondheid")
    ]
    files = {f["file"]: f for f in report["files"]}
    assert set(files) == {p.name for p in legacy.paths}
    friends = files[FRIENDS_FILE]
    assert (
        friends["rows_read"],
        friends["created"],
        friends["merged"],
        friends["invalid"],
        friends["flagged"],
    ) == (33, 31, 0, 2, 1)
    assert {(c["sheet"], c["header"], c["warning"]) for c in friends["unmapped_columns"]} == {
        ("Vrienden", "Nr.", None),
        ("Vrienden", "IBAN", "iban"),
        ("Opgezegd", "Nr.", None),
        ("Opgezegd", "IBAN", "iban"),
    }
    # The report is safe to leave next to the spreadsheets: no personal data in it.
    text = target.read_text("utf-8")
    for needle in ("Brinkhorst", "voorbeeld.nl", "NL91ABNA", "Rolstoel", "3511"):
        assert needle not in text, needle


def test_import_then_export_json_in_the_documented_shape(
    vault: Path, legacy: LegacySet, tmp_path: Path
) -> None:
    assert cli(vault, "import", *map(str, legacy.paths)) == 0
    out = tmp_path / "export" / "alles.json"
    assert cli(vault, "export", "--out", str(out)) == 0

    data = json.loads(out.read_text("utf-8"))
    assert list(data) == ["contacts"] and len(data["contacts"]) == EXPECTED_CONTACTS
    for item in data["contacts"]:
        assert {
            "id",
            "name",
            "emails",
            "phones",
            "address",
            "consents",
            "relations",
            "retention",
            "flags",
            "sources",
        } <= set(item)
        assert set(item["name"]) == {"first", "initials", "infix", "last"}
        assert set(item["retention"]) == {"status", "until", "reasons"}
        assert item["sources"] and all(set(s) == {"file", "sheet", "row"} for s in item["sources"])
        assert item["consents"]["nieuwsbrief"]["status"] in ("given", "withdrawn", "none")
    [brink] = [c for c in data["contacts"] if c["emails"] == ["m.vanderbrinkhorst@voorbeeld.nl"]]
    assert brink["name"] == {
        "first": "Maarten",
        "initials": "M.",
        "infix": "van der",
        "last": "Brinkhorst",
    }
    assert brink["address"]["postcode"] == "3511 AB"
    assert brink["consents"]["nieuwsbrief"]["status"] == "given"
    assert brink["consents"]["nieuwsbrief"]["date"] == "2019-03-12"
    assert NEWSLETTER_FILE in brink["consents"]["nieuwsbrief"]["source"]
    assert {(s["file"], s["sheet"], s["row"]) for s in brink["sources"]} == {
        (FRIENDS_FILE, "Vrienden", 4),
        (NEWSLETTER_FILE, "Abonnees", 2),
    }
    [zuid] = [c for c in data["contacts"] if c["emails"] == ["w.zuidbroek@voorbeeld.nl"]]
    assert zuid["flags"] == ["special_category"]


def test_mapping_file_overrides_the_automatic_mapping(
    vault: Path, legacy: LegacySet, tmp_path: Path
) -> None:
    mapping = tmp_path / "koppeling.json"
    mapping.write_text(
        json.dumps(
            {
                "sheets": {
                    f"{TOURS_FILE}::Rondleidingen": {
                        "relation": "bezoeker",
                        "columns": {"Organisatie": "notes"},
                    }
                }
            }
        ),
        "utf-8",
    )
    report = tmp_path / "r.json"
    assert (
        cli(
            vault,
            "import",
            str(legacy.files["tours"]),
            "--mapping",
            str(mapping),
            "--report",
            str(report),
        )
        == 0
    )
    [tours] = json.loads(report.read_text("utf-8"))["files"]
    assert tours["sheets"][0]["mapping"]["Organisatie"] == "notes"
    out = tmp_path / "alles.json"
    assert cli(vault, "export", "--out", str(out)) == 0
    contacts = json.loads(out.read_text("utf-8"))["contacts"]
    assert len(contacts) == 8
    assert {r["kind"] for c in contacts for r in c["relations"]} == {"bezoeker"}


def test_bad_mapping_file_is_a_dutch_error_not_a_traceback(
    vault: Path, legacy: LegacySet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "koppeling.json"
    mapping.write_text('{"sheets": {"*": {"columns": {"Tel.": "rekeningnummer"}}}}', "utf-8")
    assert cli(vault, "import", str(legacy.files["tours"]), "--mapping", str(mapping)) == 1
    err = capsys.readouterr().err
    assert "Onbekend veld 'rekeningnummer'" in err and "Traceback" not in err
    assert contact_count(vault) == 0


def test_xlsx_export_escapes_formula_text(vault: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "kassa_formules.csv"
    csv_path.write_text(
        "Naam;E-mail;Straat;Woonplaats\n"
        'Eva Formulier;eva.formulier@voorbeeld.nl;Kerkstraat 1;=HYPERLINK("http://x.invalid")\n'
        "Otto Plusman;otto.plusman@voorbeeld.nl;Kerkstraat 2;+Plaats\n"
        "Mia Minnema;mia.minnema@voorbeeld.nl;Kerkstraat 3;-Dorp\n"
        "Ad Apenstaart;ad.apenstaart@voorbeeld.nl;Kerkstraat 4;@Stad\n",
        "utf-8",
    )
    assert cli(vault, "import", str(csv_path)) == 0
    out = tmp_path / "alles.xlsx"
    assert cli(vault, "export", "--out", str(out)) == 0

    ws = load_workbook(out)["Contacten"]
    header = [c.value for c in ws[1]]
    city = header.index("Woonplaats")
    cells = [row[city] for row in ws.iter_rows(min_row=2)]
    # Text cells hold the text itself (no apostrophe shows) and never run as a formula.
    assert sorted(str(c.value) for c in cells) == sorted(
        ['=HYPERLINK("http://x.invalid")', "+Plaats", "-Dorp", "@Stad"]
    )
    assert all(c.data_type == "s" for c in cells)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_export_is_for_the_beheerder_only(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONTACTKLUIS_PASSWORD", STAFF_PW)
    out = tmp_path / "alles.json"
    assert cli(vault, "export", "--out", str(out), user=STAFF) == 1
    assert not out.exists()
    assert "Traceback" not in capsys.readouterr().err


def test_encoding_forces_a_text_files_code_page(
    vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.fixtures_exports import write_till_cp850

    till, _ = write_till_cp850(tmp_path)
    report = tmp_path / "r.json"
    # Read as cp1252 on purpose: the user's choice is what is used, and the report says so.
    assert cli(vault, "import", str(till), "--dry-run", "--encoding", "CP1252",
               "--report", str(report)) == 0  # fmt: skip
    [sheet] = json.loads(report.read_text("utf-8"))["files"][0]["sheets"]
    assert (sheet["encoding"], sheet["encoding_chosen"]) == ("cp1252", True)
    assert "door de gebruiker gekozen" in capsys.readouterr().out
    assert cli(vault, "import", str(till), "--encoding", "cp850") == 0
    out = tmp_path / "alles.json"
    assert cli(vault, "export", "--out", str(out)) == 0
    firsts = {c["name"]["first"] for c in json.loads(out.read_text("utf-8"))["contacts"]}
    assert {"André", "Geneviève"} <= firsts


def test_an_unknown_code_page_is_refused_before_reading(
    vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.fixtures_exports import write_till_cp850

    till, _ = write_till_cp850(tmp_path)
    assert cli(vault, "import", str(till), "--encoding", "dos-nl") == 2  # argparse's refusal
    assert "onbekende tekenset 'dos-nl'" in capsys.readouterr().err
    assert contact_count(vault) == 0
