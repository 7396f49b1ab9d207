"""Dutch first, English complete: both .ts files cover every string in the code, and with
language English no Dutch is left on any page of the main window."""

from __future__ import annotations

import gc
import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from contactkluis.domain import messages
from contactkluis.domain.contact import (
    Address,
    ConsentEvent,
    ConsentStatus,
    Contact,
    PersonName,
    Relation,
    RelationKind,
)
from contactkluis.ui.i18n import install_translators
from tests.conftest import ADMIN, ADMIN_PW, FAST_KDF

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "contactkluis" / "ui"
I18N = ROOT / "src" / "contactkluis" / "resources" / "i18n"

# Words that only Dutch text uses, matched as whole words. Short function words count only
# when a lower-case word follows ("de tabel"), so the tussenvoegsels in synthetic names
# ("Fenna de Proef", "Dalen, Ilse van") do not trip the check. Purpose codes such as
# "nieuwsbrief" are stable identifiers shown as data (settings' Code column): not listed.
# fmt: off
FUNCTION_WORDS = [
    "de", "het", "een", "en", "van", "voor", "niet", "geen", "nog", "naar", "wordt", "zijn",
    "met", "uit", "bij", "dit", "deze", "alle", "wie", "wat", "welke", "op", "te", "om",
]
DUTCH_WORDS = [
    "kies", "nieuw", "nieuwe", "opslaan", "annuleren", "zoek", "zoeken", "bewaar", "bewaren",
    "toestemming", "verzoek", "verzoeken", "instellingen", "importeren", "verlopen",
    "binnenkort", "bestand", "bewerken", "verwijderen", "toevoegen", "vergrendelen",
    "afsluiten", "gegevens", "relatie", "relaties", "naam", "telefoon", "plaats", "datum",
    "bron", "doel", "doelen", "rij", "rijen", "blad", "kolom", "kolommen", "wachtwoord",
    "sleutel", "kluis", "dagen", "dag", "geleden", "vandaag", "gemaakt", "aantal", "totaal",
    "tellen", "indeling", "beheerder", "medewerker", "vriend", "donateur", "bezoeker",
    "ja", "nee", "onbekend", "overzicht", "statistiek", "bewaartermijn",
    "bewaartermijnen", "afgeschermd", "ingetrokken", "gegeven", "herbevestigen", "wis",
]
# fmt: on
_DUTCH = re.compile(
    r"(?<![\w-])(?i:" + "|".join(FUNCTION_WORDS) + r")\s+[a-zà-ÿ]"
    r"|(?<![\w-])(?i:" + "|".join(DUTCH_WORDS) + r")(?![\w-])"
    r"|\((?:en|s)\)"
)
_TAG = re.compile(r"<[^>]+>")


# -- the .ts files --------------------------------------------------------------------------


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m)
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def _problems(ts: Path) -> list[str]:
    found = []
    for context, source, message in _messages(ts):
        translation = message.find("translation")
        where = f"{ts.name} {context}: {source!r}"
        if translation is None:
            found.append(f"{where} has no translation")
            continue
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete"):
            found.append(f"{where} is {kind}")
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if len(forms) != 2 or not all(f.strip() for f in forms):
                found.append(f"{where} needs a singular and a plural form")
            elif any("(en)" in f or "(s)" in f for f in forms):
                found.append(f"{where} keeps a '(en)'/'(s)' marker in a plural form")
        elif not (translation.text or "").strip():
            found.append(f"{where} is empty")
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_message_in_the_ts_file_is_translated(lang: str) -> None:
    assert _problems(I18N / f"{lang}.ts") == []


