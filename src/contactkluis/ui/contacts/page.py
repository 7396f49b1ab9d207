"""The contacts page: search-as-you-type, filters, the lazy table and the detail panel.

The shell embeds `ContactsPage(ctx)` and calls focus_search(), new_contact(),
selected_ids(), save_state()/restore_state() around a lock. On ctx.locked the page closes
its dialogs and drops every id, row and text that showed a contact.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.roles import Permission
from contactkluis.services import listing
from contactkluis.ui.contacts.detail import ContactDetailPanel
from contactkluis.ui.contacts.filters import FilterBar
from contactkluis.ui.contacts.flags import RetentionPillDelegate
from contactkluis.ui.contacts.layout import ColumnLayoutMixin, default_settings
from contactkluis.ui.contacts.model import Column, ContactTableModel, RetentionRole
from contactkluis.ui.contacts.texts import t
from contactkluis.ui.context import AppContext
from contactkluis.ui.handbook import HelpLink

SEARCH_DELAY_MS = 150


class ContactsPage(ColumnLayoutMixin, QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or default_settings()
        self.dialog: QDialog | None = None  # the last dialog the page opened

        self.model = ContactTableModel(self)
        # searches, filters and sorts run on a worker; the newest one wins
        self.model.set_tasks(ctx.tasks)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(t("search.placeholder"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(t("search.placeholder"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(lambda: self.apply_query(background=True))
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._search_now)

        self.new_button = QPushButton(t("btn.new"), self)
        self.edit_button = QPushButton(t("btn.edit"), self)
        self.merge_button = QPushButton(t("btn.merge"), self)
        self.copy_button = QPushButton(t("btn.copy"), self)
        self.copy_button.setToolTip(t("btn.copy.tip"))
        self.new_button.clicked.connect(self.new_contact)
        self.edit_button.clicked.connect(lambda: self.edit_contact())
        self.merge_button.clicked.connect(self.merge_selected)
        self.copy_button.clicked.connect(self.copy_emails)
        self.count_label = QLabel(self)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color:#2e7d32;")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for w in (self.new_button, self.edit_button, self.merge_button, self.copy_button):
            top.addWidget(w)
        self.filters = FilterBar(self)
        self.filters.changed.connect(lambda: self.apply_query(background=True))

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Qt's default indicator is descending; enabling sorting would apply it at once.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sortIndicatorChanged.connect(lambda *_a: self._save_layout_soon())
        header.sectionMoved.connect(lambda *_a: self._save_layout_soon())
        header.sectionResized.connect(lambda *_a: self._save_layout_soon())
        self.table.setItemDelegateForColumn(
            int(Column.RETENTION), RetentionPillDelegate(RetentionRole, self.table)
        )
        self.table.activated.connect(lambda index: self.edit_contact(self.model.id_at(index.row())))
        copy_action = QAction(t("btn.copy"), self.table)
        copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy_action.triggered.connect(self.copy_emails)
        self.table.addAction(copy_action)

        self.detail = ContactDetailPanel(self)
        self.detail.changed.connect(self._contact_changed)
        self.detail.removed.connect(lambda _id: self._data_written())
        self.detail.edit_requested.connect(self.edit_contact)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        self.flags_help = HelpLink("flags", self)  # what ✓ ? ✗ – and the pills mean
        bottom.addWidget(self.flags_help)
        bottom.addStretch(1)
        bottom.addWidget(self.status_label)
        layout.addLayout(bottom)

        self.layout_timer = QTimer(self)
        self.layout_timer.setSingleShot(True)
        self.layout_timer.setInterval(400)
        self.layout_timer.timeout.connect(self.save_layout)
        self._restoring = False
        self.model.reloaded.connect(self._update_count)
        self.model.modelReset.connect(self._selection_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        ctx.locked.connect(self._on_locked)
        ctx.unlocked.connect(self._on_unlocked)
        ctx.data_changed.connect(self._on_data_changed)
        if ctx.session is not None:
            self._on_unlocked()
        else:
            self._update_buttons()

    # -- public API for the shell ---------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def save_state(self) -> dict[str, Any]:
        """What to restore after unlocking: filters, sort, selection, scroll. The search
        text is left out on purpose: it may be a person's name."""
        return {
            "query": self.model.query.to_state(),
            "selected": self.selected_ids(),
            "current": self.current_id(),
            "scroll": self.table.verticalScrollBar().value(),
        }

    def restore_state(self, state: dict[str, Any] | None) -> None:
        if not state or self.ctx.session is None:
            return
        query = listing.ContactQuery.from_state(state.get("query") or {})
        self.filters.show_query(query)
        self.model.set_query(replace(query, text=self.search.text()))
        self._show_sort_indicator()
        self.select_ids(list(state.get("selected") or []), state.get("current"))
        self.table.verticalScrollBar().setValue(int(state.get("scroll") or 0))

    def new_contact(self) -> None:
        session = self.ctx.session
        if session is None or not session.can(Permission.ADD):
            return
        from contactkluis.ui.contacts.edit_dialog import ContactEditDialog

        self._open(ContactEditDialog(session, None, self))

    def edit_contact(self, contact_id: int | None = None) -> None:
        session = self.ctx.session
        contact_id = contact_id if contact_id is not None else self.current_id()
        if session is None or contact_id is None:
            return
        from contactkluis.services.contacts import get_contact
        from contactkluis.ui.contacts.edit_dialog import ContactEditDialog

        self._open(ContactEditDialog(session, get_contact(session, contact_id), self))

    def merge_selected(self) -> None:
        session = self.ctx.session
        ids = self.selected_ids()
        if session is None or len(ids) != 2 or not session.can(Permission.MERGE):
            return
        from contactkluis.ui.contacts.merge_dialog import MergeDialog

        self._open(MergeDialog(session, ids[0], ids[1], self))

    def copy_emails(self) -> None:
        session = self.ctx.session
        ids = self.selected_ids()
        if session is None or not ids:
            return
        emails = listing.emails_of(session, ids)
        if not emails:
            return
        text = "; ".join(emails)
        copy = getattr(self.ctx, "copy_to_clipboard", None)
        if callable(copy):
            copy(text)
        else:
            QGuiApplication.clipboard().setText(text)
            noted = getattr(self.ctx, "note_copied", None)
            if callable(noted):
                noted(text)
        self.status_label.setText(t("copied", n=len(emails)))
        QTimer.singleShot(4000, self.status_label.clear)

    def show_filtered(self, wanted: dict[str, Any]) -> None:
        """Open the list with one filter from elsewhere (the privacy overview's numbers):
        {"retention": "expired"}, {"consent": "nieuwsbrief:reconfirm"}, {"special": True},
        {"restricted": True}."""
        if self.ctx.session is None:
            return
        query = listing.ContactQuery(
            sort=self.model.query.sort, descending=self.model.query.descending
        )
        if "retention" in wanted:
            query = replace(query, retention=frozenset({str(wanted["retention"])}))
        if "consent" in wanted:
            purpose, _, flag = str(wanted["consent"]).partition(":")
            query = replace(query, consent_purpose=purpose, consent_flags=frozenset({flag}))
        if "special" in wanted:
            query = replace(query, special=bool(wanted["special"]))
        if "restricted" in wanted:
            query = replace(query, restricted=bool(wanted["restricted"]))
        self.search.clear()
        self.filters.show_query(query)
        self.model.set_query(query)

    def show_ids(self, ids: list[int]) -> None:
        """Show these contacts selected (e.g. a near-duplicate pair), whatever was filtered."""
        if self.ctx.session is None or not ids:
            return
        query = listing.ContactQuery(
            sort=self.model.query.sort, descending=self.model.query.descending
        )
        self.search.clear()
        self.filters.show_query(query)
        self.model.set_query(query, then=lambda: self.select_ids(list(ids), ids[0]))

    def select_ids(self, ids: list[int], current: int | None = None) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for contact_id in ids:
            row = self.model.row_of(contact_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        sm = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        sm.select(selection, flags.ClearAndSelect | flags.Rows)
        target = current if current is not None else (ids[0] if ids else None)
        row = self.model.row_of(target) if target is not None else None
        if row is not None:
            index = self.model.index(row, 0)
            sm.setCurrentIndex(index, flags.NoUpdate)
            self.table.scrollTo(index)

    # -- querying -------------------------------------------------------------------------

    def query(self) -> listing.ContactQuery:
        base = replace(self.model.query, text=self.search.text())
        return self.filters.apply(base)

    def _search_now(self) -> None:
        self.search_timer.stop()
        self.apply_query(background=True)

    def apply_query(self, background: bool = False) -> None:
        """Run the search and filters; in the background the table keeps showing the last
        answer until the newest query's arrives, and the selection is kept across."""
        if self.ctx.session is None:
            return
        keep = self.selected_ids()
        current = self.current_id()
        self.model.set_query(
            self.query(), background=background, then=lambda: self.select_ids(keep, current)
        )

    def _update_count(self) -> None:
        if self.ctx.session is None:
            self.count_label.clear()
            return
        shown = self.model.rowCount()
        q = self.model.query
        if q.text.strip() or q.filters_active():
            total = self.model.total()
            self.count_label.setText(t("count.of", n=_thousands(shown),
                                       total=_thousands(total)))  # fmt: skip
        else:
            self.count_label.setText(t("count", n=_thousands(shown)))

    # -- selection and detail -------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        contact_id = self.model.id_at(current.row()) if current.isValid() else None
        if contact_id != (self.detail.contact.id if self.detail.contact else None):
            self.detail.show_contact(self.ctx.session, contact_id)

    def _selection_changed(self, *_args: Any) -> None:
        self._update_buttons()
        if not self.table.selectionModel().hasSelection() and self.detail.contact is not None:
            self.detail.clear()

    def _update_buttons(self) -> None:
        s = self.ctx.session
        n = len(self.table.selectionModel().selectedRows()) if s else 0
        self.new_button.setEnabled(bool(s and s.can(Permission.ADD)))
        self.edit_button.setEnabled(bool(s and s.can(Permission.EDIT)) and n == 1)
        self.merge_button.setEnabled(bool(s and s.can(Permission.MERGE)) and n == 2)
        self.copy_button.setEnabled(n > 0)

    def _open(self, dialog: QDialog) -> None:
        # open(), not exec(): no nested event loop, so a lock can close the dialog cleanly.
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._dialog_done(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _dialog_done(self, dialog: QDialog) -> None:
        target = getattr(dialog, "saved_id", None) or getattr(dialog, "merged_id", None)
        self._data_written()
        if target is not None:
            self.select_ids([int(target)])
            self.detail.show_contact(self.ctx.session, int(target))

    def _contact_changed(self, _contact_id: int) -> None:
        self._data_written()

    def _data_written(self) -> None:
        self.ctx.data_changed.emit()

    # -- context signals ------------------------------------------------------------------

    def _on_data_changed(self) -> None:
        if self.ctx.session is None:
            return
        values = listing.filter_values(self.ctx.session)
        self.filters.set_values(values)
        current = self.current_id()
        self.apply_query()
        if current is not None and self.model.row_of(current) is not None:
            self.detail.show_contact(self.ctx.session, current)

    def _on_unlocked(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        self.filters.set_values(listing.filter_values(session))
        self.model.set_session(session)
        self.restore_layout(session)
        self.apply_query()
        self._update_buttons()

    def _on_locked(self) -> None:
        """KeePassXC order: close dialogs, keep the layout, then drop every piece of data."""
        for dialog in self.findChildren(QDialog):
            dialog.reject()
            _wipe(dialog)  # deletion is deferred; the texts go now
            dialog.setParent(None)
            dialog.deleteLater()
        self.dialog = None
        self.search_timer.stop()
        if self.model.columnCount():
            self.save_layout()
        self.layout_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.detail.clear()
        self.detail.session = None
        self.filters.clear_choices()
        self.count_label.clear()
        self.status_label.clear()
        self._update_buttons()


def _wipe(widget: QWidget) -> None:
    for line in widget.findChildren(QLineEdit):
        line.clear()
    for text in widget.findChildren(QPlainTextEdit):
        text.clear()
    for label in widget.findChildren(QLabel):
        label.clear()
    for button in widget.findChildren(QAbstractButton):
        button.setText("")


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")
