"""Backup status for reminders: how long ago the last backup was made.

Lives here (not in a window) so the main window and the settings page both read it without
importing each other.
"""

from __future__ import annotations

from datetime import date

from contactkluis.services.session import Session

# A backup older than this many days is shown as a red reminder.
BACKUP_REMINDER_DAYS = 7


def backup_age_days(session: Session, today: date | None = None) -> int | None:
    """Days since the last backup (meta key written by backups); None when never."""
    raw = session.vault.meta("last_backup")
    if not raw:
        return None
    try:
        made = date.fromisoformat(raw[:10])
    except ValueError:
        return None
    return max(0, ((today or session.today()) - made).days)
