"""Small dialogs of the detail panel: record or withdraw consent, add a relation.

Both write through services.contacts, which checks the rules and audits.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.contact import ConsentStatus, Relation, RelationKind
from contactkluis.domain.messages import date_pattern, localized, speaker
from contactkluis.errors import UserError
from contactkluis.services import contacts as contact_service
from contactkluis.services.session import Session
from contactkluis.ui.contacts.texts import relation_label

_T: dict[str, tuple[str, str]] = {
    "give.title": ("Toestemming vastleggen", "Record consent"),
    "withdraw.title": ("Toestemming intrekken", "Withdraw consent"),
    "purpose": ("Doel", "Purpose"),
    "date": ("Datum", "Date"),
    "source": ("Bron (hoe gegeven)", "Source (how given)"),
    "evidence": ("Bewijs (kenmerk, formulier, e-mail)", "Evidence (reference, form, e-mail)"),
    "need_source": (
        "Leg vast hoe de toestemming is gegeven (bron of bewijs).",
        "Record how consent was given (source or evidence).",
    ),
    "relation.title": ("Relatie toevoegen", "Add relation"),
    "kind": ("Soort", "Kind"),
    "start": ("Begin", "Start"),
    "end": ("Einde", "End"),
    "has_end": ("Relatie is beëindigd", "Relation has ended"),
    "last": ("Laatste activiteit", "Last activity"),
    "ok": ("Vastleggen", "Record"),
}


_t = speaker(_T, "contacts.consent.")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _date_edit(parent: QWidget, today: date) -> QDateEdit:
    edit = QDateEdit(_qdate(today), parent)
    edit.setDisplayFormat(date_pattern())
    edit.setCalendarPopup(True)
    edit.setMaximumDate(_qdate(today))  # no statements about the future
    return edit


class ConsentDialog(QDialog):
    """Record consent given (source or evidence required) or its withdrawal."""

    def __init__(
        self,
        session: Session,
        contact_id: int,
        status: ConsentStatus,
        purpose: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.contact_id, self.status = session, contact_id, status
        giving = status is ConsentStatus.GIVEN
        self.setWindowTitle(_t("give.title" if giving else "withdraw.title"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        # Writing consent names whose consent it is, so nobody records it for the wrong person.
        stored = session.repo().get(contact_id)
        self.person = QLabel(stored.name.display() if stored is not None else "", self)
        self.person.setStyleSheet("font-weight: 600;")
        form.addRow(self.tr("Voor") + ":", self.person)
        self.purpose = QComboBox(self)
        for code, p in session.purposes.items():
            self.purpose.addItem(localized(p.label_nl, p.label_en), code)
        if purpose:
            self.purpose.setCurrentIndex(max(0, self.purpose.findData(purpose)))
        self.on = _date_edit(self, session.today())
        self.source = QLineEdit(self)
        self.evidence = QLineEdit(self)
        form.addRow(_t("purpose") + ":", self.purpose)
        form.addRow(_t("date") + ":", self.on)
        form.addRow(_t("source") + ":", self.source)
        form.addRow(_t("evidence") + ":", self.evidence)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_t("ok"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.source.textChanged.connect(self._check)
        self.evidence.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        needs = self.status is ConsentStatus.GIVEN
        ok = not needs or bool(self.source.text().strip() or self.evidence.text().strip())
        self.ok_button.setEnabled(ok)
        self.error.setText("" if ok else _t("need_source"))

    def save(self) -> None:
        try:
            contact_service.record_consent(
                self.session, self.contact_id, str(self.purpose.currentData()), self.status,
                _pydate(self.on.date()), self.source.text(), self.evidence.text(),
            )  # fmt: skip
        except UserError as exc:
            self.error.setText(exc.message())
            return
        self.accept()


class RelationDialog(QDialog):
    def __init__(self, session: Session, contact_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.contact_id = session, contact_id
        self.setWindowTitle(_t("relation.title"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.kind = QComboBox(self)
        for kind in RelationKind:
            self.kind.addItem(relation_label(str(kind)), str(kind))
        today = session.today()
        self.start = _date_edit(self, today)
        self.has_end = QCheckBox(_t("has_end"), self)
        self.end = _date_edit(self, today)
        self.end.setEnabled(False)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.last = _date_edit(self, today)
        self.source = QLineEdit(self)
        form.addRow(_t("kind") + ":", self.kind)
        form.addRow(_t("start") + ":", self.start)
        form.addRow("", self.has_end)
        form.addRow(_t("end") + ":", self.end)
        form.addRow(_t("last") + ":", self.last)
        form.addRow(_t("source") + ":", self.source)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#c62828;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        relation = Relation(
            RelationKind(self.kind.currentData()),
            start=_pydate(self.start.date()),
            end=_pydate(self.end.date()) if self.has_end.isChecked() else None,
            last_activity=_pydate(self.last.date()),
            source=self.source.text().strip(),
        )
        try:
            contact_service.add_relation(self.session, self.contact_id, relation)
        except UserError as exc:
            self.error.setText(exc.message())
            return
        self.accept()
