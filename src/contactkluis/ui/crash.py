"""Unexpected errors in the GUI: tell the user plainly, never show or print a traceback's text.

An exception's message and a traceback's locals can hold a contact's name or e-mail; what is
printed here is the exception type and the code locations only (file, line, function).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from contactkluis.ui.dialogs import MessageBox


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """'KeyError at services/contacts.py:42 (get_contact) < ...': no message, no values."""
    frames = traceback.extract_tb(tb)[-4:]
    where = " < ".join(
        f"{'/'.join(Path(f.filename).parts[-2:])}:{f.lineno} ({f.name})" for f in reversed(frames)
    )
    return f"{exc_type.__name__} at {where}" if where else exc_type.__name__


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    summary = describe(exc_type, tb)
    print(f"contactkluis: unexpected error: {summary}", file=sys.stderr)
    if QApplication.instance() is None:
        return
    MessageBox.critical(
        None,
        QCoreApplication.translate("CrashDialog", "Onverwachte fout"),
        QCoreApplication.translate(
            "CrashDialog",
            "Er ging iets mis dat niet had mogen gebeuren. Wat u net deed, is mogelijk niet"
            " opgeslagen; uw andere gegevens staan veilig in de kluis.\n\nMeld dit aan de"
            " leverancier met deze code (er staan geen persoonsgegevens in):\n{0}",
        ).format(summary),
    )


def install() -> None:
    sys.excepthook = _hook
