"""Issue 12, names through the real import: what the first-name list decides, as the user
finds it in the vault and the report."""

from __future__ import annotations

from pathlib import Path

from contactkluis.migration.report import ImportReport
from contactkluis.services.importing import import_files
from contactkluis.services.session import Session
from tests.integration.test_read_values import _contacts


def _csv(session: Session, folder: Path, text: str) -> ImportReport:
    path = folder / "leden.csv"
    path.write_text(text, encoding="utf-8")
    return import_files(session, [path])


def _names(session: Session) -> list[tuple[str | None, str | None, str | None]]:
    return sorted(
        ((c.name.first, c.name.infix, c.name.last) for c in _contacts(session)),
        key=lambda n: n[2] or "",
    )


def test_a_surname_first_column_known_by_its_first_names(session: Session, tmp_path: Path) -> None:
    report = _csv(
        session, tmp_path,
        "Naam;E-mail\nJansen Pieter;p@example.nl\nBakker Sanne;s@example.nl\n"
        "Altrahel Nader;n@example.nl\n",
    )  # fmt: skip
    assert _names(session) == [
        ("Nader", None, "Altrahel"), ("Sanne", None, "Bakker"), ("Pieter", None, "Jansen"),
    ]  # fmt: skip
    assert any("achternaam eerst" in line for line in report.summary("nl"))


def test_an_order_without_signs_is_reported_as_not_certain(
    session: Session, tmp_path: Path
) -> None:
    report = _csv(session, tmp_path, "Naam;E-mail\nAltrahel Nader;n@example.nl\n")
    assert _names(session) == [("Altrahel", None, "Nader")]  # the default, as before
    assert any("volgorde niet zeker" in line for line in report.summary("nl"))


def test_a_double_surname_and_given_names_found_by_the_list(
    session: Session, tmp_path: Path
) -> None:
    _csv(
        session, tmp_path,
        "Naam;E-mail\nAnna Schimmelpenninck van der Oye;a@example.nl\n"
        "Pieter de Vries;p@example.nl\n",
    )  # fmt: skip
    assert _names(session) == [
        ("Anna", None, "Schimmelpenninck van der Oye"), ("Pieter", "de", "Vries"),
    ]  # fmt: skip


def test_given_names_under_an_unknown_header_and_in_the_initials_column(
    session: Session, tmp_path: Path
) -> None:
    _csv(
        session, tmp_path,
        "Roepie;Voorl.;Achternaam;E-mail\nPieter;;Jansen;p@example.nl\nAnna;;Smit;a@example.nl\n"
        ";frank;Visser;f@example.nl\n",
    )  # fmt: skip
    assert _names(session) == [
        ("Pieter", None, "Jansen"), ("Anna", None, "Smit"), ("Frank", None, "Visser"),
    ]  # fmt: skip
