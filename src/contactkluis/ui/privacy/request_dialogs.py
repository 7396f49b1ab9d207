"""Dialogs of the requests page: register a request, extend it, close it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import date_pattern, error_text, localized
from contactkluis.domain.requests import IDENTITY_REQUIRED, RequestKind
from contactkluis.services import listing, requests
from contactkluis.services.access import find_person
from contactkluis.services.listing import ContactQuery
from contactkluis.services.session import Session
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.widgets.search_line import SearchLine

MAX_MATCHES = 50


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ContactPicker(QWidget):
    """Find the person by name, e-mail address, phone number or '#id'.

    Nobody is picked for the user: Enter in the search field only searches, a single match
    is offered but counts as a guess (`explicit` stays False), and with several matches none
    is selected until the user clicks one or ticks "zonder contact".
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.explicit = False
        self._filling = False
        self.search = SearchLine()
        self.search.setPlaceholderText(self.tr("naam, e-mailadres, telefoon of #nummer"))
        self.search.search_requested.connect(self.look_up)
        find = QPushButton(self.tr("Zoeken"))
        find.setAutoDefault(False)
        find.clicked.connect(self.look_up)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(120)
        self.matches.currentItemChanged.connect(self._chosen)
        self.without = QCheckBox(self.tr("Zonder contact vastleggen"))
        self.without.toggled.connect(self._without_toggled)
        self.note = QLabel()
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(find)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.matches)
        layout.addWidget(self.without)
        layout.addWidget(self.note)

    def look_up(self) -> list[int]:
        text = self.search.text().strip()
        self._filling = True
        self.explicit = False
        self.matches.clear()
        try:
            if not text:
                self.note.setText("")
                return []
            ids = find_person(self.session, text)
            if not ids:
                ids = listing.find_ids(self.session, ContactQuery(text=text))[:MAX_MATCHES]
            for row in listing.rows(self.session, ids):
                label = f"#{row.id}  {row.name}"
                if row.email:
                    label += f"  <{row.email}>"
                if row.city:
                    label += f"  ({row.city})"
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, row.name)
                self.matches.addItem(item)
            count = self.matches.count()
            if count == 1:
                self.matches.setCurrentRow(0)
                self.note.setText("")
            elif count > 1:
                self.matches.setCurrentRow(-1)
                self.matches.clearSelection()
                self.note.setText(
                    self.tr("%n personen gevonden: klik op de juiste persoon.", "", count)
                )
            else:
                self.note.setText(
                    self.tr(
                        "Niemand gevonden. U kunt het verzoek ook zonder contact"
                        " vastleggen (bijvoorbeeld als u niets van de persoon"
                        " heeft)."
                    )
                )
            return ids
        finally:
            self._filling = False

    def _chosen(self, current: QListWidgetItem | None) -> None:
        if not self._filling and current is not None:
            self.explicit = True
            self.without.setChecked(False)

    def _without_toggled(self, checked: bool) -> None:
        if checked:
            self.explicit = True
            self.matches.setCurrentRow(-1)
            self.matches.clearSelection()
        self.matches.setEnabled(not checked)

    def contact_id(self) -> int | None:
        item = self.matches.currentItem()
        if self.without.isChecked() or item is None or not item.isSelected():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def person_name(self) -> str:
        item = self.matches.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole + 1)) if item is not None else ""

    def problem(self) -> str | None:
        """Why nothing can be saved yet, or None when a person (or nobody, explicitly) is chosen."""
        if self.without.isChecked() or self.contact_id() is not None:
            return None
        return self.tr(
            "Kies eerst de persoon in de lijst (klik erop), of vink"
            " “Zonder contact vastleggen” aan."
        )


class AddRequestDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.setWindowTitle(self.tr("Verzoek registreren"))
        self.kind = QComboBox()
        for kind in RequestKind:
            self.kind.addItem(localized(kind.label_nl, kind.label_en), str(kind))
        self.picker = ContactPicker(session)
        self.received = QDateEdit(to_qdate(session.today()))
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat(date_pattern())
        self.received.setMaximumDate(to_qdate(session.today()))
        self.identity = QCheckBox(self.tr("Identiteit van de verzoeker is gecontroleerd"))
        self.identity_hint = QLabel()
        self.identity_hint.setWordWrap(True)
        self.identity_hint.setStyleSheet("color: #555;")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("Hoe kwam het verzoek binnen? (geen kopie van een identiteitsbewijs bewaren)")
        )
        self.note.setMaximumHeight(70)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Soort verzoek"), self.kind)
        form.addRow(self.tr("Van wie"), self.picker)
        form.addRow(self.tr("Ontvangen op"), self.received)
        form.addRow("", self.identity)
        form.addRow("", self.identity_hint)
        form.addRow(self.tr("Notitie"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(520, 440)

    def _kind_changed(self) -> None:
        kind = RequestKind(self.kind.currentData())
        if kind in IDENTITY_REQUIRED:
            self.identity_hint.setText(
                self.tr(
                    "Voor dit soort verzoek moet de identiteit vaststaan voordat u het afhandelt."
                    " Vraag bijvoorbeeld om een reactie vanaf het bekende e-mailadres."
                )
            )
        else:
            self.identity_hint.setText("")

    def confirmed_person(self) -> bool:
        """Refuse without a choice; ask first when the person was only guessed (one match)."""
        problem = self.picker.problem()
        if problem is not None:
            self.error.setText(problem)
            return False
        if self.picker.explicit:
            return True
        question = self.tr("Het verzoek vastleggen voor %1?").replace(
            "%1", self.picker.person_name()
        )
        return MessageBox.question(self, self.windowTitle(), question) == Button.Yes

    def save(self) -> None:
        if not self.confirmed_person():
            return
        try:
            self.request_id = requests.add_request(
                self.session,
                str(self.kind.currentData()),
                contact_id=self.picker.contact_id(),
                received=to_date(self.received.date()),
                identity_checked=self.identity.isChecked(),
                note=self.note.toPlainText(),
            )
        except Exception as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class CloseRequestDialog(QDialog):
    """Close as handled (with what was done) or refuse (with the reason the person hears)."""

    def __init__(
        self, session: Session, stored: requests.StoredRequest, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.stored = stored
        self.setWindowTitle(self.tr("Verzoek %1 afsluiten").replace("%1", str(stored.id)))
        self.done_choice = QRadioButton(self.tr("Afgehandeld"))
        self.refuse_choice = QRadioButton(self.tr("Afgewezen"))
        self.done_choice.setChecked(True)
        self.identity = QCheckBox(self.tr("Identiteit van de verzoeker is gecontroleerd"))
        self.identity.setChecked(stored.request.identity_checked)
        self.identity.setEnabled(not stored.request.identity_checked)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Wat is er gedaan, of waarom wordt het afgewezen"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.done_choice)
        layout.addWidget(self.refuse_choice)
        layout.addWidget(self.identity)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        text = self.text.toPlainText()
        try:
            if self.refuse_choice.isChecked():
                requests.close_request(
                    self.session,
                    self.stored.id,
                    refuse_reason=text,
                    identity_checked=self.identity.isChecked(),
                )
            else:
                requests.close_request(
                    self.session,
                    self.stored.id,
                    outcome=text,
                    identity_checked=self.identity.isChecked(),
                )
        except Exception as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
