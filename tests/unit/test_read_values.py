"""Each value read right (issue 12): phones for the country they belong to, postcodes with
their country, DOS code pages. Pure functions on the texts real lists hold."""

from __future__ import annotations

from hypothesis import given, settings

from contactkluis.domain.contact import PersonName
from contactkluis.domain.names import build_name, initials_cell_name
from contactkluis.domain.normalize import format_phone_nl, normalize_phone
from contactkluis.migration.csv_reader import decode
from contactkluis.migration.name_order import column_order, parse_surname_first
from contactkluis.migration.phones import read_phone, read_phone_cell, split_numbers
from contactkluis.migration.regions import country_code, read_postcode, row_region, sheet_region
from tests.unit.test_fast_paths import phone_texts


def test_belgian_numbers_are_read_as_belgian_when_the_address_is_belgian() -> None:
    read = read_phone_cell(["0478/02 12 34", "03/827 12 34", "016/23 45 67"], "BE")
    assert read.phones == ["+32478021234", "+3238271234", "+3216234567"]
    assert not read.kept_as_written


def test_a_number_not_valid_for_the_region_is_kept_as_written_never_made_dutch() -> None:
    # One digit short for Belgium; read as Dutch it would be a real-looking Venray number.
    read = read_phone_cell(["0478/02 12 3"], "BE")
    assert read.phones == ["0478/02 12 3"] and read.kept_as_written == ["0478/02 12 3"]
    assert not any(p.startswith("+31") for p in read.phones)
    # Shown as written, not as a Dutch number made of its digits.
    assert format_phone_nl("03/827 12 3") == "03/827 12 3"


def test_the_number_itself_names_its_country() -> None:
    assert read_phone("+32 478 02 12 34", "NL") == "+32478021234"
    assert read_phone("0032 478 02 12 34", "NL") == "+32478021234"
    assert read_phone("+49 30 1234567", "BE") == "+49301234567"


def test_every_number_in_a_cell_is_kept() -> None:
    assert split_numbers("06-12345678 / 020-1234567") == ["06-12345678", "020-1234567"]
    assert split_numbers("06-12345678/020-1234567") == ["06-12345678", "020-1234567"]
    assert split_numbers("0478/02 12 34") == ["0478/02 12 34"]  # a Belgian zone slash
    read = read_phone_cell(["06-12345678 / 020-1234567", "mob: 06 87654321"], "NL")
    assert read.phones == ["+31612345678", "+31201234567", "+31687654321"]
    assert read.several


def test_short_remarks_are_not_kept_as_numbers() -> None:
    read = read_phone_cell(["na 18u"], "NL")
    assert read.phones == [] and read.dropped == ["na 18u"]


@settings(max_examples=300, deadline=None)
@given(phone_texts)
def test_reading_for_nl_agrees_with_phonenumbers(text: str) -> None:
    if text.strip().lower().startswith(("tel", "gsm", "mob", "thuis", "werk", "priv", "fax")):
        return  # labels are stripped first; the reference reads them otherwise
    assert read_phone(text, "NL") == normalize_phone(text, "NL")


def test_postcodes_are_written_the_way_their_country_writes_them() -> None:
    assert read_postcode("1234ab") == read_postcode("1234 AB")
    assert (read_postcode("1234ab").postcode, read_postcode("1234ab").country) == ("1234 AB", "NL")
    assert (read_postcode("B-2000").postcode, read_postcode("B-2000").country) == ("2000", "BE")
    assert (read_postcode("10115").postcode, read_postcode("10115").country) == ("10115", "DE")
    assert read_postcode("SW1A 1AA", "GB").postcode == "SW1A 1AA"
    assert read_postcode("12345 AB").postcode is None  # not understood: reported, not guessed


def test_the_country_comes_from_the_row_never_assumed() -> None:
    assert country_code("België") == "BE" and country_code("Nederland") == "NL"
    assert row_region("Duitsland", "10115", "Berlin") == ("DE", "country")
    assert row_region(None, "9000", None) == ("BE", "postcode")
    assert row_region(None, None, "Antwerpen") == ("BE", "city")
    assert row_region(None, "1234", "Amsterdam") == ("NL", "city")  # a Dutch PC4
    assert row_region(None, None, None) == (None, "")


def test_dos_code_pages_are_detected() -> None:
    text = "Naam;Plaats\r\nAndré Jansen;Utrecht\r\nGeneviève de Wit;Leiden\r\n"
    assert decode(text.encode("cp850")) == (text, "cp850")
    assert decode(text.encode("cp1252")) == (text, "cp1252")
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_a_name_column_order_is_decided_for_the_whole_column() -> None:
    flemish = ["Van Dyck Ineke", "Altrahel Nader", "de Vries Piet", "Peeters An"]
    assert column_order(flemish) == "surname_first"
    assert column_order(["Piet de Vries", "Altrahel Nader", "J. Jansen"]) == "given_first"
    # No sign (neither word on the first-name list): read as before, and said to be a guess.
    assert column_order(["Altrahel Nader", "Meinhardt Zwolsman"]) == "uncertain"
    assert column_order(["Jansen", None, ""]) == ""  # nothing to order


def test_surname_first_names_keep_their_particles_where_they_stand() -> None:
    assert parse_surname_first("Van Dyck Ineke") == PersonName("Ineke", "I.", None, "Van Dyck")
    assert parse_surname_first("de Vries Piet") == PersonName("Piet", "P.", "de", "Vries")
    assert parse_surname_first("Altrahel Nader") == PersonName("Nader", "N.", None, "Altrahel")


def test_particles_inside_double_surnames_stay_lower_case() -> None:
    assert build_name("Joris", None, "van", "Voorst tot Voorst").last == "Voorst tot Voorst"
    name = build_name("Anna", None, None, "SCHIMMELPENNINCK VAN DER OYE")
    assert name.last == "Schimmelpenninck van der Oye"


def test_a_first_name_in_an_initials_column_is_a_first_name() -> None:
    assert initials_cell_name("Paul.") == "Paul"
    assert [initials_cell_name(t) for t in ("J.P.", "Joh.", "Th.", "jp", "AB")] == [None] * 5


def test_a_sheet_region_needs_a_majority_of_its_addresses() -> None:
    assert sheet_region([(None, None, "Gent"), (None, "2000", None), (None, None, None)]) == "BE"
    assert sheet_region([(None, None, "Gent"), (None, "1234 AB", None)]) == "NL"
    assert sheet_region([]) == "NL"
