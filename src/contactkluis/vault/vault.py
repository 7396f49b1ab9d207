"""The vault: create, unlock, migrate, lock, accounts' slots and key rotation.

A vault on disk is three files side by side:
  NAME.ckdb        the SQLCipher database (everything personal lives only here)
  NAME.ckdb.keys   the key slots (see keys.py), no secret in the clear
  NAME.ckdb.lock   who has it open (account, host, since) while it is open
"""

from __future__ import annotations

import os
import secrets
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from contactkluis.errors import UserError
from contactkluis.vault import audit, db, keys, private_files, roster, throttle
from contactkluis.vault.backup import check_backup, write_backup
from contactkluis.vault.keyfile import (
    DAMAGED_KEY_FILE,
    DamagedKeyFile,
    KeyFile,
    KeyFileError,
    key_path,
)
from contactkluis.vault.lock import InstanceLock, LockHeld, LockInfo
from contactkluis.vault.schema import COMPACT_AFTER, MIGRATIONS, SCHEMA_VERSION, split_sql
from contactkluis.vault.signing import Authority, Signer
from contactkluis.vault.slots import Account, KeySlots

ROLES = ("beheerder", "medewerker")
VAULT_SUFFIX = ".ckdb"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _schema_version(conn: db.Connection) -> int:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if row is None:
        return 0
    found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(found[0]) if found else 0


