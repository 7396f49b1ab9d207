"""The contacts table: a model over an ordered id list with rows fetched lazily in blocks.

Like Anki's browser table, the model holds only ids; a row is read from the vault when the
view first asks for it, a block at a time, and a few blocks are cached. Sorting and
filtering happen in SQL (services.listing), never in a proxy over 100,000 rows.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from contactkluis.domain.messages import format_date
from contactkluis.services import listing
from contactkluis.services.session import Session
from contactkluis.ui.contacts.flags import FLAG_COLOURS, FLAG_SYMBOLS, flag_icon
from contactkluis.ui.contacts.texts import relation_label, t
from contactkluis.ui.tasks import TaskRunner

# About one screenful a block: the first paint after a new query or sort reads one block,
# and a page step while scrolling reads at most one, not twice what it shows.
BLOCK_SIZE = 25
MAX_BLOCKS = 8  # 200 rows cached
_MISSING = object()
WARM_AFTER_MS = 1000
_SCANS_BEFORE_INDEX = 8

ContactIdRole = Qt.ItemDataRole.UserRole + 1
RetentionRole = Qt.ItemDataRole.UserRole + 2  # 'ok' | 'soon' | 'expired'
FlagRole = Qt.ItemDataRole.UserRole + 3  # a ConsentFlag value in a purpose column

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    EMAIL = 1
    PHONE = 2
    POSTCODE = 3
    CITY = 4
    RELATIONS = 5
    RETENTION = 6
    SOURCES = 7
    UPDATED = 8


FIXED_COLUMNS = len(Column)

_SORT_KEYS: dict[Column, str] = {
    Column.NAME: "name",
    Column.EMAIL: "email",
    Column.PHONE: "phone",
    Column.POSTCODE: "postcode",
    Column.CITY: "city",
    Column.RELATIONS: "relations",
    Column.RETENTION: "retention",
    Column.SOURCES: "sources",
    Column.UPDATED: "updated",
}
_HEADER_KEYS: dict[Column, str] = {c: f"col.{k}" for c, k in _SORT_KEYS.items()}
RETENTION_COLOURS = {"ok": "#2e7d32", "soon": "#b26a00", "expired": "#c62828"}
_brushes: dict[str, QBrush] = {}


def _brush(colour: str) -> QBrush:
    """One brush per colour for every cell (data() is asked for it per cell and paint)."""
    brush = _brushes.get(colour)
    if brush is None:
        brush = _brushes[colour] = QBrush(QColor(colour))
    return brush


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def retention_text(row: listing.ContactRow) -> str:
    label = t(f"ret.{row.retention_status}")
    if row.retention_status != "ok" and row.retention_until:
        return f"{label} {format_date(row.retention_until)}"
    return label


def retention_tooltip(row: listing.ContactRow, reasons: tuple[str, ...]) -> str:
    head = (
        t("ret.until", date=format_date(row.retention_until))
        if row.retention_until
        else t("ret.open")
    )
    return "\n".join([head, *(f"• {r}" for r in reasons)])


def consent_tooltip(label: str, cell: listing.ConsentCell) -> str:
    parts = [t(f"flag.{cell.flag}")]
    if cell.flag == "reconfirm":
        parts.append(t("flag.legacy"))
    if cell.since:
        parts.append(t("flag.since", date=format_date(cell.since)))
    if cell.source:
        parts.append(t("flag.source", source=cell.source))
    return f"{label}: " + ", ".join(parts)


class ContactTableModel(QAbstractTableModel):
    reloaded = Signal()  # the id list changed (new query, sort or data)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._lister: listing.ContactLister | None = None
        self._tasks: TaskRunner | None = None
        self._generation = 0  # of the newest query; older answers are dropped
        self._then: list[Callable[[], None]] = []
        self.pending = False  # a background query has not answered yet
        self._ids: array[int] = array("q")
        self._row_of: dict[int, int] | None = None
        self._lookups = 0  # row_of() calls since the ids changed
        self._blocks: OrderedDict[int, dict[int, listing.ContactRow]] = OrderedDict()
        # (row, column) -> {role: value} for the cells painted from the cached blocks
        self._cells: dict[tuple[int, int], dict[int, Any]] = {}
        self._purposes: list[tuple[str, str]] = []
        self.query = listing.ContactQuery()
        self.fetch_log: list[int] = []  # block numbers read from the vault, for diagnostics
        # A second after the last answer, the orders of the other columns are walked on a
        # worker, so that a click on a header only reads a cached array.
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(WARM_AFTER_MS)
        self._warm_timer.timeout.connect(self._warm)

    # -- wiring ---------------------------------------------------------------------------

    def set_tasks(self, tasks: TaskRunner | None) -> None:
        """With a runner, set_query(..., background=True) runs on a worker thread."""
        self._tasks = tasks

    def set_session(self, session: Session | None) -> None:
        self._generation += 1
        self.pending = False
        self._then.clear()
        if self._lister is not None:
            self._lister.close()
            self._lister = None
        self.beginResetModel()
        self._session = session
        self._ids = array("q")
        self._row_of = None
        self._lookups = 0
        self._blocks.clear()
        self._cells.clear()
        if session is not None:
            self._purposes = listing.filter_values(session).purposes
            self._lister = listing.ContactLister(session)
        else:
            self._purposes = []
        self.endResetModel()
        if session is not None:
            self.reload()

    def clear(self) -> None:
        """Drop every id and cached row (the vault is locked)."""
        self.set_session(None)
        self.fetch_log.clear()

    @property
    def purposes(self) -> list[tuple[str, str]]:
        return list(self._purposes)

    def set_query(
        self,
        query: listing.ContactQuery,
        *,
        background: bool = False,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Show this query's contacts; `then` runs once they are in the model.

        In the background (when a task runner is set) the newest query wins: a running older
        one is interrupted and an older answer that still arrives is dropped.
        """
        self.query = query
        self.reload(background=background, then=then)

    def reload(self, *, background: bool = False, then: Callable[[], None] | None = None) -> None:
        """Run the query again (after a search, sort, filter or a change in the data)."""
        self._generation += 1
        generation = self._generation
        lister = self._lister
        if then is not None:
            self._then.append(then)
        if lister is None:
            self._apply(generation, array("q"))
            return
        self._warm_timer.stop()
        lister.interrupt()
        if not (background and self._tasks is not None):
            self._apply(generation, lister.find_ids(self.query))
            return
        query = self.query
        self.pending = True

        def work(_token: Any, _progress: Any) -> array[int] | None:
            if generation != self._generation:
                return None  # overtaken while it waited for a thread
            return lister.find_ids(query)

        self._tasks.run(
            work,
            lambda ids: self._apply(generation, ids) if ids is not None else None,
            lambda exc: self._failed(generation, exc),
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or isinstance(exc, listing.Interrupted):
            return
        self.pending = False
        self._then.clear()
        raise exc

    def _alive(self) -> bool:
        return self._session is not None and self._session.vault.conn is not None

    def _apply(self, generation: int, ids: array[int]) -> None:
        if generation != self._generation or (len(ids) and not self._alive()):
            return
        self.pending = False
        self.beginResetModel()
        self._blocks.clear()
        self._cells.clear()
        self._row_of = None
        self._lookups = 0
        self._ids = ids
        self.endResetModel()
        if self._tasks is not None:
            self._warm_timer.start()
        self.reloaded.emit()
        callbacks, self._then = self._then, []
        for callback in callbacks:
            callback()

    def _warm(self) -> None:
        lister = self._lister
        if lister is None or self._tasks is None or self.pending:
            return
        sorts = [*_SORT_KEYS.values(), *(f"consent:{c}" for c, _l in self._purposes)]
        # Only a head start: a fault in the vault shows in the user's own next query.
        shown = (self.query.sort, self.query.descending)
        self._tasks.run(
            lambda _token, _progress: lister.warm(sorts, shown), None, lambda _exc: None
        )

    def warmed(self) -> set[str]:
        """The sort keys whose order is walked ahead of a click (see _warm)."""
        return self._lister.warmed() if self._lister is not None else set()

    def total(self) -> int:
        """Every contact in the vault (for 'n of total'), cached until the data changes."""
        return self._lister.total() if self._lister is not None else 0

    # -- ids ------------------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        """A copy, in table order (the model itself keeps a compact array)."""
        return self._ids.tolist()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, contact_id: int) -> int | None:
        if self._row_of is None:
            # Keeping a selection across a keystroke looks up one or two ids: a scan of the
            # array in C, not a dictionary of 100,000 rows built for it.
            self._lookups += 1
            if self._lookups <= _SCANS_BEFORE_INDEX:
                try:
                    return self._ids.index(contact_id)
                except ValueError:
                    return None
            self._row_of = {cid: n for n, cid in enumerate(self._ids)}
        return self._row_of.get(contact_id)

    def cached_rows(self) -> int:
        return sum(len(b) for b in self._blocks.values())

    def row_data(self, row: int) -> listing.ContactRow | None:
        if not (0 <= row < len(self._ids) and self._alive()):
            return None
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch(number)
        else:
            self._blocks.move_to_end(number)
        return block.get(row)

    def _fetch(self, number: int) -> dict[int, listing.ContactRow]:
        assert self._session is not None
        start = number * BLOCK_SIZE
        ids = self._ids[start : start + BLOCK_SIZE].tolist()
        by_id = {r.id: r for r in listing.rows(self._session, ids, consent_events=False)}
        block = {start + n: by_id[i] for n, i in enumerate(ids) if i in by_id}
        self._blocks[number] = block
        self.fetch_log.append(number)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
            self._cells.clear()  # a few hundred cells, rebuilt from the blocks still cached
        return block

    # -- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self._purposes)

    def purpose_of(self, column: int) -> tuple[str, str] | None:
        n = column - FIXED_COLUMNS
        return self._purposes[n] if 0 <= n < len(self._purposes) else None

    def column_of_purpose(self, code: str) -> int | None:
        for n, (c, _label) in enumerate(self._purposes):
            if c == code:
                return FIXED_COLUMNS + n
        return None

    def sort_key(self, column: int) -> str:
        purpose = self.purpose_of(column)
        if purpose:
            return f"consent:{purpose[0]}"
        return _SORT_KEYS[Column(column)]

    def column_for_sort(self, key: str) -> int:
        if key.startswith("consent:"):
            return self.column_of_purpose(key[len("consent:") :]) or 0
        for column, k in _SORT_KEYS.items():
            if k == key:
                return int(column)
        return 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        purpose = self.purpose_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if purpose:
                return purpose[1]
            return t(_HEADER_KEYS[Column(section)]) if section < FIXED_COLUMNS else None
        if role == Qt.ItemDataRole.ToolTipRole and purpose:
            return f"{t('f.consent')}: {purpose[1]}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or column >= self.columnCount():
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = self.sort_key(column)
        if key == self.query.sort and descending == self.query.descending and self._ids:
            return
        from dataclasses import replace

        self.set_query(replace(self.query, sort=key, descending=descending), background=True)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked about ten times per cell per paint (Qt's item view asks every role): after
        # the first ask, a cell's values are a dictionary lookup.
        if not index.isValid():
            return None
        r, column = index.row(), index.column()
        if role == ContactIdRole:
            return self.id_at(r)
        cell = self._cells.get((r, column))
        if cell is None:
            row = self.row_data(r) if role in _ROLES else None
            if row is None:
                return None
            cell = self._cells[(r, column)] = self._cell(row, column)
        value = cell.get(role, _MISSING)
        if value is not _MISSING:
            return value
        if role in _LAZY_ROLES and (row := self.row_data(r)) is not None:
            value = cell[role] = self._lazy(row, column, role)
            return value
        return None

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a paint asks for a cell in one call (Qt's default asks data() once per
        role: seven calls into Python per cell)."""
        if not index.isValid():
            return
        key = (index.row(), index.column())
        cell = self._cells.get(key)
        if cell is None:
            self.data(index)  # reads the row and makes the cell
            cell = self._cells.get(key, {})
        items: Iterable[QModelRoleData] = (
            [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan  # type: ignore[assignment]
        )
        for item in items:
            role = item.role()
            value = cell.get(role, _MISSING)
            if value is _MISSING:
                value = self.data(index, role) if role in _ASKED_ROLES else None
            item.setData(value)

    def _cell(self, row: listing.ContactRow, column: int) -> dict[int, Any]:
        """What a paint asks for: text, icon, colour, font, alignment and the sort roles.
        Tooltips and accessible texts are made when asked (see _lazy)."""
        display = Qt.ItemDataRole.DisplayRole
        purpose = self.purpose_of(column)
        if purpose:
            flag = row.consent(purpose[0]).flag
            return {
                display: FLAG_SYMBOLS[flag],
                Qt.ItemDataRole.DecorationRole: flag_icon(flag),
                Qt.ItemDataRole.ForegroundRole: _brush(FLAG_COLOURS[flag]),
                FlagRole: flag,
                Qt.ItemDataRole.TextAlignmentRole: _FLAG_ALIGNMENT,
            }
        col = Column(column)
        cell: dict[int, Any] = {display: self._display(row, col)}
        if row.restricted:
            cell[Qt.ItemDataRole.ForegroundRole] = _brush("#6b6b6b")
        if col is Column.RETENTION:
            cell[RetentionRole] = row.retention_status
            colour = RETENTION_COLOURS.get(row.retention_status, "#555555")
            cell[Qt.ItemDataRole.ForegroundRole] = _brush(colour)
        elif col is Column.NAME and row.restricted:
            # An icon, not an emoji: not every desktop has a font with U+1F512.
            from contactkluis.ui.widgets.icons import icon

            cell[Qt.ItemDataRole.DecorationRole] = icon("lock")
            cell[Qt.ItemDataRole.FontRole] = _italic()
        return cell

    def _lazy(self, row: listing.ContactRow, column: int, role: int) -> Any:
        purpose = self.purpose_of(column)
        if purpose:
            cell = row.consent(purpose[0])
            if role == Qt.ItemDataRole.ToolTipRole and self._session is not None:
                # the date and source behind the flag: read for this one person when asked
                full = listing.rows(self._session, [row.id])
                return consent_tooltip(purpose[1], full[0].consent(purpose[0]) if full else cell)
            return f"{purpose[1]}: {t('flag.' + cell.flag)}"  # AccessibleTextRole
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        if column == Column.RETENTION:
            # the reasons are derived for this one person when asked (the rows carry none)
            reasons = listing.retention_reasons(self._session, row.id) if self._session else ()
            return retention_tooltip(row, reasons)
        if column == Column.NAME:
            notes = [t("restricted.tip")] if row.restricted else []
            notes += [t("special.tip")] if row.special else []
            return "\n".join(notes) or None
        return None

    def _display(self, row: listing.ContactRow, column: Column) -> str:
        if column is Column.NAME:
            marks = "⚠ " if row.special else ""
            return marks + (row.name or "—")
        if column is Column.EMAIL:
            more = f" (+{row.email_count - 1})" if row.email_count > 1 else ""
            return row.email + more
        if column is Column.RETENTION:
            return retention_text(row)
        values = {
            Column.PHONE: row.phone,
            Column.POSTCODE: row.postcode,
            Column.CITY: row.city,
            Column.RELATIONS: ", ".join(relation_label(k) for k in row.relation_kinds),
            Column.SOURCES: ", ".join(row.source_files),
            Column.UPDATED: row.updated,
        }
        return values.get(column, "")


_FLAG_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_LAZY_ROLES = frozenset({Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole})
_ASKED_ROLES = _LAZY_ROLES | {ContactIdRole}  # not in a cell's dictionary: ask data()
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.AccessibleTextRole,
        RetentionRole,
        FlagRole,
    }
)
