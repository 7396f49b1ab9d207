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
