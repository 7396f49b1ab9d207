"""Settings → Accounts (beheerder): the staff accounts, and the dialog that adds one.

Removing an account also replaces the vault's data key (services.accounts.remove_account),
so a copy of the key file the person kept opens nothing written after; it then emits
`account_removed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text, format_date
from contactkluis.domain.roles import Role
from contactkluis.services import accounts
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.widgets.password_fields import PasswordFields


class AccountDialog(QDialog):
    """New account (name, role, password) or, with `account` given, a new password only."""

    def __init__(self, account: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Account toevoegen")
            if account is None
            else self.tr("Nieuw wachtwoord voor %1").replace("%1", account)
        )
        self.name = QLineEdit(account or "")
        self.name.setObjectName("accountName")
        self.name.setReadOnly(account is not None)
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        self.role.addItem(self.tr("medewerker"), Role.MEDEWERKER.value)
        self.role.addItem(self.tr("beheerder"), Role.BEHEERDER.value)
        self.role.setVisible(account is None)
        rows: list[tuple[str, QWidget]] = [(self.tr("Accountnaam:"), self.name)]
        if account is None:
            rows.append((self.tr("Rol:"), self.role))
        # One form with the password rows, so all labels and fields line up.
        self.passwords = PasswordFields(lambda: (self.name.text(), ""), leading=rows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.passwords)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self.passwords.refresh)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.name.text().strip()) and self.passwords.acceptable
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class AccountsSection(QGroupBox):
    """The accounts table with Toevoegen…, Wachtwoord opnieuw instellen…, Rol wijzigen and
    Verwijderen. Signals: account_removed(name) after a removal went through."""

    account_removed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Accounts"))
        self.ctx = ctx
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Rol"), self.tr("Aangemaakt")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("Toevoegen…"), self.add_account),
            ("password", self.tr("Wachtwoord opnieuw instellen…"), self.reset_password),
            ("role", self.tr("Rol wijzigen"), self.toggle_role),
            ("remove", self.tr("Verwijderen"), self.remove_account),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("accountsStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)  # an empty line would only push the next section down
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def load(self) -> None:
        session = self.ctx.session
        assert session is not None
        table = self.table
        table.setRowCount(0)
        for info in accounts.list_accounts(session):
            if not info.active:
                continue
            row = table.rowCount()
            table.insertRow(row)
            role = self.tr("beheerder") if info.role == Role.BEHEERDER else self.tr("medewerker")
            created = format_date(info.created_at)
            for col, text in enumerate((info.name, role, created)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (info.name, info.role))
                table.setItem(row, col, item)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def clear(self) -> None:
        self.table.setRowCount(0)
        self._set_status("")

    def selected_account(self) -> tuple[str, str] | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _run_task(
        self, fn: Callable[[], Any], done: str, then: Callable[[], None] | None = None
    ) -> None:
        """Account changes derive a key (about a second): on the worker, section disabled."""
        self.setEnabled(False)

        def finished(_result: Any) -> None:
            self.setEnabled(True)
            self.load()
            self._set_status(done)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            MessageBox.warning(self, self.tr("Niet gelukt"), error_text(exc))

        self.ctx.tasks.run(lambda _t, _p: fn(), finished, failed)

    def add_account(self) -> None:
        session = self.ctx.session
        dialog = AccountDialog(None, self)
        if session is None or dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, role = dialog.name.text().strip(), str(dialog.role.currentData())
        password = dialog.passwords.value()
        self._run_task(
            lambda: accounts.add_account(session, name, role, password),
            self.tr("Account %1 toegevoegd.").replace("%1", name),
        )

    def reset_password(self) -> None:
        session, chosen = self.ctx.session, self.selected_account()
        if session is None or chosen is None:
            return
        dialog = AccountDialog(chosen[0], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        password = dialog.passwords.value()
        self._run_task(
            lambda: accounts.change_password(session, chosen[0], password),
            self.tr("Wachtwoord van %1 gewijzigd.").replace("%1", chosen[0]),
        )

    def toggle_role(self) -> None:
        session, chosen = self.ctx.session, self.selected_account()
        if session is None or chosen is None:
            return
        name, role = chosen
        new = Role.MEDEWERKER if role == Role.BEHEERDER else Role.BEHEERDER
        new_text = self.tr("beheerder") if new == Role.BEHEERDER else self.tr("medewerker")
        if (
            MessageBox.question(
                self,
                self.tr("Rol wijzigen"),
                self.tr("De rol van %1 wijzigen in %2?")
                .replace("%1", name)
                .replace("%2", new_text),
            )
            != Button.Yes
        ):
            return
        self._run_task(
            lambda: accounts.set_role(session, name, new.value),
            self.tr("Rol van %1 gewijzigd.").replace("%1", name),
        )

    def remove_account(self) -> None:
        session, chosen = self.ctx.session, self.selected_account()
        if session is None or chosen is None:
            return
        name = chosen[0]
        if (
            MessageBox.question(
                self,
                self.tr("Account verwijderen"),
                self.tr(
                    "Het account %1 verwijderen? Deze persoon kan de kluis daarna niet meer openen."
                ).replace("%1", name),
            )
            != Button.Yes
        ):
            return
        self._run_task(
            lambda: accounts.remove_account(session, name),
            self.tr("Account %1 verwijderd.").replace("%1", name),
            lambda: self.account_removed.emit(name),
        )
