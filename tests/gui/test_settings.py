"""The settings page: purposes register, accounts, auto-lock, language, backups."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from contactkluis.config import load_config
from contactkluis.domain.purposes import LegalBasis
from contactkluis.services.accounts import list_accounts
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, FileDialog, MessageBox
from contactkluis.ui.settings.accounts import AccountDialog
from contactkluis.ui.settings.page import SettingsPage
from contactkluis.vault.vault import Vault
from tests.conftest import ADMIN


def _row_of(page: SettingsPage, code: str) -> int:
    table = page.purposes_table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == code)


def test_medewerker_does_not_see_beheerder_settings(qtbot, qapp, staff_session, vault_path):
    ctx = AppContext(vault_path)
    ctx.open_session(staff_session)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.accounts_box.isHidden()
    assert page.save_purposes_button.isHidden()
    assert page.add_purpose_button.isHidden()
    table = page.purposes_table
    assert table.rowCount() == len(staff_session.purposes)
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert "Alleen een beheerder" in page.purposes_note.text()
    assert page.backup_button.isEnabled()  # staff may make backups
    assert page.register_contacts.save_button.isHidden()
    assert page.register_contacts.dpo.isReadOnly()
    assert page.stats_box.k.value() == 10 and not page.stats_box.k.isEnabled()  # k read-only
    assert not page.stats_box.save_k.isEnabled() and not page.stats_box.freeze.isEnabled()


def test_beheerder_sees_accounts(qtbot, window, ctx):
    page = window.page("settings")
    window.show_page("settings")
    assert not page.accounts_box.isHidden()
    names = [
        page.accounts_box.table.item(r, 0).text() for r in range(page.accounts_box.table.rowCount())
    ]
    assert names == [ADMIN]


def test_register_contacts_are_saved_and_shown_in_the_register(qtbot, window, ctx, tmp_path):
    from contactkluis.services import register_export

    page = window.page("settings")
    section = page.register_contacts
    section.controller.setText("Kerkplein 1, 3511 AB Utrecht, privacy@proef.nl")
    section.dpo.setText("mr. A. Jansen (FG), fg@proef.nl")
    assert section.save()
    out = register_export.export_register(ctx.session, tmp_path / "register.html")
    text = out.read_text("utf-8")
    assert "Kerkplein 1, 3511 AB Utrecht" in text and "mr. A. Jansen (FG)" in text
    section.clear()
    section.reload()
    assert section.dpo.text() == "mr. A. Jansen (FG), fg@proef.nl"


def test_edit_retention_term_is_saved_in_the_vault(qtbot, window, ctx):
    page = window.page("settings")
    row = _row_of(page, "vrienden")
    page.purposes_table.cellWidget(row, 4).setValue(3)
    assert page.save_purposes()
    assert ctx.session.purposes["vrienden"].rule.years == 3
    # labels and descriptions the table does not show survive the edit
    assert ctx.session.purposes["vrienden"].description_nl.startswith("Administratie")


def test_invalid_register_is_refused_with_a_message(qtbot, window, ctx):
    page = window.page("settings")
    row = _row_of(page, "nieuwsbrief")
    basis = page.purposes_table.cellWidget(row, 2)
    basis.setCurrentIndex(basis.findData(LegalBasis.OVEREENKOMST.value))
    assert not page.save_purposes()
    kind, _title, text = MessageBox.history[-1]
    assert kind == "warning" and "toestemming" in text
    assert ctx.session.purposes["nieuwsbrief"].basis is LegalBasis.TOESTEMMING


def test_add_account_with_role(qtbot, window, ctx, vault_path):
    page = window.page("settings")
    password = "gele kanarie fluit zachtjes"

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AccountDialog)
        dialog.name.setText("kassa")
        dialog.role.setCurrentIndex(dialog.role.findData("medewerker"))
        dialog.passwords.password.setText(password)
        dialog.passwords.repeat.setText(password)
        dialog.accept()

    QTimer.singleShot(0, fill)
    page.accounts_box.add_account()
    qtbot.waitUntil(lambda: page.accounts_box.table.rowCount() == 2, timeout=20000)
    roles = {a.name: a.role for a in list_accounts(ctx.session)}
    assert roles == {ADMIN: "beheerder", "kassa": "medewerker"}
    assert "kassa" in page.accounts_box.status.text()
    opened = Vault.open(vault_path, "kassa", password, read_only=True)
    assert opened.account is not None and opened.account.role == "medewerker"
    opened.close()


def test_last_beheerder_cannot_be_demoted(qtbot, window, ctx):
    page = window.page("settings")
    page.accounts_box.table.selectRow(0)
    MessageBox.set_next_answer(Button.Yes)
    page.accounts_box.toggle_role()
    qtbot.waitUntil(lambda: MessageBox.history[-1][0] == "warning", timeout=10000)
    assert "laatste beheerdersaccount" in MessageBox.history[-1][2]
    assert {a.role for a in list_accounts(ctx.session)} == {"beheerder"}


def test_account_dialog_needs_a_good_password(qtbot, qapp):
    dialog = AccountDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.name.setText("kassa")
    dialog.passwords.password.setText("kort")
    assert not ok.isEnabled()
    dialog.passwords.password.setText("gele kanarie fluit zachtjes")
    dialog.passwords.repeat.setText("gele kanarie fluit zachtjes")
    assert ok.isEnabled()


def test_autolock_minutes_apply_to_the_locker(qtbot, window):
    page = window.page("settings")
    page.autolock.setValue(2)
    assert load_config()["autolock_minutes"] == 2
    assert window.locker.timeout_ms == 120_000


def test_language_choice_is_remembered_for_the_next_start(qtbot, window):
    page = window.page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert load_config()["language"] == "en"
    assert "herstart" in page.language_note.text()


def test_backup_now_writes_a_backup_and_clears_the_reminder(qtbot, window, ctx, tmp_path):
    page = window.page("settings")
    assert page.backup_state.level == "bad"
    assert window.backup_pill.level == "bad"
    folder = tmp_path / "usb"
    FileDialog.set_next_path(str(folder))
    page.choose_backup_dir()
    assert load_config()["backup_dir"] == str(folder)
    MessageBox.set_next_answer(Button.Ok)
    written = page.backup_now()
    assert written is not None and written.parent == folder and written.exists()
    assert page.backup_state.level == "ok"
    assert window.backup_pill.level == "ok"
    assert "vandaag" in window.backup_pill.text()
