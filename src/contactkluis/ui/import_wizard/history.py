"""The imports done before, on the Importeren page: each one's report can be reopened.

The list comes from the reports stored in the vault (services/import_history.py): dates,
file names and counts only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import format_datetime, speaker
from contactkluis.services import import_history
from contactkluis.services.session import Session

_ROLE = Qt.ItemDataRole.UserRole
_t = speaker(
    {
        "title": ("Eerdere imports", "Earlier imports"),
        "none": ("Er is nog niets geïmporteerd.", "Nothing has been imported yet."),
        "open": ("Verslag openen", "Open report"),
        "when": ("Datum", "Date"),
        "files": ("Bestanden", "Files"),
        "created": ("Nieuw", "New"),
        "merged": ("Samengevoegd", "Merged"),
        "warnings": ("Waarschuwingen", "Warnings"),
        "skipped": ("Overgeslagen", "Skipped"),
        "review": ("Na te kijken", "To review"),
    },
    "import.history.",
)
COLUMNS = ("when", "files", "created", "merged", "warnings", "skipped", "review")


class PastImports(QWidget):
    """Signals: open_report(batch id) when a past import is opened (button or double-click)."""

    open_report = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_t("title"))
        title.setStyleSheet("font-weight: 600;")
        self.empty = QLabel(_t("none"))
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([_t(c) for c in COLUMNS])
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemActivated.connect(lambda item, _col: self._open(item))
        self.list.itemDoubleClicked.connect(lambda item, _col: self._open(item))
        self.list.currentItemChanged.connect(lambda item, _old: self._selection(item))
        self.open_button = QPushButton(_t("open"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        row = QHBoxLayout()
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def refresh(self, session: Session | None) -> None:
        self.list.clear()
        # On lock the page resets while the vault is already closed: then the list empties.
        usable = session is not None and session.vault.conn is not None
        past = import_history.past_imports(session) if usable and session else []
        for done in past:
            values = (
                format_datetime(done.started_at),
                ", ".join(done.files),
                done.created,
                done.merged,
                done.warnings,
                done.skipped,
                done.review,
            )
            item = QTreeWidgetItem([str(v) for v in values])
            item.setToolTip(1, item.text(1))
            item.setData(0, _ROLE, done.id)
            self.list.addTopLevelItem(item)
        self.empty.setVisible(not past)
        self.list.setVisible(bool(past))
        self._selection(self.list.currentItem())

    def batch_ids(self) -> list[int]:
        root = self.list.invisibleRootItem()
        items = [root.child(i) for i in range(root.childCount())]
        return [int(item.data(0, _ROLE)) for item in items if item is not None]

    def _selection(self, item: QTreeWidgetItem | None) -> None:
        self.open_button.setEnabled(item is not None)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_report.emit(int(item.data(0, _ROLE)))
