"""`contactkluis stats` and `contactkluis segments` as a user runs them (a child process)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import msoffcrypto
import pytest
from openpyxl import load_workbook

from contactkluis.services.session import Session
from tests.conftest import ADMIN, ADMIN_PW
from tests.support.stats_people import fill
from tests.support.vaults import run_cli


@pytest.fixture
def filled_vault(session: Session, vault_path: Path) -> Path:
    fill(session)
    session.vault.close()
    return vault_path


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli(
        "--db", str(db), "--user", ADMIN, "--password-stdin", *args, stdin=ADMIN_PW + "\n"
    )
    return done.returncode, done.stdout, done.stderr


def test_stats_by_two_dimensions_to_csv(filled_vault: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    code, out, err = cli(filled_vault, "stats", "--by", "relation,pc2", "--out", str(target))
    assert code == 0, err
    assert "x.csv" in out
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][0].startswith("Relatie") and rows[0][-1] == "Totaal"
    grid, legend = rows[:-2], rows[-1]
    assert rows[-2] == [] and legend[0].startswith("x = afgeschermd")
    assert [r[0] for r in grid[1:]] == ["vriend", "donateur", "bezoeker", "klant", "Totaal"]
    cells = [v for r in grid[1:] for v in r[1:]]
    assert "x" in cells and not [v for v in cells if v.startswith("<")]
    assert not [v for v in cells if v in {str(n) for n in range(1, 10)}], "k is 10"
    assert "'x'" in out


def test_stats_standard_set_with_population_and_rounding(
    filled_vault: Path, tmp_path: Path
) -> None:
    target = tmp_path / "vrienden.xlsx"
    code, _, err = cli(
        filled_vault, "stats", "--out", str(target), "--population", "vriend", "--round", "5"
    )
    assert code == 0, err
    assert target.stat().st_size > 0


def test_the_beheerder_sets_the_threshold_and_exports_follow_it(
    filled_vault: Path, tmp_path: Path
) -> None:
    code, out, err = cli(filled_vault, "stats-threshold")
    assert code == 0 and "k voor tellingen: 10" in out, err
    code, out, err = cli(filled_vault, "stats-threshold", "12")
    assert code == 0 and ": 12" in out, err
    code, out, err = cli(filled_vault, "stats-threshold", "4")
    assert code != 0 and "kies 5 tot en met 20" in err
    target = tmp_path / "r.csv"
    code, out, err = cli(filled_vault, "stats", "--by", "relation", "--out", str(target))
    assert code == 0 and "afgeschermd onder 12" in out, err
    code, _, err = cli(
        filled_vault, "stats", "--by", "relation", "--min-count", "10", "--out", str(target)
    )
    assert code != 0 and "minstens 12" in err


def test_the_beheerder_freezes_a_reporting_period(filled_vault: Path, tmp_path: Path) -> None:
    year = str(date.today().year)
    code, _, err = cli(filled_vault, "stats", "--by", "relation", "--out", str(tmp_path / "a.csv"))
    assert code == 0, err
    code, out, err = cli(filled_vault, "stats-freeze", year)
    assert code == 0 and f"Bevroren peiljaren: {year}." in out, err
    code, _, err = cli(filled_vault, "stats", "--by", "pc2", "--out", str(tmp_path / "b.csv"))
    assert code != 0 and "bevroren" in err
    code, _, err = cli(filled_vault, "stats", "--by", "relation", "--out", str(tmp_path / "c.csv"))
    assert code == 0, err
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "c.csv").read_bytes()
    code, out, err = cli(filled_vault, "stats-freeze", year, "--thaw")
    assert code == 0 and "Bevroren peiljaren: -." in out, err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--by", "relation,kleur"], "Onbekende indeling 'kleur'"),
        (["--by", "relation", "--min-count", "2"], "kies 5 tot en met 20"),
        ([], "standaardset"),  # the standard set does not fit one .csv table
    ],
)
def test_stats_errors_are_one_clear_line(
    filled_vault: Path, tmp_path: Path, args: list[str], expected: str
) -> None:
    target = tmp_path / "x.csv"
    code, _, err = cli(filled_vault, "stats", *args, "--out", str(target))
    assert code != 0
    assert expected in err
    assert "Traceback" not in err
    assert not target.exists()


def test_population_accepts_only_the_listed_options(filled_vault: Path, tmp_path: Path) -> None:
    code, _, err = cli(
        filled_vault,
        "stats",
        "--by",
        "age",
        "--population",
        "Delft",
        "--out",
        str(tmp_path / "x.csv"),
    )
    assert code == 2 and "vriend" in err


def test_help_documents_every_dimension() -> None:
    done = run_cli("stats", "--help")
    assert done.returncode == 0
    for name in (
        "relation",
        "pc2",
        "pc4",
        "city",
        "age",
        "consent:DOEL",
        "source",
        "since",
        "retention",
        "segment",
        "--population",
        "--min-count",
        "--round",
    ):
        assert name in done.stdout


def _passphrase(out: str) -> str:
    lines = out.splitlines()
    return next(lines[i + 1].strip() for i, line in enumerate(lines) if "Wachtwoordzin" in line)


def test_segments_export_and_import(filled_vault: Path, tmp_path: Path) -> None:
    sent = tmp_path / "adressen.xlsx"
    code, out, err = cli(filled_vault, "segments", "export", "--out", str(sent))
    assert code == 0, err
    assert "24 adressen" in out  # everyone but the restricted and the anonymised
    assert "art. 28" in out
    passphrase = _passphrase(out)
    assert passphrase not in err
    office = msoffcrypto.OfficeFile(io.BytesIO(sent.read_bytes()))
    office.load_key(password=passphrase)
    plain = io.BytesIO()
    office.decrypt(plain)
    rows = list(load_workbook(plain).active.iter_rows(values_only=True))
    back = tmp_path / "terug.csv"
    with back.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["sleutel", "segment"])
        writer.writerows([r[0], "Cultuurminnaars"] for r in rows[1:])
    code, out, err = cli(filled_vault, "segments", "import", str(back))
    assert code == 0, err
    assert "24 gekoppeld" in out and "24 contacten bijgewerkt" in out


def test_segments_csv_refused_and_an_encrypted_return_needs_its_passphrase(
    filled_vault: Path, tmp_path: Path
) -> None:
    code, _, err = cli(filled_vault, "segments", "export", "--out", str(tmp_path / "a.csv"))
    assert code != 0 and ".xlsx" in err and not (tmp_path / "a.csv").exists()
    sent = tmp_path / "adressen.xlsx"
    code, out, err = cli(filled_vault, "segments", "export", "--out", str(sent))
    assert code == 0, err
    # The processor returns the file still encrypted with the same passphrase.
    passphrase = _passphrase(out)
    code, out, err = cli(filled_vault, "segments", "import", str(sent))
    assert code != 0 and "--passphrase-stdin" in err
    done = run_cli(
        "--db", str(filled_vault), "--user", ADMIN, "--password-stdin",
        "segments", "import", "--passphrase-stdin", str(sent),
        stdin=f"{ADMIN_PW}\n{passphrase}\n",
    )  # fmt: skip
    # The sent file has no segment column: decrypted and read, then refused for that.
    assert done.returncode != 0 and "segment" in done.stderr and "past niet" not in done.stderr
    assert passphrase not in done.stderr + done.stdout
