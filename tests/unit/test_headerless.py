"""A sheet without a header row (issue 11): its first row is a person, never column names."""

from __future__ import annotations

from contactkluis.migration.headers import auto_map
from contactkluis.migration.readers import SheetData
from contactkluis.migration.table import locate

PERSON = ["Anna Jansen", "anna@example.nl", "06-12345678", "Kerkstraat 4", "1234 AB", "Zeist"]
OTHER = ["Bram de Wit", "bram@example.nl", "0612345670", "Dorpsweg 12a", "2345 BC", "Ede"]


def test_first_row_with_an_email_is_data_and_columns_come_from_content() -> None:
    table = locate(SheetData("Blad1", [PERSON, OTHER]))
    assert table.headerless and table.header_row is None
    assert [number for number, _ in table.rows] == [1, 2]
    columns = auto_map(table.headers, [table.column(i) for i in range(len(table.headers))])
    assert [c.field for c in columns] == [
        "full_name", "email", "phone", "street_house", "postcode", "city",
    ]  # fmt: skip
    assert all(c.header == "" for c in columns)


def test_a_title_above_headerless_data_is_skipped_as_title() -> None:
    table = locate(SheetData("Blad1", [["Deelnemers cursus"], [], PERSON, OTHER]))
    assert table.headerless and [n for n, _ in table.rows] == [3, 4]
    assert [(s.row, s.reason) for s in table.skipped] == [(1, "title_row")]


def test_a_real_header_row_is_still_a_header() -> None:
    header = ["Naam", "E-mail", "Telefoon", "Adres", "Postcode", "Plaats"]
    table = locate(SheetData("Blad1", [header, PERSON, OTHER]))
    assert not table.headerless and table.header_row == 1
    assert [n for n, _ in table.rows] == [2, 3]


def test_header_row_zero_means_no_header() -> None:
    table = locate(SheetData("Blad1", [["Anna Jansen", "Zeist"], ["Bram de Wit", "Ede"]]), 0)
    assert table.headerless and [n for n, _ in table.rows] == [1, 2]
