"""Help opens the handbook offline; "Wat betekent dit?" links land on the right section."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from contactkluis.ui.handbook import SECTIONS, HandbookDialog, handbook_path, open_handbook
from tests.support.people import add_person, expired_customer

ROOT = Path(__file__).resolve().parents[2]


def test_the_bundled_handbook_is_the_one_in_docs() -> None:
    bundled = handbook_path()
    assert bundled.read_text("utf-8") == (ROOT / "docs" / "handleiding.md").read_text("utf-8"), (
        "run: python tools/bundle_handbook.py"
    )
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["contactkluis"]
    assert "resources/handbook/*.md" in patterns  # installed with the program


def test_help_menu_opens_the_rendered_handbook(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu.actions()[0].text().replace("&", "") == "Handleiding"
    window.handbook_action.trigger()
    dialog = next(w for w in window.findChildren(HandbookDialog))
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert text.startswith("Handleiding Contactkluis")
    assert "## " not in text and "](#" not in text  # Markdown rendered, not shown raw
    assert len(dialog.headings()) > 40
    # The table of contents links work inside the window.
    dialog.browser.anchorClicked.emit(QUrl("#9-back-ups-maken-en-terugzetten"))
    assert dialog.current_heading() == "9. Back-ups maken en terugzetten"


@pytest.mark.parametrize("key", sorted(SECTIONS))
def test_every_help_section_is_a_heading(qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    dialog = HandbookDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.show_section(SECTIONS[key]), SECTIONS[key]


def test_what_does_this_mean_links_open_the_right_section(qtbot, window, ctx) -> None:  # type: ignore[no-untyped-def]
    session = ctx.unlocked_session
    add_person(session, "Iris", "Maas")
    old = expired_customer(session, "Kees", "Brouwer")
    ctx.data_changed.emit()
    window.show_page("contacts")
    page = window.page("contacts")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.select_ids([old])
    detail = page.detail
    detail.tabs.setCurrentIndex(1)
    assert detail.flags_help.isVisible() and "Wat betekent dit?" in detail.flags_help.text()
    detail.flags_help.linkActivated.emit(detail.flags_help.section)
    dialog = open_handbook(window)  # the one window the link opened
    assert dialog.isVisible() and dialog.current_heading() == "Wat de tekens betekenen"

    assert detail.retention_help.isVisible()
    detail.retention_help.linkActivated.emit(detail.retention_help.section)
    assert dialog.current_heading() == "OK, binnenkort, verlopen"
    assert window.findChildren(HandbookDialog) == [dialog]
