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


def test_xlsx_has_a_block_per_activity_and_a_table(session: Session, tmp_path: Path) -> None:
    custom = (*DEFAULT_PURPOSES[:2], replace(DEFAULT_PURPOSES[2], label_nl="=Vrienden <b>& co</b>"))
    policies.set_purposes(session, custom)
    register_export.set_contacts(
        session, controller="Kerkplein 1, Utrecht, privacy@proef.nl", dpo="mr. A. Jansen (FG)"
    )
    out = register_export.export_register(session, tmp_path / "register.xlsx")

    wb = load_workbook(out)
    assert wb.sheetnames == ["Register", "Tabel"]
    table = list(wb["Tabel"].iter_rows(values_only=True))
    assert table[0] == register_columns("nl")
    body = table[1:]
    assert len(body) == 3
    assert body[0][0] == "Museum Proef\nKerkplein 1, Utrecht, privacy@proef.nl"
    assert body[0][1] == "mr. A. Jansen (FG)"
    assert body[0][2].startswith("Nieuwsbrief")
    assert "art. 6 lid 1 sub a AVG" in body[0][5]
    assert body[2][2].startswith("=Vrienden")  # text, not a formula and no apostrophe
    assert "2 jaar na het einde van de relatie" in body[2][6]
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)

    blocks = wb["Register"]
    cells = [(r[0], r[1]) for r in blocks.iter_rows(values_only=True)]
    assert ("Functionaris gegevensbescherming (FG)", "mr. A. Jansen (FG)") in cells
    headings = [r[0] for r in cells if r[0] and str(r[0]).startswith(("Nieuwsbrief", "=Vrienden"))]
    assert len(headings) == 2
    # Wrapped rows get their height: the security measures (several lines) never overlap.
    measures = [c.row for c in blocks["A"] if c.value == "Beveiligingsmaatregelen"]
    assert all(
        blocks.row_dimensions[r].height and blocks.row_dimensions[r].height > 15 for r in measures
    )
    entry = audit.entries(session.conn)[0]
    assert entry["action"] == "register.export" and entry["detail"]["purposes"] == 3


def test_html_is_escaped_complete_and_prints_on_a4(session: Session, tmp_path: Path) -> None:
    policies.set_purposes(
        session, (replace(DEFAULT_PURPOSES[0], label_nl="Nieuws <script>"), DEFAULT_PURPOSES[3])
    )
    out = register_export.export_register(session, tmp_path / "register.html")
    text = out.read_text("utf-8")
    assert "<script>" not in text and "Nieuws &lt;script&gt;" in text
    assert text.count("<tr") == 3  # header + two purposes
    assert "fiscale bewaarplicht, art. 52 AWR" in text
    assert "Verwerkingsregister (art. 30 AVG)" in text
    assert "@page{size:A4 landscape" in text
    assert "gegevens\u200bbescherming (FG)</th>" in text.replace("Functionaris ", "")
    assert "Geen FG aangesteld" in text  # art. 30(1)(a) asks for the FG: say there is none
    assert ">Opgesteld op: " in text and session.today().strftime("%d-%m-%Y") in text


def test_other_extensions_are_refused(session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    with pytest.raises(UserError):
        register_export.export_register(session, folder / "register.pdf")
    assert list(folder.iterdir()) == []
