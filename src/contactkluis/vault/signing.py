"""Ed25519 signatures that hold against someone who has the raw data key.

Two kinds of key:
* the vault's *signing key* (the authority): signs every slot (account, role, public keys)
  and every audit key. Its seed is sealed only to beheerder slots and the recovery slot.
* each slot's *audit key*, derived from the slot's private key (keys.audit_seed): signs the
  audit entries made with that slot. Its public half is registered, signed, in the key file.

Statements are canonical JSON with a domain tag, so one kind can never pass for another.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from contactkluis.vault.keys import b64, unb64

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NO_ENC = serialization.NoEncryption()

# Entries made through the recovery slot are signed by the vault's signing key itself.
AUTHORITY_OWNER = "herstelsleutel"


def fingerprint(public_key: bytes) -> str:
    """A short, non-secret name for a signing key, for the audit log."""
    return hashlib.sha256(b"contactkluis-sig" + public_key).hexdigest()[:16]


def statement(*parts: Any) -> bytes:
    return json.dumps(["contactkluis-sig/v1", *parts], ensure_ascii=True).encode("ascii")


class Signer:
    def __init__(self, seed: bytes) -> None:
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        self.public = self._key.public_key().public_bytes(_RAW, _RAW_PUB)

    @classmethod
    def generate(cls) -> Signer:
        return cls(Ed25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIV, _NO_ENC))

    def seed(self) -> bytes:
        return self._key.private_bytes(_RAW, _RAW_PRIV, _NO_ENC)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def valid(public: bytes, message: bytes, signature: bytes | None) -> bool:
    if signature is None or len(public) != 32:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass
class Authority:
    """The vault's signing key (public half), and the first audit entry that must be signed."""

    public_key: bytes
    audit_from: int
    signature: bytes  # self-signed: binds the vault id and audit_from to the key

    @staticmethod
    def statement(vault_id: str, public_key: bytes, audit_from: int) -> bytes:
        return statement(vault_id, "authority", b64(public_key), audit_from)

    @classmethod
    def make(cls, vault_id: str, signer: Signer, audit_from: int) -> Authority:
        sig = signer.sign(cls.statement(vault_id, signer.public, audit_from))
        return cls(signer.public, audit_from, sig)

    def ok(self, vault_id: str) -> bool:
        msg = self.statement(vault_id, self.public_key, self.audit_from)
        return valid(self.public_key, msg, self.signature)

    def to_json(self) -> dict[str, Any]:
        return {
            "public_key": b64(self.public_key),
            "audit_from": self.audit_from,
            "signature": b64(self.signature),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Authority:
        return cls(unb64(data["public_key"]), int(data["audit_from"]), unb64(data["signature"]))


@dataclass
class SignerRecord:
    """An audit key and whose it is, signed by the vault's signing key. Kept forever, so
    entries signed by a slot that has since been replaced still verify."""

    owner: str
    public_key: bytes
    signature: bytes

    @staticmethod
    def statement(vault_id: str, owner: str, public_key: bytes) -> bytes:
        return statement(vault_id, "audit-key", owner.casefold(), b64(public_key))

    @classmethod
    def make(cls, vault_id: str, authority: Signer, owner: str, public_key: bytes) -> SignerRecord:
        sig = authority.sign(cls.statement(vault_id, owner, public_key))
        return cls(owner, public_key, sig)

    def ok(self, vault_id: str, authority_key: bytes) -> bool:
        msg = self.statement(vault_id, self.owner, self.public_key)
        return valid(authority_key, msg, self.signature)

    def to_json(self) -> dict[str, Any]:
        return {"owner": self.owner, "key": b64(self.public_key), "signature": b64(self.signature)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SignerRecord:
        return cls(str(data["owner"]), unb64(data["key"]), unb64(data["signature"]))


@dataclass
class Succession:
    """The vault's signing key replaced, because a beheerder who could read it was demoted or
    removed. Signed by the old key and countersigned by the new one.

    A slot whose pin (keys.py) names the old key follows these records to the current key and
    is re-pinned at its owner's next unlock. Entries the old key signed itself (the recovery
    key's) still verify up to `until`, the last entry before the change, and none after.
    """

    old: bytes
    new: bytes
    until: int
    signature: bytes  # by the old key
    countersignature: bytes  # by the new key

    @staticmethod
    def statement(vault_id: str, old: bytes, new: bytes, until: int) -> bytes:
        return statement(vault_id, "succession", b64(old), b64(new), until)

    @classmethod
    def make(cls, vault_id: str, old: Signer, new: Signer, until: int) -> Succession:
        msg = cls.statement(vault_id, old.public, new.public, until)
        return cls(old.public, new.public, until, old.sign(msg), new.sign(msg))

    def ok(self, vault_id: str) -> bool:
        msg = self.statement(vault_id, self.old, self.new, self.until)
        return valid(self.old, msg, self.signature) and valid(self.new, msg, self.countersignature)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": b64(self.old),
            "new": b64(self.new),
            "until": self.until,
            "signature": b64(self.signature),
            "countersignature": b64(self.countersignature),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Succession:
        return cls(
            unb64(data["old"]),
            unb64(data["new"]),
            int(data["until"]),
            unb64(data["signature"]),
            unb64(data["countersignature"]),
        )


@dataclass
class PendingRole:
    """A role change signed into the key file whose database half may not have committed
    (slots.py: key file first, then the database, then this marker goes). Signed, so that a
    raw-key `UPDATE accounts SET role` cannot pass for an interrupted change."""

    account: str
    role: str
    signature: bytes

    @staticmethod
    def statement(vault_id: str, account: str, role: str) -> bytes:
        return statement(vault_id, "pending-role", account.casefold(), role)

    @classmethod
    def make(cls, vault_id: str, authority: Signer, account: str, role: str) -> PendingRole:
        return cls(account, role, authority.sign(cls.statement(vault_id, account, role)))

    def ok(self, vault_id: str, authority_key: bytes) -> bool:
        msg = self.statement(vault_id, self.account, self.role)
        return valid(authority_key, msg, self.signature)

    def to_json(self) -> dict[str, Any]:
        return {"account": self.account, "role": self.role, "signature": b64(self.signature)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PendingRole:
        return cls(str(data["account"]), str(data["role"]), unb64(data["signature"]))
