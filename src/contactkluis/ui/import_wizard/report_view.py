"""The last step: what the import did, what to review, and cleaning up the old files.

Everything shown here comes from the ImportReport, which names files, sheets, rows and
reason codes only; saving it as JSON therefore writes no personal data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
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

from contactkluis.services.import_plan import ImportReport, NearDuplicate, RowRef, reason_text
from contactkluis.ui.dialogs import FileDialog, MessageBox


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
        for table in (self.invalid, self.flagged, self.suppressed, self.duplicates, self.columns):
            table.setRowCount(0)
        self.headline.clear()
        self.file_list.clear()
        for box in self.checks:
            box.setChecked(False)

    def show_report(
        self, report: ImportReport, name_of: Callable[[int], str | None] | None = None
    ) -> None:
        """`name_of` gives a stored contact's name for the duplicates tab: the report itself
        holds only ids and row references."""
        self.report = report
        self.name_of = name_of
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
        self._duplicates(report.near_duplicates)
        self._columns(report)
        self.tabs.clear()
        self.tabs.addTab(
            self.invalid, self.tr("Niet geïmporteerd (%1)").replace("%1", str(len(report.invalid)))
        )
        self.tabs.addTab(
            self.flagged, self.tr("Gemarkeerd (%1)").replace("%1", str(len(report.flagged)))
        )
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

    def _rows(self, table: QTableWidget, refs: list[RowRef]) -> None:
        table.setRowCount(len(refs))
        for row, ref in enumerate(refs):
            for column, value in enumerate((ref.file, ref.sheet, str(ref.row), self._reason(ref))):
                table.setItem(row, column, QTableWidgetItem(value))

    def _ref_text(self, ref: str) -> str:
        cid = contact_id(ref)
        if cid is None:
            return ref
        name = self.name_of(cid) if self.name_of is not None else None
        return name or self.tr("contact %1").replace("%1", str(cid))

    def _duplicates(self, dups: list[NearDuplicate]) -> None:
        self.duplicates.setRowCount(len(dups))
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
            button = QPushButton(self.tr("Beide openen"))
            button.setEnabled(len(ids) == 2)
            button.clicked.connect(lambda _c=False, pair=ids: self.open_contacts.emit(pair))
            self.duplicates.setCellWidget(row, 4, button)

    def _columns(self, report: ImportReport) -> None:
        rows = [(f.file, c) for f in report.files for c in f.unmapped_columns]
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
