"""Ed25519 signatures that hold against someone who has the raw data key.

Two kinds of key:
* the vault's *signing key* (the authority): signs every slot (account, role, public keys)
  and every audit key. Its seed is sealed only to beheerder slots and the recovery slot.
* each slot's *audit key*, derived from the slot's private key (keys.audit_seed): signs the
  audit entries made with that slot. Its public half is registered, signed, in the key file.

Statements are canonical JSON with a domain tag, so one kind can never pass for another.
"""

from __future__ import annotations

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
