"""Read a vCard file (.vcf: Apple/iCloud, Android, Outlook, Google) into one sheet of rows.

vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350). No maintained vCard library is in the
package lists (vobject is not), and what an import needs is small: FN, N, EMAIL, TEL with
its TYPE, ADR, BDAY, NOTE and ORG. The sheet gets Dutch headers the column mapper knows,
so a vCard goes through the same mapping, report and review as a spreadsheet.

Runs in the reader child process (`safety.run_isolated`), like the CSV parser.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

HEADERS = [
    "Naam", "Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Mobiel", "Telefoon",
    "Straat en huisnummer", "Postcode", "Woonplaats", "Land", "Geboortedatum",
    "Organisatie", "Opmerkingen", "Tweede adres", "Fax",
]  # fmt: skip

# Words a Dutch or Flemish surname starts with; vCard's N has no place for them, so
# phones put them in "additional names" or in front of the family name.
_INFIX_WORDS = frozenset({"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "'t"})
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)((?:;[^:]*)?)$")
_SKIPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})  # large base64 blobs, no contact data


@dataclass
class _Prop:
    name: str
    params: dict[str, list[str]]
    value: str


@dataclass
class _Card:
    props: list[_Prop] = field(default_factory=list)

    def all(self, name: str) -> list[_Prop]:
        return [p for p in self.props if p.name == name]

    def first(self, name: str) -> _Prop | None:
        found = self.all(name)
        return found[0] if found else None


_LINE = re.compile(rb"([^\r\n]*)(?:\r\n|\r|\n|$)")


def _text_lines(data: bytes) -> Iterator[str]:
    """The file's lines as text, one at a time (a 190 MB address book is never copied
    whole). UTF-16 needs its BOM; otherwise each line is UTF-8, or Windows-1252 as old
    Outlook and Nokia exports write it. Per-property CHARSET is handled later."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    elif data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    for match in _LINE.finditer(data):
        raw = match.group(1)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield raw.decode("cp1252", errors="replace")


def _logical_lines(data: bytes) -> list[str]:
    """Unfold: a line starting with a space or tab continues the previous one (3.0/4.0);
    a quoted-printable value ending in '=' continues on the next line (2.1). Photos and
    other blobs are dropped as they are read, so an address book full of pictures fits the
    reader child's memory cap."""
    lines: list[list[str]] = []
    quoted_printable = blob = False
    for raw in _text_lines(data):
        if raw[:1] in (" ", "\t") and lines:
            if not blob:
                lines[-1].append(raw[1:])
        elif lines and quoted_printable and lines[-1] and lines[-1][-1].endswith("="):
            lines[-1].append("\n" + raw)  # kept as a soft break for quopri
        elif raw.strip():
            head = raw.split(":", 1)[0].upper()
            name = head.split(";", 1)[0].rsplit(".", 1)[-1]
            blob = name in _SKIPPED
            quoted_printable = "QUOTED-PRINTABLE" in head
            lines.append([] if blob else [raw])
    return ["".join(parts) for parts in lines if parts]


