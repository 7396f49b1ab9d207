"""The import report: what was read, created, merged, skipped, flagged and why.

It names files, sheets, row numbers, column headers and reason codes. It holds no
personal data, so it may be saved next to the spreadsheets or shown to anyone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

REASONS: dict[str, tuple[str, str]] = {
    "no_name_no_email": (
        "geen naam en geen bruikbaar e-mailadres",
        "no name and no usable e-mail address",
    ),
    "junk": (
        "geen echte gegevens (zoals 'test' of 'n.v.t.')",
        "no real data (like 'test' or 'n/a')",
    ),
    "suppressed": (
        "staat op de verwijderlijst (eerder gewist op verzoek)",
        "on the suppression list (erased on request earlier)",
    ),
    "empty": ("lege rij", "empty row"),
    "repeated_header": ("herhaalde kopregel", "repeated header row"),
    "totals": ("totaalregel", "totals row"),
    "empty_sheet": ("leeg werkblad", "empty sheet"),
    "instructions": ("werkblad met uitleg, geen lijst", "instruction sheet, not a list"),
    "not_selected": ("niet gekozen voor import", "not selected for import"),
    "invalid_email": ("ongeldig e-mailadres", "invalid e-mail address"),
    "invalid_phone": ("ongeldig telefoonnummer", "invalid phone number"),
    "invalid_postcode": ("ongeldige postcode", "invalid postcode"),
    "iban": (
        "kolom met bankgegevens (IBAN) is NIET geïmporteerd",
        "bank details (IBAN) column was NOT imported",
    ),
    "bsn": (
        "kolom met BSN is NIET geïmporteerd; een BSN mag u niet zomaar bewaren",
        "BSN column was NOT imported; you may not keep a BSN without a legal basis",
    ),
    "id_document": (
        "kolom met identiteitsbewijs is NIET geïmporteerd",
        "identity document column was NOT imported",
    ),
}


def reason_text(code: str, lang: str = "nl") -> str:
    nl, en = REASONS.get(code, (code, code))
    return en if lang == "en" else nl


@dataclass
class RowRef:
    file: str
    sheet: str
    row: int
    reason: str
    detail: str = ""  # a column name or category codes, never a cell's content


@dataclass
class UnmappedColumn:
    sheet: str
    column: int  # 1-based
    header: str
    warning: str | None = None  # "iban", "bsn", ...


@dataclass
class SheetReport:
    sheet: str
    header_row: int | None
    rows_read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    skip_reason: str | None = None
    mapping: dict[str, str | None] = field(default_factory=dict)  # header -> field
    list_kind: str = ""  # what the list is (a ListKind value) and why
    list_kind_reason: str = ""
    list_date: str = ""  # ISO day the list was true, and where that day came from
    list_date_source: str = ""
    consents_given: int = 0  # rows that bring a consent (to reconfirm)
    consents_withdrawn: int = 0
    ended: int = 0  # memberships or relations ended by this sheet
    deceased: int = 0
    unknown_purpose: int = 0  # rows kept as "doel onbekend — beoordelen"


@dataclass
class FileReport:
    file: str
    error: str | None = None  # a ReadError message: the file was not read at all
    rows_read: int = 0
    created: int = 0
    merged: int = 0
    invalid: int = 0
    flagged: int = 0
    suppressed: int = 0
    sheets: list[SheetReport] = field(default_factory=list)
    unmapped_columns: list[UnmappedColumn] = field(default_factory=list)


@dataclass
class NearDuplicate:
    a: str  # "contact:ID" or a row reference "file / sheet / row"
    b: str
    score: float
    reason: str


@dataclass
class ImportReport:
    dry_run: bool
    created: int = 0
    merged: int = 0
    updated_existing: int = 0
    suppressed: int = 0
    restricted: int = 0  # rows for a restricted (art. 18) contact: not added to it
    files: list[FileReport] = field(default_factory=list)
    invalid: list[RowRef] = field(default_factory=list)
    flagged: list[RowRef] = field(default_factory=list)
    suppressed_rows: list[RowRef] = field(default_factory=list)
    warnings: list[RowRef] = field(default_factory=list)
    skipped: list[RowRef] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        # The headline numbers as the CLI contract names them.
        data["invalid_count"] = len(self.invalid)
        data["flagged_count"] = len(self.flagged)
        return data

    def summary(self, lang: str = "nl") -> list[str]:
        if lang == "en":
            lines = [
                f"{'Dry run: nothing was written. ' if self.dry_run else ''}"
                f"People created: {self.created}, merged rows: {self.merged}, existing contacts"
                f" completed: {self.updated_existing}, not importable rows: {len(self.invalid)},"
                f" flagged (special categories): {len(self.flagged)},"
                f" suppressed: {self.suppressed},"
                f" possible duplicates to review: {len(self.near_duplicates)},"
                f" rows for restricted contacts (not added): {self.restricted}."
            ]
        else:
            lines = [
                f"{'Proefimport: er is niets opgeslagen. ' if self.dry_run else ''}"
                f"Nieuwe personen: {self.created}, samengevoegde rijen: {self.merged}, aangevulde"
                f" bestaande contacten: {self.updated_existing}, niet te importeren rijen:"
                f" {len(self.invalid)}, gemarkeerd (bijzondere gegevens): {len(self.flagged)},"
                f" onderdrukt: {self.suppressed}, mogelijke dubbelen om na te kijken:"
                f" {len(self.near_duplicates)}, rijen voor beperkte contacten (niet"
                f" toegevoegd): {self.restricted}."
            ]
        for f in self.files:
            if f.error:
                lines.append(f"  {f.file}: {f.error}")
                continue
            lines.append(
                f"  {f.file}: "
                + (
                    f"{f.rows_read} rows read, {f.created} created, {f.merged} merged,"
                    f" {f.invalid} invalid, {f.flagged} flagged, {f.suppressed} suppressed"
                    if lang == "en"
                    else f"{f.rows_read} rijen gelezen, {f.created} nieuw, {f.merged} samengevoegd,"
                    f" {f.invalid} ongeldig, {f.flagged} gemarkeerd, {f.suppressed} onderdrukt"
                )
            )
            for sheet in f.sheets:
                if sheet.list_kind:
                    lines.append(_sheet_line(sheet, lang))
            for col in f.unmapped_columns:
                warn = f" — {reason_text(col.warning, lang)}" if col.warning else ""
                label = "not imported" if lang == "en" else "niet geïmporteerd"
                lines.append(f"    [{col.sheet}] '{col.header}' ({label}){warn}")
        return lines


def _sheet_line(sheet: SheetReport, lang: str) -> str:
    # Imported here: the labels live with the classifier, the report only names them.
    from contactkluis.migration.list_date import DATE_SOURCES
    from contactkluis.migration.list_kind import KIND_LABELS, ListKind

    nl, en = KIND_LABELS[ListKind(sheet.list_kind)]
    src_nl, src_en = DATE_SOURCES.get(sheet.list_date_source, (sheet.list_date_source,) * 2)
    if lang == "en":
        return (
            f"    [{sheet.sheet}] {en} ({sheet.list_kind_reason}); list date {sheet.list_date}"
            f" ({src_en}); consents {sheet.consents_given}, withdrawn"
            f" {sheet.consents_withdrawn}, ended {sheet.ended}, deceased {sheet.deceased},"
            f" purpose unknown {sheet.unknown_purpose}"
        )
    return (
        f"    [{sheet.sheet}] {nl} ({sheet.list_kind_reason}); lijstdatum {sheet.list_date}"
        f" ({src_nl}); toestemmingen {sheet.consents_given} (te herbevestigen), ingetrokken"
        f" {sheet.consents_withdrawn}, beëindigd {sheet.ended}, overleden {sheet.deceased},"
        f" doel onbekend {sheet.unknown_purpose}"
    )
