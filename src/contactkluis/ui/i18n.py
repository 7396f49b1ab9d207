"""Translations: ours (compiled .qm, or the .ts source in a dev checkout) plus Qt's qtbase.

Source strings are Dutch. Packaging compiles src/contactkluis/resources/i18n/*.ts with pyside6-lrelease;
a checkout without that build step reads the .ts XML directly through `TsTranslator`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from contactkluis.ui.widgets.icons import resources_dir

LANGUAGES = {"nl": "Nederlands", "en": "English"}

Key = tuple[str, str, str]  # context, source, disambiguation


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def parse_ts(path: Path) -> dict[Key, list[str]]:
    """Finished translations of a Qt Linguist file; numerus entries keep all forms."""
    messages: dict[Key, list[str]] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            comment = message.findtext("comment") or ""
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if not forms:
                forms = [translation.text or ""]
            if any(forms):
                messages[(name, source, comment)] = forms
    return messages


class TsTranslator(QTranslator):
    """A QTranslator fed from a .ts file, for running without compiled .qm files."""

    def __init__(self, messages: dict[Key, list[str]], parent: QCoreApplication | None = None):
        super().__init__(parent)
        self._messages = messages

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        forms = self._messages.get((context, source_text, disambiguation or ""))
        if not forms:
            return None  # type: ignore[return-value]  # null QString: Qt falls back to the source
        # Dutch and English share the plural rule: one form for 1, another for the rest.
        if len(forms) > 1 and n != 1:
            return forms[1]
        return forms[0]

    def isEmpty(self) -> bool:
        return not self._messages


def load_translator(lang: str, directory: Path | None = None) -> QTranslator | None:
    directory = directory or i18n_dir()
    compiled = directory / f"{lang}.qm"
    if compiled.exists():
        translator = QTranslator()
        if translator.load(str(compiled)):
            return translator
    source = directory / f"{lang}.ts"
    if source.exists():
        try:
            return TsTranslator(parse_ts(source))
        except (OSError, ET.ParseError):
            return None
    return None


class QtBaseTranslator(QTranslator):
    """Qt's qtbase catalogue, also for labels Qt gave a mnemonic after translating them.

    Qt 6.11's file dialog asks for "&Look in:" and "Files of &type:" while qtbase_nl.qm
    still holds "Look in:" and "Files of type:", so those labels stayed English in Dutch
    screens. A miss is retried without the '&'.
    """

    def __init__(self, inner: QTranslator) -> None:
        super().__init__()
        self.inner = inner

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        found = self.inner.translate(context, source_text, disambiguation, n)
        if not found and "&" in source_text:
            found = self.inner.translate(context, source_text.replace("&", ""), disambiguation, n)
        return found or None  # type: ignore[return-value]  # null QString: Qt keeps the source

    def isEmpty(self) -> bool:
        return self.inner.isEmpty()


def load_qt_translator(lang: str) -> QTranslator | None:
    """Qt's own strings (OK/Annuleren, file dialogs)."""
    translator = QTranslator()
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", path):
        return QtBaseTranslator(translator)
    return None


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install ours and Qt's; keep the returned list alive as long as the app runs."""
    lang = lang if lang in LANGUAGES else "nl"
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
            QLocale.Country.Netherlands if lang == "nl" else QLocale.Country.UnitedKingdom,
        )
    )
    installed: list[QTranslator] = []
    for translator in (load_qt_translator(lang), load_translator(lang)):
        if translator is not None and app.installTranslator(translator):
            installed.append(translator)
    return installed


def translate(context: str, text: str, n: int = -1) -> str:
    """For code outside QObjects; lupdate picks up QCoreApplication.translate calls."""
    return QCoreApplication.translate(context, text, None, n)
