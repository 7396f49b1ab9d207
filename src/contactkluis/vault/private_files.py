"""Files only their owner can read: 0600 files and 0700 folders on POSIX.

The process umask (hardening.py) already makes every new file owner-only; these helpers say
so explicitly where the vault, its keys, lock, journals, backups and our state are written,
so a library caller with a lax umask, or a vault from an older version, ends up the same.
Folders are only tightened when we create them: a vault in the user's Documents leaves
Documents as it was. On Windows the files inherit the ACL of the user's profile folder,
which only that user (and administrators) may read; see docs/privacy.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_POSIX = os.name == "posix"


def make_folder(folder: Path) -> Path:
    """Create `folder` and any missing parents as owner-only; existing ones stay as they are."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: theirs, not ours to change
        if _POSIX:
            os.chmod(path, FOLDER_MODE)
    return folder


def open_private(path: Path, flags: int) -> int:
    """os.open with owner-only permissions, also for a file that existed with wider ones."""
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), FILE_MODE)
    if _POSIX:
        try:
            os.fchmod(fd, FILE_MODE)
        except OSError:
            os.close(fd)
            raise
    return fd


def create_empty(path: Path) -> None:
    """An empty owner-only file that SQLite then fills: its -wal/-shm copy this mode."""
    os.close(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))


def tighten(paths: Iterable[Path]) -> None:
    """Owner-only modes for files we wrote earlier (e.g. by a version before this rule)."""
    if not _POSIX:
        return
    for path in paths:
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, FILE_MODE)
        except FileNotFoundError:
            continue


def write_file(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` whole with `data`, owner-only: temp file, (fsync), rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; Windows has no directory handles to sync."""
    if not _POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
