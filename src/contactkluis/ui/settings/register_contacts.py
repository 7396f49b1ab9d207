"""Settings → the controller's and the FG's contact details for the art. 30 register.

Art. 30(1)(a) AVG asks the register to name the controller and the data protection officer
with their contact details; the beheerder fills them in once, the register shows them.
The CLI sets the same (`contactkluis register --controller-contact ... --dpo-contact ...`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from contactkluis.domain.messages import error_text, speaker
from contactkluis.domain.roles import Permission
from contactkluis.services import register_export
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import MessageBox

_T: dict[str, tuple[str, str]] = {
    "title": ("Verwerkingsregister (art. 30 AVG)", "Record of processing (GDPR Art. 30)"),
    "note": (
        "Deze gegevens staan in het verwerkingsregister. Laat de FG leeg als de instelling"
        " geen functionaris gegevensbescherming heeft aangesteld.",
        "These details appear in the record of processing. Leave the DPO empty if the"
        " institution has not appointed a data protection officer.",
    ),
    "controller": ("Contact instelling:", "Institution contact:"),
    "controller_hint": (
        "adres, e-mail en telefoon voor privacyvragen",
        "address, e-mail and phone for privacy questions",
    ),
    "dpo": ("Functionaris gegevensbescherming (FG):", "Data protection officer (DPO):"),
    "dpo_hint": ("naam, e-mail en telefoon", "name, e-mail and phone"),
    "save": ("Opslaan", "Save"),
    "not_saved": ("Niet opgeslagen", "Not saved"),
}
_t = speaker(_T, "settings.register.")


class RegisterContactsSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_t("title"), parent)
        self.ctx = ctx
        self.controller = QLineEdit()
        self.controller.setObjectName("controllerContact")
        self.controller.setPlaceholderText(_t("controller_hint"))
        self.dpo = QLineEdit()
        self.dpo.setObjectName("dpoContact")
        self.dpo.setPlaceholderText(_t("dpo_hint"))
        self.save_button = QPushButton(_t("save"))
        self.save_button.setObjectName("saveRegisterContacts")
        self.save_button.clicked.connect(self.save)
        note = QLabel(_t("note"))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(_t("controller"), self.controller)
        form.addRow(_t("dpo"), self.dpo)
        form.addRow("", self.save_button)

    def reload(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        self.controller.setText(str(session.setting(register_export.CONTROLLER_CONTACT, "")))
        self.dpo.setText(str(session.setting(register_export.DPO_CONTACT, "")))
        editable = session.can(Permission.MANAGE_POLICIES) and not session.vault.read_only
        for field in (self.controller, self.dpo):
            field.setReadOnly(not editable)
        self.save_button.setVisible(editable)

    def clear(self) -> None:
        self.controller.clear()
        self.dpo.clear()

    def save(self) -> bool:
        session = self.ctx.session
        if session is None:
            return False
        try:
            register_export.set_contacts(session, self.controller.text(), self.dpo.text())
        except Exception as exc:  # a UserError says why (e.g. no permission) in the language
            MessageBox.warning(self, _t("not_saved"), error_text(exc))
            return False
        return True
