"""The access export (art. 15/20): everything about one person, as JSON and xlsx."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from contactkluis.errors import UserError
from contactkluis.services import access, requests
from contactkluis.services.session import Session
from contactkluis.vault import audit
from tests.support.people import add_person, give, withdraw


def test_export_holds_consent_history_with_evidence_and_the_audit(
    session: Session, tmp_path: Path
) -> None:
    cid = add_person(
        session,
        "Hendrikje",
        "Kloosterboer",
        infix="van",
        phone="+31201234567",
        notes='=HYPERLINK("http://example.invalid")',
    )
    add_person(session, "Anders", "Iemand")
    give(session, cid, evidence="formulier-2023-04")
    withdraw(session, cid)
    rid = requests.add_request(session, "inzage", contact_id=cid, identity_checked=True)

    result = access.export_access(
        session,
        access.find_person(session, "hendrikje.kloosterboer@voorbeeld.nl"),
        tmp_path / "inzage",
    )

    assert result.contact_ids == (cid,)
    data = json.loads((tmp_path / "inzage" / f"inzage-{cid}.json").read_text("utf-8"))
    assert data["person"]["last_name"] == "Kloosterboer"
    assert data["person"]["infix"] == "van"
    assert data["person"]["phones"] == ["+31201234567"]
    history = [(c["purpose"], c["status"], c["evidence"]) for c in data["consents"]]
    assert history == [
        ("nieuwsbrief", "given", "formulier-2023-04"),
        ("nieuwsbrief", "withdrawn", ""),
    ]
    assert data["relations"][0]["kind"] == "vriend"
    assert data["provenance"][0]["file"] == "ledenlijst_2019.xlsx"
    assert [r["id"] for r in data["requests"]] == [rid]
    actions = [e["action"] for e in data["audit"]]
    assert actions[:1] == ["contact.create"]
    assert {"consent.given", "consent.withdrawn", "request.add", "access.export"} <= set(actions)
    assert "Iemand" not in json.dumps(data)

    wb = load_workbook(tmp_path / "inzage" / f"inzage-{cid}.xlsx")
    assert wb.sheetnames == [
        "Overzicht",
        "Persoonsgegevens",
        "Toestemmingen",
        "Relaties",
        "Herkomst",
        "Verzoeken",
        "Logboek",
    ]
    person = {r[0]: r[1] for r in wb["Persoonsgegevens"].iter_rows(min_row=2, values_only=True)}
    assert person["Achternaam"] == "Kloosterboer"
    assert person["Notities"] == '=HYPERLINK("http://example.invalid")'  # text, not a formula
    assert person["Geboortedatum"] == datetime(1967, 5, 17)  # a real date cell
    assert person["Verwerking beperkt (art. 18)"] == "nee"
    consents = list(wb["Toestemmingen"].iter_rows(values_only=True))
    assert consents[0][:3] == ("Doel", "Status", "Datum")
    assert consents[1][:5] == (
        "Nieuwsbrief",
        "gegeven",
        datetime(2023, 4, 1),
        "aanmeldformulier website",
        "formulier-2023-04",
    )
    assert wb["Toestemmingen"].freeze_panes == "A2"
    assert wb["Toestemmingen"]["C2"].number_format == "dd-mm-yyyy"
    cover = " ".join(str(v) for r in wb["Overzicht"].iter_rows(values_only=True) for v in r if v)
    assert "Autoriteit Persoonsgegevens" in cover and "Vriendenadministratie" in cover
    every = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in every)
    words = {str(c.value) for c in every if isinstance(c.value, str)}
    internal = {"first_name", "objects_marketing", "on_date", "given", "withdrawn", "True"}
    assert not words & internal
    assert all("WAAR" not in w and "reconfirm" not in w for w in words)
    # The log times are Amsterdam wall-clock times, not UTC.
    log = list(wb["Logboek"].iter_rows(min_row=2, values_only=True))
    stamp = datetime.fromisoformat(data["audit"][0]["ts"].replace("Z", "+00:00"))
    assert log[0][0] == stamp.astimezone(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None)
    assert log[0][2] == "Gegevens vastgelegd"

    page = (tmp_path / "inzage" / f"inzage-{cid}.html").read_text("utf-8")
    assert "@page" in page and "Autoriteit Persoonsgegevens" in page
    assert "17-05-1967" in page and "<script" not in page

    entry = audit.entries(session.conn, f"contact:{cid}")[0]
    assert entry["action"] == "access.export" and "Kloosterboer" not in repr(entry)


def test_export_never_overwrites(session: Session, tmp_path: Path) -> None:
    cid = add_person(session, "Hendrikje", "Kloosterboer")
    access.export_access(session, [cid], tmp_path)
    before = (tmp_path / f"inzage-{cid}.json").read_bytes()
    count = len(audit.entries(session.conn, f"contact:{cid}"))
    with pytest.raises(UserError) as err:
        access.export_access(session, [cid], tmp_path)
    assert err.value.code == "target_exists"
    assert (tmp_path / f"inzage-{cid}.json").read_bytes() == before
    assert len(audit.entries(session.conn, f"contact:{cid}")) == count


def test_staff_may_not_export_a_person(staff_session: Session, tmp_path: Path) -> None:
    cid = add_person(staff_session, "Hendrikje", "Kloosterboer")
    with pytest.raises(UserError) as err:
        access.export_access(staff_session, [cid], tmp_path / "x")
    assert err.value.code == "forbidden"
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())


def test_find_person_by_email_phone_or_id(session: Session) -> None:
    cid = add_person(session, "Hendrikje", "Kloosterboer", phone="+31612345678")
    assert access.find_person(session, "Hendrikje.Kloosterboer@Voorbeeld.nl") == [cid]
    assert access.find_person(session, "06-12345678") == [cid]
    assert access.find_person(session, f"#{cid}") == [cid]
    assert access.find_person(session, "niemand@voorbeeld.nl") == []
    with pytest.raises(UserError):
        access.require_person(session, "niemand@voorbeeld.nl")


def test_english_letter_when_the_language_is_english(session: Session, tmp_path: Path) -> None:
    cid = add_person(session, "Hendrikje", "Kloosterboer")
    give(session, cid)
    session.lang = "en"
    access.export_access(session, [cid], tmp_path)
    wb = load_workbook(tmp_path / f"inzage-{cid}.xlsx")
    assert wb.sheetnames[:3] == ["Overview", "Personal data", "Consents"]
    consents = list(wb["Consents"].iter_rows(values_only=True))
    assert consents[1][:3] == ("Newsletter", "given", datetime(2023, 4, 1))
    cover = " ".join(str(v) for r in wb["Overview"].iter_rows(values_only=True) for v in r if v)
    assert "Your rights" in cover and "Autoriteit Persoonsgegevens" in cover
    assert "Toestemming" not in cover and "bewaren" not in cover
    page = (tmp_path / f"inzage-{cid}.html").read_text("utf-8")
    assert '<html lang="en">' in page and "01/04/2023" in page