def _split_name_value(line: str) -> tuple[str, str] | None:
    """'TEL;TYPE="cell,voice":+31...' -> ('TEL;TYPE="cell,voice"', '+31...')."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return None


def _params(text: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in (p for p in text.split(";") if p):
        key, eq, value = part.partition("=")
        if not eq:  # vCard 2.1: bare "HOME", "CELL", "QUOTED-PRINTABLE"
            key, value = (
                ("ENCODING" if key.upper() in ("QUOTED-PRINTABLE", "BASE64") else "TYPE"),
                key,
            )
        values = [v.strip().strip('"') for v in value.strip('"').split(",")]
        params.setdefault(key.upper(), []).extend(v for v in values if v)
    return params


def _decoded(value: str, params: dict[str, list[str]]) -> str:
    encoding = [e.upper() for e in params.get("ENCODING", [])]
    if "QUOTED-PRINTABLE" not in encoding:
        return value
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    raw = quopri.decodestring(value.encode("latin-1", errors="replace"))
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def parse_cards(data: bytes) -> list[_Card]:
    cards: list[_Card] = []
    card: _Card | None = None
    for line in _logical_lines(data):
        parts = _split_name_value(line)
        if parts is None:
            continue
        head, value = parts
        match = _PROPERTY.match(head.strip())
        if match is None:
            continue
        name = match.group(1).upper()
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            card = _Card()
        elif name == "END" and value.strip().upper() == "VCARD":
            if card is not None:
                cards.append(card)
            card = None
        elif card is not None and name not in _SKIPPED:
            params = _params(match.group(2))
            card.props.append(_Prop(name, params, _decoded(value, params)))
    return cards


def _components(value: str) -> list[str]:
    """Split a structured value on unescaped ';' and unescape each part."""
    parts = re.split(r"(?<!\\);", value)
    return [_unescape(p) for p in parts]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text).strip()


def _types(prop: _Prop) -> set[str]:
    return {t.lower() for t in prop.params.get("TYPE", [])}


def _joined(values: list[str]) -> str | None:
    unique = list(dict.fromkeys(v for v in values if v))
    return " ::: ".join(unique) if unique else None


def _address(prop: _Prop) -> tuple[str | None, ...]:
    parts = [*_components(prop.value), "", "", "", "", "", "", ""][:7]
    _pobox, extended, street, locality, _region, code, country = parts
    street_line = " ".join(p for p in (street, extended) if p) or None
    return street_line, code or None, locality or None, country or None


def _one_line(prop: _Prop) -> str | None:
    street, code, city, country = _address(prop)
    place = " ".join(p for p in (code, city) if p)
    return ", ".join(p for p in (street, place, country) if p) or None


def _birthday(value: str) -> str | None:
    text = value.strip()
    digits = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?", text)
    if digits:
        return "-".join(digits.groups())
    return None  # "--0229" (no year) and free text carry no date we can keep


def _name(card: _Card) -> tuple[str | None, str | None, str | None, str | None]:
    fn = card.first("FN")
    full = _unescape(fn.value) if fn else None
    n = card.first("N")
    if n is None:
        return full, None, None, None
    family, given, additional = [*_components(n.value), "", "", ""][:3]
    infix = additional if additional and additional.split()[0].lower() in _INFIX_WORDS else None
    return full or None, given or None, infix, family or None


def card_row(card: _Card) -> list[str | None]:
    full, given, infix, family = _name(card)
    emails = [_unescape(p.value) for p in card.all("EMAIL")]
    mobiles: list[str] = []
    phones: list[str] = []
    faxes: list[str] = []
    for tel in card.all("TEL"):
        number = _unescape(tel.value)
        if number.lower().startswith("tel:"):
            # RFC 3966 URI (vCard 4.0): "-", "." and brackets are only visual separators.
            number = re.sub(r"[-.()]", " ", number[4:].split(";")[0]).strip()
        types = _types(tel)
        if "fax" in types or "pager" in types:
            faxes.append(number)
        elif "cell" in types or "mobile" in types or "iphone" in types:
            mobiles.append(number)
        else:
            phones.append(number)
    addresses = card.all("ADR")
    # The home address first, then one marked preferred, then the first written.
    addresses.sort(key=lambda a: 0 if "home" in _types(a) else 1 if "pref" in _types(a) else 2)
    street = code = city = country = None
    if addresses:
        street, code, city, country = _address(addresses[0])
    second = _joined([x for x in (_one_line(a) for a in addresses[1:]) if x])
    bday = card.first("BDAY")
    org = card.first("ORG")
    note = card.first("NOTE")
    return [
        full, given, infix, family, _joined(emails), _joined(mobiles), _joined(phones),
        street, code, city, country, _birthday(bday.value) if bday else None,
        (_components(org.value)[0] or None) if org else None,
        _unescape(note.value) or None if note else None, second, _joined(faxes),
    ]  # fmt: skip


def vcard_rows(data: bytes) -> list[list[str | None]]:
    """The header row and one row per card; empty when the text holds no vCard."""
    cards = parse_cards(data)
    if not cards:
        return []
    return [list[str | None](HEADERS), *(card_row(c) for c in cards)]
