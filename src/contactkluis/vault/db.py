"""Opening SQLCipher connections with the vault's settings, and transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from contactkluis.vault import disk_space, private_files

Connection = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


class BadKey(Exception):
    """The database does not open with this key (wrong key, not a vault, or damaged)."""


def key_pragma(data_key: bytes) -> str:
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect(
    path: Path, data_key: bytes, *, read_only: bool = False, wal: bool = True
) -> Connection:
    """A connection that has proven it can read the database with this key.

    Read-only connections are opened with mode=ro so that a probe of a damaged or foreign
    file never writes a byte to it.
    """
    uri = f"file:{path.as_posix()}?mode={'ro' if read_only else 'rw'}"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(key_pragma(data_key))
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        raise BadKey(str(exc)) from exc
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 5000")
    if wal and not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
    return conn


def pages_damaged(conn: Connection) -> bool:
    """Whether any page of the file fails its HMAC: a flipped byte anywhere is found.

    Reads the whole file (about 0.7 s at 100,000 contacts), so the app runs it on a worker
    after its window is up; a CLI run and a migration run it before opening.
    """
    try:
        return bool(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except DatabaseError:
        return True


def file_damaged(path: Path, data_key: bytes) -> bool:
    """pages_damaged on a read-only connection of its own (fit for a worker thread)."""
    try:
        conn = connect(path, data_key, read_only=True)
    except BadKey:
        return True
    try:
        return pages_damaged(conn)
    finally:
        conn.close()


def create(path: Path, data_key: bytes) -> Connection:
    # Made owner-only before SQLite opens it: the -wal and -shm files copy its mode.
    private_files.create_empty(path)
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(key_pragma(data_key))
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA journal_mode = WAL")
    return conn


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        rollback(conn)
        raise_if_disk_full(conn, exc)
        raise


def rollback(conn: Connection) -> None:
    """ROLLBACK, unless SQLite already rolled back itself (it does on a full disk)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def raise_if_disk_full(conn: Connection, exc: BaseException) -> None:
    """A full disk becomes one clear UserError naming the vault's folder and disk."""
    if disk_space.is_disk_full(exc):
        raise disk_space.disk_full(database_folder(conn)) from None


def database_folder(conn: Connection) -> Path:
    for _seq, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).parent
    return Path.cwd()


def checkpoint(conn: Connection) -> None:
    """Copy the WAL into the database and truncate it: old page images leave the disk."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def data_version(conn: Connection) -> int:
    """Changes whenever another connection commits: a cheap key for caches."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])
