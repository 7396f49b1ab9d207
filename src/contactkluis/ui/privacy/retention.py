"""The retention review: the records past their retention period, and acting on them.

The preview and the action run the same check (services.retention), so the count in the
confirmation is the count acted on. Only a beheerder may act; others see the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text, format_date, localized
from contactkluis.domain.roles import Permission
from contactkluis.services import listing, retention
from contactkluis.services.retention import Action, Candidate
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.privacy.common import StalePage


class RetentionPage(StalePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.candidates: list[Candidate] = []
        self._stale = True

        title = QLabel(self.tr("Bewaartermijnen"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "Deze records zijn over hun bewaartermijn: er is geen doel meer dat bewaren"
                " rechtvaardigt. Anonimiseren houdt alleen grove, niet-herleidbare gegevens over"
                " voor de statistiek (postcodegebied, geboortedecennium, soort relatie en jaar);"
                " verwijderen wist het record helemaal. Een record met een open verzoek staat"
                " hier nooit tussen."
            )
        )
        intro.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nr."), self.tr("Naam"), self.tr("Bewaren tot"), self.tr("Waarom")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_actions)

        self.select_all_button = QPushButton(self.tr("Alles selecteren"))
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.refresh_button = QPushButton(self.tr("Vernieuwen"))
        self.refresh_button.clicked.connect(self.refresh)
        self.anonymise_button = QPushButton(self.tr("Anonimiseren…"))
        self.anonymise_button.clicked.connect(lambda: self.act(Action.ANONYMISE))
        self.delete_button = QPushButton(self.tr("Verwijderen…"))
        self.delete_button.clicked.connect(lambda: self.act(Action.DELETE))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_all_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.anonymise_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.follow_vault()
        self._update_actions()

    def clear(self) -> None:
        self.candidates = []
        self.table.setRowCount(0)
        self.count_label.clear()
        self.message.clear()
        self._stale = True
        self._update_actions()

    def refresh(self) -> None:
        session = self.ctx.session
        if session is None:
            self.clear()
            return
        try:
            self.candidates = retention.preview(session)
            names = {r.id: r.name for r in listing.rows(session, [c.id for c in self.candidates])}
        except Exception as exc:
            self.message.setText(error_text(exc))
            return
        self._stale = False
        self.table.setRowCount(len(self.candidates))
        for row, cand in enumerate(self.candidates):
            reasons = localized(cand.reasons_nl, cand.reasons_en)
            values = [
                str(cand.id),
                names.get(cand.id, ""),
                format_date(cand.until, empty="—"),
                "\n".join(reasons),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, cand.id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.count_label.setText(
            self.tr("%n record(s) over de bewaartermijn", "", len(self.candidates))
            if self.candidates
            else self.tr("Geen records over de bewaartermijn.")
        )
        self._update_actions()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.candidates[r].id for r in rows if r < len(self.candidates)]

    def _update_actions(self) -> None:
        session = self.ctx.session
        allowed = session is not None and session.can(Permission.RETENTION_APPLY)
        chosen = bool(self.selected_ids())
        self.select_all_button.setEnabled(bool(self.candidates))
        for button in (self.anonymise_button, self.delete_button):
            button.setEnabled(allowed and chosen)
            button.setToolTip(
                "" if allowed else self.tr("Alleen een beheerder kan verlopen records opschonen")
            )

    def confirmation_text(self, action: Action, count: int) -> str:
        if action is Action.ANONYMISE:
            return self.tr(
                "%n record(s) anonimiseren? Naam, adres, e-mail, telefoon, notities,"
                " toestemmingen en herkomst verdwijnen; alleen postcodegebied,"
                " geboortedecennium en soort relatie met jaar blijven voor de statistiek."
                " Dit kan niet ongedaan worden gemaakt.",
                "",
                count,
            )
        return self.tr(
            "%n record(s) definitief verwijderen? Er blijft niets van over, ook niet voor"
            " de statistiek. Dit kan niet ongedaan worden gemaakt.",
            "",
            count,
        )

    def act(self, action: Action) -> int:
        session = self.ctx.session
        ids = self.selected_ids()
        if session is None or not ids:
            return 0
        if not session.can(Permission.RETENTION_APPLY):
            MessageBox.warning(
                self,
                self.tr("Niet toegestaan"),
                self.tr("Alleen een beheerder kan verlopen records opschonen."),
            )
            return 0
        title = self.tr("Anonimiseren") if action is Action.ANONYMISE else self.tr("Verwijderen")
        if MessageBox.question(self, title, self.confirmation_text(action, len(ids))) != (
            Button.Yes
        ):
            return 0
        try:
            outcome = retention.apply(session, action, ids)
        except Exception as exc:
            MessageBox.warning(self, self.tr("Niet gelukt"), error_text(exc))
            return 0
        text = (
            self.tr("%n record(s) geanonimiseerd.", "", outcome.count)
            if action is Action.ANONYMISE
            else self.tr("%n record(s) verwijderd.", "", outcome.count)
        )
        if outcome.skipped:
            text += " " + self.tr(
                "%n record(s) overgeslagen: niet (meer) verlopen.", "", len(outcome.skipped)
            )
        self.ctx.data_changed.emit()
        self.refresh()
        self.message.setText(text)
        return outcome.count
