"""New password twice, with live feedback from the password policy (no composition rules)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from contactkluis.domain.messages import localized
from contactkluis.domain.passwords import MIN_LENGTH, password_problem


class PasswordFields(QWidget):
    """Two password fields and a feedback line; `acceptable` says whether both are fine.

    A caller with more fields (the account name) passes them as `leading` rows, so every
    label and field lines up in one column instead of two forms stacked on each other.
    """

    changed = Signal()

    def __init__(
        self,
        context: Callable[[], tuple[str, str]] | None = None,
        parent: QWidget | None = None,
        *,
        leading: Sequence[tuple[str, QWidget]] = (),
    ) -> None:
        super().__init__(parent)
        self._context = context or (lambda: ("", ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("newPassword")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeatPassword")
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("passwordFeedback")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        # Added first: Tab follows the order in which the fields join this widget.
        for label, field in leading:
            form.addRow(label, field)
        form.addRow(self.tr("Wachtwoord:"), self.password)
        form.addRow(self.tr("Herhaal wachtwoord:"), self.repeat)
        form.addRow("", self.feedback)
        self.password.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self._update()

    def problem(self) -> str | None:
        pw = self.password.text()
        if not pw:
            return self.tr(
                "Kies een wachtwoord van minstens %1 tekens; een zin van een paar woorden werkt"
                " goed."
            ).replace("%1", str(MIN_LENGTH))
        account, institution = self._context()
        found = password_problem(pw, account=account, institution=institution)
        if found:
            return localized(*found)
        if pw != self.repeat.text():
            return self.tr("De twee wachtwoorden zijn niet gelijk.")
        return None

    @property
    def acceptable(self) -> bool:
        return self.problem() is None

    def value(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def refresh(self) -> None:
        self._update()

    def _update(self) -> None:
        problem = self.problem()
        if problem is None:
            self.feedback.setText(self.tr("Dit wachtwoord is goed."))
            self.feedback.setStyleSheet("color: #43a047;")
        else:
            self.feedback.setText(problem)
            self.feedback.setStyleSheet("")
        self.changed.emit()
