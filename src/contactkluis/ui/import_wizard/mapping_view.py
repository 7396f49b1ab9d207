"""The mapping step's editor for one sheet: header row, include, list kind and date, columns.

One row per spreadsheet column: its header, the target field (a combo), how the mapping
was found, three normalised sample values and the warnings for that column.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import date_pattern, localized
from contactkluis.services.import_plan import (
    DATE_SOURCES,
    ENCODINGS,
    FIELDS,
    KIND_LABELS,
    SENSITIVE,
    FilePlan,
    SheetPlan,
    reason_text,
    replan,
    reread,
    set_list_date,
    set_list_kind,
    set_target,
    sheet_mapping,
)
from contactkluis.ui.import_wizard.preview import SAMPLE_ROWS, preview_sheet

RED = QColor("#b3261e")
AMBER = QColor("#8a5a00")


class Col:
    HEADER = 0
    TARGET = 1
    BY = 2
    SAMPLE = 3  # SAMPLE .. SAMPLE + SAMPLE_ROWS - 1
    WARNINGS = 3 + SAMPLE_ROWS


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SheetEditor(QWidget):
    changed = Signal()  # the plan of the shown sheet was edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: FilePlan | None = None
        self.index = -1
        self._filling = False

        self.title = QLabel()
        self.title.setObjectName("sheetTitle")
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.skip_label = QLabel()
        self.skip_label.setWordWrap(True)
        self.skip_label.setStyleSheet("color: #8a5a00;")
        self.header_row = QSpinBox()
        self.header_row.setRange(0, 1_000_000)
        # 0: the sheet has no header row, its first row is a person.
        self.header_row.setSpecialValueText(self.tr("geen (eerste rij is een persoon)"))
        self.header_row.setToolTip(self.tr("De rij met de kolomnamen, zoals Excel hem nummert"))
        self.include = QCheckBox(self.tr("Dit werkblad importeren"))
        # What the list is: every kind the CLI's --mapping accepts, not only relation kinds
        # (an unsubscribe export or an ended-members sheet is not a relation of its own).
        self.list_kind = QComboBox()
        self.list_kind.setObjectName("listKindCombo")
        # The automatic choice names kind and reason: long. The combo keeps a sensible
        # width (the full text is its tooltip) so the sheet list beside it is not squeezed.
        self.list_kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.list_kind.setMinimumContentsLength(28)
        self.list_kind.addItem(self.tr("Automatisch"), None)
        for kind, label in KIND_LABELS.items():
            self.list_kind.addItem(localized(*label), str(kind))
        # The day the list was true dates its undated consents and ended memberships.
        self.list_date = QDateEdit()
        self.list_date.setObjectName("listDateEdit")
        self.list_date.setCalendarPopup(True)
        self.list_date.setDisplayFormat(date_pattern())
        self.list_date.setToolTip(
            self.tr("Op deze dag klopte de lijst; pas hem aan als de herkende datum niet klopt")
        )
        self.date_source = QLabel()
        self.date_source.setObjectName("listDateSource")
        self.date_source.setStyleSheet("color: #555555;")
        self.rows_label = QLabel()
        # How the values were read: the encoding chosen and a name column's order.
        self.reading_label = QLabel()
        self.reading_label.setObjectName("readingLabel")
        self.reading_label.setWordWrap(True)
        # A text file's encoding, detected; the user changes it when accents come out wrong.
        self.encoding = QComboBox()
        self.encoding.setObjectName("encodingCombo")
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.encoding.setToolTip(
            self.tr("Kies een andere tekenset als letters met accenten verkeerd worden getoond")
        )
        self.encoding_caption = QLabel(self.tr("Tekenset:"))

        top = QHBoxLayout()
        top.addWidget(self.include)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Kopregel in rij:")))
        top.addWidget(self.header_row)
        top.addSpacing(16)
        top.addWidget(self.rows_label)
        top.addSpacing(16)
        top.addWidget(self.encoding_caption)
        top.addWidget(self.encoding)
        top.addStretch(1)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("Soort lijst:")))
        kind_row.addWidget(self.list_kind)
        kind_row.addSpacing(16)
        kind_row.addWidget(QLabel(self.tr("Lijstdatum:")))
        kind_row.addWidget(self.list_date)
        kind_row.addWidget(self.date_source)
        kind_row.addStretch(1)

        self.table = QTableWidget(0, Col.WARNINGS + 1)
        labels = [self.tr("Kolom"), self.tr("Importeren als"), self.tr("Herkend aan")]
        labels += [self.tr("Voorbeeld %1").replace("%1", str(i + 1)) for i in range(SAMPLE_ROWS)]
        labels.append(self.tr("Waarschuwingen"))
        self.table.setHorizontalHeaderLabels(labels)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (Col.HEADER, 150),
            (Col.TARGET, 180),
            (Col.BY, 85),
            (Col.WARNINGS, 320),
        ):
            # Never narrower than its heading in this language ("Recognised by", "Herkend aan").
            item = self.table.horizontalHeaderItem(column)
            margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4
            title = header.fontMetrics().horizontalAdvance(item.text()) if item else 0
            self.table.setColumnWidth(column, max(width, title + margin))
        for i in range(SAMPLE_ROWS):
            self.table.setColumnWidth(Col.SAMPLE + i, 135)
        # Warnings before the samples: at 1280 px the red IBAN/BSN line was off-screen.
        header.moveSection(header.visualIndex(Col.WARNINGS), Col.SAMPLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addLayout(kind_row)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.skip_label)
        layout.addWidget(self.table, 1)

        self.include.toggled.connect(self._include_changed)
        self.header_row.editingFinished.connect(self._header_row_changed)
        self.list_kind.currentIndexChanged.connect(self._list_kind_changed)
        self.list_date.dateChanged.connect(self._list_date_changed)
        self.encoding.currentIndexChanged.connect(self._encoding_changed)
        self.setEnabled(False)

    # -- showing --------------------------------------------------------------------------

    def clear(self) -> None:
        self.loaded, self.index = None, -1
        self.table.setRowCount(0)
        self.title.clear()
        self.skip_label.clear()
        self.rows_label.clear()
        self.reading_label.clear()
        self.setEnabled(False)

    def show_sheet(self, loaded: FilePlan, index: int) -> None:
        self.loaded, self.index = loaded, index
        self.setEnabled(True)
        self.refresh()

    def _by_text(self, by: str) -> str:
        return {
            "header": self.tr("kolomnaam"),
            "content": self.tr("inhoud"),
            "user": self.tr("handmatig"),
        }.get(by, "—")

    def refresh(self) -> None:
        if self.loaded is None:
            return
        plan = self.loaded.sheets[self.index]
        table = plan.table
        self._filling = True
        self.title.setText(f"{self.loaded.name} — {plan.sheet}")
        # A sheet the reader skips (an "Uitleg" or empty sheet) is shown unticked and cannot
        # be ticked: ticked, it looked as if it would be imported.
        self.include.setChecked(plan.include and not table.skip_reason)
        self.include.setEnabled(not table.skip_reason)
        self.header_row.setValue(0 if table.headerless else table.header_row or 1)
        auto = self.tr("Automatisch (%1)").replace("%1", _detected(plan))
        self.list_kind.setItemText(0, auto)
        self.list_kind.setToolTip(auto)
        self.list_kind.setCurrentIndex(max(0, self.list_kind.findData(plan.list_kind)))
        self._show_date()
        self.rows_label.setText(self.tr("%n rij(en) met gegevens", "", len(table.rows)))
        if table.skip_reason:
            self.skip_label.setText(
                self.tr("Dit werkblad wordt overgeslagen: %1").replace(
                    "%1", reason_text(table.skip_reason)
                )
            )
            self.skip_label.show()
        else:
            self.skip_label.hide()
        self._fill_table()
        self._show_reading()
        self._filling = False

    def _show_reading(self) -> None:
        assert self.loaded is not None
        plan = self.loaded.sheets[self.index]
        parts: list[str] = []
        if plan.encoding and plan.encoding_chosen:
            parts.append(self.tr("Tekenset: %1 (door u gekozen)").replace("%1", plan.encoding))
        elif plan.encoding:
            parts.append(self.tr("Tekenset: %1 (automatisch herkend)").replace("%1", plan.encoding))
        order = plan.name_order
        if order == "surname_first":
            parts.append(self.tr("Naamkolom: achternaam eerst (voor de hele kolom bepaald)"))
        elif order == "given_first":
            parts.append(self.tr("Naamkolom: voornaam eerst (voor de hele kolom bepaald)"))
        elif order == "uncertain":
            parts.append(
                self.tr("Naamkolom: volgorde niet zeker, voornaam eerst aangenomen — controleer")
            )
        self.reading_label.setText(" · ".join(parts))
        self.reading_label.setVisible(bool(parts))
        self.encoding_caption.setVisible(plan.encoding is not None)
        self.encoding.setVisible(plan.encoding is not None)
        if plan.encoding is not None:
            found = self.encoding.findData(plan.encoding)
            if found < 0:  # 'utf-8-sig', 'utf-16' as detected: shown as they are
                self.encoding.addItem(plan.encoding, plan.encoding)
                found = self.encoding.count() - 1
            self.encoding.setCurrentIndex(found)

    def _encoding_changed(self, _index: int) -> None:
        if self._filling or self.loaded is None:
            return
        chosen = self.encoding.currentData()
        plan = self.loaded.sheets[self.index]
        if not chosen or chosen == plan.encoding:
            return
        reread(self.loaded, str(chosen))
        if not self.loaded.sheets:  # the file no longer reads: nothing left to map
            self.clear()
        else:
            self.index = min(self.index, len(self.loaded.sheets) - 1)
            self.refresh()
        self.changed.emit()

    def _fill_table(self) -> None:
        """One row per column, with its target combo; then the texts (_update_rows)."""
        assert self.loaded is not None
        plan = self.loaded.sheets[self.index]
        self.table.setRowCount(0)
        self.table.setRowCount(len(plan.columns))
        for row, col in enumerate(plan.columns):
            head = (
                f"{column_letter(col.index)}  {col.header}"
                if col.header
                else (f"{column_letter(col.index)}  " + self.tr("(geen kolomnaam)"))
            )
            self.table.setItem(row, Col.HEADER, QTableWidgetItem(head))
            combo = QComboBox()
            combo.addItem(self.tr("niet importeren"), None)
            for key, pair in FIELDS.items():
                combo.addItem(localized(*pair), key)
            combo.currentIndexChanged.connect(
                lambda _i, r=row, c=combo: self._target_changed(r, c.currentData())
            )
            self.table.setCellWidget(row, Col.TARGET, combo)
        self._update_rows()

    def _update_rows(self) -> None:
        assert self.loaded is not None
        plan = self.loaded.sheets[self.index]
        previews = preview_sheet(plan)
        warn_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, (col, preview) in enumerate(zip(plan.columns, previews, strict=True)):
            combo = self.target_combo(row)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(col.field if col.imported else None)))
            combo.blockSignals(False)
            combo.setStyleSheet("color: #b3261e;" if col.field in SENSITIVE else "")
            self.table.setItem(row, Col.BY, QTableWidgetItem(self._by_text(col.by)))
            for i in range(SAMPLE_ROWS):
                sample = preview.samples[i] if i < len(preview.samples) else None
                item = QTableWidgetItem(sample.text if sample else "")
                if sample is not None and not sample.ok:
                    item.setIcon(warn_icon)
                    item.setToolTip(
                        self.tr(
                            "Deze waarde wordt niet herkend; hij wordt"
                            " bewaard zoals hij er staat of overgeslagen"
                        )
                    )
                if sample is not None and (sample.masked or not col.imported):
                    item.setForeground(QBrush(QColor("#777777")))
                self.table.setItem(row, Col.SAMPLE + i, item)
            texts = [w.text for w in preview.warnings]
            item = QTableWidgetItem("\n".join(texts))
            levels = {w.level for w in preview.warnings}
            if "error" in levels:
                item.setForeground(QBrush(RED))
                item.setIcon(warn_icon)
            elif "warning" in levels:
                item.setForeground(QBrush(AMBER))
                item.setIcon(warn_icon)
            item.setToolTip("\n".join(texts))
            self.table.setItem(row, Col.WARNINGS, item)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped warnings need the final column width to get their row height right.
        self.table.resizeRowsToContents()

    # -- editing --------------------------------------------------------------------------

    def target_combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, Col.TARGET)
        assert isinstance(widget, QComboBox)
        return widget

    def row_of_header(self, header: str) -> int:
        assert self.loaded is not None
        for row, col in enumerate(self.loaded.sheets[self.index].columns):
            if col.header == header:
                return row
        raise KeyError(header)

    def _target_changed(self, row: int, target: object) -> None:
        if self._filling or self.loaded is None:
            return
        set_target(self.loaded, self.index, row, str(target) if target else None)
        self._update_rows()
        self._show_reading()  # a name column chosen or dropped changes the name order
        self.changed.emit()

    def _include_changed(self, on: bool) -> None:
        if self._filling or self.loaded is None:
            return
        self.loaded.sheets[self.index].include = on
        self.changed.emit()

    def _show_date(self) -> None:
        assert self.loaded is not None
        ctx = self.loaded.sheets[self.index].context
        day = ctx.file_date
        self.list_date.setDate(QDate(day.year, day.month, day.day))
        source = DATE_SOURCES.get(ctx.date_source, (ctx.date_source,) * 2)
        self.date_source.setText(self.tr("bron: %1").replace("%1", localized(*source)))

    def _list_kind_changed(self, _index: int) -> None:
        if self._filling or self.loaded is None:
            return
        data = self.list_kind.currentData()
        set_list_kind(self.loaded, self.index, str(data) if data else None)
        self._update_rows()
        self.changed.emit()

    def _list_date_changed(self, value: QDate) -> None:
        if self._filling or self.loaded is None:
            return
        day = datetime.date(value.year(), value.month(), value.day())
        if day == self.loaded.sheets[self.index].context.file_date:
            return
        set_list_date(self.loaded, self.index, day)
        self._filling = True
        self._show_date()
        self._filling = False
        self.changed.emit()

    def set_header_row(self, number: int) -> None:
        """Re-locate the table below another header row (1-based, as in Excel)."""
        if self.loaded is None:
            return
        current = sheet_mapping(self.loaded, self.index)
        current.header_row = number
        current.columns = {}  # other headers: the old column choices no longer apply
        replan(self.loaded, self.index, current)
        self.refresh()
        self.changed.emit()

    def _header_row_changed(self) -> None:
        if self._filling or self.loaded is None:
            return
        table = self.loaded.sheets[self.index].table
        if self.header_row.value() != (0 if table.headerless else table.header_row):
            self.set_header_row(self.header_row.value())


def _detected(plan: SheetPlan) -> str:
    """What the list was concluded to be and why (its date has its own field beside it)."""
    ctx = plan.context
    verdict = ctx.detected
    if verdict is None:
        return localized(*KIND_LABELS[ctx.list_kind])
    return f"{localized(*KIND_LABELS[verdict.kind])}: {verdict.reason}"
