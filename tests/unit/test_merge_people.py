"""When does the same e-mail address mean the same person (issue 11)? The merger on its own."""

from __future__ import annotations

import datetime

import pytest

from contactkluis.domain.contact import Address, Contact, PersonName, Provenance
from contactkluis.domain.names import parse_full_name
from contactkluis.migration.merge import SHARED_EMAIL_FIELD, Merger, names_agree

MAIL = "thuis@example.nl"


def row(name: str, number: int, born: datetime.date | None = None, mail: str = MAIL) -> Contact:
    return Contact(
        name=parse_full_name(name) if name else PersonName(),
        emails=[mail],
        birth_date=born,
        sources=[Provenance("lijst.xlsx", "Blad1", number)],
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jan de Vries", "jan DE VRIES"),  # case
        ("Jan de Vries", "Jan Vries"),  # tussenvoegsel left out
        ("Vries, J. de", "Jan de Vries"),  # initials, surname first
        ("J.P. Bakker", "Jan Peter Bakker"),
        ("Karin", "Karin Bakker"),  # a lone given name
        ("", "Karin Bakker"),  # one row has no name
    ],
)
def test_names_that_agree_merge(a: str, b: str) -> None:
    assert names_agree(row(a, 2), row(b, 3))
    merger = Merger()
    merger.add(row(a, 2))
    _, merged = merger.add(row(b, 3))
    assert merged and len(merger.people) == 1 and not merger.shared


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jan Bakker", "Piet Bakker"),  # family
        ("Jan Bakker", "Jan de Wit"),  # colleagues
        ("K. Bakker", "T. Bakker"),
    ],
)
def test_different_people_on_one_address_are_two_marked_and_listed(a: str, b: str) -> None:
    merger = Merger()
    merger.add(row(a, 2))
    merger.add(row(b, 3))
    assert len(merger.people) == 2
    assert all(p.contact.emails == [MAIL] for p in merger.people)
    assert all(
        [s.row for s in p.contact.sources if s.field == SHARED_EMAIL_FIELD] == [n]
        for p, n in zip(merger.people, (2, 3), strict=True)
    )
    assert [(m.a, m.b, m.reason) for m in merger.near_matches()] == [(0, 1, "shared_email")]


def test_same_name_other_birth_date_is_another_person() -> None:
    merger = Merger()
    merger.add(row("Jan Smit", 2, datetime.date(1950, 5, 5)))
    merger.add(row("Jan Smit", 3, datetime.date(1980, 7, 7)))
    assert len(merger.people) == 2
    assert [m.reason for m in merger.near_matches()] == ["shared_email_birth_date"]


def test_a_merge_of_names_written_differently_is_kept_for_review() -> None:
    merger = Merger()
    merger.add(row("Jan Peter Bakker", 2))
    merger.add(row("J.P. Bakker", 5))
    merger.add(row("Jan Peter Bakker", 6))  # written the same: nothing to review
    assert [(r.person, r.row.row) for r in merger.renamed] == [(0, 5)]


def test_a_nameless_row_on_a_shared_address_is_nobody_elses() -> None:
    merger = Merger()
    merger.add(row("Karin Bakker", 2))
    merger.add(row("Tim Bakker", 3))
    nameless, merged = merger.add(row("", 4))
    assert not merged and nameless.key == 2
    assert {(m.a, m.b) for m in merger.near_matches()} == {(0, 1), (0, 2)}
    assert merger.shared == {0, 1, 2}


def test_many_people_on_one_address_give_one_pair_each() -> None:
    merger = Merger()
    for number in range(2, 42):
        merger.add(row(f"Docent{number} Achternaam{number}", number, mail="info@school.nl"))
    assert len(merger.people) == 40 and len(merger.shared) == 40
    assert sorted(m.b for m in merger.near_matches()) == list(range(1, 40))


def test_a_named_row_does_not_claim_the_nameless_record_of_a_shared_address() -> None:
    merger = Merger()
    for number, name in enumerate(("Karin Bakker", "Tim Bakker", "", "Els Bakker"), start=2):
        merger.add(row(name, number))
    assert [p.contact.name.display() for p in merger.people] == [
        "Karin Bakker", "Tim Bakker", "", "Els Bakker",
    ]  # fmt: skip


def test_the_same_name_at_another_postcode_is_reviewed_in_the_order_the_rows_came() -> None:
    """The check skips people whose first given name differs (issue 17: a bucket holds
    everyone of a surname and initial); who is paired, and in which order, is unchanged."""
    merger = Merger()
    for number, (name, postcode) in enumerate(
        [
            ("Jan Bakker", "1011 AB"),
            ("Johan Bakker", "1012 AB"),
            ("Jan Peter Bakker", "1013 AB"),  # Jan ~ Jan Peter
            ("Joost Bakker", "1014 AB"),
            ("Jan Bakker", "1015 AB"),
            ("Jan Pieter Bakker", "1016 AB"),  # not Jan Peter, but Jan
        ],
        start=2,
    ):
        contact = Contact(
            name=parse_full_name(name),
            address=Address(postcode=postcode),
            sources=[Provenance("lijst.xlsx", "Blad1", number)],
        )
        merger.add(contact)
    pairs = [(m.a, m.b, m.reason) for m in merger.near_matches()]
    other = "same_name_other_postcode"
    assert pairs == [(0, 2, other), (0, 4, other), (2, 4, other), (0, 5, other), (4, 5, other)]
