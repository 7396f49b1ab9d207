"""What a list is: friends, donors, newsletter, unsubscribes, tours, till, ended, or unknown.

Decided the way a careful person with the file in front of them would: a mailing service's
export by its own column names first (a Mailchimp export named "members" is still a list
of newsletter subscribers), then the sheet's name, its title rows and the file's name, then
the headers. Every conclusion carries its reason, in Dutch, for the wizard and the report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from contactkluis.domain.contact import RelationKind
from contactkluis.migration.headers import ColumnMap
from contactkluis.migration.readers import Cell, SheetData
from contactkluis.migration.table import Table

__all__ = [
    "EVENT_DATE_FIELDS",
    "KIND_LABELS",
    "ListKind",
    "ListVerdict",
    "classify",
    "map_plain_date",
    "relation_for",
    "title_cells",
]


class ListKind(StrEnum):
    FRIENDS = "vrienden"
    DONORS = "donateurs"
    NEWSLETTER = "nieuwsbrief"
    UNSUBSCRIBES = "afmeldingen"
    TOURS = "rondleidingen"
    TILL = "kassa"
    ENDED = "opgezegd"
    UNKNOWN = "onbekend"


KIND_LABELS: dict[ListKind, tuple[str, str]] = {
    ListKind.FRIENDS: ("vrienden / leden", "friends / members"),
    ListKind.DONORS: ("donateurs", "donors"),
    ListKind.NEWSLETTER: ("nieuwsbriefabonnees", "newsletter subscribers"),
    ListKind.UNSUBSCRIBES: ("afmeldingen", "unsubscribes"),
    ListKind.TOURS: ("groepsbezoek / rondleidingen", "group tours"),
    ListKind.TILL: ("kassa / bezoekers", "till customers / visitors"),
    ListKind.ENDED: ("opgezegde leden", "ended members"),
    ListKind.UNKNOWN: ("doel onbekend — beoordelen", "purpose unknown — review"),
}

_RELATION: dict[ListKind, RelationKind] = {
    ListKind.FRIENDS: RelationKind.VRIEND,
    ListKind.DONORS: RelationKind.DONATEUR,
    ListKind.NEWSLETTER: RelationKind.NIEUWSBRIEF,
    ListKind.UNSUBSCRIBES: RelationKind.NIEUWSBRIEF,
    ListKind.TOURS: RelationKind.GROEPSCONTACT,
    ListKind.TILL: RelationKind.KLANT,
    ListKind.ENDED: RelationKind.VRIEND,
    ListKind.UNKNOWN: RelationKind.ONBEKEND,
}


def relation_for(kind: ListKind) -> RelationKind:
    return _RELATION[kind]


@dataclass(frozen=True)
class ListVerdict:
    kind: ListKind
    reason: str  # Dutch, names the evidence (a name, a header), never a cell's content
    service: str | None = None  # "Mailchimp", ... when the file is a service's export
    cleaned: bool = False  # the service's bounced addresses: no consent, no withdrawal


def _fold(text: object) -> str:
    norm = unicodedata.normalize("NFKD", str(text or ""))
    norm = "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", norm).split())


# Words in a sheet name, title row or file name; ended and unsubscribe words first, since
# "Opgezegde leden" and "Afmeldingen nieuwsbrief" also name members and the newsletter.
_NAME_WORDS: tuple[tuple[str, ListKind], ...] = (
    ("opzegger", ListKind.ENDED),
    ("opgezegd", ListKind.ENDED),
    ("oud leden", ListKind.ENDED),
    ("oudleden", ListKind.ENDED),
    ("ex leden", ListKind.ENDED),
    ("beeindigd", ListKind.ENDED),
    ("afmelding", ListKind.UNSUBSCRIBES),
    ("afgemeld", ListKind.UNSUBSCRIBES),
    ("uitgeschreven", ListKind.UNSUBSCRIBES),
    ("unsubscribe", ListKind.UNSUBSCRIBES),
    ("nieuwsbrief", ListKind.NEWSLETTER),
    ("newsletter", ListKind.NEWSLETTER),
    ("mailing", ListKind.NEWSLETTER),
    ("abonnee", ListKind.NEWSLETTER),
    ("subscriber", ListKind.NEWSLETTER),
    ("vriend", ListKind.FRIENDS),
    ("leden", ListKind.FRIENDS),
    ("ledenlijst", ListKind.FRIENDS),
    ("lid", ListKind.FRIENDS),
    ("member", ListKind.FRIENDS),
    ("donateur", ListKind.DONORS),
    ("donatie", ListKind.DONORS),
    ("gift", ListKind.DONORS),
    ("schenk", ListKind.DONORS),
    ("rondleiding", ListKind.TOURS),
    ("groep", ListKind.TOURS),
    ("school", ListKind.TOURS),
    ("educatie", ListKind.TOURS),
    ("kassa", ListKind.TILL),
    ("klant", ListKind.TILL),
    ("ticket", ListKind.TILL),
    ("winkel", ListKind.TILL),
    ("shop", ListKind.TILL),
    ("bezoeker", ListKind.TILL),
    ("visitor", ListKind.TILL),
)
# Short words must stand alone ("lid" is not in "validatie", "gift" not in "giftig").
_WHOLE_WORD = {"lid", "gift", "leden"}


def kind_in_name(text: str) -> tuple[ListKind, str] | None:
    folded = _fold(text)
    words = set(folded.split())
    for word, kind in _NAME_WORDS:
        if word in _WHOLE_WORD:
            if word in words:
                return kind, word
        elif word in folded:
            return kind, word
    return None


def _service(headers: set[str], sheet: str, file: str) -> ListVerdict | None:
    """A mailing service's export, by the columns only that service writes."""
    names = _fold(f"{sheet} {file}")
    if {"member rating", "optin time"} <= headers or {"optin time", "confirm time"} <= headers:
        if "unsub time" in headers:
            return ListVerdict(
                ListKind.UNSUBSCRIBES, "Mailchimp-export van afgemelde adressen (kolom UNSUB_TIME)",
                "Mailchimp",
            )  # fmt: skip
        if "clean time" in headers:
            return ListVerdict(
                ListKind.NEWSLETTER,
                "Mailchimp-export van opgeschoonde (onbestelbare) adressen (kolom CLEAN_TIME)",
                "Mailchimp",
                cleaned=True,
            )
        return ListVerdict(
            ListKind.NEWSLETTER,
            "Mailchimp-export van abonnees (kolommen OPTIN_TIME/MEMBER_RATING), ongeacht de"
            " bestandsnaam",
            "Mailchimp",
        )
    # MailerLite names its dates subscribed_at / unsubscribed_at / opted_in_at.
    if "subscribed at" in headers or "opted in at" in headers:
        if "unsubscribed" in names:
            return ListVerdict(
                ListKind.UNSUBSCRIBES, "MailerLite-export van afgemelde adressen", "MailerLite"
            )
        return ListVerdict(
            ListKind.NEWSLETTER, "MailerLite-export (kolom subscribed_at / opted_in_at)",
            "MailerLite",
        )  # fmt: skip
    # Brevo marks unsubscribed contacts as blocklisted (formerly blacklisted).
    if headers & {"email blacklisted", "blacklisted", "email blocklisted", "blocklisted"}:
        return ListVerdict(
            ListKind.NEWSLETTER, "Brevo-export (kolom met blokkeerlijst per adres)", "Brevo"
        )
    # Laposta: "Status" next to its "Aangemeld"/"Ip" columns, values active/unsubscribed/cleaned.
    if "ip" in headers and "status" in headers and ("aangemeld" in headers or "signup" in headers):
        return ListVerdict(
            ListKind.NEWSLETTER, "Laposta-export (kolommen Status en Ip)", "Laposta"
        )  # fmt: skip
    return None


