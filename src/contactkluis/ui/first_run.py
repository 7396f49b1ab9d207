"""First run: institution, vault location, first beheerder, then the recovery key, shown once.

Nothing is written until the account page's "Kluis maken"; cancelling before or on the
recovery key page leaves no vault behind (a key nobody stored is a vault nobody can rescue).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from contactkluis.domain.messages import error_text
from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.services.session import Session
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog
from contactkluis.ui.widgets.icons import app_icon
from contactkluis.ui.widgets.password_fields import PasswordFields
from contactkluis.ui.widgets.recovery_key import RecoveryKeyView
from contactkluis.vault.keyfile import key_path
from contactkluis.vault.keys import KdfParams
from contactkluis.vault.vault import VAULT_SUFFIX, default_vault_path, remove_vault_files


class InstitutionPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welkom bij Contactkluis"))
        self.setSubTitle(
            self.tr(
                "Contactkluis bewaart de contactgegevens van uw instelling versleuteld op deze"
                " computer. We richten eerst de kluis in."
            )
        )
        self.name = QLineEdit()
        self.name.setObjectName("institution")
        self.name.setPlaceholderText(self.tr("bijv. Stichting Oude Molen"))
        form = QFormLayout(self)
        form.addRow(self.tr("Naam van de instelling:"), self.name)
        self.registerField("institution*", self.name)


class LocationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Waar komt de kluis?"))
        self.setSubTitle(
            self.tr(
                "De kluis is één versleuteld bestand met een sleutelbestand ernaast. Kies een map"
                " die in de back-up van deze computer zit."
            )
        )
        self.path = QLineEdit()
        self.path.setObjectName("vaultPath")
        self._edited = False
        self.path.textEdited.connect(lambda _text: setattr(self, "_edited", True))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Bestand van de kluis:")))
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if not self._edited:
            self.path.setText(str(default_vault_path(str(self.field("institution")))))

    def _browse(self) -> None:
        chosen = FileDialog.save_file(
            self,
            self.tr("Kluis opslaan als"),
            self.path.text(),
            self.tr("Contactkluis-kluis (*%1)").replace("%1", VAULT_SUFFIX),
        )
        if chosen:
            if not chosen.endswith(VAULT_SUFFIX):
                chosen += VAULT_SUFFIX
            self._edited = True
            self.path.setText(chosen)

    def vault_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def isComplete(self) -> bool:
        text = self.path.text().strip()
        taken = bool(text) and (self.vault_path().exists() or key_path(self.vault_path()).exists())
        self.problem.setText(
            self.tr("Daar staat al een kluis; kies een andere naam of map.") if taken else ""
        )
        return bool(text) and not taken


class AccountPage(QWizardPage):
    """The commit page: its Next button creates the vault on a worker thread."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Uw beheerdersaccount"))
        self.setSubTitle(
            self.tr(
                "De beheerder maakt accounts voor collega's en beheert doelen en bewaartermijnen."
                " Er zijn geen regels voor hoofdletters of tekens: lengte telt."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Kluis maken"))
        self.account = QLineEdit()
        self.account.setObjectName("account")
        # One form for all three fields, so their labels and fields share one column.
        self.passwords = PasswordFields(
            lambda: (self.account.text(), str(self.field("institution"))),
            leading=[(self.tr("Accountnaam:"), self.account)],
        )
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy_label = QLabel(self.tr("De kluis wordt gemaakt en de sleutel berekend…"))
        self.busy_label.setVisible(False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("createError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.passwords)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.account.textChanged.connect(self.passwords.refresh)
        self.passwords.changed.connect(self.completeChanged)
        self.running = False

    def isComplete(self) -> bool:
        return bool(self.account.text().strip()) and self.passwords.acceptable and not self.running

    def validatePage(self) -> bool:
        if self._wizard.session is not None:
            return True
        if not self.running:
            self._start()
        return False

    def _start(self) -> None:
        self.running = True
        self.error.clear()
        for w in (self.account, self.passwords):
            w.setEnabled(False)
        self.busy.setVisible(True)
        self.busy_label.setVisible(True)
        self.completeChanged.emit()
        self._wizard.create_vault(self.account.text().strip(), self.passwords.value())

    def finished(self, error: str | None) -> None:
        self.running = False
        self.busy.setVisible(False)
        self.busy_label.setVisible(False)
        for w in (self.account, self.passwords):
            w.setEnabled(True)
        self.completeChanged.emit()
        if error:
            self.error.setText(error)


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Uw herstelsleutel"))
        self.setSubTitle(
            self.tr("Met deze sleutel komt u in de kluis als alle wachtwoorden vergeten zijn.")
        )
        explain = QLabel(
            self.tr(
                "De sleutel wordt maar één keer getoond. Druk hem af of bewaar hem als PDF, en berg"
                " hem veilig op, niet op deze computer."
            )
        )
        explain.setWordWrap(True)
        self.view = RecoveryKeyView()
        self.key = self.view.key
        self.print_button = self.view.print_button
        self.pdf_button = self.view.pdf_button
        self.stored = QCheckBox(self.tr("Ik heb de herstelsleutel veilig opgeborgen"))
        self.stored.setObjectName("keyStored")
        self.stored.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.view)
        layout.addStretch(1)
        layout.addWidget(self.stored)

    def initializePage(self) -> None:
        self.view.set_key(self._wizard.recovery_key, str(self.field("institution")))

    def isComplete(self) -> bool:
        return self.stored.isChecked()


class FirstRunWizard(QWizard):
    """On accept: the vault exists, its path is in the config and `ctx.session` is open."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kdf = kdf
        self.session: Session | None = None
        self.recovery_key = ""
        self.created_path: Path | None = None
        self._abandoned = False
        self.setWindowTitle(self.tr("Contactkluis instellen"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.institution_page = InstitutionPage()
        self.location_page = LocationPage()
        self.account_page = AccountPage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (
            self.institution_page,
            self.location_page,
            self.account_page,
            self.recovery_page,
        ):
            self.addPage(page)
        self.setMinimumSize(720, 520)

    def create_vault(self, account: str, password: str) -> None:
        path = self.location_page.vault_path()
        institution = str(self.field("institution")).strip()
        kdf = self.kdf

        def work(_token: Any, _progress: Any) -> tuple[Session, str]:
            return accounts.create_vault(path, institution, account, password, kdf=kdf)

        self.created_path = path
        self.ctx.tasks.run(work, self._created, self._failed)

    def _created(self, result: tuple[Session, str]) -> None:
        session, recovery = result
        if self._abandoned:
            session.vault.close()
            self._remove_created()
            return
        self.session, self.recovery_key = session, recovery
        self.account_page.finished(None)
        self.next()

    def _failed(self, exc: BaseException) -> None:
        if not (isinstance(exc, UserError) and exc.code == "vault_exists"):
            self._remove_created()  # a half-made vault must not block the next attempt
        self.created_path = None
        if not self._abandoned:
            self.account_page.finished(error_text(exc))

    def _remove_created(self) -> None:
        if self.created_path is not None:
            remove_vault_files(self.created_path)
            self.created_path = None

    def accept(self) -> None:
        from contactkluis.config import save_config

        assert self.session is not None and self.created_path is not None
        save_config({"vault_path": str(self.created_path), "last_account": self.session.account})
        self.ctx.vault_path = self.created_path
        self.ctx.open_session(self.session)
        self.session = None  # the context owns it now
        self.recovery_key = ""
        self.recovery_page.view.clear()
        super().accept()

    def reject(self) -> None:
        self._abandoned = True
        if self.session is not None:
            self.session.vault.close()
            self.session = None
            self._remove_created()
        self.recovery_key = ""
        self.recovery_page.view.clear()
        super().reject()
