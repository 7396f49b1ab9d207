"""An unlocked vault's key slots: who unlocked with which signed role, the audit head in
the key file, passwords, roles, removal, the recovery key and key rotation.

A mixin of `Vault` (vault.py), kept apart so each module stays readable; it uses only the
attributes declared below.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from contactkluis.errors import UserError
from contactkluis.vault import accounts_repo, audit, db, keys, roster
from contactkluis.vault.keyfile import KeyFile, key_path
from contactkluis.vault.signing import PendingRole, Signer, fingerprint


@dataclass(frozen=True)
class Account:
    name: str
    role: str


HEAD_SYNC_S = 1.0


class KeySlots:
    """Signed slots: who unlocked with which role, and every change to the slots."""

    path: Path
    keyfile: KeyFile
    conn: db.Connection
    read_only: bool
    _data_key: bytes | None
    _authority: Signer | None
    _private: X25519PrivateKey | None
    _kek: bytes | None  # wraps the unlocking slot's private key: to re-pin it
    _replaced: tuple[str, str] | None = None  # signing keys (old, new) not yet in the log
    _own_slot: str | None
    _signer: Signer | None
    _head_ok: bool
    _head_synced = 0.0  # time.monotonic() of the last head written to the key file
    account: Account | None
    warnings: list[str]

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[db.Connection]: ...

        log: Callable[..., int]

        @property
        def account_name(self) -> str | None: ...

        def close(self) -> None: ...

    def _account_record(self, name: str) -> Account | None:
        row = self.conn.execute(
            "SELECT name, role FROM accounts WHERE name = ? AND active = 1", (name,)
        ).fetchone()
        return Account(row[0], row[1]) if row else None

    def _authenticate(self, slot: keys.Slot, opened: roster.Opened, secret: str) -> None:
        """Who this is and with which role, from signed slots only; closes the vault if refused."""
        try:
            self._authenticate_slot(slot, opened, secret)
        except BaseException:
            self.close()
            raise

    def _authenticate_slot(self, slot: keys.Slot, opened: roster.Opened, secret: str) -> None:
        kf = self.keyfile
        private = self._private
        assert private is not None
        if slot.kind == "recovery":
            self.account = Account("herstelsleutel", "beheerder")
        else:
            self.account = self._account_record(slot.account or "")
        account = self.account
        signed = kf.authority is not None and slot.kind == "password"
        if (
            signed
            and account is not None
            and account.role != slot.role
            and slot.role is not None
            and roster.pending_role_ok(kf, account.name, slot.role)
        ):
            # A role change cut short after its key-file step: the signed role holds, and
            # _finish_interrupted writes the database half.
            self.account = account = Account(account.name, slot.role)
        if signed and account is not None and account.role != slot.role:
            raise roster.tampered(
                f"'{account.name}' has role '{account.role}' in the database"
                f" but was signed as '{slot.role}'"
            )
        if kf.authority is None:
            if self.read_only or self.account is None or self.account.role != "beheerder":
                self.warnings.append(
                    "keys: this vault's roles and key slots are not signed yet; the next"
                    " unlock by a beheerder signs them"
                )
                return
            self._enable_signing()
            opened = roster.open_slot(kf, slot, private, None)
            self._authority, self._signer = opened.authority, opened.signer
            with self.transaction() as c:
                self.log(c, self.account.name, "keys.sign", None, slots=len(kf.slots))
        self._authority, self._signer = opened.authority, opened.signer
        if opened.repin and not self.read_only and kf.authority is not None:
            keys.rewrap_private(slot, kf.vault_id, private, secret, kf.authority.public_key)
            kf.save(key_path(self.path))

    def _head_holds(self) -> bool:
        """Whether the log still holds the last entry the key file knows of."""
        kf = self.keyfile
        if kf.audit_head is None:
            return kf.authority is None or audit.last(self.conn) is None
        return audit.holds(self.conn, kf.audit_head)

    def _enable_signing(self) -> None:
        """A vault from before signing, opened by a beheerder: sign what is there."""
        roles = {
            name.casefold(): role
            for name, role, _created, active in accounts_repo.all_rows(self.conn)
            if active
        }
        tail = audit.last(self.conn)
        roster.enable(self.keyfile, roles, (tail[0] if tail else 0) + 1)
        self.keyfile.audit_head = tail
        self.keyfile.save(key_path(self.path))

    def _finish_interrupted(self) -> None:
        """Finish what a crash cut short: a role change, a key rotation, or removing an
        account's slot."""
        kf = self.keyfile
        pending = kf.pending_role
        if pending is not None and roster.pending_role_ok(kf, pending.account, pending.role):
            self._apply_pending_role(finished=True)
        removed: list[str] = []
        if self._authority is not None:
            active = {
                name.casefold()
                for name, _role, _created, on in accounts_repo.all_rows(self.conn)
                if on
            }
            removed = [
                s.slot_id
                for s in kf.slots
                if s.kind == "password"
                and roster.slot_ok(kf, s)
                and (s.account or "").casefold() not in active
            ]
        if removed or kf.pending is not None:
            self.rotate_key(drop=removed)

    def _sync_head(self, *, force: bool = True) -> None:
        """Copy the log's head into the key file, unless the key file caught a cut log: then
        its head stays as evidence for `verify`.

        A key-file write costs ~17 ms (two fsyncs), so after a transaction it happens at most
        once per HEAD_SYNC_S; closing and backups always write it. A crash can thus leave the
        key file's head up to that long behind the log, never ahead of it.
        """
        if not self._head_ok or self.conn is None or self.read_only:
            return
        if not force and time.monotonic() - self._head_synced < HEAD_SYNC_S:
            return
        tail = audit.last(self.conn)
        if tail is None or tail == self.keyfile.audit_head:
            return
        self.keyfile.audit_head = tail
        self.keyfile.save(key_path(self.path))
        self._head_synced = time.monotonic()

    # -- accounts' slots ------------------------------------------------------------------

    def _require_key(self) -> bytes:
        if self._data_key is None or self.read_only:
            raise UserError("read_only")
        return self._data_key

    def _require_authority(self) -> Signer:
        if self._authority is None:
            raise UserError("read_only" if self.read_only else "tampered", what="no signing key")
        return self._authority

    def set_password_slot(self, account: str, password: str, role: str | None = None) -> None:
        """A new password. Your own: the same slot re-wrapped (its signature stays valid).
        Another account's (beheerder): a fresh signed slot with `role` or its signed role."""
        self._require_key()
        kf = self.keyfile
        slot_id = keys.account_slot_id(account)
        own = kf.slot(slot_id)
        if own is not None and self._private is not None and slot_id == self._own_slot:
            pin = None if kf.authority is None else kf.authority.public_key
            keys.rewrap_private(own, kf.vault_id, self._private, password, pin)
            kf.save(key_path(self.path))
            return
        role = role or roster.signed_role(kf, account) or accounts_repo.role_of(self.conn, account)
        self._replace_slot(slot_id, "password", account, password, role)

    def _replace_slot(
        self, slot_id: str, kind: str, account: str | None, secret: str, role: str | None
    ) -> None:
        """A fresh slot, pinned, holding the current data key, signed by this session."""
        data_key = self._require_key()
        authority = self._require_authority()
        kf = self.keyfile
        slot, _ = keys.new_slot(
            kf.vault_id, slot_id, kind, account, secret, kf.slots[0].kdf, pin=authority.public
        )
        keys.seal_data_key(slot, kf.vault_id, kf.generation, data_key)
        roster.issue(kf, authority, slot, role)
        kf.slots = [s for s in kf.slots if s.slot_id != slot.slot_id] + [slot]
        kf.save(key_path(self.path))

    def change_role(self, account: str, role: str) -> None:
        """A new role, crash-safe in three steps:

        1. the key file gets the signed role, a signed `pending_role` marker and, when a
           beheerder steps down, a new signing key (they could read the old one), in one
           atomic write;
        2. the database row and the audit entries commit;
        3. the marker goes.
        A crash after 1 is finished at the next unlock (_finish_interrupted); until then
        the marker tells the signed role from a raw-key `UPDATE accounts`.
        """
        authority = self._require_authority()
        kf = self.keyfile
        slot = kf.slot(keys.account_slot_id(account))
        if slot is None:
            raise UserError("no_account", account=account)
        stepping_down = "authority" in slot.seeds and role != roster.BEHEERDER
        roster.set_role(kf, authority, slot, role)
        if stepping_down:
            authority = self._replace_authority()
        kf.pending_role = PendingRole.make(kf.vault_id, authority, account, role)
        kf.save(key_path(self.path))
        self._apply_pending_role(finished=False)
        if slot.slot_id == self._own_slot and stepping_down:
            self._authority = None  # this session's own slot no longer holds it
            self.account = Account(self.account.name if self.account else account, role)

    def _apply_pending_role(self, *, finished: bool) -> None:
        kf = self.keyfile
        pending = kf.pending_role
        assert pending is not None
        with self.transaction() as c:
            accounts_repo.set_role(c, pending.account, pending.role)
            detail: dict[str, object] = {"role": pending.role}
            if finished:
                detail["finished"] = True  # after a crash, by whoever unlocked next
            self.log(c, self.account_name, "account.role", f"account:{pending.account}", **detail)
            self._log_authority(c)
        kf.pending_role = None
        kf.save(key_path(self.path))

    def _replace_authority(self) -> Signer:
        """A new signing key in place of the one a leaving beheerder could read; this
        session's own slot is re-pinned at once, the others at their owners' next unlock."""
        old = self._require_authority()
        tail = audit.last(self.conn)
        new = roster.replace_authority(self.keyfile, old, tail[0] if tail else 0)
        if self._signer is old:
            self._signer = new  # the recovery slot signs with the signing key itself
        self._authority = new
        self._replaced = (fingerprint(old.public), fingerprint(new.public))
        own = self.keyfile.slot(self._own_slot or "")
        if own is not None and self._private is not None and self._kek is not None:
            keys.repin(own, self.keyfile.vault_id, self._private, self._kek, new.public)
        return new

    def _log_authority(self, conn: db.Connection) -> None:
        """The replacement in the log: a retired key put back later shows in `verify`."""
        replaced = self._replaced
        if replaced is not None:
            self.log(
                conn,
                self.account_name,
                "keys.replace",
                "keys:authority",
                old=replaced[0],
                new=replaced[1],
            )
            self._replaced = None

    def quick_problems(self) -> list[str]:
        """The cheap part of `verify`, fit for every beheerder unlock: the signatures of the
        slots and roles, a signing key put back, the audit triggers and the key file's head.
        (The whole chain and the page checks stay with `verify`.)"""
        if self.conn is None:
            return []
        found = roster.problems(self.keyfile, self.conn) + self.authority_problems()
        found += audit.trigger_problems(self.conn)
        head = self.keyfile.audit_head
        if head is not None and not self._head_holds():
            found.append(
                f"audit: the log was cut or rewritten: entry {head[0]}, the last one the key"
                " file knows, is missing or changed"
            )
        return found

    def authority_problems(self) -> list[str]:
        """The signing key in use must not be one the log shows was replaced."""
        kf = self.keyfile
        if kf.authority is None:
            return []
        current = fingerprint(kf.authority.public_key)
        return [
            f"keys: the vault's signing key was replaced at audit entry {e['id']} and has been"
            " put back (a former beheerder's copy?)"
            for e in audit.entries(self.conn, "keys:authority")
            if e["action"] == "keys.replace" and e["detail"].get("old") == current
        ]

    def remove_slot(self, account: str) -> None:
        """Remove an account's slot and replace the data key in the same step, so a copy of
        the key file kept from before opens nothing written after."""
        self.rotate_key(drop=[keys.account_slot_id(account)])

    def new_recovery_key(self) -> str:
        recovery = keys.new_recovery_key()
        self._replace_slot("recovery", "recovery", None, recovery, None)
        return recovery

    # -- key rotation ---------------------------------------------------------------------

    def rotate_key(self, drop: list[str] | None = None) -> None:
        """A new data key for the database and every slot; crash-safe at every step.

        1. every slot gets the new key sealed as `pending`, and the slots in `drop` (a removed
           account's) leave, in one atomic key-file write;
        2. PRAGMA rekey re-encrypts the database in one rollback-journal transaction;
        3. the key file promotes `pending`. A crash between 1 and 3 leaves both keys in the
           key file, and the next unlock tries both and finishes the job (a fresh rotation
           when the database still has the old key).
        """
        self._require_key()
        kf = self.keyfile
        new_key = secrets.token_bytes(keys.DATA_KEY_BYTES)
        new_gen = max(kf.generation, kf.pending or 0) + 1
        leaving = [s for s in kf.slots if s.slot_id in (drop or [])]
        kf.slots = [s for s in kf.slots if s.slot_id not in (drop or [])]
        if self._authority is not None and any("authority" in s.seeds for s in leaving):
            self._replace_authority()  # a removed beheerder could read the signing key
        for slot in kf.slots:
            keys.seal_data_key(slot, kf.vault_id, new_gen, new_key)
        kf.pending = new_gen
        kf.save(key_path(self.path))
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self._data_key = new_key
        self._finish_rotation(self.path, kf, new_gen)
        with self.transaction() as c:
            self.log(
                c,
                self.account_name,
                "key.rotate",
                None,
                generation=new_gen,
                fingerprint=keys.key_fingerprint(new_key),
                removed=len(drop or []),
            )
            self._log_authority(c)

    @staticmethod
    def _finish_rotation(path: Path, kf: KeyFile, generation: int) -> None:
        kf.generation = generation
        kf.pending = None
        for slot in kf.slots:
            slot.sealed = {g: blob for g, blob in slot.sealed.items() if g == generation}
        kf.save(key_path(path))
