"""The cell normalisers: what a legacy spreadsheet holds and what the vault should get."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from fractions import Fraction

import phonenumbers
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from contactkluis.domain.normalize import (
    clean_text,
    format_phone_nl,
    is_postcode_like,
    normalize_email,
    normalize_phone,
    normalize_postcode,
    parse_date,
    parse_yes_no,
    pc2,
    pc4,
    split_street_house,
)

D = datetime.date
TODAY = D(2024, 6, 1)

# Anything a spreadsheet reader, a CSV sniffer or a careless caller might hand over.
ANY_CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=80),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=20),
    st.from_type(complex),
    st.lists(st.integers(), max_size=3),
)


# --- postcodes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 1234ab", "1234 AB"),
        ("1234 AB", "1234 AB"),
        ("1234  ab ", "1234 AB"),
        ("1234-ab", "1234 AB"),
        ("9999ZZ", "9999 ZZ"),
        ("1011\u00a0AB", "1011 AB"),  # non-breaking space pasted from a web page
        ("0123 AB", None),  # no Dutch postcode starts with 0
        ("1234 SA", None),
        ("1234 SD", None),
        ("1234 ss", None),
        ("1234", None),
        ("12345 AB", None),
        ("1234 A", None),
        ("1234 ABC", None),
        ("B-1000", None),  # Belgian
        ("SW1A 1AA", None),  # British
        (1234, None),
        (None, None),
        ("", None),
    ],
)
def test_normalize_postcode(raw: object, expected: str | None) -> None:
    assert normalize_postcode(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1234ab", True), ("1234 AB", True), ("1234", False), ("Kerkstraat 1", False), (None, False)],
)
def test_is_postcode_like(raw: object, expected: bool) -> None:
    assert is_postcode_like(raw) is expected


@pytest.mark.parametrize(
    ("raw", "four", "two"),
    [
        ("1234 AB", "1234", "12"),
        ("9876zz", "9876", "98"),
        ("1234", "1234", "12"),
        ("0123", None, None),
        (None, None, None),
        ("onzin", None, None),
    ],
)
def test_pc4_and_pc2(raw: str | None, four: str | None, two: str | None) -> None:
    assert pc4(raw) == four
    assert pc2(raw) == two


@given(st.text(alphabet="0123456789ABSDZabsdz -\t", max_size=12))
def test_postcode_normalisation_is_idempotent(raw: str) -> None:
    once = normalize_postcode(raw)
    if once is not None:
        assert normalize_postcode(once) == once
        assert is_postcode_like(once)


@given(
    st.integers(1000, 9999), st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2)
)
def test_every_valid_postcode_is_accepted_in_any_spacing(digits: int, letters: str) -> None:
    assume(letters not in {"SA", "SD", "SS"})
    expected = f"{digits} {letters}"
    for raw in (f"{digits}{letters.lower()}", f" {digits}  {letters} ", f"{digits}-{letters}"):
        assert normalize_postcode(raw) == expected


# --- phone numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("06-12345678", "+31612345678"),
        ("06 1234 5678", "+31612345678"),
        ("0612345678", "+31612345678"),
        (612345678.0, "+31612345678"),  # Excel number cell lost the leading 0
        (612345678, "+31612345678"),
        ("612345678", "+31612345678"),
        ("+31 6 12345678", "+31612345678"),
        ("+31 (0)6 12345678", "+31612345678"),
        ("0031 6 12345678", "+31612345678"),
        (31612345678, "+31612345678"),  # Excel number cell lost the +
        ("020-1234567", "+31201234567"),
        ("(020) 123 45 67", "+31201234567"),
        ("tel:+31201234567", "+31201234567"),
        ("0800-1234", "+318001234"),
        ("+32 470 12 34 56", "+32470123456"),
        ("+49 151 12345678", "+4915112345678"),
        ("12345", None),
        ("06-1234567", None),  # one digit short
        ("geen", None),
        ("", None),
        (None, None),
        (True, None),
        (float("nan"), None),
        (-612345678, None),
        (612345678.5, None),
    ],
)
def test_normalize_phone(raw: object, expected: str | None) -> None:
    assert normalize_phone(raw) == expected


def test_normalize_phone_uses_the_region_for_national_numbers() -> None:
    assert normalize_phone("0470 12 34 56", region="BE") == "+32470123456"
    assert normalize_phone("0470 12 34 56") is None  # not a Dutch number


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+31612345678", "06-12345678"),
        ("+31102172686", "010-2172686"),
        ("+31201234567", "020-1234567"),
        ("+31582123456", "058-2123456"),
        ("+31800123456", "0800-123456"),
        ("+319001234567", "0900-1234567"),
        ("+31881234567", "088-1234567"),
        ("+32470123456", "+32 470 12 34 56"),
        ("+4915112345678", "+49 1511 2345678"),
        ("niet-een-nummer", "niet-een-nummer"),
    ],
)
def test_format_phone_nl(e164: str, shown: str) -> None:
    assert format_phone_nl(e164) == shown


@settings(max_examples=150)
@given(st.integers(100_000_000, 999_999_999))
def test_dutch_display_form_reads_back_to_the_same_number(national: int) -> None:
    number = phonenumbers.parse(f"0{national}", "NL")
    assume(phonenumbers.is_valid_number(number))
    e164 = normalize_phone(f"0{national}")
    assert e164 is not None
    assert normalize_phone(format_phone_nl(e164)) == e164


# --- e-mail -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("jan.jansen@voorbeeld.nl", "jan.jansen@voorbeeld.nl"),
        ("  Jan.Jansen@Voorbeeld.NL ", "jan.jansen@voorbeeld.nl"),
        ("mailto:jan@voorbeeld.nl", "jan@voorbeeld.nl"),
        ("MAILTO:jan@voorbeeld.nl", "jan@voorbeeld.nl"),
        ("<jan@voorbeeld.nl>", "jan@voorbeeld.nl"),
        ("Jan de Vries <jan@voorbeeld.nl>", "jan@voorbeeld.nl"),
        ("jan@voorbeeld.nl.", "jan@voorbeeld.nl"),
        ("jan@voorbeeld.nl...", "jan@voorbeeld.nl"),
        ("jan@voorbeeld.nl;", "jan@voorbeeld.nl"),
        ("mailto:jan@voorbeeld.nl?subject=Hallo", "jan@voorbeeld.nl"),
        ("josé@café.nl", "josé@café.nl"),
        ("jan@voorbeeld", None),  # no top-level domain
        ("jan@@voorbeeld.nl", None),
        ("jan voorbeeld.nl", None),
        ("jan@voorbeeld.nl; piet@voorbeeld.nl", None),  # two people, not one address
        ("jan@localhost.local", None),
        ("geen", None),
        ("", None),
        (None, None),
        (12, None),
    ],
)
def test_normalize_email(raw: object, expected: str | None) -> None:
    assert normalize_email(raw) == expected


@given(st.emails())
def test_normalized_email_is_stable(address: str) -> None:
    once = normalize_email(address)
    if once is not None:
        assert normalize_email(once) == once
        assert once == once.lower()


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12-3-2019", D(2019, 3, 12)),
        ("12/03/19", D(2019, 3, 12)),
        ("12.03.2019", D(2019, 3, 12)),
        ("2019-03-12", D(2019, 3, 12)),
        ("2019-03-12 00:00:00", D(2019, 3, 12)),
        ("2019-03-12T14:30:00", D(2019, 3, 12)),
        ("12 maart 2019", D(2019, 3, 12)),
        ("12 mrt 2019", D(2019, 3, 12)),
        ("12 mrt. '19", D(2019, 3, 12)),
        ("zaterdag 12 maart 2022", D(2022, 3, 12)),
        ("1 januari 1970", D(1970, 1, 1)),
        ("31 december 1999", D(1999, 12, 31)),
        ("12 March 2019", D(2019, 3, 12)),
        ("March 12, 2019", D(2019, 3, 12)),
        ("May 1st, 2020", D(2020, 5, 1)),
        ("maart 2016", D(2016, 3, 1)),
        ("Oktober 2016", D(2016, 10, 1)),
        ("2015", D(2015, 1, 1)),
        ("20190312", D(2019, 3, 12)),
        ("12032019", D(2019, 3, 12)),
        ("03/25/2019", D(2019, 3, 25)),  # only readable month first
        ("1-2-2019", D(2019, 2, 1)),  # day first, the Dutch way
        ("1-1-30", D(1930, 1, 1)),
        ("1-1-24", D(2024, 1, 1)),
        ("2-6-24", D(1924, 6, 2)),  # 2024-06-02 would lie after TODAY
        ("43536", D(2019, 3, 12)),  # serial that went through CSV
        (43536, D(2019, 3, 12)),
        (43536.75, D(2019, 3, 12)),  # the time of day is dropped
        (1, D(1900, 1, 1)),
        (59, D(1900, 2, 28)),
        (60, None),  # Excel's phantom 29 February 1900
        (61, D(1900, 3, 1)),
        (2015, D(2015, 1, 1)),  # a birth year typed in a number cell
        (datetime.datetime(2019, 3, 12, 14, 30), D(2019, 3, 12)),
        (D(2019, 3, 12), D(2019, 3, 12)),
        ("31-2-2019", None),
        ("12-13-2019", D(2019, 12, 13)),  # idem
        ("13-13-2019", None),
        ("12 maart", None),  # no year
        ("1234", None),
        ("onbekend", None),
        ("", None),
        (None, None),
        (True, None),
        (0, None),
        (-5, None),
        (float("nan"), None),
        (float("inf"), None),
        (10**30, None),
    ],
)
def test_parse_date(raw: object, expected: datetime.date | None) -> None:
    assert parse_date(raw, today=TODAY) == expected


def test_parse_date_without_today_reads_two_digit_years_against_the_clock() -> None:
    result = parse_date("1-1-99")
    assert result == D(1999, 1, 1)


@given(
    st.dates(D(1900, 1, 1), D(2100, 12, 31)),
    st.dates(D(1950, 1, 1), D(2090, 12, 31)),
    st.sampled_from(["{d}-{m}-{y}", "{d}/{m}/{y}", "{d}.{m}.{y}", "{d:02d}-{m:02d}-{y}"]),
)
def test_two_digit_years_never_land_in_the_future(
    when: datetime.date, today: datetime.date, pattern: str
) -> None:
    text = pattern.format(d=when.day, m=when.month, y=f"{when.year % 100:02d}")
    result = parse_date(text, today=today)
    assert result is not None
    assert result <= today
    assert (result.day, result.month, result.year % 100) == (when.day, when.month, when.year % 100)


@given(st.dates(D(1800, 1, 1), D(2200, 12, 31)))
def test_four_digit_dates_read_back_exactly(when: datetime.date) -> None:
    assert parse_date(f"{when.day}-{when.month}-{when.year}", today=TODAY) == when
    assert parse_date(when.isoformat(), today=TODAY) == when


@given(st.dates(D(1900, 3, 1), D(2099, 12, 31)))
def test_excel_serials_match_the_1900_date_system(when: datetime.date) -> None:
    serial = (when - D(1899, 12, 30)).days
    assume(serial not in range(1900, 2101))  # read as a year instead
    assert parse_date(serial) == when
    assert parse_date(float(serial) + 0.5) == when


# --- yes / no ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["ja", "Ja", "JA", "j", "x", "X", "1", 1, 1.0, True, "yes", "Y", "akkoord", "Akkoord.",
     "true", "WAAR", "✓", "✔", "ja, graag", " ja "],
)  # fmt: skip
def test_parse_yes_no_true(raw: object) -> None:
    assert parse_yes_no(raw) is True


@pytest.mark.parametrize(
    "raw",
    ["nee", "Nee", "n", "0", 0, 0.0, False, "no", "NO", "neen", "false", "onwaar", "ONWAAR",
     "nee, liever niet"],
)  # fmt: skip
def test_parse_yes_no_false(raw: object) -> None:
    assert parse_yes_no(raw) is False


@pytest.mark.parametrize(
    "raw", [None, "", "  ", "misschien", "?", "2", 2, 0.5, float("nan"), "januari", "jansen"]
)
def test_parse_yes_no_unknown(raw: object) -> None:
    assert parse_yes_no(raw) is None


# --- street and house number ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "street", "number"),
    [
        ("Kerkstraat 12a", "Kerkstraat", "12a"),
        ("Kerkstraat 12 A", "Kerkstraat", "12 A"),
        ("Laan van Meerdervoort 1234-B", "Laan van Meerdervoort", "1234-B"),
        ("2e Hugo de Grootstraat 5 hs", "2e Hugo de Grootstraat", "5 hs"),
        ("1e Jacob van Campenstraat 10-III", "1e Jacob van Campenstraat", "10-III"),
        ("Oudegracht 123 bis", "Oudegracht", "123 bis"),
        ("Prinsengracht 263 3 hoog", "Prinsengracht", "263 3 hoog"),
        ("Plein 1813 5", "Plein 1813", "5"),
        ("Laan 1940-1945 12", "Laan 1940-1945", "12"),
        ("Dorpsstraat nr. 4", "Dorpsstraat", "4"),
        ("Dorpsstraat, 4", "Dorpsstraat", "4"),
        ("Kerkstraat12a", "Kerkstraat", "12a"),
        ("Postbus 1234", "Postbus", "1234"),
        ("  Kerkstraat   12 ", "Kerkstraat", "12"),
        ("Kerkstraat", "Kerkstraat", None),
        ("Hoofdweg bij de kerk", "Hoofdweg bij de kerk", None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_split_street_house(raw: object, street: str | None, number: str | None) -> None:
    assert split_street_house(raw) == (street, number)


# --- plain text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Jan   de\tVries \n", "Jan de Vries"),
        ("\u00a0Jan\u00a0", "Jan"),
        ("Jan\u200b", "Jan"),
        ("", None),
        ("   ", None),
        (None, None),
        (612345678.0, "612345678"),
        (1.5, "1.5"),
        (12, "12"),
        (float("nan"), None),
        (D(2019, 3, 12), "2019-03-12"),
    ],
)
def test_clean_text(raw: object, expected: str | None) -> None:
    assert clean_text(raw) == expected


# --- robustness -------------------------------------------------------------------------


@settings(max_examples=300)
@given(ANY_CELL)
def test_no_normaliser_raises_on_any_cell(value: object) -> None:
    clean_text(value)
    normalize_postcode(value)
    is_postcode_like(value)
    normalize_phone(value)
    normalize_email(value)
    parse_yes_no(value)
    split_street_house(value)
    result = parse_date(value, today=TODAY)
    assert result is None or isinstance(result, datetime.date)
    if isinstance(value, str):
        pc4(value)
        pc2(value)
        format_phone_nl(value)


@pytest.mark.parametrize(
    "value",
    [Decimal("612345678"), Fraction(612345678, 1), math.pi, 10**5000, "9" * 5000],
    ids=["decimal", "fraction", "pi", "huge-int", "huge-text"],
)
def test_odd_numbers_do_not_raise(value: object) -> None:
    normalize_phone(value)
    parse_date(value)
    parse_yes_no(value)
    clean_text(value)
