"""What holds for every row of a sheet: the list's kind, its date, and why."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.normalize import clean_text
from contactkluis.migration.list_kind import (
    ListKind,
    ListVerdict,
    classify,
    kind_in_name,
    relation_for,
)

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


_USER_KIND: dict[RelationKind, ListKind] = {
    RelationKind.VRIEND: ListKind.FRIENDS,
    RelationKind.DONATEUR: ListKind.DONORS,
    RelationKind.NIEUWSBRIEF: ListKind.NEWSLETTER,
    RelationKind.GROEPSCONTACT: ListKind.TOURS,
    RelationKind.KLANT: ListKind.TILL,
    RelationKind.BEZOEKER: ListKind.TILL,
    RelationKind.ONBEKEND: ListKind.UNKNOWN,
}


@dataclass
class SheetContext:
    """What holds for every row of one sheet."""

    file: str  # base name only: the provenance never holds a folder path
    sheet: str
    file_date: datetime.date  # the day the list was true (see list_date); undated facts get it
    kind: RelationKind | None  # what people on this list are to the institution
    ended: bool = False  # a sheet of cancelled memberships ("Opgezegd")
    unsubscribed_list: bool = False  # a sheet of people who unsubscribed
    list_kind: ListKind = ListKind.UNKNOWN
    kind_reason: str = ""
    date_source: str = "file_mtime"  # a list_date.DATE_SOURCES key
    service: str | None = None  # the mailing service whose export this is
    cleaned: bool = False  # a service's bounced addresses
    detected: ListVerdict | None = None  # the automatic conclusion, kept under a user's choice


def sheet_context(
    file: str,
    sheet: str,
    file_date: datetime.date,
    kind: RelationKind | ListKind | None = None,
    *,
    verdict: ListVerdict | None = None,
    date_source: str = "file_mtime",
) -> SheetContext:
    """`kind` is the user's choice (it wins); else the `verdict`, else the names decide."""
    detected = verdict
    user_relation = kind if isinstance(kind, RelationKind) else None
    chosen = _USER_KIND[kind] if isinstance(kind, RelationKind) else kind
    if chosen is not None:
        base = verdict if verdict is not None and verdict.kind is chosen else None
        verdict = ListVerdict(
            chosen, "gekozen door de gebruiker", base.service if base else None,
            base.cleaned if base else False,
        )  # fmt: skip
    elif verdict is None:
        verdict = classify(file, sheet, (), (), ())
    list_kind = verdict.kind
    # "Uitgeschreven" in a friends file means the membership ended, not the newsletter.
    if list_kind is ListKind.UNSUBSCRIBES and verdict.service is None:
        in_file = kind_in_name(file)
        if in_file and in_file[0] in (ListKind.FRIENDS, ListKind.DONORS):
            list_kind = ListKind.ENDED
            verdict = ListVerdict(list_kind, f"{verdict.reason}, in een bestand met leden")
    relation = relation_for(list_kind)
    if user_relation is not None:
        relation = user_relation
    elif list_kind is ListKind.TILL and kind_from_name(sheet, file) is RelationKind.BEZOEKER:
        relation = RelationKind.BEZOEKER  # visitors, not buyers: no sale, no soft opt-in
    return SheetContext(
        file=file,
        sheet=sheet,
        file_date=file_date,
        kind=relation,
        ended=list_kind is ListKind.ENDED,
        unsubscribed_list=list_kind is ListKind.UNSUBSCRIBES,
        list_kind=list_kind,
        kind_reason=verdict.reason,
        date_source=date_source,
        service=verdict.service,
        cleaned=verdict.cleaned,
        detected=detected or verdict,
    )
