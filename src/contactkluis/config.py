"""Per-user program settings outside the vault: only where the vault is and UI layout.

Nothing personal goes here (it is a plain file): paths, language, window geometry.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from contactkluis.vault import private_files

DEFAULTS: dict[str, Any] = {
    "vault_path": None,
    "language": "nl",
    "autolock_minutes": 5,
    "backup_dir": None,
}


def config_file() -> Path:
    base = os.environ.get("CONTACTKLUIS_CONFIG_DIR") or user_config_dir("contactkluis", False)
    return Path(base) / "settings.json"


def load_config() -> dict[str, Any]:
    data = dict(DEFAULTS)
    try:
        stored = json.loads(config_file().read_text("utf-8"))
        if isinstance(stored, dict):
            data.update(stored)
    except (OSError, ValueError):
        pass
    return data


def save_config(values: dict[str, Any]) -> None:
    path = config_file()
    private_files.make_folder(path.parent)
    current = load_config()
    current.update(values)
    private_files.write_file(path, json.dumps(current, indent=1).encode("utf-8"), durable=False)
