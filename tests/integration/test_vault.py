"""The vault end to end through the services: unlocking, keys, backups, bad files, locks,
migrations and the audit log. Real SQLCipher files, real Argon2id at the RFC 9106 floor."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
import sqlcipher3

from contactkluis.domain.contact import Contact, PersonName
from contactkluis.errors import UserError
from contactkluis.services import accounts, contacts
from contactkluis.services.session import Session
from contactkluis.vault import audit, keys, schema, throttle
from contactkluis.vault import vault as vault_module
from contactkluis.vault.keyfile import KeyFile, key_path
from contactkluis.vault.lock import lock_path, read_info
from tests.support.vaults import (
    ADMIN,
    ADMIN_PW,
    STAFF,
    STAFF_PW,
    Template,
    child_env,
    sidecars,
    snapshot,
)

WRONG_PW = "dit is niet het wachtwoord"
NEW_PW = "groene kikker onder de brug"


def let_time_pass(vault_id: str) -> None:
    """As if the throttle's wait had run out: the count stays, the wait is over."""
    path = throttle.state_file()
    data = json.loads(path.read_text("utf-8"))
    data[vault_id]["not_before"] = 0
    path.write_text(json.dumps(data), "utf-8")


def refused(fn: Callable[[], object]) -> UserError:
    with pytest.raises(UserError) as info:
        fn()
    return info.value


def add_marker_contact(
    session: Session,
    first: str = "Zwaantje",
    last: str = "Ploegmakersma",
    email: str = "zwaantje.ploeg@voorbeeld.invalid",
) -> int:
    return contacts.create_contact(
        session, Contact(name=PersonName(first=first, last=last), emails=[email])
    )


def contact_count(session: Session) -> int:
    return int(session.conn.execute("SELECT count(*) FROM contacts").fetchone()[0])


