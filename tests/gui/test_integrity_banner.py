"""Issue 13: tampering found by the cheap checks is shown to a beheerder at unlock, in Dutch,
without anyone having to run `verify`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.ui.context import AppContext
from contactkluis.ui.integrity_banner import IntegrityBanner
from contactkluis.ui.main_window import MainWindow
from contactkluis.vault import keys
from contactkluis.vault.keyfile import KeyFile, key_path
from tests.conftest import ADMIN, ADMIN_PW, STAFF, STAFF_PW
from tests.support.damage import damage_unread_page
from tests.support.insider import raw_key, sql


@pytest.fixture
def staffed(session: accounts.Session, vault_path: Path) -> Path:
    accounts.add_account(session, STAFF, "medewerker", STAFF_PW)
    session.vault.close()
    return vault_path


@pytest.fixture
def unlocked_by(qtbot, qapp, staffed: Path) -> Iterator:
    contexts: list[AppContext] = []

    def unlock(account: str, password: str) -> MainWindow:
        for earlier in contexts:  # one session at a time holds the vault
            earlier.tasks.wait()
            earlier.close_session()
        ctx = AppContext(staffed)
        contexts.append(ctx)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.unlock_screen.account.setText(account)
        win.unlock_screen.password.setText(password)
        qtbot.mouseClick(win.unlock_screen.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ctx.session is not None, timeout=30000)
        return win

    yield unlock
    for ctx in contexts:
        ctx.tasks.wait()
        ctx.close_session()


def test_a_beheerder_is_warned_at_unlock_of_a_raised_role_and_an_unprotected_log(
    unlocked_by, staffed: Path, tmp_path: Path
) -> None:
    key = raw_key(staffed, STAFF, STAFF_PW)
    sql(
        staffed,
        key,
        f"UPDATE accounts SET role='beheerder' WHERE name='{STAFF}'",
        "DROP TRIGGER audit_no_delete",
    )
    win = unlocked_by(ADMIN, ADMIN_PW)
    banner = win.integrity_banner
    assert banner.isVisible()
    assert banner.title.text() == "Let op: deze kluis is buiten Contactkluis om gewijzigd"
    text = banner.text.text()
    assert "Sleutels of rollen van deze kluis zijn buiten Contactkluis om gewijzigd" in text
    assert "Het logboek is ingekort, herschreven of niet meer beschermd" in text
    assert f"'{STAFF}' has role 'beheerder' but was signed as 'medewerker'" in text
    assert "audit_no_delete" in text
    shot = tmp_path / "integriteit.png"
    assert win.grab().save(str(shot)) and shot.stat().st_size > 0


def test_a_cut_log_with_the_key_files_head_is_shown(unlocked_by, staffed: Path) -> None:
    key = raw_key(staffed, STAFF, STAFF_PW)
    head = KeyFile.load(key_path(staffed)).audit_head
    assert head is not None
    sql(staffed, key, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit WHERE id >= {head[0]}")
    win = unlocked_by(ADMIN, ADMIN_PW)
    assert win.integrity_banner.isVisible()
    assert f"entry {head[0]}, the last one the key file knows" in win.integrity_banner.text.text()


def test_no_banner_on_an_intact_vault_nor_for_a_medewerker(unlocked_by, staffed: Path) -> None:
    assert not unlocked_by(ADMIN, ADMIN_PW).integrity_banner.isVisible()
    sql(staffed, raw_key(staffed, STAFF, STAFF_PW), "DROP TRIGGER audit_no_delete")
    assert not unlocked_by(STAFF, STAFF_PW).integrity_banner.isVisible()


def test_an_unsigned_vault_is_said_so(qtbot, staffed: Path) -> None:
    """A vault from before signing, opened read-only by a beheerder (who cannot sign it)."""
    kf = KeyFile.load(key_path(staffed))
    for name, password in ((ADMIN, ADMIN_PW), (STAFF, STAFF_PW)):
        slot = kf.slot(keys.account_slot_id(name))
        assert slot is not None
        private = keys.unwrap_private(slot, kf.vault_id, password)
        keys.rewrap_private(slot, kf.vault_id, private, password)  # no pin, as before signing
    for slot in kf.slots:
        slot.role, slot.audit_key, slot.signature, slot.seeds = None, b"", None, {}
    kf.authority, kf.signers, kf.audit_head = None, [], None
    kf.save(key_path(staffed))
    session = accounts.unlock(staffed, ADMIN, ADMIN_PW, read_only=True)
    try:
        warnings = accounts.unlock_warnings(session)
    finally:
        session.vault.close()
    assert [w.kind for w in warnings] == ["unsigned"]
    banner = IntegrityBanner()
    qtbot.addWidget(banner)
    banner.show_warnings(warnings)
    assert banner.isVisible()
    assert banner.title.text() == "Let op: deze kluis is nog niet ondertekend"
    assert "Open de kluis als beheerder (niet alleen-lezen)" in banner.text.text()


def test_a_damaged_page_found_after_unlock_is_shown_to_everyone_and_refuses_writes(
    qtbot, unlocked_by, staffed: Path
) -> None:
    """Issue 17: the window opens without reading the whole file; the page check that runs
    after it finds the damage, says so, and from then on nothing is written over it."""
    damage_unread_page(staffed, raw_key(staffed, STAFF, STAFF_PW))
    win = unlocked_by(STAFF, STAFF_PW)
    banner = win.integrity_banner
    qtbot.waitUntil(banner.isVisible, timeout=30000)
    assert banner.title.text() == "Let op: deze kluis is beschadigd"
    assert "Wijzigen kan niet meer" in banner.text.text()
    with pytest.raises(UserError) as refused, win.ctx.session.write() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    assert refused.value.code == "damaged_no_writes"


def test_an_intact_vault_passes_the_page_check_without_a_banner(qtbot, unlocked_by) -> None:
    win = unlocked_by(STAFF, STAFF_PW)
    vault = win.ctx.session.vault
    qtbot.waitUntil(lambda: vault.pages_checked, timeout=30000)
    qtbot.wait(50)  # the worker's answer, queued to the main thread
    assert not vault.damaged
    assert not win.integrity_banner.isVisible()
