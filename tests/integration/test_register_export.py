"""The art. 30 register from the configured purposes, as xlsx and HTML."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contactkluis.domain.purposes import DEFAULT_PURPOSES
from contactkluis.domain.register import register_columns
from contactkluis.errors import UserError
from contactkluis.services import policies, register_export
from contactkluis.services.session import Session
from contactkluis.vault import audit


def test_xlsx_has_one_row_per_configured_purpose(session: Session, tmp_path: Path) -> None:
    custom = (*DEFAULT_PURPOSES[:2], replace(DEFAULT_PURPOSES[2], label_nl="=Vrienden <b>& co</b>"))
    policies.set_purposes(session, custom)
    out = register_export.export_register(session, tmp_path / "register.xlsx")

    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[3] == register_columns("nl")
    body = rows[4:]
    assert len(body) == 3
    assert body[0][0] == "Museum Proef"
    assert body[0][1].startswith("Nieuwsbrief")
    assert "art. 6 lid 1 sub a AVG" in body[0][4]
    assert body[2][1].startswith("'=Vrienden")
    assert "2 jaar na het einde van de relatie" in body[2][5]
    entry = audit.entries(session.conn)[0]
    assert entry["action"] == "register.export" and entry["detail"]["purposes"] == 3


def test_html_is_escaped_and_complete(session: Session, tmp_path: Path) -> None:
    policies.set_purposes(
        session, (replace(DEFAULT_PURPOSES[0], label_nl="Nieuws <script>"), DEFAULT_PURPOSES[3])
    )
    out = register_export.export_register(session, tmp_path / "register.html")
    text = out.read_text("utf-8")
    assert "<script>" not in text and "Nieuws &lt;script&gt;" in text
    assert text.count("<tr>") == 3  # header + two purposes
    assert "fiscale bewaarplicht, art. 52 AWR" in text
    assert "Verwerkingsregister (art. 30 AVG)" in text


def test_other_extensions_are_refused(session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    with pytest.raises(UserError):
        register_export.export_register(session, folder / "register.pdf")
    assert list(folder.iterdir()) == []
