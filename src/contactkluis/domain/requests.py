"""Data-subject requests (AVG art. 15-21, 7(3)): deadlines and the rules for handling them.

AVG art. 12(3): answer without undue delay and within one month of receipt; that may be
extended by two further months where needed, if the person is told so, with the reasons,
within the first month.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from contactkluis.domain.purposes import RuleError, add_months


class RequestKind(StrEnum):
    ACCESS = "inzage"  # art. 15
    RECTIFICATION = "rectificatie"  # art. 16
    ERASURE = "verwijdering"  # art. 17
    RESTRICTION = "beperking"  # art. 18
    OBJECTION = "bezwaar"  # art. 21
    PORTABILITY = "overdraagbaarheid"  # art. 20
    WITHDRAWAL = "intrekking"  # art. 7(3)

    @property
    def label_nl(self) -> str:
        return _KIND_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _KIND_LABELS[self][1]


_KIND_LABELS: dict[RequestKind, tuple[str, str]] = {
    RequestKind.ACCESS: ("Inzage", "Access"),
    RequestKind.RECTIFICATION: ("Rectificatie", "Rectification"),
    RequestKind.ERASURE: ("Verwijdering", "Erasure"),
    RequestKind.RESTRICTION: ("Beperking van de verwerking", "Restriction of processing"),
    RequestKind.OBJECTION: ("Bezwaar", "Objection"),
    RequestKind.PORTABILITY: ("Overdraagbaarheid", "Data portability"),
    RequestKind.WITHDRAWAL: ("Intrekking toestemming", "Withdrawal of consent"),
}


class RequestStatus(StrEnum):
    OPEN = "open"
    EXTENDED = "verlengd"
    DONE = "afgehandeld"
    REFUSED = "afgewezen"


class Urgency(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OK = "ok"


BASE_MONTHS = 1
EXTENSION_MONTHS = 2

# Handing data to, erasing for, or changing data on the word of the wrong person harms the
# real one (a data breach, irreversible loss, mail redirected), so these need a checked
# identity before they are done. Stopping marketing or restricting processing on request of a
# stranger errs on the safe side, so those may be done without.
IDENTITY_REQUIRED = frozenset(
    {
        RequestKind.ACCESS,
        RequestKind.ERASURE,
        RequestKind.PORTABILITY,
        RequestKind.RECTIFICATION,
    }
)


def request_deadline(received: date, extended: bool) -> date:
    """One calendar month after receipt, three when extended; a missing day clamps to month end."""
    months = BASE_MONTHS + (EXTENSION_MONTHS if extended else 0)
    return add_months(received, months)


def request_urgency(deadline: date, today: date, warn_days: int = 7) -> Urgency:
    if today > deadline:
        return Urgency.OVERDUE
    if (deadline - today).days <= warn_days:
        return Urgency.DUE_SOON
    return Urgency.OK


class RequestError(RuleError):
    pass


_ERRORS: dict[str, tuple[str, str]] = {
    "extension_reason_missing": (
        "Verlengen kan alleen met een reden; die reden moet u de persoon ook laten weten.",
        "An extension needs a reason; the person must be told that reason too.",
    ),
    "extension_too_late": (
        "Verlengen moet binnen een maand na ontvangst worden gemeld; die termijn is verstreken.",
        "An extension must be notified within one month of receipt; that time has passed.",
    ),
    "already_extended": (
        "Dit verzoek is al verlengd; verder verlengen mag niet.",
        "This request was already extended; it cannot be extended again.",
    ),
    "already_closed": (
        "Dit verzoek is al afgesloten.",
        "This request is already closed.",
    ),
    "identity_not_checked": (
        "Controleer eerst de identiteit van de verzoeker: gegevens verstrekken aan, wijzigen "
        "of verwijderen voor de verkeerde persoon schaadt de echte betrokkene.",
        "Check the requester's identity first: giving, changing or erasing data for the wrong "
        "person harms the real data subject.",
    ),
    "refusal_reason_missing": (
        "Een afwijzing vraagt een reden; de persoon moet die horen, met de mogelijkheid een "
        "klacht in te dienen bij de Autoriteit Persoonsgegevens.",
        "A refusal needs a reason; the person must be told it, and that they may complain to "
        "the Dutch Data Protection Authority.",
    ),
    "closed_before_received": (
        "De afhandeldatum ligt voor de ontvangstdatum.",
        "The closing date is before the date of receipt.",
    ),
}


def _error(code: str) -> RequestError:
    nl, en = _ERRORS[code]
    return RequestError(code, nl, en)


@dataclass(frozen=True, slots=True)
class RightsRequest:
    kind: RequestKind
    received: date
    status: RequestStatus = RequestStatus.OPEN
    contact_id: int | None = None
    identity_checked: bool = False
    extension_reason: str = ""
    extended_on: date | None = None
    closed_on: date | None = None
    outcome: str = ""  # what was done, or why it was refused

    @property
    def extended(self) -> bool:
        return self.extended_on is not None

    @property
    def deadline(self) -> date:
        return request_deadline(self.received, self.extended)

    @property
    def is_open(self) -> bool:
        return self.status in (RequestStatus.OPEN, RequestStatus.EXTENDED)

    def urgency(self, today: date, warn_days: int = 7) -> Urgency | None:
        """None once closed: a closed request is never overdue."""
        return request_urgency(self.deadline, today, warn_days) if self.is_open else None

    def with_identity_checked(self) -> RightsRequest:
        return replace(self, identity_checked=True)

    def extend(self, reason: str, *, on: date) -> RightsRequest:
        if not self.is_open:
            raise _error("already_closed")
        if self.extended:
            raise _error("already_extended")
        if not reason.strip():
            raise _error("extension_reason_missing")
        if on > request_deadline(self.received, False):
            raise _error("extension_too_late")
        return replace(
            self, status=RequestStatus.EXTENDED, extension_reason=reason.strip(), extended_on=on
        )

    def close(self, *, on: date, outcome: str = "") -> RightsRequest:
        """Mark the request handled (DONE)."""
        if not self.is_open:
            raise _error("already_closed")
        if on < self.received:
            raise _error("closed_before_received")
        if self.kind in IDENTITY_REQUIRED and not self.identity_checked:
            raise _error("identity_not_checked")
        return replace(self, status=RequestStatus.DONE, closed_on=on, outcome=outcome.strip())

    def refuse(self, reason: str, *, on: date) -> RightsRequest:
        """Refuse (art. 12(4)/(5)), e.g. when identity could not be established; needs a reason."""
        if not self.is_open:
            raise _error("already_closed")
        if on < self.received:
            raise _error("closed_before_received")
        if not reason.strip():
            raise _error("refusal_reason_missing")
        return replace(self, status=RequestStatus.REFUSED, closed_on=on, outcome=reason.strip())
