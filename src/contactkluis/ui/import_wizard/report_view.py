"""The last step: what the import did, what to review, and cleaning up the old files.

Everything shown here comes from the ImportReport, which names files, sheets, rows and
reason codes only; saving it as JSON therefore writes no personal data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import format_datetime, localized, speaker
from contactkluis.services.import_plan import (
    FIELDS,
    ImportReport,
    NearDuplicate,
    RowRef,
    reason_text,
)
from contactkluis.ui.dialogs import FileDialog, MessageBox
from contactkluis.ui.import_wizard.outcomes import OutcomeTree

_t = speaker(
    {
        "reopened": ("Verslag van de import van {when}", "Report of the import of {when}"),
        "warnings": ("Waarschuwingen ({n})", "Warnings ({n})"),
        "skipped": ("Overgeslagen ({n})", "Skipped ({n})"),
        "per_sheet": ("Per werkblad", "Per sheet"),
        "warnings_n": ("waarschuwingen", "warnings"),
        "file": ("Bestand", "File"),
        "sheet": ("Werkblad", "Sheet"),
        "row": ("Rij", "Row"),
        "column": ("Kolom", "Column"),
        "reason": ("Reden", "Reason"),
        "whole_sheet": ("hele werkblad", "whole sheet"),
        "where": (
            "Bestand {file}, werkblad {sheet}, rij {row}{column}: {reason}",
            "File {file}, sheet {sheet}, row {row}{column}: {reason}",
        ),
        "in_column": (", kolom {column}", ", column {column}"),
        "choose_row": (
            "Klik op een regel om te zien waar in het bestand het staat.",
            "Click a line to see where in the file it is.",
        ),
    },
    "import.report.",
)


def contact_id(ref: str) -> int | None:
    """'contact:12' -> 12; a row reference (not imported yet) -> None."""
    if ref.startswith("contact:") and ref[8:].isdigit():
        return int(ref[8:])
    return None


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def numbers_grid(pairs: list[tuple[str, int]], parent: QWidget | None = None) -> QGridLayout:
    grid = QGridLayout()
    for i, (label, value) in enumerate(pairs):
        number = QLabel(str(value))
        number.setObjectName(f"number{i}")
        number.setStyleSheet("font-size: 15pt; font-weight: 600;")
        grid.addWidget(number, i // 4 * 2, i % 4)
        grid.addWidget(QLabel(label), i // 4 * 2 + 1, i % 4)
    return grid


class ReportView(QWidget):
    open_contacts = Signal(list)  # contact ids to show side by side
    new_import = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ImportReport | None = None
        self.name_of: Callable[[int], str | None] | None = None
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.numbers = QWidget()
        self.tabs = QTabWidget()
        self.invalid = _table(
            [self.tr("Bestand"), self.tr("Werkblad"), self.tr("Rij"), self.tr("Reden")]
        )
        self.flagged = _table(
            [self.tr("Bestand"), self.tr("Werkblad"), self.tr("Rij"), self.tr("Wat")]
        )
        self.suppressed = _table(
            [self.tr("Bestand"), self.tr("Werkblad"), self.tr("Rij"), self.tr("Reden")]
        )
        self.duplicates = _table(
            [self.tr("Eerste"), self.tr("Tweede"), self.tr("Gelijkenis"), self.tr("Waarom"), ""]
        )
        self.columns = _table(
            [self.tr("Bestand"), self.tr("Werkblad"), self.tr("Kolom"), self.tr("Let op")]
        )
        where = [_t(k) for k in ("file", "sheet", "row", "column", "reason")]
        self.warnings = _table(where)
        self.skipped = _table([_t(k) for k in ("file", "sheet", "row", "reason")])
        self.per_sheet = OutcomeTree()
        self.row_detail = QLabel(_t("choose_row"))
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row_refs: dict[QTableWidget, list[RowRef]] = {}
        for table in (self.invalid, self.flagged, self.suppressed, self.warnings, self.skipped):
            table.currentCellChanged.connect(
                lambda row, _c, _r, _o, t=table: self._row_chosen(t, row)
            )
        self.duplicates.cellDoubleClicked.connect(self._open_pair)
        self._pairs: list[list[int]] = []
        self.cleanup = self._cleanup_tab()
        self.save_button = QPushButton(self.tr("Verslag opslaan (JSON)…"))
        self.save_button.clicked.connect(self.save_report)
        self.again_button = QPushButton(self.tr("Nieuwe import"))
        self.again_button.clicked.connect(self.new_import)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.numbers)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.row_detail)
        layout.addLayout(buttons)

    def _cleanup_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "De gegevens staan nu versleuteld in de kluis. De oude lijsten zijn dat niet:"
                " zolang er ergens een kopie bestaat, staan de persoonsgegevens nog onbeveiligd"
                " op straat."
                " Verwijder daarom de oude bestanden en al hun kopieën, en vink hieronder af wat u"
                ' heeft gedaan. Bewaar geen kopie "voor de zekerheid": de kluis heeft back-ups.'
            )
        )
        intro.setWordWrap(True)
        self.cleanup_intro = intro
        # The advice to delete the old lists waits for a verified backup: until then those
        # lists are the only other copy (services/backups.py, same state as the status bar).
        self.backup_needed = QLabel()
        self.backup_needed.setWordWrap(True)
        self.backup_needed.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.file_list = QLabel()
        self.file_list.setWordWrap(True)
        items = [
            self.tr("De geïmporteerde bestanden zelf verwijderd (zie de lijst hierboven)"),
            self.tr(
                "Oudere versies en kopieën ervan verwijderd (bijv. 'kopie van…', 'v2',"
                " back-upmappen)"
            ),
            self.tr(
                "E-mailbijlagen verwijderd: in verzonden én ontvangen berichten, ook bij collega's"
            ),
            self.tr("USB-sticks en externe schijven nagekeken en opgeschoond"),
            self.tr("Netwerkschijven en gedeelde mappen opgeschoond"),
            self.tr(
                "Cloudmappen (OneDrive, Dropbox, Google Drive) opgeschoond, inclusief"
                " hun prullenbak en versiegeschiedenis"
            ),
            self.tr("De prullenbak van deze computer geleegd"),
        ]
        self.checks = [QCheckBox(text) for text in items]
        self.check_state = QLabel()
        layout = QVBoxLayout(page)
        layout.addWidget(self.backup_needed)
        layout.addWidget(intro)
        layout.addWidget(self.file_list)
        for box in self.checks:
            box.toggled.connect(self._checks_changed)
            layout.addWidget(box)
        layout.addWidget(self.check_state)
        layout.addStretch(1)
        return page

    def _checks_changed(self) -> None:
        done = sum(box.isChecked() for box in self.checks)
        if done == len(self.checks):
            self.check_state.setText(self.tr("Alles afgevinkt. Goed gedaan."))
            self.check_state.setStyleSheet("color: #1b6e2a; font-weight: 600;")
        else:
            self.check_state.setText(
                self.tr("%1 van %2 afgevinkt")
                .replace("%1", str(done))
                .replace("%2", str(len(self.checks)))
            )
            self.check_state.setStyleSheet("")

    def show_backup_state(self, has_backup: bool) -> None:
        self.backup_needed.setVisible(not has_backup)
        self.backup_needed.setText(
            ""
            if has_backup
            else self.tr(
                "Er is nog geen back-up van de kluis. Maak eerst een back-up (Bestand →"
                " Back-up maken…); ruim pas daarna de oude bestanden op, want tot dan zijn"
                " zij de enige andere kopie."
            )
        )
        self.cleanup_intro.setVisible(has_backup)
        for box in self.checks:
            box.setEnabled(has_backup)

    # -- filling --------------------------------------------------------------------------

    def clear(self) -> None:
        self.report = None
        tables = (self.invalid, self.flagged, self.suppressed, self.duplicates, self.columns)
        for table in (*tables, self.warnings, self.skipped):
            table.setRowCount(0)
        self._row_refs.clear()
        self._pairs = []
        self.per_sheet.show_report(ImportReport(dry_run=False))
        self.row_detail.setText(_t("choose_row"))
        self.headline.clear()
        self.file_list.clear()
        for box in self.checks:
            box.setChecked(False)

    def show_report(
        self,
        report: ImportReport,
        name_of: Callable[[int], str | None] | None = None,
        when: str | None = None,
    ) -> None:
        """`name_of` gives a stored contact's name for the duplicates tab: the report itself
        holds only ids and row references. `when` (ISO) is set for a report reopened from
        the vault, shown instead of the just-finished headline."""
        self.report = report
        self.name_of = name_of
        if when:
            self.headline.setText(_t("reopened", when=format_datetime(when)))
        else:
            self.headline.setText(self.tr("De import is klaar. Alles is in één keer opgeslagen."))
        pairs = [
            (self.tr("nieuwe personen"), report.created),
            (self.tr("samengevoegde rijen"), report.merged),
            (self.tr("aangevulde bestaande contacten"), report.updated_existing),
            (self.tr("niet te importeren rijen"), len(report.invalid)),
            (self.tr("gemarkeerd (bijzondere gegevens)"), len(report.flagged)),
            (self.tr("onderdrukt (eerder gewist)"), report.suppressed),
            (self.tr("mogelijke dubbelen"), len(report.near_duplicates)),
            (self.tr("overgeslagen rijen en bladen"), len(report.skipped)),
            (_t("warnings_n"), len(report.warnings)),
        ]
        old = self.numbers
        self.numbers = QWidget()
        self.numbers.setLayout(numbers_grid(pairs))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.replaceWidget(old, self.numbers)
        old.deleteLater()
        self._rows(self.invalid, report.invalid)
        self._rows(self.flagged, report.flagged)
        self._rows(self.suppressed, report.suppressed_rows)
        self._rows(self.warnings, report.warnings, with_column=True)
        self._rows(self.skipped, report.skipped)
        self._duplicates(report.near_duplicates)
        self._columns(report)
        self.per_sheet.show_report(report)
        self.row_detail.setText(_t("choose_row"))
        self.tabs.clear()
        self.tabs.addTab(self.per_sheet, _t("per_sheet"))
        self.tabs.addTab(
            self.invalid, self.tr("Niet geïmporteerd (%1)").replace("%1", str(len(report.invalid)))
        )
        self.tabs.addTab(
            self.flagged, self.tr("Gemarkeerd (%1)").replace("%1", str(len(report.flagged)))
        )
        self.tabs.addTab(self.warnings, _t("warnings", n=len(report.warnings)))
        self.tabs.addTab(self.skipped, _t("skipped", n=len(report.skipped)))
        self.tabs.addTab(
            self.suppressed,
            self.tr("Onderdrukt (%1)").replace("%1", str(len(report.suppressed_rows))),
        )
        self.tabs.addTab(
            self.duplicates,
            self.tr("Mogelijke dubbelen (%1)").replace("%1", str(len(report.near_duplicates))),
        )
        self.tabs.addTab(
            self.columns,
            self.tr("Niet overgenomen kolommen (%1)").replace("%1", str(self.columns.rowCount())),
        )
        self.tabs.addTab(self.cleanup, self.tr("Oude bestanden opruimen"))
        # An empty list gets no tab (its zero is in the numbers above): the tabs that
        # matter fit the window's width instead of hiding behind scroll arrows.
        lists = (self.invalid, self.flagged, self.warnings, self.skipped, self.suppressed)
        for table in (*lists, self.duplicates, self.columns):
            self.tabs.setTabVisible(self.tabs.indexOf(table), table.rowCount() > 0)
        names = [f.file for f in report.files if not f.error]
        self.file_list.setText(
            self.tr("Geïmporteerde bestanden: %1").replace("%1", ", ".join(names))
        )
        self._checks_changed()

    def _reason(self, ref: RowRef) -> str:
        if ref.reason == "special_category":
            return self.tr("mogelijk bijzondere persoonsgegevens (%1)").replace("%1", ref.detail)
        text = reason_text(ref.reason)
        return f"{text} ({ref.detail})" if ref.detail else text

    def _column_of(self, ref: RowRef) -> str:
        """The header of the sheet's column that holds field `ref.detail` (a warning)."""
        assert self.report is not None
        for f in self.report.files:
            for sheet in f.sheets if f.file == ref.file else ():
                if sheet.sheet == ref.sheet:
                    header = next(
                        (h for h, fld in sheet.mapping.items() if fld == ref.detail), None
                    )
                    if header:
                        return header
        return localized(*FIELDS[ref.detail]) if ref.detail in FIELDS else ref.detail

    def _rows(self, table: QTableWidget, refs: list[RowRef], with_column: bool = False) -> None:
        self._row_refs[table] = refs
        table.setRowCount(len(refs))
        for row, ref in enumerate(refs):
            number = str(ref.row) if ref.row else _t("whole_sheet")
            values: tuple[str, ...]
            if with_column:
                values = (
                    ref.file,
                    ref.sheet,
                    number,
                    self._column_of(ref),
                    reason_text(ref.reason),
                )
            else:
                values = (ref.file, ref.sheet, number, self._reason(ref))
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))

    def _row_chosen(self, table: QTableWidget, row: int) -> None:
        refs = self._row_refs.get(table, [])
        if not 0 <= row < len(refs):
            return
        ref = refs[row]
        warning = table is self.warnings
        column = _t("in_column", column=self._column_of(ref)) if warning and ref.detail else ""
        reason = reason_text(ref.reason) if warning else self._reason(ref)
        number = str(ref.row) if ref.row else _t("whole_sheet")
        self.row_detail.setText(
            _t("where", file=ref.file, sheet=ref.sheet, row=number, column=column, reason=reason)
        )

    def _open_pair(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self._pairs) and len(self._pairs[row]) == 2:
            self.open_contacts.emit(self._pairs[row])

    def _ref_text(self, ref: str) -> str:
        cid = contact_id(ref)
        if cid is None:
            return ref
        name = self.name_of(cid) if self.name_of is not None else None
        return name or self.tr("contact %1").replace("%1", str(cid))

    def _duplicates(self, dups: list[NearDuplicate]) -> None:
        self.duplicates.setRowCount(len(dups))
        self._pairs = []
        reasons = {
            "similar_name_same_postcode": self.tr("lijkende naam, zelfde postcode"),
            "same_name_other_postcode": self.tr("zelfde naam, andere postcode"),
        }
        for row, dup in enumerate(dups):
            self.duplicates.setItem(row, 0, QTableWidgetItem(self._ref_text(dup.a)))
            self.duplicates.setItem(row, 1, QTableWidgetItem(self._ref_text(dup.b)))
            self.duplicates.setItem(row, 2, QTableWidgetItem(f"{dup.score:.0f}%"))
            reason = reasons.get(dup.reason) or reason_text(dup.reason)
            self.duplicates.setItem(row, 3, QTableWidgetItem(reason))
            ids = [i for i in (contact_id(dup.a), contact_id(dup.b)) if i is not None]
            self._pairs.append(ids)
            button = QPushButton(self.tr("Beide openen"))
            button.setEnabled(len(ids) == 2)
            button.clicked.connect(lambda _c=False, pair=ids: self.open_contacts.emit(pair))
            self.duplicates.setCellWidget(row, 4, button)

    def _columns(self, report: ImportReport) -> None:
        rows = [(f.file, c) for f in report.files for c in f.unmapped_columns]
        # Contact data or sensitive data left behind goes above the ordinary columns.
        rows.sort(key=lambda pair: pair[1].warning is None)
        self.columns.setRowCount(len(rows))
        for row, (file, col) in enumerate(rows):
            warning = reason_text(col.warning) if col.warning else ""
            values = (file, col.sheet, col.header or str(col.column), warning)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col.warning:
                    item.setForeground(QBrush(QColor("#b3261e")))
                self.columns.setItem(row, column, item)

    # -- saving ---------------------------------------------------------------------------

    def save_report(self) -> Path | None:
        if self.report is None:
            return None
        name = FileDialog.save_file(
            self,
            self.tr("Importverslag opslaan"),
            "importverslag.json",
            self.tr("JSON-bestanden (*.json)"),
        )
        if not name:
            return None
        path = Path(name)
        try:
            path.write_text(
                json.dumps(self.report.to_json(), ensure_ascii=False, indent=2), "utf-8"
            )
        except OSError:
            MessageBox.critical(
                self,
                self.tr("Opslaan mislukt"),
                self.tr("Het verslag kon niet worden opgeslagen in '%1'.").replace("%1", path.name),
            )
            return None
        return path
