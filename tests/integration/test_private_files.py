"""Owner-only files even without the program's umask: a library caller with umask 022 and a
vault written by an older version end up 0600/0700 all the same (issue 13.4)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from contactkluis.config import config_file, save_config
from contactkluis.services import accounts, mailing
from contactkluis.vault import throttle
from contactkluis.vault.keyfile import key_path
from contactkluis.vault.lock import lock_path
from tests.conftest import FAST_KDF
from tests.support.people import add_person, give
from tests.support.vaults import ADMIN, ADMIN_PW, Template, vault_template

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return vault_template(tmp_path_factory.mktemp("tpl"))


@pytest.fixture
def lax_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _open_to_others(*paths: Path) -> list[str]:
    return [f"{p.name} {oct(p.stat().st_mode)}" for p in paths if p.stat().st_mode & 0o077]


def test_an_old_vault_is_closed_to_others_at_unlock(
    template: Template, tmp_path: Path, lax_umask: None
) -> None:
    vault = template.copy_to(tmp_path)
    for path in (vault, key_path(vault)):
        path.chmod(0o644)
    session = accounts.unlock(vault, ADMIN, ADMIN_PW)
    try:
        wal = vault.with_name(vault.name + "-wal")
        shm = vault.with_name(vault.name + "-shm")
        assert wal.exists() and shm.exists()
        assert not _open_to_others(vault, key_path(vault), lock_path(vault), wal, shm)
        cid = add_person(session, "Anke", "Verbruggen", email="anke@voorbeeld.nl")
        give(session, cid)
        out = tmp_path / "lijst.csv"
        mailing.export_mailing(session, "nieuwsbrief", out)
        backup = accounts.backup(session, tmp_path / "nieuw" / "map" / "b.ckbak")
        assert not _open_to_others(out, backup, backup.parent, backup.parent.parent)
    finally:
        session.vault.close()


def test_state_and_settings_are_closed_to_others(tmp_path: Path, lax_umask: None) -> None:
    throttle.record_failure("een-kluis")
    save_config({"language": "nl"})
    state = throttle.state_file()
    assert not _open_to_others(state, state.parent, config_file(), config_file().parent)


def test_a_folder_that_was_there_is_left_alone(
    template: Template, tmp_path: Path, lax_umask: None
) -> None:
    shared = tmp_path / "Documenten"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    session, _ = accounts.create_vault(
        shared / "kluis.ckdb", "Museum Proef", ADMIN, ADMIN_PW, kdf=FAST_KDF
    )
    session.vault.close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert not _open_to_others(shared / "kluis.ckdb", key_path(shared / "kluis.ckdb"))
