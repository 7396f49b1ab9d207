"""The contacts page on a real vault: lazy model, SQL sort, search, filters, flags,
copy, layout memory and the lock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTreeWidget

from contactkluis.domain.contact import Contact, PersonName
from contactkluis.services import accounts, listing
from contactkluis.services import contacts as contact_service
from contactkluis.ui.contacts import model as model_mod
from contactkluis.ui.contacts.model import Column, FlagRole, RetentionRole
from contactkluis.ui.contacts.page import ContactsPage
from tests.conftest import ADMIN, ADMIN_PW
from tests.synthetic_contacts import populate


@pytest.fixture
def settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def page(qtbot, ctx, settings) -> Iterator[ContactsPage]:  # type: ignore[no-untyped-def]
    populate(ctx.session, 300)
    p = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(p)
    p.resize(1400, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p


def _texts(widget) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for w in widget.findChildren(QLabel):
        out.append(w.text())
    for w in widget.findChildren(QLineEdit):
        out.append(w.text())
    for w in widget.findChildren(QComboBox):
        out += [w.itemText(i) for i in range(w.count())]
    for tree in widget.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            out += [item.text(c) for c in range(tree.columnCount())]
    for b in widget.findChildren(QAbstractButton):
        out.append(b.text())
    return out


def test_model_counts_every_contact_and_fetches_only_visible_blocks(page) -> None:  # type: ignore[no-untyped-def]
    m = page.model
    assert m.rowCount() == 300
    assert page.count_label.text() == "300 contacten"
    assert max(m.fetch_log) <= 1  # only the first screenful was read
    assert m.cached_rows() <= model_mod.BLOCK_SIZE * model_mod.MAX_BLOCKS
    page.table.scrollTo(m.index(260, 0))
    page.table.viewport().repaint()
    assert 260 // model_mod.BLOCK_SIZE in m.fetch_log
    assert m.cached_rows() <= model_mod.BLOCK_SIZE * model_mod.MAX_BLOCKS
    assert not set(range(2, 260 // model_mod.BLOCK_SIZE - 1)) & set(m.fetch_log)


def test_sort_by_name_ignores_tussenvoegsel_in_sql(qtbot, ctx, settings) -> None:  # type: ignore[no-untyped-def]
    for first, infix, last in [
        ("Piet", "van der", "Zee"),
        ("Anna", None, "Bakker"),
        ("Kees", "de", "Vries"),
        ("Bram", "van", "Aalst"),
    ]:
        contact_service.create_contact(
            ctx.session, Contact(name=PersonName(first, None, infix, last))
        )
    p = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(p)
    names = [p.model.data(p.model.index(r, Column.NAME)) for r in range(4)]
    assert names == ["Bram van Aalst", "Anna Bakker", "Kees de Vries", "Piet van der Zee"]
    p.table.sortByColumn(int(Column.NAME), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not p.model.pending)  # sorts run on a worker
    names = [p.model.data(p.model.index(r, Column.NAME)) for r in range(4)]
    assert names == ["Piet van der Zee", "Kees de Vries", "Anna Bakker", "Bram van Aalst"]
    assert p.model.query.sort == "name" and p.model.query.descending


def test_typing_in_search_narrows_rows(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    row = page.model.row_data(0)
    last = row.name.split()[-1]
    qtbot.keyClicks(page.search, last[:4])
    qtbot.waitUntil(lambda: page.model.rowCount() < 300)
    ids = page.model.ids
    assert row.id in ids
    assert page.count_label.text().endswith("van 300 contacten")
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 300)


def test_filters_narrow_rows(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    f = page.filters
    f.retention.setCurrentIndex(f.retention.findData("expired"))
    qtbot.waitUntil(lambda: not page.model.pending)
    assert 0 < page.model.rowCount() < 300
    rows = [page.model.row_data(r) for r in range(page.model.rowCount())]
    assert all(r.retention_status == "expired" for r in rows)
    f.reset()
    qtbot.waitUntil(lambda: page.model.rowCount() == 300)
    f.purpose.setCurrentIndex(f.purpose.findData("nieuwsbrief"))
    f.flag.setCurrentIndex(f.flag.findData("withdrawn"))
    qtbot.waitUntil(lambda: not page.model.pending and page.model.rowCount() < 300)
    col = page.model.column_of_purpose("nieuwsbrief")
    flags = {
        page.model.data(page.model.index(r, col), FlagRole) for r in range(page.model.rowCount())
    }
    assert flags == {"withdrawn"}


def test_flags_readable_without_colour(page) -> None:  # type: ignore[no-untyped-def]
    m = page.model
    col = m.column_of_purpose("nieuwsbrief")
    seen: dict[str, tuple[str, str]] = {}
    for r in range(m.rowCount()):
        index = m.index(r, col)
        flag = m.data(index, FlagRole)
        if flag not in seen:
            seen[flag] = (m.data(index), m.data(index, Qt.ItemDataRole.ToolTipRole))
            assert not m.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    assert seen["given"][0] == "✓" and "toestemming gegeven" in seen["given"][1]
    assert "sinds" in seen["given"][1] and "bron: aanmeldformulier" in seen["given"][1]
    assert seen["reconfirm"][0] == "?" and "te herbevestigen" in seen["reconfirm"][1]
    assert seen["withdrawn"][0] == "✗" and "ingetrokken" in seen["withdrawn"][1]
    assert seen["none"][0] == "–" and "geen toestemming" in seen["none"][1]
    statuses = {}
    for r in range(m.rowCount()):
        index = m.index(r, Column.RETENTION)
        statuses.setdefault(
            m.data(index, RetentionRole),
            (m.data(index), m.data(index, Qt.ItemDataRole.ToolTipRole)),
        )
    assert statuses["ok"][0] == "OK"
    assert statuses["soon"][0].startswith("Binnenkort ") and "Bewaren tot" in statuses["soon"][1]
    assert statuses["expired"][0].startswith("Verlopen ")
    assert "•" in statuses["expired"][1]


def test_copy_emails_of_selection_is_noted_for_the_lock(page, ctx) -> None:  # type: ignore[no-untyped-def]
    ids = page.model.ids[:3]
    page.select_ids(ids)
    assert page.selected_ids() == ids
    page.copy_button.click()
    assert ctx.clipboard_holds_copied()
    text = QGuiApplication.clipboard().text()
    assert text.split("; ") == [page.model.row_data(r).email for r in range(3)]


def test_layout_remembered_without_personal_data(qtbot, ctx, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    populate(ctx.session, 20)
    p = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(p)
    p.set_column_visible(int(Column.PHONE), False)
    p.table.sortByColumn(int(Column.CITY), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not p.model.pending)
    p.table.horizontalHeader().resizeSection(int(Column.EMAIL), 321)
    p.save_layout()
    city = p.model.row_data(0).city
    q = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(q)
    header = q.table.horizontalHeader()
    assert header.isSectionHidden(int(Column.PHONE))
    assert header.sectionSize(int(Column.EMAIL)) == 321
    assert q.model.query.sort == "city" and q.model.query.descending
    assert q.model.row_data(0).city == city
    raw = (tmp_path / "layout.ini").read_bytes()
    for r in range(20):
        row = q.model.row_data(r)
        assert row.email.encode() not in raw and row.name.split()[-1].encode() not in raw


def test_column_chooser_lists_every_column(page) -> None:  # type: ignore[no-untyped-def]
    menu = page.column_menu()
    actions = menu.actions()
    assert len(actions) == page.model.columnCount()
    assert not actions[Column.NAME].isEnabled()
    actions[Column.POSTCODE].setChecked(False)
    assert page.table.horizontalHeader().isSectionHidden(int(Column.POSTCODE))


def test_lock_clears_everything_and_unlock_restores(qtbot, page, ctx, vault_path) -> None:  # type: ignore[no-untyped-def]
    page.select_ids(page.model.ids[5:6])
    row = page.model.row_data(5)
    assert page.detail.contact is not None
    page.filters.retention.setCurrentIndex(page.filters.retention.findData("ok"))
    qtbot.waitUntil(lambda: not page.model.pending)
    page.select_ids([row.id])
    page.edit_contact()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    state = page.save_state()
    ctx.locked.emit()  # as the lock does: pages let go, then the vault closes
    ctx.close_session()
    assert page.model.rowCount() == 0 and page.model.cached_rows() == 0
    texts = "\n".join(_texts(page))
    assert row.name not in texts and row.email not in texts and row.city not in texts
    assert page.dialog is None and not dialog.isVisible()
    assert row.email not in "\n".join(_texts(dialog))
    ctx.open_session(accounts.unlock(vault_path, ADMIN, ADMIN_PW))
    ctx.unlocked.emit()
    page.restore_state(state)
    assert page.model.query.retention == frozenset({"ok"})
    assert page.selected_ids() == [row.id]


def test_background_queries_deliver_only_the_newest(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    m = page.model
    shown: list[int] = []
    m.reloaded.connect(lambda: shown.append(m.rowCount()))
    last = m.row_data(0).name.split()[-1]
    older = replace(m.query, text="example")  # everyone
    newest = replace(m.query, text=last)
    m.set_query(older, background=True)
    m.set_query(newest, background=True)
    assert m.pending
    qtbot.waitUntil(lambda: not m.pending)
    ctx_tasks_done = page.ctx.tasks.wait()
    assert ctx_tasks_done
    qtbot.wait(0)  # let any late signal of the older query arrive (it must be dropped)
    assert m.query == newest and shown == [m.rowCount()] and m.rowCount() < 300
    assert m.ids == listing.find_ids(page.ctx.session, newest)


def test_typing_fast_shows_the_last_text_and_keeps_the_selection(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    target = page.model.row_data(3)
    page.select_ids([target.id])
    last = target.name.split()[-1]
    for n in range(1, len(last) + 1):
        page.search.setText(last[:n])
        page.apply_query(background=True)  # as the debounce timer would, without waiting
    qtbot.waitUntil(lambda: not page.model.pending and page.model.query.text == last)
    assert target.id in page.model.ids and page.selected_ids() == [target.id]


def test_name_unknown_filter_lists_the_nameless_people_an_import_kept(
    qtbot, page, ctx, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from contactkluis.services.importing import import_files
    from contactkluis.services.review import nameless
    from tests.fixtures_exports import write_till_cp850

    till, _ = write_till_cp850(tmp_path)
    import_files(ctx.session, [till])
    ctx.data_changed.emit()
    qtbot.waitUntil(lambda: not page.model.pending and page.model.rowCount() == 303)
    f = page.filters
    f.nameless.setChecked(True)
    qtbot.waitUntil(lambda: not page.model.pending and page.model.rowCount() == 1)
    [person] = nameless(ctx.session)
    assert page.model.row_data(0).id == person.contact_id
    assert page.model.row_data(0).phone  # recognisable by the phone, there is no name
    page.grab().save(str(tmp_path / "nameless.png"))
    # Once someone fills in the name, the person leaves the review list.
    contact = contact_service.get_contact(ctx.session, person.contact_id)
    named = replace(contact, name=PersonName("Pim", None, None, "Kassa"))
    contact_service.update_contact(ctx.session, named)
    ctx.data_changed.emit()
    qtbot.waitUntil(lambda: not page.model.pending and page.model.rowCount() == 0)
    assert nameless(ctx.session) == []
    f.reset()
    assert not f.nameless.isChecked()
