"""The session: one unlocked vault, the account at the keyboard and what it may do.

Handed to every service and window instead of globals. Permission checks live here so
that the CLI and the GUI refuse exactly the same things. It remembers what it read
(purposes, settings) and the states it derived (through domain.state); services.states
and services.policies keep the stored side.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from contactkluis.domain import roles
from contactkluis.domain.contact import Contact
from contactkluis.domain.purposes import (
    DEFAULT_PURPOSES,
    Purpose,
    purposes_by_code,
    purposes_from_json,
)
from contactkluis.domain.roles import Permission
from contactkluis.domain.state import ContactState, derive_state
from contactkluis.errors import UserError, current_language
from contactkluis.vault import settings_repo
from contactkluis.vault.contacts_repo import ContactRepository
from contactkluis.vault.db import Connection
from contactkluis.vault.vault import Vault

DEFAULT_SOON_DAYS = 30


class Session:
    def __init__(
        self,
        vault: Vault,
        *,
        today: Callable[[], date] = date.today,
        lang: str | None = None,
    ) -> None:
        self.vault = vault
        self._today = today
        self.lang = lang or current_language()
        self._purposes: dict[str, Purpose] | None = None
        self._settings: dict[str, Any] | None = None
        self._state_memo: tuple[object, dict[tuple[Any, ...], ContactState]] = ({}, {})

    # -- who ------------------------------------------------------------------------------

    @property
    def account(self) -> str:
        return self.vault.account_name or "?"

    @property
    def role(self) -> str:
        return self.vault.account.role if self.vault.account else ""

    def can(self, permission: Permission) -> bool:
        return self.vault.account is not None and roles.allowed(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise UserError("forbidden", role=self.role or "?", action=roles.LABELS[permission])

    # -- when and what --------------------------------------------------------------------

    def today(self) -> date:
        return self._today()

    @property
    def conn(self) -> Connection:
        return self.vault.conn

    def repo(self, conn: Connection | None = None) -> ContactRepository:
        return ContactRepository(conn or self.vault.conn)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.vault.transaction() as conn:
            yield conn

    def audit(
        self, conn: Connection, action: str, target: str | None = None, **detail: Any
    ) -> None:
        self.vault.log(conn, self.account, action, target, **detail)

    @property
    def purposes(self) -> dict[str, Purpose]:
        if self._purposes is None:
            raw = self.vault.meta("purposes")
            self._purposes = purposes_by_code(purposes_from_json(raw) if raw else DEFAULT_PURPOSES)
        return self._purposes

    def forget_policies(self) -> None:
        """Read purposes and settings afresh: they were just changed."""
        self._purposes = None
        self._settings = None

    def setting(self, key: str, default: Any) -> Any:
        # Read once per session: state computations ask for soon_days once per contact.
        if self._settings is None:
            self._settings = {k: json.loads(v) for k, v in settings_repo.stored(self.conn).items()}
        return self._settings.get(key, default)

    @property
    def soon_days(self) -> int:
        return int(self.setting("soon_days", DEFAULT_SOON_DAYS))

    # -- derived state --------------------------------------------------------------------

    def state_for(
        self, contact: Contact, *, created: date | None, open_request: bool = False
    ) -> ContactState:
        """The derived state from the contact alone (no queries). States are remembered by
        what they derive from, since a list's people share a handful of histories; callers
        store them and must not change them."""
        today, soon_days, purposes = self.today(), self.soon_days, self.purposes
        if self._state_memo[0] is not purposes or len(self._state_memo[1]) >= 8192:
            self._state_memo = (purposes, {})
        key = (
            tuple(contact.relations),
            tuple(contact.consents),
            created,
            open_request,
            today,
            soon_days,
        )
        known = self._state_memo[1].get(key)
        if known is not None:
            return known
        result = derive_state(
            contact,
            purposes,
            today=today,
            soon_days=soon_days,
            created=created,
            open_request=open_request,
        )
        self._state_memo[1][key] = result
        return result
