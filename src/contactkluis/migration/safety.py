"""Guards that run before (and around) any spreadsheet parser.

A legacy contact list can be anything a user drags in: a renamed web export, a half-copied
file from a USB stick, a password-protected workbook or a fuzzer's nightmare. Everything here
exists so that such a file ends in a `ReadError` with a clear Dutch/English sentence, within
seconds and bounded memory, instead of a traceback, a hang or an exhausted office PC.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pathlib
import sys
import zipfile
from collections.abc import Callable
from typing import Any

from contactkluis.domain.messages import CodedError, register, render
from contactkluis.domain.process import disable_core_dumps

# Limits. Generous for real contact lists (a few thousand rows), tight for hostile files.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CELLS = 2_000_000
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_UNCOMPRESSED = 500 * 1024 * 1024
# Real sheets compress up to ~45x (corpus maximum); a bomb compresses hundreds of times.
MAX_ZIP_RATIO = 200
ZIP_RATIO_MIN_BYTES = 16 * 1024 * 1024
# Address-space cap for the parser child: a calamine range costs ~32 bytes per cell, and a
# tiny .xls/.xlsx can declare cells at A1 and IV65536, which would otherwise take >1 GB.
CHILD_MEMORY_BYTES = 512 * 1024 * 1024
PARSE_TIMEOUT_S = 60.0

_MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": (
        "Het bestand '{name}' bestaat niet (meer).",
        "The file '{name}' does not exist (any more).",
    ),
    "unreadable": (
        "Het bestand '{name}' kan niet worden geopend; controleer of u er toegang toe hebt "
        "en of het niet in een ander programma open staat.",
        "The file '{name}' cannot be opened; check that you have access to it and that it "
        "is not open in another program.",
    ),
    "encrypted": (
        "'{name}' is met een wachtwoord beveiligd. Open het in Excel, verwijder het "
        "wachtwoord (Bestand > Info > Werkmap beveiligen) en probeer het opnieuw.",
        "'{name}' is password-protected. Open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and try again.",
    ),
    "truncated": (
        "'{name}' is onvolledig of beschadigd (misschien niet helemaal gekopieerd of "
        "gedownload). Gebruik een ander exemplaar van het bestand.",
        "'{name}' is incomplete or damaged (perhaps not fully copied or downloaded). "
        "Use another copy of the file.",
    ),
    "malformed": (
        "'{name}' is beschadigd en kan niet worden gelezen. Open het in Excel of "
        "LibreOffice en sla het opnieuw op als .xlsx.",
        "'{name}' is damaged and cannot be read. Open it in Excel or LibreOffice and save "
        "it again as .xlsx.",
    ),
    "not_spreadsheet": (
        "'{name}' is geen spreadsheet (Excel, LibreOffice of CSV).",
        "'{name}' is not a spreadsheet (Excel, LibreOffice or CSV).",
    ),
    "too_large": (
        "'{name}' is te groot om in te lezen (meer dan {limit} cellen of te veel geheugen "
        "nodig). Verwijder lege rijen en kolommen of splits het bestand.",
        "'{name}' is too large to read (more than {limit} cells or too much memory "
        "needed). Remove empty rows and columns or split the file.",
    ),
    "bomb": (
        "'{name}' pakt uit tot een onredelijk grote hoeveelheid gegevens en wordt uit "
        "veiligheid niet gelezen.",
        "'{name}' unpacks to an unreasonable amount of data and is not read, for safety.",
    ),
    "timeout": (
        "Het lezen van '{name}' duurde te lang en is afgebroken. Sla het bestand in Excel "
        "opnieuw op als .xlsx en probeer het nog eens.",
        "Reading '{name}' took too long and was stopped. Save the file again in Excel as "
        ".xlsx and try again.",
    ),
    "unsupported": (
        "'{name}' heeft een vorm die niet wordt ondersteund ({what}). Open het in Excel of "
        "LibreOffice en sla het op als .xlsx of .csv.",
        "'{name}' has a form that is not supported ({what}). Open it in Excel or "
        "LibreOffice and save it as .xlsx or .csv.",
    ),
    "empty": (
        "'{name}' bevat geen gegevens.",
        "'{name}' contains no data.",
    ),
}

# Dutch and English names for the `what` of an "unsupported" error.
_WHAT: dict[str, tuple[str, str]] = {
    "suffix": ("onbekende bestandsextensie", "unknown file extension"),
    "old_excel": ("Excel 2, 3 of 4 uit de jaren negentig", "Excel 2, 3 or 4 from the 1990s"),
    "html": ("een webpagina met een Excel-extensie", "a web page with an Excel extension"),
    "xml2003": ("Excel 2003 XML", "Excel 2003 XML"),
    "macrosheet": ("Excel 4 macrobladen", "Excel 4 macro sheets"),
}

CODES = frozenset(_MESSAGES)


register(_MESSAGES, prefix="read.")


class ReadError(CodedError):
    """The one exception a reader raises. Its text never holds cell content."""

    prefix = "read."
    default_language = "nl"

    def __init__(
        self, code: str, path: pathlib.Path | str, *, what: str = "", detail: str = ""
    ) -> None:
        if code not in _MESSAGES:
            raise ValueError(f"unknown ReadError code {code!r}")
        self.filename = pathlib.Path(path).name
        self.what = what
        # For developers only (e.g. the parser's own complaint); never shown to users.
        self.detail = detail
        super().__init__(code, name=self.filename, limit=MAX_CELLS)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keeps the error intact across threads/processes that pickle exceptions.
        return (_rebuild_error, (self.code, self.filename, self.what, self.detail))

    def message(self, lang: str | None = "nl") -> str:
        lang = lang or "nl"
        idx = 1 if lang.lower().startswith("en") else 0
        what = _WHAT.get(self.what, (self.what, self.what))[idx]
        return render(self.prefix + self.code, lang, what=what, **self.params)


def _rebuild_error(code: str, filename: str, what: str, detail: str) -> ReadError:
    return ReadError(code, filename, what=what, detail=detail)


# --- content sniffing -------------------------------------------------------------------

ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# BIFF2-BIFF4 workbooks were raw record streams starting with a BOF record (0x0009/0209/0409).
_RAW_BIFF_MAGICS = (b"\x09\x00", b"\x09\x02", b"\x09\x04")


def sniff(head: bytes) -> str:
    """Classify a file by its first bytes: "zip", "ole", "old_excel", "text" or "binary"."""
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head[:2] in _RAW_BIFF_MAGICS and len(head) >= 4 and head[3] == 0:
        return "old_excel"
    return "text" if looks_like_text(head) else "binary"


def looks_like_text(data: bytes) -> bool:
    if not data:
        return False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in data:
        return False
    controls = sum(1 for b in data if b < 0x20 and b not in (0x09, 0x0A, 0x0D, 0x0C))
    return controls <= len(data) // 100


def markup_kind(head: bytes) -> str | None:
    """Spot HTML or Excel-2003-XML saved under a spreadsheet name (common for web exports)."""
    text = head[:4096].decode("latin-1").lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in text:
        return "xml2003"
    stripped = text.lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    if stripped.startswith("<") and any(t in text for t in ("<html", "<table", "<!doctype")):
        return "html"
    return None


def inspect_zip(path: pathlib.Path) -> str:
    """Check a zip container's directory and say which spreadsheet it holds.

    Only the central directory is read; no member is decompressed. Returns "xlsx", "xlsb"
    or "ods"; raises ReadError for damaged, hostile or non-spreadsheet archives.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ReadError("truncated", path, detail=str(exc)) from None
    except (OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ReadError("malformed", path, detail=str(exc)) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ReadError("bomb", path, detail=f"{len(infos)} members")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > ZIP_RATIO_MIN_BYTES and info.file_size > MAX_ZIP_RATIO * max(
            info.compress_size, 1
        ):
            raise ReadError("bomb", path, detail=f"ratio of member {info.filename}")
    if total > MAX_ZIP_UNCOMPRESSED:
        raise ReadError("bomb", path, detail=f"{total} bytes uncompressed")
    names = {info.filename.replace("\\", "/").lower() for info in infos}
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "xl/workbook.xml" in names or any(n.endswith("/workbook.xml") for n in names):
        return "xlsx"
    if "content.xml" in names:
        return "ods"
    raise ReadError("not_spreadsheet", path, detail="zip without a workbook part")


_ENCRYPTED_OOXML_MARKERS = (
    "EncryptedPackage".encode("utf-16-le"),
    "EncryptionInfo".encode("utf-16-le"),
)


def ole_is_encrypted_ooxml(data: bytes) -> bool:
    """An encrypted .xlsx is an OLE2 compound file holding EncryptionInfo/EncryptedPackage.

    Searching the stream names in the raw bytes is enough: they sit in the directory
    sectors in UTF-16, and no plain .xls uses those names.
    """
    return any(marker in data for marker in _ENCRYPTED_OOXML_MARKERS)


# --- isolated execution --------------------------------------------------------------------


def _context() -> Any:
    # forkserver: children fork from a clean single-threaded server, so the Qt threads of
    # the GUI are never duplicated; Windows only has spawn.
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and sys.platform != "darwin":
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["python_calamine", __name__])
        return ctx
    return multiprocessing.get_context("spawn")


