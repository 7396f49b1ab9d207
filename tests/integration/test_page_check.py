"""Issue 17: the app proves the key with the first pages and checks the whole file after its
window is up. A damaged file still opens quickly then, but is found, and refuses writes; a
CLI run and a migration keep the whole check before anything is changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.vault.vault import Vault
from tests.conftest import ADMIN, ADMIN_PW
from tests.support.damage import damage_unread_page
from tests.support.insider import raw_key


@pytest.fixture
def damaged(session: accounts.Session, vault_path: Path) -> Path:
    session.vault.close()
    damage_unread_page(vault_path, raw_key(vault_path, ADMIN, ADMIN_PW))
    return vault_path


def test_a_damaged_vault_opened_by_the_app_is_found_and_refuses_writes(damaged: Path) -> None:
    session = accounts.unlock(damaged, ADMIN, ADMIN_PW, check_pages=False)
    try:
        assert session.conn.execute("SELECT count(*) FROM contacts").fetchone() == (0,)
        assert session.vault.check_all_pages() is False
        assert session.vault.damaged
        with pytest.raises(UserError) as refused, session.write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        assert refused.value.code == "damaged_no_writes"
        assert "beschadigd" in refused.value.message("nl")
        assert session.vault.meta("x") is None
    finally:
        session.vault.close()


def test_the_cli_way_still_refuses_a_damaged_vault_before_opening(damaged: Path) -> None:
    with pytest.raises(UserError) as refused:
        accounts.unlock(damaged, ADMIN, ADMIN_PW)
    assert refused.value.code == "damaged"


def test_an_intact_vault_passes_the_later_check_and_stays_writable(
    session: accounts.Session, vault_path: Path
) -> None:
    session.vault.close()
    later = accounts.unlock(vault_path, ADMIN, ADMIN_PW, check_pages=False)
    try:
        assert not later.vault.pages_checked
        assert later.vault.check_all_pages() is True
        with later.write() as conn:
            later.vault.set_meta(conn, "x", "y")
        assert later.vault.meta("x") == "y"
    finally:
        later.vault.close()


@pytest.mark.parametrize("read_only", [False, True], ids=["rw", "ro"])
def test_the_quick_key_proof_refuses_a_foreign_file_and_leaves_it_untouched(
    session: accounts.Session, vault_path: Path, read_only: bool
) -> None:
    session.vault.close()
    vault_path.write_bytes(bytes(range(256)) * 64)
    for p in vault_path.parent.glob("*-wal"), vault_path.parent.glob("*-shm"):
        for f in p:
            f.unlink()
    before = vault_path.read_bytes()
    names = sorted(p.name for p in vault_path.parent.iterdir())
    with pytest.raises(UserError) as refused:
        Vault.open(vault_path, ADMIN, ADMIN_PW, read_only=read_only, check_pages=False)
    assert refused.value.code == "damaged"
    assert vault_path.read_bytes() == before
    assert sorted(p.name for p in vault_path.parent.iterdir()) == names


def test_a_wrong_password_is_refused_by_the_quick_way_too(
    session: accounts.Session, vault_path: Path
) -> None:
    session.vault.close()
    with pytest.raises(UserError) as refused:
        accounts.unlock(vault_path, ADMIN, "niet het wachtwoord", check_pages=False)
    assert refused.value.code == "wrong_password"
