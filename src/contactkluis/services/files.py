"""Files the services write for people: safe to open in Excel, never half-written.

One place for both rules, so that every export (mailing, access, register, counts, segments,
the full export) escapes formulas and replaces files the same way.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, TypeVar

from contactkluis.errors import UserError
from contactkluis.vault import disk_space

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A reader that splits on the other separator (`;` for a `,` file, or the reverse), or on
# line breaks, starts a new cell after any of these, quotes or not: what follows must not
# be a formula either. Blanks between are skipped, as a spreadsheet skips them.
_CELL_BREAK = re.compile(r"([,;\t\r\n][ \t\r\n]*)(?=[=+\-@])")
_T = TypeVar("_T")


def safe_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (CSV/formula injection) gets a leading ';
    numbers, dates and None stay what they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_field(value: Any) -> str:
    """A value as CSV text that no spreadsheet runs, however it splits the line.

    Numbers stay numbers (-3 is not a formula); text that starts with a formula character,
    also after blanks, gets a leading ', and so does every such start after a separator.
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START) or text.lstrip(" \t\r\n").startswith(_FORMULA_START):
        text = "'" + text
    return _CELL_BREAK.sub(r"\1'", text)


def csv_bytes(rows: Iterable[Iterable[Any]], *, delimiter: str = ";", bom: bool = True) -> bytes:
    """The one way we write CSV: every field quoted and made safe (csv_field), CRLF lines.

    `;` with a BOM is what Dutch Excel opens as columns with the accents right; mailing
    services want `,` without one.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows([csv_field(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


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
        if disk_space.is_disk_full(exc):
            raise disk_space.disk_full(path.parent) from None
        reason = exc.strerror or type(exc).__name__
        raise UserError("io", file=path.name, reason=(reason, reason)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result
