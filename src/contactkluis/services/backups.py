"""Backups: making one, and the one answer to "is there a backup, how old is it?".

Lives here (not in a window) so the status bar, the settings page, the dashboard and the
import's clean-up advice all read the same state and never contradict each other. The vault
records `last_backup` only after the written file was opened and checked (Vault.backup), so
"a backup exists" here means a verified one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from contactkluis.services import accounts
from contactkluis.services.session import Session

# A backup older than this many days is shown as a red reminder.
BACKUP_REMINDER_DAYS = 7


@dataclass(frozen=True)
class BackupState:
    last: date | None
    age_days: int | None  # None when never

    @property
    def exists(self) -> bool:
        return self.last is not None

    @property
    def overdue(self) -> bool:
        return self.age_days is None or self.age_days > BACKUP_REMINDER_DAYS


def last_backup_date(session: Session) -> date | None:
    """The day of the last verified backup (meta key written by Vault.backup); None when never."""
    raw = session.vault.meta("last_backup")
    try:
        return date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None


def backup_age_days(session: Session, today: date | None = None) -> int | None:
    """Days since the last backup; None when never."""
    made = last_backup_date(session)
    if made is None:
        return None
    return max(0, ((today or session.today()) - made).days)


def backup_state(session: Session) -> BackupState:
    return BackupState(last_backup_date(session), backup_age_days(session))


def backup_path(folder: Path, vault_path: Path | None, now: datetime | None = None) -> Path:
    stem = vault_path.stem if vault_path else "kluis"
    return folder / f"{stem}-{(now or datetime.now()):%Y%m%d-%H%M%S}.ckbak"


def make_backup(session: Session, folder: Path, vault_path: Path | None) -> Path:
    """Write a backup into `folder` and check that it restores (raises UserError if not)."""
    return accounts.backup(session, backup_path(folder, vault_path))
