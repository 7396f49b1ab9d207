"""Pulling the plug: a child process writes (or rotates the key) and is SIGKILLed at a random
moment, over and over. After every kill the vault must open with the password, pass
verify(), and hold either the old or the new state, never half of one.

The random delay before each kill is the point of the test (a kill can land anywhere in a
transaction); the assertions never depend on how long anything took.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.services.session import Session
from tests.support.vaults import (
    ADMIN,
    ADMIN_PW,
    STAFF,
    STAFF_PW,
    Template,
    child_env,
    vault_template,
)

pytestmark = pytest.mark.slow

_WRITER = """
import sys
from contactkluis.domain.contact import Contact, PersonName
from contactkluis.errors import UserError
from contactkluis.services import accounts
session = accounts.unlock(sys.argv[1], sys.argv[2], sys.argv[3])
n = int(session.vault.meta("crash_counter", "0"))
print("READY", flush=True)
while True:
    n += 1
    with session.write() as conn:
        cid = session.repo(conn).insert(Contact(name=PersonName(first="Proef", last=f"Nr{n}")))
        session.vault.set_meta(conn, "crash_counter", str(n))
        session.audit(conn, "crash.write", f"contact:{cid}", n=n)
    print(n, flush=True)
"""

_ROTATOR = """
import sys
from contactkluis.errors import UserError
from contactkluis.services import accounts
session = accounts.unlock(sys.argv[1], sys.argv[2], sys.argv[3])
print("READY", flush=True)
while True:
    accounts.rotate_key(session)
    print(session.vault.keyfile.generation, flush=True)
"""


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return vault_template(tmp_path_factory.mktemp("tpl"))


def run_and_kill(script: str, path: Path, delay: float) -> list[str]:
    """Start the child, let it work for `delay` seconds once unlocked, SIGKILL it."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(path), ADMIN, ADMIN_PW],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert child.stdout is not None
    try:
        first = child.stdout.readline().strip()
        assert first == "READY", child.stderr.read() if child.stderr else first
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=delay)
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
    out, err = child.communicate()
    assert child.returncode == -signal.SIGKILL, err
    return out.split()


def test_killed_writes_leave_the_old_or_the_new_state(template: Template, tmp_path: Path) -> None:
    path = template.copy_to(tmp_path / "vault")
    base = len(template.contact_ids)
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acknowledged = 0
    for _round in range(12):
        printed = run_and_kill(_WRITER, path, rng.uniform(0.02, 0.5))
        if printed:
            acknowledged = max(acknowledged, int(printed[-1]))
        session = accounts.unlock(path, ADMIN, ADMIN_PW)
        try:
            assert session.vault.stale_lock is not None
            assert session.vault.verify() == []
            counter = int(session.vault.meta("crash_counter", "0") or 0)
            assert session.repo().count() == base + counter
            # What the child reported as committed survived the kill.
            assert counter >= acknowledged
            last = session.conn.execute(
                "SELECT last_name FROM contacts ORDER BY id DESC LIMIT 1"
            ).fetchone()[0]
            assert last == (f"Nr{counter}" if counter else "Oosterhuis")
            acknowledged = counter
        finally:
            session.vault.close()
    assert acknowledged > 0, "the child never got to write: the test proved nothing"


def test_a_killed_key_rotation_never_locks_anyone_out(template: Template, tmp_path: Path) -> None:
    path = template.copy_to(tmp_path / "vault")
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    rotations = 0
    for _round in range(6):
        printed = run_and_kill(_ROTATOR, path, rng.uniform(0.02, 0.6))
        rotations += len(printed)
        session = accounts.unlock(path, ADMIN, ADMIN_PW)
        try:
            assert session.vault.verify() == []
            assert session.repo().count() == len(template.contact_ids)
        finally:
            session.vault.close()
    assert rotations > 0, "the child never finished a rotation: the test proved nothing"
    openers: list[Callable[[], Session]] = [
        lambda: accounts.unlock(path, STAFF, STAFF_PW),
        lambda: accounts.unlock_with_recovery(path, template.recovery_key),
    ]
    for opener in openers:
        session = opener()
        try:
            assert session.repo().count() == len(template.contact_ids)
        finally:
            session.vault.close()


