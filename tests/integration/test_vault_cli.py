"""The vault through `python -m contactkluis`, as an administrator would type it.

Every failure must be ONE line on stderr, no traceback, Dutch by default and English
with --lang en, and a non-zero exit code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from contactkluis.services import accounts
from contactkluis.services.session import Session
from contactkluis.vault import throttle
from contactkluis.vault.keyfile import KeyFile, key_path
from tests.support.cli import CliRun
from tests.support.vaults import (
    ADMIN,
    ADMIN_PW,
    STAFF,
    STAFF_PW,
    Template,
    child_env,
    run_cli,
    run_cli_process,
    snapshot,
)

RECOVERY_LINE = re.compile(r"^\s+([0-9A-Z]{4}-){7}[0-9A-Z]{4}$", re.MULTILINE)


def cli(
    db: Path, *args: str, user: str = ADMIN, stdin: str = ADMIN_PW, lang: str | None = None
) -> CliRun:
    head = ["--db", str(db), "--user", user, "--password-stdin"]
    if lang:
        head += ["--lang", lang]
    return run_cli(*head, *args, stdin=stdin + "\n")


def assert_one_line_error(done: CliRun | subprocess.CompletedProcess[str], *expected: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    for text in expected:
        assert text in lines[0]
    return lines[0]


def test_init_prints_the_recovery_key_once_and_the_vault_verifies(tmp_path: Path) -> None:
    db = tmp_path / "nieuw" / "kluis.ckdb"
    done = run_cli(
        "--db",
        str(db),
        "--password-stdin",
        "init",
        "--admin",
        ADMIN,
        "--institution",
        "Theater De Proef",
        stdin=ADMIN_PW + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "HERSTELSLEUTEL" in done.stdout
    assert len(RECOVERY_LINE.findall(done.stdout)) == 1
    # Calibrated parameters, never below the floor.
    slot = KeyFile.load(key_path(db)).slots[0]
    assert slot.kdf.memory_kib >= 64 * 1024 and slot.kdf.time_cost >= 3

    done = cli(db, "verify")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK:")

    again = run_cli(
        "--db", str(db), "--password-stdin", "init", "--admin", ADMIN, stdin=ADMIN_PW + "\n"
    )
    assert_one_line_error(again, "Er staat al een kluis", "kluis.ckdb")


def test_a_wrong_password_is_one_line_and_changes_nothing(vpath: Path) -> None:
    before = snapshot(vpath.parent)
    line = assert_one_line_error(
        cli(vpath, "verify", stdin="fout fout fout fout"), "Onjuist wachtwoord", "1 seconde "
    )
    assert "fout" not in line
    assert snapshot(vpath.parent) == before


def test_a_throttled_attempt_is_one_line_in_dutch_or_english(
    vpath: Path, template: Template
) -> None:
    # Six earlier failures: a 32-second wait, long enough for any process start.
    for _ in range(6):
        throttle.record_failure(template.vault_id)
    assert_one_line_error(cli(vpath, "verify"), "Te veel mislukte pogingen")
    assert_one_line_error(cli(vpath, "verify", lang="en"), "Too many failed attempts")


def test_an_english_wrong_password(vpath: Path) -> None:
    assert_one_line_error(
        cli(vpath, "verify", stdin="fout fout fout fout", lang="en"),
        "Wrong password or unknown account",
    )


@pytest.mark.parametrize(
    "lang, text", [(None, "is geen Contactkluis-kluis"), ("en", "is not a Contactkluis vault")]
)
def test_a_file_that_is_not_a_vault(tmp_path: Path, lang: str | None, text: str) -> None:
    fake = tmp_path / "ledenlijst.ckdb"
    fake.write_bytes(os.urandom(8192))
    before = snapshot(tmp_path)
    assert_one_line_error(cli(fake, "verify", lang=lang), text, "ledenlijst.ckdb")
    assert snapshot(tmp_path) == before


def test_backup_and_restore_with_a_password_and_with_the_recovery_key(
    vpath: Path, tmp_path: Path, template: Template
) -> None:
    bak = tmp_path / "backups" / "maandag.ckbak"
    done = cli(vpath, "backup", "--out", str(bak))
    assert done.returncode == 0, done.stderr
    assert bak.exists()

    with_pw = tmp_path / "terug1" / "kluis.ckdb"
    done = cli(with_pw, "restore", str(bak), user=STAFF, stdin=STAFF_PW)
    assert done.returncode == 0, done.stderr
    session = accounts.unlock(with_pw, STAFF, STAFF_PW)
    try:
        assert session.repo().count() == len(template.contact_ids)
        assert session.vault.verify() == []
    finally:
        session.vault.close()

    with_key = tmp_path / "terug2" / "kluis.ckdb"
    done = run_cli(
        "restore", str(bak), "--to", str(with_key), "--recovery-key", template.recovery_key.lower()
    )
    assert done.returncode == 0, done.stderr
    session = accounts.unlock_with_recovery(with_key, template.recovery_key)
    try:
        assert session.repo().count() == len(template.contact_ids)
    finally:
        session.vault.close()

    before = snapshot(with_pw.parent)
    assert_one_line_error(cli(with_pw, "restore", str(bak)), "bestaat al")
    assert snapshot(with_pw.parent) == before

    wrong = tmp_path / "terug3"
    assert_one_line_error(
        cli(wrong / "k.ckdb", "restore", str(bak), stdin="geen goed wachtwoord"),
        "Onjuist wachtwoord",
    )
    assert not wrong.exists() or list(wrong.iterdir()) == []


def test_rotate_key_and_a_forgotten_password_through_the_cli(
    vpath: Path, template: Template
) -> None:
    old = KeyFile.load(key_path(vpath)).generation
    done = cli(vpath, "rotate-key")
    assert done.returncode == 0, done.stderr
    assert KeyFile.load(key_path(vpath)).generation == old + 1
    assert cli(vpath, "verify", user=STAFF, stdin=STAFF_PW).returncode == 0

    new_pw = "oranje ballon boven het dak"
    done = cli(
        vpath, "user", "passwd", ADMIN, "--recovery-key", template.recovery_key, stdin=new_pw
    )
    assert done.returncode == 0, done.stderr
    assert cli(vpath, "verify", stdin=new_pw).returncode == 0


def test_staff_are_refused_admin_commands_in_one_line(vpath: Path) -> None:
    # Every unlock moves the audit head kept in the key file; the slots must stay as they were.
    before = KeyFile.load(key_path(vpath))
    assert_one_line_error(
        cli(vpath, "rotate-key", user=STAFF, stdin=STAFF_PW),
        "Uw rol (medewerker) mag dit niet",
        "de sleutel vervangen",
    )
    after = KeyFile.load(key_path(vpath))
    assert after.generation == before.generation
    assert [s.to_json() for s in after.slots] == [s.to_json() for s in before.slots]


def test_a_second_instance_through_the_cli(vpath: Path) -> None:
    # Two programs: the CLI in a process of its own while this one holds the vault.
    head = ("--db", str(vpath), "--user", STAFF, "--password-stdin", "verify")
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        assert_one_line_error(
            run_cli_process(*head, stdin=STAFF_PW + "\n"),
            f"De kluis is in gebruik door {ADMIN} op",
        )
        done = run_cli_process(*head, "--read-only", stdin=STAFF_PW + "\n")
        assert done.returncode == 0, done.stderr
    finally:
        session.vault.close()


def test_restore_on_a_new_computer_is_remembered_for_the_next_start(
    session: Session, tmp_path: Path
) -> None:
    """A restore without --db lands in the default place and the program finds it again."""
    made = accounts.backup(session, tmp_path / "b.ckbak")
    session.vault.close()
    env = child_env(
        CONTACTKLUIS_HOME=str(tmp_path / "nieuw"),
        CONTACTKLUIS_CONFIG_DIR=str(tmp_path / "cfg"),
        CONTACTKLUIS_STATE_DIR=str(tmp_path / "state"),
        CONTACTKLUIS_PASSWORD=ADMIN_PW,
    )
    env.pop("CONTACTKLUIS_DB", None)
    done = run_cli("--user", ADMIN, "restore", str(made), env=env)
    assert done.returncode == 0, done.stderr
    remembered = json.loads((tmp_path / "cfg" / "settings.json").read_text("utf-8"))["vault_path"]
    assert Path(remembered).exists() and Path(remembered).parent == tmp_path / "nieuw"
    again = run_cli("--user", ADMIN, "verify", env=env)
    assert again.returncode == 0, again.stderr
