"""One walk through the real app, offscreen, on a real vault: what a new institution does on day
one. First run -> the main window (as ui/app.py opens it) -> next start: unlock -> migrate the
five legacy spreadsheets -> flags in the table -> edit -> Ctrl+L -> unlock -> each screen's main
action once. Every person is invented (tests/fixtures_legacy.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
    QWizard,
)

from contactkluis.config import load_config
from contactkluis.domain.requests import RequestStatus
from contactkluis.services import listing
from contactkluis.services import requests as request_service
from contactkluis.services.accounts import list_accounts
from contactkluis.services.contacts import get_contact
from contactkluis.ui.contacts.model import Column, FlagRole, RetentionRole
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.first_run import FirstRunWizard
from contactkluis.ui.import_wizard.mapping_view import Col
from contactkluis.ui.import_wizard.wizard import Step
from contactkluis.ui.main_window import MainWindow
from contactkluis.ui.privacy.request_dialogs import AddRequestDialog, CloseRequestDialog
from contactkluis.ui.settings.accounts import AccountDialog
from tests.conftest import FAST_KDF
from tests.fixtures_legacy import FILLERS, build_legacy_set

PASSWORD = "zeven groene kikkers zingen"
STAFF_PASSWORD = "gele kanarie fluit zachtjes"
EXPECTED_PEOPLE = 17 + sum(FILLERS.values())  # anchors + Faker fillers (fixtures_legacy)
# Anchors from fixtures_legacy with a known fate after the migration.
RECONFIRM_EMAIL = "m.vanderbrinkhorst@voorbeeld.nl"  # newsletter "ja" on an old list
WITHDRAWN_EMAIL = "p.zandvoortman@voorbeeld.nl"  # "Afgemeld" with a date
EXPIRED_EMAIL = "l.walsteijn@voorbeeld.nl"  # friendship ended 2023-12-31, kept 2 years
BUSY = 60_000  # ms: generous ceilings for background work on a shared 2-core machine


def _one(session: Any, email: str) -> int:
    ids = session.repo().ids_by_email(email)
    assert len(ids) == 1, email
    return int(ids[0])


def _texts(widget: QWidget) -> list[str]:
    """Every piece of text a user could read in this widget and its children."""
    out: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTreeWidget):
            items = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            items += [top.child(j) for top in list(items) if top for j in range(top.childCount())]
            out += [item.text(c) for item in items if item for c in range(w.columnCount())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m, root = w.model(), w.rootIndex()
            try:
                columns = m.columnCount(root)
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            for r in range(min(m.rowCount(root), 500)):
                out += [str(m.index(r, c, root).data() or "") for c in range(columns)]
    return out


def _cell(window: MainWindow, contact_id: int, column: int, role: int) -> object:
    model = window.page("contacts").model  # type: ignore[union-attr]
    row = model.row_of(contact_id)
    assert row is not None, contact_id
    return model.data(model.index(row, column), role)


def _first_run(qtbot: Any, target: Path) -> AppContext:
    ctx = AppContext(None)
    wizard = FirstRunWizard(ctx, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.institution_page.name, "Museum Proef")
    wizard.next()
    assert wizard.currentPage() is wizard.location_page
    wizard.location_page.path.clear()
    qtbot.keyClicks(wizard.location_page.path, str(target))
    wizard.next()
    page = wizard.account_page
    qtbot.keyClicks(page.account, "beheer")
    qtbot.keyClicks(page.passwords.password, PASSWORD)
    qtbot.keyClicks(page.passwords.repeat, PASSWORD)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=BUSY)
    key = wizard.recovery_page.key.text()
    assert len(key.replace("-", "")) >= 20  # shown once, in groups
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # not before the key is said to be stored
    wizard.recovery_page.stored.setChecked(True)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.recovery_page.key.text() == ""
    assert ctx.session is not None and ctx.session.account == "beheer"
    assert load_config()["vault_path"] == str(target)
    return ctx


def _open_window(qtbot: Any, ctx: AppContext) -> MainWindow:
    # As ui/app.py run(): after the wizard, or on a later start, the same window.
    window = MainWindow(ctx, autolock_minutes=5)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _unlock(qtbot: Any, window: MainWindow) -> None:
    screen = window.unlock_screen
    assert window.screens.currentWidget() is screen
    assert screen.account.text() == "beheer"  # the last account, prefilled
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=BUSY)
    assert window.screens.currentWidget() is window.workspace


def _migrate(qtbot: Any, window: MainWindow, legacy_dir: Path) -> None:
    legacy = build_legacy_set(legacy_dir)
    window.import_action.trigger()  # Ctrl+I
    assert window.current_page_key() == "import"
    page: Any = window.page("import")
    page.add_files(legacy.paths)
    qtbot.waitUntil(page.files_next.isEnabled, timeout=BUSY)
    listed = "\n".join(page.file_list.item(i).text() for i in range(page.file_list.count()))
    for path in legacy.paths:
        assert path.name in listed
    page.files_next.click()
    assert page.step == Step.MAPPING
    editor = page.editor
    assert editor.header_row.value() == 3  # the friends list: title, blank, then the header
    iban = editor.table.item(editor.row_of_header("IBAN"), Col.WARNINGS).text()
    assert "IBAN" in iban and "NIET" in iban  # the bank column is refused, in red

    page.mapping_next.click()
    qtbot.waitUntil(lambda: page.dry_report is not None, timeout=BUSY)
    assert page.dry_report.created == EXPECTED_PEOPLE
    assert listing.total(window.ctx.unlocked_session) == 0  # a dry run writes nothing

    page.import_button.click()
    qtbot.waitUntil(lambda: page.step == Step.REPORT, timeout=BUSY)
    report = page.report
    assert report is not None and report.created == EXPECTED_PEOPLE
    shown = [w.text() for w in page.report_view.numbers.findChildren(QLabel)]
    assert str(EXPECTED_PEOPLE) in shown and str(report.merged) in shown
    assert page.report_view.invalid.rowCount() == len(report.invalid) > 0
    assert listing.total(window.ctx.unlocked_session) == EXPECTED_PEOPLE


def test_first_run_import_edit_lock_unlock_and_every_screen(
    qtbot: Any, qapp: QApplication, tmp_path: Path
) -> None:
    target = tmp_path / "kluizen" / "museum-proef.ckdb"
    assert not target.exists()  # app.py: no vault yet, so the wizard
    ctx = _first_run(qtbot, target)
    first = _open_window(qtbot, ctx)
    assert first.screens.currentWidget() is first.workspace  # straight in after the wizard
    assert "beheer" in first.account_label.text()
    first.close()  # closing locks and closes the vault
    assert ctx.session is None

    # The next start: the vault exists, so the window opens on the unlock screen.
    ctx = AppContext(Path(str(load_config()["vault_path"])))
    window = _open_window(qtbot, ctx)
    try:
        _unlock(qtbot, window)
        _walk(qtbot, window, tmp_path)
    finally:
        ctx.tasks.wait()
        if ctx.session is not None:
            ctx.session.vault.close()


def _walk(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    ctx = window.ctx
    _migrate(qtbot, window, tmp_path / "oude lijsten")
    session = ctx.unlocked_session
    reconfirm, withdrawn, expired = (
        _one(session, e) for e in (RECONFIRM_EMAIL, WITHDRAWN_EMAIL, EXPIRED_EMAIL)
    )

    # -- the table: everyone, with consent flags and retention status ------------------------
    assert window.show_page("contacts")
    contacts: Any = window.page("contacts")
    model = contacts.model
    qtbot.waitUntil(lambda: model.rowCount() == EXPECTED_PEOPLE, timeout=BUSY)
    assert contacts.count_label.text() == f"{EXPECTED_PEOPLE} contacten"
    news = model.column_of_purpose("nieuwsbrief")
    assert not contacts.table.horizontalHeader().isSectionHidden(news)
    assert _cell(window, reconfirm, news, FlagRole) == "reconfirm"
    assert _cell(window, reconfirm, news, Qt.ItemDataRole.DisplayRole) == "?"
    assert "te herbevestigen" in str(_cell(window, reconfirm, news, Qt.ItemDataRole.ToolTipRole))
    assert _cell(window, withdrawn, news, FlagRole) == "withdrawn"
    assert _cell(window, withdrawn, news, Qt.ItemDataRole.DisplayRole) == "✗"
    assert _cell(window, expired, Column.RETENTION, RetentionRole) == "expired"
    # Ended on the list's date, the year in "vrienden_2023.xlsx" (31-12-2023), + 2 years.
    assert str(_cell(window, expired, Column.RETENTION, Qt.ItemDataRole.DisplayRole)).startswith(
        "Verlopen 31-12-2025"
    )

    # Search as you type finds the person; open, edit the phone, save: audited.
    qtbot.keyClicks(contacts.search, "Brinkhorst")
    qtbot.waitUntil(lambda: model.ids == [reconfirm], timeout=BUSY)
    contacts.table.selectRow(0)
    assert contacts.detail.contact.id == reconfirm
    contacts.edit_button.click()
    dialog = contacts.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.phones.edit.clear()
    qtbot.keyClicks(dialog.phones.edit, "06-24681357")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert get_contact(session, reconfirm).phones == ["+31624681357"]
    audit = contacts.detail.audit
    assert audit.topLevelItem(0).text(2) == "Gewijzigd"
    assert audit.topLevelItem(0).text(1) == "beheer"
    assert contacts.selected_ids() == [reconfirm]

    # -- Ctrl+L: the session and every visible trace of a person are gone --------------------
    old_vault = session.vault
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    # A search may still be running on a worker: the lock then waits for it (Locker).
    qtbot.waitUntil(lambda: ctx.session is None, timeout=BUSY)
    assert old_vault.conn is None
    assert window.screens.currentWidget() is window.unlock_screen
    shown = "\n".join(
        text for w in QApplication.topLevelWidgets() if w.isVisible() for text in _texts(w)
    ).lower()
    for trace in ("brinkhorst", "zandvoortman", "walsteijn", "voorbeeld.nl", "24681357"):
        assert trace not in shown, trace
    assert "brinkhorst" not in "\n".join(_texts(contacts)).lower()  # hidden pages too
    assert model.rowCount() == 0

    _unlock(qtbot, window)
    assert window.current_page_key() == "contacts"
    qtbot.waitUntil(lambda: model.rowCount() == EXPECTED_PEOPLE, timeout=BUSY)
    assert contacts.search.text() == ""  # a name is never kept
    assert contacts.selected_ids() == [reconfirm]
    assert contacts.detail.contact.id == reconfirm

    _privacy_and_requests(qtbot, window, withdrawn)
    _retention(qtbot, window, expired)
    _stats(qtbot, window)
    _settings(qtbot, window)


def _privacy_and_requests(qtbot: Any, window: MainWindow, withdrawn: int) -> None:
    ctx = window.ctx
    contacts: Any = window.page("contacts")
    assert window.show_page("privacy")
    privacy: Any = window.page("privacy")
    tile = privacy.tiles["expired"]
    qtbot.waitUntil(lambda: tile.value > 0, timeout=BUSY)
    tile.click()
    assert window.current_page_key() == "contacts"
    model = contacts.model
    qtbot.waitUntil(lambda: model.rowCount() == tile.value, timeout=BUSY)
    statuses = {
        model.data(model.index(r, Column.RETENTION), RetentionRole) for r in range(model.rowCount())
    }
    assert statuses == {"expired"}
    assert contacts.filters.retention.currentData() == "expired"

    assert window.show_page("requests")
    page: Any = window.page("requests")

    def fill_add() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AddRequestDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData("bezwaar"))
        dialog.picker.search.setText(WITHDRAWN_EMAIL)
        dialog.picker.look_up()
        dialog.identity.setChecked(True)
        # One match found by e-mail is a guess, not a choice: the dialog asks by name first.
        MessageBox.set_next_answer(Button.Yes)
        dialog.save()
        if dialog.isVisible():  # never leave a modal dialog waiting for a click
            dialog.reject()
        assert "Zandvoortman" in MessageBox.history[-1][2]

    QTimer.singleShot(0, fill_add)
    page.add_button.click()
    rid = page.selected().id
    stored = request_service.get_request(ctx.unlocked_session, rid)
    assert stored.contact_id == withdrawn and stored.status is RequestStatus.OPEN
    assert page.table.rowCount() == 1 and "Zandvoortman" in page.table.item(0, 2).text()

    def fill_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CloseRequestDialog)
        dialog.text.setPlainText("Uitgeschreven voor alle mailings")
        dialog.save()

    QTimer.singleShot(0, fill_close)
    page.close_button.click()
    assert request_service.get_request(ctx.unlocked_session, rid).status is RequestStatus.DONE
    assert page.table.rowCount() == 0  # closed ones are hidden


def _retention(qtbot: Any, window: MainWindow, expired: int) -> None:
    session = window.ctx.unlocked_session
    assert window.show_page("retention")
    page: Any = window.page("retention")
    ids = [c.id for c in page.candidates]
    assert expired in ids
    page.table.selectRow(ids.index(expired))
    assert page.selected_ids() == [expired]
    MessageBox.set_next_answer(Button.Yes)
    page.anonymise_button.click()
    record = session.repo().get(expired)
    assert record is not None and record.anonymised and record.name.last is None
    assert expired not in [c.id for c in page.candidates]
    assert len(page.candidates) == len(ids) - 1


def _stats(qtbot: Any, window: MainWindow) -> None:
    assert window.show_page("stats")
    page: Any = window.page("stats")
    page.dim1.setCurrentIndex(page.dim1.findData("relation"))
    # The old lists hold no birth years; their towns make plenty of small cells.
    page.dim2.setCurrentIndex(page.dim2.findData("city"))
    model = page.model
    qtbot.waitUntil(lambda: model.columnCount() > 2 and model.rowCount() > 1, timeout=BUSY)
    cells = [
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert not [c for c in cells if c in {str(n) for n in range(1, 10)}]  # k = 10
    assert "x" in cells and not [c for c in cells if c.startswith("<")]  # one neutral mark


def _settings(qtbot: Any, window: MainWindow) -> None:
    session = window.ctx.unlocked_session
    assert window.show_page("settings")
    page: Any = window.page("settings")

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AccountDialog)
        dialog.name.setText("kassa")
        dialog.role.setCurrentIndex(dialog.role.findData("medewerker"))
        dialog.passwords.password.setText(STAFF_PASSWORD)
        dialog.passwords.repeat.setText(STAFF_PASSWORD)
        dialog.accept()

    QTimer.singleShot(0, fill)
    page.accounts_box.add_account()
    qtbot.waitUntil(lambda: page.accounts_box.table.rowCount() == 2, timeout=BUSY)
    assert {a.name: a.role for a in list_accounts(session)} == {
        "beheer": "beheerder",
        "kassa": "medewerker",
    }
