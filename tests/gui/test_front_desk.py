"""Issue 16 at the front desk: nobody is picked for the user, every write names the person."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget

from contactkluis.domain.contact import ConsentStatus
from contactkluis.services import requests
from contactkluis.ui.contacts.consent_dialog import ConsentDialog
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.privacy.request_dialogs import AddRequestDialog
from tests.support.people import add_person

FIRST_NAMES = ("Anouk", "Bram", "Cor", "Daan")


@pytest.fixture
def four_fremies(ctx: AppContext) -> list[int]:
    session = ctx.unlocked_session
    return [add_person(session, first, "Fremie") for first in FIRST_NAMES]


@pytest.fixture
def dialog(qtbot: object, ctx: AppContext) -> Iterator[AddRequestDialog]:
    window = AddRequestDialog(ctx.unlocked_session)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    yield window


def click_match(qtbot: object, matches: QListWidget, row: int) -> None:
    rect = matches.visualItemRect(matches.item(row))
    qtbot.mouseClick(matches.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]


def ok_button(dialog: AddRequestDialog) -> object:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_enter_in_the_search_field_only_searches(
    qtbot: object, dialog: AddRequestDialog, ctx: AppContext, four_fremies: list[int]
) -> None:
    search = dialog.picker.search
    search.setFocus()
    qtbot.keyClicks(search, "Fremie")  # type: ignore[attr-defined]
    qtbot.keyClick(search, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.request_id is None
    assert requests.list_requests(ctx.unlocked_session) == []
    assert dialog.picker.matches.count() == 4
    assert dialog.picker.contact_id() is None  # four matches: none chosen for the user
    assert "4 personen" in dialog.picker.note.text()

    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.request_id is None
    assert "Kies eerst de persoon" in dialog.error.text()
    assert requests.list_requests(ctx.unlocked_session) == []

    click_match(qtbot, dialog.picker.matches, 2)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.request_id is not None
    stored = requests.get_request(ctx.unlocked_session, dialog.request_id)
    assert stored.contact_id == four_fremies[2]


def test_a_single_guessed_match_is_confirmed_by_name(
    qtbot: object, dialog: AddRequestDialog, ctx: AppContext
) -> None:
    cid = add_person(ctx.unlocked_session, "Eva", "Zwanenburg")
    qtbot.keyClicks(dialog.picker.search, "Zwanenburg")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
    assert dialog.picker.contact_id() == cid and not dialog.picker.explicit

    MessageBox.set_next_answer(Button.No)
    dialog.save()
    assert "Eva Zwanenburg" in MessageBox.history[-1][2]
    assert dialog.request_id is None

    MessageBox.set_next_answer(Button.Yes)
    dialog.save()
    assert dialog.request_id is not None
    assert requests.get_request(ctx.unlocked_session, dialog.request_id).contact_id == cid


def test_without_contact_is_an_explicit_choice(
    qtbot: object, dialog: AddRequestDialog, ctx: AppContext, four_fremies: list[int]
) -> None:
    qtbot.keyClicks(dialog.picker.search, "Fremie")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    dialog.picker.without.click()
    assert not dialog.picker.matches.isEnabled()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.request_id is not None
    assert requests.get_request(ctx.unlocked_session, dialog.request_id).contact_id is None


def test_the_consent_dialog_names_the_person(qtbot: object, ctx: AppContext) -> None:
    cid = add_person(ctx.unlocked_session, "Fenna", "Bakker")
    window = ConsentDialog(ctx.unlocked_session, cid, ConsentStatus.GIVEN)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.person.text() == "Fenna Bakker"


def test_erasure_and_retention_questions_name_the_person(qtbot, ctx: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from contactkluis.ui.privacy.requests import RequestsPage
    from tests.support.people import expired_customer

    session = ctx.unlocked_session
    cid = add_person(session, "Bas", "Willems")
    rid = requests.add_request(session, "verwijdering", contact_id=cid, identity_checked=True)
    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.select(rid)
    MessageBox.set_next_answer(Button.No)
    assert not page.erase()
    assert "Bas Willems" in MessageBox.history[-1][2]

    from PySide6.QtCore import QSettings

    from contactkluis.ui.contacts.page import ContactsPage

    old = expired_customer(session, "Kees", "Brouwer")
    contacts = ContactsPage(
        ctx, settings=QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(contacts)
    contacts.show()
    contacts.select_ids([old])
    asked: list[str] = []
    contacts.detail.confirm = lambda text: asked.append(text) or False
    contacts.detail.delete_button.click()
    assert asked and "Kees Brouwer" in asked[0]
    assert session.repo().get(old) is not None  # answered no: nothing written
