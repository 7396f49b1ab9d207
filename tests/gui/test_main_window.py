"""The main window frame: navigation, permissions, shortcuts, drops, status bar, language."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from contactkluis.domain.roles import Permission
from contactkluis.ui.about import COMPONENTS, AboutDialog
from contactkluis.ui.context import AppContext
from contactkluis.ui.i18n import install_translators
from contactkluis.ui.main_window import MainWindow


class FakeContacts(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.created = 0
        QVBoxLayout(self).addWidget(self.search)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.setText("zoek")

    def new_contact(self) -> None:
        self.created += 1


class FakeImport(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.files: list[Path] = []

    def add_files(self, paths: list[Path]) -> None:
        self.files.extend(paths)


def _bare_window(qtbot, ctx: AppContext) -> tuple[MainWindow, FakeContacts, FakeImport]:
    win = MainWindow(ctx, default_pages=False)
    contacts, importer = FakeContacts(), FakeImport()
    win.add_page("contacts", "Contacten", "contacts", contacts, Permission.VIEW)
    win.add_page("import", "Importeren", "import", importer, Permission.IMPORT)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win, contacts, importer


def test_navigation_lists_the_pages_in_order(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Contacten",
        "Importeren",
        "Privacy-overzicht",
        "Verzoeken",
        "Bewaartermijnen",
        "Statistiek",
        "Instellingen",
    ]
    window.show_page("settings")
    assert window.stack.currentWidget() is window.page("settings")


def test_every_page_is_the_real_one(window):
    # No stand-in: each navigation entry shows the page built for it.
    from contactkluis.ui.contacts.page import ContactsPage
    from contactkluis.ui.import_wizard.wizard import ImportPage
    from contactkluis.ui.privacy.dashboard import PrivacyPage
    from contactkluis.ui.privacy.requests import RequestsPage
    from contactkluis.ui.privacy.retention import RetentionPage
    from contactkluis.ui.settings.page import SettingsPage
    from contactkluis.ui.stats.page import StatsPage

    kinds = {key: type(window.page(key)) for key in window.pages}
    assert kinds == {
        "contacts": ContactsPage,
        "import": ImportPage,
        "privacy": PrivacyPage,
        "requests": RequestsPage,
        "retention": RetentionPage,
        "stats": StatsPage,
        "settings": SettingsPage,
    }


def test_a_page_that_cannot_be_built_stops_the_window(qtbot, ctx, monkeypatch):
    # A broken page must fail loudly (and so fail a test), not hide behind a placeholder.
    import contactkluis.ui.main_window as main_window

    class BrokenPage(QWidget):
        def __init__(self, _ctx: AppContext) -> None:
            raise RuntimeError("broken page")

    monkeypatch.setattr(main_window, "StatsPage", BrokenPage)
    with pytest.raises(RuntimeError, match="broken page"):
        MainWindow(ctx)


def test_page_without_permission_is_hidden(qtbot, qapp, staff_session, vault_path):
    ctx = AppContext(vault_path)
    ctx.open_session(staff_session)
    win = MainWindow(ctx, default_pages=False)
    qtbot.addWidget(win)
    win.add_page("accounts", "Accounts", "privacy", QWidget(), Permission.MANAGE_ACCOUNTS)
    win.add_page("open", "Open", "contacts", QWidget(), Permission.VIEW)
    assert win.pages["accounts"].item.isHidden()
    assert not win.pages["open"].item.isHidden()
    assert not win.show_page("accounts")
    assert "medewerker" in win.account_label.text()


def test_shortcuts_delegate_to_the_pages(qtbot, ctx):
    win, contacts, _importer = _bare_window(qtbot, ctx)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.show_page("import")
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page_key() == "contacts"
    assert contacts.search.text() == "zoek"
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert contacts.created == 1
    qtbot.keyClick(win, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page_key() == "import"


def test_dropped_spreadsheets_go_to_the_import_page(qtbot, ctx, tmp_path):
    win, _contacts, importer = _bare_window(qtbot, ctx)
    sheet, other = tmp_path / "leden.xlsx", tmp_path / "foto.jpg"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sheet)), QUrl.fromLocalFile(str(other))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)
    assert importer.files == [sheet]
    assert win.current_page_key() == "import"


def test_dropping_an_xlsb_workbook_is_accepted(qtbot, ctx, tmp_path):
    # Regression: the window kept its own suffix list without .xlsb, so such drops did nothing.
    win, _contacts, importer = _bare_window(qtbot, ctx)
    sheet = tmp_path / "LEDEN.XLSB"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sheet))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    win.dropEvent(
        QDropEvent(
            QPoint(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    assert importer.files == [sheet]


def test_old_backup_shows_a_red_reminder(qtbot, ctx):
    session = ctx.session
    old = (session.today() - timedelta(days=10)).isoformat() + "T09:00:00+00:00"
    with session.write() as conn:
        session.vault.set_meta(conn, "last_backup", old)
    win, _c, _i = _bare_window(qtbot, ctx)
    assert win.backup_pill.level == "bad"
    assert "10 dagen geleden" in win.backup_pill.text()
    recent = (session.today() - timedelta(days=3)).isoformat() + "T09:00:00+00:00"
    with session.write() as conn:
        session.vault.set_meta(conn, "last_backup", recent)
    win.refresh_status()
    assert win.backup_pill.level == "ok"


def test_english_translation_from_the_ts_file(qtbot, qapp, ctx):
    installed = install_translators(qapp, "en")
    try:
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        titles = [win.nav.item(i).text() for i in range(win.nav.count())]
        assert "Contacts" in titles and "Settings" in titles
        assert win.lock_action.text().replace("&", "") == "Lock"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_about_lists_bundled_licences(qtbot, qapp):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    table = dialog.findChild(QWidget, "licences")
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names == [name for name, _licence in COMPONENTS]
    assert any("LGPL" in table.item(r, 1).text() for r in range(table.rowCount()))
