"""A full disk, said as such: which folder, on which disk, and that nothing was half-saved.

SQLite reports it as SQLITE_FULL ("database or disk is full"), Python as OSError ENOSPC, a
quota as EDQUOT, and a FAT32 stick that cannot hold a file over 4 GiB as EFBIG.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from contactkluis.domain.messages import register
from contactkluis.errors import UserError

DISK_FULL = "disk.full"
_SQLITE_FULL = 13
_SQLITE_FULL_TEXT = "database or disk is full"
_NO_ROOM = frozenset(
    code for code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", None)) if code
)

register(
    {
        DISK_FULL: (
            "De schijf '{disk}' is vol: in de map '{folder}' past niets meer. Er is niets half"
            " opgeslagen. Maak ruimte vrij of kies een andere map, en probeer het opnieuw.",
            "The disk '{disk}' is full: nothing more fits in the folder '{folder}'. Nothing was"
            " half-saved. Free some space or choose another folder, and try again.",
        )
    }
)


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in _NO_ROOM
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == _SQLITE_FULL:
        return True
    # sqlcipher_export() passes the failure on as a plain error, with SQLite's own text.
    return code is not None and _SQLITE_FULL_TEXT in str(exc)


def disk_of(folder: Path) -> str:
    """The drive (C:) on Windows, the mount point (/media/usb) elsewhere."""
    folder = Path(os.path.abspath(folder))
    if folder.drive:
        return folder.drive
    probe = folder
    while not os.path.ismount(probe) and probe != probe.parent:
        probe = probe.parent
    return str(probe)


def disk_full(folder: Path) -> UserError:
    return UserError(DISK_FULL, folder=str(folder), disk=disk_of(folder))
