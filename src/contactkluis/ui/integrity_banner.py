"""The red banner a beheerder sees at unlock when the vault's keys, roles or audit log are
not what was signed (services.accounts.unlock_warnings, the cheap part of `verify`), and
everyone sees when the page check the app runs after its window is up finds the file damaged
(Vault.check_all_pages: from then on the vault refuses every write)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contactkluis.services.accounts import IntegrityWarning
from contactkluis.services.session import Session
from contactkluis.ui.context import AppContext

CHECK_DELAY_MS = 1000


class IntegrityBanner(QFrame):
    """Hidden until there is something to say; stays until the beheerder closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrityBanner")
        self.setStyleSheet(
            "QFrame#integrityBanner { background: #fde8e8; border: 2px solid #b42318;"
            " border-radius: 4px; } QFrame#integrityBanner QLabel { color: #3b0a0a; }"
        )
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.text)
        self.setVisible(False)
        self._warnings: list[IntegrityWarning] = []
        self.damaged = False

    def _explain(self, kind: str) -> str:
        if kind == "keys":
            return self.tr(
                "Sleutels of rollen van deze kluis zijn buiten Contactkluis om gewijzigd."
                " Vertrouw de rollen en accounts niet tot dit is uitgezocht."
            )
        if kind == "audit":
            return self.tr(
                "Het logboek is ingekort, herschreven of niet meer beschermd: wat er met de"
                " kluis is gedaan, is niet meer volledig na te gaan."
            )
        return self.tr(
            "De rollen en sleutels van deze kluis zijn nog niet ondertekend. Open de kluis"
            " als beheerder (niet alleen-lezen) om ze te ondertekenen."
        )

    def start_page_check(self, ctx: AppContext, session: Session) -> None:
        """Check every page of the vault on a worker (the window is already usable); a
        damaged file is said here, loudly, and the vault refuses writes from then on."""
        self.damaged = False
        vault = session.vault

        def done(ok: object) -> None:
            if ok is False and ctx.session is session:
                self.show_damaged()

        if vault.pages_checked:
            done(not vault.damaged)
            return
        # Started a moment later: the first page of contacts comes first. Until the answer,
        # a write that touched a damaged page would fail on its HMAC, not write over it.
        # The banner as the timer's context: gone with the window, the timer goes too.
        QTimer.singleShot(
            CHECK_DELAY_MS,
            self,
            lambda: ctx.tasks.run(lambda _t, _p: vault.check_all_pages(), done),
        )

    def show_damaged(self) -> None:
        self.damaged = True
        self.show_warnings(self._warnings)

    def _damage_text(self) -> str:
        return escape(
            self.tr(
                "Een deel van het kluisbestand is beschadigd (bijvoorbeeld door een schijf- of"
                " kopieerfout). Wijzigen kan niet meer, zodat de schade niet wordt"
                " overschreven. Sluit de kluis en zet een back-up terug; 'contactkluis verify'"
                " zegt wat er mis is."
            ),
            quote=False,
        )

    def show_warnings(self, warnings: list[IntegrityWarning]) -> None:
        self._warnings = list(warnings)
        if self.damaged:
            self.title.setText(self.tr("Let op: deze kluis is beschadigd"))
            self.text.setText(f"<p>{self._damage_text()}</p>")
            self.setVisible(True)
            return
        if not warnings:
            self.setVisible(False)
            return
        tampered = any(w.kind != "unsigned" for w in warnings)
        self.title.setText(
            self.tr("Let op: deze kluis is buiten Contactkluis om gewijzigd")
            if tampered
            else self.tr("Let op: deze kluis is nog niet ondertekend")
        )
        parts = [f"<p>{escape(self._explain(w.kind), quote=False)}</p>" for w in warnings]
        if tampered:
            parts.append(
                "<p>"
                + escape(
                    self.tr(
                        "Voer 'contactkluis verify' uit en zet zo nodig een back-up terug."
                        " Wat er gevonden is:"
                    )
                )
                + "</p>"
            )
            details = [d for w in warnings if w.kind != "unsigned" for d in w.details]
            parts.append(
                "<ul>" + "".join(f"<li>{escape(d, quote=False)}</li>" for d in details) + "</ul>"
            )
        self.text.setText("".join(parts))
        self.setVisible(True)
