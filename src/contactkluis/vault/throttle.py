"""A growing delay between failed unlock attempts, remembered across program runs.

The count lives in the user's state folder, not in the vault: a wrong password must not
write to the vault file. It holds the vault id and counters only.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from platformdirs import user_state_dir

from contactkluis.vault import private_files

MAX_DELAY_S = 60


def state_file() -> Path:
    base = os.environ.get("CONTACTKLUIS_STATE_DIR") or user_state_dir("contactkluis", False)
    return Path(base) / "unlock-attempts.json"


def delay_for(failures: int) -> int:
    """1, 2, 4, 8 ... seconds after the 1st, 2nd, 3rd ... failure, capped."""
    if failures <= 0:
        return 0
    return int(min(MAX_DELAY_S, 2 ** (failures - 1)))


def _load() -> dict[str, Any]:
    try:
        data = json.loads(state_file().read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save(data: dict[str, Any]) -> None:
    path = state_file()
    try:
        private_files.make_folder(path.parent)
        private_files.write_file(path, json.dumps(data).encode("utf-8"), durable=False)
    except OSError:
        pass  # the delay is a brake, not a lock: failing to remember must not block unlocking


def failures(vault_id: str) -> int:
    entry = _load().get(vault_id) or {}
    return int(entry.get("failures", 0))


def wait_remaining(vault_id: str, now: float | None = None) -> int:
    """Seconds before the next attempt is allowed (0 = go ahead)."""
    entry = _load().get(vault_id) or {}
    not_before = float(entry.get("not_before", 0))
    now = time.time() if now is None else now
    return max(0, int(not_before - now + 0.999))


def record_failure(vault_id: str) -> int:
    data = _load()
    entry = data.get(vault_id) or {}
    count = int(entry.get("failures", 0)) + 1
    delay = delay_for(count)
    data[vault_id] = {"failures": count, "not_before": time.time() + delay}
    _save(data)
    return delay


def reset(vault_id: str) -> int:
    """Forget the failures after a successful unlock; returns how many there were."""
    data = _load()
    entry = data.pop(vault_id, None) or {}
    if entry:
        _save(data)
    return int(entry.get("failures", 0))
