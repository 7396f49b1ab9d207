"""Special categories in free-text notes, and placeholder cells that hold no data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactkluis.domain.special import SPECIAL_LABELS, is_junk_value, special_categories


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # health
        ("Diabetes type 2", ["gezondheid"]),
        ("is diabeet", ["gezondheid"]),
        ("rolstoel", ["gezondheid"]),
        ("Rolstoelgebruiker, komt met begeleider", ["gezondheid"]),
        ("rolstoel-gebruiker", ["gezondheid"]),
        ("slechthorend, graag vooraan", ["gezondheid"]),
        ("Blind, komt met geleidehond", ["gezondheid"]),
        ("moeder heeft dementie", ["gezondheid"]),
        ("notenallergie!", ["gezondheid"]),
        ("Allergieën: gluten", ["gezondheid"]),
        ("ZWANGER, geen trap", ["gezondheid"]),
        ("Burn-out sinds maart", ["gezondheid"]),
        ("heeft de ziekte van Parkinson", ["gezondheid"]),
        ("uses a wheelchair", ["gezondheid"]),
        # religion or belief
        ("katholiek", ["religie"]),
        ("Rooms-Katholiek", ["religie"]),
        ("moslim, geen varkensvlees", ["religie"]),
        ("Joods", ["religie"]),
        ("protestant", ["religie"]),
        ("gaat elke zondag naar de kerk", ["religie"]),
        ("kerkelijk actief", ["religie"]),
        ("lid van de moskee", ["religie"]),
        ("alleen halal", ["religie"]),
        # the rest of art. 9 and art. 10
        ("van Marokkaanse afkomst", ["etniciteit"]),
        ("migratieachtergrond", ["etniciteit"]),
        ("lid van de VVD", ["politiek"]),
        ("GroenLinks-wethouder", ["politiek"]),
        ("lid van Denk", ["politiek"]),
        ("SP-raadslid", ["politiek"]),
        ("FNV-lid", ["vakbond"]),
        ("actief in de vakbond", ["vakbond"]),
        ("homoseksueel", ["seksuele_geaardheid"]),
        ("Lesbisch stel", ["seksuele_geaardheid"]),
        ("DNA-onderzoek gedaan", ["genetisch"]),
        ("vingerafdruk voor de kluis", ["biometrisch"]),
        ("heeft een strafblad", ["strafrechtelijk"]),
        ("zat in de gevangenis", ["strafrechtelijk"]),
        ("huisverbod na diefstal", ["strafrechtelijk"]),
        # several at once, in SPECIAL_LABELS order
        ("Moslim, FNV-lid, rolstoel", ["gezondheid", "religie", "vakbond"]),
        ("Strafblad; diabetes", ["gezondheid", "strafrechtelijk"]),
    ],
)
def test_special_categories_found(note: str, expected: list[str]) -> None:
    assert special_categories(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Kerkstraat 12",  # a street, not a religion
        "Kerkhof",  # a surname
        "Concert in de Nieuwe Kerk",  # a venue
        "Homo sapiens tentoonstelling",
        "Turks fruit, filmavond",
        "12 volt",
        "denk ik wel",
        "ik geloof van wel",
        "werkt als psycholoog",
        "studeert medicijnen",
        "ontmoet bij de rondleiding",
        "invullen voor 1 maart",
        "afkomstig uit Utrecht",
        "Vriend sinds 2015, komt graag naar de opening",
        "blinddoek voor het spel",  # 'blind' only as a whole word
        "",
    ],
)
def test_ordinary_notes_are_not_flagged(note: str) -> None:
    assert special_categories(note) == []


def test_diacritics_and_case_do_not_matter() -> None:
    assert special_categories("KANKERPATIËNT") == ["gezondheid"]
    assert special_categories("atheïst") == ["religie"]


def test_non_text_reveals_nothing() -> None:
    assert special_categories(None) == []
    assert special_categories(12) == []


def test_every_code_has_dutch_and_english_labels() -> None:
    assert set(SPECIAL_LABELS) >= {
        "gezondheid", "religie", "etniciteit", "politiek", "vakbond",
        "seksuele_geaardheid", "strafrechtelijk",
    }  # fmt: skip
    for dutch, english in SPECIAL_LABELS.values():
        assert dutch and english and dutch != english


@pytest.mark.parametrize(
    "value",
    ["test", "TEST", "Test123", "n.v.t.", "nvt", "N.V.T", "n/a", "xxx", "XXXX", "-", "--", "?",
     "...", "onbekend", "Onbekend", "geen", "asdf", "dummy", "#N/B", "#N/A", "aaaa", "leeg",
     "test@test.nl", "geen@voorbeeld.nl", "noreply@voorbeeld.nl", "", "   ", None, float("nan")],
)  # fmt: skip
def test_junk_values(value: object) -> None:
    assert is_junk_value(value) is True


@pytest.mark.parametrize(
    "value",
    ["Jansen", "Jan", "x", "ja", "nee", "0", 0, 1, 0.0, True, False, "1234 AB", "Kerkstraat 1",
     "jan@voorbeeld.nl", "06-12345678", "Ab", "Testerink"],
)  # fmt: skip
def test_real_values_are_not_junk(value: object) -> None:
    assert is_junk_value(value) is False


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=200), st.integers(), st.floats(), st.none(), st.binary()))
def test_special_functions_never_raise(value: object) -> None:
    codes = special_categories(value)
    assert all(code in SPECIAL_LABELS for code in codes)
    assert codes == sorted(set(codes), key=list(SPECIAL_LABELS).index)
    assert isinstance(is_junk_value(value), bool)
