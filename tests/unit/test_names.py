"""Dutch names: every way a legacy list writes one person ends up as one PersonName."""

from __future__ import annotations

import pytest
from faker.providers.person.nl_NL import Provider as DutchNames
from hypothesis import given, settings
from hypothesis import strategies as st

from contactkluis.domain.contact import PersonName
from contactkluis.domain.names import (
    INFIXES,
    build_name,
    fix_capitals,
    looks_like_couple,
    name_key,
    names_compatible,
    normalize_initials,
    parse_full_name,
)

P = PersonName


def n(first: str | None = None, initials: str | None = None, infix: str | None = None,
      last: str | None = None) -> PersonName:  # fmt: skip
    return PersonName(first=first, initials=initials, infix=infix, last=last)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jan de Vries", n("Jan", "J.", "de", "Vries")),
        ("Vries, Jan de", n("Jan", "J.", "de", "Vries")),
        ("de Vries, Jan", n("Jan", "J.", "de", "Vries")),
        ("Vries de, J.", n(None, "J.", "de", "Vries")),
        ("J. de Vries", n(None, "J.", "de", "Vries")),
        ("J.de Vries", n(None, "J.", "de", "Vries")),
        ("J.P. van der Berg", n(None, "J.P.", "van der", "Berg")),
        ("J. P. van der Berg", n(None, "J.P.", "van der", "Berg")),
        ("Berg, J.P. van der", n(None, "J.P.", "van der", "Berg")),
        ("JAN DE VRIES", n("Jan", "J.", "de", "Vries")),
        ("jan de vries", n("Jan", "J.", "de", "Vries")),
        ("de vries, j.", n(None, "J.", "de", "Vries")),
        ("DE VRIES J.", n(None, "J.", "de", "Vries")),
        ("Jansen J.", n(None, "J.", None, "Jansen")),
        ("Vries J. de", n(None, "J.", "de", "Vries")),
        ("Mw. A. Jansen", n(None, "A.", None, "Jansen")),
        ("Mevrouw A. Jansen", n(None, "A.", None, "Jansen")),
        ("Dhr. ir. P. Bakker", n(None, "P.", None, "Bakker")),
        ("de heer P. Bakker", n(None, "P.", None, "Bakker")),
        ("Prof. dr. Anna Smit", n("Anna", "A.", None, "Smit")),
        ("Jan de Vries MSc", n("Jan", "J.", "de", "Vries")),
        ("Jan de Vries, MSc", n("Jan", "J.", "de", "Vries")),
        ("Jan Jansen jr.", n("Jan", "J.", None, "Jansen")),
        ("Jan Peter Bakker", n("Jan Peter", "J.P.", None, "Bakker")),
        ("Jan P. de Vries", n("Jan", "J.P.", "de", "Vries")),
        ("Jan-Willem van 't Hof", n("Jan-Willem", "J.W.", "van 't", "Hof")),
        ("Piet in 't Veld", n("Piet", "P.", "in 't", "Veld")),
        ("Kees uit den Bogaard", n("Kees", "K.", "uit den", "Bogaard")),
        ("Anna op de Beek", n("Anna", "A.", "op de", "Beek")),
        ("Marie d'Hondt", n("Marie", "M.", None, "d'Hondt")),
        ("Marie d' Hondt", n("Marie", "M.", "d'", "Hondt")),
        ("Anne-Marie Jansen-de Vries", n("Anne-Marie", "A.M.", None, "Jansen-de Vries")),
        ("JAN JANSEN-VAN DER BERG", n("Jan", "J.", None, "Jansen-van der Berg")),
        ("IJSBRAND IJZERMAN", n("IJsbrand", "IJ.", None, "IJzerman")),
        ("Sean O'BRIEN", n("Sean", "S.", None, "O'Brien")),
        ("Ronald McDonald", n("Ronald", "R.", None, "McDonald")),
        ("Jan de Heer", n("Jan", "J.", "de", "Heer")),
        ("Jan de Vries (penningmeester)", n("Jan", "J.", "de", "Vries")),
        ("Ali El Amrani", n("Ali", "A.", None, "El Amrani")),
        ("Anna de la Rue", n("Anna", "A.", "de la", "Rue")),
        ("Th. J. de Boer", n(None, "Th.J.", "de", "Boer")),
        ("Van Dijk, Jan", n("Jan", "J.", "van", "Dijk")),
        ("Jan Van Dijk", n("Jan", "J.", "van", "Dijk")),
        ("de Heer", n(None, None, "de", "Heer")),
        ("Jansen", n(None, None, None, "Jansen")),
        ("J.", n(None, "J.", None, None)),
        # Couples keep both given names and get no initials (module docstring).
        ("Jan en Marie de Vries", n("Jan en Marie", None, "de", "Vries")),
        ("Jan & Marie de Vries", n("Jan en Marie", None, "de", "Vries")),
        ("Dhr. en Mw. Jansen", n(None, None, None, "Jansen")),
        ("Familie Bakker", n(None, None, None, "Bakker")),
        ("", P()),
        ("   ", P()),
        (None, P()),
    ],
)
def test_parse_full_name(raw: object, expected: PersonName) -> None:
    assert parse_full_name(raw) == expected


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ({"first": "Jan", "last": "JANSEN"}, n("Jan", "J.", None, "Jansen")),
        ({"first": "JAN", "infix": "DE", "last": "VRIES"}, n("Jan", "J.", "de", "Vries")),
        ({"first": "jan", "last": "van der berg"}, n("Jan", "J.", "van der", "Berg")),
        ({"first": "Jan", "infix": "van", "last": "der Berg"}, n("Jan", "J.", "van der", "Berg")),
        ({"last": "Vries, de"}, n(None, None, "de", "Vries")),
        ({"last": "Berg van den"}, n(None, None, "van den", "Berg")),
        ({"last": "de Heer"}, n(None, None, "de", "Heer")),
        ({"last": "Heer"}, n(None, None, None, "Heer")),
        ({"first": "jan-willem", "last": "de boer"}, n("Jan-Willem", "J.W.", "de", "Boer")),
        ({"first": "Jan Peter", "last": "Smit"}, n("Jan Peter", "J.P.", None, "Smit")),
        ({"first": "J.P.", "last": "Smit"}, n(None, "J.P.", None, "Smit")),
        ({"first": "JP", "last": "Smit"}, n(None, "J.P.", None, "Smit")),
        ({"initials": "jp", "last": "Smit"}, n(None, "J.P.", None, "Smit")),
        ({"initials": "J P", "last": "Smit"}, n(None, "J.P.", None, "Smit")),
        ({"first": "Jan", "initials": "J.P.A.", "last": "Smit"}, n("Jan", "J.P.A.", None, "Smit")),
        ({"first": "Ronald", "last": "McDonald"}, n("Ronald", "R.", None, "McDonald")),
        ({"first": "  ", "last": None}, P()),
        ({}, P()),
    ],
)
def test_build_name(columns: dict[str, object], expected: PersonName) -> None:
    assert build_name(**columns) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JAN-WILLEM", "Jan-Willem"),
        ("jan-willem", "Jan-Willem"),
        ("o'brien", "O'Brien"),
        ("O'BRIEN", "O'Brien"),
        ("McDonald", "McDonald"),  # deliberate mixed case is kept
        ("DeVries", "DeVries"),
        ("JANSEN", "Jansen"),
        ("jansen", "Jansen"),
        ("Jansen", "Jansen"),
        ("ijsbrand", "IJsbrand"),
        ("IJZERMAN", "IJzerman"),
        ("ÉMILE", "Émile"),
        ("'T HART", "'t Hart"),
        ("  jan   peter ", "Jan Peter"),
        ("", ""),
    ],
)
def test_fix_capitals(raw: str, expected: str) -> None:
    assert fix_capitals(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("jp", "J.P."), ("J P", "J.P."), ("j.p", "J.P."), ("J.P.", "J.P."), ("Th.", "Th."),
     ("IJ.", "IJ."), ("Th. J.", "Th.J."), ("", None), (None, None), ("123", None)],
)  # fmt: skip
def test_normalize_initials(raw: object, expected: str | None) -> None:
    assert normalize_initials(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("J. de Vries", "Jan de Vries"),
        ("J.P. de Vries", "Jan Peter de Vries"),
        ("Jan de Vries", "Jan Peter de Vries"),
        ("Jan de Vries", "JAN DE VRIES"),
        ("Jan Vries", "Jan de Vries"),  # forgotten infix
        ("de Vries", "Jan de Vries"),  # no given name: compatible with anything
        ("Mw. Jansen", "Anna Jansen"),
        ("Jan Vriës", "Jan Vries"),  # diacritics
        ("Vries, J.", "Jan de Vries"),
    ],
)
def test_names_compatible(a: str, b: str) -> None:
    assert names_compatible(parse_full_name(a), parse_full_name(b))
    assert names_compatible(parse_full_name(b), parse_full_name(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jan de Vries", "Piet de Vries"),
        ("J. de Vries", "P. de Vries"),
        ("J.P. de Vries", "Jan Karel de Vries"),
        ("Jan de Vries", "Jan de Boer"),
        ("Jan de Vries", "Jan Jansen-de Vries"),
    ],
)
def test_names_not_compatible(a: str, b: str) -> None:
    left, right = parse_full_name(a), parse_full_name(b)
    assert not names_compatible(left, right)
    assert not names_compatible(right, left)


