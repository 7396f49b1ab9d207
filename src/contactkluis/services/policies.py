"""The institution's policies (beheerder): processing purposes and settings."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from contactkluis.domain.purposes import Purpose, purposes_to_json
from contactkluis.domain.roles import Permission
from contactkluis.services import states
from contactkluis.services.session import Session
from contactkluis.vault import settings_repo


def set_purposes(session: Session, purposes: Iterable[Purpose]) -> None:
    """Store the purposes and recompute every contact's state under them."""
    session.require(Permission.MANAGE_POLICIES)
    listed = list(purposes)
    with session.write() as conn:
        session.vault.set_meta(conn, "purposes", purposes_to_json(listed))
        session.audit(conn, "policy.purposes", None, count=len(listed))
    session.forget_policies()
    states.refresh_all(session)


def set_setting(session: Session, key: str, value: Any) -> None:
    session.require(Permission.MANAGE_POLICIES)
    with session.write() as conn:
        session.vault.set_meta(conn, settings_repo.PREFIX + key, json.dumps(value))
        session.audit(conn, "policy.setting", None, key=key)
    session.forget_policies()
