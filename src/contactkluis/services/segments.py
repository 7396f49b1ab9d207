"""Audience segments from the Culturele Doelgroepenmodel (Rotterdam Festivals).

The model assigns a segment per address. We send a pseudonymised file (a random row key,
postcode and house number; no names, e-mails or streets) and take the returned file back.
Each address is sent once (a household is one row, so the file does not count its people)
in a shuffled order (so the order reveals nothing of the vault's order or ids), and the
file is encrypted with a passphrase shown once: it stays personal data (pseudonymised, AVG
art. 4(5)), for a processor under an art. 28 agreement only. The key -> contacts mapping
stays inside the vault (table `segment_keys`); a new export replaces the previous keys. People who object to profiling (AVG art. 21), restricted
records (art. 18) and anonymised records are never sent and never updated.

The segment names come from the returned file: the model's set of segments changes.
"""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.migration.readers import Cell, ReadError, read_workbook
from contactkluis.migration.safety import MAX_FILE_BYTES, ole_is_encrypted_ooxml
from contactkluis.services.files import write_atomic
from contactkluis.services.office_crypto import (
    WrongPassphrase,
    decrypt_xlsx,
    encrypt_xlsx,
    new_passphrase,
)
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
    exported: int  # addresses (rows) in the file
    contacts: int  # contacts living at those addresses
    without_address: int  # eligible, but no Dutch postcode and house number
    excluded: int  # objected to profiling, restricted or anonymised
    # Opens the file; shown once to the user, never stored, logged or audited.
    passphrase: str = field(repr=False)


def _encrypted_book(rows: list[list[str]], passphrase: str) -> bytes:
    book = Book()  # text cells: no formula runs and no apostrophe ends up in a value
    book.table("adressen", list(HEADER), rows)
    return encrypt_xlsx(book.close(), passphrase)


def _check_target(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix != ".xlsx":
        # A CSV cannot carry a password; an AES zip around it would not open in the
        # Windows Explorer, so the processor would need another tool. One form that opens
        # in Excel and LibreOffice by typing the passphrase.
        raise UserError(
            "invalid",
            reason=(
                f"Kies een bestandsnaam op .xlsx (niet '{suffix or path.name}'): alleen dat "
                "bestand kan versleuteld worden.",
                f"Choose a file name ending in .xlsx (not '{suffix or path.name}'): only that "
                "file can be encrypted.",
            ),
        )
    if not path.parent.is_dir():
        raise UserError("io", file=path.name, reason=("de map bestaat niet", "no such folder"))


def _addresses(session: Session) -> tuple[dict[tuple[str, str, str], list[int]], int]:
    """Normalised (postcode, number, addition) -> the contacts living there; the number
    of eligible contacts without a usable Dutch address."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    without = 0
    for contact_id, postcode, house, country in segments_repo.eligible_addresses(session.conn):
        pc = norm_postcode(postcode)
        if country not in (None, "", "NL") or not _NL_POSTCODE.match(pc) or not house:
            without += 1
            continue
        number, addition = split_house(str(house))
        # '12-a', '12 A' and '12a' are one address.
        address = (pc, number, re.sub(r"[^0-9A-Z]", "", addition.upper()))
        groups.setdefault(address, []).append(contact_id)
    return groups, without


def export_for_segmentation(session: Session, path: Path) -> SegmentExport:
    """Write the encrypted, pseudonymised address file for the model; audited with the
    counts (never the passphrase)."""
    session.require(Permission.PROFILING)
    path = Path(path)
    _check_target(path)
    excluded = segments_repo.count_excluded(session.conn)
    groups, without = _addresses(session)
    addresses = list(groups.items())
    secrets.SystemRandom().shuffle(addresses)
    used: set[str] = set()
    keyed = [(_new_key(used), address, ids) for address, ids in addresses]
    rows = [[key, f"{pc[:4]} {pc[4:]}", number, add] for key, (pc, number, add), _ in keyed]
    passphrase = new_passphrase()
    data = _encrypted_book(rows, passphrase)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with session.write() as wconn:
        segments_repo.replace_keys(wconn, [(key, ids) for key, _, ids in keyed], now)
        try:
            write_atomic(path, lambda fh: fh.write(data))
        except OSError as exc:
            raise UserError(
                "io", file=path.name, reason=(exc.strerror or "", exc.strerror or "")
            ) from None
        session.audit(
            wconn,
            "segments.export",
            None,
            count=len(rows),
            contacts=sum(len(ids) for _, _, ids in keyed),
            without_address=without,
            excluded=excluded,
            encrypted=True,
        )
    return SegmentExport(
        len(rows), sum(len(ids) for _, _, ids in keyed), without, excluded, passphrase
    )


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


def _encrypted_bytes(path: Path) -> bytes | None:
    """The file's bytes when it is a password-encrypted workbook, else None."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None  # read_workbook says it is too large
        data = path.read_bytes()
    except OSError:
        return None  # read_workbook reports it
    return data if ole_is_encrypted_ooxml(data) else None


def _decrypted_rows(data: bytes, passphrase: str | None) -> list[list[Cell]]:
    """The first visible sheet of an encrypted workbook, decrypted in memory only."""
    if not passphrase:
        raise _bad_file(
            "Dit bestand is versleuteld: geef de wachtwoordzin op (--passphrase-stdin).",
            "This file is encrypted: give its passphrase (--passphrase-stdin).",
        )
    try:
        plain = decrypt_xlsx(data, passphrase)
    except WrongPassphrase:
        raise _bad_file(
            "De wachtwoordzin past niet bij dit bestand.",
            "The passphrase does not open this file.",
        ) from None
    import openpyxl  # only for this rare path; the readers work on files, not memory

    try:
        book = openpyxl.load_workbook(io.BytesIO(plain), read_only=True, data_only=True)
        sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"] or book.worksheets
        rows = [list(r) for r in sheets[0].iter_rows(values_only=True)] if sheets else []
        book.close()
    except Exception:  # any parser complaint is "not a workbook" to the user
        raise _bad_file(
            "Het ontsleutelde bestand is geen leesbare werkmap.",
            "The decrypted file is not a readable workbook.",
        ) from None
    return rows


def _returned_rows(path: Path, passphrase: str | None) -> list[list[Cell]]:
    data = _encrypted_bytes(path)
    if data is not None:
        return _decrypted_rows(data, passphrase)
    try:
        book = read_workbook(path)
    except ReadError as err:
        raise UserError("invalid", reason=(err.message("nl"), err.message("en"))) from None
    sheets = [s for s in book.sheets if not s.hidden] or book.sheets
    if not sheets:
        raise _bad_file("Het bestand bevat geen blad.", "The file holds no sheet.")
    return sheets[0].rows


def import_segments(session: Session, path: Path, passphrase: str | None = None) -> SegmentImport:
    """Store the returned segments on the matching contacts (by key, else by address).
    An encrypted returned file needs its passphrase."""
    session.require(Permission.PROFILING)
    path = Path(path)
    rows = _returned_rows(path, passphrase)
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
            targets = by_key[key]
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
