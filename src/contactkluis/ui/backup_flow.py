"""Making a backup from any screen, and the one way its state is put into words.

The status bar, the settings page, the dashboard and the import's clean-up advice all read
services.backups.backup_state and these texts, so they cannot contradict each other.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from contactkluis.config import load_config
from contactkluis.domain.messages import error_text
from contactkluis.services import backups
from contactkluis.services.backups import BackupState
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import MessageBox


def default_backup_dir(vault_path: Path | None) -> Path:
    base = vault_path.parent if vault_path else Path.home()
    return base / "back-ups"


def configured_backup_dir(vault_path: Path | None) -> Path:
    folder = load_config().get("backup_dir")
    return Path(folder) if folder else default_backup_dir(vault_path)


class BackupTexts(QObject):
    """A QObject so lupdate sees the plural form through self.tr."""

    def status(self, state: BackupState) -> tuple[str, str]:
        if state.age_days is None:
            return self.tr("nog geen back-up gemaakt"), "bad"
        if state.age_days == 0:
            return self.tr("laatste back-up: vandaag"), "ok"
        text = self.tr("laatste back-up: %n dag(en) geleden", "", state.age_days)
        return text, "bad" if state.overdue else "ok"


def status_text(state: BackupState) -> tuple[str, str]:
    """(text, tone) for a StatusPill: 'vandaag' for today, never '0 dagen geleden'."""
    return BackupTexts().status(state)


def make_backup(parent: QWidget, ctx: AppContext, folder: Path) -> Path | None:
    """On the main thread with a busy cursor: the vault connection is not shared with a
    worker while pages may use it, and a backup of a small vault takes a moment."""
    session = ctx.session
    if session is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = backups.make_backup(session, folder, ctx.vault_path)
    except Exception as exc:
        QApplication.restoreOverrideCursor()
        MessageBox.warning(
            parent,
            QCoreApplication.translate("BackupFlow", "Back-up niet gelukt"),
            error_text(exc),
        )
        return None
    QApplication.restoreOverrideCursor()
    ctx.backup_made.emit()
    MessageBox.information(
        parent,
        QCoreApplication.translate("BackupFlow", "Back-up gemaakt"),
        QCoreApplication.translate(
            "BackupFlow",
            "De back-up is gemaakt en gecontroleerd: hij is terug te zetten.\n\nMap: %1\nBestand: %2",
        )
        .replace("%1", str(written.parent))
        .replace("%2", written.name),
    )
    return written
