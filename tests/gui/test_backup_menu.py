"""Issue 16: backups from the Bestand menu; status bar, settings, dashboard and the import's
clean-up advice tell the same story, and clean-up waits for a verified backup."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from contactkluis.errors import UserError
from contactkluis.ui.dialogs import FileDialog, MessageBox
from contactkluis.vault.backup import check_backup


def file_menu_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return [a.text().replace("&", "") for a in menu.actions()]


def test_backup_from_the_file_menu_updates_every_screen(qtbot, window, ctx, tmp_path):  # type: ignore[no-untyped-def]
    assert "Back-up maken…" in file_menu_texts(window)
    settings, dashboard, importer = (window.page(k) for k in ("settings", "privacy", "import"))
    dashboard.refresh()
    assert window.backup_pill.text() == "nog geen back-up gemaakt"
    assert settings.backup_state.text() == window.backup_pill.text()
    tile = dashboard.tiles["backup"]
    assert f"{tile.number.text()} {tile.label.text()}" == "nooit een back-up gemaakt"
    importer._show_backup_state()
    cleanup = importer.report_view
    assert not cleanup.backup_needed.isHidden()
    assert "nog geen back-up" in cleanup.backup_needed.text()
    assert not any(box.isEnabled() for box in cleanup.checks)

    folder = tmp_path / "usb"
    FileDialog.set_next_path(str(folder))
    window.backup_action.trigger()
    written = list(folder.glob("*.ckbak"))
    assert len(written) == 1
    kind, _title, text = MessageBox.history[-1]
    assert kind == "information" and str(folder) in text and written[0].name in text

    assert window.backup_pill.text() == "laatste back-up: vandaag"
    assert settings.backup_state.text() == window.backup_pill.text()  # not "0 dagen geleden"
    dashboard.refresh()
    assert f"{tile.number.text()} {tile.label.text()}" == "vandaag de laatste back-up gemaakt"
    assert cleanup.backup_needed.isHidden()
    assert all(box.isEnabled() for box in cleanup.checks)


def test_cancelling_the_folder_choice_makes_no_backup(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    assert window.make_backup() is None  # FileDialog answers "cancelled" in tests
    assert window.backup_pill.text() == "nog geen back-up gemaakt"


def test_a_damaged_backup_does_not_pass_the_check(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = ctx.unlocked_session
    good = session.vault.backup(tmp_path / "goed.ckbak")
    check_backup(good, session.vault.data_key_for_tests())
    damaged = tmp_path / "kapot.ckbak"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "vault.ckdb":
                data = data[:4096] + bytes(len(data) - 4096)
            dst.writestr(item, data)
    with pytest.raises(UserError):
        check_backup(damaged, session.vault.data_key_for_tests())
