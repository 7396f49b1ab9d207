"""What the contacts table shows per cell, now that a cell's values are cached after the
first ask and the retention pill is a cached picture: the cache follows every new query,
sort and scroll, and the pill is still painted in its state's colours."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from contactkluis.domain.contact import Contact, PersonName
from contactkluis.services import contacts as contact_service
from contactkluis.ui.contacts.flags import PILL_COLOURS
from contactkluis.ui.contacts.model import Column, RetentionRole
from contactkluis.ui.contacts.page import ContactsPage
from tests.synthetic_contacts import populate

_D = Qt.ItemDataRole


@pytest.fixture
def page(qtbot, ctx, tmp_path) -> Iterator[ContactsPage]:  # type: ignore[no-untyped-def]
    populate(ctx.session, 400)
    aaron = Contact(name=PersonName("Aaron", None, None, "Aaaberg"))
    restricted = contact_service.create_contact(ctx.session, aaron)
    contact_service.set_flag(ctx.session, restricted, "restricted", True)
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    p = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(p)
    p.resize(1400, 700)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: p.model.rowCount() == 401)
    yield p


def _name(page: ContactsPage, row: int) -> str:
    return str(page.model.data(page.model.index(row, Column.NAME)))


def test_restricted_person_reads_italic_grey_with_a_lock(page) -> None:  # type: ignore[no-untyped-def]
    m = page.model
    assert _name(page, 0) == "Aaron Aaaberg"  # first by last name
    name = m.index(0, Column.NAME)
    assert m.data(name, _D.FontRole).italic()
    assert not m.data(name, _D.DecorationRole).isNull()
    assert "beperkt" in m.data(name, _D.ToolTipRole).lower()
    grey = QColor("#6b6b6b")
    assert m.data(m.index(0, Column.CITY), _D.ForegroundRole).color() == grey
    retention = m.index(0, Column.RETENTION)
    assert m.data(retention, _D.ForegroundRole).color() != grey  # the state's own colour
    other = m.index(1, Column.NAME)
    assert m.data(other, _D.FontRole) is None and m.data(other, _D.DecorationRole) is None
    assert m.data(m.index(1, Column.CITY), _D.ForegroundRole) is None


def test_cells_follow_a_new_sort_and_a_scroll_away_and_back(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    m = page.model
    first = _name(page, 0)
    page.table.sortByColumn(int(Column.NAME), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not m.pending and m.query.descending)
    assert _name(page, 0) == m.row_data(0).name and _name(page, 0) != first
    assert _name(page, m.rowCount() - 1) == m.row_data(m.rowCount() - 1).name
    for row in (0, 399, 200, 0):  # far enough to push the first blocks out of the cache
        page.table.scrollTo(m.index(row, 0))
        page.table.viewport().repaint()
        assert _name(page, row) == m.row_data(row).name
    page.search.setText("Aaaberg")
    page.apply_query()
    assert m.rowCount() == 1 and _name(page, 0) == "Aaron Aaaberg"


def test_retention_pill_painted_in_its_state_colour(page) -> None:  # type: ignore[no-untyped-def]
    m = page.model
    page.table.scrollTo(m.index(0, Column.RETENTION))
    image = page.table.viewport().grab().toImage()
    seen = set()
    for row in range(m.rowCount()):
        rect = page.table.visualRect(m.index(row, Column.RETENTION))
        if not rect.isValid() or rect.bottom() > image.height():
            break
        status = m.data(m.index(row, Column.RETENTION), RetentionRole)
        background = QColor(PILL_COLOURS[status][0])
        # inside the pill, left of its text: the state's background colour
        ratio = image.devicePixelRatio()
        x, y = int((rect.left() + 8) * ratio), int(rect.center().y() * ratio)
        if image.pixelColor(x, y) == background:
            seen.add(status)
    assert "ok" in seen and len(seen) >= 2


def test_idle_table_walks_every_column_order_and_sorts_from_it(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    from contactkluis.services import listing

    m = page.model
    purpose = m.column_of_purpose("nieuwsbrief")
    assert purpose is not None
    wanted = {"name", "city", "email", "retention", "consent:nieuwsbrief", "places:name"}
    qtbot.waitUntil(lambda: wanted <= m.warmed(), timeout=10000)
    for column, descending in ((Column.CITY, True), (Column.EMAIL, False), (purpose, True)):
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        page.table.sortByColumn(int(column), order)
        qtbot.waitUntil(lambda: not m.pending)
        assert m.ids == listing.find_ids(page.ctx.session, m.query)
        assert m.query.sort == m.sort_key(int(column)) and m.query.descending == descending


def test_row_of_finds_ids_by_scan_and_by_index_alike(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    m = page.model
    ids = m.ids
    probes = [ids[0], ids[200], ids[-1], -5] * 4  # past the first few lookups: an index
    assert [m.row_of(i) for i in probes] == [0, 200, 400, None] * 4
    page.table.sortByColumn(int(Column.NAME), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not m.pending and m.query.descending)
    assert m.row_of(ids[0]) == 400 and m.row_of(ids[-1]) == 0  # the new order's rows


def test_painting_asks_every_role_at_once_and_gets_what_data_gives(page) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    from contactkluis.ui.contacts.model import ContactIdRole, FlagRole

    m = page.model
    roles = [_D.DisplayRole, _D.DecorationRole, _D.ForegroundRole, _D.FontRole,
             _D.TextAlignmentRole, _D.ToolTipRole, _D.BackgroundRole, _D.CheckStateRole,
             RetentionRole, FlagRole, ContactIdRole]  # fmt: skip
    purpose = m.column_of_purpose("nieuwsbrief")
    for row in (0, 1, 250):
        for column in (Column.NAME, Column.CITY, Column.RETENTION, purpose):
            index = m.index(row, column)
            for role in roles:
                item = QModelRoleData(role)
                m.multiData(index, QModelRoleDataSpan(item))
                got, want = item.data(), m.data(index, role)
                if hasattr(want, "cacheKey"):  # an icon: the same picture
                    got, want = got.cacheKey(), want.cacheKey()
                assert got == want, (row, column, role)
    assert QModelRoleData(_D.DisplayRole).data() is None
    first = QModelRoleData(_D.DisplayRole)
    m.multiData(m.index(0, Column.NAME), QModelRoleDataSpan(first))
    assert first.data() == "Aaron Aaaberg"