def _lupdate_sources(tmp_path: Path) -> set[tuple[str, str]]:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    out = tmp_path / "found.ts"
    files = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [str(lupdate), *files, "-locations", "none", "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    return {(c, s) for c, s, _m in _messages(out)}


def test_every_string_in_the_code_has_a_translation(tmp_path: Path) -> None:
    in_code = _lupdate_sources(tmp_path)
    assert len(in_code) > 300  # lupdate really read the sources
    for lang in ("nl", "en"):
        done = {(c, s) for c, s, m in _messages(I18N / f"{lang}.ts")}
        missing = sorted(in_code - done)
        assert missing == [], f"{lang}.ts lacks {missing[:10]}"


def test_no_f_string_goes_through_tr() -> None:
    """tr(f'...') looks up a key that changes with the data: it is never translated."""
    pattern = re.compile(r"""\b(tr|translate)\(\s*(?:"[^"]*",\s*)?f["']""")
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in UI.rglob("*.py")
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_plural_forms_read_naturally_in_both_languages(qapp: QApplication) -> None:
    from contactkluis.ui.i18n import load_translator

    for lang, one, many in (
        ("nl", "1 dag geleden", "3 dagen geleden"),
        ("en", "1 day ago", "3 days ago"),
    ):
        translator = load_translator(lang)
        assert translator is not None
        qapp.installTranslator(translator)
        try:
            text = "laatste back-up: %n dag(en) geleden"
            assert QApplication.translate("BackupTexts", text, "", 1).endswith(one)
            assert QApplication.translate("BackupTexts", text, "", 3).endswith(many)
            requests = "Let op: %n verzoek(en) over de termijn."
            assert "(en)" not in QApplication.translate("PrivacyPage", requests, "", 2)
        finally:
            qapp.removeTranslator(translator)


# -- the screens in English -----------------------------------------------------------------


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As the app starts with language English: only the English translators installed.

    The session's Dutch translators (tests/gui/conftest.py) come off for the test, else
    Qt's own Dutch strings (a dialog's "Annuleren") would answer where English has none.
    """
    dutch = [o for o in gc.get_objects() if isinstance(o, QTranslator)]
    for translator in dutch:
        qapp.removeTranslator(translator)
    monkeypatch.setattr(messages, "_language", "en")
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    for translator in dutch:
        qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))


def _add_people(session: object) -> None:
    from contactkluis.services import contacts

    today = date.today()
    people = [
        Contact(
            name=PersonName("Fenna", "F.", "de", "Proef"),
            emails=["fenna@voorbeeld.invalid"],
            phones=["0612345678"],
            address=Address("Kerkstraat", "12", "1234 AB", "Ergenshuizen"),
            relations=[Relation(RelationKind.VRIEND, date(2019, 3, 1))],
            consents=[
                ConsentEvent("nieuwsbrief", ConsentStatus.GIVEN, date(2021, 5, 4), "formulier")
            ],
        ),
        Contact(
            name=PersonName("Joost", "J.", None, "Vermeer"),
            emails=["joost@voorbeeld.invalid"],
            relations=[Relation(RelationKind.DONATEUR, date(2012, 1, 1), date(2014, 1, 1))],
        ),
        Contact(
            name=PersonName("Ilse", "I.", "van", "Dalen"),
            relations=[Relation(RelationKind.BEZOEKER, today.replace(year=today.year - 1))],
        ),
    ]
    for person in people:
        contacts.create_contact(session, person)  # type: ignore[arg-type]


@pytest.fixture
def english_window(qtbot, english, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from contactkluis.services.accounts import create_vault
    from contactkluis.ui.context import AppContext
    from contactkluis.ui.main_window import MainWindow

    vault_path = tmp_path / "vault" / "museum.ckdb"
    session, _recovery = create_vault(vault_path, "Museum De Proef", ADMIN, ADMIN_PW, kdf=FAST_KDF)
    assert session.lang == "en"
    _add_people(session)
    # As the app starts: the window and its pages are built locked, then the vault opens.
    ctx = AppContext(vault_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.unlock_texts = visible_texts(win)  # the unlock screen, before the vault opens
    win.on_unlocked(session)
    yield win
    ctx.tasks.wait()
    if ctx.session is not None and ctx.session.vault.conn is not None:
        ctx.session.vault.close()


def _view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for section in range(model.columnCount()):
        texts.append(str(model.headerData(section, Qt.Orientation.Horizontal) or ""))
    for row in range(min(model.rowCount(), 20)):
        for col in range(model.columnCount()):
            value = model.data(model.index(row, col))
            if isinstance(value, str):
                texts.append(value)
    return texts


def visible_texts(root: QWidget) -> list[str]:
    """What a person reads on `root`: labels, buttons, titles, headers, items, hints."""
    texts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            texts.append(html.unescape(_TAG.sub(" ", w.text())))
        elif isinstance(w, QAbstractButton):
            texts.append(w.text().replace("&", ""))
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QAbstractItemView) and not isinstance(w, QListWidget | QComboBox):
            texts.extend(_view_texts(w))
        elif isinstance(w, QListWidget):
            texts.extend(w.item(i).text() for i in range(w.count()))
    return [t for t in texts if t]


def dutch_leftovers(texts: list[str]) -> list[str]:
    return sorted({t for t in texts if _DUTCH.search(t.replace("\n", " "))})


def test_the_dutch_word_list_catches_dutch_but_not_data() -> None:
    assert dutch_leftovers(["Nieuw contact", "1 verzoek(en)", "Opslaan", "Zoek op naam"]) == [
        "1 verzoek(en)",
        "Nieuw contact",
        "Opslaan",
        "Zoek op naam",
    ]
    assert dutch_leftovers(["De Proef, Fenna", "Vermeer", "New contact", "Ergenshuizen"]) == []


def _settle(win) -> None:  # type: ignore[no-untyped-def]
    """Background work done and its results delivered to the page (queued signals)."""
    win.ctx.tasks.wait()
    QApplication.processEvents()


def test_every_page_reads_english(qtbot, english_window) -> None:  # type: ignore[no-untyped-def]
    win = english_window
    found: dict[str, list[str]] = {}
    for key in list(win.pages):
        assert win.show_page(key), key
        _settle(win)
        page = win.page(key)
        texts = [*visible_texts(win), page.windowTitle()]
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _settle(win)
                texts.extend(visible_texts(tabs))
        leftovers = dutch_leftovers(texts)
        if leftovers:
            found[key] = leftovers
    unlock = dutch_leftovers(win.unlock_texts)
    if unlock:
        found["unlock screen"] = unlock
    menus = [a.text().replace("&", "") for a in win.menuBar().actions()]
    chrome = dutch_leftovers([*menus, win.account_label.text(), win.backup_pill.text()])
    if chrome:
        found["menus and status bar"] = chrome
    report = "\n".join(f"{key}: {text!r}" for key, texts in found.items() for text in texts)
    assert not found, "Dutch left in English mode:\n" + report
    assert "(administrator)" in win.account_label.text()


def test_dialogs_and_first_run_read_english(qtbot, english_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from contactkluis.services import contacts
    from contactkluis.ui.contacts.edit_dialog import ContactEditDialog
    from contactkluis.ui.context import AppContext
    from contactkluis.ui.first_run import FirstRunWizard
    from contactkluis.ui.privacy.request_dialogs import AddRequestDialog

    session = english_window.ctx.session
    someone = contacts.get_contact(session, 1)
    dialogs: list[QWidget] = [
        ContactEditDialog(session),
        ContactEditDialog(session, someone),
        AddRequestDialog(session),
    ]
    wizard = FirstRunWizard(AppContext(tmp_path / "new.ckdb"))
    dialogs.append(wizard)
    found = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        found += dutch_leftovers(visible_texts(dialog))
    for _step in range(2):  # institution -> location -> account
        wizard.setField("institution", "Museum De Proef")
        wizard.next()
        found += dutch_leftovers(visible_texts(wizard))
    assert found == []


def test_the_gui_chooses_its_language_once_for_qt_and_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from contactkluis.errors import UserError
    from contactkluis.ui.app import choose_language

    monkeypatch.delenv("CONTACTKLUIS_LANG")
    assert choose_language({"language": "en"}) == "en"  # the setting, when nothing overrides
    assert (
        UserError("read_only").message() == "The vault is open read-only; changes are not possible."
    )
    assert choose_language({"language": "en"}, wanted="nl") == "nl"  # --lang wins
    assert messages.current_language() == "nl"
    assert choose_language({"language": "fr"}) == "nl"  # unknown: Dutch first


# -- labels built from data -----------------------------------------------------------------


def _provenance_field_codes() -> set[str]:
    """Every Provenance.field code the migration writes: literal 4th arguments of
    Provenance(...) and the first argument of its note(...) helper, plus named constants."""
    import ast

    root = Path(__file__).resolve().parents[2] / "src" / "contactkluis" / "migration"
    codes: set[str] = set()
    constants: dict[str, str] = {}
    trees = [ast.parse(p.read_text("utf-8")) for p in root.glob("*.py")]
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                        constants[target.id] = node.value.value
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            arg: ast.expr | None = None
            if node.func.id == "Provenance" and len(node.args) >= 4:
                arg = node.args[3]
            elif node.func.id == "note" and node.args:
                arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
            elif isinstance(arg, ast.Name) and arg.id in constants:
                codes.add(constants[arg.id])
    return codes


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_labels_built_from_data_are_words_in_both_languages(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Relation kinds, provenance fields and history actions come from stored codes; each is
    shown as words of the reader's language, never as the code ("phone_invalid",
    "nieuwsbrief-abonnee" in English, "consent.given")."""
    from contactkluis.ui.contacts.texts import action_label, field_label, relation_label

    monkeypatch.setattr(messages, "_language", lang)
    fields = _provenance_field_codes()
    assert {"phone_invalid", "email_invalid", "postcode_invalid"} <= fields
    labels = {f"field {c}": field_label(c) for c in fields}
    labels |= {f"relation {k}": relation_label(str(k)) for k in RelationKind}
    actions = ["contact.create", "contact.edit", "contact.merge", "contact.erase",
               "contact.restricted", "contact.objects_marketing", "contact.objects_profiling",
               "relation.add", "duplicate.dismiss", "access.export",
               *(f"consent.{s}" for s in ConsentStatus)]  # fmt: skip
    labels |= {f"action {a}": action_label(a) for a in actions}
    # Dutch relation codes are Dutch words ("vriend"): shown as stored in Dutch only.
    raw = {
        key: text
        for key, text in labels.items()
        if "_" in text
        or "." in text
        or (text == key.split(" ", 1)[1] and not (lang == "nl" and key.startswith("relation ")))
    }
    assert raw == {}
    if lang == "en":
        assert dutch_leftovers(list(labels.values())) == []
