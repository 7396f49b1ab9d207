"""Small helpers the import and privacy pages share."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from contactkluis.errors import UserError
from contactkluis.migration.readers import ReadError

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
