"""Layout promises a person notices: the requests page fits a window of about 1000 px, and
form labels line up with their fields in the first-run wizard and the account dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from contactkluis.services import requests
from contactkluis.ui.context import AppContext
from contactkluis.ui.first_run import FirstRunWizard
from contactkluis.ui.privacy.requests import RequestsPage
from contactkluis.ui.settings.accounts import AccountDialog
from tests.conftest import FAST_KDF
from tests.gui.test_translations import english  # noqa: F401  (fixture)
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


# -- every page at 1366×768 (issue 16): nothing cut -------------------------------------------

LAPTOP = (1366, 768)


def clipped(root: QWidget) -> list[str]:
    """What a person would see cut off on `root` as it is shown now."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QHeaderView,
        QPushButton,
        QStyle,
        QTabBar,
        QTreeView,
    )

    from contactkluis.ui.widgets.status_pill import StatusPill

    problems: list[str] = []
    for bar in root.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            rect, text = bar.tabRect(i), bar.tabText(i).replace("&", "")
            if (
                bar.fontMetrics().horizontalAdvance(text) > rect.width()
                or rect.right() > bar.width()
            ):
                problems.append(f"tab {text!r} ({rect.width()} px)")
    for view in root.findChildren(QAbstractItemView):
        header = getattr(view, "horizontalHeader", getattr(view, "header", lambda: None))()
        if not view.isVisible() or not isinstance(header, QHeaderView) or header.isHidden():
            continue
        model = view.model()
        for col in range(header.count()):
            if header.isSectionHidden(col) or model is None:
                continue
            text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
            if header.fontMetrics().horizontalAdvance(text) + margin > header.sectionSize(col):
                problems.append(f"header {text!r} ({header.sectionSize(col)} px)")
            # A short list beside a form (the import's sheets) scrolls down, never sideways.
            right = header.sectionViewportPosition(col) + header.sectionSize(col)
            if isinstance(view, QTreeView) and right > view.viewport().width():
                problems.append(f"column {text!r} beyond the edge")
    for pill in root.findChildren(StatusPill):
        if pill.isVisible() and pill.sizeHint().width() > pill.width():
            problems.append(f"pill {pill.text()!r}")
    for button in root.findChildren(QPushButton):
        if (
            button.isVisible()
            and button.text()
            and button.minimumSizeHint().width() > button.width()
        ):
            problems.append(f"button {button.text()!r}")
    return problems


@pytest.fixture(params=["nl", "en"])
def language(request):  # type: ignore[no-untyped-def]
    """Dutch as the tests start, or English with Qt's and our English translators."""
    if request.param == "en":
        request.getfixturevalue("english")
    return request.param


def _laptop_window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    from contactkluis.ui.main_window import MainWindow
    from tests.support.people import expired_customer

    session = ctx.unlocked_session
    for first, last in (("Kees", "Brouwer"), ("Mila", "van den Heuvel-Ramdjiawan")):
        expired_customer(session, first, last)
    add_person(session, "Iris", "Maas")
    requests.add_request(session, "inzage", contact_id=None)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(*LAPTOP)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_page_fits_1366_by_768_without_clipping(qtbot, ctx: AppContext, language) -> None:  # type: ignore[no-untyped-def]
    win = _laptop_window(qtbot, ctx)
    found: dict[str, list[str]] = {}
    for key in list(win.pages):
        assert win.show_page(key)
        ctx.tasks.wait()
        qtbot.wait(20)
        page = win.page(key)
        if key == "contacts":
            qtbot.waitUntil(lambda p=page: p.model.rowCount() == 3)
            page.select_ids([page.model.id_at(0)])
            qtbot.wait(20)
        if problems := clipped(win):
            found[key] = problems
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_contacts_show_the_consent_flags_and_keep_the_tab_row_still(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext
) -> None:
    win = _laptop_window(qtbot, ctx)
    win.show_page("contacts")
    page = win.page("contacts")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    header = page.table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    purposes = [c for c in shown if page.model.purpose_of(c) is not None]
    assert purposes  # the consent flags are columns of their own
    for column in [0, *purposes]:  # the name and every consent flag, without scrolling
        assert header.sectionViewportPosition(column) >= 0
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= page.table.viewport().width(), header.model().headerData(
            column, Qt.Orientation.Horizontal
        )

    by_name = {page.model.data(page.model.index(r, 0)): page.model.id_at(r) for r in range(3)}
    page.select_ids([by_name["Iris Maas"]])
    qtbot.wait(20)
    tabs_at = page.detail.tabs.tabBar().mapTo(win, page.detail.tabs.tabBar().rect().topLeft())
    expired = next(i for n, i in by_name.items() if "Brouwer" in str(n))
    page.select_ids([expired])
    qtbot.wait(20)
    assert page.detail.retention_banner.isVisible() and page.detail.delete_button.isVisible()
    bar = page.detail.tabs.tabBar()
    assert bar.mapTo(win, bar.rect().topLeft()) == tabs_at  # the banner does not push it
    # Verwijderen is below the tab page, not next to the tabs a person clicks through.
    delete_top = page.detail.delete_button.mapTo(win, page.detail.delete_button.rect().topLeft())
    assert delete_top.y() > page.detail.tabs.mapTo(win, page.detail.tabs.rect().bottomLeft()).y()


def test_import_mapping_step_fits_1366_by_768(qtbot, ctx: AppContext, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Vrienden 2019"
    sheet.append(["Voornaam", "Achternaam", "E-mail"])
    for i in range(120):  # three-digit row counts in the "Rijen" column
        sheet.append([f"Persoon{i}", "Jansen", f"p{i}@voorbeeld.invalid"])
    path = tmp_path / "nieuwsbrief_abonnees_oud.xlsx"
    book.save(path)
    win = _laptop_window(qtbot, ctx)
    win.show_page("import")
    page = win.page("import")
    page.add_files([path])
    qtbot.waitUntil(lambda: page.files_next.isEnabled(), timeout=20000)
    page.files_next.click()
    qtbot.waitUntil(lambda: page.sheet_tree.topLevelItemCount() == 1)
    assert clipped(win) == []
