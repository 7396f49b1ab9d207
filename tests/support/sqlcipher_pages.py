"""Decrypt the raw pages of a SQLCipher 4 database and its WAL, for tests only.

Why: the vault files are encrypted, so grepping them for a deleted name proves nothing.
These functions read the files byte by byte, check every page's HMAC and decrypt it, so a
test can look for a name in every page SQLite ever wrote there, free pages included.

SQLCipher 4 page format (cipher_compatibility = 4, https://www.zetetic.net/sqlcipher/design/):
- page size 4096; AES-256-CBC; HMAC-SHA512; each page ends with a reserve area of
  16 (IV) + 64 (HMAC) = 80 bytes, stored in the clear.
- The first 16 bytes of the file are the KDF salt. On page 1 the ciphertext starts after
  them; after decryption SQLite sees "SQLite format 3\\0" there.
- With a raw key (PRAGMA key = "x'<64 hex>'") the key is the AES key itself. The HMAC key
  is PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes).
- The HMAC covers the ciphertext, the IV and the page number as 4 bytes little-endian.
- A WAL file has a 32-byte header, then per frame a 24-byte header (page number first,
  big-endian) and one encrypted page in the same format.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
SALT_SIZE = 16
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE  # 80
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITER = 2
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_HEADER = 32
WAL_FRAME_HEADER = 24


class BadPage(Exception):
    """A page whose HMAC does not verify: wrong key, wrong format assumption, or damage."""


@dataclass(frozen=True)
class Page:
    where: str  # "db" or "wal"
    pgno: int
    plain: bytes


def hmac_key(key: bytes, salt: bytes) -> bytes:
    hmac_salt = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, hmac_salt, FAST_KDF_ITER, 32)


def _all_zero(raw: bytes) -> bool:
    return raw.count(0) == len(raw)


def decrypt_page(raw: bytes, pgno: int, key: bytes, mac_key: bytes) -> bytes:
    """The plaintext of one encrypted page; BadPage when its HMAC does not verify."""
    if len(raw) != PAGE_SIZE:
        raise BadPage(f"page {pgno}: {len(raw)} bytes")
    offset = SALT_SIZE if pgno == 1 else 0
    end = PAGE_SIZE - RESERVE
    cipher_text = raw[offset:end]
    iv = raw[end : end + IV_SIZE]
    stored_mac = raw[end + IV_SIZE : end + IV_SIZE + HMAC_SIZE]
    mac = hmac.new(mac_key, cipher_text + iv + struct.pack("<I", pgno), hashlib.sha512).digest()
    if not hmac.compare_digest(mac, stored_mac):
        raise BadPage(f"page {pgno}: HMAC mismatch")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(cipher_text) + decryptor.finalize()
    if pgno == 1:
        plain = SQLITE_HEADER + plain
    return plain


def salt_of(db_path: Path) -> bytes:
    with open(db_path, "rb") as fh:
        return fh.read(SALT_SIZE)


def db_pages(db_path: Path, key: bytes) -> Iterator[Page]:
    """Every page of the main file, decrypted and authenticated.

    A page that is all zero bytes was never written by SQLCipher (e.g. a hole); it holds
    nothing and is yielded as such.
    """
    data = db_path.read_bytes()
    if len(data) % PAGE_SIZE:
        raise BadPage(f"file size {len(data)} is not a multiple of {PAGE_SIZE}")
    salt = data[:SALT_SIZE]
    mac_key = hmac_key(key, salt)
    for index in range(len(data) // PAGE_SIZE):
        raw = data[index * PAGE_SIZE : (index + 1) * PAGE_SIZE]
        pgno = index + 1
        if _all_zero(raw):
            yield Page("db", pgno, raw)
            continue
        yield Page("db", pgno, decrypt_page(raw, pgno, key, mac_key))


def wal_pages(wal_path: Path, key: bytes, salt: bytes) -> Iterator[Page]:
    """Every frame in the WAL, valid or stale, decrypted and authenticated."""
    if not wal_path.exists():
        return
    data = wal_path.read_bytes()
    if len(data) < WAL_HEADER:
        return
    mac_key = hmac_key(key, salt)
    frame = WAL_FRAME_HEADER + PAGE_SIZE
    pos = WAL_HEADER
    while pos + frame <= len(data):
        (pgno,) = struct.unpack(">I", data[pos : pos + 4])
        raw = data[pos + WAL_FRAME_HEADER : pos + frame]
        if pgno and not _all_zero(raw):
            yield Page("wal", pgno, decrypt_page(raw, pgno, key, mac_key))
        pos += frame


def all_pages(db_path: Path, key: bytes) -> list[Page]:
    """The main file's pages and the WAL's frames; the rollback journal if one is left."""
    salt = salt_of(db_path)
    pages = list(db_pages(db_path, key))
    pages += list(wal_pages(db_path.with_name(db_path.name + "-wal"), key, salt))
    journal = db_path.with_name(db_path.name + "-journal")
    if journal.exists() and journal.stat().st_size:
        # A hot rollback journal is not expected in WAL mode; refuse to silently ignore one.
        raise BadPage("unexpected rollback journal next to the database")
    return pages


def pages_containing(pages: list[Page], needle: bytes) -> list[tuple[str, int]]:
    return [(p.where, p.pgno) for p in pages if needle in p.plain]
