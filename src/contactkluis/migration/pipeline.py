"""From a mapped spreadsheet row to a person draft: names, contact data, consents, relations.

Pure: no SQL. Every changed value keeps its original text in the provenance; a row that
cannot become a person comes back with the reason instead, never silently dropped.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from contactkluis.domain.contact import (
    NAME_UNKNOWN_FIELD,
    ConsentEvent,
    ConsentStatus,
    Contact,
    PersonName,
    Provenance,
    Relation,
    RelationKind,
)
from contactkluis.domain.names import build_name, initials_cell_name
from contactkluis.domain.normalize import (
    clean_text,
    normalize_email,
    parse_date,
    parse_yes_no,
    plain_email,
)
from contactkluis.domain.special import is_junk_value as _is_junk_value
from contactkluis.domain.special import special_categories
from contactkluis.migration.address_read import read_address, region_of
from contactkluis.migration.first_names import is_first_name
from contactkluis.migration.headers import ColumnMap
from contactkluis.migration.list_date import DATE_SOURCES
from contactkluis.migration.list_kind import ListKind
from contactkluis.migration.multi_value import split_values
from contactkluis.migration.name_order import (
    flemish_particle,
    parse_given_first,
    parse_surname_first,
)
from contactkluis.migration.phones import read_phone_cell
from contactkluis.migration.readers import Cell
from contactkluis.migration.row_status import row_status

# Re-exported: callers import the sheet context from here.
from contactkluis.migration.sheet_context import (
    SheetContext,
    kind_from_name,
    kind_from_value,
    sheet_context,
)

__all__ = [
    "RowBuilder",
    "RowResult",
    "SheetContext",
    "kind_from_name",
    "kind_from_value",
    "sheet_context",
]


@dataclass
class RowResult:
    row: int
    contact: Contact | None = None
    invalid: str | None = None  # reason code when the row is no person
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (field, code)
    flagged: list[str] = field(default_factory=list)  # special-category codes
    # What the import changed or guessed in this row, (field, code): counted in the report.
    changes: list[tuple[str, str]] = field(default_factory=list)


_NAME_FIELDS = ("full_name", "first_name", "initials", "infix", "last_name")
# "zie tabblad 2", "zie blad Leden", "vervolg op blad 3": a pointer to elsewhere, no person.
_CROSS_REFERENCE = re.compile(
    r"^\s*(zie( ook)?|see|vervolg( op)?|verder op|staat op|zie onder)\b.*"
    r"\b(tabblad|blad|sheet|tab|pagina|page|lijst|onder|boven|hieronder|hierboven)\b",
    re.IGNORECASE,
)


# Plain addresses and Dutch numbers are read on the spot (and are mostly unique, so a
# cache would only hold them); the cache is for what needs the full validators.
def _email(text: str) -> str | None:
    return plain_email(text) or _email_slow(text)


@lru_cache(maxsize=16384)
def _email_slow(text: str) -> str | None:
    return normalize_email(text)


def _date(value: Cell) -> datetime.date | None:
    if value is None:  # most date columns of most rows: nothing to parse
        return None
    if isinstance(value, str):
        return _parse_date_text(value)
    if type(value) is datetime.datetime and value.tzinfo is None:
        return _day_of(value)
    return parse_date(value)


@lru_cache(maxsize=16384)
def _day_of(moment: datetime.datetime) -> datetime.date | None:
    """A spreadsheet's date cells repeat (a sign-up day, 'lid sinds'): one date object per
    day for all the rows that hold it. Naive moments only: equal aware ones may fall on
    different days."""
    return parse_date(moment)


@lru_cache(maxsize=16384)
def _parse_date_text(text: str) -> datetime.date | None:
    return parse_date(text)


_text = clean_text  # the cell's text, cleaned (called some twenty times a row)


def is_junk_value(value: object) -> bool:
    """domain.special's verdict; texts recur (names, towns, 'n.v.t.') and are asked for
    several times a row, so theirs is remembered."""
    if type(value) is str:
        return _junk_text(value)
    return _is_junk_value(value)


@lru_cache(maxsize=16384)
def _junk_text(text: str) -> bool:
    return _is_junk_value(text)


@lru_cache(maxsize=1024, typed=True)
def _yes_no(value: Cell) -> bool | None:
    return parse_yes_no(value)


def yes_no(value: Cell) -> bool | None:
    """parse_yes_no, remembered: the same few answers ('ja', 'x', 1) fill the whole column."""
    try:
        return _yes_no(value)
    except TypeError:  # not hashable: no cell is, but the answer must not depend on it
        return parse_yes_no(value)


class RowBuilder:
    """Turns rows of one mapped sheet into RowResults."""

    def __init__(
        self,
        ctx: SheetContext,
        columns: Sequence[ColumnMap],
        *,
        surname_first: bool = False,
        region: str = "NL",
    ) -> None:
        self.ctx = ctx
        self.region = region  # for the phones of rows without an address of their own
        # Decided for the whole name column (migration.name_order), not per cell.
        self._parse_full = parse_surname_first if surname_first else parse_given_first
        self.by_field: dict[str, list[int]] = {}
        for col in sorted(columns, key=lambda c: c.rank):  # a mobile before a business line
            if col.imported and col.field:
                self.by_field.setdefault(col.field, []).append(col.index)
        self._field_indexes = tuple((name, tuple(idx)) for name, idx in self.by_field.items())
        self.source = f"{ctx.file} / {ctx.sheet}"
        # The same few answers ('ja', 'x') recur on every row: one evidence text each.
        self._evidence: dict[tuple[str, str | None, str | None, bool], str] = {}
        self._status: dict[tuple[tuple[type, Cell], ...], tuple[bool, bool, str | None]] = {}

    def _cells(self, cells: Sequence[Cell], name: str, first: dict[str, Cell]) -> list[Cell]:
        """Every cell of the field that holds something; `first` is _firsts(cells)."""
        indexes = self.by_field.get(name)
        if not indexes:
            return []
        if len(indexes) == 1:  # the usual one column: _firsts judged its cell already
            found = first.get(name)
            return [] if found is None else [found]
        size = len(cells)
        return [
            cells[i]
            for i in indexes
            if i < size
            and cells[i] is not None
            and not (isinstance(cells[i], str) and not str(cells[i]).strip())
        ]

    def _firsts(self, cells: Sequence[Cell]) -> dict[str, Cell]:
        """Per mapped field, the first of its cells that holds something: worked out once a
        row, because every part of building a person asks for several fields."""
        found: dict[str, Cell] = {}
        size = len(cells)
        for name, indexes in self._field_indexes:
            for i in indexes:
                if i < size:
                    cell = cells[i]
                    if cell is not None and not (isinstance(cell, str) and not str(cell).strip()):
                        found[name] = cell
                        break
        return found

    def build(self, row: int, cells: Sequence[Cell]) -> RowResult:
        result = RowResult(row)
        originals: list[Provenance] = []
        ctx = self.ctx
        first = self._firsts(cells)

        def note(field_name: str, raw: Cell, value: object) -> None:
            raw_text = _text(raw)
            if raw_text is not None and raw_text != (str(value) if value is not None else None):
                originals.append(Provenance(ctx.file, ctx.sheet, row, field_name, raw_text))

        # Name
        name = self._name(first, note)
        # E-mail addresses (a cell may hold two)
        emails: list[str] = []
        for raw in self._cells(cells, "email", first):
            text = _text(raw) or ""
            for part in split_values(text):
                if is_junk_value(part):
                    continue
                email = _email(part.strip())
                if email is None:
                    result.warnings.append(("email", "invalid_email"))
                    originals.append(Provenance(ctx.file, ctx.sheet, row, "email_invalid", part))
                elif email not in emails:
                    emails.append(email)
                    note("email", part.strip(), email)
        where = region_of(first)
        region = where[0]
        # Google's " ::: " and other multi-value cells first; each part may still hold two
        # numbers ("06-... / 020-..."), which read_phone_cell splits.
        phone_texts = [
            part
            for t in (
                _text(raw) for raw in self._cells(cells, "phone", first) if not is_junk_value(raw)
            )
            if t
            for part in split_values(t)
        ]
        if region == "BE" and name.infix:
            name = flemish_particle(name, _text(first.get("infix")))
        region = region or self.region
        read = read_phone_cell(phone_texts, region)
        phones = read.phones
        for text in read.dropped:
            result.warnings.append(("phone", "invalid_phone"))
            originals.append(Provenance(ctx.file, ctx.sheet, row, "phone_invalid", text))
        for text in read.kept_as_written:
            result.warnings.append(("phone", "phone_kept_as_written"))
            originals.append(Provenance(ctx.file, ctx.sheet, row, "phone_invalid", text))
        if read.rewritten:
            result.changes.append(("phone", "phone_rewritten"))
        if read.several:
            result.changes.append(("phone", "phone_several"))
        if region != "NL" and len(read.phones) > len(read.kept_as_written):
            result.changes.append(("phone", "phone_foreign_region"))
        if not emails and self._is_cross_reference(cells, first):
            result.invalid = "cross_reference"
            return result
        address_read = read_address(first, note, where)
        address = address_read.address
        if name.is_empty() and not emails and (phones or address.street or address.postcode):
            # A till customer with a phone or an address but no name is still a person:
            # kept as "naam onbekend" and named in the report for someone to complete.
            result.warnings.append(("name", "name_unknown"))
            originals.append(Provenance(ctx.file, ctx.sheet, row, NAME_UNKNOWN_FIELD))
        elif name.is_empty() and not emails:
            result.invalid = "no_name_no_email"
            if all(is_junk_value(c) for c in cells if c is not None):
                result.invalid = "junk"
            return result
        if self._is_junk_name(name, cells, first):
            if not emails:
                result.invalid = "junk"
                return result
            # "undefined undefined" <real address>: a person whose form lost the name.
            result.warnings.append(("name", "junk_name"))
            name = PersonName()

        result.warnings.extend(address_read.warnings)
        result.changes.extend(address_read.changes)
        birth_date = _date(first.get("birth_date"))
        birth_year = birth_date.year if birth_date else None
        raw_year = first.get("birth_year")
        if birth_year is None and raw_year is not None:
            year_date = _date(raw_year)
            birth_year = year_date.year if year_date else None
        notes = " ".join(t for t in (_text(c) for c in self._cells(cells, "notes", first)) if t)
        special_note = ""
        flagged = special_categories(notes) if notes else []
        if flagged:
            result.flagged = flagged
            special_note, notes = notes, ""

        consents, relations, deceased = self._consents_relations(first, bool(emails))
        sources = [Provenance(ctx.file, ctx.sheet, row), *originals]
        result.contact = Contact(
            name=name,
            emails=emails,
            phones=phones,
            address=address,
            birth_date=birth_date,
            birth_year=birth_year,
            notes=notes,
            special_category=bool(flagged),
            special_note=special_note,
            organisation=_text(first.get("organisation")),
            deceased=deceased,
            consents=consents,
            relations=relations,
            sources=sources,
        )
        return result

    def _is_cross_reference(self, cells: Sequence[Cell], first: dict[str, Cell]) -> bool:
        """A pointer in the name cells, or a row holding nothing but a pointer."""
        named = [c for f in _NAME_FIELDS for c in self._cells(cells, f, first)]
        filled = [c for c in cells if not is_junk_value(c)]
        return any(
            isinstance(c, str) and _CROSS_REFERENCE.match(c)
            for c in (named if len(filled) > 1 else filled)
        )

    def _is_junk_name(
        self, name: PersonName, cells: Sequence[Cell], first: dict[str, Cell]
    ) -> bool:
        # "n.v.t." in a name cell parses as initials "N.V.T.": judge the cells as written too.
        raw = [c for f in _NAME_FIELDS for c in self._cells(cells, f, first)]
        if raw and all(is_junk_value(c) for c in raw):
            return True
        # Initials are derived from a first name, so "test" brings a "T." along: skip them.
        parts = [p for p in (name.first, name.last) if p]
        return bool(parts) and all(is_junk_value(p) for p in parts)

    def _name(self, first_of: dict[str, Cell], note: object) -> PersonName:
        full = first_of.get("full_name")
        first = first_of.get("first_name")
        initials = first_of.get("initials")
        infix = first_of.get("infix")
        last = first_of.get("last_name")
        if first is None and initials is not None:
            given = initials_cell_name(initials, is_first_name)  # 'Paul.', 'jan'
            if given is not None:
                first, initials = given, None
        if last is not None or first is not None:
            name = build_name(first, initials, infix, last)
            if name.last is None and full is not None:
                name = self._parse_full(full)
        elif full is not None:
            name = self._parse_full(full)
            if initials is not None and not name.initials:
                name = build_name(name.first, initials, name.infix, name.last)
        else:
            name = build_name(None, initials, infix, None)
        raw = " ".join(t for t in (_text(c) for c in (full, first, initials, infix, last)) if t)
        if raw and raw != name.display():
            note("name", raw, name.display())  # type: ignore[operator]
        return name

    def _consents_relations(
        self, first_of: dict[str, Cell], has_email: bool
    ) -> tuple[list[ConsentEvent], list[Relation], bool]:
        """The row's consent history, relations, and whether the person has died."""
        ctx = self.ctx
        consents: list[ConsentEvent] = []
        relations: list[Relation] = []
        signup = _date(first_of.get("signup_date"))
        source = self.source
        evidence_base = f"Overgenomen uit oude lijst '{ctx.file}', blad '{ctx.sheet}'"
        channel = _text(first_of.get("channel"))
        if channel:
            evidence_base += f", via: {channel}"
        cells = (first_of.get("status"), first_of.get("active"), first_of.get("end_reason"))
        # Typed: True and 1 are equal keys, but 'ja' and '1' are different texts.
        typed = tuple((type(c), c) for c in cells)
        status = self._status.get(typed)
        if status is None:
            status = row_status(*cells)
            if len(self._status) < 4096:
                self._status[typed] = status
        row_ended, deceased, mail_status = status

        def undated_note() -> str:
            return (
                f" Datum onbekend: uiterlijk {ctx.file_date.isoformat()}"
                f" ({DATE_SOURCES.get(ctx.date_source, (ctx.date_source,))[0]})."
            )

        def consent(purpose: str, column: str, raw: Cell) -> None:
            raw_text = _text(raw)
            key = (column, raw_text, channel, signup is None)
            evidence = self._evidence.get(key)
            if evidence is None:
                evidence = f"{evidence_base}: kolom '{column}' = '{raw_text}'. Opnieuw bevestigen."
                if signup is None:
                    evidence += undated_note()
                if len(self._evidence) < 4096:
                    self._evidence[key] = evidence
            consents.append(
                ConsentEvent(
                    purpose,
                    ConsentStatus.GIVEN,
                    signup or ctx.file_date,
                    source,
                    evidence,
                    reconfirm=True,
                    undated=signup is None,
                )
            )

        for purpose, column in (("nieuwsbrief", "newsletter"), ("uitnodigingen", "invitations")):
            raw = first_of.get(column)
            answer = yes_no(raw)
            if answer is None and raw is not None:
                # A date in the opt-in column means "yes, since then".
                when = _date(raw)
                if when is not None:
                    signup = signup or when
                    answer = True
            if answer:
                consent(purpose, column, raw)
        cleaned = ctx.cleaned or mail_status == "cleaned"
        if (
            ctx.list_kind is ListKind.NEWSLETTER
            and not cleaned
            and has_email
            and "newsletter" not in self.by_field
        ):
            # Being on the newsletter list is the legacy consent statement itself; an
            # unsubscribe column withdraws it below, for the rows that say so only.
            text = f"{evidence_base}: vermeld op de nieuwsbrieflijst"
            if ctx.service:
                text += f" (export van {ctx.service})"
            text += ". Opnieuw bevestigen."
            consents.append(
                ConsentEvent(
                    "nieuwsbrief",
                    ConsentStatus.GIVEN,
                    signup or ctx.file_date,
                    source,
                    text + (undated_note() if signup is None else ""),
                    reconfirm=True,
                    undated=signup is None,
                )
            )
        unsub_raw = first_of.get("unsubscribed")
        unsub_date: datetime.date | None = None
        unsubscribed = mail_status == "unsubscribed"
        if unsub_raw is not None:
            unsub_date = _date(unsub_raw)
            answer = yes_no(unsub_raw)
            unsubscribed = unsubscribed or unsub_date is not None or bool(answer)
        if ctx.unsubscribed_list:
            unsubscribed = True
        if unsubscribed:
            consents.append(
                ConsentEvent(
                    "nieuwsbrief",
                    ConsentStatus.WITHDRAWN,
                    unsub_date or ctx.file_date,
                    source,
                    f"{evidence_base}: afgemeld"
                    + (f" ('{_text(unsub_raw)}')" if unsub_raw else "")
                    + (f" (export van {ctx.service})" if ctx.service else ""),
                )
            )

        kind = kind_from_value(first_of.get("relation")) or ctx.kind
        since = _date(first_of.get("member_since"))
        until = _date(first_of.get("member_until"))
        last_gift = _date(first_of.get("last_gift"))
        last_visit = _date(first_of.get("last_visit"))
        ended = ctx.ended or row_ended
        if ended and until is None:
            until = ctx.file_date
        if kind is RelationKind.ONBEKEND:
            if not ended:
                relations.append(Relation(RelationKind.ONBEKEND, None, None, None, source))
            kind = None
        membership = kind in (RelationKind.VRIEND, RelationKind.DONATEUR)
        if since or until or membership or ended:
            member_kind = kind if membership else RelationKind.VRIEND
            assert member_kind is not None
            relations.append(Relation(member_kind, since, until, None, source))
        if last_gift is not None or (kind is RelationKind.DONATEUR and not relations):
            relations.append(
                Relation(RelationKind.DONATEUR, since, until, last_gift or since, source)
            )
        if kind in (RelationKind.GROEPSCONTACT, RelationKind.KLANT, RelationKind.BEZOEKER) or (
            last_visit is not None
        ):
            visit_kind = (
                kind
                if kind in (RelationKind.GROEPSCONTACT, RelationKind.KLANT, RelationKind.BEZOEKER)
                else RelationKind.BEZOEKER
            )
            relations.append(
                Relation(
                    visit_kind,
                    None,
                    None,
                    last_visit or ctx.file_date,
                    source,
                    paid=visit_kind is RelationKind.KLANT,
                )
            )
        # Subscribed once (even if unsubscribed since): a relation. A "nee" on the
        # newsletter list is no subscription and no relation. A bounced address ends it.
        if any(c.purpose == "nieuwsbrief" for c in consents):
            relations.append(Relation(RelationKind.NIEUWSBRIEF, signup, None, None, source))
        elif cleaned and has_email:
            gone = _date(first_of.get("cleaned")) or ctx.file_date
            relations.append(Relation(RelationKind.NIEUWSBRIEF, signup, gone, None, source))
        return consents, relations, deceased
