"""A published (protected) table as a Qt table model; it never holds a hidden count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from contactkluis.domain.crosstab import ONE_WAY_COL
from contactkluis.domain.dimensions import Language
from contactkluis.domain.disclosure import MARK, SUPPRESSED, Published, PublishedTable

Index = QModelIndex | QPersistentModelIndex


class PublishedTableModel(QAbstractTableModel):
    """Rows: the first dimension's values and 'Totaal'; columns: the second's and 'Totaal'."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: PublishedTable | None = None
        self._k = 5
        self._lang: Language = "nl"
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: PublishedTable | None, k: int, language: Language = "nl") -> None:
        self.beginResetModel()
        self._table, self._k, self._lang = table, k, language
        self.endResetModel()

    def clear(self) -> None:
        self.set_table(None, self._k)

    @property
    def table(self) -> PublishedTable | None:
        return self._table

    def _cols(self) -> tuple[str, ...]:
        t = self._table
        return () if t is None or t.col_dim is None else t.col_labels

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if self._table is None or parent.isValid() else len(self._table.row_labels) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if self._table is None or parent.isValid() else len(self._cols()) + 1

    def text(self, value: Published) -> str:
        return MARK if value is SUPPRESSED else str(value)

    def value(self, row: int, col: int) -> Published:
        t = self._table
        assert t is not None
        cols = self._cols()
        last_row, last_col = row == len(t.row_labels), col == len(cols)
        if t.col_dim is None:
            return t.grand_total if last_row else t.cells[(t.row_labels[row], ONE_WAY_COL)]
        if last_row and last_col:
            return t.grand_total
        if last_row:
            return t.col_totals[cols[col]]
        if last_col:
            return t.row_totals[t.row_labels[row]]
        return t.cells[(t.row_labels[row], cols[col])]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        t = self._table
        if t is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(self.value(row, col))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        is_total_col = t.col_dim is not None and col == len(self._cols())
        if role == Qt.ItemDataRole.FontRole and (row == len(t.row_labels) or is_total_col):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and self.value(row, col) is SUPPRESSED:
            return self.tr(
                "x = afgeschermd: een aantal onder %1, of een ander aantal (dat groot kan zijn) "
                "dat verborgen is zodat een klein aantal niet terug te rekenen is."
            ).replace("%1", str(self._k))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        t = self._table
        if t is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        total = self.tr("Totaal")
        if orientation == Qt.Orientation.Vertical:
            if section < len(t.row_labels):
                return t.row_dim.value_label(t.row_labels[section], self._lang)
            return total
        cols = self._cols()
        if t.col_dim is None:
            return self.tr("Aantal")
        if section < len(cols):
            return t.col_dim.value_label(cols[section], self._lang)
        return total