# Between a role's key-file step and its database step: the child kills itself right there.
_ROLE_CUT = """
import os, signal, sys
from contactkluis.errors import UserError
from contactkluis.services import accounts
session = accounts.unlock(sys.argv[1], sys.argv[2], sys.argv[3])
vault = session.vault
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if sys.argv[4] == "role":
    vault._apply_pending_role = killed
    accounts.set_role(session, sys.argv[5], sys.argv[6])
else:
    cut = vault.set_password_slot
    def slot_then_killed(*args, **kwargs):
        cut(*args, **kwargs)
        killed()
    vault.set_password_slot = slot_then_killed
    accounts.add_account(session, sys.argv[5], sys.argv[6], "een lang wachtwoord voor nieuw")
"""

_ROLE_TOGGLER = """
import sys
from contactkluis.errors import UserError
from contactkluis.services import accounts
session = accounts.unlock(sys.argv[1], sys.argv[2], sys.argv[3])
print("READY", flush=True)
n = 0
while True:
    n += 1
    accounts.set_role(session, sys.argv[4], "beheerder" if n % 2 else "medewerker")
    print(n, flush=True)
"""


def _cut(path: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _ROLE_CUT, str(path), ADMIN, ADMIN_PW, *args],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


def _role_of(session: Session, name: str) -> str:
    return next(a.role for a in accounts.list_accounts(session) if a.name == name)


@pytest.mark.parametrize("role", ["beheerder", "medewerker"])
def test_a_role_change_killed_between_key_file_and_database_is_finished(
    template: Template, tmp_path: Path, role: str
) -> None:
    path = template.copy_to(tmp_path / "vault")
    if role == "medewerker":  # a demotion: the signing key is replaced in the cut step
        session = accounts.unlock(path, ADMIN, ADMIN_PW)
        accounts.set_role(session, STAFF, "beheerder")
        session.vault.close()
    _cut(path, "role", STAFF, role)
    # The insider's own unlock already has the signed role, and no "tampered".
    session = accounts.unlock(path, STAFF, STAFF_PW)
    try:
        assert session.vault.account is not None and session.vault.account.role == role
    finally:
        session.vault.close()
    session = accounts.unlock(path, ADMIN, ADMIN_PW)
    try:
        assert accounts.verify(session) == []
        assert _role_of(session, STAFF) == role
        assert session.vault.keyfile.pending_role is None
    finally:
        session.vault.close()


def test_an_account_added_and_killed_before_its_row_commits_is_dropped(
    template: Template, tmp_path: Path
) -> None:
    path = template.copy_to(tmp_path / "vault")
    _cut(path, "add", "nieuw", "medewerker")
    session = accounts.unlock(path, ADMIN, ADMIN_PW)
    try:
        assert accounts.verify(session) == []
        assert "nieuw" not in {a.name for a in accounts.list_accounts(session)}
    finally:
        session.vault.close()
    with pytest.raises(UserError):
        accounts.unlock(path, "nieuw", "een lang wachtwoord voor nieuw")


def test_killed_role_changes_never_leave_a_role_the_key_file_did_not_sign(
    template: Template, tmp_path: Path
) -> None:
    path = template.copy_to(tmp_path / "vault")
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    changes = 0
    for _round in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", _ROLE_TOGGLER, str(path), ADMIN, ADMIN_PW, STAFF],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        assert child.stdout is not None
        try:
            assert child.stdout.readline().strip() == "READY"
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=rng.uniform(0.02, 0.6))
        finally:
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
            out, _err = child.communicate()
        changes += len(out.split())
        session = accounts.unlock(path, ADMIN, ADMIN_PW)
        try:
            assert accounts.verify(session) == []
        finally:
            session.vault.close()
        session = accounts.unlock(path, STAFF, STAFF_PW)
        session.vault.close()
    assert changes > 0, "the child never finished a role change: the test proved nothing"
