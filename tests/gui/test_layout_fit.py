"""Layout promises a person notices: the requests page fits a window of about 1000 px, and
form labels line up with their fields in the first-run wizard and the account dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from contactkluis.services import requests
from contactkluis.ui.context import AppContext
from contactkluis.ui.first_run import FirstRunWizard
from contactkluis.ui.privacy.requests import RequestsPage
from contactkluis.ui.settings.accounts import AccountDialog
from tests.conftest import FAST_KDF
from tests.support.people import add_person

# The main window's sidebar takes about 220 px of a 1000 px window.
ROOM_FOR_A_PAGE = 1000 - 220


def _left(widget: QWidget, root: QWidget) -> int:
    return widget.mapTo(root, widget.rect().topLeft()).x()


def test_requests_page_fits_a_1000_px_window(qtbot, ctx: AppContext) -> None:
    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.minimumSizeHint().width() <= ROOM_FOR_A_PAGE


def test_requests_more_menu_opens_the_contact_and_extends(qtbot, ctx: AppContext) -> None:
    session = ctx.unlocked_session
    cid = add_person(session, "Noor", "Bakker", email="noor.bakker@voorbeeld.invalid")
    rid = requests.add_request(session, "inzage", contact_id=cid)
    page = RequestsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    menu = page.more_button.menu()
    assert [a.text() for a in menu.actions()] == ["Verlengen…", "Contact openen"]
    assert not page.contact_action.isEnabled()  # nothing selected yet
    page.select(rid)
    with qtbot.waitSignal(page.open_contacts) as opened:
        page.contact_action.trigger()
    assert opened.args == [[cid]]
    assert page.extend_action.isEnabled()


def test_first_run_account_fields_line_up(qtbot, tmp_path) -> None:
    wizard = FirstRunWizard(AppContext(tmp_path / "nieuw.ckdb"), kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setField("institution", "Museum Proef")
    wizard.next()
    wizard.next()
    page = wizard.account_page
    assert wizard.currentPage() is page
    fields = [page.account, page.passwords.password, page.passwords.repeat]
    assert len({_left(f, page) for f in fields}) == 1
    assert wizard.focusWidget() is page.account  # the first field, and Tab goes down
    qtbot.keyClick(page.account, Qt.Key.Key_Tab)
    assert wizard.focusWidget() is page.passwords.password


def test_account_dialog_fields_line_up(qtbot) -> None:
    dialog = AccountDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fields = [dialog.name, dialog.role, dialog.passwords.password, dialog.passwords.repeat]
    assert len({_left(f, dialog) for f in fields}) == 1
