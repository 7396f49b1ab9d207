"""Issue 12, names: the shipped first-name list decides a name column's order, recognises
a column of given names without a header, keeps double surnames whole and reads a given
name written in an initials column."""

from __future__ import annotations

import datetime

from faker import Faker

from contactkluis.domain.contact import PersonName
from contactkluis.domain.names import initials_cell_name
from contactkluis.migration.column_content import looks_like
from contactkluis.migration.first_names import is_first_name, known_first_names
from contactkluis.migration.headers import auto_map
from contactkluis.migration.name_order import column_order, parse_given_first
from contactkluis.migration.pipeline import RowBuilder
from contactkluis.migration.sheet_context import sheet_context


def _people(count: int) -> list[tuple[str, str]]:
    fake = Faker("nl_NL")
    fake.seed_instance(12)
    return [(fake.first_name(), fake.last_name()) for _ in range(count)]


def test_the_list_ships_with_the_package_and_knows_dutch_and_flemish_names() -> None:
    assert len(known_first_names()) > 2000
    assert all(is_first_name(n) for n in ("Pieter", "ANNA", "Jan-Willem", "André", "Andre"))
    assert not any(is_first_name(n) for n in ("Jansen", "de", "van", "Schimmelpenninck", ""))


def test_a_surname_first_column_of_faker_names_is_read_surname_first() -> None:
    column = [f"{last} {first}" for first, last in _people(60)]
    column[:2] = ["Jansen Pieter", "de Vries Anna"]
    assert column_order(column) == "surname_first"


def test_a_given_first_column_of_faker_names_is_read_given_first() -> None:
    assert column_order([f"{first} {last}" for first, last in _people(60)]) == "given_first"


def test_a_mixed_or_signless_column_stays_uncertain() -> None:
    people = _people(40)
    mixed = [f"{f} {ln}" if i % 2 else f"{ln} {f}" for i, (f, ln) in enumerate(people)]
    assert column_order(mixed) == "uncertain"
    assert column_order(["Altrahel Nader", "Meinhardt Zwolsman", "Martin Paul"]) == "uncertain"


def _read(name_cells: list[str], order: str) -> list[PersonName]:
    columns = auto_map(["Naam", "E-mail"], [name_cells, ["p@x.nl"] * len(name_cells)])
    ctx = sheet_context("leden.xlsx", "Blad1", datetime.date(2024, 1, 1))
    builder = RowBuilder(ctx, columns, surname_first=order == "surname_first")
    results = [builder.build(i + 2, [n, f"p{i}@x.nl"]) for i, n in enumerate(name_cells)]
    return [r.contact.name for r in results if r.contact is not None]


def test_the_order_decided_for_a_column_reads_each_of_its_rows() -> None:
    surname_first = ["Jansen Pieter", "de Vries Anna", "Altrahel Nader"]
    order = column_order(surname_first)
    assert _read(surname_first, order) == [
        PersonName("Pieter", "P.", None, "Jansen"),
        PersonName("Anna", "A.", "de", "Vries"),
        PersonName("Nader", "N.", None, "Altrahel"),
    ]
    given_first = ["Anna Schimmelpenninck van der Oye", "Pieter Jansen"]
    assert _read(given_first, column_order(given_first))[0].last == "Schimmelpenninck van der Oye"


def test_a_column_of_given_names_without_a_known_header_is_the_first_name() -> None:
    people = _people(30)
    headers = ["Kolom A", "Achternaam", "E-mail"]
    columns = [[f for f, _ in people], [ln for _, ln in people], ["x@y.nl"] * 30]
    fields = [m.field for m in auto_map(headers, columns)]
    assert fields == ["first_name", "last_name", "email"]
    assert looks_like([f for f, _ in people]) == "first_name"
    assert looks_like([ln for _, ln in people]) is None


def test_a_header_that_says_voornaam_wins_over_a_column_that_only_looks_like_one() -> None:
    names = ["Pieter", "Anna", "Sanne", "Daan"]
    maps = auto_map(["Kolom A", "Voornaam"], [names, names])
    assert [m.field for m in maps] == [None, "first_name"]


def test_a_double_surname_after_a_known_first_name_stays_whole() -> None:
    name = parse_given_first("Anna Schimmelpenninck van der Oye")
    assert name == PersonName("Anna", "A.", None, "Schimmelpenninck van der Oye")
    assert parse_given_first("ANNA SCHIMMELPENNINCK VAN DER OYE").last == (
        "Schimmelpenninck van der Oye"
    )
    # A second given name and couples are read as before.
    assert parse_given_first("Jan Peter de Vries") == PersonName("Jan Peter", "J.P.", "de", "Vries")
    assert parse_given_first("Jan en Marie de Vries").last == "Vries"


def test_a_known_first_name_without_dots_in_an_initials_column_is_a_first_name() -> None:
    assert [initials_cell_name(t, is_first_name) for t in ("jan", "frank", "ANNA")] == [
        "Jan",
        "Frank",
        "Anna",
    ]
    # Without the list, or with dots, or too short in capitals: initials as before.
    assert initials_cell_name("frank") is None
    assert [initials_cell_name(t, is_first_name) for t in ("JAN", "j.a.n.", "JP", "jp")] == [
        None
    ] * 4


def test_a_file_without_headers_finds_its_given_names_wherever_they_stand() -> None:
    given, surnames = ["Pieter", "Anna", "Sanne"], ["Jansen", "de Vries", "Bakker"]
    mails = ["a@x.nl", "b@x.nl", "c@x.nl"]
    assert [m.field for m in auto_map(["", "", ""], [surnames, given, mails])] == [
        "last_name",
        "first_name",
        "email",
    ]
