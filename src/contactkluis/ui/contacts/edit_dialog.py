"""New contact / edit contact, with validation as you type.

Each checked field gets a red border and a message under it while its text cannot be
normalised; Save stays disabled until every field is valid. Saving goes through
services.contacts (which audits); a restricted contact opens read-only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.contact import Address, Contact, PersonName
from contactkluis.domain.messages import format_date, localized, register, speaker
from contactkluis.domain.normalize import (
    format_phone_nl,
    normalize_email,
    normalize_phone,
    normalize_postcode,
    parse_date,
)
from contactkluis.domain.special import SPECIAL_LABELS, special_categories
from contactkluis.errors import UserError
from contactkluis.services import contacts as contact_service
from contactkluis.services.session import Session

_SPLIT = re.compile(r"[,;\s]+")
_PHONE_SPLIT = re.compile(r"[,;]+")
INVALID_STYLE = "QLineEdit { border: 2px solid #c62828; border-radius: 3px; }"

MESSAGES: dict[str, tuple[str, str]] = {
    "postcode": ("Geen geldige postcode (bijv. 1234 AB).", "Not a valid postcode (e.g. 1234 AB)."),
    "email": ("Geen geldig e-mailadres: {value}", "Not a valid e-mail address: {value}"),
    "phone": ("Geen geldig telefoonnummer: {value}", "Not a valid phone number: {value}"),
    "date": ("Geen geldige datum (dd-mm-jjjj).", "Not a valid date (dd/mm/yyyy)."),
    "country": (
        "Landcode van twee letters (NL, BE, DE…).",
        "Two-letter country code (NL, BE, DE…).",
    ),
    "need_name": (
        "Geef minstens een naam of een e-mailadres op.",
        "Enter at least a name or an e-mail.",
    ),
    "special": (
        "Let op: deze notitie lijkt bijzondere persoonsgegevens te bevatten ({labels}). "
        "Bij opslaan wordt ze afgeschermd bewaard en het contact gemarkeerd.",
        "Note: this note seems to hold special-category data ({labels}). On saving it is "
        "stored shielded and the contact is marked.",
    ),
    "restricted": (
        "Dit contact is beperkt (AVG art. 18) en kan niet worden gewijzigd.",
        "This contact is restricted (GDPR art. 18) and cannot be changed.",
    ),
    "title.new": ("Nieuw contact", "New contact"),
    "title.edit": ("Contact bewerken", "Edit contact"),
    "save": ("Opslaan", "Save"),
    "cancel": ("Annuleren", "Cancel"),
}

_LABELS: dict[str, tuple[str, str]] = {
    "first": ("Voornaam", "First name"),
    "initials": ("Voorletters", "Initials"),
    "infix": ("Tussenvoegsel", "Infix"),
    "last": ("Achternaam", "Last name"),
    "emails": ("E-mail", "E-mail"),
    "phones": ("Telefoon", "Phone"),
    "street": ("Straat", "Street"),
    "house_number": ("Huisnummer", "House number"),
    "postcode": ("Postcode", "Postcode"),
    "city": ("Plaats", "City"),
    "country": ("Land", "Country"),
    "birth_date": ("Geboortedatum", "Date of birth"),
    "notes": ("Notities", "Notes"),
}


register(_LABELS, prefix="contacts.edit.label.")
msg = speaker(MESSAGES, "contacts.edit.")


def check_emails(text: str) -> tuple[list[str], str | None]:
    """(normalised addresses, the first invalid piece or None)."""
    out: list[str] = []
    for piece in (p for p in _SPLIT.split(text) if p):
        value = normalize_email(piece)
        if value is None:
            return out, piece
        out.append(value)
    return list(dict.fromkeys(out)), None


def check_phones(text: str) -> tuple[list[str], str | None]:
    out: list[str] = []
    for piece in (p.strip() for p in _PHONE_SPLIT.split(text) if p.strip()):
        value = normalize_phone(piece)
        if value is None:
            return out, piece
        out.append(value)
    return list(dict.fromkeys(out)), None


class ValidatedField(QWidget):
    """A line edit with the message shown under it while the value is invalid."""

    def __init__(self, check: Callable[[str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.edit = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(self.validate)

    def validate(self) -> bool:
        problem = self.check(self.edit.text().strip())
        self.edit.setStyleSheet(INVALID_STYLE if problem else "")
        self.edit.setProperty("invalid", bool(problem))
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))
        return problem is None

    @property
    def valid(self) -> bool:
        return self.check(self.edit.text().strip()) is None


class ContactEditDialog(QDialog):
    def __init__(
        self, session: Session, contact: Contact | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.original = contact
        self.saved_id: int | None = None
        self.setWindowTitle(msg("title.edit" if contact else "title.new"))
        self.setMinimumWidth(460)

        outer = QVBoxLayout(self)
        self.banner = QLabel(msg("restricted"), self)
        self.banner.setStyleSheet("background:#eceff1; padding:6px; border-left:4px solid #546e7a;")
        self.banner.setWordWrap(True)
        outer.addWidget(self.banner)
        form = QFormLayout()
        outer.addLayout(form)

        def plain() -> QLineEdit:
            return QLineEdit(self)

        self.first, self.initials, self.infix, self.last = plain(), plain(), plain(), plain()
        self.emails = ValidatedField(self._check_emails, self)
        self.phones = ValidatedField(self._check_phones, self)
        self.street, self.house_number, self.city = plain(), plain(), plain()
        self.country = ValidatedField(self._check_country, self)
        self.postcode = ValidatedField(self._check_postcode, self)
        self.birth_date = ValidatedField(self._check_date, self)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(80)
        self.special_warning = QLabel(self)
        self.special_warning.setWordWrap(True)
        self.special_warning.setStyleSheet(
            "background:#fff4e5; color:#6d3d00; padding:6px; border-left:4px solid #ef6c00;"
        )
        self.special_warning.hide()
        for key, widget in (
            ("first", self.first), ("initials", self.initials), ("infix", self.infix),
            ("last", self.last), ("emails", self.emails), ("phones", self.phones),
            ("street", self.street), ("house_number", self.house_number),
            ("postcode", self.postcode), ("city", self.city), ("country", self.country),
            ("birth_date", self.birth_date), ("notes", self.notes),
        ):  # fmt: skip
            form.addRow(msg("label." + key) + ":", widget)
            widget.setObjectName(key)
        outer.addWidget(self.special_warning)
        self.form_error = QLabel(self)
        self.form_error.setStyleSheet("color: #c62828;")
        self.form_error.setWordWrap(True)
        outer.addWidget(self.form_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(msg("save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(msg("cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        if contact is not None:
            self._fill(contact)
        for line in (self.first, self.initials, self.last):
            line.textChanged.connect(self.revalidate)
        for field in (self.emails, self.phones, self.postcode, self.country, self.birth_date):
            field.edit.textChanged.connect(self.revalidate)
        self.notes.textChanged.connect(self.revalidate)
        self.read_only = bool(contact and contact.restricted)
        self.banner.setVisible(self.read_only)
        if self.read_only:
            for child in self.findChildren(QLineEdit):
                child.setReadOnly(True)
            self.notes.setReadOnly(True)
        self.revalidate()

    # -- validation -----------------------------------------------------------------------

    def _check_emails(self, text: str) -> str | None:
        _values, bad = check_emails(text)
        return msg("email", value=bad) if bad else None

    def _check_phones(self, text: str) -> str | None:
        _values, bad = check_phones(text)
        return msg("phone", value=bad) if bad else None

    def _dutch(self) -> bool:
        return self.country.edit.text().strip().upper() in ("", "NL")

    def _check_postcode(self, text: str) -> str | None:
        if not text or not self._dutch():
            return None
        return None if normalize_postcode(text) else msg("postcode")

    def _check_country(self, text: str) -> str | None:
        return None if not text or re.fullmatch(r"[A-Za-z]{2}", text) else msg("country")

    def _check_date(self, text: str) -> str | None:
        return None if not text or parse_date(text) else msg("date")

    def revalidate(self) -> bool:
        ok = all(
            f.validate()
            for f in (self.emails, self.phones, self.country, self.postcode, self.birth_date)
        )
        has_name = any(w.text().strip() for w in (self.first, self.initials, self.last))
        has_email = bool(self.emails.edit.text().strip())
        self.form_error.setText("" if has_name or has_email else msg("need_name"))
        codes = special_categories(self.notes.toPlainText())
        if codes:
            labels = ", ".join(localized(*SPECIAL_LABELS[c]) for c in codes)
            self.special_warning.setText(msg("special", labels=labels))
        self.special_warning.setVisible(bool(codes))
        valid = ok and (has_name or has_email) and not getattr(self, "read_only", False)
        self.save_button.setEnabled(valid)
        return valid

    # -- data -----------------------------------------------------------------------------

    def _fill(self, c: Contact) -> None:
        n, a = c.name, c.address
        self.first.setText(n.first or "")
        self.initials.setText(n.initials or "")
        self.infix.setText(n.infix or "")
        self.last.setText(n.last or "")
        self.emails.edit.setText(", ".join(c.emails))
        self.phones.edit.setText(", ".join(format_phone_nl(p) for p in c.phones))
        self.street.setText(a.street or "")
        self.house_number.setText(a.house_number or "")
        self.postcode.edit.setText(a.postcode or "")
        self.city.setText(a.city or "")
        self.country.edit.setText(a.country or "")
        self.birth_date.edit.setText(format_date(c.birth_date))
        self.notes.setPlainText(c.notes)

    def contact(self) -> Contact:
        """The contact as the form describes it (history lists kept from the original)."""

        def text(w: QLineEdit) -> str | None:
            return w.text().strip() or None

        country = (text(self.country.edit) or "").upper() or None
        postcode = text(self.postcode.edit)
        if postcode and country in (None, "NL"):
            postcode = normalize_postcode(postcode)
        birth = (
            parse_date(self.birth_date.edit.text().strip()) if text(self.birth_date.edit) else None
        )
        base = self.original or Contact()
        return replace(
            base,
            name=PersonName(text(self.first), text(self.initials),
                            (text(self.infix) or "").lower() or None, text(self.last)),
            emails=check_emails(self.emails.edit.text())[0],
            phones=check_phones(self.phones.edit.text())[0],
            address=Address(text(self.street), text(self.house_number), postcode,
                            text(self.city), None if country == "NL" else country),
            birth_date=birth,
            birth_year=birth.year if birth else base.birth_year,
            notes=self.notes.toPlainText().strip(),
        )  # fmt: skip

    def save(self) -> None:
        if not self.revalidate():
            return
        contact = self.contact()
        try:
            if self.original is None:
                self.saved_id = contact_service.create_contact(self.session, contact)
            else:
                contact_service.update_contact(self.session, contact)
                self.saved_id = contact.id
        except UserError as exc:
            self.form_error.setText(exc.message())
            return
        self.accept()
