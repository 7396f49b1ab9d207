"""Read a legacy spreadsheet (xlsx/xlsm/xls/xlsb/ods/csv/txt) or vCard file into plain rows.

The file's content decides how it is read, not its name: a `.xls` that is really a web
export's tab-separated text is read as text, an `.xlsx` that is really an encrypted OLE2
container is reported as password-protected. Binary workbooks are parsed by calamine in a
child process with a memory cap and a time limit (see `safety.run_isolated`), because a
40 KB `.xls` can make calamine allocate more than a gigabyte.

Row positions are kept true to the sheet: `rows[i]` is the row the user sees as number
i+1 in Excel, and column j is column j+1 (A=1), leading empty rows and columns included.
Empty cells are None in every format.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import pathlib
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from contactkluis.migration import csv_reader, vcard
from contactkluis.migration.safety import (
    CODES,
    MAX_CELLS,
    MAX_FILE_BYTES,
    PARSE_TIMEOUT_S,
    ReadError,
    inspect_zip,
    markup_kind,
    ole_is_encrypted_ooxml,
    run_isolated,
    sniff,
)

__all__ = [
    "CODES",
    "SPREADSHEET_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "Cell",
    "ReadError",
    "SheetData",
    "Workbook",
    "read_workbook",
]

Cell = str | int | float | bool | datetime.datetime | datetime.date | datetime.time | None

# The one list of importable suffixes, in the order the file dialog shows them.
SPREADSHEET_SUFFIXES: tuple[str, ...] = (
    ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt", ".vcf",
)  # fmt: skip
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(SPREADSHEET_SUFFIXES)
_TEXT_SUFFIXES = frozenset({".csv", ".txt"})
# Web tools often save HTML or plain text under .xls; never under the zip-based names.
_TEXT_ALLOWED_SUFFIXES = _TEXT_SUFFIXES | {".xls"}
_HEAD_BYTES = 64 * 1024
_SUFFIX_KIND = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xlsb": "xlsb", ".ods": "ods", ".xls": "xls"}


@dataclass
class SheetData:
    """One sheet. Workbook rows are rectangular from A1 to the last used cell; CSV rows keep
    the field count of each record. Trailing empty rows are dropped."""

    name: str
    rows: list[list[Cell]]
    hidden: bool = False
    encoding: str | None = None  # a text file's character encoding, as detected


@dataclass
class Workbook:
    """kind is what the content turned out to be, whatever the suffix said."""

    path: pathlib.Path
    kind: str
    sheets: list[SheetData] = field(default_factory=list)
    modified: datetime.date | None = None
    saved: datetime.date | None = None  # the workbook's own "last saved" property (xlsx)


def read_workbook(
    path: pathlib.Path, *, timeout: float = PARSE_TIMEOUT_S, encoding: str | None = None
) -> Workbook:
    """Read every sheet of the file. Raises ReadError for every failure, never anything else.
    `encoding` reads a text file in that encoding instead of detecting it."""
    path = pathlib.Path(path)
    try:
        return _read(path, timeout, encoding)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("too_large", path, detail="MemoryError") from None
    except Exception as exc:
        raise ReadError("malformed", path, detail=f"{type(exc).__name__}: {exc}"[:300]) from None


def _read(path: pathlib.Path, timeout: float, encoding: str | None = None) -> Workbook:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError("unsupported", path, what="suffix")
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ReadError("not_found", path) from None
    except OSError as exc:
        raise ReadError("unreadable", path, detail=str(exc)) from None
    if not path.is_file():
        raise ReadError("unreadable", path, detail="not a regular file")
    if stat.st_size == 0:
        raise ReadError("empty", path)
    if stat.st_size > MAX_FILE_BYTES:
        raise ReadError("too_large", path, detail=f"{stat.st_size} bytes")
    modified = datetime.date.fromtimestamp(stat.st_mtime)
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except OSError as exc:
        raise ReadError("unreadable", path, detail=str(exc)) from None

    form = sniff(head)
    if form == "zip":
        kind = inspect_zip(path)
        if kind == "xlsx" and suffix == ".xlsm":
            kind = "xlsm"
        sheets = _read_binary(path, kind, timeout)
    elif form == "ole":
        if ole_is_encrypted_ooxml(_read_all(path)):
            raise ReadError("encrypted", path)
        kind = "xls"
        sheets = _read_binary(path, kind, timeout)
    elif form == "old_excel":
        raise ReadError("unsupported", path, what="old_excel")
    elif form == "text" and suffix == ".vcf":
        kind = "vcard"
        # An address book of thousands of cards with photos: parsed in the child as well.
        rows = run_isolated(parse_vcard, (os.fspath(path),), path, timeout=timeout)
        if not rows:
            raise ReadError("not_spreadsheet", path)
        sheets = [SheetData(name=path.stem, rows=rows)]
    elif form == "text" and (markup := markup_kind(head)):
        raise ReadError("unsupported", path, what=markup)
    elif form == "text" and suffix in _TEXT_ALLOWED_SUFFIXES:
        kind = "csv"
        # In the child too: a 190 MB text file parsed here took 1.35 GB of the office PC.
        rows, used = run_isolated(
            parse_delimited_encoded, (os.fspath(path), encoding), path, timeout=timeout
        )
        sheets = [SheetData(name=path.stem, rows=rows, encoding=used)]
    else:
        raise ReadError("not_spreadsheet", path)

    if not any(cell is not None for sheet in sheets for row in sheet.rows for cell in row):
        raise ReadError("empty", path)
    saved = saved_date(path) if kind in ("xlsx", "xlsm") else None
    return Workbook(path=path, kind=kind, sheets=sheets, modified=modified, saved=saved)


_CORE_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})")


def saved_date(path: pathlib.Path) -> datetime.date | None:
    """dcterms:modified from docProps/core.xml: when the workbook was last saved."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml")[:65536]
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    match = _CORE_MODIFIED.search(core)
    try:
        return datetime.date.fromisoformat(match.group(1).decode()) if match else None
    except ValueError:
        return None


