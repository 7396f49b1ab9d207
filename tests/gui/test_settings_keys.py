"""Settings → Sleutels: removing an account replaces the data key, the key can be replaced
by hand, and a new recovery key is shown once. Real vaults, real key files; answers preset through MessageBox."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, FileDialog, MessageBox
from contactkluis.ui.settings.page import SettingsPage
from contactkluis.vault.keyfile import KeyFile, key_path
from contactkluis.vault.vault import Vault
from tests.conftest import ADMIN, ADMIN_PW, FAST_KDF, STAFF, STAFF_PW

LEAVER, LEAVER_PW = "vertrekker", "oranje zebra op de schaats"


def generation(vault_path: Path) -> int:
    return KeyFile.load(key_path(vault_path)).generation


def copy_vault(vault_path: Path, folder: Path) -> Path:
    """What someone takes home on a stick: the vault file and its key file."""
    folder.mkdir(parents=True)
    target = folder / vault_path.name
    shutil.copy2(vault_path, target)
    shutil.copy2(key_path(vault_path), key_path(target))
    return target


@pytest.fixture
def three_accounts(ctx: AppContext, vault_path: Path, tmp_path: Path) -> Iterator[Path]:
    """A beheerder, a medewerker and a leaver; yields the leaver's copy taken today."""
    session = ctx.unlocked_session
    accounts.add_account(session, STAFF, "medewerker", STAFF_PW)
    accounts.add_account(session, LEAVER, "medewerker", LEAVER_PW)
    session.vault.close()  # a consistent file to copy, as a person would take it
    taken = copy_vault(vault_path, tmp_path / "stick")
    ctx.open_session(accounts.unlock(vault_path, ADMIN, ADMIN_PW))
    yield taken


def settings(qtbot, ctx: AppContext) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def remove(qtbot, page: SettingsPage, name: str) -> None:  # type: ignore[no-untyped-def]
    table = page.accounts_box.table
    page.accounts_box.table.selectRow(
        next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    )
    MessageBox.set_next_answer(Button.Yes)  # "Account verwijderen"
    page.accounts_box.remove_account()
    qtbot.waitUntil(lambda: page.accounts_box.status.text() == f"Account {name} verwijderd.")
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert name not in names


def test_removing_an_account_replaces_the_key_without_asking(
    qtbot, ctx: AppContext, vault_path: Path, three_accounts: Path, tmp_path: Path
) -> None:
    before = generation(vault_path)
    page = settings(qtbot, ctx)
    remove(qtbot, page, LEAVER)
    assert generation(vault_path) == before + 1
    assert [t for _k, t, _x in MessageBox.history] == ["Account verwijderen"]
    assert {a.name for a in accounts.list_accounts(ctx.unlocked_session) if a.active} == {
        ADMIN,
        STAFF,
    }

    ctx.close_session()
    for name, password in ((ADMIN, ADMIN_PW), (STAFF, STAFF_PW)):
        Vault.open(vault_path, name, password, read_only=True).close()
    # The copy the leaver already has still opens with the old password: nothing undoes that.
    Vault.open(three_accounts, LEAVER, LEAVER_PW, read_only=True).close()
    # A copy of the vault as it is now does not, even next to the leaver's old key file.
    later = copy_vault(vault_path, tmp_path / "later")
    shutil.copy2(key_path(three_accounts), key_path(later))
    with pytest.raises(UserError):
        Vault.open(later, LEAVER, LEAVER_PW, read_only=True)
    with pytest.raises(UserError) as refused:
        Vault.open(vault_path, LEAVER, LEAVER_PW, read_only=True)
    assert refused.value.code == "wrong_password"


def test_replace_key_button_asks_first(qtbot, ctx: AppContext, vault_path: Path) -> None:
    before = generation(vault_path)
    page = settings(qtbot, ctx)
    assert not page.keys.isHidden() and page.keys.rotate_button.isEnabled()
    MessageBox.set_next_answer(Button.No)
    page.keys.rotate_button.click()
    assert generation(vault_path) == before
    MessageBox.set_next_answer(Button.Yes)
    page.keys.rotate_button.click()
    assert generation(vault_path) == before + 1
    # The vault goes on working on the shared connection after the rekey.
    assert [a.name for a in accounts.list_accounts(ctx.unlocked_session)] == [ADMIN]


@pytest.fixture
def known_recovery(qapp, tmp_path: Path) -> Iterator[tuple[AppContext, Path, str]]:  # type: ignore[no-untyped-def]
    """A vault whose first recovery key we kept, as the wizard's paper would have it."""
    path = tmp_path / "eigen" / "kluis.ckdb"
    session, recovery = accounts.create_vault(path, "Museum Proef", ADMIN, ADMIN_PW, kdf=FAST_KDF)
    context = AppContext(path)
    context.open_session(session)
    yield context, path, recovery
    context.tasks.wait()
    if context.session is not None and context.session.vault.conn is not None:
        context.session.vault.close()


def test_new_recovery_key_is_shown_once_and_replaces_the_old(
    qtbot, known_recovery: tuple[AppContext, Path, str], tmp_path: Path
) -> None:
    ctx, path, old_key = known_recovery
    page = settings(qtbot, ctx)
    MessageBox.set_next_answer(Button.Yes)
    page.keys.recovery_button.click()
    qtbot.waitUntil(lambda: page.keys.recovery_dialog is not None, timeout=20000)
    dialog = page.keys.recovery_dialog
    assert dialog is not None and dialog.isVisible()
    new_key = dialog.view.key.text()
    assert len(new_key) >= 20 and new_key != old_key

    pdf = tmp_path / "nieuwe-herstelsleutel.pdf"
    FileDialog.set_next_path(str(pdf))
    dialog.view.pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")

    MessageBox.set_next_answer(Button.No)  # "Toch sluiten?" without having ticked the box
    dialog.reject()
    assert dialog.isVisible()
    assert not dialog.close_button.isEnabled()
    dialog.stored.setChecked(True)
    dialog.close_button.click()
    qtbot.waitUntil(lambda: page.keys.recovery_dialog is None)

    ctx.close_session()
    accounts.unlock_with_recovery(path, new_key).vault.close()
    with pytest.raises(UserError) as refused:
        accounts.unlock_with_recovery(path, old_key)
    assert refused.value.code == "wrong_recovery_key"


def test_locking_takes_a_shown_recovery_key_off_the_screen(qtbot, ctx: AppContext) -> None:
    page = settings(qtbot, ctx)
    dialog = page.keys.show_recovery_key("K7QM-2XRA-9WTD-H4NE-P3FV-8CJZ-T6BZ-5RYW", "Museum")
    assert dialog.isVisible()
    ctx.locked.emit()
    assert page.keys.recovery_dialog is None
    assert not dialog.isVisible()


def test_medewerker_sees_no_key_buttons(qtbot, staff_session, vault_path: Path) -> None:
    ctx = AppContext(vault_path)
    ctx.open_session(staff_session)
    page = settings(qtbot, ctx)
    assert page.keys.isHidden() and page.accounts_box.isHidden()
