"""Small helpers the import and privacy pages share."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from contactkluis.ui.context import AppContext

log = logging.getLogger(__name__)


class StalePage(QWidget):
    """A page that refreshes lazily: a change while hidden waits until it is shown."""

    ctx: AppContext
    _stale: bool

    def refresh(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def follow_vault(self) -> None:
        """Drop everything on lock; reload (when shown) after unlock or any data change."""
        self.ctx.locked.connect(self.clear)
        self.ctx.unlocked.connect(self._mark_stale)
        self.ctx.data_changed.connect(self._mark_stale)

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
