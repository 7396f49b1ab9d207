"""Password-encrypted .xlsx files (ECMA-376 Agile: AES-256, SHA-512, 100,000 rounds), the
form Excel and LibreOffice open after asking for the password.

Everything happens in memory: the plain workbook never touches the disk.
"""

from __future__ import annotations

import io
import secrets

import msoffcrypto
from msoffcrypto.exceptions import DecryptionError, FileFormatError, InvalidKeyError
from msoffcrypto.format.ooxml import OOXMLFile

# No 0/o, 1/l/i: the passphrase is read off a screen and typed in by someone else.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_GROUPS = 5
_GROUP_LENGTH = 4  # 20 characters of 31: 99 bits, beyond any guessing of the file offline


def new_passphrase() -> str:
    """Five groups of four, e.g. 'k7mq-2xbe-...': shown once, never stored."""
    return "-".join(
        "".join(secrets.choice(_ALPHABET) for _ in range(_GROUP_LENGTH)) for _ in range(_GROUPS)
    )


def encrypt_xlsx(data: bytes, passphrase: str) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(passphrase, out)
    return out.getvalue()


class WrongPassphrase(Exception):
    """The passphrase does not open the file (or the file is not an encrypted workbook)."""


def decrypt_xlsx(data: bytes, passphrase: str) -> bytes:
    """The plain workbook; WrongPassphrase when the passphrase does not fit."""
    out = io.BytesIO()
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=passphrase)
        office.decrypt(out)
    except (InvalidKeyError, DecryptionError, FileFormatError, ValueError, OSError):
        raise WrongPassphrase from None
    return out.getvalue()
