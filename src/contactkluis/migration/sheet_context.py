"""What a sheet is about, from its name and its file's: relation kind, ended, unsubscribed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.normalize import clean_text

__all__ = ["SheetContext", "kind_from_name", "kind_from_value", "sheet_context"]

# Sheet and file names say what a list is about.
_KIND_WORDS: tuple[tuple[str, RelationKind], ...] = (
    ("vriend", RelationKind.VRIEND),
    ("leden", RelationKind.VRIEND),
    ("lid", RelationKind.VRIEND),
    ("member", RelationKind.VRIEND),
    ("opgezegd", RelationKind.VRIEND),
    ("donateur", RelationKind.DONATEUR),
    ("donat", RelationKind.DONATEUR),
    ("gift", RelationKind.DONATEUR),
    ("schenk", RelationKind.DONATEUR),
    ("nieuwsbrief", RelationKind.NIEUWSBRIEF),
    ("newsletter", RelationKind.NIEUWSBRIEF),
    ("mailing", RelationKind.NIEUWSBRIEF),
    ("abonnee", RelationKind.NIEUWSBRIEF),
    ("groep", RelationKind.GROEPSCONTACT),
    ("rondleiding", RelationKind.GROEPSCONTACT),
    ("school", RelationKind.GROEPSCONTACT),
    ("educatie", RelationKind.GROEPSCONTACT),
    ("kassa", RelationKind.KLANT),
    ("klant", RelationKind.KLANT),
    ("ticket", RelationKind.KLANT),
    ("winkel", RelationKind.KLANT),
    ("shop", RelationKind.KLANT),
    ("bezoeker", RelationKind.BEZOEKER),
    ("visitor", RelationKind.BEZOEKER),
)
_ENDED_WORDS = (
    "opgezegd",
    "oud-leden",
    "oudleden",
    "ex-leden",
    "beeindigd",
    "beëindigd",
    "uitgeschreven",
    "afgemeld",
    "oud ",
)
_UNSUBSCRIBED_SHEET = ("afgemeld", "uitgeschreven", "unsubscribed", "afmeldingen")


def kind_from_name(*names: str) -> RelationKind | None:
    """The first name that says something decides: a sheet's name before its file's."""
    for name in names:
        text = name.lower()
        for word, kind in _KIND_WORDS:
            if word in text:
                return kind
    return None


def kind_from_value(value: object) -> RelationKind | None:
    text = clean_text(value)
    return kind_from_name(text) if text else None


@dataclass
class SheetContext:
    """What holds for every row of one sheet."""

    file: str  # base name only: the provenance never holds a folder path
    sheet: str
    file_date: datetime.date  # fallback consent date: the list was true on that day
    kind: RelationKind | None  # what people on this list are to the institution
    ended: bool = False  # a sheet of cancelled memberships ("Opgezegd")
    unsubscribed_list: bool = False  # a sheet of people who unsubscribed


def sheet_context(
    file: str, sheet: str, file_date: datetime.date, kind: RelationKind | None = None
) -> SheetContext:
    sheet_lower = sheet.lower()
    kind = kind or kind_from_name(sheet, file)
    ended = any(w in sheet_lower for w in _ENDED_WORDS)
    unsubscribed = any(w in sheet_lower for w in _UNSUBSCRIBED_SHEET)
    if unsubscribed and kind in (RelationKind.VRIEND, RelationKind.DONATEUR):
        # "Uitgeschreven" in a friends file means the membership ended, not the newsletter.
        unsubscribed = False
    else:
        ended = ended and not unsubscribed
    return SheetContext(
        file=file,
        sheet=sheet,
        file_date=file_date,
        kind=kind,
        ended=ended,
        unsubscribed_list=unsubscribed,
    )
