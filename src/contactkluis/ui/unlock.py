"""The unlock screen and the forgotten-password dialog.

The KDF (about a second by design) runs on the TaskRunner so the window stays responsive.
After a wrong password the button stays disabled for the growing delay, counted down by a
QTimer; the delay itself is enforced by the vault (throttle), this only shows it.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text
from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.services.session import Session
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.widgets.icons import app_icon
from contactkluis.ui.widgets.password_fields import PasswordFields


def _busy_bar() -> QProgressBar:
    """A thin, hidden bar that only says 'working' while the key is derived."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumHeight(6)
    bar.setTextVisible(False)
    bar.setVisible(False)
    return bar


class UnlockScreen(QWidget):
    """Account + password. Emits `unlocked(session)`; the window takes it from there."""

    unlocked = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._wait = 0
        self._deadline = 0.0
        self.countdown = QTimer(self)
        self.countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Contactkluis is vergrendeld"))
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.vault_label = QLabel()
        self.vault_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.vault_label.setWordWrap(True)

        self.account = QLineEdit()
        self.account.setObjectName("unlockAccount")
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(self.tr("Ontgrendelen"))
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.forgot = QPushButton(self.tr("Wachtwoord vergeten?"))
        self.forgot.setFlat(True)
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)
        self.busy = _busy_bar()
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #e53935;")
        # Shown while this unlock upgrades the vault to a new version (once, after an update).
        self.upgrading = QLabel()
        self.upgrading.setObjectName("unlockUpgrading")
        self.upgrading.setWordWrap(True)
        self.upgrading.hide()

        form = QFormLayout()
        form.addRow(self.tr("Account:"), self.account)
        form.addRow(self.tr("Wachtwoord:"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot)
        buttons.addStretch(1)
        buttons.addWidget(self.button)

        card = QFrame()
        card.setObjectName("unlockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(460)
        card.setMinimumWidth(380)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(logo)
        inner.addWidget(title)
        inner.addWidget(self.vault_label)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.busy)
        inner.addWidget(self.upgrading)
        inner.addWidget(self.message)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.button.clicked.connect(self.attempt)
        self.password.returnPressed.connect(self.attempt)
        self.account.returnPressed.connect(self.password.setFocus)
        self.forgot.clicked.connect(self.forgot_password)

    # -- showing --------------------------------------------------------------------------

    def prepare(self) -> None:
        """Reset for a fresh attempt: last account prefilled, password empty."""
        from contactkluis.config import load_config

        name = self.ctx.account_name or str(load_config().get("last_account") or "")
        if name and not self.account.text():
            self.account.setText(name)
        self.password.clear()
        path = self.ctx.vault_path
        self.vault_label.setText(path.name if path else "")
        self.vault_label.setToolTip(str(path) if path else "")
        (self.password if self.account.text() else self.account).setFocus()

    # -- unlocking ------------------------------------------------------------------------

    def attempt(self, read_only: bool = False) -> None:
        if not self.button.isEnabled() or self.ctx.vault_path is None:
            return
        account = self.account.text().strip()
        password = self.password.text()
        if not account or not password:
            self.message.setText(self.tr("Vul uw account en wachtwoord in."))
            return
        path = self.ctx.vault_path

        def work(_token: Any, progress: Any) -> Session:
            # The whole file's page check runs after the window is up (MainWindow).
            return accounts.unlock(
                path, account, password, read_only=read_only, check_pages=False,
                on_upgrade=lambda: progress(0, 1),
            )  # fmt: skip

        self._set_busy(True)
        self.message.clear()
        self.ctx.tasks.run(work, self._done, self._failed, lambda _done, _total: self._upgrade())

    def _upgrade(self) -> None:
        """The first unlock after an update rewrites the vault for the new version: say so,
        or a long wait looks like a hang and people close the program halfway."""
        self.upgrading.setText(
            self.tr(
                "De kluis wordt eenmalig bijgewerkt voor deze versie van Contactkluis, na een"
                " reservekopie. Bij een grote kluis duurt dat tot een halve minuut. Sluit het"
                " programma niet af."
            )
        )
        self.upgrading.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        if not busy:
            self.upgrading.hide()
        for w in (self.account, self.password, self.button, self.forgot):
            w.setEnabled(not busy)

    def _done(self, session: Session) -> None:
        from contactkluis.config import save_config

        self._set_busy(False)
        self.password.clear()
        save_config({"last_account": session.account})
        self.unlocked.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError) and exc.code == "in_use":
            answer = MessageBox.question(
                self,
                self.tr("Kluis in gebruik"),
                exc.message()
                + "\n\n"
                + self.tr(
                    "U kunt de kluis alleen-lezen openen: u ziet alles, maar kunt niets wijzigen."
                    " Alleen-lezen openen?"
                ),
            )
            if answer == Button.Yes:
                self.attempt(read_only=True)
            else:
                self.message.setText(exc.message())
            return
        self.message.setText(error_text(exc))
        self.password.selectAll()
        self.password.setFocus()
        if isinstance(exc, UserError) and exc.code in ("wrong_password", "throttled"):
            self.start_countdown(int(exc.params.get("delay", 0)))

    def start_countdown(self, seconds: int) -> None:
        # A wall-clock deadline, as the vault's throttle uses: timer ticks may come early.
        self._deadline = time.time() + seconds
        self._wait = seconds
        if seconds > 0:
            self.countdown.start()
        self._show_wait()

    def _tick(self) -> None:
        self._wait = max(0, math.ceil(self._deadline - time.time()))
        if self._wait <= 0:
            self.countdown.stop()
        self._show_wait()

    def _show_wait(self) -> None:
        if self._wait > 0:
            self.button.setEnabled(False)
            self.button.setText(self.tr("Ontgrendelen (%1)").replace("%1", str(self._wait)))
        else:
            self.button.setEnabled(True)
            self.button.setText(self.tr("Ontgrendelen"))

    # -- forgotten password ---------------------------------------------------------------

    def forgot_password(self) -> None:
        if self.ctx.vault_path is None:
            return
        dialog = RecoveryDialog(self.ctx, self.ctx.vault_path, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.account_name:
            self.account.setText(dialog.account_name)
            self.password.clear()
            self.password.setFocus()
            self.message.setText(
                self.tr("Het wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord.")
            )


class RecoveryDialog(QDialog):
    """Recovery key -> choose an account -> its new password. Closes the recovery session."""

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.session: Session | None = None
        self.account_name = ""
        self.setWindowTitle(self.tr("Wachtwoord vergeten"))
        self.setMinimumWidth(480)

        self.pages = QStackedWidget()
        key_page = QWidget()
        self.key = QLineEdit()
        self.key.setObjectName("recoveryKeyInput")
        self.key.setPlaceholderText("XXXX-XXXX-…")
        key_layout = QVBoxLayout(key_page)
        intro = QLabel(
            self.tr(
                "Voer de herstelsleutel in die bij het instellen van de kluis is afgedrukt of als"
                " PDF bewaard. Daarna kiest u een nieuw wachtwoord voor een account."
            )
        )
        intro.setWordWrap(True)
        key_layout.addWidget(intro)
        key_layout.addWidget(self.key)
        key_layout.addStretch(1)

        pw_page = QWidget()
        self.accounts = QComboBox()
        self.accounts.setObjectName("recoveryAccount")
        self.passwords = PasswordFields(lambda: (self.accounts.currentText(), ""))
        self.accounts.currentTextChanged.connect(self.passwords.refresh)
        pw_form = QFormLayout()
        pw_form.addRow(self.tr("Account:"), self.accounts)
        pw_layout = QVBoxLayout(pw_page)
        pw_layout.addLayout(pw_form)
        pw_layout.addWidget(self.passwords)
        pw_layout.addStretch(1)
        self.pages.addWidget(key_page)
        self.pages.addWidget(pw_page)

        self.busy = _busy_bar()
        self.message = QLabel()
        self.message.setObjectName("recoveryMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Controleren"))
        self.buttons.accepted.connect(self._next)
        self.buttons.rejected.connect(self.reject)
        self.passwords.changed.connect(self._update_ok)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _update_ok(self) -> None:
        if self.pages.currentIndex() == 1:
            self.ok.setEnabled(self.passwords.acceptable and not self.busy.isVisible())

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.pages.setEnabled(not busy)
        self.ok.setEnabled(not busy)
        if not busy:
            self._update_ok()

    def _next(self) -> None:
        self.message.clear()
        if self.pages.currentIndex() == 0:
            key, path = self.key.text(), self.path
            self._set_busy(True)
            self.ctx.tasks.run(
                lambda _t, _p: accounts.unlock_with_recovery(path, key),
                self._opened,
                self._failed,
            )
            return
        session, name, password = self.session, self.accounts.currentText(), self.passwords.value()
        assert session is not None
        self._set_busy(True)
        self.ctx.tasks.run(
            lambda _t, _p: accounts.change_password(session, name, password),
            lambda _r: self._changed(name),
            self._failed,
        )

    def _opened(self, session: Session) -> None:
        self.session = session
        self.accounts.clear()
        for info in accounts.list_accounts(session):
            if info.active:
                self.accounts.addItem(info.name)
        self.pages.setCurrentIndex(1)
        self.ok.setText(self.tr("Wachtwoord opslaan"))
        self._set_busy(False)
        self.passwords.password.setFocus()

    def _changed(self, name: str) -> None:
        self.account_name = name
        self._set_busy(False)
        self._close_session()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(error_text(exc))

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.vault.close()
            self.session = None

    def reject(self) -> None:
        self._close_session()
        super().reject()
