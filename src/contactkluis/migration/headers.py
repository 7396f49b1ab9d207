"""Which column is which: header names (Dutch and English variants) and cell content.

A column maps to one target field or to nothing. Unmapped columns are not imported (data
minimisation); sensitive ones (IBAN, BSN, bank details) are named in the report with a
warning so nobody thinks they were carried over by accident.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from contactkluis.domain.normalize import is_postcode_like, normalize_email, normalize_phone
from contactkluis.migration.column_content import content_agrees, content_field
from contactkluis.migration.known_exports import REPEATS, known_header, qualified_field

# Target fields, with (Dutch, English) labels for the report and the mapping editor.
FIELDS: dict[str, tuple[str, str]] = {
    "full_name": ("Volledige naam", "Full name"),
    "first_name": ("Voornaam", "First name"),
    "initials": ("Voorletters", "Initials"),
    "infix": ("Tussenvoegsel", "Name prefix"),
    "last_name": ("Achternaam", "Last name"),
    "email": ("E-mail", "E-mail"),
    "phone": ("Telefoon", "Phone"),
    "street_house": ("Straat + huisnummer", "Street + number"),
    "street": ("Straat", "Street"),
    "house_number": ("Huisnummer", "House number"),
    "house_suffix": ("Toevoeging", "Number suffix"),
    "postcode": ("Postcode", "Postcode"),
    "city": ("Woonplaats", "City"),
    "country": ("Land", "Country"),
    "birth_date": ("Geboortedatum", "Date of birth"),
    "birth_year": ("Geboortejaar", "Year of birth"),
    "notes": ("Opmerkingen", "Notes"),
    "newsletter": ("Nieuwsbrief (ja/nee)", "Newsletter (yes/no)"),
    "invitations": ("Uitnodigingen (ja/nee)", "Invitations (yes/no)"),
    "signup_date": ("Aangemeld op", "Signed up on"),
    "unsubscribed": ("Afgemeld (datum of ja)", "Unsubscribed (date or yes)"),
    "member_since": ("Lid sinds", "Member since"),
    "member_until": ("Opgezegd per", "Membership ended"),
    "last_gift": ("Laatste gift", "Last gift"),
    "last_visit": ("Laatste bezoek", "Last visit"),
    "relation": ("Soort relatie", "Relation type"),
    "organisation": ("Organisatie / school / bedrijf", "Organisation / school / company"),
    "channel": ("Aangemeld via", "Signed up via"),
    "status": ("Status (actief, opgezegd, overleden)", "Status (active, ended, deceased)"),
    "active": ("Actief (ja/nee)", "Active (yes/no)"),
    "end_reason": ("Reden opzegging", "Reason for ending"),
    "cleaned": ("Adres onbestelbaar sinds", "Address bounced since"),
}

SENSITIVE: dict[str, tuple[str, str]] = {
    "iban": ("IBAN / rekeningnummer", "IBAN / bank account"),
    "bsn": ("BSN (burgerservicenummer)", "BSN (citizen service number)"),
    "id_document": ("Identiteitsbewijs", "Identity document"),
}

_VARIANTS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "naam",
        "volledige naam",
        "name",
        "full name",
        "contactpersoon",
        "contact",
        "naam contactpersoon",
        "naam lid",
        "relatie",
        "deelnemer",
        "klantnaam",
        "tenaamstelling",
        "naam en voorletters",
    ),
    "first_name": (
        "voornaam",
        "voornamen",
        "roepnaam",
        "first name",
        "firstname",
        "given name",
        "fname",
        "vnaam",
    ),
    "initials": ("voorletters", "voorl", "initialen", "initials", "vl"),
    "infix": (
        "tussenvoegsel",
        "tussenvoegsels",
        "tussenv",
        "tv",
        "tussenvg",
        "voorvoegsel",
        "prefix",
        "infix",
        "middle",
    ),
    "last_name": (
        "achternaam",
        "achternamen",
        "familienaam",
        "geslachtsnaam",
        "last name",
        "lastname",
        "surname",
        "family name",
        "anaam",
        "naam achter",
    ),
    "email": (
        "email",
        "e mail",
        "e mailadres",
        "emailadres",
        "email adres",
        "mail",
        "mailadres",
        "e mail adres",
        "email address",
        "e-mail address",
        "mail adres",
        "emailaddress",
    ),
    "phone": (
        "telefoon",
        "tel",
        "telefoonnummer",
        "tel nr",
        "telnr",
        "mobiel",
        "mobiel nummer",
        "gsm",
        "phone",
        "phone number",
        "mobile",
        "telefoon mobiel",
        "06",
        "tel mobiel",
    ),
    "street_house": (
        "straat huisnr",
        "straat huisnummer",
        "straat en huisnummer",
        "adres",
        "address",
        "straat nr",
        "straat + huisnr",
        "straatnaam en huisnummer",
        "woonadres",
        "postadres",
    ),
    "street": ("straat", "straatnaam", "street"),
    "house_number": ("huisnummer", "huisnr", "nr", "nummer", "house number", "number"),
    "house_suffix": ("toevoeging", "huisnummertoevoeging", "toev", "addition"),
    "postcode": ("postcode", "pc", "zip", "zipcode", "postal code", "post code"),
    "city": ("woonplaats", "plaats", "city", "town", "stad", "gemeente", "plaatsnaam"),
    "country": ("land", "country"),
    "birth_date": (
        "geboortedatum",
        "geb datum",
        "gebdatum",
        "date of birth",
        "birthdate",
        "geboren",
        "dob",
        "birthday",
        "verjaardag",
    ),
    "birth_year": ("geboortejaar", "year of birth", "birth year", "jaar geboorte"),
    "notes": (
        "opmerkingen",
        "opmerking",
        "notities",
        "notitie",
        "bijzonderheden",
        "notes",
        "remarks",
        "comments",
        "memo",
        "info",
        "toelichting",
    ),
    "newsletter": (
        "nieuwsbrief",
        "newsletter",
        "optin",
        "opt in",
        "nieuwsbrief ja nee",
        "aanmelding nieuwsbrief",
        "mailing",
        "nieuwsbrief ontvangen",
        "digitale nieuwsbrief",
        "wil nieuwsbrief",
        "subscribed",
    ),
    "invitations": ("uitnodigingen", "uitnodiging", "invitations", "invite", "uitnodigen"),
    "signup_date": (
        "aangemeld op",
        "aangemeld",
        "aanmelddatum",
        "datum aanmelding",
        "inschrijfdatum",
        "ingeschreven op",
        "signup date",
        "subscribed on",
        "datum inschrijving",
        "confirm time",
        "optin time",
        "subscribed at",
        "opted in at",
        "bevestigd op",
    ),
    "unsubscribed": (
        "afgemeld",
        "afgemeld op",
        "uitgeschreven",
        "opt out",
        "optout",
        "unsubscribed",
        "afmelding",
        "datum afmelding",
        "geen mail",
        "niet mailen",
        "unsub time",
        "unsubscribed at",
    ),
    "member_since": (
        "lid sinds",
        "lidmaatschap sinds",
        "member since",
        "startdatum",
        "begindatum",
        "ingangsdatum",
        "vriend sinds",
        "donateur sinds",
        "lid vanaf",
    ),
    "member_until": (
        "opgezegd per",
        "opgezegd",
        "einddatum",
        "lid tot",
        "opzegdatum",
        "member until",
        "end date",
        "uitgeschreven per",
        "beeindigd",
    ),
    "last_gift": (
        "laatste gift",
        "datum gift",
        "giftdatum",
        "gift datum",
        "laatste donatie",
        "donatiedatum",
        "last gift",
        "last donation",
    ),
    "last_visit": (
        "laatste bezoek",
        "bezoekdatum",
        "datum bezoek",
        "last visit",
        "visit date",
        "datum rondleiding",
        "datum groepsbezoek",
        "aankoopdatum",
        "datum aankoop",
        "laatste aankoop",
    ),
    "relation": ("soort", "type", "soort relatie", "relatietype", "categorie", "relation type"),
    "organisation": (
        "organisatie",
        "groep organisatie",
        "groep",
        "school",
        "bedrijf",
        "instelling",
        "organisation",
        "organization",
        "company",
        "vereniging",
    ),
    "channel": ("via", "aangemeld via", "kanaal", "bron", "source", "herkomst"),
    "status": ("status", "lidstatus", "status lid", "member status"),
    "active": ("actief", "active", "is actief", "lid actief"),
    "end_reason": ("reden opz", "reden opzegging", "reden opzeggen", "reden beeindiging"),
    "cleaned": ("clean time", "bounced at", "onbestelbaar"),
    "iban": (
        "iban",
        "rekeningnummer",
        "bankrekening",
        "rekening",
        "bank",
        "iban nummer",
        "rek nr",
        "reknr",
        "bankrekeningnummer",
        "account number",
    ),
    "bsn": ("bsn", "sofinummer", "sofi", "burgerservicenummer"),
    "id_document": ("paspoort", "paspoortnummer", "id nummer", "rijbewijs", "identiteitsbewijs"),
}


def fold_header(value: object) -> str:
    """'E-mailadres:' -> 'e mailadres'; accents, punctuation and case do not matter."""
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("+", " + ")
    text = re.sub(r"[^a-z0-9+]+", " ", text)
    return " ".join(text.split())


_LOOKUP: dict[str, str] = {}
for _field, _names in _VARIANTS.items():
    for _name in _names:
        _LOOKUP[fold_header(_name)] = _field
_CHOICES = list(_LOOKUP)


def _by_name(key: str) -> str | None:
    """A folded header that names a field outright (no qualifier), or None."""
    if key in _LOOKUP:
        return _LOOKUP[key]
    squashed = key.replace(" ", "")
    for name, target in _LOOKUP.items():
        if name.replace(" ", "") == squashed:
            return target
    if len(key) >= 5:
        match = process.extractOne(key, _CHOICES, scorer=fuzz.ratio, score_cutoff=88)
        if match:
            return _LOOKUP[match[0]]
    return None


def repeats_another_column(header: object) -> bool:
    """A column that only repeats another one (an export's display or formatted form)."""
    return fold_header(header) in REPEATS


def field_for_header(header: object) -> str | None:
    """The target (or sensitive) field a header name means, or None."""
    key = fold_header(header)
    if not key:
        return None
    known = known_header(key)
    if known is not None:
        return known[0]
    return _by_name(key)


_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")


def _bsn_like(text: str) -> bool:
    digits = text.strip()
    if not re.fullmatch(r"\d{8,9}", digits):
        return False
    digits = digits.zfill(9)
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0 and digits[0] != "0"


def field_from_content(values: Sequence[object]) -> str | None:
    """Guess a column from its cells when the header says nothing (or is missing)."""
    texts = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if len(texts) < 2:
        return None
    sample = texts[:200]
    n = len(sample)

    def share(pred: Callable[[str], bool]) -> float:
        return sum(1 for t in sample if pred(t)) / n

    if share(lambda t: "@" in t and normalize_email(t) is not None) >= 0.6:
        return "email"
    if share(lambda t: _IBAN.match(t.replace(" ", "").upper()) is not None) >= 0.6:
        return "iban"
    if share(is_postcode_like) >= 0.6:
        return "postcode"
    if share(_bsn_like) >= 0.6:
        return "bsn"
    if share(lambda t: sum(c.isdigit() for c in t) >= 9 and normalize_phone(t) is not None) >= 0.6:
        return "phone"
    return None


_NAME_LIKE = re.compile(r"^[^\W\d_][^\d@]*$")
_STREET_LIKE = re.compile(r"^[^\d@]+\s\d+\s?[-\w]{0,5}$")


def _share(values: Sequence[object], pred: Callable[[str], bool]) -> float:
    texts = [str(v).strip() for v in values if v is not None and str(v).strip()][:200]
    return sum(1 for t in texts if pred(t)) / len(texts) if len(texts) >= 2 else 0.0


def _map_headerless(maps: list[ColumnMap], columns: Sequence[Sequence[object]]) -> None:
    """Without a header, e-mail, phone and postcode are known from their cells; the first
    column of words is the name (lists start with it), a street with a number is the
    address, and a later column of words next to an address is the town."""
    taken = {m.field for m in maps}
    for m in maps:
        if m.field is not None or m.index >= len(columns):
            continue
        column = columns[m.index]
        if (
            "street_house" not in taken
            and _share(column, lambda t: bool(_STREET_LIKE.match(t))) >= 0.6
        ):
            m.field = "street_house"
        elif _share(column, lambda t: bool(_NAME_LIKE.match(t)) and len(t) <= 60) < 0.6:
            continue
        elif "full_name" not in taken:
            m.field = "full_name"
        elif "city" not in taken and taken & {"postcode", "street_house"}:
            m.field = "city"
        if m.field is not None:
            m.by = "content"
            taken.add(m.field)


@dataclass
class ColumnMap:
    index: int  # 0-based column index in the sheet
    header: str
    field: str | None  # target field, a SENSITIVE code, or None (not imported)
    by: str  # "header", "content", "user" or "none"
    rank: int = 0  # among columns of one field, lower comes first ("Mobile Phone" first)

    @property
    def imported(self) -> bool:
        return self.field is not None and self.field in FIELDS


# A second "Telefoon" column (mobile + landline) is welcome; names/addresses not twice.
_MANY = frozenset({"phone", "email", "notes", *SENSITIVE})


_DATE_WORDS = re.compile(r"datum|date|dag|tijd|time|jaar|year")


def _guess(header: str, column: Sequence[object]) -> tuple[str | None, int, str]:
    """(field, rank, by) for one column; a lower rank wins a field several columns name."""
    key = fold_header(header)
    if key:
        known = known_header(key)
        if known is not None:
            return known[0], known[1], "header" if known[0] else "none"
        target = _by_name(key)
        if target:
            return target, 0, "header"
        target = qualified_field(key, _LOOKUP)
        if target and content_agrees(target, column):
            return target, 1, "header"
    target = field_from_content(column)
    # Dates spread over decades are birth dates, unless the header calls them dates of
    # something: a "Datum" column belongs to the list's kind (list_kind.map_plain_date).
    if target is None and not _DATE_WORDS.search(key):
        target = content_field(column)
    # Given names read from the cells yield to a column whose header says "Voornaam".
    return target, (2 if target == "first_name" else 0), ("content" if target else "none")


def auto_map(headers: Sequence[object], columns: Sequence[Sequence[object]]) -> list[ColumnMap]:
    """Map each column by its header, else by its content. A field other than phone,
    e-mail and notes goes to one column: the best ranked, then the first."""
    maps: list[ColumnMap] = []
    for index, header in enumerate(headers):
        text = "" if header is None else str(header).strip()
        target, rank, by = _guess(text, columns[index] if index < len(columns) else [])
        maps.append(ColumnMap(index, text, target, by, rank))
    best: dict[str, int] = {}
    for m in maps:
        if m.field and m.field not in _MANY:
            held = best.get(m.field)
            if held is None or m.rank < maps[held].rank:
                best[m.field] = m.index
    for m in maps:
        if m.field and m.field not in _MANY and best[m.field] != m.index:
            m.field, m.by = None, "none"
    if not any(m.header for m in maps):
        _map_headerless(maps, columns)
    fields = {m.field for m in maps}
    for m in maps:
        # "Voornaam" next to "Naam": that "Naam" is the surname, as Dutch lists use it.
        if m.field == "full_name" and "first_name" in fields and "last_name" not in fields:
            m.field = "last_name"
        # ... and "Naam" next to "Achternaam" is the given name.
        elif m.field == "full_name" and "last_name" in fields and "first_name" not in fields:
            m.field = "first_name"
        # "Nr." without a street column is a row or member number, not a house number.
        if m.field == "house_number" and "street" not in fields:
            m.field, m.by = None, "none"
    return maps


def header_score(row: Sequence[object]) -> int:
    """How much a row looks like a header: the number of cells that name a known field."""
    score = 0
    for cell in row:
        if isinstance(cell, str) and cell.strip() and len(cell) <= 60 and field_for_header(cell):
            score += 1
    return score
