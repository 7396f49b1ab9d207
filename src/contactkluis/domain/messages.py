"""One catalogue of user-facing texts and one coded error type.

Every error a user may see carries a code and parameters; the text is looked up here, in
Dutch or English. Modules register their own table once at import, under a prefix that
keeps codes unique across the application.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

# code -> (Dutch, English)
CATALOGUE: dict[str, tuple[str, str]] = {}


def register(table: dict[str, tuple[str, str]], prefix: str = "") -> None:
    """Add a module's texts to the one catalogue; a code may be claimed only once."""
    for code, pair in table.items():
        key = prefix + code
        if key in CATALOGUE and CATALOGUE[key] != pair:
            raise ValueError(f"message code {key!r} registered twice")
        CATALOGUE[key] = pair


def current_language() -> str:
    """Dutch unless the environment asks for English (LANG=en*, LC_ALL=en*)."""
    for var in ("CONTACTKLUIS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


def render(code: str, lang: str | None = None, **params: Any) -> str:
    """The text for `code` in `lang` (default: the environment's language)."""
    lang = lang or current_language()
    nl, en = CATALOGUE.get(code, ("Onbekende fout ({code}).", "Unknown error ({code})."))
    template = en if lang.lower().startswith("en") else nl
    try:
        return template.format(code=code, **params)
    except (KeyError, IndexError):
        return template


class CodedError(Exception):
    """A failure a user may see: a catalogue code plus parameters, rendered on demand."""

    prefix: ClassVar[str] = ""
    # None: the environment's language; subclasses whose str() must stay Dutch set "nl".
    default_language: ClassVar[str | None] = None

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message(self.default_language) if self.default_language else code)

    def message(self, lang: str | None = None) -> str:
        return render(self.prefix + self.code, lang or self.default_language, **self.params)
