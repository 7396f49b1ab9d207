"""The portable export holds everything, in the JSON and in an xlsx people can read."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from contactkluis.domain.contact import Relation, RelationKind
from contactkluis.services import export
from contactkluis.services.session import Session
from tests.support.people import add_person, give, withdraw


def _people(session: Session) -> int:
    cid = add_person(
        session, "Hendrikje", "Kloosterboer", infix="van", notes="Komt graag.\n=geen formule"
    )
    give(session, cid)
    withdraw(session, cid)
    give(session, cid, on=date(2024, 9, 12), evidence="e-mail 12-09-2024")
    donor = Relation(RelationKind.DONATEUR, date(2019, 3, 1), date(2023, 12, 31), source="giften")
    add_person(session, "Pieter", "Jansen", relation=donor)
    return cid


def test_json_holds_notes_consent_history_and_relation_dates(
    session: Session, tmp_path: Path
) -> None:
    cid = _people(session)
    assert export.export_all(session, tmp_path / "alles.json") == 2
    data = json.loads((tmp_path / "alles.json").read_text("utf-8"))
    [hendrikje] = [c for c in data["contacts"] if c["id"] == cid]
    assert hendrikje["notes"] == "Komt graag.\n=geen formule"
    assert hendrikje["birth_date"] == "1967-05-17"
    assert [(e["status"], e["date"], e["evidence"]) for e in hendrikje["consent_history"]] == [
        ("given", "2023-04-01", "formulier-2023-04"),
        ("withdrawn", "2024-02-01", None),
        ("given", "2024-09-12", "e-mail 12-09-2024"),
    ]
    assert hendrikje["consents"]["nieuwsbrief"]["evidence"] == "e-mail 12-09-2024"
    assert hendrikje["relations"][0]["start"] == "2020-01-15"


def test_xlsx_has_dutch_headers_real_dates_and_everything(session: Session, tmp_path: Path) -> None:
    _people(session)
    export.export_all(session, tmp_path / "alles.xlsx")
    wb = load_workbook(tmp_path / "alles.xlsx")
    assert wb.sheetnames == ["Contacten", "Toestemmingen", "Relaties"]
    ws = wb["Contacten"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Nummer", "Voornaam", "Voorletters", "Tussenvoegsel", "Achternaam"]
    assert {"Geboortedatum", "Relatie sinds", "Notities", "Datum toestemming Nieuwsbrief"} <= set(
        header
    )
    rows = {
        r[4]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    hendrikje, pieter = rows["Kloosterboer"], rows["Jansen"]
    assert hendrikje["Geboortedatum"] == datetime(1967, 5, 17)
    assert hendrikje["Relatie sinds"] == datetime(2020, 1, 15)
    assert hendrikje["Toestemming Nieuwsbrief"] == "gegeven"
    assert hendrikje["Datum toestemming Nieuwsbrief"] == datetime(2024, 9, 12)
    assert hendrikje["Notities"] == "Komt graag.\n=geen formule"
    assert hendrikje["Bewaarstatus"] == "in orde"
    assert "Vriend sinds 15-01-2020" in hendrikje["Waarom bewaard"]
    assert pieter["Relaties"] == "Donateur" and pieter["Bewaren tot"] == datetime(2030, 12, 31)
    assert ws["N2"].number_format == "dd-mm-yyyy"  # the birth date, after the organisation
    assert ws.freeze_panes == "F2" and ws.auto_filter.ref is not None
    assert ws.print_title_rows == "$1:$1"
    history = list(wb["Toestemmingen"].iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[4], r[6]) for r in history] == [
        ("gegeven", datetime(2023, 4, 1), "formulier-2023-04"),
        ("ingetrokken", datetime(2024, 2, 1), None),
        ("gegeven", datetime(2024, 9, 12), "e-mail 12-09-2024"),
    ]
    relations = list(wb["Relaties"].iter_rows(min_row=2, values_only=True))
    assert relations[1][2:6] == ("Donateur", datetime(2019, 3, 1), datetime(2023, 12, 31), None)
    words = {c.value for s in wb for row in s.iter_rows() for c in row if isinstance(c.value, str)}
    assert not words & {"given", "withdrawn", "none", "ok", "vriend", "donateur", "True"}
    assert all(c.data_type != "f" for s in wb for row in s.iter_rows() for c in row)
