"""Policy settings: JSON values in the meta table under 'setting.<name>'."""

from __future__ import annotations

from contactkluis.vault.db import Connection

PREFIX = "setting."


def stored(conn: Connection) -> dict[str, str]:
    """Every stored setting: its name (without the prefix) to its JSON text."""
    return {
        str(k)[len(PREFIX) :]: str(v)
        for k, v in conn.execute("SELECT key, value FROM meta WHERE key LIKE 'setting.%'")
    }
