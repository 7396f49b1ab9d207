"""The record of processing activities (AVG art. 30) as plain data, one row per purpose.

The services turn these rows into xlsx/HTML; the content is decided here so every export
says the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contactkluis.domain.messages import localized
from contactkluis.domain.purposes import Purpose

DEFAULT_SECURITY_MEASURES: tuple[str, ...] = (
    "Alle persoonsgegevens versleuteld opgeslagen (SQLCipher, AES-256)",
    "Sleutel afgeleid van een wachtwoord met Argon2id; geen wachtwoord op schijf",
    "Automatisch vergrendelen na inactiviteit",
    "Geen persoonsgegevens in logbestanden of tijdelijke bestanden",
    "Bewaartermijnen per doel bewaakt; verlopen gegevens worden verwijderd of geanonimiseerd",
    "Logboek van inzage, export en verwijdering",
)

NO_TRANSFER_NL = "Geen doorgifte buiten de EER"
NO_TRANSFER_EN = "No transfers outside the EEA"
NO_DPO_NL = "Geen FG aangesteld"
NO_DPO_EN = "No DPO appointed"


@dataclass(frozen=True, slots=True)
class RegisterRow:
    controller: str  # art. 30(1)(a): the institution
    purpose_code: str
    purpose_nl: str  # label with description (art. 30(1)(b))
    purpose_en: str
    people_categories: tuple[str, ...]  # art. 30(1)(c)
    data_categories: tuple[str, ...]  # art. 30(1)(c)
    legal_basis_nl: str  # art. 6(1)
    legal_basis_en: str
    retention_nl: str  # art. 30(1)(f)
    retention_en: str
    recipients: tuple[str, ...]  # art. 30(1)(d)
    transfers_nl: str  # art. 30(1)(e)
    transfers_en: str
    security_measures: tuple[str, ...]  # art. 30(1)(g)
    controller_contact: str = ""  # art. 30(1)(a): address, e-mail, phone
    dpo_contact: str = ""  # art. 30(1)(a): the FG/DPO, when one is appointed

    def cells(self, lang: str = "nl") -> tuple[str, ...]:
        """One spreadsheet row in the order of `register_columns(lang)`."""
        return (
            "\n".join(p for p in (self.controller, self.controller_contact) if p),
            self.dpo_contact or localized(NO_DPO_NL, NO_DPO_EN, lang),
            localized(self.purpose_nl, self.purpose_en, lang),
            "; ".join(self.people_categories),
            "; ".join(self.data_categories),
            localized(self.legal_basis_nl, self.legal_basis_en, lang),
            localized(self.retention_nl, self.retention_en, lang),
            "; ".join(self.recipients),
            localized(self.transfers_nl, self.transfers_en, lang),
            "; ".join(self.security_measures),
        )


_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Verwerkingsverantwoordelijke en contact", "Controller and contact details"),
    ("Functionaris gegevensbescherming (FG)", "Data protection officer (DPO)"),
    ("Doel", "Purpose"),
    ("Categorieën betrokkenen", "Categories of data subjects"),
    ("Categorieën persoonsgegevens", "Categories of personal data"),
    ("Grondslag", "Legal basis"),
    ("Bewaartermijn", "Retention period"),
    ("Ontvangers", "Recipients"),
    ("Doorgifte buiten de EER", "Transfers outside the EEA"),
    ("Beveiligingsmaatregelen", "Security measures"),
)


def register_columns(lang: str = "nl") -> tuple[str, ...]:
    return tuple(localized(nl, en, lang) for nl, en in _COLUMNS)


def _with_description(label: str, description: str) -> str:
    return f"{label}: {description}" if description else label


def processing_register(
    purposes: Sequence[Purpose],
    institution: str,
    security_measures: Sequence[str] = DEFAULT_SECURITY_MEASURES,
    *,
    controller_contact: str = "",
    dpo_contact: str = "",
) -> list[RegisterRow]:
    measures = tuple(m for m in security_measures if m.strip())
    return [
        RegisterRow(
            controller=institution,
            purpose_code=p.code,
            purpose_nl=_with_description(p.label_nl, p.description_nl),
            purpose_en=_with_description(p.label_en, p.description_en),
            people_categories=p.people_categories,
            data_categories=p.data_categories,
            legal_basis_nl=f"{p.basis.label_nl} ({p.basis.article_nl})",
            legal_basis_en=f"{p.basis.label_en} ({p.basis.article_en})",
            retention_nl=p.retention_nl(),
            retention_en=p.retention_en(),
            recipients=p.recipients or ("geen",),
            transfers_nl=NO_TRANSFER_NL,
            transfers_en=NO_TRANSFER_EN,
            security_measures=measures,
            controller_contact=controller_contact.strip(),
            dpo_contact=dpo_contact.strip(),
        )
        for p in purposes
    ]
