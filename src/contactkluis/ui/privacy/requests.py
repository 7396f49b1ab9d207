"""The register of data-subject requests: deadlines at a glance, and the actions on them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text, format_date, localized
from contactkluis.domain.requests import IDENTITY_REQUIRED, RequestKind, Urgency
from contactkluis.domain.roles import Permission
from contactkluis.services import access, erasure, listing, requests
from contactkluis.services.requests import StoredRequest
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, FileDialog, MessageBox
from contactkluis.ui.privacy.common import StalePage
from contactkluis.ui.privacy.request_dialogs import AddRequestDialog, CloseRequestDialog

URGENCY_BG = {Urgency.OVERDUE: QColor("#f9dedc"), Urgency.DUE_SOON: QColor("#fff1c2")}
ACCESS_KINDS = (RequestKind.ACCESS, RequestKind.PORTABILITY)


class RequestsPage(StalePage):
    """Signals: open_contacts(ids) asks the shell to show the contact of a request."""

    open_contacts = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[StoredRequest] = []
        self._stale = True
        #: tests and scripts may replace the dialog factories (like MessageBox presets)
        self.make_add_dialog = AddRequestDialog
        self.make_close_dialog = CloseRequestDialog

        title = QLabel(self.tr("Verzoeken van betrokkenen"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "Inzage, correctie, verwijdering, bezwaar: antwoord binnen een"
                " maand na ontvangst; verlengen met twee maanden kan één keer,"
                " met een reden, binnen die eerste maand."
            )
        )
        intro.setWordWrap(True)
        self.show_closed = QCheckBox(self.tr("Ook afgesloten verzoeken tonen"))
        self.show_closed.toggled.connect(self.refresh)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nr."),
                self.tr("Soort"),
                self.tr("Contact"),
                self.tr("Ontvangen"),
                self.tr("Uiterlijk"),
                self.tr("Status"),
                self.tr("Identiteit"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _i: self.open_contact())

        self.add_button = QPushButton(self.tr("Nieuw verzoek…"))
        self.add_button.clicked.connect(self.add_request)
        self.close_button = QPushButton(self.tr("Afsluiten…"))
        self.close_button.clicked.connect(self.close_selected)
        self.access_button = QPushButton(self.tr("Inzage-export maken…"))
        self.access_button.clicked.connect(lambda: self.access_export())
        self.erase_button = QPushButton(self.tr("Gegevens wissen…"))
        self.erase_button.clicked.connect(self.erase)
        # Extending happens once per request at most, and a double-click opens the contact:
        # both wait under "Meer", so the row fits a window of about 1000 px.
        more = QMenu(self)
        self.extend_action = more.addAction(self.tr("Verlengen…"))
        self.extend_action.triggered.connect(lambda: self.extend())
        self.contact_action = more.addAction(self.tr("Contact openen"))
        self.contact_action.triggered.connect(self.open_contact)
        self.more_button = QPushButton(self.tr("Meer"))
        self.more_button.setObjectName("requestsMore")
        self.more_button.setMenu(more)
        self.message = QLabel()
        self.message.setWordWrap(True)

        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.show_closed, 0, Qt.AlignmentFlag.AlignBottom)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.close_button,
            self.access_button,
            self.erase_button,
            self.more_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self.follow_vault()
        self._update_actions()

    # -- list -----------------------------------------------------------------------------

    def clear(self) -> None:
        self.items = []
        self.table.setRowCount(0)
        self.message.clear()
        self._stale = True
        self._update_actions()

    def refresh(self) -> None:
        session = self.ctx.session
        if session is None or not session.can(Permission.REQUESTS):
            self.clear()
            return
        selected = self.selected()
        self._stale = False
        self.items = requests.list_requests(session, open_only=not self.show_closed.isChecked())
        names = {
            r.id: r.name
            for r in listing.rows(
                session, [s.contact_id for s in self.items if s.contact_id is not None]
            )
        }
        today = session.today()
        status_text = {
            "open": self.tr("open"),
            "verlengd": self.tr("verlengd"),
            "afgehandeld": self.tr("afgehandeld"),
            "afgewezen": self.tr("afgewezen"),
        }
        self.table.setRowCount(len(self.items))
        for row, stored in enumerate(self.items):
            urgency = stored.urgency(today)
            deadline = format_date(stored.deadline)
            if urgency is not None:
                days = (stored.deadline - today).days
                deadline += (
                    "  ("
                    + (
                        self.tr("%n dag(en) te laat", "", -days)
                        if days < 0
                        else self.tr("nog %n dag(en)", "", days)
                    )
                    + ")"
                )
            cid = stored.contact_id
            contact = f"#{cid}  {names.get(cid, '')}".strip() if cid is not None else "—"
            values = [
                str(stored.id),
                localized(stored.kind.label_nl, stored.kind.label_en),
                contact,
                format_date(stored.request.received),
                deadline,
                status_text.get(str(stored.status), str(stored.status)),
                self.tr("gecontroleerd")
                if stored.request.identity_checked
                else self.tr("nog niet"),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, stored.id)
                if urgency in URGENCY_BG:
                    item.setBackground(QBrush(URGENCY_BG[urgency]))
                if urgency is Urgency.OVERDUE:
                    item.setForeground(QBrush(QColor("#b3261e")))
                elif urgency is None:
                    item.setForeground(QBrush(QColor("#777777")))
                self.table.setItem(row, column, item)
        if selected is not None:
            self.select(selected.id)
        self._update_actions()

    def select(self, request_id: int) -> None:
        for row, stored in enumerate(self.items):
            if stored.id == request_id:
                self.table.selectRow(row)
                return

    def selected(self) -> StoredRequest | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _update_actions(self) -> None:
        session = self.ctx.session
        stored = self.selected()
        is_open = stored is not None and stored.request.is_open
        has_contact = stored is not None and stored.contact_id is not None
        self.add_button.setEnabled(session is not None)
        self.extend_action.setEnabled(
            is_open and stored is not None and not stored.request.extended
        )
        self.close_button.setEnabled(is_open)
        self.contact_action.setEnabled(has_contact)
        may_access = session is not None and session.can(Permission.ACCESS_EXPORT)
        may_erase = session is not None and session.can(Permission.ERASE)
        self.access_button.setEnabled(
            may_access
            and is_open
            and has_contact
            and stored is not None
            and stored.kind in ACCESS_KINDS
        )
        self.access_button.setToolTip(
            "" if may_access else self.tr("Alleen een beheerder kan een inzage-export maken")
        )
        self.erase_button.setEnabled(
            may_erase
            and is_open
            and has_contact
            and stored is not None
            and stored.kind is RequestKind.ERASURE
        )
        self.erase_button.setToolTip(
            "" if may_erase else self.tr("Alleen een beheerder kan gegevens wissen")
        )

    # -- actions --------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def _error(self, exc: BaseException) -> None:
        MessageBox.warning(self, self.tr("Niet gelukt"), error_text(exc))

    def add_request(self) -> int | None:
        session = self.ctx.session
        if session is None:
            return None
        dialog = self.make_add_dialog(session, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.request_id is None:
            return None
        self.ctx.data_changed.emit()  # an open request holds a record against clean-up
        name = dialog.picker.person_name() if dialog.picker.contact_id() is not None else ""
        text = (
            self.tr("Verzoek %1 is geregistreerd voor %2.").replace("%2", name)
            if name
            else self.tr("Verzoek %1 is geregistreerd zonder contact.")
        )
        self._done(text.replace("%1", str(dialog.request_id)))
        self.select(dialog.request_id)
        return dialog.request_id

    def extend(self, reason: str | None = None) -> bool:
        stored, session = self.selected(), self.ctx.session
        if stored is None or session is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Termijn verlengen"),
                self.tr("Waarom is meer tijd nodig? Deze reden moet u de persoon ook laten weten."),
            )
            if not ok:
                return False
        try:
            deadline = requests.extend_request(session, stored.id, reason)
        except Exception as exc:
            self._error(exc)
            return False
        self._done(
            self.tr("Verzoek %1 is verlengd tot %2.")
            .replace("%1", str(stored.id))
            .replace("%2", format_date(deadline))
        )
        return True

    def close_selected(self) -> bool:
        stored, session = self.selected(), self.ctx.session
        if stored is None or session is None:
            return False
        dialog = self.make_close_dialog(session, stored, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.ctx.data_changed.emit()
        self._done(self.tr("Verzoek %1 is afgesloten.").replace("%1", str(stored.id)))
        return True

    def _identity_ok(self, stored: StoredRequest) -> bool:
        """Giving out or erasing data for the wrong person harms the real one: ask first."""
        if stored.kind not in IDENTITY_REQUIRED or stored.request.identity_checked:
            return True
        answer = MessageBox.question(
            self,
            self.tr("Identiteit"),
            self.tr(
                "De identiteit van de verzoeker is nog niet gecontroleerd. Is die nu vastgesteld?"
            ),
        )
        if answer != Button.Yes:
            return False
        try:
            requests.mark_identity_checked(self.ctx.unlocked_session, stored.id)
        except Exception as exc:
            self._error(exc)
            return False
        return True

    def access_export(self, folder: str | None = None) -> list[Path]:
        stored, session = self.selected(), self.ctx.session
        if stored is None or session is None or stored.contact_id is None:
            return []
        if not self._identity_ok(stored):
            return []
        if folder is None:
            folder = FileDialog.directory(self, self.tr("Map voor de inzage-export"), "")
        if not folder:
            return []
        try:
            result = access.export_access(session, [stored.contact_id], Path(folder))
        except Exception as exc:
            self._error(exc)
            return []
        names = ", ".join(p.name for p in result.files)
        MessageBox.information(
            self,
            self.tr("Inzage-export gemaakt"),
            self.tr(
                "Geschreven in '%1': %2.\n\nStuur de bestanden via een beveiligde weg en verwijder"
                " daarna uw eigen kopie. Sluit het verzoek af als het is verstuurd."
            )
            .replace("%1", Path(folder).name)
            .replace("%2", names),
        )
        self._done(self.tr("Inzage-export voor verzoek %1 gemaakt.").replace("%1", str(stored.id)))
        return list(result.files)

    def erasure_text(self, stored: StoredRequest) -> str:
        return self.tr(
            "Contact #%1 wordt definitief gewist:\n\n"
            "• naam, adres, e-mailadressen, telefoonnummers, notities, toestemmingen,"
            " relaties en herkomst verdwijnen uit de kluis en uit de zoekindex;\n"
            "• van de e-mailadressen en telefoonnummers blijft alleen een onleesbare"
            " vingerafdruk op de verwijderlijst, zodat een latere import de persoon niet"
            " opnieuw toevoegt;\n"
            "• het verzoek zelf blijft in het register staan, zonder persoonsgegevens;\n"
            "• dit kan niet ongedaan worden gemaakt (ook niet door een beheerder).\n\n"
            "Let op: oude back-ups bevatten de persoon nog tot ze verlopen.\n\n"
            "Doorgaan?"
        ).replace("%1", self._who(stored.contact_id))

    def _who(self, contact_id: int | None) -> str:
        """'12 (Anouk Dekker)': an erasure names the person, not only a number."""
        session = self.ctx.session
        rows = listing.rows(session, [contact_id]) if session and contact_id is not None else []
        return f"{contact_id} ({rows[0].name})" if rows else str(contact_id)

    def erase(self) -> bool:
        stored, session = self.selected(), self.ctx.session
        if stored is None or session is None or stored.contact_id is None:
            return False
        if not session.can(Permission.ERASE):
            MessageBox.warning(
                self,
                self.tr("Niet toegestaan"),
                self.tr("Alleen een beheerder kan gegevens wissen."),
            )
            return False
        if not self._identity_ok(stored):
            return False
        answer = MessageBox.question(self, self.tr("Gegevens wissen"), self.erasure_text(stored))
        if answer != Button.Yes:
            return False
        try:
            erasure.erase(session, [stored.contact_id], request_id=stored.id)
        except Exception as exc:
            self._error(exc)
            return False
        self.ctx.data_changed.emit()
        self._done(
            self.tr(
                "Contact #%1 is gewist. Sluit het verzoek af en laat de persoon"
                " weten dat het is gebeurd."
            ).replace("%1", str(stored.contact_id))
        )
        return True

    def open_contact(self) -> None:
        stored = self.selected()
        if stored is not None and stored.contact_id is not None:
            self.open_contacts.emit([stored.contact_id])