def _silence_stderr() -> None:
    # Rust prints panics and allocation failures to fd 2; in the CLI that would reach the
    # user's terminal as a backtrace. The parent turns the child's fate into a ReadError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass


# What a parser may need from the environment; nothing else of the parent's reaches it.
_CHILD_ENVIRONMENT = frozenset(
    {"PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT"}
)


def _minimal_environment() -> None:
    for name in list(os.environ):
        if name.upper() not in _CHILD_ENVIRONMENT:
            del os.environ[name]


def _child_main(
    conn: multiprocessing.connection.Connection,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    memory_bytes: int,
) -> None:
    _silence_stderr()
    _minimal_environment()
    # The child holds a spreadsheet full of people: a crash must not dump it, and exec gave
    # it a fresh dumpable flag.
    disable_core_dumps()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    except (ImportError, ValueError, OSError):
        pass  # Windows: no rlimits; the cell cap and zip checks still apply.
    try:
        result: tuple[str, Any] = ("ok", fn(*args))
    except ReadError as exc:
        result = ("error", (exc.code, exc.what, exc.detail))
    except MemoryError:
        result = ("error", ("too_large", "", "MemoryError in parser"))
    except BaseException as exc:
        result = ("error", ("malformed", "", f"{type(exc).__name__}: {exc}"[:300]))
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("error", ("too_large", "", "MemoryError while sending")))
    finally:
        conn.close()


