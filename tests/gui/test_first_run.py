"""First run: the wizard creates the vault only at its commit step and shows the key once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from contactkluis.config import load_config
from contactkluis.errors import UserError
from contactkluis.services.accounts import unlock, unlock_with_recovery
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog
from contactkluis.ui.first_run import FirstRunWizard
from contactkluis.vault.keyfile import key_path
from tests.conftest import FAST_KDF

PASSWORD = "zeven groene kikkers zingen"


@pytest.fixture
def wizard(qtbot, qapp):
    ctx = AppContext(None)
    wiz = FirstRunWizard(ctx, kdf=FAST_KDF)
    qtbot.addWidget(wiz)
    wiz.show()
    yield wiz
    ctx.tasks.wait()
    ctx.close_session()


def _fill_until_account(qtbot, wiz: FirstRunWizard, target: Path) -> None:
    qtbot.keyClicks(wiz.institution_page.name, "Museum Proef")
    wiz.next()
    assert wiz.currentPage() is wiz.location_page
    wiz.location_page.path.clear()
    qtbot.keyClicks(wiz.location_page.path, str(target))
    wiz.next()
    assert wiz.currentPage() is wiz.account_page


def _create(qtbot, wiz: FirstRunWizard) -> None:
    page = wiz.account_page
    qtbot.keyClicks(page.account, "beheer")
    qtbot.keyClicks(page.passwords.password, PASSWORD)
    qtbot.keyClicks(page.passwords.repeat, PASSWORD)
    commit = wiz.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.recovery_page, timeout=30000)


def test_default_location_follows_the_institution(qtbot, wizard, tmp_path):
    qtbot.keyClicks(wizard.institution_page.name, "Stichting Oude Molen")
    wizard.next()
    assert Path(wizard.location_page.path.text()).name == "stichting-oude-molen.ckdb"


def test_wizard_end_to_end(qtbot, wizard, tmp_path):
    target = tmp_path / "kluizen" / "museum.ckdb"
    _fill_until_account(qtbot, wizard, target)
    page = wizard.account_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)

    qtbot.keyClicks(page.account, "beheer")
    qtbot.keyClicks(page.passwords.password, "kort")
    assert "12 tekens" in page.passwords.feedback.text()
    assert not commit.isEnabled()
    page.passwords.password.clear()
    qtbot.keyClicks(page.passwords.password, "wachtwoord1234")
    assert "veelgebruikte" in page.passwords.feedback.text()
    page.passwords.password.clear()
    qtbot.keyClicks(page.passwords.password, PASSWORD)
    qtbot.keyClicks(page.passwords.repeat, PASSWORD[:-1])
    assert "niet gelijk" in page.passwords.feedback.text()
    assert not commit.isEnabled()
    qtbot.keyClicks(page.passwords.repeat, PASSWORD[-1])
    assert commit.isEnabled()
    assert not target.exists()  # nothing written before the commit step

    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30000)
    key = wizard.recovery_page.key.text()
    assert len(key) >= 20

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    pdf = tmp_path / "herstelsleutel.pdf"
    FileDialog.set_next_path(str(pdf))
    qtbot.mouseClick(wizard.recovery_page.pdf_button, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF")
    wizard.recovery_page.stored.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.ctx.session is not None and wizard.ctx.session.account == "beheer"
    assert load_config()["vault_path"] == str(target)
    assert wizard.recovery_page.key.text() == ""  # not kept on screen
    wizard.ctx.close_session()

    reopened = unlock(target, "beheer", PASSWORD)
    assert reopened.vault.meta("institution") == "Museum Proef"
    reopened.vault.close()
    by_key = unlock_with_recovery(target, key)
    by_key.vault.close()


def test_cancel_on_the_recovery_page_leaves_nothing(qtbot, wizard, tmp_path):
    target = tmp_path / "museum.ckdb"
    _fill_until_account(qtbot, wizard, target)
    _create(qtbot, wizard)
    assert target.exists()
    wizard.reject()
    assert not target.exists()
    assert not key_path(target).exists()
    assert list(tmp_path.iterdir()) == []
    assert wizard.ctx.session is None


def test_existing_vault_is_refused_and_untouched(qtbot, wizard, tmp_path, session, vault_path):
    before = vault_path.read_bytes()
    qtbot.keyClicks(wizard.institution_page.name, "Museum Proef")
    wizard.next()
    wizard.location_page.path.setText(str(vault_path))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "al een kluis" in wizard.location_page.problem.text()
    assert vault_path.read_bytes() == before


def test_wrong_password_cannot_open_the_new_vault(qtbot, wizard, tmp_path):
    target = tmp_path / "museum.ckdb"
    _fill_until_account(qtbot, wizard, target)
    _create(qtbot, wizard)
    wizard.recovery_page.stored.setChecked(True)
    wizard.accept()
    wizard.ctx.close_session()
    with pytest.raises(UserError):
        unlock(target, "beheer", "een heel ander wachtwoord")
