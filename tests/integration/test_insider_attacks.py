"""Issue 13's attacks, done the way a colleague with an account did them.

These are acceptance tests for the defences: against the current code most of them fail.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from contactkluis.services import mailing
from contactkluis.services.session import Session
from contactkluis.vault.keyfile import key_path
from contactkluis.vault.keys import new_recovery_key
from tests.support.cli import CliRun
from tests.support.insider import init_vault, plant_recovery_slot, raw_key, sql
from tests.support.people import add_person, give
from tests.support.vaults import (
    ADMIN,
    ADMIN_PW,
    STAFF,
    STAFF_PW,
    Template,
    child_env,
    run_cli,
    run_script,
)


def cli(db: Path, *args: str, user: str = ADMIN, stdin: str = ADMIN_PW) -> CliRun:
    return run_cli("--db", str(db), "--user", user, "--password-stdin", *args, stdin=stdin + "\n")


def test_1a_medewerker_raising_own_role_with_the_raw_key_is_caught(vpath: Path) -> None:
    key = raw_key(vpath, STAFF, STAFF_PW)
    sql(vpath, key, f"UPDATE accounts SET role='beheerder' WHERE name='{STAFF}'")
    as_admin = cli(
        vpath, "user", "add", "indringer", "--role", "beheerder", user=STAFF, stdin=STAFF_PW
    )
    verified = cli(vpath, "verify")
    assert as_admin.returncode != 0 or verified.returncode == 3, (as_admin.stdout, verified.stdout)
    assert verified.returncode == 3 and STAFF in verified.stdout + verified.stderr


def test_1b_planted_recovery_slot_opens_nothing(vpath: Path) -> None:
    key = raw_key(vpath, STAFF, STAFF_PW)
    mine = new_recovery_key()
    plant_recovery_slot(vpath, key, mine)
    shown = run_cli("--db", str(vpath), "show-key", "--recovery-key", mine)
    assert shown.returncode != 0 and key.hex() not in shown.stdout
    verified = cli(vpath, "verify")
    assert verified.returncode == 3, verified.stdout + verified.stderr


def test_2_trimmed_audit_tail_with_fixed_head_is_reported(vpath: Path) -> None:
    key = raw_key(vpath, STAFF, STAFF_PW)
    [triggers] = sql(
        vpath, key, "SELECT name FROM sqlite_master WHERE type='trigger' AND sql LIKE '%audit%'"
    )
    drops = [f"DROP TRIGGER {name}" for (name,) in triggers]
    [[(last,)]] = sql(vpath, key, "SELECT max(id) FROM audit")
    sql(vpath, key, *drops, f"DELETE FROM audit WHERE id >= {int(last) - 1}")
    [[(new_last, head)]] = sql(vpath, key, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
    sql(vpath, key, f"UPDATE meta SET value='{new_last}:{head}' WHERE key='audit_head'")
    verified = cli(vpath, "verify")
    assert verified.returncode == 3, verified.stdout + verified.stderr


def test_4_every_file_the_program_writes_is_owner_only(tmp_path: Path) -> None:
    db, env = init_vault(tmp_path)
    head = ("--db", str(db), "--user", ADMIN, "--password-stdin")
    out = tmp_path / "Contactkluis" / "backup.ckbak"
    done = run_cli(*head, "backup", "--out", str(out), stdin=ADMIN_PW + "\n", env=env)
    assert done.returncode == 0, done.stderr
    written = list(tmp_path.rglob("*"))
    assert out in written and key_path(db) in written
    for path in written:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, (str(path.relative_to(tmp_path)), oct(mode))


@pytest.mark.parametrize(
    "weak", ["wachtwoord2024", "Password12345", "qwertyuiop123", "P@ssw0rd1234"]
)
def test_6_weak_password_refused_by_init(tmp_path: Path, weak: str) -> None:
    done = run_cli(
        "--db",
        str(tmp_path / "k.ckdb"),
        "--password-stdin",
        "init",
        "--admin",
        ADMIN,
        "--institution",
        "Proef",
        stdin=weak + "\n",
    )
    assert done.returncode != 0 and done.stderr.strip()


def test_1b_planted_recovery_slot_cannot_reset_the_admin_password(vpath: Path) -> None:
    mine = new_recovery_key()
    plant_recovery_slot(vpath, raw_key(vpath, STAFF, STAFF_PW), mine)
    reset = run_cli(
        *("--db", str(vpath), "user", "passwd", ADMIN, "--recovery-key", mine),
        env=child_env(CONTACTKLUIS_NEW_PASSWORD="een heel ander lang wachtwoord van mij"),
    )
    admin = cli(vpath, "verify")
    # The reset must be refused, and verify must report the planted slot.
    assert reset.returncode != 0, reset.stdout
    assert admin.returncode == 3, admin.stdout + admin.stderr


def test_3_key_file_copied_before_removal_opens_nothing_after(vpath: Path, tmp_path: Path) -> None:
    kept = key_path(vpath).read_bytes()
    assert cli(vpath, "user", "remove", STAFF).returncode == 0
    key_path(vpath).write_bytes(kept)
    try:
        key = raw_key(vpath, STAFF, STAFF_PW)
    except Exception:
        return  # the old slot no longer opens the current data key
    with pytest.raises(sqlcipher3.DatabaseError):
        sql(vpath, key, "SELECT count(*) FROM contacts")


def test_8_absurd_argon2_parameters_are_a_damaged_key_file(vpath: Path) -> None:
    data = json.loads(key_path(vpath).read_text("utf-8"))
    for slot in data["slots"]:
        slot["kdf"]["m"] = 2**31
    key_path(vpath).write_text(json.dumps(data), "utf-8")
    done = cli(vpath, "verify")
    assert done.returncode != 0
    assert "HashingError" not in done.stderr and "Onverwachte fout" not in done.stderr
    assert "sleutelbestand" in done.stderr.lower()


def test_5_password_variable_removed_and_core_dumps_off(vpath: Path) -> None:
    # The CLI run in-process after a real unlock, then the process state read back.
    code = (
        "import ctypes, os, resource, sys\n"
        "from contactkluis import cli\n"
        f"sys.argv = ['contactkluis', '--db', {str(vpath)!r}, '--user', {ADMIN!r}, 'verify']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE)[0])\n"
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n"
        "print('CONTACTKLUIS_PASSWORD' in os.environ)\n"
    )
    done = run_script(code, env=child_env(CONTACTKLUIS_PASSWORD=ADMIN_PW))
    assert "intact" in done.stdout, done.stdout + done.stderr
    *_, core, dumpable, env_left = done.stdout.splitlines()
    assert core == "0"
    assert dumpable == "0"  # PR_GET_DUMPABLE
    assert env_left == "False"


def test_7_forget_leaves_no_personal_data_in_the_request_note(
    template: Template, vpath: Path
) -> None:
    who = f"#{template.contact_ids[0]}"
    note = "Anke Verbruggen belde vanaf 06-12345678"
    added = cli(vpath, "request", "add", "verwijdering", who, "--note", note)
    assert added.returncode == 0, added.stderr
    assert cli(vpath, "forget", who).returncode == 0
    key = raw_key(vpath, ADMIN, ADMIN_PW)
    [rows] = sql(vpath, key, "SELECT * FROM requests")
    text = repr(rows)
    assert "Verbruggen" not in text and "12345678" not in text, text


def test_2_missing_audit_triggers_are_reported(vpath: Path) -> None:
    key = raw_key(vpath, ADMIN, ADMIN_PW)
    [triggers] = sql(vpath, key, "SELECT name FROM sqlite_master WHERE type='trigger'")
    assert triggers, "the audit log has no triggers to drop"
    sql(vpath, key, *[f"DROP TRIGGER {name}" for (name,) in triggers])
    verified = cli(vpath, "verify")
    assert verified.returncode == 3, verified.stdout + verified.stderr


@pytest.mark.parametrize("command", [("user", "add", "nieuw"), ("user", "passwd", STAFF)])
def test_6_weak_password_refused_by_user_commands(vpath: Path, command: tuple[str, ...]) -> None:
    done = run_cli(
        *("--db", str(vpath), "--user", ADMIN, "--password-stdin", *command),
        stdin=ADMIN_PW + "\n",
        env=child_env(CONTACTKLUIS_NEW_PASSWORD="wachtwoord2024"),
    )
    assert done.returncode != 0 and done.stderr.strip(), done.stdout


@pytest.fixture
def other_user() -> Iterator[str]:
    """A second account on this machine, as a colleague on the shared office PC."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("useradd"):
        pytest.skip("needs root on POSIX to create a second OS user")
    name = f"ckcollega{os.getpid()}"
    subprocess.run(["useradd", "--no-create-home", name], check=True, capture_output=True)
    yield name
    subprocess.run(["userdel", name], check=False, capture_output=True)


