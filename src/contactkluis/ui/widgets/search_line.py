"""A search field whose Enter only searches.

A plain QLineEdit ignores Enter after emitting returnPressed, so the key travels on to the
dialog and presses its default button: in "Nieuw verzoek" that saved a request for the first
of four matches. This field keeps Enter to itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchLine(QLineEdit):
    search_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            event.accept()
            self.search_requested.emit()
            return
        super().keyPressEvent(event)
