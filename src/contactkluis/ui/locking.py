"""Locking, like KeePassXC's DatabaseWidget::lock: close dialogs, clear our clipboard, let
the pages drop their data, close the vault, show the unlock screen.

Auto-lock: an application-wide event filter restarts an inactivity timer on user input.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from contactkluis.ui.context import AppContext

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class Lockable(Protocol):
    """What the locker needs from the window."""

    def save_state(self) -> Any: ...
    def show_unlock_screen(self) -> None: ...


_INCARNATED = False


def _incarnate_qt_types() -> None:
    """Create every Qt type's Python wrapper class now, before an application-wide filter.

    PySide6 builds a type's wrapper class the first time Python meets an object of it. When
    that first meeting happens inside an application event filter (which sees every object),
    shiboken's lazy type creation re-enters itself and the process dies with SIGSEGV (seen in
    our test suite, and known upstream). Touching every type once up front takes ~0.2 s.
    """
    global _INCARNATED
    if _INCARNATED:
        return
    from PySide6 import QtCharts, QtCore, QtGui, QtPrintSupport, QtSvg, QtWidgets

    for module in (QtCore, QtGui, QtWidgets, QtSvg, QtPrintSupport, QtCharts):
        for name in dir(module):
            if name.startswith("Q"):
                getattr(module, name)
    _INCARNATED = True


class Locker(QObject):
    """Owns the lock sequence and the inactivity timer of one window."""

    lock_postponed = Signal()

    def __init__(self, ctx: AppContext, window: Lockable, minutes: int = 5) -> None:
        super().__init__()
        self.ctx = ctx
        self.window = window
        self.saved_state: Any = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._timed_out)
        self.set_timeout_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            _incarnate_qt_types()
            app.installEventFilter(self)
        ctx.unlocked.connect(self.timer.start)

    # -- timer ----------------------------------------------------------------------------

    def set_timeout_minutes(self, minutes: int) -> None:
        """0 switches auto-lock off."""
        self.set_timeout_ms(max(0, int(minutes)) * 60_000)

    def set_timeout_ms(self, ms: int) -> None:
        self._timeout_ms = ms
        self.timer.stop()
        if ms > 0:
            self.timer.setInterval(ms)
            if self.ctx.session is not None:
                self.timer.start()

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._timeout_ms > 0 and event.type() in _INPUT_EVENTS and self.ctx.session is not None:
            self.timer.start()
        return False

    def _timed_out(self) -> None:
        if self.ctx.session is not None:
            self.lock()

    # -- the sequence ---------------------------------------------------------------------

    def lock(self) -> bool:
        """Lock now; False when background work still uses the vault (retried shortly)."""
        if self.ctx.session is None:
            return True
        if self.ctx.tasks.pool.activeThreadCount() > 0:
            self.lock_postponed.emit()
            QTimer.singleShot(1000, self.lock)
            return False
        self.timer.stop()
        self._close_dialogs()
        self._clear_clipboard()
        self.saved_state = self.window.save_state()
        self.ctx.locked.emit()
        self.ctx.close_session()
        self.window.show_unlock_screen()
        return True

    def _close_dialogs(self) -> None:
        # Only this window's own windows (dialogs are parented to it), plus whatever is modal:
        # walking QApplication.topLevelWidgets() also wraps foreign top-levels that may be
        # half-destroyed, and creating those wrappers crashed the process (SIGSEGV, seen once
        # in the GUI suite under load).
        own = self.window if isinstance(self.window, QWidget) else None
        windows = [w for w in own.findChildren(QWidget) if w.isWindow()] if own else []
        for widget in windows:
            if widget.isVisible():
                self._dismiss(widget)
        # A modal dialog without our window as parent still blocks it; close those as well.
        for _ in range(20):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is own or not modal.isVisible():
                break
            self._dismiss(modal)

    @staticmethod
    def _dismiss(widget: QWidget) -> None:
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def _clear_clipboard(self) -> None:
        if self.ctx.clipboard_holds_copied():
            QGuiApplication.clipboard().clear()
        self.ctx.forget_copied()
