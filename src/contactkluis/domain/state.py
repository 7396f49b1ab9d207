"""A contact's derived state: retention status and consent flags, computed from its history.

Cached on the contact row for fast listing and filtering; derived here, stored by the vault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from contactkluis.domain.consent import consent_states
from contactkluis.domain.contact import Contact
from contactkluis.domain.purposes import Purpose
from contactkluis.domain.retention import evaluate_contact


@dataclass(frozen=True)
class ContactState:
    """The derived state cached on the contact row for fast listing and filtering."""

    retention_status: str
    retention_until: date | None
    retention_reasons: list[dict[str, Any]]
    consent_flags: dict[str, str]


def derive_state(
    contact: Contact,
    purposes: Mapping[str, Purpose],
    *,
    today: date,
    soon_days: int,
    created: date | None,
    open_request: bool = False,
) -> ContactState:
    """The state from the contact, the purposes and the calendar alone (no queries)."""
    retention = evaluate_contact(
        contact,
        purposes,
        today=today,
        soon_days=soon_days,
        created=created,
        open_request=open_request,
    )
    flags = {
        code: str(state.flag())
        for code, state in consent_states(contact.consents, today=today).items()
    }
    return ContactState(
        retention_status=str(retention.status),
        retention_until=retention.until,
        retention_reasons=[
            {
                "purpose": r.purpose,
                "until": r.until.isoformat() if r.until else None,
                "nl": r.text_nl,
                "en": r.text_en,
            }
            for r in retention.reasons
        ],
        consent_flags=flags,
    )