def _read_all(path: pathlib.Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError("unreadable", path, detail=str(exc)) from None


def _read_binary(path: pathlib.Path, kind: str, timeout: float) -> list[SheetData]:
    # calamine picks its reader by suffix and then reports the real problem (password,
    # damage); content sniffing is only needed when the suffix lies about the content.
    by_suffix = _SUFFIX_KIND.get(path.suffix.lower()) == _SUFFIX_KIND.get("." + kind)
    args = (os.fspath(path), by_suffix)
    raw = run_isolated(parse_with_calamine, args, path, timeout=timeout)
    return [SheetData(name=name, rows=rows, hidden=hidden) for name, rows, hidden in raw]


# --- runs in the parser child process ----------------------------------------------------


def parse_delimited(path_str: str) -> list[list[Cell]]:
    """Read and parse a CSV/TXT file; module-level so the child process can import it."""
    return parse_delimited_encoded(path_str)[0]


def parse_delimited_encoded(
    path_str: str, encoding: str | None = None
) -> tuple[list[list[Cell]], str]:
    """The rows of a CSV/TXT file and the encoding they were read in (detected when None)."""
    path = pathlib.Path(path_str)
    rows, encoding = csv_reader.read_delimited_encoded(path, _read_all(path), encoding)
    return [list[Cell](row) for row in rows], encoding


def parse_vcard(path_str: str) -> list[list[Cell]]:
    """Read and parse a vCard file; module-level so the child process can import it."""
    path = pathlib.Path(path_str)
    return [list[Cell](row) for row in vcard.vcard_rows(_read_all(path))]


def parse_with_calamine(path_str: str, by_suffix: bool) -> list[tuple[str, list[list[Cell]], bool]]:
    """Parse a workbook with calamine; returns (name, rows, hidden) per worksheet.

    Module-level so the child process can import it; returns plain tuples for pickling.
    """
    import python_calamine as pc

    path = pathlib.Path(path_str)
    try:
        with contextlib.ExitStack() as stack:
            if by_suffix:
                book = pc.CalamineWorkbook.from_path(path_str)
            else:
                # from_filelike sniffs the content, so a misnamed workbook still opens.
                book = pc.CalamineWorkbook.from_filelike(stack.enter_context(path.open("rb")))
            result: list[tuple[str, list[list[Cell]], bool]] = []
            cells = 0
            for index, meta in enumerate(book.sheets_metadata):
                if meta.typ != pc.SheetTypeEnum.WorkSheet:
                    continue  # chart, dialog and VBA sheets hold no contact rows
                sheet = book.get_sheet_by_index(index)
                end = sheet.end
                if end is not None:
                    # Rows and columns are padded from A1, so A1..end is what we hold.
                    cells += (end[0] + 1) * (end[1] + 1)
                    if cells > MAX_CELLS:
                        raise ReadError("too_large", path, detail=f"> {MAX_CELLS} cells")
                rows = _rows(sheet.to_python(skip_empty_area=False))
                while rows and all(v is None for v in rows[-1]):
                    rows.pop()
                hidden = meta.visible != pc.SheetVisibleEnum.Visible
                result.append((meta.name, rows, hidden))
            return result
    except pc.PasswordError:
        raise ReadError("encrypted", path) from None
    except pc.ZipError as exc:
        raise ReadError("truncated", path, detail=f"zip: {exc}") from None
    except pc.CalamineError as exc:
        code, what = _classify(str(exc))
        raise ReadError(code, path, what=what, detail=str(exc)[:300]) from None
    except OSError as exc:
        # calamine reports short reads ("failed to fill whole buffer") as I/O errors.
        raise ReadError("truncated", path, detail=str(exc)[:300]) from None


def _classify(message: str) -> tuple[str, str]:
    """Map calamine's error text to (code, what); its exception classes are too coarse."""
    text = message.lower()
    if "password" in text or "encrypt" in text:
        return "encrypted", ""
    if "cell limit" in text:
        return "too_large", ""
    if "macrosheet" in text:
        return "unsupported", "macrosheet"
    if "past end of file" in text or "end of stream" in text or "too small" in text:
        return "truncated", ""
    return "malformed", ""


_PLAIN = (float, int)


# Distinct texts remembered per workbook, at most: the parser child has a memory cap.
_SHARED_TEXTS = 100_000


def _rows(values: Iterable[Sequence[object]]) -> list[list[Cell]]:
    """_cell of every value; the common kinds (text, numbers) pass without a call: a 100,000
    row sheet has more than a million cells. A text that recurs (a town, a first name, 'ja')
    becomes one object for all its cells: pickled once to the parent and held there once."""
    seen: dict[str, str] = {}
    out: list[list[Cell]] = []
    for row in values:
        if len(seen) < _SHARED_TEXTS:
            cells = [
                seen.setdefault(v, v) if type(v) is str and v
                else v if type(v) in _PLAIN else _cell(v)
                for v in row
            ]  # fmt: skip
        else:
            cells = [v if (type(v) is str and v) or type(v) in _PLAIN else _cell(v) for v in row]
        out.append(cast(list[Cell], cells))
    return out


def _cell(value: object) -> Cell:
    if value == "" or value is None:
        return None
    if isinstance(value, datetime.timedelta):
        # Durations ("[u]:mm") have no place in Cell; a time of day or "h:mm:ss" text does.
        if datetime.timedelta(0) <= value < datetime.timedelta(days=1):
            return (datetime.datetime.min + value).time()
        seconds = int(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        h, rem = divmod(abs(seconds), 3600)
        return f"{sign}{h}:{rem // 60:02d}:{rem % 60:02d}"
    if isinstance(value, str | int | float | bool | datetime.date | datetime.time):
        return value
    return str(value)
