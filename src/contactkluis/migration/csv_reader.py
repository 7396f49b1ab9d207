"""CSV/TXT reading: encoding and delimiter detection for files Dutch offices produce.

Excel in a Dutch locale writes `;`-separated Windows-1252 ("CSV (gescheiden door
lijstscheidingsteken)"), UTF-8 with a BOM ("CSV UTF-8"), or UTF-16 tab-separated text
("Unicode-tekst"); web tools write `,`-separated UTF-8; DOS till and membership programs
write code page 850 (or 437). Values stay strings: the normalisers decide what is a date or a
number.
"""

from __future__ import annotations

import codecs
import csv
import io
import pathlib
import re
from collections.abc import Iterator

import charset_normalizer

from contactkluis.migration.safety import MAX_CELLS, ReadError

DELIMITERS = (";", ",", "\t")
_SAMPLE_LINES = 50


# The single-byte code pages Dutch and Flemish offices' programs write. Left to itself
# charset-normalizer also weighs Central European and Cyrillic pages, and picked cp1250 for
# plain Windows-1252 text; the isolation keeps it to the ones that occur here.
_CODE_PAGES = ["cp1252", "cp850", "cp437"]


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). UTF-8 is tried strictly first: cp1252 decodes anything."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = detect_code_page(data)
    # Five bytes are undefined in cp1252; a replacement character beats refusing the file.
    return data.decode(encoding, errors="replace"), encoding


def detect_code_page(data: bytes) -> str:
    """The DOS or Windows code page `data` reads best in ("André" in cp850 is byte 0x82,
    which cp1252 shows as "Andr‚"): charset-normalizer's least-mess reading."""
    best = charset_normalizer.from_bytes(data[: 1 << 20], cp_isolation=_CODE_PAGES).best()
    if best is None:
        return "cp1252"
    found = str(best.encoding).replace("_", "")
    # cp437 and cp850 agree on every Dutch and French letter; cp850 is the Western
    # European page DOS tills used, so when both read the same, say cp850.
    if found == "cp437" and data.decode("cp437", "replace") == data.decode("cp850", "replace"):
        return "cp850"
    return found if found in _CODE_PAGES else "cp1252"


def detect_delimiter(text: str) -> str:
    """Pick the delimiter that splits the first lines into the most consistent columns.

    csv.Sniffer was tried and rejected: on Dutch files like `naam;bedrag` / `Jan;1,5` it
    picks the decimal comma. Parsing the sample with each candidate respects quoting and
    scores how many rows share the most common column count (more than one column).
    """
    sample_lines = text.splitlines()[:_SAMPLE_LINES]
    sample = "\n".join(line for line in sample_lines if line.strip())
    best, best_score = DELIMITERS[0], (0.0, 0)
    for delim in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delim) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        if modal < 2:
            continue
        score = (counts.count(modal) / len(counts), modal)
        if score > best_score:
            best, best_score = delim, score
    return best


def _sep_hint(text: str) -> tuple[str | None, str]:
    """Excel honours a first line `sep=;` and hides it; so do we (row numbers stay equal)."""
    first, _, rest = text.partition("\n")
    line = first.strip()
    if line.lower().startswith("sep=") and len(line) == 5:
        return line[4], rest
    return None, text


# One line at a time, its ending kept, as io.StringIO(newline="") would split them.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` without a second copy of it (StringIO holds 4 bytes a character)."""
    for match in _LINE.finditer(text):
        yield match.group()


def read_delimited(path: pathlib.Path, data: bytes) -> list[list[str | None]]:
    """Parse delimited text into rows of strings; empty fields become None."""
    return read_delimited_encoded(path, data)[0]


# The encodings a user can choose when the detection got it wrong (the wizard's list).
ENCODINGS = ("utf-8", "cp1252", "cp850", "cp437", "iso-8859-15", "mac_roman", "utf-16")


def read_delimited_encoded(
    path: pathlib.Path, data: bytes, encoding: str | None = None
) -> tuple[list[list[str | None]], str]:
    """The rows and the encoding they were read in (shown to the user, who may change it:
    `encoding` reads the file in that one instead of detecting)."""
    if encoding is None:
        text, encoding = decode(data)
    else:
        if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        text = data.decode(encoding, errors="replace")
    del data  # the caller's reference may go too; this one must not hold it
    hint, text = _sep_hint(text)
    delimiter = hint or detect_delimiter(text)
    rows: list[list[str | None]] = []
    cells = 0
    try:
        for record in csv.reader(_lines(text), delimiter=delimiter):
            cells += len(record)
            if cells > MAX_CELLS:
                raise ReadError("too_large", path, detail=f"more than {MAX_CELLS} cells")
            rows.append([value if value != "" else None for value in record])
    except csv.Error as exc:
        # E.g. an unclosed quote swallowing the rest of the file beyond the field limit.
        raise ReadError("malformed", path, detail=f"csv: {exc}") from None
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows, encoding