_CRASH_EXITCODES = frozenset({-11, -7, -4})  # SIGSEGV, SIGBUS, SIGILL


def run_isolated(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    path: pathlib.Path,
    *,
    timeout: float = PARSE_TIMEOUT_S,
    memory_bytes: int = CHILD_MEMORY_BYTES,
) -> Any:
    """Run fn(*args) in a child process with a memory cap and a time limit.

    `fn` must be a module-level function and raise only ReadError for expected failures.
    A child that is killed (out of memory makes Rust abort) or overruns becomes a ReadError.
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(sender, fn, args, memory_bytes), daemon=True)
    try:
        proc.start()
    except OSError as exc:
        raise ReadError("unreadable", path, detail=f"cannot start parser: {exc}") from None
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ReadError("timeout", path, detail=f"no answer within {timeout}s")
        status, payload = receiver.recv()
    except (EOFError, OSError):
        # The child died without a word: Rust aborts when the memory cap refuses an
        # allocation; a segfault means the parser choked on damaged input.
        proc.join(5)
        code = "malformed" if proc.exitcode in _CRASH_EXITCODES else "too_large"
        raise ReadError(code, path, detail=f"parser exit code {proc.exitcode}") from None
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if status == "error":
        code, what, detail = payload
        raise ReadError(code, path, what=what, detail=detail)
    return payload
