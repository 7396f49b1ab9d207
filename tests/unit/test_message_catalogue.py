"""One catalogue: every code speaks both languages, and a coded error renders in both."""

from __future__ import annotations

import contactkluis.errors  # noqa: F401  (registers its texts)
from contactkluis.domain import consent, dimensions, disclosure, mailing  # noqa: F401
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