def slots_by_id(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(key_path(path).read_bytes())
    return {s["id"]: s for s in data["slots"]}


# -- wrong passwords and the throttle -------------------------------------------------------


def test_wrong_password_is_a_clear_message_and_writes_nothing(vpath: Path) -> None:
    before = snapshot(vpath.parent)
    err = refused(lambda: accounts.unlock(vpath, ADMIN, WRONG_PW))
    assert err.code == "wrong_password"
    assert err.message("nl").startswith("Onjuist wachtwoord")
    assert err.message("en").startswith("Wrong password")
    assert snapshot(vpath.parent) == before


def test_an_unknown_account_gets_the_same_answer_as_a_wrong_password(
    vpath: Path, template: Template
) -> None:
    err = refused(lambda: accounts.unlock(vpath, "niemand", ADMIN_PW))
    assert err.code == "wrong_password"
    assert throttle.failures(template.vault_id) == 1


def test_failed_attempts_grow_the_delay_and_early_attempts_cost_no_kdf(
    vpath: Path, template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    derivations = []
    real = keys.derive_kek

    def counting(secret: str, salt: bytes, params: keys.KdfParams) -> bytes:
        derivations.append(1)
        return real(secret, salt, params)

    monkeypatch.setattr(keys, "derive_kek", counting)
    vid = template.vault_id
    files = snapshot(vpath.parent)
    for attempt, expected_delay in enumerate([1, 2, 4], start=1):
        err = refused(lambda: accounts.unlock(vpath, ADMIN, WRONG_PW))
        assert (err.code, err.params["delay"]) == ("wrong_password", expected_delay)
        assert throttle.failures(vid) == attempt
        unit = "seconde" if expected_delay == 1 else "seconden"
        assert f"{expected_delay} {unit} opnieuw" in err.message("nl")

        # Too early: refused before any key derivation, even with the right password.
        spent = len(derivations)
        err = refused(lambda: accounts.unlock(vpath, ADMIN, ADMIN_PW))
        assert err.code == "throttled"
        assert 1 <= err.params["delay"] <= expected_delay
        assert "Te veel mislukte pogingen" in err.message("nl")
        err = refused(lambda: accounts.unlock_with_recovery(vpath, "ABCD-EFGH"))
        assert err.code == "throttled"
        assert len(derivations) == spent
        assert snapshot(vpath.parent) == files
        let_time_pass(vid)

    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        assert throttle.failures(vid) == 0
        failed = [e for e in audit.entries(session.conn) if e["action"] == "login.failed"]
        assert len(failed) == 1 and failed[0]["detail"] == {"attempts": 3}
    finally:
        session.vault.close()


# -- recovery key ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [str.lower, lambda k: k.replace("-", " "), lambda k: "  " + k.replace("-", "").lower() + " "],
    ids=["lower-case", "spaces", "no-separators"],
)
def test_the_recovery_key_opens_however_it_is_typed(
    vpath: Path, template: Template, typed: Callable[[str], str]
) -> None:
    session = accounts.unlock_with_recovery(vpath, typed(template.recovery_key))
    try:
        assert session.role == "beheerder"
        assert [a.name for a in accounts.list_accounts(session)] == [ADMIN, STAFF]
        assert audit.entries(session.conn, limit=1)[0]["action"] == "login.recovery_key"
    finally:
        session.vault.close()


def test_a_wrong_recovery_key_is_refused_and_writes_nothing(vpath: Path) -> None:
    before = snapshot(vpath.parent)
    err = refused(lambda: accounts.unlock_with_recovery(vpath, keys.new_recovery_key()))
    assert err.code == "wrong_recovery_key"
    assert "herstelsleutel" in err.message("nl")
    assert snapshot(vpath.parent) == before


def test_the_recovery_key_lets_a_beheerder_set_a_forgotten_password(
    vpath: Path, template: Template
) -> None:
    session = accounts.unlock_with_recovery(vpath, template.recovery_key)
    accounts.change_password(session, ADMIN, NEW_PW)
    session.vault.close()
    accounts.unlock(vpath, ADMIN, NEW_PW).vault.close()


# -- password change ------------------------------------------------------------------------


def test_a_password_change_rewrites_only_that_slot(vpath: Path, template: Template) -> None:
    before = slots_by_id(vpath)
    session = accounts.unlock(vpath, STAFF, STAFF_PW)
    accounts.change_password(session, STAFF, NEW_PW)
    session.vault.close()

    after = slots_by_id(vpath)
    changed = {sid for sid in before if before[sid] != after.get(sid)}
    assert changed == {keys.account_slot_id(STAFF)}
    assert set(after) == set(before)

    err = refused(lambda: accounts.unlock(vpath, STAFF, STAFF_PW))
    assert err.code == "wrong_password"
    let_time_pass(template.vault_id)
    # The other slots are byte-for-byte the same (above); one of them opens, to be sure.
    for account, password in ((STAFF, NEW_PW), (ADMIN, ADMIN_PW)):
        accounts.unlock(vpath, account, password).vault.close()


def test_staff_may_change_only_their_own_password(vpath: Path) -> None:
    session = accounts.unlock(vpath, STAFF, STAFF_PW)
    try:
        before = key_path(vpath).read_bytes()
        err = refused(lambda: accounts.change_password(session, ADMIN, NEW_PW))
        assert err.code == "forbidden"
        assert key_path(vpath).read_bytes() == before
    finally:
        session.vault.close()


def test_a_weak_new_password_is_refused_and_the_old_one_still_works(vpath: Path) -> None:
    session = accounts.unlock(vpath, STAFF, STAFF_PW)
    try:
        err = refused(lambda: accounts.change_password(session, STAFF, "wachtwoord123"))
        assert err.code == "weak_password"
    finally:
        session.vault.close()
    accounts.unlock(vpath, STAFF, STAFF_PW).vault.close()


# -- key rotation ---------------------------------------------------------------------------


def raw_open(path: Path, data_key: bytes) -> int:
    """Open the database as the stock sqlcipher tool would, with nothing of ours."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        return int(conn.execute("SELECT count(*) FROM contacts").fetchone()[0])
    finally:
        conn.close()


def test_rotation_replaces_the_data_key_and_every_way_in_keeps_working(
    vpath: Path, template: Template
) -> None:
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    cid = add_marker_contact(session)
    old_key = session.vault.data_key_for_tests()
    old_generation = session.vault.keyfile.generation
    accounts.rotate_key(session)
    new_key = session.vault.data_key_for_tests()
    assert audit.entries(session.conn, limit=1)[0]["action"] == "key.rotate"
    session.vault.close()

    assert new_key != old_key
    with pytest.raises(sqlcipher3.DatabaseError):
        raw_open(vpath, old_key)
    assert raw_open(vpath, new_key) == 3

    kf = KeyFile.load(key_path(vpath))
    assert kf.generation == old_generation + 1 and kf.pending is None
    assert all(set(s.sealed) == {kf.generation} for s in kf.slots)

    openers: list[Callable[[], Session]] = [
        lambda: accounts.unlock(vpath, ADMIN, ADMIN_PW),
        lambda: accounts.unlock(vpath, STAFF, STAFF_PW),
        lambda: accounts.unlock_with_recovery(vpath, template.recovery_key),
    ]
    for opener in openers:
        s = opener()
        try:
            assert contacts.get_contact(s, cid).name.last == "Ploegmakersma"
            assert s.vault.verify() == []
        finally:
            s.vault.close()


# -- backup and restore ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def backup_file(template: Template, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """One backup for the restore tests (read only by them)."""
    base = tmp_path_factory.mktemp("backup")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONTACTKLUIS_STATE_DIR", str(base / "state"))
        vpath = template.copy_to(base / "vault")
        session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
        try:
            cid = add_marker_contact(session)
            out = accounts.backup(session, base / "backups" / "kluis")
            assert out.suffix == ".ckbak"
            assert audit.entries(session.conn, limit=1)[0]["action"] == "backup"
        finally:
            session.vault.close()
    return out, cid


def test_restore_with_a_password_gives_back_the_data(
    backup_file: tuple[Path, int], tmp_path: Path
) -> None:
    bak, cid = backup_file
    target = tmp_path / "restored" / "kluis.ckdb"
    accounts.restore(bak, target, account=STAFF, password=STAFF_PW)
    session = accounts.unlock(target, STAFF, STAFF_PW)
    try:
        contact = contacts.get_contact(session, cid)
        assert (contact.name.first, contact.emails) == (
            "Zwaantje",
            ["zwaantje.ploeg@voorbeeld.invalid"],
        )
        assert session.vault.verify() == []
    finally:
        session.vault.close()


def test_restore_with_the_recovery_key(
    backup_file: tuple[Path, int], tmp_path: Path, template: Template
) -> None:
    bak, cid = backup_file
    target = tmp_path / "restored" / "kluis.ckdb"
    accounts.restore(bak, target, recovery_key=template.recovery_key.lower().replace("-", " "))
    session = accounts.unlock_with_recovery(target, template.recovery_key)
    try:
        assert contacts.get_contact(session, cid).name.last == "Ploegmakersma"
    finally:
        session.vault.close()


def test_restore_never_overwrites_an_existing_vault(
    backup_file: tuple[Path, int], vpath: Path
) -> None:
    bak, _ = backup_file
    before = snapshot(vpath.parent)
    err = refused(lambda: accounts.restore(bak, vpath, account=ADMIN, password=ADMIN_PW))
    assert err.code == "target_exists"
    assert snapshot(vpath.parent) == before


@pytest.mark.parametrize("secret", ["password", "recovery"])
def test_restore_with_a_wrong_secret_writes_nothing(
    backup_file: tuple[Path, int], tmp_path: Path, secret: str
) -> None:
    bak, _ = backup_file
    folder = tmp_path / "restored"
    folder.mkdir()
    if secret == "password":
        err = refused(
            lambda: accounts.restore(bak, folder / "k.ckdb", account=ADMIN, password=WRONG_PW)
        )
        assert err.code == "wrong_secret"
    else:
        err = refused(
            lambda: accounts.restore(bak, folder / "k.ckdb", recovery_key=keys.new_recovery_key())
        )
        assert err.code == "wrong_recovery_key"
    assert list(folder.iterdir()) == []


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "nep.ckbak"
    fake.write_bytes(os.urandom(4096))
    err = refused(
        lambda: accounts.restore(fake, tmp_path / "k.ckdb", account=ADMIN, password=ADMIN_PW)
    )
    assert err.code == "bad_backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nep.ckbak"]


# -- files that are not (healthy) vaults ----------------------------------------------------


def _random(path: Path, _tpl: Template) -> None:
    path.write_bytes(os.urandom(16384))


def _plain_sqlite(path: Path, _tpl: Template) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE leden (naam TEXT)")
    conn.execute("INSERT INTO leden VALUES ('iemand')")
    conn.commit()
    conn.close()


def _empty(path: Path, _tpl: Template) -> None:
    path.write_bytes(b"")


def _keys_missing(path: Path, tpl: Template) -> None:
    tpl.copy_to(path.parent, path.name)
    key_path(path).unlink()


def _keys_garbage(path: Path, tpl: Template) -> None:
    tpl.copy_to(path.parent, path.name)
    key_path(path).write_bytes(os.urandom(300))


def _random_with_real_keys(path: Path, tpl: Template) -> None:
    tpl.copy_to(path.parent, path.name)
    path.write_bytes(os.urandom(16384))


def _plain_sqlite_with_real_keys(path: Path, tpl: Template) -> None:
    tpl.copy_to(path.parent, path.name)
    path.unlink()
    _plain_sqlite(path, tpl)


@pytest.mark.parametrize(
    "make, code",
    [
        (_random, "not_a_vault"),
        (_plain_sqlite, "not_a_vault"),
        (_empty, "not_a_vault"),
        (_keys_missing, "not_a_vault"),
        (_keys_garbage, "not_a_vault"),
        (_random_with_real_keys, "damaged"),
        (_plain_sqlite_with_real_keys, "damaged"),
    ],
    ids=[
        "random-bytes",
        "plain-sqlite",
        "empty",
        "keys-missing",
        "keys-garbage",
        "random-bytes-with-keys",
        "plain-sqlite-with-keys",
    ],
)
@pytest.mark.parametrize("read_only", [False, True], ids=["rw", "ro"])
def test_a_file_that_is_not_a_vault_is_reported_and_left_untouched(
    tmp_path: Path,
    template: Template,
    make: Callable[[Path, Template], None],
    code: str,
    read_only: bool,
) -> None:
    path = tmp_path / "lijst.ckdb"
    make(path, template)
    before = snapshot(tmp_path)
    err = refused(lambda: accounts.unlock(path, ADMIN, ADMIN_PW, read_only=read_only))
    assert err.code == code
    assert "lijst.ckdb" in err.message("nl") and "niet gewijzigd" in err.message("nl")
    assert snapshot(tmp_path) == before
    assert sidecars(path) == []


def test_a_missing_vault_says_how_to_make_one(tmp_path: Path) -> None:
    err = refused(lambda: accounts.unlock(tmp_path / "nergens.ckdb", ADMIN, ADMIN_PW))
    assert err.code == "no_vault" and "contactkluis init" in err.message("nl")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", [0.5, 0.9])
def test_a_damaged_vault_is_reported_and_left_untouched(vpath: Path, where: float) -> None:
    data = bytearray(vpath.read_bytes())
    middle = int(len(data) * where)
    for i in range(middle, middle + 32):
        data[i] ^= 0x5A
    vpath.write_bytes(bytes(data))
    before = snapshot(vpath.parent)
    for ro in (False, True):
        err = refused(partial(accounts.unlock, vpath, ADMIN, ADMIN_PW, read_only=ro))
        assert err.code == "damaged"
        assert "beschadigd" in err.message("nl") and "back-up" in err.message("nl")
    assert snapshot(vpath.parent) == before
    assert sidecars(vpath) == []


# -- one instance at a time -----------------------------------------------------------------

_SECOND_OPEN = """
import sys
from contactkluis.errors import UserError
from contactkluis.services import accounts
path, user, pw = sys.argv[1:4]
try:
    accounts.unlock(path, user, pw)
    print("OPENED")
except UserError as err:
    print(err.code, err.message("nl"), sep="|")
s = accounts.unlock(path, user, pw, read_only=True)
print("RO", s.conn.execute("SELECT count(*) FROM contacts").fetchone()[0], s.vault.read_only)
s.vault.close()
"""


def test_a_second_instance_is_told_who_has_the_vault_and_may_read(vpath: Path) -> None:
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        add_marker_contact(session)
        done = subprocess.run(
            [sys.executable, "-c", _SECOND_OPEN, str(vpath), STAFF, STAFF_PW],
            capture_output=True,
            text=True,
            env=child_env(),
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        first, second = done.stdout.splitlines()
        code, message = first.split("|")
        assert code == "in_use"
        assert message.startswith(
            f"De kluis is in gebruik door {ADMIN} op {socket.gethostname()} sinds "
        )
        assert re.search(r"sinds \d\d-\d\d-\d{4}, \d\d:\d\d\.$", message), message
        assert second == "RO 3 True"
        # The first instance keeps working.
        add_marker_contact(session, first="Tweede")
        assert contact_count(session) == 4
    finally:
        session.vault.close()


_HOLD_OPEN = """
import sys, time
from contactkluis.services import accounts
s = accounts.unlock(sys.argv[1], sys.argv[2], sys.argv[3])
print("OPEN", flush=True)
time.sleep(120)
"""


def test_a_lock_left_by_a_killed_process_is_detected_and_taken_over(vpath: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(vpath), STAFF, STAFF_PW],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "OPEN"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    left = read_info(lock_path(vpath))
    assert left is not None and left.pid == child.pid

    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        stale = session.vault.stale_lock
        assert stale is not None and (stale.account, stale.pid) == (STAFF, child.pid)
        now = read_info(lock_path(vpath))
        assert now is not None and (now.account, now.pid) == (ADMIN, os.getpid())
        assert session.vault.verify() == []
    finally:
        session.vault.close()
    # A clean close leaves nothing stale behind.
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    assert session.vault.stale_lock is None
    session.vault.close()


# -- schema migrations ----------------------------------------------------------------------

_PROBE_MIGRATION = "CREATE TABLE migration_probe (id INTEGER PRIMARY KEY, note TEXT);"


def test_a_migration_backs_the_vault_up_first(
    vpath: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_module, "MIGRATIONS", [*schema.MIGRATIONS, _PROBE_MIGRATION])
    monkeypatch.setattr(vault_module, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    old = schema.SCHEMA_VERSION
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        assert session.vault.meta("schema_version") == str(old + 1)
        session.conn.execute("SELECT count(*) FROM migration_probe").fetchone()
        entry = next(e for e in audit.entries(session.conn) if e["action"] == "schema.migrate")
        assert entry["detail"] == {"old": old, "new": old + 1}
        assert session.vault.verify() == []
    finally:
        session.vault.close()

    backups = sorted(vpath.parent.glob("*.ckbak"))
    assert len(backups) == 1 and f".v{old}-" in backups[0].name
    monkeypatch.undo()
    target = tmp_path / "from-backup" / "kluis.ckdb"
    accounts.restore(backups[0], target, account=ADMIN, password=ADMIN_PW)
    restored = accounts.unlock(target, ADMIN, ADMIN_PW)
    try:
        assert restored.vault.meta("schema_version") == str(old)
        assert restored.vault.verify() == []
    finally:
        restored.vault.close()


def test_a_vault_from_a_newer_program_is_refused(vpath: Path) -> None:
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    with session.write() as conn:
        session.vault.set_meta(conn, "schema_version", str(schema.SCHEMA_VERSION + 5))
    session.vault.close()
    err = refused(lambda: accounts.unlock(vpath, ADMIN, ADMIN_PW))
    assert err.code == "newer_schema" and "nieuwere versie" in err.message("nl")
    # Refusing does not leave the vault locked.
    assert refused(lambda: accounts.unlock(vpath, ADMIN, ADMIN_PW)).code == "newer_schema"


# -- audit log ------------------------------------------------------------------------------


def test_every_security_event_is_logged_without_personal_data(
    vpath: Path, tmp_path: Path, template: Template
) -> None:
    refused(lambda: accounts.unlock(vpath, ADMIN, WRONG_PW))
    let_time_pass(template.vault_id)
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        marker_first, marker_last = "Quirijntje", "Zonnebloemstraatsma"
        marker_mail = "quirijntje.zonnebloem@markering.invalid"
        add_marker_contact(session, marker_first, marker_last, marker_mail)
        accounts.add_account(session, "tweede", "medewerker", "rode tractor in het veld")
        accounts.change_password(session, "tweede", "gele tractor in het veld")
        accounts.set_role(session, "tweede", "beheerder")
        accounts.remove_account(session, "tweede")
        accounts.backup(session, tmp_path / "b.ckbak")
        accounts.rotate_key(session)
        accounts.new_recovery_key(session)

        actions = [e["action"] for e in reversed(audit.entries(session.conn))]
        for expected in (
            "vault.create",
            "account.add",
            "login.failed",
            "login",
            "contact.create",
            "account.password",
            "account.role",
            "account.remove",
            "backup",
            "key.rotate",
            "recovery_key.replace",
        ):
            assert expected in actions
        assert actions.index("login.failed") < actions.index("login", 2)

        rows = session.conn.execute("SELECT * FROM audit").fetchall()
        text = "\n".join(repr(r) for r in rows).casefold()
        for secret in (marker_first, marker_last, marker_mail, "zonnebloem", ADMIN_PW):
            assert secret.casefold() not in text
        assert session.vault.verify() == []
    finally:
        session.vault.close()


def _attacker(session: Session) -> None:
    """Someone with the data key drops the guard triggers, as raw SQL allows."""
    session.conn.execute("DROP TRIGGER audit_no_update")
    session.conn.execute("DROP TRIGGER audit_no_delete")


@pytest.fixture
def busy_session(vpath: Path) -> Iterator[Session]:
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    for n in range(3):
        add_marker_contact(session, first=f"Persoon{n}")
    assert session.vault.verify() == []
    yield session
    session.vault.close()


def test_the_audit_log_refuses_update_and_delete(busy_session: Session) -> None:
    with pytest.raises(sqlcipher3.DatabaseError):
        busy_session.conn.execute("UPDATE audit SET account = 'ander' WHERE id = 2")
    with pytest.raises(sqlcipher3.DatabaseError):
        busy_session.conn.execute("DELETE FROM audit WHERE id = 2")
    assert busy_session.vault.verify() == []


def test_verify_detects_an_edited_entry(busy_session: Session) -> None:
    _attacker(busy_session)
    busy_session.conn.execute("UPDATE audit SET account = 'ander' WHERE id = 2")
    problems = busy_session.vault.verify()
    assert "audit: entry 2 was changed" in problems


def test_verify_detects_a_deleted_entry(busy_session: Session) -> None:
    _attacker(busy_session)
    busy_session.conn.execute("DELETE FROM audit WHERE id = 3")
    problems = busy_session.vault.verify()
    assert any("entry 3 is missing" in p for p in problems)


def test_verify_detects_a_cut_off_tail(busy_session: Session) -> None:
    _attacker(busy_session)
    last = busy_session.conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    busy_session.conn.execute("DELETE FROM audit WHERE id >= ?", (last - 1,))
    problems = busy_session.vault.verify()
    assert "audit: the log was cut short (its head does not match)" in problems
    # The dropped guards are reported too. (The key file's head, written at most once a
    # second in a live session, is tested across processes in test_insider_attacks.py.)
    assert sum("trigger" in p for p in problems) == 2
