"""Issue 12, read each value right: the Flemish member list and the DOS till export dry-run
through the real import, as a user would see them in the report."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from contactkluis.domain.contact import NAME_UNKNOWN_FIELD
from contactkluis.migration.report import ImportReport, SheetReport
from contactkluis.services.export import contact_json
from contactkluis.services.importing import import_files
from contactkluis.services.review import nameless
from contactkluis.services.session import Session
from tests.fixtures_exports import ExportTruth, write_flemish_members, write_till_cp850


def _csv_import(session: Session, folder: Path, name: str, text: str) -> ImportReport:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return import_files(session, [path])


def _contacts(session: Session) -> list:  # type: ignore[type-arg]
    repo = session.repo()
    ids = [cid for (cid,) in session.conn.execute("SELECT id FROM contacts ORDER BY id")]
    return [repo.get(cid) for cid in ids]


def _import(
    session: Session, writer: Callable[[Path], tuple[Path, ExportTruth]], folder: Path
) -> tuple[ImportReport, SheetReport]:
    path, truth = writer(folder)
    report = import_files(session, [path])
    assert report.created == truth.persons and not report.invalid
    (sheet,) = report.files[0].sheets
    return report, sheet


def test_flemish_numbers_stay_belgian_and_the_report_says_what_was_read(
    session: Session, tmp_path: Path
) -> None:
    report, sheet = _import(session, write_flemish_members, tmp_path)
    people = _contacts(session)
    phones = [p for c in people for p in c.phones]
    assert phones == ["+32478021234", "+3238271234", "+32475123456", "+3216234567"]
    assert {c.address.country for c in people} == {"BE"}
    assert sheet.changes["phone_foreign_region"] == 3
    # Derived from the Belgian postcode now that "Post" is mapped (else from the town).
    derived = sum(sheet.changes.get(f"country_from_{how}", 0) for how in ("postcode", "city"))
    assert derived == 3
    listed = {(r.row, r.reason) for r in report.changes}
    assert (2, "phone_foreign_region") in listed
    # Counted and listed by row, never with the cell content.
    text = json.dumps(report.to_json()) + "\n".join(report.summary("nl"))
    assert "0478" not in text and "Antwerpen" not in text and "Ineke" not in text


def test_cp850_till_keeps_accents_and_its_nameless_customer(
    session: Session, tmp_path: Path
) -> None:
    report, sheet = _import(session, write_till_cp850, tmp_path)
    assert sheet.encoding == "cp850"
    assert any("cp850" in line for line in report.summary("nl"))
    people = _contacts(session)
    assert [c.name.first for c in people[:2]] == ["André", "Geneviève"]
    nameless = people[2]
    assert nameless.name.is_empty() and nameless.phones == ["+31302345678"]
    assert any(s.field == NAME_UNKNOWN_FIELD for s in nameless.sources)
    assert [(r.row, r.reason) for r in report.warnings] == [(4, "name_unknown")]


def test_no_country_is_written_for_a_contact_without_an_address(
    session: Session, tmp_path: Path
) -> None:
    _csv_import(session, tmp_path, "alleen_mail.csv", "Naam;E-mail\nPiet Jansen;piet@example.nl\n")
    (person,) = _contacts(session)
    assert person.address.country is None
    assert contact_json(session, person, {})["address"]["country"] is None


def test_a_surname_first_column_is_read_so_and_the_report_says_it(
    session: Session, tmp_path: Path
) -> None:
    report = _csv_import(
        session, tmp_path, "leden_vl.csv",
        "Naam;Telefoon\nVan Dyck Ineke;0478 02 12 34\nde Vries Piet;06-12345678\n"
        "Altrahel Nader;06-87654321\n",
    )  # fmt: skip
    names = [(c.name.first, c.name.infix, c.name.last) for c in _contacts(session)]
    assert names == [("Ineke", None, "Van Dyck"), ("Piet", "de", "Vries"),
                     ("Nader", None, "Altrahel")]  # fmt: skip
    assert report.files[0].sheets[0].name_order == "surname_first"
    assert any("achternaam eerst" in line for line in report.summary("nl"))


def test_first_names_in_the_initials_column_are_first_names(
    session: Session, tmp_path: Path
) -> None:
    _csv_import(
        session, tmp_path, "adressen.csv",
        "Voorl.;Achternaam;E-mail\nPaul.;Jansen;p@example.nl\nJ.P.;Smit;j@example.nl\n",
    )  # fmt: skip
    names = [(c.name.first, c.name.initials) for c in _contacts(session)]
    assert names == [("Paul", "P."), (None, "J.P.")]


def test_a_row_without_address_in_a_belgian_list_is_read_as_belgian(
    session: Session, tmp_path: Path
) -> None:
    report = _csv_import(
        session, tmp_path, "gsm_lijst.csv",
        "Voornaam;Naam;Gemeente;GSM\nAn;Peeters;Gent;0475 12 34 56\n"
        "Jef;Maes;Antwerpen;03/827 12 34\nLien;Claes;;0478/02 12 34\n"
        "Tom;Wouters;Brugge;06-12345678\n",
    )  # fmt: skip
    phones = [c.phones for c in _contacts(session)]
    # Lien has no address: the list is Belgian, so is her number. Tom's Dutch 06 is not a
    # Belgian number: kept as written and flagged, not rewritten into a Belgian one.
    assert phones == [["+32475123456"], ["+3238271234"], ["+32478021234"], ["06-12345678"]]
    assert [(r.row, r.reason) for r in report.warnings] == [(5, "phone_kept_as_written")]


def test_nameless_till_customers_are_on_the_review_list(session: Session, tmp_path: Path) -> None:
    report, _sheet = _import(session, write_till_cp850, tmp_path)
    (person,) = nameless(session)
    assert person.label == "(naam onbekend) +31302345678"
    assert person.source == "kassa_dos.csv / kassa_dos / rij 4"
    assert report.created == 3  # kept, not rejected


def test_a_capitalised_flemish_particle_stays_part_of_the_surname(
    session: Session, tmp_path: Path
) -> None:
    _csv_import(
        session, tmp_path, "leden_be.csv",
        "Voornaam;Tussenvoegsel;Achternaam;Gemeente\nIneke;Van;Dyck;Antwerpen\n"
        "Piet;van;Dam;Gent\nJan;Van;Dijk;Utrecht\n",
    )  # fmt: skip
    names = [(c.name.first, c.name.infix, c.name.last) for c in _contacts(session)]
    assert names == [("Ineke", None, "Van Dyck"), ("Piet", "van", "Dam"), ("Jan", "van", "Dijk")]


def test_postcodes_keep_their_country_and_the_ones_not_understood_are_counted(
    session: Session, tmp_path: Path
) -> None:
    report = _csv_import(
        session, tmp_path, "adressen_grens.csv",
        "Naam;Adres;Postcode;Plaats;Land\nPiet Jansen;Kerkstraat 1;1234ab;Utrecht;\n"
        "An Peeters;Meir 2;2000;Antwerpen;\nUwe Schmidt;Hauptstr. 3;10115;Berlin;Duitsland\n"
        "Kees Bakker;Dorpsweg 4;12AB34;Zeist;\n",
    )  # fmt: skip
    addresses = [(c.address.postcode, c.address.country) for c in _contacts(session)]
    assert addresses == [("1234 AB", None), ("2000", "BE"), ("10115", "DE"), (None, None)]
    (sheet,) = report.files[0].sheets
    assert sheet.changes["invalid_postcode"] == 1 and sheet.changes["postcode_foreign"] == 2
    assert [(r.row, r.reason) for r in report.warnings] == [(5, "invalid_postcode")]
    assert any("postcode niet begrepen: 1 rij(en)" in line for line in report.summary("nl"))
