"""The mailing export: exactly the eligible people, in a file a mail tool imports."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from contactkluis.domain.contact import Relation, RelationKind
from contactkluis.errors import UserError
from contactkluis.services import erasure, mailing, retention
from contactkluis.services.session import Session
from contactkluis.vault import audit
from tests.support.people import add_person, expired_customer, give, withdraw


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_only_people_with_consent_in_force_are_exported(session: Session, tmp_path: Path) -> None:
    yes = add_person(session, "Anneke", "Berg", infix="van der")
    give(session, yes)
    yes_too = add_person(session, "Sjoerd", "Dijkstra", email="=sjoerd@voorbeeld.nl")
    give(session, yes_too)  # an address no tool should take for a formula: left out, counted

    gone_back = add_person(session, "Wim", "Teruggetrokken")
    give(session, gone_back)
    withdraw(session, gone_back)
    restricted = add_person(session, "Ria", "Beperkt")
    give(session, restricted)
    erasure.restrict(session, restricted)
    objecting = add_person(session, "Otto", "Bezwaarmaker")
    give(session, objecting)
    erasure.object_to(session, objecting, "marketing")
    erased = add_person(session, "Eva", "Gewist")
    erasure.erase(session, [erased])
    suppressed = add_person(session, "Eva", "Gewist", email="eva.gewist@voorbeeld.nl")
    give(session, suppressed)  # came back under the erased address: on the suppression list
    session.conn.execute("UPDATE contacts SET objects_marketing = 0 WHERE id = ?", (suppressed,))
    anonymous = expired_customer(session, "Arie", "Anoniem")
    give(session, anonymous, on=date(2014, 1, 1))
    withdraw(session, anonymous, on=date(2014, 6, 1))
    retention.apply(session, "anonymise", [anonymous])
    add_person(session, "Nico", "Zondertoestemming")
    other_purpose = add_person(session, "Udo", "Uitnodiging")
    give(session, other_purpose, purpose="uitnodigingen")

    out = tmp_path / "nieuwsbrief.csv"
    result = mailing.export_mailing(session, "nieuwsbrief", out)

    rows = _read(out)
    assert rows == [
        {
            "email": "anneke.berg@voorbeeld.nl",
            "first_name": "Anneke",
            "last_name": "van der Berg",
            "salutation_last_name": "Van der Berg",
        }
    ]
    assert result.count == 1 and result.unsafe == 1
    assert result.reasons["suppressed"] == 1
    assert result.reasons["withdrawn"] == 1 and result.reasons["restricted"] == 1
    assert result.reasons["objects_marketing"] == 1 and result.reasons["anonymised"] == 1
    assert out.read_bytes().startswith(
        b'\xef\xbb\xbf"email","first_name","last_name","salutation_last_name"\r\n'
    )
    assert result.count + sum(result.left_out().values()) == result.considered
    entry = audit.entries(session.conn)[0]
    assert entry["action"] == "mailing.export"
    assert entry["detail"] == {"count": 1, "purpose": "nieuwsbrief"}


def test_soft_opt_in_customers_are_included(session: Session, tmp_path: Path) -> None:
    sale = Relation(
        RelationKind.KLANT,
        start=date.today(),
        last_activity=date.today(),
        paid=True,
        opt_out_offered=True,
    )
    add_person(session, "Karel", "Klant", relation=sale)
    no_opt_out = Relation(
        RelationKind.KLANT,
        start=date.today(),
        last_activity=date.today(),
        paid=True,
        opt_out_offered=False,
    )
    add_person(session, "Lotte", "Geenafmelding", relation=no_opt_out)
    add_person(session, "Mees", "Lidmaatschap")  # a friend, not a customer
    result = mailing.mailing_list(session, "nieuwsbrief")
    assert [r.email for r in result.rows] == ["karel.klant@voorbeeld.nl"]
    assert result.reasons["ok_soft_opt_in"] == 1


def test_names_that_look_like_formulas_are_escaped(session: Session, tmp_path: Path) -> None:
    cid = add_person(session, "@Piet", "+Puk", email="piet.puk@voorbeeld.nl")
    give(session, cid)
    out = tmp_path / "lijst.csv"
    mailing.export_mailing(session, "nieuwsbrief", out)
    assert _read(out) == [
        {
            "email": "piet.puk@voorbeeld.nl",
            "first_name": "'@Piet",
            "last_name": "'+Puk",
            "salutation_last_name": "'+Puk",
        }
    ]


def test_unknown_purpose_and_wrong_extension_write_nothing(
    session: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    with pytest.raises(UserError):
        mailing.export_mailing(session, "reclame", folder / "a.csv")
    with pytest.raises(UserError):
        mailing.export_mailing(session, "nieuwsbrief", folder / "a.txt")
    assert list(folder.iterdir()) == []


def test_staff_may_export_a_mailing(staff_session: Session, tmp_path: Path) -> None:
    cid = add_person(staff_session, "Anneke", "Berg")
    give(staff_session, cid)
    assert mailing.export_mailing(staff_session, "nieuwsbrief", tmp_path / "m.csv").count == 1
