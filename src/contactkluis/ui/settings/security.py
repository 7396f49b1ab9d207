"""Settings → Sleutels (beheerder): replace the vault's data key, make a new recovery key.

Replacing the key (rotation) re-encrypts the database with a new data key sealed for every
remaining slot. It cannot lock out a copy somebody already has: that copy still opens with
the old password. What it protects are the copies and backups made afterwards, which a
removed colleague's old password, old key file or extracted data key no longer opens.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text
from contactkluis.domain.roles import Permission
from contactkluis.services import accounts
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.widgets.recovery_key import RecoveryKeyView


class RecoveryKeyDialog(QDialog):
    """A new recovery key, shown once; Sluiten only after "stored" is ticked."""

    def __init__(self, key: str, institution: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe herstelsleutel"))
        explain = QLabel(
            self.tr(
                "Dit is de nieuwe herstelsleutel. Hij wordt maar één keer getoond: druk hem af of"
                " bewaar hem als PDF, en berg hem veilig op, niet op deze computer. Vernietig"
                " het papier met de oude herstelsleutel."
            )
        )
        explain.setWordWrap(True)
        self.view = RecoveryKeyView()
        self.view.set_key(key, institution)
        self.stored = QCheckBox(self.tr("Ik heb de herstelsleutel veilig opgeborgen"))
        self.stored.setObjectName("keyStored")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.stored.toggled.connect(self.close_button.setEnabled)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.view)
        layout.addWidget(self.stored)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def reject(self) -> None:
        """Escape or the window's close button: a key nobody stored rescues nobody, so ask."""
        if not self.stored.isChecked():
            answer = MessageBox.question(
                self,
                self.tr("Herstelsleutel"),
                self.tr(
                    "U ziet deze herstelsleutel daarna nooit meer, en de oude werkt niet meer."
                    " Toch sluiten?"
                ),
            )
            if answer != Button.Yes:
                return
        self.discard()

    def discard(self) -> None:
        """Close without asking (the vault locks): the key leaves the screen."""
        self.view.clear()
        super().reject()


class KeysSection(QGroupBox):
    """Sleutel vervangen… and Nieuwe herstelsleutel…, for a beheerder."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Sleutels"))
        self.ctx = ctx
        self.recovery_dialog: RecoveryKeyDialog | None = None
        note = QLabel(
            self.tr(
                "Vervang de sleutel nadat iemand met een kopie van het kluisbestand is vertrokken."
                " Maak een nieuwe herstelsleutel als de oude zoek is of bij de verkeerde persoon"
                " kan zijn."
            )
        )
        note.setWordWrap(True)
        self.rotate_button = QPushButton(self.tr("Sleutel vervangen…"))
        self.rotate_button.setObjectName("rotateKey")
        self.rotate_button.clicked.connect(lambda: self.rotate_key())
        self.recovery_button = QPushButton(self.tr("Nieuwe herstelsleutel…"))
        self.recovery_button.setObjectName("newRecoveryKey")
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.status = QLabel()
        self.status.setObjectName("keysStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)  # an empty line would only push the next section down
        row = QHBoxLayout()
        row.addWidget(self.rotate_button)
        row.addWidget(self.recovery_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def reload(self) -> None:
        session = self.ctx.session
        allowed = session is not None and session.can(Permission.ROTATE_KEY)
        self.setVisible(allowed)
        writable = session is not None and not session.vault.read_only
        for button in (self.rotate_button, self.recovery_button):
            button.setEnabled(writable)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def clear(self) -> None:
        self._set_status("")
        if self.recovery_dialog is not None:
            self.recovery_dialog.discard()
            self.recovery_dialog = None

    # -- data key ---------------------------------------------------------------------------

    def rotate_key(self) -> bool:
        """The button: the same rotation, with its own short explanation."""
        answer = MessageBox.question(
            self,
            self.tr("Sleutel vervangen"),
            self.tr(
                "De kluis wordt opnieuw versleuteld met een nieuwe sleutel. Doe dit na het vertrek"
                " van iemand die een kopie van het kluisbestand kan hebben: kopieën en back-ups"
                " van ná dit moment gaan dan niet open met een oud wachtwoord of een oude kopie"
                " van het sleutelbestand. Een kopie die al bestaat, blijft met de oude"
                " wachtwoorden te openen.\n\n"
                "De wachtwoorden en de herstelsleutel blijven gelijk. Doorgaan?"
            ),
        )
        return answer == Button.Yes and self._rotate()

    def _rotate(self) -> bool:
        """On the main thread with a busy cursor: PRAGMA rekey needs the shared connection
        to itself, and a small vault is re-encrypted in well under a second."""
        session = self.ctx.session
        if session is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            accounts.rotate_key(session)
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            MessageBox.warning(self, self.tr("Sleutel niet vervangen"), error_text(exc))
            return False
        QApplication.restoreOverrideCursor()
        self._set_status(self.tr("De sleutel is vervangen."))
        MessageBox.information(
            self,
            self.tr("Sleutel vervangen"),
            self.tr(
                "De kluis heeft een nieuwe sleutel. Maak nu een nieuwe back-up: oudere back-ups"
                " gaan nog open met de wachtwoorden en de herstelsleutel van toen.\n\n"
                "Kende iemand die niet meer bij de kluis mag de herstelsleutel? Maak dan ook een"
                " nieuwe herstelsleutel."
            ),
        )
        return True

    # -- recovery key -----------------------------------------------------------------------

    def new_recovery_key(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        answer = MessageBox.question(
            self,
            self.tr("Nieuwe herstelsleutel"),
            self.tr(
                "Er wordt een nieuwe herstelsleutel gemaakt en één keer getoond. De huidige"
                " herstelsleutel opent deze kluis daarna niet meer (oude back-ups wel nog)."
                "\n\nDoorgaan?"
            ),
        )
        if answer != Button.Yes:
            return
        institution = session.vault.meta("institution") or ""
        self.setEnabled(False)

        def made(key: Any) -> None:
            self.setEnabled(True)
            self._set_status(self.tr("Er is een nieuwe herstelsleutel gemaakt."))
            self.show_recovery_key(str(key), institution)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            MessageBox.warning(self, self.tr("Niet gelukt"), error_text(exc))

        # Deriving the slot's key takes about a second, like an account change: on the worker.
        self.ctx.tasks.run(lambda _t, _p: accounts.new_recovery_key(session), made, failed)

    def show_recovery_key(self, key: str, institution: str) -> RecoveryKeyDialog:
        """Window-modal but not blocking, so a lock can still close it and clear the key."""
        dialog = RecoveryKeyDialog(key, institution, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "recovery_dialog", None))
        self.recovery_dialog = dialog
        dialog.open()
        return dialog
