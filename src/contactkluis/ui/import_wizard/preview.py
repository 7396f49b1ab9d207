"""What the mapping editor shows per column: normalised sample values and warnings.

The samples come from the real RowBuilder over the first rows of the sheet, so what the
user sees is what the import will store. A value that does not normalise is shown as the
raw text with ok=False (the editor puts a warning icon next to it).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from contactkluis.domain.contact import ConsentStatus, Contact, RelationKind
from contactkluis.domain.messages import format_date
from contactkluis.domain.normalize import clean_text, format_phone_nl
from contactkluis.services.import_plan import (
    SENSITIVE,
    ColumnMap,
    RowResult,
    SheetPlan,
    build_rows,
    reason_text,
)
from contactkluis.ui.contacts.texts import relation_label

SAMPLE_ROWS = 3
SCAN_ROWS = 200  # warnings are counted over this many rows; enough to spot a pattern

# Which RowBuilder warning belongs to which target field.
_WARNING_FIELD = {"email": "email", "phone": "phone", "postcode": "postcode"}
_VISIT_KINDS = (RelationKind.BEZOEKER, RelationKind.GROEPSCONTACT, RelationKind.KLANT)


@dataclass
class CellPreview:
    text: str
    ok: bool = True  # False: the raw text, because it did not normalise
    masked: bool = False  # a sensitive column: the value is not shown at all


@dataclass
class ColumnWarning:
    level: str  # "error" (red), "warning" or "info"
    text: str


@dataclass
class ColumnPreview:
    samples: list[CellPreview] = field(default_factory=list)
    warnings: list[ColumnWarning] = field(default_factory=list)


def _consent(contact: Contact, purpose: str, status: ConsentStatus) -> datetime.date | None:
    for event in contact.consents:
        if event.purpose == purpose and event.status is status:
            return event.on
    return None


def field_value(contact: Contact, name: str) -> str:
    """The value `contact` holds for the target field `name`, as the user would read it."""
    n, a = contact.name, contact.address
    simple: dict[str, str | None] = {
        "full_name": n.display(),
        "first_name": n.first,
        "initials": n.initials,
        "infix": n.infix,
        "last_name": n.last,
        "street": a.street,
        "house_number": a.house_number,
        "house_suffix": a.house_number,
        "postcode": a.postcode,
        "city": a.city,
        "country": a.country or ("" if a.is_empty() else "NL"),
        "birth_date": format_date(contact.birth_date),
        "birth_year": str(contact.birth_year) if contact.birth_year else "",
    }
    if name in simple:
        return simple[name] or ""
    if name == "email":
        return "; ".join(contact.emails)
    if name == "phone":
        return "; ".join(format_phone_nl(p) for p in contact.phones)
    if name == "street_house":
        return " ".join(p for p in (a.street, a.house_number) if p)
    if name == "notes":
        if contact.special_note:
            return QCoreApplication.translate(
                "ImportPreview", "(bijzonder gegeven: apart gemarkeerd)"
            )
        return contact.notes
    if name in ("newsletter", "invitations"):
        purpose = "nieuwsbrief" if name == "newsletter" else "uitnodigingen"
        given = _consent(contact, purpose, ConsentStatus.GIVEN)
        if given:
            return QCoreApplication.translate(
                "ImportPreview", "ja, sinds %1 (opnieuw bevestigen)"
            ).replace("%1", format_date(given))
        return QCoreApplication.translate("ImportPreview", "nee")
    if name == "signup_date":
        return format_date(
            _consent(contact, "nieuwsbrief", ConsentStatus.GIVEN)
            or _consent(contact, "uitnodigingen", ConsentStatus.GIVEN)
        )
    if name == "unsubscribed":
        when = _consent(contact, "nieuwsbrief", ConsentStatus.WITHDRAWN)
        return (
            QCoreApplication.translate("ImportPreview", "afgemeld per %1").replace(
                "%1", format_date(when)
            )
            if when
            else QCoreApplication.translate("ImportPreview", "nee")
        )
    if name == "member_since":
        return next((format_date(r.start) for r in contact.relations if r.start), "")
    if name == "member_until":
        return next((format_date(r.end) for r in contact.relations if r.end), "")
    if name == "last_gift":
        return next(
            (
                format_date(r.last_activity)
                for r in contact.relations
                if r.kind is RelationKind.DONATEUR and r.last_activity
            ),
            "",
        )
    if name == "last_visit":
        return next(
            (
                format_date(r.last_activity)
                for r in contact.relations
                if r.kind in _VISIT_KINDS and r.last_activity
            ),
            "",
        )
    if name == "relation":
        return ", ".join(dict.fromkeys(relation_label(str(r.kind)) for r in contact.relations))
    return ""


def _raw(cells: Sequence[object], index: int) -> str:
    value = cells[index] if index < len(cells) else None
    if isinstance(value, datetime.datetime | datetime.date):
        return format_date(value if isinstance(value, datetime.date) else value.date())
    return clean_text(value) or ""


def _sample(col: ColumnMap, cells: list[object], result: RowResult) -> CellPreview:
    raw = _raw(cells, col.index)
    if col.field in SENSITIVE:
        return CellPreview("••••••" if raw else "", masked=True)
    if not col.imported or col.field is None:
        return CellPreview(raw)
    if result.contact is None:
        return CellPreview(raw, ok=not raw)
    warned = _WARNING_FIELD.get(col.field)
    if warned and any(f == warned for f, _code in result.warnings):
        return CellPreview(raw, ok=False)
    value = field_value(result.contact, col.field)
    if raw and not value:
        return CellPreview(raw, ok=False)
    return CellPreview(value)


def preview_sheet(plan: SheetPlan) -> list[ColumnPreview]:
    """One ColumnPreview per column of the plan, in column order."""
    built = build_rows(plan, SCAN_ROWS)
    out: list[ColumnPreview] = []
    for col in plan.columns:
        preview = ColumnPreview()
        for cells, result in built[:SAMPLE_ROWS]:
            preview.samples.append(_sample(col, list(cells), result))
        preview.warnings = _warnings(col, built)
        out.append(preview)
    return out


def _warnings(
    col: ColumnMap,
    built: Sequence[tuple[Sequence[object], RowResult]],
) -> list[ColumnWarning]:
    found: list[ColumnWarning] = []
    scanned = len(built)
    results = [result for _cells, result in built]
    if col.field in SENSITIVE:
        found.append(ColumnWarning("error", reason_text(col.field)))
        return found
    if not col.imported:
        return found
    warned = _WARNING_FIELD.get(col.field or "")
    if warned:
        bad = sum(1 for r in results if any(f == warned for f, _c in r.warnings))
        if bad:
            label = {
                "email": QCoreApplication.translate(
                    "ImportPreview", "%1 van de eerste %2 rijen: ongeldig e-mailadres"
                ),
                "phone": QCoreApplication.translate(
                    "ImportPreview", "%1 van de eerste %2 rijen: ongeldig telefoonnummer"
                ),
                "postcode": QCoreApplication.translate(
                    "ImportPreview", "%1 van de eerste %2 rijen: ongeldige postcode"
                ),
            }[warned]
            found.append(
                ColumnWarning("warning", label.replace("%1", str(bad)).replace("%2", str(scanned)))
            )
    if col.field == "notes":
        flagged = sum(1 for cells, r in built if r.flagged and _raw(cells, col.index))
        if flagged:
            found.append(
                ColumnWarning(
                    "warning",
                    QCoreApplication.translate(
                        "ImportPreview",
                        "%1 van de eerste %2 rijen noemen mogelijk bijzondere persoonsgegevens"
                        " (zoals gezondheid of geloof); die worden apart bewaard en gemarkeerd",
                    )
                    .replace("%1", str(flagged))
                    .replace("%2", str(scanned)),
                )
            )
    if col.field in ("newsletter", "invitations", "signup_date"):
        found.append(
            ColumnWarning(
                "info",
                QCoreApplication.translate(
                    "ImportPreview", "Toestemming uit een oude lijst moet opnieuw worden bevestigd"
                ),
            )
        )
    return found