def test_without_a_last_name_nobody_is_the_same_person() -> None:
    assert not names_compatible(n(first="Jan"), n(first="Jan"))
    assert not names_compatible(n(initials="J."), n("Jan", "J.", None, "Jansen"))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (n("Jan", None, "de", "Vries"), "vries"),
        (n(None, None, None, "de Vries"), "vries"),  # infix still in the last-name field
        (n(None, None, None, "Vriës"), "vries"),
        (n(None, None, None, "Jansen-de Vries"), "jansendevries"),
        (n(None, None, None, "D'Hondt"), "dhondt"),
        (n("Jan"), ""),
    ],
)
def test_name_key(name: PersonName, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Jan en Marie de Vries", True), ("Jan & Marie", True), ("Dhr. en Mw. Jansen", True),
     ("Jan de Vries", False), ("Karen Bakker", False), (None, False)],
)  # fmt: skip
def test_looks_like_couple(raw: object, expected: bool) -> None:
    assert looks_like_couple(raw) is expected


def test_infixes_hold_the_common_dutch_ones() -> None:
    for infix in ("van", "de", "van der", "van den", "van de", "te", "ter", "ten", "'t",
                  "in 't", "op de", "uit den", "d'"):  # fmt: skip
        assert infix in INFIXES
    assert all(i == i.lower() for i in INFIXES)


