"""Who may be e-mailed for a purpose: one answer with one reason code per person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from contactkluis.domain.consent import consent_state, soft_opt_in
from contactkluis.domain.contact import RELATION_PURPOSE, ConsentStatus, Contact
from contactkluis.domain.messages import register
from contactkluis.domain.purposes import LegalBasis, Message, Purpose


class MailBasis(StrEnum):
    CONSENT = "consent"
    SOFT_OPT_IN = "soft_opt_in"
    RELATION = "relation"  # service mail to an active relation (not marketing)


MAILING_MESSAGES: dict[str, Message] = {
    m.code: m
    for m in (
        Message("ok_consent", "Toestemming gegeven.", "Consent given."),
        Message(
            "ok_soft_opt_in",
            "Klant: e-mail mag op grond van de klantuitzondering (soft opt-in).",
            "Customer: e-mail allowed under the customer exception (soft opt-in).",
        ),
        Message(
            "ok_relation",
            "Lopende relatie: dienstverlenende e-mail voor dit doel.",
            "Ongoing relation: service e-mail for this purpose.",
        ),
        Message("anonymised", "Geanonimiseerd.", "Anonymised."),
        Message("restricted", "Verwerking is beperkt (AVG art. 18).", "Processing is restricted."),
        Message("deceased", "Overleden: wordt nooit gemaild.", "Deceased: never mailed."),
        Message("suppressed", "Staat op de afmeldlijst.", "On the suppression list."),
        Message("no_email", "Geen geldig e-mailadres.", "No valid e-mail address."),
        Message("withdrawn", "Toestemming voor dit doel is ingetrokken.", "Consent was withdrawn."),
        Message(
            "objects_marketing",
            "Heeft bezwaar gemaakt tegen direct marketing.",
            "Has objected to direct marketing.",
        ),
        Message(
            "reconfirm",
            "Toestemming uit een oude lijst: eerst opnieuw laten bevestigen.",
            "Consent from a legacy list: have it reconfirmed first.",
        ),
        Message(
            "no_consent",
            "Geen toestemming en de klantuitzondering is niet van toepassing.",
            "No consent and the customer exception does not apply.",
        ),
        Message(
            "no_relation",
            "Geen lopende relatie voor dit doel.",
            "No ongoing relation for this purpose.",
        ),
    )
}
register({m.code: (m.text_nl, m.text_en) for m in MAILING_MESSAGES.values()}, prefix="mail.")


@dataclass(frozen=True, slots=True)
class Eligibility:
    ok: bool
    code: str  # a key of MAILING_MESSAGES
    basis: MailBasis | None = None
    email: str | None = None  # the address to use when ok

    @property
    def message(self) -> Message:
        return MAILING_MESSAGES[self.code]


# Syntax only: the importer already normalised addresses with email-validator; this guards
# against blanks and obvious junk that slipped in by hand.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def valid_email(address: str) -> bool:
    return bool(_EMAIL.match(address.strip())) and ".." not in address


def first_valid_email(contact: Contact) -> str | None:
    return next((e.strip() for e in contact.emails if valid_email(e)), None)


def _no(code: str) -> Eligibility:
    return Eligibility(False, code)


def mailing_eligible(
    contact: Contact,
    purpose: Purpose,
    *,
    today: date,
    suppressed: bool,
    allow_reconfirm: bool = False,
) -> Eligibility:
    """May this person be e-mailed for `purpose` today? The first reason that blocks is given.

    Marketing and consent-based purposes need consent in force, or for marketing the soft
    opt-in. A legacy consent marked "to reconfirm" does not count unless `allow_reconfirm`:
    consent the institution cannot demonstrate (AVG art. 7(1)) is not consent it may rely on.
    Other purposes (e.g. friends' service mail) need an ongoing relation for the purpose.
    """
    if contact.anonymised:
        return _no("anonymised")
    if contact.restricted:
        return _no("restricted")
    if contact.deceased:
        return _no("deceased")
    if suppressed:
        return _no("suppressed")
    email = first_valid_email(contact)
    if email is None:
        return _no("no_email")
    state = consent_state(contact.consents, purpose.code, today=today)
    if state.status is ConsentStatus.WITHDRAWN:
        return _no("withdrawn")
    needs_opt_in = purpose.marketing or purpose.basis is LegalBasis.TOESTEMMING
    if not needs_opt_in:
        active = any(
            RELATION_PURPOSE[r.kind] == purpose.code and (r.end is None or r.end >= today)
            for r in contact.relations
        )
        if active:
            return Eligibility(True, "ok_relation", MailBasis.RELATION, email)
        return _no("no_relation")
    if purpose.marketing and contact.objects_marketing:
        return _no("objects_marketing")
    if state.status is ConsentStatus.GIVEN and (allow_reconfirm or not state.reconfirm):
        return Eligibility(True, "ok_consent", MailBasis.CONSENT, email)
    if purpose.marketing:
        soft = soft_opt_in(
            contact.relations,
            purpose,
            consents=contact.consents,
            objects_marketing=contact.objects_marketing,
            suppressed=suppressed,
            today=today,
        )
        if soft.ok:
            return Eligibility(True, "ok_soft_opt_in", MailBasis.SOFT_OPT_IN, email)
    if state.status is ConsentStatus.GIVEN:
        return _no("reconfirm")
    return _no("no_consent")
