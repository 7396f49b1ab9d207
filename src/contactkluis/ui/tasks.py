"""Background work: run(fn, on_result, on_error, on_progress) on a thread pool.

Results and errors arrive on the main thread through queued signals; workers never touch
widgets. Vault writes in a worker must use their own connection (Vault.connect()).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Signals(QObject):
    result = Signal(object)
    error = Signal(object)
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, token: CancelToken) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.token = token

    def _emit(self, signal_name: str, *args: object) -> None:
        # The window (and with it the receivers) may be gone before a worker finishes,
        # e.g. when the program closes during an import: then there is nobody to tell.
        try:
            getattr(self.signals, signal_name).emit(*args)
        except RuntimeError:
            self.token.cancel()

    @Slot()
    def run(self) -> None:
        try:
            value = self.fn(self.token, lambda done, total: self._emit("progress", done, total))
        except BaseException as exc:
            self._emit("error", exc)
        else:
            self._emit("result", value)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(2)
        self._alive: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[CancelToken, Callable[[int, int], None]], Any],
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> CancelToken:
        """fn(token, progress) runs on a worker; callbacks run on the main thread."""
        signals = _Signals()
        token = CancelToken()
        self._alive.add(signals)

        def finish() -> None:
            self._alive.discard(signals)

        if on_result:
            signals.result.connect(on_result)
        if on_error:
            signals.error.connect(on_error)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.result.connect(finish)
        signals.error.connect(finish)
        self.pool.start(_Task(fn, signals, token))
        return token

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
