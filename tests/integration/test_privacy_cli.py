"""The privacy commands as a user runs them: `python -m contactkluis ...`, password on stdin."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from contactkluis.services.accounts import unlock
from contactkluis.services.session import Session
from tests.conftest import ADMIN, ADMIN_PW, STAFF, STAFF_PW
from tests.support.cli import CliRun
from tests.support.people import add_person, expired_customer
from tests.support.vaults import run_cli

ANNA = "anna.veldkamp@voorbeeld.nl"


def _cli(db: Path, *args: str, user: str = ADMIN, pw: str = ADMIN_PW) -> CliRun:
    return run_cli("--db", str(db), "--user", user, "--password-stdin", *args, stdin=pw + "\n")


def _prepare(session: Session) -> tuple[Path, int, int]:
    from contactkluis.services.accounts import add_account

    anna = add_person(session, "Anna", "Veldkamp")
    old = expired_customer(session, "Okke", "Oudeklant")
    add_account(session, STAFF, "medewerker", STAFF_PW)
    path = session.vault.path
    session.vault.close()
    return path, anna, old


def test_consent_mailing_access_and_forget(session: Session, tmp_path: Path) -> None:
    db, anna, _ = _prepare(session)

    r = _cli(
        db,
        "consent",
        ANNA,
        "nieuwsbrief",
        "given",
        "--source",
        "formulier",
        "--evidence",
        "aanmelding-17",
        "--date",
        "01-04-2024",
    )
    assert r.returncode == 0, r.stderr
    assert "1 record" in r.stdout
    assert "Toestemming gegeven voor 'nieuwsbrief'" in r.stdout and "given" not in r.stdout

    out = tmp_path / "lijst.csv"
    r = _cli(db, "mailing", "nieuwsbrief", "--out", str(out))
    assert r.returncode == 0, r.stderr
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert [row["email"] for row in csv.DictReader(fh)] == [ANNA]

    r = _cli(db, "access", ANNA, "--out", str(tmp_path / "inzage"))
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "inzage" / f"inzage-{anna}.json").read_text("utf-8"))
    assert data["consents"][0]["evidence"] == "aanmelding-17"

    r = _cli(db, "forget", ANNA, user=STAFF, pw=STAFF_PW)
    assert r.returncode == 1 and "mag dit niet" in r.stderr and "Traceback" not in r.stderr

    r = _cli(db, "forget", ANNA)
    assert r.returncode == 0, r.stderr
    assert "1 record(s) gewist" in r.stdout and "Veldkamp" not in r.stdout

    r = _cli(db, "access", ANNA, "--out", str(tmp_path / "weer"))
    assert r.returncode == 1 and "Geen contact gevonden" in r.stderr


def test_requests_retention_restrict_object_register(session: Session, tmp_path: Path) -> None:
    db, anna, old = _prepare(session)

    r = _cli(db, "request", "add", "inzage", ANNA, "--note", "per brief")
    assert r.returncode == 0, r.stderr
    assert "Verzoek 1 geregistreerd" in r.stdout
    r = _cli(db, "request", "extend", "1", "--reason", "veel bronnen")
    assert r.returncode == 0, r.stderr
    r = _cli(db, "request", "list", "--open")
    assert r.returncode == 0 and f"#{anna}" in r.stdout and "verlengd" in r.stdout
    r = _cli(db, "request", "close", "1", "--outcome", "verstuurd")
    assert r.returncode == 1 and "identiteit" in r.stderr
    r = _cli(db, "request", "close", "1", "--identity-checked", "--outcome", "verstuurd")
    assert r.returncode == 0 and "afgehandeld" in r.stdout

    r = _cli(db, "retention")
    assert r.returncode == 0 and f"#{old}" in r.stdout and "1 verlopen" in r.stdout
    r = _cli(db, "retention", "--apply", "delete", "--dry-run")
    assert r.returncode == 0 and "Proefdraai: 1" in r.stdout
    r = _cli(db, "retention", "--apply", "anonymise", user=STAFF, pw=STAFF_PW)
    assert r.returncode == 1 and "mag dit niet" in r.stderr
    r = _cli(db, "retention", "--apply", "anonymise")
    assert r.returncode == 0 and "1 record(s) geanonimiseerd" in r.stdout

    r = _cli(db, "restrict", ANNA, user=STAFF, pw=STAFF_PW)
    assert r.returncode == 0, r.stderr
    r = _cli(db, "object", ANNA, "--to", "marketing", user=STAFF, pw=STAFF_PW)
    assert r.returncode == 0, r.stderr

    r = _cli(db, "register", "--dpo-contact", "FG: mr. A. Jansen", user=STAFF, pw=STAFF_PW)
    assert r.returncode == 1 and "Traceback" not in r.stderr  # the beheerder sets them
    r = _cli(
        db,
        "register",
        "--controller-contact",
        "Kerkplein 1, Utrecht",
        "--dpo-contact",
        "FG: mr. A. Jansen",
        "--out",
        str(tmp_path / "register.html"),
    )
    assert r.returncode == 0, r.stderr
    page = (tmp_path / "register.html").read_text("utf-8")
    assert "Verwerkingsregister" in page and "FG: mr. A. Jansen" in page
    assert "Kerkplein 1, Utrecht" in page

    s = unlock(db, ADMIN, ADMIN_PW)
    try:
        contact = s.repo().get(anna)
        assert contact is not None and contact.restricted and contact.objects_marketing
        anonymised = s.repo().get(old)
        assert anonymised is not None and anonymised.anonymised and anonymised.name.is_empty()
    finally:
        s.vault.close()