def test_4_second_os_user_cannot_read_the_vault(other_user: str) -> None:
    # A home folder others may traverse, as on many desktops (pytest's own folders are 0700,
    # which would hide the vault's modes); the vault must still be closed to them.
    home = Path(tempfile.mkdtemp(prefix="ck-home-"))
    home.chmod(0o755)
    try:
        _assert_unreadable_by(other_user, init_vault(home)[0])
    finally:
        shutil.rmtree(home)


def _assert_unreadable_by(other_user: str, db: Path) -> None:
    for path in (db, key_path(db)):
        done = subprocess.run(
            ["runuser", "-u", other_user, "--", "cat", str(path)], capture_output=True, check=False
        )
        assert done.returncode != 0, f"{other_user} read {path.name}"


@pytest.mark.parametrize("separator", [";", ","])
def test_7_mailing_csv_has_no_formula_after_any_separator(
    session: Session, tmp_path: Path, separator: str
) -> None:
    cid = add_person(
        session, f"Piet{separator}=1+1", f"Puk{separator}@SUM(A1)", email="p@voorbeeld.nl"
    )
    give(session, cid)
    out = tmp_path / "lijst.csv"
    mailing.export_mailing(session, "nieuwsbrief", out)
    for reader_sep in (";", ","):
        with open(out, encoding="utf-8", newline="") as fh:
            cells = [cell for row in csv.reader(fh, delimiter=reader_sep) for cell in row]
        live = [c for c in cells if c.lstrip()[:1] in ("=", "+", "-", "@")]
        assert not live, (reader_sep, live)
