"""How long a person may be kept, and why; and what survives anonymisation.

Each relation and each standing consent is a reason to keep a person until some date (or
open-ended). The person is kept until the LATEST of those dates. Every reason carries a
Dutch and English text the GUI shows, so staff can see why a record is still there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import (
    RELATION_PURPOSE,
    ConsentEvent,
    ConsentStatus,
    Contact,
    Relation,
    RelationKind,
)
from contactkluis.domain.messages import format_date, localized
from contactkluis.domain.purposes import Purpose, RetentionAnchor


class RetentionStatus(StrEnum):
    OK = "ok"
    SOON = "soon"
    EXPIRED = "expired"


# Purpose codes of reasons that are not a processing purpose.
HOLD_REQUEST = "verzoek"
HOLD_LEGAL = "bewaarplicht"
NOTHING = ""


@dataclass(frozen=True, slots=True)
class RetentionReason:
    purpose: str
    until: date | None  # None = open-ended (active membership, standing consent, hold)
    text_nl: str
    text_en: str


@dataclass(frozen=True, slots=True)
class Retention:
    status: RetentionStatus
    until: date | None
    reasons: tuple[RetentionReason, ...]  # the deciding reason first
    held: bool = False  # an open rights request or legal hold blocks expiry
    review: bool = False  # a reason could not be dated or its purpose is unknown

    @property
    def justified(self) -> bool:
        """Something still justifies keeping the person (or did until `until`)."""
        return any(r.purpose != NOTHING for r in self.reasons)


# Dutch/English nouns for the reason texts: (holder, activity) per relation kind.
_KIND_TEXT: dict[RelationKind, tuple[str, str, str, str]] = {
    RelationKind.VRIEND: ("Vriend", "Friend", "Laatste activiteit", "Last activity"),
    RelationKind.DONATEUR: ("Donateur", "Donor", "Gift", "Gift"),
    RelationKind.NIEUWSBRIEF: ("Abonnee", "Subscriber", "Aanmelding", "Sign-up"),
    RelationKind.BEZOEKER: ("Bezoeker", "Visitor", "Laatste bezoek", "Last visit"),
    RelationKind.GROEPSCONTACT: ("Groepscontact", "Group contact", "Groepsbezoek", "Group visit"),
    RelationKind.KLANT: ("Klant", "Customer", "Laatste aankoop", "Last purchase"),
    RelationKind.ONBEKEND: ("Doel onbekend", "Purpose unknown", "Lijst", "List"),
}


def _note(purpose: Purpose, lang: str) -> str:
    note = localized(purpose.retention_note_nl, purpose.retention_note_en, lang)
    return f" ({note})" if note else ""


def _short_note(purpose: Purpose, lang: str) -> str:
    # "fiscale bewaarplicht, art. 52 AWR" reads as "(fiscale bewaarplicht)" in a reason line.
    note = localized(purpose.retention_note_nl, purpose.retention_note_en, lang)
    return f" ({note.split(',')[0].strip()})" if note else ""


def _relation_reason(
    relation: Relation, purpose: Purpose, created: date | None
) -> tuple[RetentionReason | None, bool]:
    """The reason this relation gives, and whether it needs review."""
    holder_nl, holder_en, act_nl, act_en = _KIND_TEXT[relation.kind]
    rule = purpose.rule
    term_nl, term_en = rule.term_nl(), rule.term_en()
    plus_nl = f" + {term_nl}" if term_nl else ""
    plus_en = f" + {term_en}" if term_en else ""
    if rule.anchor is RetentionAnchor.CONSENT:
        return None, False  # the consent history decides, not the relation
    if rule.anchor is RetentionAnchor.RELATION_END:
        if relation.end is None:
            since_nl = f" sinds {format_date(relation.start, 'nl')}" if relation.start else ""
            since_en = f" since {format_date(relation.start, 'en')}" if relation.start else ""
            return (
                RetentionReason(
                    purpose.code,
                    None,
                    f"{holder_nl}{since_nl} (lopende relatie)",
                    f"{holder_en}{since_en} (ongoing relation)",
                ),
                False,
            )
        end_nl, end_en = format_date(relation.end, "nl"), format_date(relation.end, "en")
        return (
            RetentionReason(
                purpose.code,
                rule.add_to(relation.end),
                f"{holder_nl} tot {end_nl}{plus_nl}{_short_note(purpose, 'nl')}",
                f"{holder_en} until {end_en}{plus_en}{_short_note(purpose, 'en')}",
            ),
            False,
        )
    anchor = relation.last_activity or relation.end or relation.start
    if anchor is not None:
        return (
            RetentionReason(
                purpose.code,
                rule.add_to(anchor),
                f"{act_nl} {format_date(anchor, 'nl')}{plus_nl}{_short_note(purpose, 'nl')}",
                f"{act_en} {format_date(anchor, 'en')}{plus_en}{_short_note(purpose, 'en')}",
            ),
            False,
        )
    if created is not None:
        # Without any date, count from when the record was made: never keep undated forever.
        return (
            RetentionReason(
                purpose.code,
                rule.add_to(created),
                f"{holder_nl}, datum onbekend: vastgelegd {format_date(created, 'nl')}{plus_nl}",
                f"{holder_en}, date unknown: recorded {format_date(created, 'en')}{plus_en}",
            ),
            True,
        )
    return (
        RetentionReason(
            purpose.code,
            None,
            f"{holder_nl}, geen datum bekend: controleer deze relatie",
            f"{holder_en}, no date known: review this relation",
        ),
        True,
    )


def _consent_reason(events: Sequence[ConsentEvent], purpose: Purpose) -> RetentionReason | None:
    state = consent_state(events, purpose.code)
    label_nl, label_en = purpose.label_nl, purpose.label_en
    if state.status is ConsentStatus.GIVEN and state.since is not None:
        since_nl, since_en = format_date(state.since, "nl"), format_date(state.since, "en")
        extra_nl = ", te herbevestigen" if state.reconfirm else ""
        extra_en = ", to reconfirm" if state.reconfirm else ""
        return RetentionReason(
            purpose.code,
            None,
            f"{label_nl}: toestemming sinds {since_nl} (zolang die geldt{extra_nl})",
            f"{label_en}: consent since {since_en} (while it stands{extra_en})",
        )
    if state.status is ConsentStatus.WITHDRAWN and state.since and purpose.rule.has_term:
        return RetentionReason(
            purpose.code,
            purpose.rule.add_to(state.since),
            f"{label_nl}: toestemming ingetrokken {format_date(state.since, 'nl')} + "
            f"{purpose.rule.term_nl()}",
            f"{label_en}: consent withdrawn {format_date(state.since, 'en')} + {purpose.rule.term_en()}",
        )
    return None  # a withdrawn consent justifies nothing


def _unknown_purpose(code: str) -> RetentionReason:
    # A register edit must never silently expire people: keep them and ask for a review.
    return RetentionReason(
        code,
        None,
        f"Doel '{code}' staat niet in het doelenregister: controleer",
        f"Purpose '{code}' is not in the purpose register: review",
    )


_UNKNOWN_LIST = RetentionReason(
    RELATION_PURPOSE[RelationKind.ONBEKEND],
    None,
    "Doel onbekend — beoordelen (van een lijst waarvan niet vaststond waarvoor die was)",
    "Purpose unknown — review (from a list whose purpose could not be determined)",
)


def _status(until: date, today: date, soon_days: int) -> RetentionStatus:
    if until < today:
        return RetentionStatus.EXPIRED
    if (until - today).days <= soon_days:
        return RetentionStatus.SOON
    return RetentionStatus.OK


def _order(reason: RetentionReason) -> tuple[int, int]:
    return (0, 0) if reason.until is None else (1, -reason.until.toordinal())


def evaluate_retention(
    relations: Sequence[Relation],
    consents: Sequence[ConsentEvent],
    purposes: Mapping[str, Purpose],
    *,
    today: date,
    soon_days: int = 30,
    created: date | None = None,
    open_request: bool = False,
    legal_hold: bool = False,
) -> Retention:
    """Until when this person may be kept, its status on `today`, and every reason.

    `until` is the latest date any purpose still justifies, or None while something is
    open-ended. With nothing at all to justify keeping, the status is EXPIRED since the last
    withdrawal, else since `created` (None when neither is known). An open rights request or
    a legal hold blocks expiry.
    """
    reasons: list[RetentionReason] = []
    review = False
    lapsed: list[date] = []  # withdrawals that ended a justification
    for relation in relations:
        if relation.kind is RelationKind.ONBEKEND:
            # Imported from a list nobody could place: never expired until someone decides.
            reasons.append(_UNKNOWN_LIST)
            review = True
            continue
        code = RELATION_PURPOSE[relation.kind]
        purpose = purposes.get(code)
        if purpose is None:
            reasons.append(_unknown_purpose(code))
            review = True
            continue
        reason, needs_review = _relation_reason(relation, purpose, created)
        review = review or needs_review
        if reason is not None:
            reasons.append(reason)
    for code in sorted({e.purpose for e in consents}):
        purpose = purposes.get(code)
        if purpose is None or purpose.rule.anchor is not RetentionAnchor.CONSENT:
            continue  # consent for a purpose kept on another ground adds nothing
        reason = _consent_reason(consents, purpose)
        if reason is not None:
            reasons.append(reason)
        else:
            state = consent_state(consents, code)
            if state.status is ConsentStatus.WITHDRAWN and state.since is not None:
                lapsed.append(state.since)

    holds: list[RetentionReason] = []
    if open_request:
        holds.append(
            RetentionReason(
                HOLD_REQUEST,
                None,
                "Openstaand AVG-verzoek: niet verwijderen voordat het is afgehandeld",
                "Open data-subject request: do not delete before it is handled",
            )
        )
    if legal_hold:
        holds.append(
            RetentionReason(
                HOLD_LEGAL,
                None,
                "Bewaarplicht (juridische blokkade): niet verwijderen",
                "Legal hold: do not delete",
            )
        )

    reasons.sort(key=_order)
    if holds:
        return Retention(RetentionStatus.OK, None, (*holds, *reasons), held=True, review=review)
    if not reasons:
        since = max(lapsed) if lapsed else created
        since_nl = f" (sinds {format_date(since, 'nl')})" if since else ""
        since_en = f" (since {format_date(since, 'en')})" if since else ""
        nothing = RetentionReason(
            NOTHING,
            since,
            f"Geen relatie of geldende toestemming: niets rechtvaardigt bewaren{since_nl}",
            f"No relation or standing consent: nothing justifies keeping this person{since_en}",
        )
        return Retention(RetentionStatus.EXPIRED, since, (nothing,), review=review)
    if reasons[0].until is None:
        return Retention(RetentionStatus.OK, None, tuple(reasons), review=review)
    until = reasons[0].until
    return Retention(_status(until, today, soon_days), until, tuple(reasons), review=review)


def evaluate_contact(
    contact: Contact,
    purposes: Mapping[str, Purpose],
    *,
    today: date,
    soon_days: int = 30,
    created: date | None = None,
    open_request: bool = False,
    legal_hold: bool = False,
) -> Retention:
    return evaluate_retention(
        contact.relations,
        contact.consents,
        purposes,
        today=today,
        soon_days=soon_days,
        created=created,
        open_request=open_request,
        legal_hold=legal_hold,
    )


# ---------------------------------------------------------------- anonymisation


@dataclass(frozen=True, slots=True)
class AnonymisedRecord:
    """All that survives anonymisation: enough for counts, too little to single anyone out."""

    pc4: str | None  # the four digits of a Dutch postcode
    birth_year_band: str | None  # "1960-1969"
    segment: str | None
    relation_years: tuple[tuple[RelationKind, int | None], ...]  # first start year per kind


_PC4 = re.compile(r"^\s*([1-9][0-9]{3})")


def _pc4(contact: Contact) -> str | None:
    address = contact.address
    # A foreign postcode can point at a handful of houses; only Dutch PC4 is coarse enough.
    if address.country not in (None, "NL") or not address.postcode:
        return None
    match = _PC4.match(address.postcode)
    return match.group(1) if match else None


def birth_year_band(year: int | None) -> str | None:
    if year is None:
        return None
    start = year - year % 10
    return f"{start}-{start + 9}"


def anonymised_fields(contact: Contact) -> AnonymisedRecord:
    year = contact.birth_date.year if contact.birth_date else contact.birth_year
    first: dict[RelationKind, int | None] = {}
    for relation in contact.relations:
        start = relation.start.year if relation.start else None
        if relation.kind not in first:
            first[relation.kind] = start
        else:
            known = [y for y in (first[relation.kind], start) if y is not None]
            first[relation.kind] = min(known) if known else None
    ordered = tuple(sorted(first.items(), key=lambda item: item[0].value))
    return AnonymisedRecord(_pc4(contact), birth_year_band(year), contact.segment, ordered)
