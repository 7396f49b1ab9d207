"""Unlock, wrong passwords, the forgotten-password flow, locking and auto-lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget

from contactkluis.config import save_config
from contactkluis.errors import UserError
from contactkluis.services.accounts import create_vault, unlock
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.main_window import MainWindow
from contactkluis.ui.unlock import RecoveryDialog
from contactkluis.vault.lock import InstanceLock
from tests.conftest import ADMIN, ADMIN_PW, FAST_KDF
from tests.support.vaults import vault_at


@pytest.fixture
def locked_window(qtbot, locked_ctx):
    win = MainWindow(locked_ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _unlock(qtbot, win: MainWindow, account: str, password: str) -> None:
    screen = win.unlock_screen
    screen.account.setText(account)
    screen.password.setText(password)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)


class RememberingPage(QWidget):
    """A page that keeps a selection, as the contacts page does."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.selection: int | None = None
        self.dropped = False
        ctx.locked.connect(self._drop)
        QVBoxLayout(self).addWidget(QLabel("test"))

    def _drop(self) -> None:
        self.dropped = True
        self.selection = None

    def save_state(self) -> object:
        return {"selected": self.selection}

    def restore_state(self, state: object) -> None:
        self.selection = state["selected"]  # type: ignore[index]


def test_last_account_is_prefilled(qtbot, locked_ctx):
    save_config({"last_account": ADMIN})
    win = MainWindow(locked_ctx)
    qtbot.addWidget(win)
    assert win.unlock_screen.account.text() == ADMIN
    assert win.screens.currentWidget() is win.unlock_screen


def test_wrong_password_shows_message_and_counts_down(qtbot, locked_window):
    win, ctx = locked_window, locked_window.ctx
    _unlock(qtbot, win, ADMIN, "niet het goede wachtwoord")
    screen = win.unlock_screen
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=20000)
    assert "Onjuist wachtwoord" in screen.message.text()
    assert ctx.session is None
    assert not screen.button.isEnabled()
    assert "(1)" in screen.button.text()
    qtbot.waitUntil(screen.button.isEnabled, timeout=5000)  # the QTimer counts down

    screen.password.setText(ADMIN_PW)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.session is not None, timeout=20000)
    assert win.screens.currentWidget() is win.workspace
    assert ctx.session.account == ADMIN
    assert "beheer" in win.account_label.text()


def test_lock_with_ctrl_l_drops_session_and_unlock_restores(qtbot, window, ctx):
    page = RememberingPage(ctx)
    window.add_page("memo", "Memo", "contacts", page)
    window.show_page("memo")
    page.selection = 42
    old_vault = ctx.session.vault
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert ctx.session is None
    assert old_vault.conn is None  # the vault is closed, the key dropped
    assert page.dropped and page.selection is None
    assert window.screens.currentWidget() is window.unlock_screen
    assert window.unlock_screen.account.text() == ADMIN
    assert window.unlock_screen.password.text() == ""
    assert not window.search_action.isEnabled()

    window.unlock_screen.password.setText(ADMIN_PW)
    qtbot.mouseClick(window.unlock_screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.session is not None, timeout=20000)
    assert window.current_page_key() == "memo"
    assert page.selection == 42


def test_lock_closes_open_dialogs(qtbot, window, ctx):
    dialog = QDialog(window)
    dialog.open()
    assert dialog.isVisible()
    window.lock_action.trigger()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_auto_lock_after_inactivity(qtbot, window, ctx):
    window.locker.set_timeout_ms(150)
    qtbot.waitUntil(lambda: ctx.session is None, timeout=5000)
    assert window.screens.currentWidget() is window.unlock_screen


def test_clipboard_cleared_when_it_holds_copied_contact_text(qtbot, window, ctx):
    clipboard = QGuiApplication.clipboard()
    ctx.copy_to_clipboard("Jansen, Marieke")
    assert clipboard.text() == "Jansen, Marieke"
    window.lock()
    assert clipboard.text() == ""


