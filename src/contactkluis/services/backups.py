"""Backup status for reminders: how long ago the last backup was made.

Lives here (not in a window) so the main window and the settings page both read it without
importing each other.
"""

from __future__ import annotations

from datetime import date

from contactkluis.services.session import Session

# A backup older than this many days is shown as a red reminder.
BACKUP_REMINDER_DAYS = 7


def last_backup_date(session: Session) -> date | None:
    """The day of the last backup (meta key written by backups); None when never."""
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