# --- properties -------------------------------------------------------------------------

_FIRST = sorted(
    {f for f in (*DutchNames.first_names_male, *DutchNames.first_names_female) if f.isalpha()}
)
_LAST = sorted(
    {
        name
        for name in DutchNames.last_names
        if name.replace("-", "").isalpha()
        and name[0].isupper()
        and not name.isupper()
        and len(name) > 2
        and not any(part.lower() in INFIXES for part in name.split("-"))
    }
)
_RANDOM_INFIX = st.sampled_from(
    [None, "van", "de", "van der", "van den", "van de", "ter", "ten", "'t", "in 't", "op de",
     "uit den", "d'", "van 't", "te"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.sampled_from(_FIRST), _RANDOM_INFIX, st.sampled_from(_LAST), st.booleans())
def test_display_name_parses_back(first: str, infix: str | None, last: str, upper: bool) -> None:
    built = build_name(first=first, infix=infix, last=last)
    text = built.display().upper() if upper else built.display()
    assert parse_full_name(text) == built
    # Surname-first lists hold the same person.
    given_part = built.first or ""
    tail = f" {infix}" if infix else ""
    assert parse_full_name(f"{built.last}, {given_part}{tail}") == built


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from("ABCDEFGHJKLMNPRSTW"), min_size=1, max_size=3),
    _RANDOM_INFIX,
    st.sampled_from(_LAST),
)
def test_initials_display_parses_back(letters: list[str], infix: str | None, last: str) -> None:
    built = build_name(initials="".join(letters), infix=infix, last=last)
    assert built.initials == "".join(f"{ch}." for ch in letters)
    assert parse_full_name(built.display()) == built


@settings(max_examples=150)
@given(st.sampled_from(_FIRST), _RANDOM_INFIX, st.sampled_from(_LAST))
def test_a_name_is_compatible_with_its_own_variants(
    first: str, infix: str | None, last: str
) -> None:
    full = build_name(first=first, infix=infix, last=last)
    initials_only = build_name(initials=full.initials, infix=infix, last=last)
    shouting = parse_full_name(full.display().upper())
    assert names_compatible(full, initials_only)
    assert names_compatible(full, shouting)
    assert name_key(full) == name_key(shouting)


_TEXTS = st.one_of(st.none(), st.text(max_size=40))


@settings(max_examples=300)
@given(
    st.one_of(st.text(max_size=60), st.integers(), st.floats(), st.none(), st.binary()),
    st.builds(PersonName, _TEXTS, _TEXTS, _TEXTS, _TEXTS),
    st.builds(PersonName, _TEXTS, _TEXTS, _TEXTS, _TEXTS),
)
def test_name_functions_never_raise(value: object, a: PersonName, b: PersonName) -> None:
    parse_full_name(value)
    build_name(value, value, value, value)
    normalize_initials(value)
    looks_like_couple(value)
    names_compatible(a, b)
    name_key(a)
    if isinstance(value, str):
        fix_capitals(value)