class Vault(KeySlots):
    """An unlocked vault. Holds the data key in memory until `close()`."""

    def __init__(
        self,
        path: Path,
        keyfile: KeyFile,
        data_key: bytes,
        conn: db.Connection,
        account: Account | None,
        lock: InstanceLock | None,
    ) -> None:
        self.path = path
        self.keyfile = keyfile
        self._data_key: bytes | None = data_key
        self.conn: db.Connection = conn
        self.account = account
        self._lock = lock
        self.read_only = lock is None
        self.stale_lock: LockInfo | None = lock.stale if lock else None
        self._authority: Signer | None = None  # the vault's signing key, beheerders only
        self._signer: Signer | None = None  # signs this session's audit entries
        self._private: X25519PrivateKey | None = None  # the unlocking slot's key
        self._own_slot: str | None = None  # and its id
        self._kek: bytes | None = None  # and the key that wraps it (to re-pin it)
        self._head_ok = True  # the key file's audit head is still in the log
        self.warnings: list[str] = []
        # Known once every page's HMAC was checked (at open, or later by check_all_pages): a
        # damaged vault refuses every write, so that the damage is never written over.
        self.pages_checked = False
        self.damaged = False

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        institution: str,
        admin: str,
        password: str,
        *,
        kdf: keys.KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """A new vault with its first beheerder; returns it and the recovery key (show once)."""
        path = Path(path)
        if path.exists() or key_path(path).exists():
            raise UserError("vault_exists", file=path.name)
        private_files.make_folder(path.parent)
        kdf = kdf or keys.calibrate()
        vault_id = str(uuid.uuid4())
        data_key = secrets.token_bytes(keys.DATA_KEY_BYTES)
        recovery = keys.new_recovery_key()
        keyfile = KeyFile(vault_id=vault_id, generation=1)
        authority = Signer.generate()
        keyfile.authority = Authority.make(vault_id, authority, 1)
        signers, privates = [], []
        for slot_id, kind, account, secret in (
            (keys.account_slot_id(admin), "password", admin, password),
            ("recovery", "recovery", None, recovery),
        ):
            slot, private = keys.new_slot(
                vault_id, slot_id, kind, account, secret, kdf, pin=authority.public
            )
            privates.append(private)
            keys.seal_data_key(slot, vault_id, 1, data_key)
            signers.append(roster.issue(keyfile, authority, slot, "beheerder"))
            keyfile.slots.append(slot)
        keyfile.save(key_path(path))
        conn = db.create(path, data_key)
        lock = InstanceLock(path, admin)
        lock.acquire()
        vault = cls(path, keyfile, data_key, conn, Account(admin, "beheerder"), lock)
        vault._authority, vault._signer = authority, signers[0]
        vault._private, vault._own_slot = privates[0], keys.account_slot_id(admin)
        vault._kek = keys.slot_kek(keyfile.slots[0], password)
        vault._migrate(backup_first=False)
        with vault.transaction() as c:
            c.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("vault_id", vault_id),
                    ("institution", institution),
                    ("created_at", now_iso()),
                    ("suppression_secret", secrets.token_hex(32)),
                ],
            )
            c.execute(
                "INSERT INTO accounts (name, role, created_at) VALUES (?, 'beheerder', ?)",
                (admin, now_iso()),
            )
            vault.log(c, admin, "vault.create", None, schema=SCHEMA_VERSION)
        return vault, recovery

    @staticmethod
    def _load_keyfile(path: Path) -> KeyFile:
        if not path.exists():
            raise UserError("no_vault", file=path.name)
        try:
            return KeyFile.load(key_path(path))
        except DamagedKeyFile as exc:
            raise UserError(DAMAGED_KEY_FILE, file=key_path(path).name) from exc
        except KeyFileError as exc:
            raise UserError("not_a_vault", file=path.name) from exc

    @classmethod
    def open(
        cls,
        path: Path,
        account: str,
        password: str,
        *,
        read_only: bool = False,
        check_pages: bool = True,
        on_upgrade: Callable[[], None] | None = None,
    ) -> Vault:
        """check_pages=False proves the key with the first pages only and leaves the whole
        file's check to `check_all_pages()` (the app runs it on a worker once its window is up);
        a vault that still needs a migration is checked whole before it is changed.
        on_upgrade is called once the key is proven and the file is about to be upgraded
        to this version's schema (a backup, then the migration: seconds at 100k contacts)."""
        path = Path(path)
        keyfile = cls._load_keyfile(path)
        wait = throttle.wait_remaining(keyfile.vault_id)
        if wait:
            raise UserError("throttled", delay=wait)
        slot = keyfile.slot(keys.account_slot_id(account))
        try:
            if slot is None or slot.kind != "password":
                # Spend the same work as a real attempt: no hint which accounts exist.
                keys.derive_kek(password, b"\0" * 16, keyfile.slots[0].kdf)
                raise keys.WrongSecret
            kek = keys.slot_kek(slot, password)
            private, pin = keys.unwrap_with_kek(slot, keyfile.vault_id, kek)
        except keys.WrongSecret:
            delay = throttle.record_failure(keyfile.vault_id)
            raise UserError("wrong_password", delay=delay) from None
        opened = roster.open_slot(keyfile, slot, private, pin)
        vault = cls._unlock(
            path, keyfile, slot, private, account, read_only, opened,
            check_pages=check_pages, on_upgrade=on_upgrade,
        )  # fmt: skip
        vault._kek = kek
        failed = throttle.reset(keyfile.vault_id)
        vault._authenticate(slot, opened, password)
        if not vault.read_only:
            with vault.transaction() as c:
                if failed:
                    vault.log(c, None, "login.failed", None, attempts=failed)
                vault.log(c, vault.account_name, "login", None, read_only=False)
            vault._finish_interrupted()
        return vault

    @classmethod
    def open_with_recovery(cls, path: Path, recovery_key: str) -> Vault:
        """Open when every password is forgotten; the caller then sets a new password."""
        path = Path(path)
        keyfile = cls._load_keyfile(path)
        wait = throttle.wait_remaining(keyfile.vault_id)
        if wait:
            raise UserError("throttled", delay=wait)
        slot = keyfile.slot("recovery")
        secret = keys.normalize_recovery_key(recovery_key)
        try:
            if slot is None:
                raise keys.WrongSecret
            kek = keys.slot_kek(slot, secret)
            private, pin = keys.unwrap_with_kek(slot, keyfile.vault_id, kek)
        except keys.WrongSecret:
            throttle.record_failure(keyfile.vault_id)
            raise UserError("wrong_recovery_key") from None
        opened = roster.open_slot(keyfile, slot, private, pin)
        vault = cls._unlock(path, keyfile, slot, private, "herstelsleutel", False, opened)
        vault._kek = kek
        throttle.reset(keyfile.vault_id)
        vault._authenticate(slot, opened, secret)
        with vault.transaction() as c:
            vault.log(c, None, "login.recovery_key", None)
        vault._finish_interrupted()
        return vault

    @classmethod
    def _unlock(
        cls,
        path: Path,
        keyfile: KeyFile,
        slot: keys.Slot,
        private: X25519PrivateKey,
        account: str,
        read_only: bool,
        opened: roster.Opened,
        *,
        check_pages: bool = True,
        on_upgrade: Callable[[], None] | None = None,
    ) -> Vault:
        data_key, generation, checked = cls._find_data_key(
            path, keyfile, slot, private, check_pages=check_pages
        )
        lock = None
        if not read_only:
            lock = InstanceLock(path, account)
            try:
                lock.acquire()
            except LockHeld as held:
                raise UserError(
                    "in_use", account=held.info.account, host=held.info.host, since=held.info.since
                ) from None
            private_files.tighten([path, key_path(path), *_wal_files(path)])
        try:
            if generation != keyfile.generation and not read_only:
                cls._finish_rotation(path, keyfile, generation)
            conn = db.connect(path, data_key, read_only=read_only)
            version = _schema_version(conn)
            if version > SCHEMA_VERSION:
                conn.close()
                raise UserError("newer_schema", found=version)
            vault = cls(path, keyfile, data_key, conn, None, lock)
            vault.pages_checked = checked
            # Known before migrating, so that the migration's own audit entries are signed.
            vault._authority, vault._signer = opened.authority, opened.signer
            vault._private, vault._own_slot = private, slot.slot_id
            vault._head_ok = vault._head_holds()
            if version < SCHEMA_VERSION and not read_only:
                if on_upgrade is not None and version > 0:
                    on_upgrade()
                vault._migrate(backup_first=version > 0)
        except BaseException:
            if lock:
                lock.release()
            raise
        return vault

    @staticmethod
    def _find_data_key(
        path: Path,
        keyfile: KeyFile,
        slot: keys.Slot,
        private: X25519PrivateKey,
        *,
        check_pages: bool = True,
    ) -> tuple[bytes, int, bool]:
        """The data key that opens the database; a rotation cut short leaves two to try.
        Also whether every page was checked (check_pages, or a migration to come)."""
        generations = [keyfile.generation]
        if keyfile.pending is not None:
            generations.append(keyfile.pending)
        # A read-only probe of a WAL database creates -wal/-shm and cannot remove them; a
        # file we refuse to open must be left exactly as we found it.
        absent = [p for p in _wal_files(path) if not p.exists()]
        # A rekey killed midway leaves a rollback journal; only a writable connection can
        # roll it back, and until then neither key reads the half-rewritten file.
        journal = path.with_name(path.name + "-journal")
        hot = journal.exists() and journal.stat().st_size > 0
        for generation in generations:
            if generation not in slot.sealed:
                continue
            data_key = keys.open_data_key(slot, keyfile.vault_id, generation, private)
            try:
                probe = db.connect(path, data_key, read_only=not hot, wal=False)
            except db.BadKey:
                continue
            try:
                # connect() read the first page and the schema with this key: a wrong key or
                # a foreign file is refused there. Every page's HMAC (a third of quick_check's
                # time) now, or on a worker later; always before a migration, a rotation's
                # rekey or a journal's roll-back rewrites the file.
                rewrite = hot or generation != keyfile.generation
                whole = check_pages or rewrite or _schema_version(probe) < SCHEMA_VERSION
                damaged = whole and db.pages_damaged(probe)
            except db.DatabaseError:
                whole = damaged = True
            finally:
                probe.close()
            if damaged:
                _remove_empty_wal_files(absent)
                raise UserError("damaged", file=path.name)
            return data_key, generation, whole
        # The slot's key is authentic (AES-GCM said so), yet the file won't open with it.
        _remove_empty_wal_files(absent)
        raise UserError("damaged", file=path.name)

    # -- schema ---------------------------------------------------------------------------

    def _migrate(self, *, backup_first: bool) -> None:
        version = _schema_version(self.conn)
        if backup_first:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self.backup(self.path.with_name(f"{self.path.name}.v{version}-{stamp}.ckbak"))
        with self.transaction() as c:
            for number in range(version + 1, SCHEMA_VERSION + 1):
                for statement in split_sql(MIGRATIONS[number - 1]):
                    c.execute(statement)
            c.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )
            if version:
                self.log(c, None, "schema.migrate", None, old=version, new=SCHEMA_VERSION)
        if version and COMPACT_AFTER & set(range(version + 1, SCHEMA_VERSION + 1)):
            # Rewrites the file without the freed pages (temp_store is MEMORY: no plain copy
            # on disk); the old images leave the WAL at the checkpoint. All or nothing: on a
            # full disk the migrated vault simply stays its old size.
            with suppress(db.DatabaseError):
                self.conn.execute("VACUUM")
                db.checkpoint(self.conn)

    # -- using ----------------------------------------------------------------------------

    @property
    def account_name(self) -> str | None:
        return self.account.name if self.account else None

    @property
    def vault_id(self) -> str:
        return self.keyfile.vault_id

    @contextmanager
    def transaction(self) -> Iterator[db.Connection]:
        if self.read_only:
            raise UserError("read_only")
        if self.damaged:
            raise UserError("damaged_no_writes", file=self.path.name)
        with db.transaction(self.conn) as conn:
            yield conn
        self._sync_head(force=False)

    def log(
        self,
        conn: db.Connection,
        account: str | None,
        action: str,
        target: str | None = None,
        **detail: object,
    ) -> int:
        """Append an audit entry signed with this session's audit key."""
        return audit.append(conn, account, action, target, signer=self._signer, **detail)

    def connect(self, *, read_only: bool = False) -> db.Connection:
        """Another connection with the same key, e.g. for a background thread."""
        if self._data_key is None:
            raise UserError("read_only")
        return db.connect(self.path, self._data_key, read_only=read_only or self.read_only)

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_meta(self, conn: db.Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def close(self) -> None:
        if self.conn is not None:
            with suppress(OSError, db.DatabaseError):
                self._sync_head()
            try:
                if not self.read_only:
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except db.DatabaseError:
                pass
            self.conn.close()
            self.conn = None
        self._data_key = self._kek = None
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- integrity ------------------------------------------------------------------------

    def check_all_pages(self) -> bool:
        """Every page's HMAC, on its own read-only connection (safe on a worker thread).
        False, and every later write refused, when a page is damaged."""
        key = self._data_key
        if key is None or self.pages_checked:
            return not self.damaged
        self.damaged = self.damaged or db.file_damaged(self.path, key)
        self.pages_checked = True
        return not self.damaged

    def verify(self) -> list[str]:
        problems: list[str] = []
        for (result,) in self.conn.execute("PRAGMA integrity_check").fetchall():
            if result != "ok":
                problems.append(f"integrity: {result}")
        for (result,) in self.conn.execute("PRAGMA cipher_integrity_check").fetchall():
            problems.append(f"cipher: {result}")
        problems.extend(roster.problems(self.keyfile, self.conn))
        problems.extend(self.authority_problems())
        problems.extend(self.verify_audit())
        return problems

    def verify_against(self, other: KeyFile) -> list[str]:
        """An older key file (a backup's) must name this vault and a head the log still holds."""
        if other.vault_id != self.vault_id:
            return ["audit: the backup belongs to another vault"]
        if other.audit_head is None or audit.holds(self.conn, other.audit_head):
            return []
        return [
            f"audit: entry {other.audit_head[0]}, the last one in the backup, is missing or"
            " changed: the log was cut or rewritten after that backup"
        ]

    def verify_audit(self) -> list[str]:
        """The chain, every entry's signature since signing began, the triggers, and the
        key file's head (a cut tail)."""
        kf = self.keyfile
        if kf.authority is None:
            return audit.verify(self.conn, None, 1, kf.audit_head)
        signers = roster.known_signers(kf)
        retired = roster.retired_keys(kf)
        return audit.verify(self.conn, signers, kf.authority.audit_from, kf.audit_head, retired)

    def backup(self, out: Path) -> Path:
        created = datetime.now(UTC).isoformat(timespec="seconds")
        self._sync_head()  # every backup carries the log's current head
        path = write_backup(self.conn, self.keyfile, self._require_key(), out, created=created)
        # Only a backup that restores counts: "last_backup" is what the clean-up advice and
        # the status bar trust (services/backups.py).
        try:
            check_backup(path, self._require_key())
        except UserError:
            path.unlink(missing_ok=True)  # a file that does not restore is no backup
            raise
        if not self.read_only:
            with self.transaction() as c:
                self.set_meta(c, "last_backup", created)
                self.log(c, self.account_name, "backup", None, schema=SCHEMA_VERSION)
        return path

    def data_key(self) -> bytes:
        """The raw data key, for the audited `key show` command (ROTATE_KEY only)."""
        return self._require_key()

    def data_key_for_tests(self) -> bytes:
        """The raw key, for the page-decryption test that proves deleted data is gone."""
        return self._require_key()


def _wal_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _remove_empty_wal_files(created: list[Path]) -> None:
    """Remove the -wal/-shm a failed probe created, unless a WAL holds data after all."""
    wal = [p for p in created if p.name.endswith("-wal") and p.exists()]
    if any(p.stat().st_size for p in wal):
        return
    for p in created:
        p.unlink(missing_ok=True)


def default_vault_path(institution: str = "kluis") -> Path:
    from platformdirs import user_data_dir

    base = os.environ.get("CONTACTKLUIS_HOME") or user_data_dir("Contactkluis", False)
    slug = "".join(ch if ch.isalnum() else "-" for ch in institution.lower()).strip("-") or "kluis"
    return Path(base) / f"{slug}{VAULT_SUFFIX}"


def remove_vault_files(path: Path) -> None:
    """Only for tests and a failed first-run setup: the three files of one vault."""
    for p in (
        path,
        key_path(path),
        path.with_name(path.name + ".lock"),
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
    ):
        if p.exists():
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
