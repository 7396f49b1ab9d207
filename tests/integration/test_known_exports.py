"""Issue 12, "Recognise what the columns are": the exports people bring (Google, Outlook in
English and Dutch, vCard, Brevo, a club list) map their columns, import every e-mail and
phone, and name the contact data they leave out. Real files (tests/fixtures_exports.py),
a real encrypted vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkluis.domain.contact import Contact
from contactkluis.migration.readers import SPREADSHEET_SUFFIXES, ReadError, read_workbook
from contactkluis.services.import_plan import plan_file
from contactkluis.services.importing import import_files
from contactkluis.services.session import Session
from tests.fixtures_exports import ExportTruth, write_all, write_mailchimp

MAPPED = ["google", "outlook_en", "vcf", "google_full", "outlook_nl", "brevo", "mailerlite", "club",
          "flemish"]  # fmt: skip
FLEMISH = {  # the Flemish club list of issue 12: Voorvoeg, Geb.Dat, Post, GSM, LID v.a.
    "Voorvoeg": "infix", "Geb.Dat": "birth_date", "Post": "postcode", "GSM": "phone",
    "LID v.a.": "member_since", "Naam": "last_name", "Voornaam": "first_name",
}  # fmt: skip


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, ExportTruth]]:
    files = write_all(tmp_path_factory.mktemp("exports"))
    return {k: (p, t) for k, (p, t) in files.items() if isinstance(p, Path)}


def by_email(session: Session) -> dict[str, Contact]:
    repo = session.repo()
    found: dict[str, Contact] = {}
    for (cid,) in session.conn.execute("SELECT id FROM contacts ORDER BY id"):
        contact = repo.get(cid)
        assert contact is not None
        for email in contact.emails:
            found[email] = contact
    return found


@pytest.mark.parametrize("key", MAPPED)
def test_export_columns_map_to_their_fields(
    exports: dict[str, tuple[Path, ExportTruth]], key: str
) -> None:
    path, truth = exports[key]
    plan = plan_file(path)
    assert plan.error is None
    [sheet] = plan.sheets
    mapped = {c.header: (c.field if c.imported else None) for c in sheet.columns}
    expected = FLEMISH if key == "flemish" else truth.columns
    assert expected
    assert {h: mapped.get(h, "missing") for h in expected} == expected


@pytest.mark.parametrize("key", ["google", "outlook_en", "vcf", "google_full", "outlook_nl",
                                 "brevo", "mailerlite", "club"])  # fmt: skip
def test_every_email_and_phone_of_an_export_is_imported(
    session: Session, exports: dict[str, tuple[Path, ExportTruth]], key: str
) -> None:
    path, truth = exports[key]
    report = import_files(session, [path])
    assert report.created == truth.persons
    people = by_email(session)
    assert set(truth.emails) <= set(people)
    for email, phones in truth.phones.items():
        assert sorted(people[email].phones) == sorted(phones), email


def imported(
    session: Session, exports: dict[str, tuple[Path, ExportTruth]], key: str
) -> tuple[dict[str, Contact], ExportTruth]:
    """Import one export; its people by e-mail address, and its truth."""
    path, truth = exports[key]
    import_files(session, [path])
    return by_email(session), truth


def test_google_multi_value_cells_and_address(
    session: Session, exports: dict[str, tuple[Path, ExportTruth]]
) -> None:
    people, truth = imported(session, exports, "google")
    first = people[truth.emails[0]]
    assert first.emails == [truth.emails[0], "werk." + truth.emails[0]]
    assert (first.address.street, first.address.house_number) == ("Lange Voorhout", "1")
    assert (first.address.postcode, first.address.city) == ("2514 EA", "Den Haag")


def test_outlook_takes_the_home_address_not_the_business_one(
    session: Session, exports: dict[str, tuple[Path, ExportTruth]]
) -> None:
    people, truth = imported(session, exports, "outlook_en")
    second = people[truth.emails[1]]
    assert (second.address.street, second.address.postcode) == ("Kerkstraat", "3512 AB")
    assert second.address.city == "Utrecht"
    # Mobile first, then home, then business, whatever order the columns stand in.
    assert second.phones == truth.phones[truth.emails[1]]


def test_vcard_versions_names_addresses_and_birthday(
    session: Session, exports: dict[str, tuple[Path, ExportTruth]]
) -> None:
    people, truth = imported(session, exports, "vcf")
    card2 = people[truth.emails[1]]
    assert card2.birth_date is not None and card2.birth_date.isoformat() == "1980-02-29"
    assert (card2.address.street, card2.address.city) == ("Lange Voorhout", "Den Haag")
    rene = people["rene.jansen@example.nl"]  # vCard 2.1, quoted-printable Latin-1
    assert (rene.name.first, rene.name.last) == ("René", "Jansén")
    assert "tweede regel" in rene.notes
    sanne = people["sanne.devries@example.nl"]  # vCard 4.0: home address first
    assert (sanne.name.first, sanne.name.infix, sanne.name.last) == ("Sanne", "de", "Vries")
    assert (sanne.address.city, sanne.organisation) == ("Zeist", "Stichting Voorbeeld")


def test_club_headers_with_qualifiers_and_content(
    session: Session, exports: dict[str, tuple[Path, ExportTruth]]
) -> None:
    path, truth = exports["club"]
    report = import_files(session, [path])
    assert report.invalid == []
    people = by_email(session)
    third = people[truth.emails[2]]
    assert third.emails == [truth.emails[2], "tweede." + truth.emails[2]]
    with_consent = sorted(e for e in truth.emails if people[e].consents)
    assert with_consent == sorted(truth.consents)


@pytest.mark.parametrize("key", ["outlook_en", "google_full", "outlook_nl", "vcf"])
def test_left_out_contact_data_is_named_above_the_plain_columns(
    session: Session, exports: dict[str, tuple[Path, ExportTruth]], key: str
) -> None:
    path, truth = exports[key]
    report = import_files(session, [path], dry_run=True)
    [frep] = report.files
    warned = {c.header: c.warning for c in frep.unmapped_columns if c.warning}
    assert set(warned) == set(truth.warned)  # and nothing else: no crying wolf
    assert all(w.startswith("looks_") for w in warned.values())
    lines = [line for line in report.summary("nl") if line.startswith("    [")]
    first_plain = next(i for i, line in enumerate(lines) if "(niet geïmporteerd)" in line)
    last_warned = max(i for i, line in enumerate(lines) if "lijkt" in line)
    assert last_warned < first_plain
    if key == "outlook_en":
        assert (
            "kolom 'Company Main Phone' lijkt telefoonnummers te bevatten en wordt niet"
            " geïmporteerd" in "\n".join(lines)
        )


def test_vcard_is_read_in_the_reader_child_and_offered_by_the_file_dialog(
    exports: dict[str, tuple[Path, ExportTruth]], tmp_path: Path
) -> None:
    path, truth = exports["vcf"]
    book = read_workbook(path)
    assert book.kind == "vcard" and len(book.sheets[0].rows) == truth.persons + 1
    assert ".vcf" in SPREADSHEET_SUFFIXES
    # A .vcf that holds no card is no address book: said so, not read as an empty list.
    fake = tmp_path / "leeg.vcf"
    fake.write_text("Naam;E-mail\nJan;jan@example.nl\n", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_workbook(fake)
    assert caught.value.code == "not_spreadsheet"


def test_dates_and_display_names_are_not_taken_for_contact_data(
    session: Session, tmp_path: Path
) -> None:
    # Mailchimp's CONFIRM_TIME ("2021-03-04 10:15:00") has a phone number's digits.
    paths, _ = write_mailchimp(tmp_path)
    report = import_files(session, paths, dry_run=True)
    assert [c.header for f in report.files for c in f.unmapped_columns if c.warning] == []
