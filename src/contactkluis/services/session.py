"""The session: one unlocked vault, the account at the keyboard and what it may do.

Handed to every service and window instead of globals. Permission checks live here so
that the CLI and the GUI refuse exactly the same things. It remembers what it read
(purposes, settings) and the states it derived (through domain.state).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
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
from contactkluis.vault import audit, requests_repo, settings_repo, state_repo
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
        audit.append(conn, self.account, action, target, **detail)

    @property
    def purposes(self) -> dict[str, Purpose]:
        if self._purposes is None:
            raw = self.vault.meta("purposes")
            self._purposes = purposes_by_code(purposes_from_json(raw) if raw else DEFAULT_PURPOSES)
        return self._purposes

    def set_purposes(self, purposes: Iterable[Purpose]) -> None:
        from contactkluis.domain.purposes import purposes_to_json

        self.require(Permission.MANAGE_POLICIES)
        listed = list(purposes)
        with self.write() as conn:
            self.vault.set_meta(conn, "purposes", purposes_to_json(listed))
            self.audit(conn, "policy.purposes", None, count=len(listed))
        self._purposes = None
        self.refresh_all_states()

    def setting(self, key: str, default: Any) -> Any:
        # Read once per session: state computations ask for soon_days once per contact.
        if self._settings is None:
            self._settings = {k: json.loads(v) for k, v in settings_repo.stored(self.conn).items()}
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.require(Permission.MANAGE_POLICIES)
        with self.write() as conn:
            self.vault.set_meta(conn, settings_repo.PREFIX + key, json.dumps(value))
            self.audit(conn, "policy.setting", None, key=key)
        self._settings = None

    @property
    def soon_days(self) -> int:
        return int(self.setting("soon_days", DEFAULT_SOON_DAYS))

    # -- derived state --------------------------------------------------------------------

    def compute_state(self, contact: Contact, conn: Connection | None = None) -> ContactState:
        assert contact.id is not None
        return self._states_for([contact], conn or self.conn)[0]

    def _states_for(self, contacts: list[Contact], conn: Connection) -> list[ContactState]:
        """States of stored contacts: their creation dates and open requests in two queries."""
        ids = [c.id for c in contacts if c.id is not None]
        created = state_repo.created_dates(conn, ids)
        held = requests_repo.with_open_request(conn, ids)
        return [
            self.state_for(c, created=created.get(c.id or 0), open_request=c.id in held)
            for c in contacts
        ]

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

    def refresh_states(self, conn: Connection, ids: Iterable[int]) -> None:
        """Recompute the cached retention and consent state of these contacts."""
        repo = self.repo(conn)
        contacts = repo.get_many(list(ids))
        if contacts:
            states = self._states_for(contacts, conn)
            state_repo.set_states(
                conn,
                [(c.id, st) for c, st in zip(contacts, states, strict=True) if c.id is not None],
                self.today(),
            )

    def refresh_all_states(self, progress: Callable[[int, int], None] | None = None) -> None:
        with self.write() as conn:
            ids = self.repo(conn).all_ids()
            for start in range(0, len(ids), 1000):
                self.refresh_states(conn, ids[start : start + 1000])
                if progress:
                    progress(min(start + 1000, len(ids)), len(ids))

    def roll_status_to_today(self) -> int:
        """Statuses move with the calendar; dates do not. A daily pass in SQL is enough."""
        today = self.today()
        if self.vault.read_only or self.vault.meta("state_date") == today.isoformat():
            return 0
        soon = today + timedelta(days=self.soon_days)
        with self.write() as conn:
            rolled = state_repo.roll_status(conn, today, soon)
            self.vault.set_meta(conn, "state_date", today.isoformat())
            return rolled
