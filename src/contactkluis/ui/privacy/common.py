"""Small helpers the import and privacy pages share."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from contactkluis.errors import UserError, current_language
from contactkluis.services.import_plan import ReadError

if TYPE_CHECKING:
    from contactkluis.ui.context import AppContext

log = logging.getLogger(__name__)


def error_text(exc: BaseException, lang: str = "nl") -> str:
    """A user-facing message for an exception; never a traceback or a contact's data."""
    if isinstance(exc, UserError | ReadError):
        return exc.message(lang)
    # Unexpected: the type goes to the log (no message text: it might hold data).
    log.error("unexpected %s in a background task", type(exc).__name__)
    return QCoreApplication.translate(
        "Errors", "Er ging iets onverwachts mis (%1). Er is niets half opgeslagen."
    ).replace("%1", type(exc).__name__)


class StalePage(QWidget):
    """A page that refreshes lazily: a change while hidden waits until it is shown."""

    ctx: AppContext
    _stale: bool

    @property
    def lang(self) -> str:
        return self.ctx.session.lang if self.ctx.session else current_language()

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
