"""Files the services write for people: safe to open in Excel, never half-written.

One place for both rules, so that every export (mailing, access, register, counts, segments,
the full export) escapes formulas and replaces files the same way.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

from contactkluis.errors import UserError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_T = TypeVar("_T")


def safe_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (CSV/formula injection) gets a leading ';
    numbers, dates and None stay what they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_atomic(path: Path, write: Callable[[IO[bytes]], _T]) -> _T:
    """Write through a temp file in the same folder, fsync, then move it into place.

    Returns what `write` returned (e.g. a count). A failure leaves the old file (or none),
    never a half-written one, and becomes one clear UserError.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise UserError("io", file=path.name, reason=("map bestaat niet", "folder does not exist"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            result = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        reason = exc.strerror or type(exc).__name__
        raise UserError("io", file=path.name, reason=(reason, reason)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result
