"""Issue 12, column by column: multi-value cells, '<field> <qualifier>' headers, content
that decides where the header does not, and the vCard parser's corner cases."""

from __future__ import annotations

import codecs

import pytest

from contactkluis.migration.column_content import looks_like
from contactkluis.migration.headers import auto_map, field_for_header
from contactkluis.migration.multi_value import split_values
from contactkluis.migration.vcard import HEADERS, vcard_rows


@pytest.mark.parametrize(
    ("cell", "values"),
    [
        ("a@x.nl ::: werk.a@x.nl", ["a@x.nl", "werk.a@x.nl"]),  # Google
        ("06-12345678 / 020-1234567", ["06-12345678", "020-1234567"]),
        ("06-12345678/020-1234567", ["06-12345678", "020-1234567"]),
        ("a@x.nl; b@y.nl", ["a@x.nl", "b@y.nl"]),
        ("a@x.nl en b@y.nl", ["a@x.nl", "b@y.nl"]),
        ("06-12345678 en 06-87654321", ["06-12345678", "06-87654321"]),
        ("a@x.nl b@y.nl", ["a@x.nl", "b@y.nl"]),
        # A "/" inside one Belgian number is no separator.
        ("0478/02 12 34", ["0478/02 12 34"]),
        ("03/827 12 34 / 0478/02 12 34", ["03/827 12 34", "0478/02 12 34"]),
        ("020-1234567 / werk", ["020-1234567 / werk"]),
        ("  ", []),
    ],
)
def test_split_values(cell: str, values: list[str]) -> None:
    assert split_values(cell) == values


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Telefoonnummer contactpersoon", "phone"),
        ("E-mail ouder", "email"),
        ("E-mailadres ouder/verzorger", "email"),
        ("Postcode correspondentie", "postcode"),
        ("Home Phone", "phone"),
        ("Contactpersoon activiteit", "full_name"),
        ("Forename", "first_name"),
        ("Nieuwsbrief_optin", "newsletter"),
        ("liddatum", "member_since"),
        ("Phone 3 - Value", "phone"),
        ("Phone 3 - Label", None),
        ("Huisadres, postcode", "postcode"),
        ("Straat (thuis)", "street_house"),
    ],
)
def test_header_names_a_field(header: str, field: str | None) -> None:
    [column] = auto_map([header], [[]])
    assert column.field == field


def test_qualifier_that_names_the_answer_wins() -> None:
    maps = auto_map(["E-mail", "E-mail opt-in", "Naam school"], [[], [], []])
    assert [m.field for m in maps] == ["email", "newsletter", "organisation"]


def test_qualified_header_must_agree_with_its_cells() -> None:
    # "E-mail bevestigd" holds yes/no answers, not addresses: not an e-mail column.
    maps = auto_map(["E-mail", "E-mail bevestigd"], [["a@x.nl", "b@y.nl"], ["ja", "nee"]])
    assert [m.field for m in maps] == ["email", None]


def test_content_decides_birth_dates_but_not_signup_dates() -> None:
    births = ["12-03-1961", "05-11-1970", "01-01-1999", "30-06-1985"]
    signups = ["12-03-2021", "05-11-2022", "01-01-2023", "30-06-2021"]
    maps = auto_map(["Naam", "Kolom A", "Kolom B", "Datum"], [["a", "b"], births, signups, births])
    # A "Datum" column is left to the list's kind (a gift, a visit), not taken for births.
    assert [m.field for m in maps][1:] == ["birth_date", None, None]


def test_known_headers_win_over_fuzzy_guesses() -> None:
    assert field_for_header("E-mail Display Name") is None
    assert field_for_header("Assistant's Phone") is None
    assert field_for_header("E-mail 2 Address") == "email"


@pytest.mark.parametrize(
    ("cells", "kind"),
    [
        (["06-12345678", None, "020-1234567"], "phone"),
        (["a@x.nl"], "email"),
        (["1234 AB", "2345 BC"], "postcode"),
        (["Kerkstraat 12, 3512 AB Utrecht"], "address"),
        (["Kinderatelier", "Workshop"], None),
        ([None, ""], None),
    ],
)
def test_looks_like_contact_data(cells: list[object], kind: str | None) -> None:
    assert looks_like(cells) == kind


def _card(*lines: str) -> bytes:
    return "\r\n".join(["BEGIN:VCARD", *lines, "END:VCARD", ""]).encode("utf-8")


def _row(data: bytes) -> dict[str, object]:
    header, row = vcard_rows(data)
    assert header == HEADERS
    return dict(zip(HEADERS, row, strict=True))


def test_vcard_folding_escapes_and_types() -> None:
    row = _row(
        _card(
            "VERSION:3.0",
            "FN:Jan van Dam",
            "N:van Dam;Jan;;;",
            "NOTE:Komt op dinsdag\\, meestal\\nmet kleinkind",
            "TEL;TYPE=WORK:020-1234567",
            "TEL;type=CELL;type=pref:06-1234",
            " 5678",
            "TEL;TYPE=FAX:020-7654321",
            "BDAY:19750314",
            "ORG:Museum\\; Stichting;Educatie",
        )
    )
    assert (row["Voornaam"], row["Achternaam"]) == ("Jan", "van Dam")
    assert row["Opmerkingen"] == "Komt op dinsdag, meestal\nmet kleinkind"
    assert (row["Mobiel"], row["Telefoon"], row["Fax"]) == (
        "06-12345678",
        "020-1234567",
        "020-7654321",
    )
    assert row["Geboortedatum"] == "1975-03-14"
    assert row["Organisatie"] == "Museum; Stichting"


def test_vcard_21_quoted_printable_and_other_encodings() -> None:
    card = _card(
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen",
        "ADR;HOME;ENCODING=QUOTED-PRINTABLE:;;Hoofdstraat 1=",
        "0A;Brussel;;1000;Belgi=C3=AB",
        "TEL;CELL;VOICE:+32 478 02 12 34",
    )
    row = _row(card)
    assert (row["Voornaam"], row["Achternaam"]) == ("Jürgen", "Müller")
    assert (row["Postcode"], row["Woonplaats"], row["Land"]) == ("1000", "Brussel", "België")
    assert row["Mobiel"] == "+32 478 02 12 34"
    utf16 = codecs.BOM_UTF16_LE + card.decode("utf-8").encode("utf-16-le")
    assert _row(utf16)["Achternaam"] == "Müller"
    latin = _card("VERSION:3.0", "FN:Renée", "N:Dupré;Renée;;;").decode().encode("cp1252")
    assert _row(latin)["Achternaam"] == "Dupré"


def test_text_without_cards_is_no_vcard() -> None:
    assert vcard_rows(b"Naam;E-mail\r\nJan;jan@example.nl\r\n") == []


def test_vcard_photo_lines_are_dropped_without_eating_the_next_property() -> None:
    row = _row(
        _card(
            "VERSION:3.0",
            "N:Bakker;Els;;;",
            "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==",
            " AAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8=",
            "EMAIL:els.bakker@example.nl",
        )
    )
    assert (row["Achternaam"], row["E-mail"]) == ("Bakker", "els.bakker@example.nl")


def test_old_google_csv_header() -> None:
    # Google's older export ("convert_g.py" in the search corpus): Given/Additional/Family.
    headers = ["Name", "Given Name", "Additional Name", "Family Name", "Group Membership",
               "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value"]  # fmt: skip
    fields = [m.field for m in auto_map(headers, [[] for _ in headers])]
    assert fields == ["full_name", "first_name", "infix", "last_name", None, None, "email",
                      None, "phone"]  # fmt: skip
