"""Password strength by estimate (zxcvbn with Dutch words), not by composition rules."""

from __future__ import annotations

import pytest

from contactkluis.domain.passwords import MIN_LENGTH, password_problem
from tests.conftest import ADMIN_PW, STAFF_PW


@pytest.mark.parametrize(
    "weak",
    [
        "wachtwoord2024",
        "Password12345",
        "qwertyuiop123",
        "P@ssw0rd1234",
        "Welkom2025!!",
        "zomervakantie2019",
        "aaaaaaaaaaaaab",
        "01-02-1985abcd",
    ],
)
def test_guessable_passwords_are_refused_with_a_reason(weak: str) -> None:
    problem = password_problem(weak)
    assert problem is not None, weak
    nl, en = problem
    assert "te makkelijk te raden" in nl and "too easy to guess" in en


@pytest.mark.parametrize(
    "good",
    [ADMIN_PW, STAFF_PW, "zeven groene kikkers zingen", "Koffie-Met-Melk-7", "hK8#pL2qWz9!"],
)
def test_phrases_and_random_strings_pass(good: str) -> None:
    assert password_problem(good, account="beheer", institution="Museum Proef") is None


def test_the_feedback_names_what_was_found() -> None:
    assert "veelgebruikte" in password_problem("wachtwoord1234")[0]  # type: ignore[index]
    assert "toetsenbord" in password_problem("poiuytrewqlkjhg")[0]  # type: ignore[index]
    assert "@ voor a" in password_problem("P@ssw0rd1234")[0]  # type: ignore[index]


def test_the_account_and_institution_count_as_known_words() -> None:
    assert password_problem("MuseumProef2024", institution="Museum Proef") is not None
    problem = password_problem("zonnebloem.jansen", account="zonnebloem.jansen")
    assert problem is not None and "account- of instellingsnaam" in problem[0]


def test_too_short_says_how_long() -> None:
    problem = password_problem("kort")
    assert problem is not None and f"{MIN_LENGTH} tekens" in problem[0]


def test_a_very_long_password_is_estimated_without_error() -> None:
    assert password_problem("paarse olifant op de fiets " * 10) is None
    assert password_problem("a" * 200) is not None
