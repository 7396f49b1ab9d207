"""The access export (AVG art. 15) as something to hand to the person: xlsx and printable HTML.

Built from the same report as the JSON (services.access.access_report), so the three files
say the same thing. Plain-language sheet and column names, dates as dates, log times in
Europe/Amsterdam, ja/nee, and a cover ("Overzicht") that says what is held, why, on which
basis, since when, from which source, until when, and what the person may do about it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from contactkluis.domain.contact import RELATION_PURPOSE, RelationKind
from contactkluis.domain.messages import format_date, localized
from contactkluis.domain.normalize import format_phone_nl
from contactkluis.domain.purposes import Purpose
from contactkluis.domain.requests import RequestKind
from contactkluis.migration.headers import FIELDS
from contactkluis.services import html_out
from contactkluis.services.access_texts import TEXTS, say
from contactkluis.services.export_words import word
from contactkluis.services.xlsx_out import LINE_HEIGHT, Book, as_moment, line_count

_PERSON_ROWS = (
    ("first_name", "p.first"),
    ("initials", "p.initials"),
    ("infix", "p.infix"),
    ("last_name", "p.last"),
    ("organisation", "p.organisation"),
    ("emails", "p.emails"),
    ("phones", "p.phones"),
    ("street", "p.street"),
    ("house_number", "p.house_number"),
    ("postcode", "p.postcode"),
    ("city", "p.city"),
    ("country", "p.country"),
    ("birth_date", "p.birth_date"),
    ("birth_year", "p.birth_year"),
    ("notes", "p.notes"),
    ("special_category", "p.special"),
    ("special_note", "p.special_note"),
    ("restricted", "p.restricted"),
    ("objects_marketing", "p.objects_marketing"),
    ("objects_profiling", "p.objects_profiling"),
    ("anonymised", "p.anonymised"),
    ("deceased", "p.deceased"),
    ("segment", "p.segment"),
)
_COVER_WIDTH = 80
_RIGHTS = ("access", "rectify", "erase", "restrict", "object", "port", "withdraw", "complain")


@dataclass(frozen=True)
class Section:
    key: str  # s.<key>: the sheet and heading
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class Letter:
    lang: str
    title: str
    made: date
    intro: str
    cover: Section  # why, basis, since, source, until per purpose
    held: list[str]
    rights: list[str]
    sections: list[Section]


def _t(lang: str, key: str, **params: Any) -> str:
    return say(key, lang=lang, **params)


def _cols(lang: str, *keys: str) -> tuple[str, ...]:
    return tuple(_t(lang, f"c.{k}") for k in keys)


def _value(lang: str, prefix: str, code: Any) -> str:
    key = f"{prefix}.{code}"
    return _t(lang, key) if f"access_letter.{key}" in _KNOWN else str(code or "")


_KNOWN = {f"access_letter.{k}" for k in TEXTS}


def _field(lang: str, code: str | None) -> str:
    """The import field a source line is about, as the import wizard names it."""
    if not code:
        return ""
    pair = FIELDS.get(code)
    if pair is not None:
        return localized(*pair, lang)
    return _value(lang, "f", code)


def _details(lang: str, raw: str, purposes: Mapping[str, Purpose]) -> str:
    try:
        detail = json.loads(raw) if raw else {}
    except ValueError:
        return raw
    if not isinstance(detail, dict):
        return str(detail)
    parts = []
    for key, value in detail.items():
        if isinstance(value, bool):
            value = localized("ja", "yes", lang) if value else localized("nee", "no", lang)
        elif key == "purpose" and value in purposes:
            value = localized(purposes[value].label_nl, purposes[value].label_en, lang)
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        parts.append(f"{_value(lang, 'd', key)}: {value}")
    return "; ".join(parts)


def _cover(report: Mapping[str, Any], purposes: Mapping[str, Purpose], lang: str) -> Section:
    """One row per reason the retention rules give: the purpose, its basis, since, source."""
    rows: list[tuple[Any, ...]] = []
    for reason in report["retention"]:
        code = reason["purpose"] or ""
        purpose = purposes.get(code)
        since: Any = None
        source = ""
        given = [c for c in report["consents"] if c["purpose"] == code and c["status"] == "given"]
        related = [
            r
            for r in report["relations"]
            if r["kind"] in set(RelationKind) and RELATION_PURPOSE[RelationKind(r["kind"])] == code
        ]
        if given:
            since, source = as_moment(given[-1]["on_date"]), given[-1]["source"] or ""
        elif related:
            first = min(related, key=lambda r: r["start_date"] or "9999")
            since, source = as_moment(first["start_date"]), first["source"] or ""
        if purpose and not source and report["provenance"]:
            source = report["provenance"][0]["file"]
        if reason["until"]:
            until: Any = as_moment(reason["until"])
        else:
            until = _t(lang, "open_until" if purpose else "until_released")
        rows.append(
            (
                localized(purpose.label_nl, purpose.label_en, lang)
                if purpose
                else _value(lang, "hold", code),
                localized(purpose.description_nl, purpose.description_en, lang) if purpose else "",
                localized(
                    f"{purpose.basis.label_nl} ({purpose.basis.article_nl})",
                    f"{purpose.basis.label_en} ({purpose.basis.article_en})",
                    lang,
                )
                if purpose
                else "",
                since,
                source,
                until,
                reason["reason"] or "",
            )
        )
    headers = _cols(lang, "purpose", "why", "basis", "since", "source", "until", "reason")
    return Section("overview", headers, rows)


def _held(report: Mapping[str, Any], lang: str) -> list[str]:
    person = report["person"]
    held: list[str] = []
    if any(person.get(k) for k in ("first_name", "initials", "last_name")):
        held.append(_t(lang, "h.name"))
    if person.get("emails"):
        held.append(_t(lang, "p.emails"))
    if person.get("phones"):
        held.append(_t(lang, "p.phones"))
    if any(person.get(k) for k in ("street", "postcode", "city")):
        held.append(_t(lang, "h.address"))
    for key in ("organisation", "birth_date", "birth_year", "notes", "special_category",
                "deceased", "segment"):  # fmt: skip
        if person.get(key):
            held.append(_t(lang, dict(_PERSON_ROWS)[key]))
    for key in ("consents", "relations", "provenance", "requests", "audit"):
        if report[key]:
            held.append(_t(lang, f"h.{key}", n=len(report[key])))
    return held


def _person_rows(person: Mapping[str, Any], lang: str) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for field, key in _PERSON_ROWS:
        value = person.get(field)
        if field == "phones" and isinstance(value, list):
            value = "\n".join(format_phone_nl(v) for v in value)  # as the person writes them
        elif isinstance(value, list):
            value = "\n".join(value)
        elif field == "birth_date":
            value = as_moment(value)
        rows.append((_t(lang, key), value))
    return rows


def letter(
    report: Mapping[str, Any], purposes: Mapping[str, Purpose], lang: str, contact: str = ""
) -> Letter:
    """The whole letter as plain rows; xlsx and HTML only lay it out."""

    def purpose_label(code: str) -> str:
        p = purposes.get(code)
        return localized(p.label_nl, p.label_en, lang) if p else code

    consents = [
        (
            purpose_label(c["purpose"]),
            word(lang, "v", c["status"]),
            as_moment(c["on_date"]),
            c["source"],
            c["evidence"],
            bool(c["reconfirm"]),
            as_moment(c["recorded_at"]),
            c["recorded_by"],
        )
        for c in report["consents"]
    ]
    relations = [
        (
            word(lang, "k", r["kind"]),
            as_moment(r["start_date"]),
            as_moment(r["end_date"]),
            as_moment(r["last_activity"]),
            r["source"],
        )
        for r in report["relations"]
    ]
    provenance = [
        (p["file"], p["sheet"], p["row"], _field(lang, p["field"]), p["original"])
        for p in report["provenance"]
    ]
    requests = [
        (
            r["id"],
            localized(RequestKind(r["kind"]).label_nl, RequestKind(r["kind"]).label_en, lang)
            if r["kind"] in set(RequestKind)
            else r["kind"],
            as_moment(r["received"]),
            bool(r["identity_checked"]),
            as_moment(r["deadline"]),
            bool(r["extended"]),
            r["extension_reason"],
            word(lang, "v", r["status"]),
            as_moment(r["closed_at"]),
            r["note"],
        )
        for r in report["requests"]
    ]
    log = [
        (
            as_moment(e["ts"]),
            e["account"],
            _t(lang, f"a.{e['action']}")
            if f"access_letter.a.{e['action']}" in _KNOWN
            else _t(lang, "a.other"),
            _details(lang, e["detail"], purposes),
        )
        for e in report["audit"]
    ]
    made = date.fromisoformat(report["made_on"])
    rights = [_t(lang, f"r.{k}") for k in _RIGHTS]
    if contact:
        rights.append(_t(lang, "contact", contact=contact))
    return Letter(
        lang=lang,
        title=_t(lang, "title", institution=report["institution"] or "?"),
        made=made,
        intro=_t(lang, "intro"),
        cover=_cover(report, purposes, lang),
        held=_held(report, lang),
        rights=rights,
        sections=[
            Section("person", _cols(lang, "item", "value"), _person_rows(report["person"], lang)),
            Section(
                "consents",
                _cols(
                    lang,
                    *("purpose", "status", "date", "source", "evidence"),
                    *("reconfirm", "recorded_at", "recorded_by"),
                ),
                consents,
            ),
            Section(
                "relations",
                _cols(lang, "kind", "start", "end", "last_activity", "source"),
                relations,
            ),
            Section(
                "provenance", _cols(lang, "file", "sheet", "row", "field", "original"), provenance
            ),
            Section(
                "requests",
                _cols(
                    lang,
                    *("number", "kind", "received", "identity", "deadline", "extended"),
                    *("extension_reason", "status", "closed", "note"),
                ),
                requests,
            ),
            Section("audit", _cols(lang, "moment", "account", "action", "details"), log),
        ],
    )


def xlsx_bytes(doc: Letter) -> bytes:
    book = Book(doc.lang)
    fmt = book.fmt
    lang = doc.lang
    # The cover reads like a letter: one block of label/value lines per purpose, portrait.
    ws = book.sheet(_t(lang, "s.overview"))
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, _COVER_WIDTH)
    ws.write_string(0, 0, doc.title, fmt["title"])
    ws.write_string(1, 0, _t(lang, "made", day=format_date(doc.made, lang)))
    row = 2

    def line(text: str) -> None:
        nonlocal row
        row += 1
        ws.merge_range(row, 0, row, 1, text, fmt["wrap"])
        ws.set_row(row, LINE_HEIGHT * line_count(text, _COVER_WIDTH + 24))

    def heading(text: str) -> None:
        nonlocal row
        row += 2
        ws.merge_range(row, 0, row, 1, text, fmt["head"])

    line(doc.intro)
    heading(_t(lang, "why"))
    for values in doc.cover.rows:
        pairs = zip(doc.cover.headers, values, strict=True)
        filled = [(label, value) for label, value in pairs if value not in (None, "")]
        row = book.card(ws, row + 1, filled, (24, _COVER_WIDTH))
    for title, lines in ((_t(lang, "held"), doc.held), (_t(lang, "rights"), doc.rights)):
        heading(title)
        for text in lines or [_t(lang, "none")]:
            line(f"\u2022 {text}")
    for section in doc.sections:
        book.table(_t(lang, f"s.{section.key}"), section.headers, section.rows)
    return book.close()


def html_text(doc: Letter) -> str:
    lang = doc.lang
    parts = [
        f'<p class="meta">{html.escape(_t(lang, "made", day=format_date(doc.made, lang)))}</p>',
        f"<p>{html.escape(doc.intro)}</p>",
        f"<h2>{html.escape(_t(lang, 'why'))}</h2>",
        html_out.table(doc.cover.headers, doc.cover.rows, lang),
    ]
    for heading, lines in ((_t(lang, "held"), doc.held), (_t(lang, "rights"), doc.rights)):
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        parts.append(f"<h2>{html.escape(heading)}</h2>\n<ul>{items}</ul>")
    for section in doc.sections:
        parts.append(f"<h2>{html.escape(_t(lang, f's.{section.key}'))}</h2>")
        if section.rows:
            parts.append(html_out.table(section.headers, section.rows, lang))
        else:
            parts.append(f"<p>{html.escape(_t(lang, 'none'))}</p>")
    return html_out.page(doc.title, "\n".join(parts), lang, landscape=True)
