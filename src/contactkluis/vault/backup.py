"""Backups: ONE file that restores with any account's password or the recovery key.

A backup is a zip (stored, not compressed: the content is ciphertext) holding
`manifest.json`, `vault.keys` (the key slots) and `vault.ckdb` (a SQLCipher copy made with
`sqlcipher_export`, encrypted with the same data key). Everything personal stays
encrypted; the zip only keeps the two parts together.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from contactkluis.errors import UserError
from contactkluis.vault import db, disk_space, keys, private_files
from contactkluis.vault.keyfile import KeyFile, KeyFileError, atomic_write, fsync_dir, key_path
from contactkluis.vault.schema import SCHEMA_VERSION

BACKUP_SUFFIX = ".ckbak"
_DB_MEMBER = "vault.ckdb"
_KEYS_MEMBER = "vault.keys"
_MANIFEST = "manifest.json"


def write_backup(
    conn: db.Connection, keyfile: KeyFile, data_key: bytes, out: Path, *, created: str
) -> Path:
    """Write the backup file; recording it (meta, audit) is the caller's part."""
    out = Path(out)
    if out.suffix != BACKUP_SUFFIX:
        out = out.with_name(out.name + BACKUP_SUFFIX)
    private_files.make_folder(out.parent)
    tmp_db = out.with_name(f".{out.name}.{os.getpid()}.db.tmp")
    tmp_zip = out.with_name(f".{out.name}.{os.getpid()}.zip.tmp")
    try:
        for leftover in (tmp_db, tmp_zip):
            leftover.unlink(missing_ok=True)
            private_files.create_empty(leftover)  # owner-only before anything is written
        conn.execute(f"ATTACH DATABASE ? AS bak KEY \"x'{data_key.hex()}'\"", (str(tmp_db),))
        try:
            conn.execute("SELECT sqlcipher_export('bak')")
        finally:
            conn.execute("DETACH DATABASE bak")
        manifest = {
            "format": "contactkluis-backup",
            "version": 1,
            "vault_id": keyfile.vault_id,
            "schema": SCHEMA_VERSION,
            "created": created,
        }
        with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(_MANIFEST, json.dumps(manifest, indent=1))
            zf.writestr(_KEYS_MEMBER, keyfile.dumps())
            zf.write(tmp_db, _DB_MEMBER)
        with open(tmp_zip, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_zip, out)
        fsync_dir(out.parent)
    except (OSError, db.DatabaseError) as exc:
        if disk_space.is_disk_full(exc):
            raise disk_space.disk_full(out.parent) from None
        if not isinstance(exc, OSError):
            raise
        raise UserError("io", file=out.name, reason=exc.strerror or type(exc).__name__) from exc
    finally:
        for tmp in (tmp_db, tmp_zip, tmp_db.with_name(tmp_db.name + "-journal")):
            tmp.unlink(missing_ok=True)
    return out


def check_backup(backup: Path, data_key: bytes) -> None:
    """Prove a backup restores: its database opens with the data key and passes an integrity
    check. Raises UserError("bad_backup") otherwise. The copy it opens is ciphertext."""
    backup = Path(backup)
    read_backup_keys(backup)
    tmp_db = backup.with_name(f".{backup.name}.{os.getpid()}.check.tmp")
    try:
        with zipfile.ZipFile(backup) as zf, zf.open(_DB_MEMBER) as src, open(tmp_db, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        _probe(tmp_db, data_key, backup.name)
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise UserError("bad_backup", file=backup.name) from exc
    finally:
        tmp_db.unlink(missing_ok=True)


def _probe(path: Path, data_key: bytes, name: str) -> None:
    try:
        probe = db.connect(path, data_key, read_only=True)
    except db.BadKey as exc:
        raise UserError("bad_backup", file=name) from exc
    try:
        bad = [r[0] for r in probe.execute("PRAGMA integrity_check") if r[0] != "ok"]
    finally:
        probe.close()
    if bad:
        raise UserError("bad_backup", file=name)


def read_backup_keys(backup: Path) -> KeyFile:
    try:
        with zipfile.ZipFile(backup) as zf:
            manifest = json.loads(zf.read(_MANIFEST))
            if manifest.get("format") != "contactkluis-backup":
                raise UserError("bad_backup", file=backup.name)
            return KeyFile.loads(zf.read(_KEYS_MEMBER))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, KeyFileError) as exc:
        raise UserError("bad_backup", file=backup.name) from exc


def restore_backup(
    backup: Path,
    target: Path,
    *,
    account: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
) -> None:
    """Recreate a vault at `target` from a backup, proving first that the secret opens it."""
    backup, target = Path(backup), Path(target)
    if target.exists() or key_path(target).exists():
        raise UserError("target_exists", file=target.name)
    keyfile = read_backup_keys(backup)
    if recovery_key is not None:
        slot = keyfile.slot("recovery")
        secret = keys.normalize_recovery_key(recovery_key)
        wrong = UserError("wrong_recovery_key")
    else:
        slot = keyfile.slot(keys.account_slot_id(account or ""))
        secret = password or ""
        wrong = UserError("wrong_secret")
    if slot is None:
        raise wrong
    try:
        private = keys.unwrap_private(slot, keyfile.vault_id, secret)
        data_key = keys.open_data_key(slot, keyfile.vault_id, keyfile.generation, private)
    except keys.WrongSecret:
        raise wrong from None
    private_files.make_folder(target.parent)
    tmp_db = target.with_name(f".{target.name}.{os.getpid()}.restore.tmp")
    try:
        fd = private_files.open_private(tmp_db, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with os.fdopen(fd, "wb") as dst, zipfile.ZipFile(backup) as zf, zf.open(_DB_MEMBER) as src:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        _probe(tmp_db, data_key, backup.name)
        # Keys first: a crash after this leaves "no database" (restore again), never a
        # database without its keys.
        atomic_write(key_path(target), keyfile.dumps())
        os.replace(tmp_db, target)
        fsync_dir(target.parent)
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        if disk_space.is_disk_full(exc):
            raise disk_space.disk_full(target.parent) from None
        raise UserError("bad_backup", file=backup.name) from exc
    finally:
        tmp_db.unlink(missing_ok=True)
