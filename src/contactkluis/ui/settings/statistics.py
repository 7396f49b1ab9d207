"""Settings → Tellingen: the institution's threshold k and frozen reporting periods.

The beheerder sets k (never below 5) and freezes or thaws a reporting period; everybody
else sees both read-only. The statistics page never lets a user go below this k.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from contactkluis.domain.disclosure import K_DEFAULT, K_MAX, K_MIN
from contactkluis.domain.messages import error_text
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import stats, stats_releases
from contactkluis.ui.context import AppContext


class StatsSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tellingen (anonieme aantallen)"), parent)
        self.ctx = ctx
        self.k = QSpinBox()
        self.k.setObjectName("institutionK")
        self.k.setRange(K_MIN, K_MAX)
        self.k.setValue(K_DEFAULT)
        self.save_k = QPushButton(self.tr("Drempel opslaan"))
        self.save_k.setObjectName("saveInstitutionK")
        self.save_k.clicked.connect(self.store_k)
        self.year = QSpinBox()
        self.year.setObjectName("freezeYear")
        self.year.setRange(2000, 2100)
        self.freeze = QPushButton(self.tr("Bevriezen"))
        self.freeze.setObjectName("freezePeriod")
        self.freeze.clicked.connect(lambda: self.set_frozen(True))
        self.thaw = QPushButton(self.tr("Ontdooien"))
        self.thaw.setObjectName("thawPeriod")
        self.thaw.clicked.connect(lambda: self.set_frozen(False))
        self.frozen = QLabel()
        self.frozen.setObjectName("frozenPeriods")
        self.status = QLabel()
        self.status.setObjectName("statsSettingsStatus")
        self.status.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Aantallen van 1 tot de drempel k worden in elke telling afgeschermd. Alleen de"
                " beheerder stelt k in (minstens 5); gebruikers kunnen een hogere k kiezen, geen"
                " lagere. In een bevroren peiljaar geeft een export de eerder gepubliceerde"
                " cijfers."
            )
        )
        note.setWordWrap(True)
        k_row, year_row = QHBoxLayout(), QHBoxLayout()
        k_row.addWidget(self.k)
        k_row.addWidget(self.save_k)
        k_row.addStretch(1)
        for w in (self.year, self.freeze, self.thaw):
            year_row.addWidget(w)
        year_row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Drempel k:"), k_row)
        form.addRow(self.tr("Peiljaar:"), year_row)
        form.addRow(self.tr("Bevroren:"), self.frozen)
        form.addRow(self.status)

    def reload(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        editable = session.can(Permission.MANAGE_POLICIES) and not session.vault.read_only
        self.k.setValue(stats.institution_k(session))
        self.year.setValue(session.today().year)
        for w in (self.k, self.save_k, self.year, self.freeze, self.thaw):
            w.setEnabled(editable)
        self._show_frozen()
        self.status.clear()

    def clear(self) -> None:
        self.frozen.clear()
        self.status.clear()

    def _show_frozen(self) -> None:
        session = self.ctx.session
        periods = stats_releases.frozen_periods(session) if session else set()
        self.frozen.setText(", ".join(map(str, sorted(periods))) or self.tr("geen"))

    def store_k(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        try:
            stats.set_institution_k(session, self.k.value())
        except UserError as err:
            self.status.setText(error_text(err))
            return
        self.status.setText(self.tr("Drempel opgeslagen."))

    def set_frozen(self, frozen: bool) -> None:
        session = self.ctx.session
        if session is None:
            return
        try:
            stats_releases.freeze_period(session, self.year.value(), frozen)
        except UserError as err:
            self.status.setText(error_text(err))
            return
        self._show_frozen()
