"""Settings: purpose register, accounts (beheerder), auto-lock, language, backups, keys.

Vault-wide policy (purposes) is stored in the vault through the services, so the CLI sees
the same; per-user choices (auto-lock, language, backup folder) go to the config file.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.config import load_config, save_config
from contactkluis.domain.messages import current_language, error_text, localized
from contactkluis.domain.purposes import (
    LegalBasis,
    Purpose,
    RetentionAnchor,
    RetentionRule,
    purposes_from_json,
    purposes_to_json,
)
from contactkluis.domain.roles import Permission
from contactkluis.services import policies
from contactkluis.services.backups import backup_state
from contactkluis.ui.backup_flow import (
    configured_backup_dir,
    default_backup_dir,
    make_backup,
    status_text,
)
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog, MessageBox
from contactkluis.ui.i18n import LANGUAGES
from contactkluis.ui.locking import Locker
from contactkluis.ui.settings.accounts import AccountsSection
from contactkluis.ui.settings.register_contacts import RegisterContactsSection
from contactkluis.ui.settings.security import KeysSection
from contactkluis.ui.settings.statistics import StatsSection
from contactkluis.ui.widgets.status_pill import StatusPill

__all__ = ["SettingsPage", "default_backup_dir"]


class SettingsPage(QScrollArea):
    def __init__(
        self,
        ctx: AppContext,
        locker: Locker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.locker = locker
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(16, 16, 16, 16)
        self.layout_.setSpacing(14)
        self.setWidget(body)
        self._build_purposes()
        self.register_contacts = RegisterContactsSection(ctx)
        self.layout_.addWidget(self.register_contacts)
        self._build_accounts()
        self.stats_box = StatsSection(self.ctx)
        self.layout_.addWidget(self.stats_box)
        self._build_lock_and_language()
        self._build_backup()
        self.layout_.addStretch(1)
        ctx.unlocked.connect(self.reload)
        ctx.locked.connect(self.clear)
        ctx.backup_made.connect(self._show_backup_state)
        if ctx.session is not None:
            self.reload()

    # -- layout ---------------------------------------------------------------------------

    def _build_purposes(self) -> None:
        self.purposes_box = QGroupBox(self.tr("Doelen, grondslagen en bewaartermijnen"))
        self.purposes_table = QTableWidget()
        self.purposes_table.setObjectName("purposesTable")
        self.purposes_table.verticalHeader().setVisible(False)
        self.purposes_table.setMinimumHeight(240)
        self.purposes_note = QLabel()
        self.purposes_note.setWordWrap(True)
        self.add_purpose_button = QPushButton(self.tr("Doel toevoegen"))
        self.remove_purpose_button = QPushButton(self.tr("Doel verwijderen"))
        self.save_purposes_button = QPushButton(self.tr("Opslaan"))
        self.save_purposes_button.setObjectName("savePurposes")
        self.add_purpose_button.clicked.connect(lambda: self._add_purpose_row(None))
        self.remove_purpose_button.clicked.connect(
            lambda: self.purposes_table.removeRow(self.purposes_table.currentRow())
        )
        self.save_purposes_button.clicked.connect(self.save_purposes)
        buttons = QHBoxLayout()
        for b in (self.add_purpose_button, self.remove_purpose_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_purposes_button)
        self.purpose_buttons = [
            self.add_purpose_button,
            self.remove_purpose_button,
            self.save_purposes_button,
        ]
        layout = QVBoxLayout(self.purposes_box)
        layout.addWidget(self.purposes_note)
        layout.addWidget(self.purposes_table)
        layout.addLayout(buttons)
        self.layout_.addWidget(self.purposes_box)

    def _build_accounts(self) -> None:
        self.accounts_box = AccountsSection(self.ctx)
        self.layout_.addWidget(self.accounts_box)
        self.keys = KeysSection(self.ctx)

    def _build_lock_and_language(self) -> None:
        config = load_config()
        box = QGroupBox(self.tr("Vergrendelen en taal"))
        self.autolock = QSpinBox()
        self.autolock.setObjectName("autolockMinutes")
        self.autolock.setRange(1, 120)
        self.autolock.setSuffix(self.tr(" minuten"))
        self.autolock.setValue(int(config.get("autolock_minutes") or 5))
        self.autolock.valueChanged.connect(self._autolock_changed)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(config.get("language"))))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Automatisch vergrendelen na:"), self.autolock)
        form.addRow(self.tr("Taal:"), self.language)
        form.addRow("", self.language_note)
        self._lock_form = form
        form.setRowVisible(self.language_note, False)  # until there is something to say
        self.layout_.addWidget(box)

    def _build_backup(self) -> None:
        box = QGroupBox(self.tr("Back-up"))
        self.backup_dir = QLineEdit()
        self.backup_dir.setObjectName("backupDir")
        self.backup_dir.setReadOnly(True)
        choose = QPushButton(self.tr("Map kiezen…"))
        choose.clicked.connect(self.choose_backup_dir)
        self.backup_button = QPushButton(self.tr("Nu back-up maken"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.backup_state = StatusPill()
        self.backup_state.setObjectName("backupState")
        self.backup_hint = QLabel(
            self.tr(
                "Een back-up is één versleuteld bestand. Zet het op een externe schijf of"
                " netwerkmap, niet alleen op deze computer."
            )
        )
        self.backup_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.backup_dir, 1)
        row.addWidget(choose)
        now = QHBoxLayout()
        now.addWidget(self.backup_button)
        now.addWidget(self.backup_state)
        now.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addLayout(now)
        layout.addWidget(self.backup_hint)
        self.layout_.addWidget(box)
        self.layout_.addWidget(self.keys)  # after the backup: both are about the vault file

    # -- data -----------------------------------------------------------------------------

    @property
    def is_admin(self) -> bool:
        session = self.ctx.session
        return session is not None and session.can(Permission.MANAGE_ACCOUNTS)

    def reload(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        self.load_purposes()
        self.register_contacts.reload()
        self.accounts_box.setVisible(self.is_admin)
        if self.is_admin:
            self.accounts_box.load()
        self.keys.reload()
        self.stats_box.reload()
        self.backup_dir.setText(str(configured_backup_dir(self.ctx.vault_path)))
        self.backup_button.setEnabled(
            session.can(Permission.BACKUP) and not session.vault.read_only
        )
        self._show_backup_state()

    def clear(self) -> None:
        self.purposes_table.setRowCount(0)
        self.register_contacts.clear()
        self.accounts_box.clear()
        self.keys.clear()
        self.stats_box.clear()

    # -- purposes -------------------------------------------------------------------------

    def load_purposes(self) -> None:
        session = self.ctx.session
        assert session is not None
        editable = session.can(Permission.MANAGE_POLICIES) and not session.vault.read_only
        table = self.purposes_table
        table.setRowCount(0)
        if editable:
            table.setColumnCount(6)
            table.setHorizontalHeaderLabels(
                [
                    self.tr("Code"),
                    self.tr("Naam"),
                    self.tr("Grondslag"),
                    self.tr("Bewaren"),
                    self.tr("Jaren"),
                    self.tr("Maanden"),
                ]
            )
            self.purposes_note.setText(
                self.tr(
                    "Waarom de instelling gegevens bewaart, op welke grondslag (AVG art. 6) en hoe"
                    " lang. Wijzigingen gelden direct voor alle contacten."
                )
            )
            table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
            for purpose in session.purposes.values():
                self._add_purpose_row(purpose)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        else:
            table.setColumnCount(3)
            table.setHorizontalHeaderLabels(
                [self.tr("Doel"), self.tr("Grondslag"), self.tr("Bewaartermijn")]
            )
            self.purposes_note.setText(
                self.tr("Alleen een beheerder kan doelen en bewaartermijnen wijzigen.")
            )
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for purpose in session.purposes.values():
                row = table.rowCount()
                table.insertRow(row)
                basis = localized(purpose.basis.label_nl, purpose.basis.label_en)
                article = localized(purpose.basis.article_nl, purpose.basis.article_en)
                for col, text in enumerate(
                    (
                        localized(purpose.label_nl, purpose.label_en),
                        f"{basis} ({article})",
                        localized(purpose.retention_nl(), purpose.retention_en()),
                    )
                ):
                    table.setItem(row, col, QTableWidgetItem(text))
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for button in self.purpose_buttons:
            button.setVisible(editable)

    def _add_purpose_row(self, purpose: Purpose | None) -> None:
        table = self.purposes_table
        row = table.rowCount()
        table.insertRow(row)
        code = QTableWidgetItem(purpose.code if purpose else "")
        code.setData(Qt.ItemDataRole.UserRole, purpose)
        if purpose is not None:
            code.setFlags(code.flags() & ~Qt.ItemFlag.ItemIsEditable)  # ids stay stable
        table.setItem(row, 0, code)
        label = (localized(purpose.label_nl, purpose.label_en)) if purpose else ""
        table.setItem(row, 1, QTableWidgetItem(label))
        basis = QComboBox()
        for b in LegalBasis:
            basis.addItem(f"{localized(b.label_nl, b.label_en)} ({b.letter})", b.value)
        anchor = QComboBox()
        for a, text in (
            (RetentionAnchor.CONSENT, self.tr("zolang toestemming geldt")),
            (RetentionAnchor.RELATION_END, self.tr("na einde relatie")),
            (RetentionAnchor.LAST_ACTIVITY, self.tr("na laatste activiteit")),
        ):
            anchor.addItem(text, a.value)
        years, months = QSpinBox(), QSpinBox()
        years.setRange(0, 100)
        months.setRange(0, 11)
        if purpose is not None:
            basis.setCurrentIndex(basis.findData(purpose.basis.value))
            anchor.setCurrentIndex(anchor.findData(purpose.rule.anchor.value))
            years.setValue(purpose.rule.years)
            months.setValue(purpose.rule.months)
        for col, widget in ((2, basis), (3, anchor), (4, years), (5, months)):
            table.setCellWidget(row, col, widget)
        if purpose is None:
            table.setCurrentCell(row, 0)
            table.editItem(code)

    def edited_purposes(self) -> list[Purpose]:
        """The table as purposes; raises RuleError with a Dutch/English text when invalid."""
        table = self.purposes_table
        result: list[Purpose] = []
        for row in range(table.rowCount()):
            code_item: Any = table.item(row, 0)
            label_item = table.item(row, 1)
            original: Purpose | None = code_item.data(Qt.ItemDataRole.UserRole)
            code = code_item.text().strip()
            label = label_item.text().strip() if label_item else ""

            def cell(col: int, row: int = row) -> Any:
                return table.cellWidget(row, col)

            basis = LegalBasis(cell(2).currentData())
            rule = RetentionRule(
                RetentionAnchor(cell(3).currentData()), cell(4).value(), cell(5).value()
            )
            if original is None:
                purpose = Purpose(code=code, label_nl=label, label_en=label, basis=basis, rule=rule)
            else:
                purpose = dataclasses.replace(original, basis=basis, rule=rule)
                if current_language() == "en":  # the label being edited
                    purpose = dataclasses.replace(purpose, label_en=label)
                else:
                    purpose = dataclasses.replace(purpose, label_nl=label)
            result.append(purpose)
        # The JSON round trip applies exactly the validation the CLI's import applies.
        return list(purposes_from_json(purposes_to_json(result)))

    def save_purposes(self) -> bool:
        session = self.ctx.session
        if session is None:
            return False
        try:
            purposes = self.edited_purposes()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                policies.set_purposes(session, purposes)
            finally:
                QApplication.restoreOverrideCursor()
        except Exception as exc:  # a RuleError names the broken rule in the chosen language
            MessageBox.warning(self, self.tr("Doelen niet opgeslagen"), error_text(exc))
            return False
        self.ctx.data_changed.emit()
        self.load_purposes()
        return True

    # -- per-user settings ----------------------------------------------------------------

    def _autolock_changed(self, minutes: int) -> None:
        save_config({"autolock_minutes": minutes})
        self.ctx.settings_changed.emit()

    def _language_changed(self, _index: int) -> None:
        save_config({"language": self.language.currentData()})
        self.language_note.setText(
            self.tr("De nieuwe taal wordt gebruikt na een herstart van Contactkluis.")
        )
        self._lock_form.setRowVisible(self.language_note, True)
        self.ctx.settings_changed.emit()

    # -- backups --------------------------------------------------------------------------

    def choose_backup_dir(self) -> None:
        chosen = FileDialog.directory(self, self.tr("Map voor back-ups"), self.backup_dir.text())
        if chosen:
            self.backup_dir.setText(chosen)
            save_config({"backup_dir": chosen})

    def backup_now(self) -> Path | None:
        return make_backup(self, self.ctx, Path(self.backup_dir.text()))

    def _show_backup_state(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        self.backup_state.set_status(*status_text(backup_state(session)))
