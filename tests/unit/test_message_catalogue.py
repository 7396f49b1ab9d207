"""One catalogue: every code speaks both languages, and a coded error renders in both."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import contactkluis.cli.texts
import contactkluis.errors  # noqa: F401  (registers its texts)
from contactkluis.domain import consent, dimensions, disclosure, mailing, messages  # noqa: F401
from contactkluis.domain.dimensions import DimensionError
from contactkluis.domain.messages import CATALOGUE
from contactkluis.errors import UserError


def test_every_code_has_dutch_and_english() -> None:
    assert CATALOGUE
    for code, (nl, en) in CATALOGUE.items():
        assert nl.strip() and en.strip(), code


def test_coded_errors_render_in_both_languages() -> None:
    err = DimensionError("dim.duplicate", name="relation")
    assert err.message("nl") == "Indeling 'relation' staat er twee keer in."
    assert err.message("en") == "Breakdown 'relation' is given twice."
    assert str(err) == err.message("nl")
    wrong = UserError("wrong_password", delay=1)
    assert "1 seconde" in wrong.message("nl")
    assert "1 second." in wrong.message("en")


def test_the_language_is_chosen_once_and_every_text_follows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONTACTKLUIS_LANG", "en")
    assert messages.set_language("nl") == "nl"  # an explicit choice beats the environment
    assert messages.render("unexpected", kind="X").startswith("Er ging iets")
    monkeypatch.setenv("CONTACTKLUIS_LANG", "nl")  # later changes to the environment are ignored
    monkeypatch.setenv("CONTACTKLUIS_LANG", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert messages.set_language() == "en"  # without a choice: the environment's
    assert messages.localized("ja", "yes") == "yes"
    assert (
        UserError("read_only").message() == "The vault is open read-only; changes are not possible."
    )


def test_dates_read_dutch_first_english_second() -> None:
    day = date(2026, 3, 6)
    assert messages.format_date(day, "nl") == "06-03-2026"
    assert messages.format_date(day, "en") == "06/03/2026"
    assert messages.format_date(None) == ""
    assert messages.format_date(None, empty="—") == "—"
    moment = datetime(2026, 3, 6, 14, 5)
    assert messages.format_datetime(moment, "nl") == "06-03-2026, 14:05"


def test_one_error_text_names_the_kind_never_the_content() -> None:
    secret = ValueError("Fenna de Proef, Kerkstraat 12")
    text = messages.error_text(secret)
    assert text == "Er ging iets onverwachts mis (ValueError). Er is niets half opgeslagen."
    assert "Fenna" not in text
    assert messages.error_text(UserError("read_only")).startswith("De kluis is alleen-lezen")


def test_the_command_line_speaks_through_the_catalogue() -> None:
    from contactkluis.cli.common import say

    messages.set_language("en")
    assert say("records_done", count=2, verb=("verwijderd", "deleted")) == "2 record(s) deleted."
    messages.set_language("nl")
    assert say("records_done", count=2, verb=("verwijderd", "deleted")) == "2 record(s) verwijderd."


def test_a_broken_domain_rule_is_a_coded_error_with_one_error_text() -> None:
    from contactkluis.domain.purposes import RuleError

    broken = RuleError("invalid_purpose", "Doel 1: geen naam.", "Purpose 1: no name.")
    assert str(broken) == "Doel 1: geen naam."
    messages.set_language("en")
    assert messages.error_text(broken) == "Purpose 1: no name."


def test_date_fields_use_the_pattern_the_dates_are_shown_in() -> None:
    assert messages.date_pattern("nl") == "dd-MM-yyyy"
    assert messages.date_pattern("en") == "dd/MM/yyyy"
