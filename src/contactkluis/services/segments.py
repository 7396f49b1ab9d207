"""Audience segments from the Culturele Doelgroepenmodel (Rotterdam Festivals).

The model assigns a segment per address. We send a pseudonymised file (a random row key,
postcode and house number; no names, e-mails or streets) and take the returned file back.
The key -> contact mapping stays inside the vault (table `segment_keys`); a new export
replaces the previous keys. People who object to profiling (AVG art. 21), restricted
records (art. 18) and anonymised records are never sent and never updated.

The segment names come from the returned file: the model's set of segments changes.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.migration.readers import Cell, ReadError, read_workbook
from contactkluis.services.files import csv_bytes, write_atomic
from contactkluis.services.session import Session
from contactkluis.services.xlsx_out import Book
from contactkluis.vault import segments_repo

MODEL_NAME = "Culturele Doelgroepenmodel"
MAX_SEGMENT_LENGTH = 100
MAX_LISTED_ROWS = 50  # row numbers of unmatched rows kept for the report
HEADER = ("sleutel", "postcode", "huisnummer", "toevoeging")

_NL_POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")

# Accepted column headings of the returned file (compared without case, spaces or marks).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "key": ("sleutel", "rijsleutel", "key", "rowkey", "kenmerk", "id"),
    "postcode": ("postcode", "pc6", "postcode6"),
    "house": ("huisnummer", "huisnr", "nummer", "housenumber"),
    "addition": ("toevoeging", "huisnummertoevoeging", "huisletter", "addition"),
    "segment": (
        "segment",
        "segmentnaam",
        "doelgroep",
        "doelgroepsegment",
        "cdmsegment",
        "cultureledoelgroep",
    ),
}


def _norm_header(value: Cell) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value or "").casefold())


def norm_postcode(value: object) -> str:
    return re.sub(r"\s", "", str(value or "")).upper()


def norm_house(number: object, addition: object = None) -> str:
    """'12-a', '12 A' and ('12', 'a') all become '12A'."""
    text = f"{_cell_text(number)}{_cell_text(addition)}"
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def split_house(house: str) -> tuple[str, str]:
    """('12', 'A') from '12-A': the model takes number and addition apart."""
    match = re.match(r"\s*(\d+)\s*[-/ ]?\s*(.*)$", house)
    if not match:
        return house.strip(), ""
    return match.group(1), match.group(2).strip()


# --- export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentExport:
    exported: int
    without_address: int  # eligible, but no Dutch postcode and house number
    excluded: int  # objected to profiling, restricted or anonymised


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    if path.suffix.lower() == ".csv":
        data = csv_bytes([HEADER, *rows])
        write_atomic(path, lambda fh: fh.write(data))
        return
    book = Book()  # text cells: no formula runs and no apostrophe ends up in a value
    book.table("adressen", list(HEADER), rows)
    data = book.close()
    write_atomic(path, lambda fh: fh.write(data))


def _check_target(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(
            "invalid",
            reason=(
                f"Kies een bestandsnaam op .xlsx of .csv (niet '{suffix or path.name}').",
                f"Choose a file name ending in .xlsx or .csv (not '{suffix or path.name}').",
            ),
        )
    if not path.parent.is_dir():
        raise UserError("io", file=path.name, reason=("de map bestaat niet", "no such folder"))
    return suffix


def export_for_segmentation(session: Session, path: Path) -> SegmentExport:
    """Write the pseudonymised address file for the model; audited with the counts."""
    session.require(Permission.PROFILING)
    path = Path(path)
    _check_target(path)
    excluded = segments_repo.count_excluded(session.conn)
    rows: list[list[str]] = []
    ids: list[int] = []
    without = 0
    used: set[str] = set()
    for contact_id, postcode, house, country in segments_repo.eligible_addresses(session.conn):
        pc = norm_postcode(postcode)
        if country not in (None, "", "NL") or not _NL_POSTCODE.match(pc) or not house:
            without += 1
            continue
        key = _new_key(used)
        number, addition = split_house(str(house))
        rows.append([key, f"{pc[:4]} {pc[4:]}", number, addition])
        ids.append(contact_id)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with session.write() as wconn:
        segments_repo.replace_keys(
            wconn, [(row[0], cid) for row, cid in zip(rows, ids, strict=True)], now
        )
        try:
            _write_rows(path, rows)
        except OSError as exc:
            raise UserError(
                "io", file=path.name, reason=(exc.strerror or "", exc.strerror or "")
            ) from None
        session.audit(
            wconn,
            "segments.export",
            None,
            count=len(rows),
            without_address=without,
            excluded=excluded,
        )
    return SegmentExport(len(rows), without, excluded)


def _new_key(used: set[str]) -> str:
    # A letter first: Excel would read an all-hex key such as '12E45' as a number.
    while True:
        key = "K" + secrets.token_hex(8).upper()
        if key not in used:
            used.add(key)
            return key


# --- import ----------------------------------------------------------------------------


@dataclass
class SegmentImport:
    rows: int = 0  # data rows with a segment
    matched: int = 0  # rows that found at least one contact
    unmatched: int = 0
    updated: int = 0  # contacts whose segment was stored
    skipped_objecting: int = 0  # matched contacts left alone (objection, restriction, ...)
    without_segment: int = 0  # rows with an empty segment cell
    unmatched_rows: list[int] = field(default_factory=list)  # 1-based row numbers
    segments: list[str] = field(default_factory=list)  # names found in the file


def _bad_file(nl: str, en: str) -> UserError:
    return UserError("invalid", reason=(nl, en))


def _find_header(rows: list[list[Cell]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:20]):
        found: dict[str, int] = {}
        for col, value in enumerate(row):
            name = _norm_header(value)
            for role, names in _COLUMNS.items():
                if name in names and role not in found:
                    found[role] = col
        if "segment" in found and ("key" in found or {"postcode", "house"} <= found.keys()):
            return index, found
    raise _bad_file(
        "Geen kolommen 'segment' en 'sleutel' (of 'postcode' en 'huisnummer') gevonden in de "
        "eerste 20 rijen.",
        "No 'segment' and 'sleutel' (or 'postcode' and 'huisnummer') columns found in the "
        "first 20 rows.",
    )


def _get(row: list[Cell], col: int | None) -> Cell:
    return row[col] if col is not None and col < len(row) else None


def import_segments(session: Session, path: Path) -> SegmentImport:
    """Store the returned segments on the matching contacts (by key, else by address)."""
    session.require(Permission.PROFILING)
    path = Path(path)
    try:
        book = read_workbook(path)
    except ReadError as err:
        raise UserError("invalid", reason=(err.message("nl"), err.message("en"))) from None
    sheets = [s for s in book.sheets if not s.hidden] or book.sheets
    if not sheets:
        raise _bad_file("Het bestand bevat geen blad.", "The file holds no sheet.")
    rows = sheets[0].rows
    header_index, cols = _find_header(rows)
    by_key = segments_repo.keys(session.conn)
    by_address: dict[str, list[int]] = {}
    eligible: set[int] = set()
    for contact_id, postcode, house, ok in segments_repo.addresses(session.conn):
        if ok:
            eligible.add(contact_id)
        if postcode and house:
            address = norm_postcode(postcode) + "|" + norm_house(house)
            by_address.setdefault(address, []).append(contact_id)

    report = SegmentImport()
    updates: dict[int, str] = {}
    objecting: set[int] = set()
    seen: dict[str, None] = {}
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(v not in (None, "") for v in row):
            continue
        segment = _cell_text(_get(row, cols["segment"]))[:MAX_SEGMENT_LENGTH]
        if not segment:
            report.without_segment += 1
            continue
        report.rows += 1
        key = _cell_text(_get(row, cols.get("key"))).upper()
        if key and key in by_key:
            targets = [by_key[key]]
        else:
            address = (
                norm_postcode(_get(row, cols.get("postcode")))
                + "|"
                + norm_house(_get(row, cols.get("house")), _get(row, cols.get("addition")))
            )
            targets = by_address.get(address, []) if not address.endswith("|") else []
        if not targets:
            report.unmatched += 1
            if len(report.unmatched_rows) < MAX_LISTED_ROWS:
                report.unmatched_rows.append(number)
            continue
        report.matched += 1
        seen[segment] = None
        for contact_id in targets:
            if contact_id in eligible:
                updates[contact_id] = segment
            else:
                objecting.add(contact_id)
    report.segments = list(seen)
    report.skipped_objecting = len(objecting - updates.keys())
    today = session.today().isoformat()
    source = f"{MODEL_NAME} ({path.name})"
    with session.write() as wconn:
        report.updated = segments_repo.store_segments(wconn, updates, today, source)
        session.audit(
            wconn,
            "segments.import",
            None,
            rows=report.rows,
            matched=report.matched,
            unmatched=report.unmatched,
            updated=report.updated,
            skipped_objecting=report.skipped_objecting,
        )
    return report
