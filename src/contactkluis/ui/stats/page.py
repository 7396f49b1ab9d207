"""The statistics page: choose who and how to count, see the protected table and a chart.

Counting runs on ctx.tasks with its own read-only connection (the main connection is not
shared between threads); writing the file and its audit entry happen on the main thread.
The page holds the per-person records of the last population between recounts and drops
them, with every table, when the vault locks.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.dimensions import DIMENSIONS, Dim, Language, dimension
from contactkluis.domain.disclosure import K_DEFAULT, K_MAX, K_MIN, SUPPRESSED, PublishedTable
from contactkluis.domain.messages import current_language, localized
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import stats, stats_releases
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog, MessageBox
from contactkluis.ui.stats.model import PublishedTableModel

MAX_CHART_SERIES = 12
# Distinct, colour-blind-friendly and dark enough on white (Okabe-Ito and Tol's muted).
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#332288",
    "#999933",
    "#882255",
    "#44AA99",
    "#117733",
    "#AA4499",
)


def _dimension_choices(
    purposes: dict[str, Any], lang: Language, consent: str
) -> list[tuple[str, str]]:
    """(label, dimension) pairs; `consent` is the translated 'Toestemming: %1' pattern."""
    out: list[tuple[str, str]] = []
    for key, spec in DIMENSIONS.items():
        if key == "consent":
            for code, purpose in purposes.items():
                label = getattr(purpose, f"label_{lang}", code) or code
                out.append((consent.replace("%1", label), f"consent:{code}"))
        else:
            out.append((localized(spec.label_nl, spec.label_en), key))
    return out


class StatsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._result: stats.StatsResult | None = None
        self._building = False
        self._stale = False  # counts wanted once the page is shown
        self._build()
        ctx.locked.connect(self.clear)
        ctx.unlocked.connect(self.reload)
        ctx.data_changed.connect(self._data_changed)
        if ctx.session is not None:
            self.reload()
        else:
            self.clear()

    def _lang(self) -> Language:
        return cast(Language, current_language())

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self._building = True
        controls = QGroupBox(self.tr("Wat wilt u tellen?"))
        form = QFormLayout(controls)
        self.population = QComboBox()
        for option in stats.population_options():
            self.population.addItem(option.label(self._lang()), option.code)
        self.dim1 = QComboBox()
        self.dim2 = QComboBox()
        for combo in (self.population, self.dim1, self.dim2):
            combo.setMaximumWidth(420)
        form.addRow(self.tr("Wie"), self.population)
        form.addRow(self.tr("Indeling"), self.dim1)
        form.addRow(self.tr("Uitgesplitst naar"), self.dim2)

        self.by_k = QRadioButton(self.tr("Kleine aantallen afschermen, onder"))
        self.by_round = QRadioButton(self.tr("Alle aantallen afronden op 5"))
        self.by_k.setChecked(True)
        self._method_group = QButtonGroup(self)
        self._method_group.addButton(self.by_k)
        self._method_group.addButton(self.by_round)
        self.k = QSpinBox()
        self.k.setRange(K_MIN, K_MAX)
        self.k.setValue(K_DEFAULT)
        k_row = QHBoxLayout()
        k_row.addWidget(self.by_k)
        k_row.addWidget(self.k)
        k_row.addStretch(1)
        form.addRow(self.tr("Bescherming"), k_row)
        form.addRow("", self.by_round)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Exporteren…"))
        self.export_button.setToolTip(self.tr("Deze tabel opslaan als .xlsx of .csv"))
        self.standard_button = QPushButton(self.tr("Standaardset exporteren…"))
        self.standard_button.setToolTip(
            self.tr("Alle standaardtabellen voor een jaarverslag in één .xlsx-bestand")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.standard_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.status)

        self.model = PublishedTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        self.chart_note = QLabel()
        self.chart_note.setWordWrap(True)
        self.chart_note.setStyleSheet("color: palette(mid);")

        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.view)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_view, 1)
        chart_layout.addWidget(self.chart_note)
        centre.addWidget(chart_box)
        centre.setStretchFactor(0, 1)
        centre.setStretchFactor(1, 1)

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explanation.setFixedWidth(290)

        left = QVBoxLayout()
        left.addWidget(controls)
        left.addWidget(centre, 1)
        main = QHBoxLayout(self)
        main.addLayout(left, 1)
        main.addWidget(self.explanation)

        for combo in (self.population, self.dim1, self.dim2):
            combo.currentIndexChanged.connect(self.recount)
        self.k.valueChanged.connect(self.recount)
        self.by_k.toggled.connect(self._method_changed)
        self.export_button.clicked.connect(self.export_table)
        self.standard_button.clicked.connect(self.export_standard)
        self._building = False

    def _method_changed(self) -> None:
        self.k.setEnabled(self.by_k.isChecked())
        self.recount()

    # -- state ----------------------------------------------------------------------------

    def _fill_dimensions(self) -> None:
        session = self.ctx.session
        purposes = dict(session.purposes) if session is not None else {}
        self._building = True
        keep1, keep2 = self.dim1.currentData(), self.dim2.currentData()
        choices = _dimension_choices(purposes, self._lang(), self.tr("Toestemming: %1"))
        self.dim1.clear()
        self.dim2.clear()
        self.dim2.addItem(self.tr("(niet uitsplitsen)"), "")
        for label, name in choices:
            self.dim1.addItem(label, name)
            self.dim2.addItem(label, name)
        self.dim1.setCurrentIndex(max(self.dim1.findData(keep1 or "relation"), 0))
        self.dim2.setCurrentIndex(max(self.dim2.findData(keep2 or ""), 0))
        self._building = False

    def reload(self) -> None:
        """After unlocking: fresh choices, fresh counts."""
        self._fill_dimensions()
        allowed = self.ctx.session is not None and self.ctx.session.can(Permission.STATS)
        for w in (self.population, self.dim1, self.dim2, self.by_k, self.by_round, self.k):
            w.setEnabled(allowed)
        self.k.setEnabled(allowed and self.by_k.isChecked())
        if not allowed:
            self.status.setText(self.tr("Uw rol mag geen tellingen maken."))
            return
        self._recount_when_shown()

    def _recount_when_shown(self) -> None:
        # Counting after a big import writes the new people's count rows first (seconds at
        # 100,000): done when the page is looked at, not at every unlock while the contacts load.
        if self.isVisible():
            self.recount()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.ctx.session is not None:
            self._stale = False
            self.recount()

    def clear(self) -> None:
        """Lock: drop every table, chart and record, and ignore work still under way."""
        self._stale = False
        self._generation += 1
        self._result = None
        self.model.clear()
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle("")
        self.chart_note.clear()
        self.status.clear()
        self.explanation.setText(self._explanation(None))
        self.export_button.setEnabled(False)
        self.standard_button.setEnabled(False)

    def _data_changed(self) -> None:
        if self.ctx.session is not None:
            self._recount_when_shown()

    def population_choice(self) -> stats.Population:
        return stats.Population.parse(str(self.population.currentData() or "all"))

    def dims_choice(self) -> list[Dim]:
        session = self.ctx.unlocked_session
        names = [str(self.dim1.currentData() or "relation")]
        second = str(self.dim2.currentData() or "")
        if second and second != names[0]:
            names.append(second)
        return [dimension(n, session.purposes) for n in names]

    def method_choice(self) -> tuple[int, int | None]:
        return self.k.value(), (None if self.by_k.isChecked() else 5)

    # -- counting -------------------------------------------------------------------------

    def recount(self) -> None:
        if self._building:
            return
        self._run([self.dims_choice()], self._show)

    def _run(
        self,
        dim_sets: Sequence[Sequence[Dim]],
        on_done: Callable[[stats.StatsResult], None],
    ) -> None:
        session = self.ctx.session
        if session is None:
            return
        try:
            session.require(Permission.STATS)
        except UserError as err:
            self.status.setText(err.message())
            return
        self._generation += 1
        generation = self._generation
        population = self.population_choice()
        floor = stats.institution_k(session)
        if self.k.minimum() != floor:  # the beheerder's k is the lowest a user may pick
            blocked = self.k.blockSignals(True)
            self.k.setMinimum(floor)
            self.k.blockSignals(blocked)
        k, rounding = self.method_choice()
        vault = session.vault
        purposes = list(session.purposes)
        reference: date = session.today()
        try:  # a frozen period gives its published figures; otherwise protect with the
            # earlier releases of the period (read here, on the session's connection)
            frozen = stats.frozen_result(session, dim_sets, population, k, rounding)
            earlier = stats_releases.earlier_releases(session)
        except UserError as err:
            self.status.setText(err.message())
            return
        if frozen is not None:
            on_done(frozen)
            return
        self.status.setText(self.tr("Bezig met tellen…"))
        self.export_button.setEnabled(False)
        self.standard_button.setEnabled(False)

        def work(_token: object, _progress: object) -> stats.StatsResult:
            conn = vault.connect()  # the worker's own: counting may write the count table
            try:
                counted = stats.counts_on(
                    conn,
                    population,
                    dim_sets,
                    purposes=purposes,
                    reference=reference,
                    writable=not vault.read_only,
                )
            finally:
                conn.close()
            return stats.compute_from_profiles(
                *counted,
                dim_sets,
                population=population,
                reference=reference,
                k=k,
                rounding=rounding,
                earlier=earlier,
            )

        def done(result: stats.StatsResult) -> None:
            if generation != self._generation or self.ctx.session is not session:
                return  # locked or asked again meanwhile: a stale answer is dropped
            self.status.clear()
            self.export_button.setEnabled(True)
            self.standard_button.setEnabled(True)
            on_done(result)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            text = (
                exc.message()
                if isinstance(exc, UserError)
                else self.tr("Tellen is mislukt (%1).").replace("%1", type(exc).__name__)
            )
            self.status.setText(text)

        self.ctx.tasks.run(work, done, failed)

    def _show(self, result: stats.StatsResult) -> None:
        self._result = result
        table = result.tables[0]
        self.model.set_table(table, result.meta.k, self._lang())
        self._draw_chart(table, result.meta.k)
        self.explanation.setText(self._explanation(table))

    def _draw_chart(self, table: PublishedTable, k: int) -> None:
        lang = self._lang()
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QBarSeries()
        columns: list[tuple[str, str | None]]
        if table.col_dim is None:
            columns = [("", None)]
        else:
            columns = [(table.col_dim.value_label(c, lang), c) for c in table.col_labels]
        hidden = False
        top = 0.0
        for n, (label, col) in enumerate(columns[:MAX_CHART_SERIES]):
            bar = QBarSet(label or self.tr("Aantal"))
            bar.setColor(QColor(PALETTE[n % len(PALETTE)]))
            bar.setBorderColor(QColor(PALETTE[n % len(PALETTE)]))
            for r in table.row_labels:
                value = table.row_totals[r] if col is None else table.cells[(r, col)]
                hidden |= value is SUPPRESSED
                shown = 0.0 if value is SUPPRESSED else float(value)
                top = max(top, shown)
                bar.append(shown)
            series.append(bar)
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([table.row_dim.value_label(r, lang) for r in table.row_labels])
        axis_x.setLabelsAngle(-45 if len(table.row_labels) > 8 else 0)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        # An explicit range: left to itself Qt Charts computes NaN for an all-zero or
        # not yet laid-out chart and prints "Ignored NaN" warnings.
        axis_y.setRange(0, max(1.0, top))
        axis_y.applyNiceNumbers()
        self.chart.legend().setVisible(table.col_dim is not None)
        title = table.row_dim.label(lang)
        if table.col_dim is not None:
            title += f" × {table.col_dim.label(lang)}"
        self.chart.setTitle(title)
        notes = []
        if hidden:
            notes.append(
                self.tr(
                    "Afgeschermde aantallen (x) zijn weggelaten: hun staven ontbreken in de "
                    "grafiek."
                )
            )
        if len(columns) > MAX_CHART_SERIES:
            notes.append(self.tr("De grafiek toont de eerste 12 kolommen; de tabel toont alle."))
        self.chart_note.setText(" ".join(notes))

    def _explanation(self, table: PublishedTable | None) -> str:
        method = html.escape(table.method.describe(self._lang())) if table is not None else ""
        intro = self.tr(
            "Hier maakt u tellingen voor een jaarverslag of een subsidiegever. Elke persoon telt "
            "één keer per waarde die op hem of haar van toepassing is: wie vriend én donateur is, "
            "telt bij beide mee, dus het totaal kan groter zijn dan het aantal personen. Wie een "
            "gegeven mist, telt onder 'onbekend'. Contacten met een beperking van de verwerking "
            "tellen niet mee."
        )
        privacy = self.tr(
            "De tabel en het exportbestand bevatten alleen aantallen: geen namen, adressen, "
            "e-mailadressen of andere gegevens over één persoon. U kunt alleen alle contacten of "
            "één soort relatie kiezen, niet een zelfgekozen selectie: zo kan een tabel nooit over "
            "een handvol mensen gaan."
        )
        heading = self.tr("Hoe komen deze cijfers tot stand?")
        protection = self.tr("Bescherming")
        parts = [f"<h3>{html.escape(heading)}</h3>", f"<p>{html.escape(intro)}</p>"]
        if method:
            parts.append(f"<p><b>{html.escape(protection)}</b><br>{method}</p>")
        parts.append(f"<p>{html.escape(privacy)}</p>")
        return "".join(parts)

    # -- export ---------------------------------------------------------------------------

    def export_table(self) -> None:
        if self._result is None:
            return
        path = FileDialog.save_file(
            self,
            self.tr("Tabel exporteren"),
            "tellingen.xlsx",
            self.tr("Excel-werkmap (*.xlsx);;CSV, puntkomma's (*.csv)"),
        )
        if path:
            self._save(Path(path), self._result)

    def export_standard(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        path = FileDialog.save_file(
            self,
            self.tr("Standaardset exporteren"),
            "jaarverslag-tellingen.xlsx",
            self.tr("Excel-werkmap (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        shown = self._result
        dim_sets = stats.standard_tables(stats.marketing_purposes(session))
        # The standard set is counted afresh; the table on screen stays as it was.
        self._run(dim_sets, lambda result: self._after_standard(target, result, shown))

    def _after_standard(
        self, target: Path, result: stats.StatsResult, shown: stats.StatsResult | None
    ) -> None:
        self._result = shown
        self._save(target, result)

    def _save(self, path: Path, result: stats.StatsResult) -> None:
        session = self.ctx.session
        if session is None:
            return
        try:
            stats.save(session, path, result)
        except UserError as err:
            MessageBox.warning(self, self.tr("Exporteren"), err.message())
            return
        self.status.setText(self.tr("Opgeslagen: %1").replace("%1", path.name))
