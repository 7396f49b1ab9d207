"""The record of processing activities (AVG art. 30) as xlsx or HTML, from the purpose register.

The content comes from domain.register; this module only lays it out. No personal data is
involved, but the files are still written atomically and cells formula-escaped.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from contactkluis.domain.messages import localized
from contactkluis.domain.register import (
    DEFAULT_SECURITY_MEASURES,
    RegisterRow,
    processing_register,
    register_columns,
)
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services.files import safe_cell, write_atomic
from contactkluis.services.session import Session

_TITLE = ("Verwerkingsregister (art. 30 AVG)", "Record of processing activities (GDPR Art. 30)")
_MADE = ("Opgesteld op", "Drawn up on")


def register_rows(session: Session) -> list[RegisterRow]:
    session.require(Permission.VIEW)
    measures = session.setting("security_measures", list(DEFAULT_SECURITY_MEASURES))
    return processing_register(
        list(session.purposes.values()), session.vault.meta("institution") or "", measures
    )


def _xlsx(rows: list[RegisterRow], lang: str, made: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Register"
    ws.append([localized(*_TITLE, lang=lang)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([localized(*_MADE, lang=lang), made])
    ws.append([])
    ws.append(list(register_columns(lang)))
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([safe_cell(v) for v in row.cells(lang)])
    for column in ws.iter_cols(min_row=4):
        ws.column_dimensions[column[0].column_letter].width = 32
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _html(rows: list[RegisterRow], lang: str, made: str) -> str:
    title = html.escape(localized(*_TITLE, lang=lang))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in register_columns(lang))
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row.cells(lang)) + "</tr>"
        for row in rows
    )
    made_label = html.escape(localized(*_MADE, lang=lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{title}</title>\n<style>body{{font-family:sans-serif}}"
        "table{border-collapse:collapse}th,td{border:1px solid #888;padding:4px;"
        "vertical-align:top;text-align:left}</style></head>\n<body>\n"
        f"<h1>{title}</h1>\n<p>{made_label}: {html.escape(made)}</p>\n"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"
        "</body>\n</html>\n"
    )


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
    made = session.today().isoformat()
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
