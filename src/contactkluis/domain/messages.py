"""One way to speak: the catalogue of user-facing texts, the language, dates, errors.

Every error a user may see carries a code and parameters; the text is looked up here, in
Dutch or English. Modules register their own table once at import (speaker()), under a
prefix that keeps codes unique across the application. The language is chosen once at
start-up (set_language(), by the CLI's main and the GUI's start; Qt's translators get the
same choice); dates go through format_date()/format_datetime(), failures through
error_text().
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar

from babel import dates as babel_dates

log = logging.getLogger(__name__)
T = TypeVar("T")

# code -> (Dutch, English)
CATALOGUE: dict[str, tuple[str, str]] = {
    "unexpected": (
        "Er ging iets onverwachts mis ({kind}). Er is niets half opgeslagen.",
        "Something unexpected went wrong ({kind}). Nothing was half saved.",
    ),
}


def register(table: dict[str, tuple[str, str]], prefix: str = "") -> None:
    """Add a module's texts to the one catalogue; a code may be claimed only once."""
    for code, pair in table.items():
        key = prefix + code
        if key in CATALOGUE and CATALOGUE[key] != pair:
            raise ValueError(f"message code {key!r} registered twice")
        CATALOGUE[key] = pair


_language = "nl"

# Babel locales: Dutch as the Netherlands writes it; English with day-month order (en_GB),
# so a date reads the same way round in both languages.
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def speaker(table: dict[str, tuple[str, str]], prefix: str) -> Callable[..., str]:
    """Register a module's table under `prefix`; returns its `key, **params -> text`."""
    register(table, prefix)

    def say(key: str, **params: Any) -> str:
        return render(prefix + key, **params)

    return say


def language_choice(wanted: str | None = None) -> str:
    """'nl' or 'en' from an explicit choice (--lang, the GUI setting), else the environment."""
    candidates: list[str | None] = [wanted]
    candidates += [
        os.environ.get(v) for v in ("CONTACTKLUIS_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
    ]
    for value in candidates:
        if value:
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


def set_language(wanted: str | None = None) -> str:
    """Choose the language once, at start-up (CLI main, GUI start); everything else asks."""
    global _language
    _language = language_choice(wanted)
    return _language


def current_language() -> str:
    """The language chosen at start-up; Dutch until then."""
    return _language


def localized(nl: T, en: T, lang: str | None = None) -> T:
    """One of a pair that travels with data (a purpose's two labels), in the chosen language."""
    return en if (lang or _language) == "en" else nl


def render(code: str, lang: str | None = None, **params: Any) -> str:
    """The text for `code` in `lang` (default: the language chosen at start-up)."""
    english = (lang or _language).lower().startswith("en")
    nl, en = CATALOGUE.get(code, ("Onbekende fout ({code}).", "Unknown error ({code})."))
    template = en if english else nl
    # A parameter may itself be a (Dutch, English) pair: a word that differs per language.
    for key, value in params.items():
        if isinstance(value, tuple) and len(value) == 2:
            params[key] = value[1] if english else value[0]
    try:
        return template.format(code=code, **params)
    except (KeyError, IndexError):
        return template


def _moment(value: date | datetime | str) -> date | datetime:
    """A stored ISO text as a date or a moment; an aware moment in the reader's local time."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone()
    return value


def format_date(
    value: date | datetime | str | None, lang: str | None = None, *, empty: str = ""
) -> str:
    """A calendar date for people: 06-03-2026 in Dutch, 06/03/2026 in English."""
    if value is None or value == "":
        return empty
    day = _moment(value)
    if isinstance(day, datetime):
        day = day.date()
    return babel_dates.format_date(day, "short", locale=_LOCALES[lang or _language])


def date_pattern(lang: str | None = None) -> str:
    """The same short date as a pattern for date fields: dd-MM-yyyy, dd/MM/yyyy."""
    pattern = str(babel_dates.get_date_format("short", locale=_LOCALES[lang or _language]).pattern)
    return re.sub(r"y+", "yyyy", pattern)


def format_datetime(value: datetime | str, lang: str | None = None) -> str:
    """A moment in the reader's local time: 06-03-2026, 14:05."""
    moment = _moment(value)
    if not isinstance(moment, datetime):
        return format_date(moment, lang)
    return babel_dates.format_datetime(moment, "short", locale=_LOCALES[lang or _language])


def error_text(exc: BaseException) -> str:
    """What a person sees for a failure: a coded error's own text, else one safe line.

    Only the exception's type is named, never its text: that may hold a contact's data.
    """
    if isinstance(exc, CodedError):
        return exc.message()
    log.error("unexpected %s", type(exc).__name__)
    return render("unexpected", kind=type(exc).__name__)


class CodedError(Exception):
    """A failure a user may see: a catalogue code plus parameters, rendered on demand."""

    prefix: ClassVar[str] = ""
    # None: the language chosen at start-up; subclasses whose str() must stay Dutch set "nl".
    default_language: ClassVar[str | None] = None

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message(self.default_language) if self.default_language else code)

    def message(self, lang: str | None = None) -> str:
        return render(self.prefix + self.code, lang or self.default_language, **self.params)
