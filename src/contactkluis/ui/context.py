"""The application context handed to every window and page (no globals).

Pages receive it in their constructor and must obey the lock protocol: on `locked` they
drop every reference to contact data (models cleared, detail panels emptied); on
`unlocked` they reload from `ctx.session`.

The context is the one owner of the unlocked session: `open_session` takes it over,
`close_session` closes its vault; everybody else only reads `ctx.session`.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from contactkluis.services.session import Session


class AppContext(QObject):
    locked = Signal()
    unlocked = Signal()
    data_changed = Signal()  # contacts were added, edited, imported or removed
    settings_changed = Signal()  # per-user settings (config file) changed, e.g. auto-lock
    backup_made = Signal()  # a backup was written: the status bar refreshes its reminder

    def __init__(self, vault_path: Path | None = None) -> None:
        super().__init__()
        self.vault_path = vault_path
        self._session: Session | None = None
        self.account_name: str = ""  # kept across a lock so the unlock screen can prefill it
        from contactkluis.ui.tasks import TaskRunner

        self.tasks = TaskRunner(self)
        # Only salted digests of what we put on the clipboard: enough to recognise our own
        # copy at lock time without keeping contact data around.
        self._clip_salt = secrets.token_bytes(16)
        self._copied: set[bytes] = set()

    def _digest(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), key=self._clip_salt, digest_size=16).digest()

    def note_copied(self, text: str) -> None:
        """Call after putting contact data on the clipboard, so locking can clear it."""
        self._copied.add(self._digest(text))

    def copy_to_clipboard(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.note_copied(text)

    def clipboard_holds_copied(self) -> bool:
        text = QGuiApplication.clipboard().text()
        return bool(text) and self._digest(text) in self._copied

    def forget_copied(self) -> None:
        self._copied.clear()

    @property
    def session(self) -> Session | None:
        return self._session

    @property
    def unlocked_session(self) -> Session:
        if self._session is None:
            raise RuntimeError("vault is locked")
        return self._session

    def open_session(self, session: Session) -> None:
        """Take over an unlocked session (a session already held is closed first)."""
        if self._session is not None and self._session is not session:
            self.close_session()
        self._session = session
        self.account_name = session.account

    def close_session(self) -> None:
        """Close the vault of the session held; the account name stays for the unlock screen."""
        session, self._session = self._session, None
        if session is None:
            return
        self.account_name = session.account if session.account != "?" else ""
        session.vault.close()
