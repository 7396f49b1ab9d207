"""Merge two contacts: a radio per field chooses whose value survives.

E-mail addresses and phone numbers are united, and consents, relations, provenance and
requests move over whole (services.contacts.merge_contacts), so nothing is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.contact import Contact
from contactkluis.domain.messages import format_date, register, speaker
from contactkluis.domain.normalize import format_phone_nl
from contactkluis.errors import UserError
from contactkluis.services import contacts as contact_service
from contactkluis.services.session import Session

# Fields the user chooses between (MergeChoice keys) and their labels.
CHOICE_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("Naam", "Name"),
    "address": ("Adres", "Address"),
    "birth_date": ("Geboortedatum", "Date of birth"),
    "birth_year": ("Geboortejaar", "Birth year"),
    "notes": ("Notities", "Notes"),
    "segment": ("Segment", "Segment"),
}
_T: dict[str, tuple[str, str]] = {
    "title": ("Contacten samenvoegen", "Merge contacts"),
    "intro": (
        "Kies per veld welke waarde blijft. E-mailadressen en telefoonnummers worden "
        "samengevoegd; toestemmingen, relaties en herkomst gaan mee.",
        "Choose which value stays for each field. E-mail addresses and phone numbers are "
        "combined; consents, relations and provenance are kept.",
    ),
    "united": ("beide (samengevoegd)", "both (combined)"),
    "emails": ("E-mail", "E-mail"),
    "phones": ("Telefoon", "Phone"),
    "ok": ("Samenvoegen", "Merge"),
    "cancel": ("Annuleren", "Cancel"),
}


register(CHOICE_FIELDS, prefix="contacts.merge.field.")
_t = speaker(_T, "contacts.merge.")


def field_text(c: Contact, name: str) -> str:
    if name == "name":
        return c.name.display()
    if name == "address":
        a = c.address
        return ", ".join(
            p for p in (" ".join(x for x in (a.street, a.house_number) if x),
                        " ".join(x for x in (a.postcode, a.city) if x), a.country or "") if p
        )  # fmt: skip
    if name == "birth_date":
        return format_date(c.birth_date)
    if name == "birth_year":
        return str(c.birth_year) if c.birth_year else ""
    value = getattr(c, name)
    return str(value) if value else ""


class MergeDialog(QDialog):
    def __init__(
        self, session: Session, keep_id: int, other_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.keep_id, self.other_id = session, keep_id, other_id
        self.merged_id: int | None = None
        self.setWindowTitle(_t("title"))
        keep = contact_service.get_contact(session, keep_id)
        other = contact_service.get_contact(session, other_id)
        layout = QVBoxLayout(self)
        intro = QLabel(_t("intro"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        layout.addLayout(grid)
        grid.addWidget(QLabel(f"<b>A</b> (#{keep_id})"), 0, 1)
        grid.addWidget(QLabel(f"<b>B</b> (#{other_id})"), 0, 2)
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        row = 1
        for name in CHOICE_FIELDS:
            a, b = field_text(keep, name), field_text(other, name)
            if not a and not b:
                continue
            grid.addWidget(QLabel(_t("field." + name) + ":"), row, 0)
            ra, rb = QRadioButton(a or "—", self), QRadioButton(b or "—", self)
            group = QButtonGroup(self)
            group.addButton(ra, 0)
            group.addButton(rb, 1)
            # Default: keep A's value unless A has none and B has one.
            (rb if not a and b else ra).setChecked(True)
            same = a == b
            ra.setEnabled(not same)
            rb.setEnabled(not same)
            grid.addWidget(ra, row, 1)
            grid.addWidget(rb, row, 2)
            self.groups[name] = group
            self.radios[name] = (ra, rb)
            row += 1
        for key, values in (
            ("emails", (keep.emails, other.emails)),
            ("phones", ([format_phone_nl(p) for p in keep.phones],
                        [format_phone_nl(p) for p in other.phones])),
        ):  # fmt: skip
            grid.addWidget(QLabel(_t(key) + ":"), row, 0)
            grid.addWidget(QLabel(", ".join(values[0]) or "—"), row, 1)
            grid.addWidget(QLabel(", ".join(values[1]) or "—"), row, 2)
            grid.addWidget(QLabel("→ " + _t("united")), row, 3)
            row += 1
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("ok"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("cancel"))
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose(self, field: str, side: int) -> None:
        """Pick A (0) or B (1) for a field, as a click on its radio would."""
        self.radios[field][side].setChecked(True)

    def choice(self) -> contact_service.MergeChoice:
        return contact_service.MergeChoice(
            {name: max(0, group.checkedId()) for name, group in self.groups.items()}
        )

    def merge(self) -> None:
        try:
            self.merged_id = contact_service.merge_contacts(
                self.session, self.keep_id, self.other_id, self.choice()
            )
        except UserError as exc:
            self.error.setText(exc.message())
            return
        self.accept()
