"""The mailing as the mail services and Dutch Excel read it, and the loop back from them."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import ConsentEvent, ConsentStatus
from contactkluis.services import mailing, mailing_loop, states
from contactkluis.services.mailing_loop import ReturnKind
from contactkluis.services.mailing_presets import PRESETS
from contactkluis.services.session import Session
from tests.support.people import add_person, give, withdraw

# The services' own import field names, as their documentation gives them (sources in
# services/mailing_presets.py); a preset that drifts from these no longer auto-matches.
DOCUMENTED = {
    "mailchimp": ("Email Address", "First Name", "Last Name"),
    "laposta": ("E-mailadres", "Voornaam", "Tussenvoegsel", "Achternaam"),
    "mailerlite": ("Email", "Name", "Last name"),
    "brevo": ("EMAIL", "FIRSTNAME", "LASTNAME"),
}
FORMULA = ("=", "+", "-", "@")


def _legacy(session: Session, contact_id: int, on: date = date(2019, 5, 1)) -> None:
    """A consent taken over from an old list: must be reconfirmed before it counts."""
    event = ConsentEvent(
        "nieuwsbrief", ConsentStatus.GIVEN, on, "ledenlijst 2019", "rij 4", reconfirm=True
    )
    with session.write() as conn:
        session.repo(conn).add_consent(contact_id, event, session.account)
        states.refresh(session, conn, [contact_id])


def _state(session: Session, contact_id: int) -> tuple[ConsentStatus, bool, str]:
    contact = session.repo().get(contact_id)
    assert contact is not None
    state = consent_state(contact.consents, "nieuwsbrief", today=session.today())
    return state.status, state.reconfirm, state.source


def _cells(raw: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


@pytest.fixture
def people(session: Session) -> dict[str, int]:
    ids = {
        "feline": add_person(
            session, "Féline", "Berg", infix="van den", email="feline.berg@voorbeeld.nl"
        ),
        "tricky": add_person(session, "Piet", "Puk, =HYPERLINK(1);-2", email="piet@voorbeeld.nl"),
        "legacy1": add_person(session, "Lies", "Oud"),
        "legacy2": add_person(session, "Lex", "Ouder"),
        "none": add_person(session, "Nico", "Niets"),
        "gone": add_person(session, "Wim", "Weg"),
    }
    give(session, ids["feline"])
    give(session, ids["tricky"])
    _legacy(session, ids["legacy1"])
    _legacy(session, ids["legacy2"])
    give(session, ids["gone"])
    withdraw(session, ids["gone"])
    return ids


@pytest.mark.parametrize("preset", sorted(DOCUMENTED))
def test_preset_headers_are_the_services_documented_fields(
    session: Session, people: dict[str, int], tmp_path: Path, preset: str
) -> None:
    out = tmp_path / f"{preset}.csv"
    mailing.export_mailing(session, "nieuwsbrief", out, preset=preset)
    header = _cells(out.read_bytes(), ",")[0]
    assert tuple(header[: len(DOCUMENTED[preset])]) == DOCUMENTED[preset]
    assert PRESETS[preset].documented() == DOCUMENTED[preset]


def test_csv_has_bom_and_no_formula_in_either_reader(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "m.csv"
    mailing.export_mailing(session, "nieuwsbrief", out, preset="mailchimp", consent=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Dutch Excel reads UTF-8 only with it
    assert "Féline" in raw.decode("utf-8-sig")
    for delimiter in (",", ";"):
        for row in _cells(raw, delimiter):
            for cell in row:
                assert not cell.strip().startswith(FORMULA), (delimiter, cell)
                assert not cell.strip().strip('"').strip().startswith(FORMULA), (delimiter, cell)
    rows = _cells(raw, ",")
    assert rows[0][-2:] == ["Toestemming Datum", "Toestemming Bron"]
    berg = next(r for r in rows if r[0] == "feline.berg@voorbeeld.nl")
    assert berg[1:4] == ["Féline", "van den Berg", "Van den Berg"]
    assert berg[4:] == ["2023-04-01", "aanmeldformulier website"]


def test_laposta_keeps_the_tussenvoegsel_apart(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "laposta.csv"
    mailing.export_mailing(session, "nieuwsbrief", out, preset="laposta")
    rows = _cells(out.read_bytes(), ",")
    berg = next(r for r in rows if r[0] == "feline.berg@voorbeeld.nl")
    assert berg[1:] == ["Féline", "van den", "Berg", "Van den Berg"]


def test_reasons_add_up_and_say_why(session: Session, people: dict[str, int]) -> None:
    result = mailing.mailing_list(session, "nieuwsbrief")
    left = result.left_out()
    assert result.count == 2
    assert left == {"reconfirm": 2, "no_consent": 1, "withdrawn": 1}
    assert result.count + sum(left.values()) == result.considered == 6
    assert "oude lijst" in mailing.reason_text("reconfirm")


def test_xlsx_variant_holds_text_and_real_dates(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "m.xlsx"
    mailing.export_mailing(session, "nieuwsbrief", out, preset="brevo", consent=True)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "EMAIL",
        "FIRSTNAME",
        "LASTNAME",
        "AANHEF_ACHTERNAAM",
        "TOESTEMMING_DATUM",
        "TOESTEMMING_BRON",
    )
    berg = next(r for r in rows if r[0] == "feline.berg@voorbeeld.nl")
    assert berg[4] is not None and berg[4].date() == date(2023, 4, 1)
    tricky = next(r for r in rows if r[0] == "piet@voorbeeld.nl")
    assert tricky[2] == "Puk, =HYPERLINK(1);-2"  # text cell: shown, never run
    assert sheet.freeze_panes == "A2"


def test_unsubscribe_export_withdraws_in_bulk(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    export = tmp_path / "unsubscribed_members_export_3f2a.csv"
    export.write_text(
        "Email Address,First Name,Last Name,UNSUB_TIME\n"
        "feline.berg@voorbeeld.nl,Féline,van den Berg,2026-11-02 10:11:12\n"
        "LIES.OUD@voorbeeld.nl,Lies,Oud,2026-11-03 09:00:00\n"
        "wim.weg@voorbeeld.nl,Wim,Weg,2026-11-04 09:00:00\n"
        "onbekend@voorbeeld.nl,,,2026-11-04 09:00:00\n",
        encoding="utf-8",
    )
    result = mailing_loop.import_returned(
        session, "nieuwsbrief", export, service="mailchimp", kind=ReturnKind.UNSUBSCRIBED
    )
    assert result.rows == 4
    assert result.outcomes == {"changed": 2, "already": 1, "not_found": 1}
    assert _state(session, people["feline"]) == (
        ConsentStatus.WITHDRAWN,
        False,
        "Mailchimp: afmelding",
    )
    assert _state(session, people["legacy1"])[0] is ConsentStatus.WITHDRAWN
    assert _state(session, people["tricky"])[0] is ConsentStatus.GIVEN
    contact = session.repo().get(people["feline"])
    assert contact is not None
    withdrawal = max(contact.consents, key=lambda e: e.on)
    assert withdrawal.on == date(2026, 11, 2)
    assert withdrawal.evidence == f"{export.name}, rij 2"
    assert "feline.berg@voorbeeld.nl" not in {
        r.email for r in mailing.mailing_list(session, "nieuwsbrief").rows
    }


def test_cleaned_export_removes_the_dead_address(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    export = tmp_path / "cleaned.csv"
    export.write_text("EMAIL;CLEAN_TIME\npiet@voorbeeld.nl;2026-10-01\n", encoding="utf-8")
    result = mailing_loop.import_returned(
        session, "nieuwsbrief", export, service="brevo", kind=ReturnKind.CLEANED
    )
    assert result.changed == 1
    contact = session.repo().get(people["tricky"])
    assert contact is not None and contact.emails == []
    assert _state(session, people["tricky"])[0] is ConsentStatus.GIVEN  # nobody said no


def test_reconfirmation_campaign_round_trip(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    campaign = tmp_path / "herbevestigen.csv"
    asked = mailing.export_mailing(
        session, "nieuwsbrief", campaign, reconfirm=True, preset="laposta"
    )
    emails = [r[0] for r in _cells(campaign.read_bytes(), ",")[1:]]
    assert sorted(emails) == ["lex.ouder@voorbeeld.nl", "lies.oud@voorbeeld.nl"]
    assert asked.count == 2

    # The service's subscribed list after the campaign: one of the two confirmed; it also
    # holds people never asked (already current, or without consent here).
    confirmed = tmp_path / "laposta_actief.csv"
    confirmed.write_text(
        "E-mailadres;Voornaam;Aangemeld op\n"
        "lies.oud@voorbeeld.nl;Lies;2026-12-01\n"
        "feline.berg@voorbeeld.nl;Féline;2023-04-01\n"
        "nico.niets@voorbeeld.nl;Nico;2026-12-01\n",
        encoding="utf-8",
    )
    result = mailing_loop.import_returned(
        session, "nieuwsbrief", confirmed, service="laposta", kind=ReturnKind.CONFIRMED
    )
    assert result.outcomes == {"changed": 1, "already": 1, "not_asked": 1}
    assert _state(session, people["legacy1"]) == (
        ConsentStatus.GIVEN,
        False,
        "Laposta: herbevestiging",
    )
    assert _state(session, people["legacy2"])[1] is True  # did not confirm: still to do
    assert _state(session, people["none"])[0] is ConsentStatus.NONE
    mailable = {r.email for r in mailing.mailing_list(session, "nieuwsbrief").rows}
    assert "lies.oud@voorbeeld.nl" in mailable and "lex.ouder@voorbeeld.nl" not in mailable


def test_a_file_without_an_address_column_is_refused(session: Session, tmp_path: Path) -> None:
    from contactkluis.errors import UserError

    bad = tmp_path / "x.csv"
    bad.write_text("naam,plaats\nJan,Utrecht\n", encoding="utf-8")
    with pytest.raises(UserError):
        mailing_loop.import_returned(
            session, "nieuwsbrief", bad, service="brevo", kind=ReturnKind.UNSUBSCRIBED
        )


def test_cli_says_why_and_closes_the_loop(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    from tests.conftest import ADMIN, ADMIN_PW
    from tests.support.vaults import run_cli

    db = session.vault.path
    session.vault.close()

    def cli(*args: str) -> str:
        r = run_cli("--db", str(db), "--user", ADMIN, "--password-stdin", *args, stdin=ADMIN_PW)
        assert r.returncode == 0, r.stderr
        return r.stdout

    said = cli("mailing", "nieuwsbrief", "--out", str(tmp_path / "m.csv"), "--preset", "brevo")
    assert "2 adres(sen) geschreven" in said
    assert "Niet opgenomen: 4 van 6 record(s)" in said
    assert "2  Toestemming uit een oude lijst" in said and "--reconfirm" in said
    assert "reconfirm\n" not in said and "no_consent" not in said  # no internal codes

    said = cli("mailing", "nieuwsbrief", "--reconfirm", "--out", str(tmp_path / "h.xlsx"))
    assert "2 adres(sen) geschreven" in said
    back = tmp_path / "bevestigd.csv"
    back.write_text("EMAIL,OPTIN_TIME\nlex.ouder@voorbeeld.nl,2026-12-01\n", encoding="utf-8")
    said = cli(
        "mailing-return", "nieuwsbrief", str(back), "--kind", "bevestigd", "--service", "brevo"
    )
    assert "1 regel(s) gelezen uit bevestigd.csv; 1 record(s) bijgewerkt." in said


def test_shared_mailchimp_fixture_withdraws_exactly_the_unsubscribed(
    session: Session, tmp_path: Path
) -> None:
    from tests.fixtures_exports import write_mailchimp

    (_, unsub, cleaned), truth = write_mailchimp(tmp_path)
    ids = {}
    for n, email in enumerate(truth.emails):
        ids[email] = add_person(session, f"Lid{n}", "Proef", email=email)
        give(session, ids[email])
    done = mailing_loop.import_returned(
        session, "nieuwsbrief", unsub, service="mailchimp", kind=ReturnKind.UNSUBSCRIBED
    )
    mailing_loop.import_returned(
        session, "nieuwsbrief", cleaned, service="mailchimp", kind=ReturnKind.CLEANED
    )
    withdrawn = {e for e, i in ids.items() if _state(session, i)[0] is ConsentStatus.WITHDRAWN}
    assert withdrawn == set(truth.withdrawals) and done.changed == len(truth.withdrawals)
    mailable = {r.email for r in mailing.mailing_list(session, "nieuwsbrief").rows}
    assert mailable == set(truth.consents)  # the cleaned address is gone, the rest stay
