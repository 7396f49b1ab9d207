"""The record of processing activities (AVG art. 30) as xlsx or HTML, from the purpose register.

The content comes from domain.register; this module only lays it out for A4: the HTML with a
print stylesheet (landscape, every column, wrapping), the xlsx as one block per activity
with a page break before a block that would not fit, plus a table sheet for filtering.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import IO

from contactkluis.domain.messages import format_date, localized
from contactkluis.domain.register import (
    DEFAULT_SECURITY_MEASURES,
    NO_DPO_EN,
    NO_DPO_NL,
    RegisterRow,
    processing_register,
    register_columns,
)
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import html_out, policies
from contactkluis.services.files import write_atomic
from contactkluis.services.session import Session
from contactkluis.services.xlsx_out import LINE_HEIGHT, Book, line_count

_TITLE = ("Verwerkingsregister (art. 30 AVG)", "Record of processing activities (GDPR Art. 30)")
_MADE = ("Opgesteld op", "Drawn up on")
_TABLE = ("Tabel", "Table")
# Settings (beheerder: settings page or `contactkluis register --controller-contact ...`).
CONTROLLER_CONTACT = "controller_contact"
DPO_CONTACT = "dpo_contact"
_WIDTHS = (30, 80)  # label and value columns, in characters
# Points of rows that fit on one portrait A4 page at the scale that fits 110 characters
# across; a block that would cross the page end starts on a new page instead.
_PAGE_POINTS = 720


def register_rows(session: Session) -> list[RegisterRow]:
    session.require(Permission.VIEW)
    measures = session.setting("security_measures", list(DEFAULT_SECURITY_MEASURES))
    return processing_register(
        list(session.purposes.values()),
        session.vault.meta("institution") or "",
        measures,
        controller_contact=str(session.setting(CONTROLLER_CONTACT, "") or ""),
        dpo_contact=str(session.setting(DPO_CONTACT, "") or ""),
    )


def set_contacts(session: Session, controller: str | None = None, dpo: str | None = None) -> None:
    """Record the controller's and the FG/DPO's contact details shown in the register."""
    for key, value in ((CONTROLLER_CONTACT, controller), (DPO_CONTACT, dpo)):
        if value is not None:
            policies.set_setting(session, key, value.strip())


def _xlsx(rows: list[RegisterRow], lang: str, made: date) -> bytes:
    """One block per activity (prints whole, no overlapping wrapped rows), then the same as
    a table for filtering."""
    book = Book(lang)
    fmt = book.fmt
    ws = book.sheet("Register")
    ws.set_column(0, 0, _WIDTHS[0])
    ws.set_column(1, 1, _WIDTHS[1])
    ws.write_string(0, 0, localized(*_TITLE, lang=lang), fmt["title"])
    ws.write_string(1, 0, f"{localized(*_MADE, lang=lang)}: {format_date(made, lang)}")
    columns = register_columns(lang)
    # Controller and FG are the same for every activity: once at the top, in every table row.
    first = rows[0].cells(lang) if rows else ("", "")
    row = book.card(ws, 3, list(zip(columns[:2], first[:2], strict=True)), _WIDTHS) + 1
    used, breaks = LINE_HEIGHT * row, []
    for activity in rows:
        cells = activity.cells(lang)
        pairs = list(zip(columns[3:], cells[3:], strict=True))
        height = LINE_HEIGHT * (2 + sum(max(map(line_count, p, _WIDTHS)) for p in pairs))
        if used + height > _PAGE_POINTS:
            breaks.append(row)
            used = 0
        ws.merge_range(row, 0, row, 1, cells[2], fmt["head"])
        ws.set_row(row, LINE_HEIGHT * line_count(cells[2], sum(_WIDTHS)))
        row = book.card(ws, row + 1, pairs, _WIDTHS) + 1
        used += height
    ws.set_h_pagebreaks(breaks)
    book.table(localized(*_TABLE, lang=lang), columns, (r.cells(lang) for r in rows))
    return book.close()


def _html(rows: list[RegisterRow], lang: str, made: date) -> str:
    title = localized(*_TITLE, lang=lang)
    first = rows[0] if rows else None
    controller = first.cells(lang)[0] if first else ""
    dpo = (
        first.dpo_contact if first and first.dpo_contact else localized(NO_DPO_NL, NO_DPO_EN, lang)
    )
    columns = register_columns(lang)
    body = (
        f'<p class="meta">{html.escape(localized(*_MADE, lang=lang))}: '
        f"{format_date(made, lang)}</p>\n"
        f"<p><b>{html.escape(columns[0])}:</b> {html_out.text(controller, lang)}<br>\n"
        f"<b>{html.escape(columns[1])}:</b> {html_out.text(dpo, lang)}</p>\n"
        + html_out.table(columns, (r.cells(lang) for r in rows), lang)
    )
    return html_out.page(title, body, lang, landscape=True, size="7.5pt")


def export_register(session: Session, out: Path) -> Path:
    """Write the register to `out` (.xlsx or .html/.htm, by its extension)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".html", ".htm"):
        raise UserError(
            "invalid",
            reason=(
                "Kies een bestand dat eindigt op .xlsx of .html.",
                "Choose a file ending in .xlsx or .html.",
            ),
        )
    rows = register_rows(session)
    made = session.today()
    lang = session.lang

    def write(fh: IO[bytes]) -> None:
        if suffix == ".xlsx":
            fh.write(_xlsx(rows, lang, made))
        else:
            fh.write(_html(rows, lang, made).encode("utf-8"))

    with session.write() as conn:
        write_atomic(out, write)
        session.audit(conn, "register.export", None, purposes=len(rows), format=suffix[1:])
    return out