def _from_headers(fields: set[str], headers: set[str]) -> tuple[ListKind, str] | None:
    if "last_gift" in fields:
        return ListKind.DONORS, "kolom met giftdatum"
    # An "Opgezegd per" column ends the rows that fill it in, not the whole list.
    if fields & {"member_since", "member_until"}:
        return ListKind.FRIENDS, "kolom 'lid sinds' of 'opgezegd per'"
    if "organisation" in fields and "last_visit" in fields:
        return ListKind.TOURS, "kolommen met organisatie en bezoekdatum"
    if "last_visit" in fields:
        return ListKind.TILL, "kolom met bezoek- of aankoopdatum"
    if "unsubscribed" in fields and not fields & {"newsletter", "signup_date"}:
        return ListKind.UNSUBSCRIBES, "alleen een kolom met afmelddatum"
    # A sign-up date alone may be a course or event registration: no newsletter consent.
    if "newsletter" in fields:
        return ListKind.NEWSLETTER, "kolom met aanmelding voor de nieuwsbrief (ja/nee)"
    return None


def classify(
    file: str,
    sheet: str,
    title_rows: Sequence[str],
    headers: Sequence[str],
    fields: Sequence[str | None],
) -> ListVerdict:
    """The kind of one sheet; `fields` are the mapped target fields of its columns."""
    folded_headers = {_fold(h) for h in headers if h}
    service = _service(folded_headers, sheet, file)
    if service is not None:
        return service
    for label, text in (("bladnaam", sheet), *(("titelregel", t) for t in title_rows)):
        found = kind_in_name(text)
        if found:
            return ListVerdict(found[0], f"{label} bevat '{found[1]}'")
    by_headers = _from_headers({f for f in fields if f}, folded_headers)
    found = kind_in_name(re.sub(r"\.[A-Za-z0-9]+$", "", file))
    if found:
        return ListVerdict(found[0], f"bestandsnaam bevat '{found[1]}'")
    if by_headers:
        return ListVerdict(by_headers[0], by_headers[1])
    return ListVerdict(
        ListKind.UNKNOWN, "naam, titel en kolommen zeggen niet waarvoor deze lijst is"
    )


# Fields whose dates say when something on the list happened (not a birth date).
EVENT_DATE_FIELDS = frozenset(
    {
        "signup_date",
        "unsubscribed",
        "member_since",
        "member_until",
        "last_gift",
        "last_visit",
        "cleaned",
    }
)
# What a bare "Datum" column means on each kind of list.
_PLAIN_DATE: dict[ListKind, str] = {
    ListKind.TOURS: "last_visit",
    ListKind.TILL: "last_visit",
    ListKind.NEWSLETTER: "signup_date",
    ListKind.UNSUBSCRIBES: "unsubscribed",
    ListKind.ENDED: "member_until",
    ListKind.DONORS: "last_gift",
}
_PLAIN_DATE_HEADERS = frozenset({"datum", "date", "dag", "bezoek", "datum opzegging"})


def map_plain_date(columns: Sequence[ColumnMap], kind: ListKind) -> None:
    """A bare "Datum" column gets the meaning the list's kind gives it (if still free)."""
    target = _PLAIN_DATE.get(kind)
    if target is None or any(c.field == target for c in columns):
        return
    for col in columns:
        if col.field is None and col.by != "user" and _fold(col.header) in _PLAIN_DATE_HEADERS:
            col.field, col.by = target, "header"
            return


def title_cells(sheet: SheetData, table: Table) -> list[Cell]:
    """The cells above the header row: a list's title, its date ("bijgewerkt ...")."""
    if not table.header_row or table.header_row <= 1:
        return []
    return [c for row in sheet.rows[: table.header_row - 1] for c in row if c is not None]
