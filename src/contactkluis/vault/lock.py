"""One program instance per vault: an OS lock on a small file beside the database.

The lock file says who holds it (account, host, since) so a second instance can tell the
user; the OS lock itself dies with the process, so a crashed run leaves a *stale* file that
the next run recognises and takes over.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from contactkluis.vault import private_files

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@dataclass(frozen=True)
class LockInfo:
    account: str
    host: str
    since: str
    pid: int


class LockHeld(Exception):
    def __init__(self, info: LockInfo) -> None:
        super().__init__("vault in use")
        self.info = info


def _try_lock(fh: IO[bytes]) -> bool:
    try:
        if os.name == "nt":  # pragma: no cover
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        else:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def read_info(path: Path) -> LockInfo | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        return LockInfo(
            str(data["account"]), str(data["host"]), str(data["since"]), int(data["pid"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class InstanceLock:
    """Held for as long as a vault is open for writing."""

    def __init__(self, db_path: Path, account: str) -> None:
        self.path = lock_path(db_path)
        self.account = account
        self.stale: LockInfo | None = None
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        # Kept open while the lock is held; owner-only like the vault it guards.
        fd = private_files.open_private(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
        fh = os.fdopen(fd, "a+b")
        if not _try_lock(fh):
            fh.close()
            info = read_info(self.path) or LockInfo("?", "?", "?", 0)
            raise LockHeld(info)
        # We hold the OS lock: whatever the file still says is from a run that died.
        self.stale = read_info(self.path)
        record = {
            "account": self.account,
            "host": socket.gethostname(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
            "pid": os.getpid(),
        }
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(record).encode("utf-8"))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        fh, self._fh = self._fh, None
        try:
            fh.seek(0)
            fh.truncate()
            fh.flush()
        finally:
            # The file stays: unlinking it would let a waiting opener lock an orphan inode.
            fh.close()
