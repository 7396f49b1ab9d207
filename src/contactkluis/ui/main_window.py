"""The main window: unlock screen or workspace (navigation list + pages), menus, status bar.

Pages are plugged in with `add_page(key, title, icon, widget, permission)`; a page whose
permission the role lacks is hidden. Pages may offer, duck-typed:
  save_state() / restore_state(state)   kept across a lock
  focus_search(), new_contact()         the contacts page (Ctrl+F, Ctrl+N)
  add_files(paths)                      the import page (drops, Ctrl+I)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QScreen,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contactkluis.config import save_config
from contactkluis.domain.roles import Permission
from contactkluis.services.accounts import unlock_warnings
from contactkluis.services.backups import backup_state
from contactkluis.services.importing import SPREADSHEET_SUFFIXES
from contactkluis.services.session import Session
from contactkluis.ui.backup_flow import configured_backup_dir, make_backup, status_text
from contactkluis.ui.contacts.page import ContactsPage
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog
from contactkluis.ui.handbook import open_handbook
from contactkluis.ui.import_wizard.wizard import ImportPage
from contactkluis.ui.integrity_banner import IntegrityBanner
from contactkluis.ui.locking import Locker
from contactkluis.ui.privacy.dashboard import PrivacyPage
from contactkluis.ui.privacy.requests import RequestsPage
from contactkluis.ui.privacy.retention import RetentionPage
from contactkluis.ui.settings.page import SettingsPage
from contactkluis.ui.stats.page import StatsPage
from contactkluis.ui.unlock import UnlockScreen
from contactkluis.ui.widgets.icons import app_icon, icon
from contactkluis.ui.widgets.status_pill import StatusPill


def initial_size(screen: QScreen | None) -> QSize:
    """1280×720 fits the common 1366×768 laptop with its task bar; a bigger screen gets
    85 % of its room, a smaller one all of it."""
    if screen is None or screen.availableGeometry().width() < 1024:
        return QSize(1280, 720)
    room = screen.availableGeometry()
    return QSize(
        min(room.width(), max(1280, int(room.width() * 0.85))),
        min(room.height(), max(720, int(room.height() * 0.85))),
    )


@dataclass
class Page:
    key: str
    title: str
    widget: QWidget
    permission: Permission | None
    item: QListWidgetItem


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        *,
        autolock_minutes: int = 5,
        default_pages: bool = True,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.pages: dict[str, Page] = {}
        self.setWindowTitle("Contactkluis")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(initial_size(self.screen()))

        self.screens = QStackedWidget()
        self.unlock_screen = UnlockScreen(ctx)
        self.unlock_screen.unlocked.connect(self.on_unlocked)
        self.workspace = QWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(210)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; padding: 6px; }"
            "QListWidget#navigation::item { padding: 6px; }"
        )
        self.stack = QStackedWidget()
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        # A beheerder's unlock may find the keys, roles or log tampered with: said above
        # every page until closed.
        self.integrity_banner = IntegrityBanner()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.integrity_banner)
        column.addWidget(self.stack, 1)
        row.addWidget(right, 1)
        self.screens.addWidget(self.unlock_screen)
        self.screens.addWidget(self.workspace)
        self.setCentralWidget(self.screens)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self.locker = Locker(ctx, self, autolock_minutes)
        self._build_actions()
        self._build_status_bar()
        ctx.backup_made.connect(self.refresh_status)
        ctx.settings_changed.connect(self._settings_changed)
        if default_pages:
            self.add_default_pages()
        if ctx.session is not None:
            self.on_unlocked(ctx.session)
        else:
            self.show_unlock_screen()

    # -- pages ----------------------------------------------------------------------------

    def add_page(
        self,
        key: str,
        title: str,
        icon_name: str,
        widget: QWidget,
        permission: Permission | None = None,
    ) -> QWidget:
        item = QListWidgetItem(icon(icon_name), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        self.stack.addWidget(widget)
        self.pages[key] = Page(key, title, widget, permission, item)
        self._apply_permissions()
        return widget

    def add_default_pages(self) -> None:
        ctx = self.ctx
        # A page that fails to import or to build fails the window (and so a test): loudly.
        specs: list[tuple[str, str, str, Callable[[AppContext], QWidget], Permission | None]] = [
            ("contacts", self.tr("Contacten"), "contacts", ContactsPage, Permission.VIEW),
            ("import", self.tr("Importeren"), "import", ImportPage, Permission.IMPORT),
            ("privacy", self.tr("Privacy-overzicht"), "privacy", PrivacyPage, Permission.VIEW),
            ("requests", self.tr("Verzoeken"), "requests", RequestsPage, Permission.REQUESTS),
            ("retention", self.tr("Bewaartermijnen"), "retention", RetentionPage, Permission.VIEW),
            ("stats", self.tr("Statistiek"), "stats", StatsPage, Permission.STATS),
        ]
        for key, title, icon_name, page_class, permission in specs:
            self.add_page(key, title, icon_name, page_class(ctx), permission)
        self._wire_pages()
        self.add_page(
            "settings",
            self.tr("Instellingen"),
            "settings",
            SettingsPage(ctx, self.locker),
        )

    def _wire_pages(self) -> None:
        """Pages ask for each other through signals; the window connects them."""
        contacts = self.page("contacts")
        for key in ("privacy", "requests", "import"):
            widget = self.page(key)
            if widget is None:
                continue
            if hasattr(widget, "show_contacts") and hasattr(contacts, "show_filtered"):
                widget.show_contacts.connect(self._show_filtered)
            if hasattr(widget, "open_contacts") and hasattr(contacts, "show_ids"):
                widget.open_contacts.connect(self._show_ids)
            if hasattr(widget, "show_page"):
                widget.show_page.connect(self.show_page)

    def _show_filtered(self, wanted: dict[str, Any]) -> None:
        if self.show_page("contacts"):
            self.page("contacts").show_filtered(wanted)  # type: ignore[union-attr]

    def _show_ids(self, ids: list[int]) -> None:
        if self.show_page("contacts"):
            self.page("contacts").show_ids(list(ids))  # type: ignore[union-attr]

    def page(self, key: str) -> QWidget | None:
        found = self.pages.get(key)
        return found.widget if found else None

    def current_page_key(self) -> str | None:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def show_page(self, key: str) -> bool:
        found = self.pages.get(key)
        if found is None or found.item.isHidden():
            return False
        self.nav.setCurrentItem(found.item)
        return True

    def _nav_changed(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        found = self.pages.get(str(item.data(Qt.ItemDataRole.UserRole)))
        if found:
            self.stack.setCurrentWidget(found.widget)

    def _apply_permissions(self) -> None:
        session = self.ctx.session
        for page in self.pages.values():
            allowed = page.permission is None or (
                session is not None and session.can(page.permission)
            )
            page.item.setHidden(not allowed)
        current = self.nav.currentItem()
        if current is None or current.isHidden():
            for i in range(self.nav.count()):
                if not self.nav.item(i).isHidden():
                    self.nav.setCurrentRow(i)
                    break

    # -- actions --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], Any],
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            self.tr("&Importeren…"), "Ctrl+I", lambda: self.open_import([]), "import"
        )
        self.lock_action = self._action(self.tr("&Vergrendelen"), "Ctrl+L", self.lock, "lock")
        self.quit_action = self._action(
            self.tr("&Afsluiten"), QKeySequence.StandardKey.Quit, self.close
        )
        self.search_action = self._action(self.tr("&Zoeken"), "Ctrl+F", self.focus_search, "search")
        self.new_action = self._action(self.tr("&Nieuw contact"), "Ctrl+N", self.new_contact, "add")
        self.about_action = self._action(self.tr("&Over Contactkluis"), None, self.show_about)
        self.handbook_action = self._action(
            self.tr("&Handleiding"), QKeySequence.StandardKey.HelpContents, self.show_handbook
        )
        self.backup_action = self._action(
            self.tr("&Back-up maken…"), None, lambda: self.make_backup(), "backup"
        )
        self.session_actions = [
            self.import_action,
            self.backup_action,
            self.lock_action,
            self.search_action,
            self.new_action,
        ]
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Bestand"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("Be&werken"))
        edit_menu.addAction(self.search_action)
        edit_menu.addAction(self.new_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.handbook_action)
        help_menu.addAction(self.about_action)
        self.toolbar = self.addToolBar(self.tr("Werkbalk"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.search_action, self.import_action):
            self.toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock_action)

    def _build_status_bar(self) -> None:
        self.account_label = QLabel()
        self.account_label.setObjectName("statusAccount")
        self.backup_pill = StatusPill()
        self.backup_pill.setObjectName("statusBackup")
        self.statusBar().addWidget(self.account_label)
        self.statusBar().addPermanentWidget(self.backup_pill)

    def refresh_status(self) -> None:
        session = self.ctx.session
        if session is None:
            self.account_label.clear()
            self.backup_pill.hide()
            return
        roles = {"beheerder": self.tr("beheerder"), "medewerker": self.tr("medewerker")}
        role = roles.get(session.role, session.role)
        text = self.tr("%1 (%2)").replace("%1", session.account).replace("%2", role)
        if session.vault.read_only:
            text += " — " + self.tr("alleen-lezen")
        self.account_label.setText(text)
        self.backup_pill.set_status(*status_text(backup_state(session)))
        self.backup_pill.show()

    def _settings_changed(self) -> None:
        from contactkluis.config import load_config

        self.locker.set_timeout_minutes(int(load_config().get("autolock_minutes") or 0))

    # -- lock / unlock --------------------------------------------------------------------

    def save_state(self) -> dict[str, Any]:
        states: dict[str, Any] = {}
        for key, page in self.pages.items():
            saver = getattr(page.widget, "save_state", None)
            if callable(saver):
                states[key] = saver()
        return {"page": self.current_page_key(), "pages": states}

    def restore_state(self, state: dict[str, Any] | None) -> None:
        if not state:
            return
        for key, value in (state.get("pages") or {}).items():
            page = self.pages.get(key)
            restorer = getattr(page.widget, "restore_state", None) if page else None
            if callable(restorer):
                restorer(value)
        if state.get("page"):
            self.show_page(str(state["page"]))

    def lock(self) -> bool:
        return self.locker.lock()

    def show_unlock_screen(self) -> None:
        for action in self.session_actions:
            action.setEnabled(False)
        self.menuBar().setEnabled(True)
        self.toolbar.hide()
        self.refresh_status()
        self.screens.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.prepare()

    def on_unlocked(self, session: Session) -> None:
        self.ctx.open_session(session)
        self.integrity_banner.show_warnings(unlock_warnings(session))
        self.integrity_banner.start_page_check(self.ctx, session)
        self._apply_permissions()
        for action in self.session_actions:
            action.setEnabled(True)
        self.toolbar.show()
        self.screens.setCurrentWidget(self.workspace)
        self.refresh_status()
        self.ctx.unlocked.emit()
        self.restore_state(self.locker.saved_state)
        self.locker.saved_state = None

    # -- delegations ----------------------------------------------------------------------

    def focus_search(self) -> None:
        page: Any = self.page("contacts")
        if self.show_page("contacts") and hasattr(page, "focus_search"):
            page.focus_search()

    def new_contact(self) -> None:
        page: Any = self.page("contacts")
        if self.show_page("contacts") and hasattr(page, "new_contact"):
            page.new_contact()

    def open_import(self, paths: list[Path]) -> None:
        if self.ctx.session is None or not self.show_page("import"):
            return
        page: Any = self.page("import")
        if paths and hasattr(page, "add_files"):
            page.add_files(paths)

    def make_backup(self, folder: str | None = None) -> Path | None:
        """Bestand → Back-up maken…: choose the folder (the configured one is offered)."""
        if self.ctx.session is None:
            return None
        if folder is None:
            start = configured_backup_dir(self.ctx.vault_path)
            folder = FileDialog.directory(self, self.tr("Map voor de back-up"), str(start))
            if not folder:
                return None
            save_config({"backup_dir": folder})
        return make_backup(self, self.ctx, Path(folder))

    def show_handbook(self) -> None:
        open_handbook(self)

    def show_about(self) -> None:
        from contactkluis.ui.about import AboutDialog

        AboutDialog(self).exec()

    # -- drops ----------------------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(SPREADSHEET_SUFFIXES)
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.ctx.session is not None and self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if paths and self.ctx.session is not None:
            event.acceptProposedAction()
            self.open_import(paths)

    # -- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.session is not None:
            if self.ctx.tasks.pool.activeThreadCount() > 0:
                self.ctx.tasks.wait()
            self.locker.lock()
        QApplication.instance().removeEventFilter(self.locker)  # type: ignore[union-attr]
        event.accept()
