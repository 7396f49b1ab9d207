"""Per file and sheet, what the import does, with the rows behind every number.

Used by the dry-run step and by the report: a tree of files, sheets and outcomes ("12 nieuwe
personen", "3 overgeslagen rijen"); choosing an outcome lists its rows (file / sheet / row,
and the reason where there is one) beside it. Everything comes from the ImportReport, so
nothing shown here is a cell's content.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import speaker
from contactkluis.services.import_plan import (
    OUTCOMES,
    ImportReport,
    SheetReport,
    outcome_count,
    outcome_sentence,
    reason_text,
)

_ROLE = Qt.ItemDataRole.UserRole
_t = speaker(
    {
        "header": (
            "Bestand, werkblad en wat de import doet",
            "File, sheet and what the import does",
        ),
        "choose": ("Kies een aantal om de rijen te zien.", "Choose a number to see its rows."),
        "skipped_sheet": ("{sheet}: overgeslagen ({reason})", "{sheet}: skipped ({reason})"),
        "behind": ("{what} in werkblad {sheet}:", "{what} in sheet {sheet}:"),
        "row": ("{file} / {sheet} / rij {row}", "{file} / {sheet} / row {row}"),
    },
    "import.outcomes.",
)


def row_reasons(report: ImportReport) -> dict[tuple[str, str, int], str]:
    """Why a row was skipped or not imported, by (file, sheet, row)."""
    return {(r.file, r.sheet, r.row): r.reason for r in (*report.skipped, *report.invalid)}


class OutcomeTree(QWidget):
    """The tree of outcomes and, beside it, the rows behind the chosen one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ImportReport | None = None
        self.reasons: dict[tuple[str, str, int], str] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_t("header")])
        self.tree.currentItemChanged.connect(self._chosen)
        self.tree.itemActivated.connect(self._chosen)
        self.rows_title = QLabel(_t("choose"))
        self.rows_title.setWordWrap(True)
        self.rows = QListWidget()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.rows_title)
        side_layout.addWidget(self.rows, 1)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.reasons = row_reasons(report)
        self.tree.clear()
        self.rows.clear()
        for f in report.files:
            top = QTreeWidgetItem([f.file if not f.error else f"{f.file}: {f.error}"])
            self.tree.addTopLevelItem(top)
            for sheet in f.sheets:
                top.addChild(self._sheet_item(f.file, sheet))
            # Expanded once in the tree: before that Qt ignores it.
            self.tree.expandItem(top)
            for i in range(top.childCount()):
                child = top.child(i)
                if child is not None:
                    self.tree.expandItem(child)

    def _sheet_item(self, file: str, sheet: SheetReport) -> QTreeWidgetItem:
        if sheet.skip_reason:
            reason = reason_text(sheet.skip_reason)
            return QTreeWidgetItem([_t("skipped_sheet", sheet=sheet.sheet, reason=reason)])
        item = QTreeWidgetItem([self.sheet_sentence(sheet)])
        item.setToolTip(0, item.text(0))
        for code in OUTCOMES:
            if not sheet.count(code):
                continue
            child = QTreeWidgetItem([outcome_count(sheet, code)])
            child.setData(0, _ROLE, (file, sheet.sheet, code))
            item.addChild(child)
        return item

    @staticmethod
    def sheet_sentence(sheet: SheetReport) -> str:
        """The sheet's name and, in words, everything the import does with it."""
        return f"{sheet.sheet}: {outcome_sentence(sheet).strip()}"

    def outcome_items(self) -> list[QTreeWidgetItem]:
        """Every clickable number, in the tree's order."""
        found: list[QTreeWidgetItem] = []
        pending = [self.tree.invisibleRootItem()]
        while pending:
            item = pending.pop(0)
            children = [c for i in range(item.childCount()) if (c := item.child(i)) is not None]
            pending.extend(children)
            found.extend(c for c in children if c.data(0, _ROLE))
        return found

    def _chosen(self, item: QTreeWidgetItem | None, _old: object = None) -> None:
        where = item.data(0, _ROLE) if item is not None else None
        if item is not None and not where and item.parent() is not None:
            # A sheet: its whole sentence, which the tree's one line may cut.
            self.rows_title.setText(item.text(0))
            self.rows.clear()
            return
        if not where or self.report is None:
            return
        file, sheet_name, code = where
        sheet = next(
            s
            for f in self.report.files
            if f.file == file
            for s in f.sheets
            if s.sheet == sheet_name
        )
        numbers = sheet.rows.get(code, [])
        self.rows_title.setText(_t("behind", what=outcome_count(sheet, code), sheet=sheet_name))
        self.rows.clear()
        for number in numbers:
            reason = self.reasons.get((file, sheet_name, number))
            text = _t("row", file=file, sheet=sheet_name, row=number)
            self.rows.addItem(f"{text} — {reason_text(reason)}" if reason else text)
