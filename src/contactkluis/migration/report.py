"""The import report: what was read, created, merged, skipped, flagged and why.

It names files, sheets, row numbers, column headers and reason codes. It holds no
personal data, so it may be saved next to the spreadsheets or shown to anyone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from contactkluis.domain.messages import format_date, localized, register, render

REASONS: dict[str, tuple[str, str]] = {
    "no_name_no_email": (
        "geen naam en geen bruikbaar e-mailadres",
        "no name and no usable e-mail address",
    ),
    "junk": (
        "geen echte gegevens (zoals 'test' of 'n.v.t.')",
        "no real data (like 'test' or 'n/a')",
    ),
    "cross_reference": (
        "verwijzing naar een ander blad of andere lijst, geen persoon",
        "a reference to another sheet or list, not a person",
    ),
    "junk_name": (
        "naam is geen naam (zoals 'undefined'); alleen het e-mailadres is overgenomen",
        "the name is no name (like 'undefined'); only the e-mail address was taken",
    ),
    "title_row": ("titelregel boven de lijst", "title row above the list"),
    "shared_email": (
        "gedeeld e-mailadres: twee personen met verschillende namen, één adres",
        "shared e-mail address: two people with different names, one address",
    ),
    "shared_email_withdrawal": (
        "afmelding voor gedeeld adres: wie? Een afmelding zonder naam op een adres dat"
        " meerdere personen gebruiken; tot iemand beslist wordt niemand op dit adres"
        " hiervoor gemaild",
        "unsubscribe for a shared address: whose? An unsubscribe without a name on an"
        " address several people use; until someone decides, nobody on this address is"
        " mailed for it",
    ),
    "shared_email_birth_date": (
        "gedeeld e-mailadres: zelfde naam, andere geboortedatum",
        "shared e-mail address: same name, other date of birth",
    ),
    "merged_different_names": (
        "samengevoegd op e-mailadres, naam anders geschreven",
        "merged on e-mail address, name written differently",
    ),
    "similar_name_same_postcode": (
        "lijkende naam, zelfde postcode",
        "similar name, same postcode",
    ),
    "same_name_same_postcode": ("zelfde naam, zelfde postcode", "same name, same postcode"),
    "same_name_other_postcode": ("zelfde naam, andere postcode", "same name, other postcode"),
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
    "invalid_postcode": ("postcode niet begrepen", "postcode not understood"),
    "phone_kept_as_written": (
        "telefoonnummer niet geldig voor het land van het adres; bewaard zoals geschreven",
        "phone number not valid for the address's country; kept as written",
    ),
    "phone_rewritten": ("telefoonnummer in standaardnotatie gezet", "phone number rewritten"),
    "phone_several": (
        "meer nummers in één cel, alle bewaard",
        "several numbers in one cell, all kept",
    ),
    "phone_foreign_region": (
        "telefoonnummer gelezen voor het land van het adres (niet NL)",
        "phone number read for the address's country (not NL)",
    ),
    "postcode_foreign": (
        "buitenlandse postcode bewaard met land",
        "foreign postcode kept with country",
    ),
    "country_from_postcode": ("land afgeleid uit de postcode", "country derived from the postcode"),
    "country_from_city": ("land afgeleid uit de woonplaats", "country derived from the town"),
    "name_unknown": (
        "naam onbekend: persoon met telefoon of adres maar zonder naam, na te kijken",
        "name unknown: a person with a phone or address but no name, to review",
    ),
    "name_surname_first": (
        "naamkolom gelezen als achternaam eerst",
        "name column read as surname first",
    ),
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
    # A column left out whose cells look like contact data (migration.column_content).
    "looks_email": (
        "lijkt e-mailadressen te bevatten en wordt niet geïmporteerd",
        "seems to hold e-mail addresses and is not imported",
    ),
    "looks_phone": (
        "lijkt telefoonnummers te bevatten en wordt niet geïmporteerd",
        "seems to hold phone numbers and is not imported",
    ),
    "looks_postcode": (
        "lijkt postcodes te bevatten en wordt niet geïmporteerd",
        "seems to hold postcodes and is not imported",
    ),
    "looks_address": (
        "lijkt adressen te bevatten en wordt niet geïmporteerd",
        "seems to hold addresses and is not imported",
    ),
    "looks_first_name": (
        "lijkt voornamen te bevatten en wordt niet geïmporteerd",
        "seems to hold first names and is not imported",
    ),
    "looks_birth_date": (
        "lijkt geboortedata te bevatten en wordt niet geïmporteerd",
        "seems to hold dates of birth and is not imported",
    ),
}


register(
    {
        "dry_run": ("Proefimport: er is niets opgeslagen. ", "Dry run: nothing was written. "),
        "totals": (
            "Nieuwe personen: {created}, samengevoegde rijen: {merged}, aangevulde bestaande"
            " contacten: {updated}, niet te importeren rijen: {invalid}, gemarkeerd (bijzondere"
            " gegevens): {flagged}, onderdrukt: {suppressed}, mogelijke dubbelen om na te kijken:"
            " {duplicates}, rijen voor beperkte contacten (niet toegevoegd): {restricted}.",
            "People created: {created}, merged rows: {merged}, existing contacts completed:"
            " {updated}, not importable rows: {invalid}, flagged (special categories): {flagged},"
            " suppressed: {suppressed}, possible duplicates to review: {duplicates}, rows for"
            " restricted contacts (not added): {restricted}.",
        ),
        "file": (
            "{rows} rijen gelezen, {created} nieuw, {merged} samengevoegd, {invalid} ongeldig,"
            " {flagged} gemarkeerd, {suppressed} onderdrukt",
            "{rows} rows read, {created} created, {merged} merged, {invalid} invalid,"
            " {flagged} flagged, {suppressed} suppressed",
        ),
        "not_imported": ("niet geïmporteerd", "not imported"),
        "looks_like": ("kolom '{header}' {reason}", "column '{header}' {reason}"),
        "encoding": (
            "    [{sheet}] tekenset: {encoding} (automatisch herkend)",
            "    [{sheet}] character encoding: {encoding} (detected)",
        ),
        "encoding_chosen": (
            "    [{sheet}] tekenset: {encoding} (door de gebruiker gekozen)",
            "    [{sheet}] character encoding: {encoding} (chosen by the user)",
        ),
        "name_order": (
            "    [{sheet}] naamkolom: {order}",
            "    [{sheet}] name column: {order}",
        ),
        "order_surname_first": ("achternaam eerst", "surname first"),
        "order_given_first": ("voornaam eerst", "given name first"),
        "order_uncertain": (
            "volgorde niet zeker, voornaam eerst aangenomen",
            "order not certain, given name first assumed",
        ),
        "change": ("    [{sheet}] {what}: {n} rij(en)", "    [{sheet}] {what}: {n} row(s)"),
        "sheet": (
            "    [{sheet}] {kind} ({reason}); lijstdatum {date} ({source}).",
            "    [{sheet}] {kind} ({reason}); list date {date} ({source}).",
        ),
        "sheet.outcome": ("      Deze import: {parts}.", "      This import: {parts}."),
        "sheet.nothing": (
            "      Deze import neemt niets uit dit werkblad over.",
            "      This import takes nothing from this sheet.",
        ),
        "and": (" en ", " and "),
        "people": (
            "  Gedeelde e-mailadressen (verschillende personen, één adres, beiden bewaard):"
            " {shared} paren; samengevoegde rijen met een anders geschreven naam: {renamed}."
            " Beide staan op de lijst mogelijke dubbelen om na te kijken.",
            "  Shared e-mail addresses (different people, one address, both kept):"
            " {shared} pairs; rows merged although the name was written differently:"
            " {renamed}. Both are on the list of possible duplicates.",
        ),
    },
    prefix="report.",
)


def reason_text(code: str, lang: str | None = None) -> str:
    """A reason in `lang`, by default the language chosen at start-up."""
    return localized(*REASONS.get(code, (code, code)), lang=lang)


# What a sheet's rows do in the import, in the order the dry run names them.
OUTCOMES: dict[str, tuple[str, str]] = {
    "created": ("{n} nieuwe personen", "{n} new people"),
    "merged": (
        "{n} rijen samengevoegd met iemand die al bekend is",
        "{n} rows merged into someone already known",
    ),
    "consent_given": ("{n} toestemmingen (te herbevestigen)", "{n} consents (to reconfirm)"),
    "consent_withdrawn": ("{n} ingetrokken toestemmingen", "{n} withdrawn consents"),
    "ended": (
        "{n} beëindigde lidmaatschappen of relaties",
        "{n} ended memberships or relations",
    ),
    "deceased": ("{n} personen overleden", "{n} people deceased"),
    "shared_address": (
        "{n} personen met een gedeeld e-mailadres",
        "{n} people with a shared e-mail address",
    ),
    "unknown_purpose": (
        "{n} rijen met onbekend doel (beoordelen)",
        "{n} rows with an unknown purpose (to review)",
    ),
    "skipped": (
        "{n} rijen overgeslagen of niet te importeren",
        "{n} rows skipped or not importable",
    ),
}
# The same for a count of one.
_ONE: dict[str, tuple[str, str]] = {
    "created": ("1 nieuwe persoon", "1 new person"),
    "merged": (
        "1 rij samengevoegd met iemand die al bekend is",
        "1 row merged into someone already known",
    ),
    "consent_given": ("1 toestemming (te herbevestigen)", "1 consent (to reconfirm)"),
    "consent_withdrawn": ("1 ingetrokken toestemming", "1 withdrawn consent"),
    "ended": ("1 beëindigd lidmaatschap of relatie", "1 ended membership or relation"),
    "deceased": ("1 persoon overleden", "1 person deceased"),
    "shared_address": (
        "1 persoon met een gedeeld e-mailadres",
        "1 person with a shared e-mail address",
    ),
    "unknown_purpose": (
        "1 rij met onbekend doel (beoordelen)",
        "1 row with an unknown purpose (to review)",
    ),
    "skipped": ("1 rij overgeslagen of niet te importeren", "1 row skipped or not importable"),
}


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


def sorted_columns(columns: list[UnmappedColumn]) -> list[UnmappedColumn]:
    """Columns with a warning (sensitive data, contact data left behind) first, then the
    ordinary unmapped ones, each in sheet order."""
    return sorted(columns, key=lambda c: c.warning is None)


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
    # The row numbers behind each count, by outcome code (OUTCOMES): numbers only.
    rows: dict[str, list[int]] = field(default_factory=dict)
    encoding: str | None = None  # a text file's detected character encoding
    encoding_chosen: bool = False  # the user forced it (CLI --encoding, the wizard's combo)
    name_order: str = ""  # "surname_first" / "given_first" for a single name column
    # Per change or warning code (phone rewritten, postcode not understood, ...): its rows.
    changes: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        return len(self.rows.get(outcome, ()))

    def note(self, outcome: str, row: int) -> None:
        self.rows.setdefault(outcome, []).append(row)


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
    changes: list[RowRef] = field(default_factory=list)  # values changed or guessed, per row
    skipped: list[RowRef] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    cancelled: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportReport:
        """A report as to_json wrote it (also an older one, without the newer fields)."""

        def refs(key: str) -> list[RowRef]:
            return [RowRef(**_known(RowRef, r)) for r in data.get(key) or []]

        files = []
        for f in data.get("files") or []:
            sheets = [SheetReport(**_known(SheetReport, s)) for s in f.get("sheets") or []]
            columns = [
                UnmappedColumn(**_known(UnmappedColumn, c)) for c in f.get("unmapped_columns") or []
            ]
            plain = _known(FileReport, f)
            plain.update(sheets=sheets, unmapped_columns=columns)
            files.append(FileReport(**plain))
        plain = _known(cls, data)
        plain.update(
            files=files,
            invalid=refs("invalid"),
            flagged=refs("flagged"),
            suppressed_rows=refs("suppressed_rows"),
            warnings=refs("warnings"),
            skipped=refs("skipped"),
            near_duplicates=[
                NearDuplicate(**_known(NearDuplicate, d)) for d in data.get("near_duplicates") or []
            ],
        )
        return cls(**plain)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        # The headline numbers as the CLI contract names them.
        data["invalid_count"] = len(self.invalid)
        data["flagged_count"] = len(self.flagged)
        return data

    def _people_lines(self, lang: str) -> list[str]:
        """Who-is-who findings in words: counts only, the rows are in the JSON report."""
        reasons = [d.reason for d in self.near_duplicates]
        shared = sum(1 for r in reasons if r.startswith("shared_email"))
        renamed = reasons.count("merged_different_names")
        if not shared and not renamed:
            return []
        return [render("report.people", lang, shared=shared, renamed=renamed)]

    def summary(self, lang: str = "nl") -> list[str]:
        counts = {
            "created": self.created,
            "merged": self.merged,
            "updated": self.updated_existing,
            "invalid": len(self.invalid),
            "flagged": len(self.flagged),
            "suppressed": self.suppressed,
            "duplicates": len(self.near_duplicates),
            "restricted": self.restricted,
        }
        dry = render("report.dry_run", lang) if self.dry_run else ""
        lines = [dry + render("report.totals", lang, **counts)]
        lines.extend(self._people_lines(lang))
        for f in self.files:
            if f.error:
                lines.append(f"  {f.file}: {f.error}")
                continue
            per_file = {
                "rows": f.rows_read,
                "created": f.created,
                "merged": f.merged,
                "invalid": f.invalid,
                "flagged": f.flagged,
                "suppressed": f.suppressed,
            }
            lines.append(f"  {f.file}: " + render("report.file", lang, **per_file))
            for sheet in f.sheets:
                if sheet.list_kind:
                    lines.append(_sheet_line(sheet, lang))
                    lines.append(outcome_sentence(sheet, lang))
                lines.extend(_reading_lines(sheet, lang))
            for col in sorted_columns(f.unmapped_columns):
                header = col.header or f"#{col.column}"
                if col.warning and col.warning.startswith("looks_"):
                    text = render(
                        "report.looks_like", lang, header=header,
                        reason=reason_text(col.warning, lang),
                    )  # fmt: skip
                    lines.append(f"    [{col.sheet}] {text}")
                    continue
                warn = f" — {reason_text(col.warning, lang)}" if col.warning else ""
                label = render("report.not_imported", lang)
                lines.append(f"    [{col.sheet}] '{header}' ({label}){warn}")
        return lines


def _known(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    """The fields of `data` that the dataclass `kind` has (a stored report may be older)."""
    names = {f.name for f in fields(kind)}
    return {k: v for k, v in data.items() if k in names}


def outcome_count(sheet: SheetReport, outcome: str) -> str:
    """'12 nieuwe personen': one outcome of a sheet in words."""
    return _outcome_text(outcome, sheet.count(outcome))


def _outcome_text(outcome: str, n: int, lang: str | None = None) -> str:
    pair = _ONE[outcome] if n == 1 else OUTCOMES[outcome]
    return localized(*pair, lang=lang).format(n=n)


def outcome_sentence(sheet: SheetReport, lang: str | None = None) -> str:
    """In words, everything the import does with the rows of this sheet (zeros left out)."""
    parts = [_outcome_text(code, sheet.count(code), lang) for code in OUTCOMES if sheet.count(code)]
    if not parts:
        return render("report.sheet.nothing", lang)
    joined = (
        ", ".join(parts[:-1]) + render("report.and", lang) + parts[-1]
        if len(parts) > 1
        else parts[0]
    )
    return render("report.sheet.outcome", lang, parts=joined)


def _reading_lines(sheet: SheetReport, lang: str) -> list[str]:
    """How the sheet's values were read: encoding, name order, and per change its count."""
    lines: list[str] = []
    if sheet.encoding:
        code = "report.encoding_chosen" if sheet.encoding_chosen else "report.encoding"
        lines.append(render(code, lang, sheet=sheet.sheet, encoding=sheet.encoding))
    if sheet.name_order:
        order = render(f"report.order_{sheet.name_order}", lang)
        lines.append(render("report.name_order", lang, sheet=sheet.sheet, order=order))
    for code, count in sorted(sheet.changes.items()):
        lines.append(
            render("report.change", lang, sheet=sheet.sheet, what=reason_text(code, lang), n=count)
        )
    return lines


def _sheet_line(sheet: SheetReport, lang: str) -> str:
    # Imported here: the labels live with the classifier, the report only names them.
    from contactkluis.migration.list_date import DATE_SOURCES
    from contactkluis.migration.list_kind import KIND_LABELS, ListKind

    kind = localized(*KIND_LABELS[ListKind(sheet.list_kind)], lang=lang)
    source = localized(
        *DATE_SOURCES.get(sheet.list_date_source, (sheet.list_date_source,) * 2), lang=lang
    )
    return render(
        "report.sheet",
        lang,
        sheet=sheet.sheet,
        kind=kind,
        reason=sheet.list_kind_reason,
        date=format_date(sheet.list_date, lang),
        source=source,
    )
