"""The contacts table's layout: column chooser, order, widths, sort and splitter.

Kept in QSettings between sessions and across a lock. Only the layout is stored there,
never a search text or anything else that could name a person.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QMenu, QSplitter, QTableView, QWidget

from contactkluis.domain.purposes import LegalBasis
from contactkluis.services.session import Session
from contactkluis.ui.contacts.flags import pill_width, widest_pill_text
from contactkluis.ui.contacts.model import Column, ContactTableModel
from contactkluis.ui.contacts.texts import t

_DEFAULT_WIDTHS = {
    Column.NAME: 190, Column.EMAIL: 200, Column.PHONE: 110, Column.POSTCODE: 75,
    Column.CITY: 120, Column.RELATIONS: 110, Column.RETENTION: 160, Column.SOURCES: 140,
    Column.UPDATED: 90,
}  # fmt: skip
_HIDDEN_BY_DEFAULT = (Column.SOURCES, Column.UPDATED)
_SETTINGS_GROUP = "contacts"


def default_settings() -> QSettings:
    """Layout only (column order, widths, visibility, sort): never personal data."""
    from contactkluis.config import config_file

    return QSettings(str(config_file().parent / "layout.ini"), QSettings.Format.IniFormat)


class ColumnLayoutMixin:
    """ContactsPage's layout persistence; the page builds the widgets named below."""

    table: QTableView
    model: ContactTableModel
    splitter: QSplitter
    settings: QSettings
    layout_timer: QTimer
    _restoring: bool

    def _column_menu(self, pos: Any) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """The column chooser: a checkable entry per column (the name always shows)."""
        menu = QMenu(t("columns"), cast(QWidget, self))
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != Column.NAME)
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self._save_layout_soon()

    def _layout_key(self) -> str:
        # The saved header only fits the same columns: the purpose list is part of the key.
        codes = ",".join(code for code, _label in self.model.purposes)
        return f"{_SETTINGS_GROUP}/header/{codes}"

    def _save_layout_soon(self) -> None:
        if not self._restoring and self.model.columnCount():
            self.layout_timer.start()

    def save_layout(self) -> None:
        header = self.table.horizontalHeader()
        self.settings.setValue(self._layout_key(), header.saveState())
        self.settings.setValue(f"{_SETTINGS_GROUP}/sort", self.model.query.sort)
        self.settings.setValue(f"{_SETTINGS_GROUP}/descending", int(self.model.query.descending))
        self.settings.setValue(f"{_SETTINGS_GROUP}/splitter", self.splitter.saveState())
        self.settings.sync()

    def restore_layout(self, session: Session) -> None:
        self._restoring = True
        try:
            header = self.table.horizontalHeader()
            saved = self.settings.value(self._layout_key())
            if not (saved and header.restoreState(saved)):
                self._default_layout(session)
            # A layout saved in another language or font may be too narrow for the pills.
            retention = int(Column.RETENTION)
            needed = self._default_width(Column.RETENTION)
            if header.sectionSize(retention) < needed:
                header.resizeSection(retention, needed)
            splitter = self.settings.value(f"{_SETTINGS_GROUP}/splitter")
            if not (splitter and self.splitter.restoreState(splitter)):
                self.splitter.setSizes([700, 420])
            sort = str(self.settings.value(f"{_SETTINGS_GROUP}/sort") or "name")
            descending = str(self.settings.value(f"{_SETTINGS_GROUP}/descending") or "0") == "1"
            try:
                self.model.column_for_sort(sort)
                self.model.query = replace(self.model.query, sort=sort, descending=descending)
            except KeyError:
                pass
            self._show_sort_indicator()
        finally:
            self._restoring = False

    def _show_sort_indicator(self) -> None:
        q = self.model.query
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            self.model.column_for_sort(q.sort),
            Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    def _default_width(self, column: Column) -> int:
        width = _DEFAULT_WIDTHS[column]
        if column is Column.RETENTION:  # the whole pill, in this language: "Expired 23-10-2024"
            metrics = self.table.fontMetrics()
            width = max(width, pill_width(metrics, widest_pill_text()))
        return width

    def _default_layout(self, session: Session) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionHidden(column, False)
            purpose = self.model.purpose_of(column)
            if purpose is None:
                header.resizeSection(column, self._default_width(Column(column)))
                header.setSectionHidden(column, Column(column) in _HIDDEN_BY_DEFAULT)
                continue
            header.resizeSection(column, header.fontMetrics().horizontalAdvance(purpose[1]) + 28)
            # Consent flags matter for purposes that rest on consent; others can be shown.
            p = session.purposes.get(purpose[0])
            header.setSectionHidden(column, p is None or p.basis is not LegalBasis.TOESTEMMING)
        # What the table is for comes first: who, may we keep them, may we mail them.
        first = [int(Column.NAME), int(Column.RETENTION)]
        first += range(len(Column), self.model.columnCount())
        for visual, logical in enumerate(first):
            header.moveSection(header.visualIndex(logical), visual)
