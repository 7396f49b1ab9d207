"""The session: one unlocked vault, the account at the keyboard and what it may do.

Handed to every service and window instead of globals. Permission checks live here so
that the CLI and the GUI refuse exactly the same things.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from contactkluis.domain import roles
from contactkluis.domain.consent import consent_states
from contactkluis.domain.contact import Contact
from contactkluis.domain.purposes import (
    DEFAULT_PURPOSES,
    Purpose,
    purposes_by_code,
    purposes_from_json,
)
from contactkluis.domain.retention import evaluate_contact
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError, current_language
from contactkluis.vault import audit
from contactkluis.vault.contacts_repo import ContactRepository, ContactState
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
        raw = self.vault.meta(f"setting.{key}")
        return default if raw is None else json.loads(raw)

    def set_setting(self, key: str, value: Any) -> None:
        self.require(Permission.MANAGE_POLICIES)
        with self.write() as conn:
            self.vault.set_meta(conn, f"setting.{key}", json.dumps(value))
            self.audit(conn, "policy.setting", None, key=key)

    @property
    def soon_days(self) -> int:
        return int(self.setting("soon_days", DEFAULT_SOON_DAYS))

    # -- derived state --------------------------------------------------------------------

    def compute_state(self, contact: Contact, conn: Connection | None = None) -> ContactState:
        assert contact.id is not None
        c = conn or self.conn
        open_request = (
            c.execute(
                "SELECT 1 FROM requests WHERE contact_id = ? AND status IN ('open', 'verlengd')",
                (contact.id,),
            ).fetchone()
            is not None
        )
        created_row = c.execute(
            "SELECT substr(created_at, 1, 10) FROM contacts WHERE id = ?", (contact.id,)
        ).fetchone()
        created = date.fromisoformat(created_row[0]) if created_row else None
        return self.state_for(contact, created=created, open_request=open_request)

    def state_for(
        self,
        contact: Contact,
        *,
        created: date | None,
        open_request: bool = False,
        soon_days: int | None = None,
    ) -> ContactState:
        """The derived state from the contact alone: the import's bulk path. A caller that
        computes many states passes `soon_days` (read once) to spare a settings query each;
        its states are remembered by what they derive from, since a list's people share
        a handful of histories (the state is a pure function of these and the purposes).
        Such a caller must treat the returned state as read-only."""
        today = self.today()
        key: tuple[Any, ...] | None = None
        if soon_days is not None:
            purposes = self.purposes
            memo: tuple[object, dict[tuple[Any, ...], ContactState]] | None = getattr(
                self, "_state_memo", None
            )
            if memo is None or memo[0] is not purposes or len(memo[1]) >= 8192:
                memo = (purposes, {})
                self._state_memo = memo
            key = (
                tuple(contact.relations),
                tuple(contact.consents),
                created,
                open_request,
                today,
                soon_days,
            )
            known = memo[1].get(key)
            if known is not None:
                return known
        retention = evaluate_contact(
            contact,
            self.purposes,
            today=today,
            soon_days=self.soon_days if soon_days is None else soon_days,
            created=created,
            open_request=open_request,
        )
        flags = {
            code: str(state.flag())
            for code, state in consent_states(contact.consents, today=today).items()
        }
        result = ContactState(
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
        if key is not None:
            self._state_memo[1][key] = result
        return result

    def refresh_states(self, conn: Connection, ids: Iterable[int]) -> None:
        """Recompute the cached retention and consent state of these contacts."""
        repo = self.repo(conn)
        id_list = list(ids)
        today = self.today()
        for contact in repo.get_many(id_list):
            assert contact.id is not None
            repo.set_state(contact.id, self.compute_state(contact, conn), today)

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
        soon = (today + timedelta(days=self.soon_days)).isoformat()
        with self.write() as conn:
            cur = conn.execute(
                "UPDATE contacts SET retention_status = CASE"
                " WHEN retention_until < ? THEN 'expired'"
                " WHEN retention_until <= ? THEN 'soon' ELSE 'ok' END, state_date = ?"
                " WHERE retention_until IS NOT NULL",
                (today.isoformat(), soon, today.isoformat()),
            )
            self.vault.set_meta(conn, "state_date", today.isoformat())
            return int(cur.rowcount)