def test_clipboard_left_alone_when_it_holds_other_text(qtbot, window, ctx):
    clipboard = QGuiApplication.clipboard()
    ctx.copy_to_clipboard("Jansen, Marieke")
    clipboard.setText("boodschappenlijst")  # copied elsewhere afterwards
    window.lock()
    assert clipboard.text() == "boodschappenlijst"


def test_vault_in_use_offers_read_only(qtbot, locked_window, vault_path):
    holder = InstanceLock(vault_path, "collega")
    holder.acquire()
    try:
        MessageBox.set_next_answer(Button.Yes)
        _unlock(qtbot, locked_window, ADMIN, ADMIN_PW)
        ctx = locked_window.ctx
        qtbot.waitUntil(lambda: ctx.session is not None, timeout=30000)
        assert ctx.session.vault.read_only
        assert any("in gebruik door collega" in text for _k, _t, text in MessageBox.history)
        assert "alleen-lezen" in locked_window.account_label.text()
    finally:
        holder.release()


def test_forgotten_password_with_recovery_key(qtbot, qapp, tmp_path):
    path = tmp_path / "kluis.ckdb"
    session, recovery = create_vault(path, "Museum Proef", ADMIN, ADMIN_PW, kdf=FAST_KDF)
    session.vault.close()
    ctx = AppContext(path)
    dialog = RecoveryDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.key.setText("AAAA-BBBB-CCCC-DDDD")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    assert "past niet" in dialog.message.text()
    assert dialog.pages.currentIndex() == 0

    qtbot.waitUntil(lambda: _throttle_over(path), timeout=5000)
    dialog.key.setText(recovery)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20000)
    assert dialog.accounts.currentText() == ADMIN
    new_pw = "oranje walvis zwemt in de gracht"
    dialog.passwords.password.setText(new_pw)
    assert not dialog.ok.isEnabled()  # not repeated yet
    dialog.passwords.repeat.setText(new_pw)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
    assert dialog.account_name == ADMIN
    assert dialog.session is None  # the recovery session is closed again

    with pytest.raises(UserError):
        unlock(path, ADMIN, ADMIN_PW)
    qtbot.waitUntil(lambda: _throttle_over(path), timeout=5000)
    unlocked = unlock(path, ADMIN, new_pw)
    unlocked.vault.close()


def _throttle_over(path) -> bool:
    from contactkluis.vault import throttle
    from contactkluis.vault.keyfile import KeyFile, key_path

    return throttle.wait_remaining(KeyFile.load(key_path(path)).vault_id) == 0


def _shown_while_unlocking(qtbot, win: MainWindow) -> list[str]:  # type: ignore[no-untyped-def]
    """The upgrade notice's texts as they were shown during the unlock."""
    seen: list[str] = []
    label = win.unlock_screen.upgrading
    original = label.show

    def record() -> None:
        seen.append(label.text())
        original()

    label.show = record  # type: ignore[method-assign]
    _unlock(qtbot, win, ADMIN, ADMIN_PW)
    qtbot.waitUntil(lambda: win.ctx.session is not None, timeout=60000)
    return seen


def test_the_first_unlock_after_an_update_says_the_vault_is_being_upgraded(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A vault of an older version is upgraded at its first unlock (seconds at 100k
    contacts): the unlock screen says so instead of only spinning; an up-to-date vault's
    unlock says nothing of the kind."""
    from contactkluis.vault import schema

    path = tmp_path / "oud.ckdb"
    with vault_at(path, 8):
        pass  # made as version 8 made it, and closed

    ctx = AppContext(path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    seen = _shown_while_unlocking(qtbot, win)
    assert len(seen) == 1 and "eenmalig bijgewerkt" in seen[0] and "niet af" in seen[0]
    assert ctx.session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
    assert not win.unlock_screen.upgrading.isVisible()
    ctx.tasks.wait()
    ctx.close_session()

    again = MainWindow(AppContext(path))
    qtbot.addWidget(again)
    again.show()
    assert _shown_while_unlocking(qtbot, again) == []
    again.ctx.tasks.wait()
    again.ctx.close_session()
