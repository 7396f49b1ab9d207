"""Key material: Argon2id key slots that unlock the vault's data key.

Design (documented for the privacy officer in docs/privacy.md):

* A random 256-bit *data key* encrypts the SQLCipher database (raw key, no SQLCipher KDF).
* Every account and the recovery key own a *slot*. A slot holds an X25519 key pair whose
  private half is wrapped with AES-256-GCM under a key derived by Argon2id from the password;
  the associated data binds the slot to the vault id, its kind and its account name.
* The data key is sealed to each slot's public key (X25519 + HKDF-SHA256 + AES-256-GCM).
  That is what lets an administrator rotate the data key for *every* slot without knowing
  the other staff members' passwords, while a password change re-wraps only its own slot.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

DATA_KEY_BYTES = 32

# RFC 9106 section 4, second recommended option: t=3, 64 MiB, p=4. Never go below it.
MIN_TIME_COST = 3
MIN_MEMORY_KIB = 64 * 1024
MIN_PARALLELISM = 4
CALIBRATION_TARGET_S = 0.5
MAX_MEMORY_KIB = 1024 * 1024
# What a key file may ask for: beyond these it is damaged or hostile (m=2^31 KiB would make
# unlocking allocate 2 TiB), not a slow machine's calibration.
MAX_ACCEPTED_MEMORY_KIB = 4 * 1024 * 1024
MAX_TIME_COST = 20
MAX_PARALLELISM = 16

_RAW = serialization.Encoding.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_NO_ENC = serialization.NoEncryption()


class WrongSecret(Exception):
    """The password or recovery key does not open this slot."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = MIN_TIME_COST
    memory_kib: int = MIN_MEMORY_KIB
    parallelism: int = MIN_PARALLELISM

    def __post_init__(self) -> None:
        if (
            self.time_cost < MIN_TIME_COST
            or self.memory_kib < MIN_MEMORY_KIB
            or self.parallelism < MIN_PARALLELISM
        ):
            raise ValueError("Argon2 parameters below RFC 9106's second recommendation")
        if (
            self.time_cost > MAX_TIME_COST
            or self.memory_kib > MAX_ACCEPTED_MEMORY_KIB
            or self.parallelism > MAX_PARALLELISM
        ):
            raise ValueError("Argon2 parameters beyond any machine's calibration")

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("alg") != "argon2id":
            raise ValueError("unknown key derivation")
        return cls(int(data["t"]), int(data["m"]), int(data["p"]))


def derive_kek(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def calibrate(target_s: float = CALIBRATION_TARGET_S) -> KdfParams:
    """Raise memory, then passes, from the RFC floor until one derivation takes ~target_s."""
    params = KdfParams()
    salt = os.urandom(16)
    while True:
        start = time.perf_counter()
        derive_kek("calibration", salt, params)
        elapsed = time.perf_counter() - start
        if elapsed >= target_s * 0.7:
            return params
        if params.memory_kib * 2 <= MAX_MEMORY_KIB:
            params = KdfParams(params.time_cost, params.memory_kib * 2, params.parallelism)
        else:
            factor = max(2, int(target_s / max(elapsed, 1e-3)))
            time_cost = min(MAX_TIME_COST, params.time_cost * factor)
            return KdfParams(time_cost, params.memory_kib, params.parallelism)


def _aad(vault_id: str, slot_id: str, purpose: str) -> bytes:
    return f"contactkluis/v1|{vault_id}|{slot_id}|{purpose}".encode()


def _hkdf(shared: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


@dataclass
class Slot:
    """One way into the vault: an account's password or the recovery key."""

    slot_id: str  # "account:<name>" or "recovery"
    kind: str  # "password" | "recovery"
    account: str | None
    kdf: KdfParams
    salt: bytes
    public_key: bytes
    wrapped_private: bytes  # nonce || AES-GCM ciphertext
    sealed: dict[int, bytes] = field(default_factory=dict)  # key generation -> sealed data key

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.slot_id,
            "kind": self.kind,
            "account": self.account,
            "kdf": self.kdf.to_json(),
            "salt": b64(self.salt),
            "public_key": b64(self.public_key),
            "wrapped_private": b64(self.wrapped_private),
            "sealed": {str(gen): b64(blob) for gen, blob in self.sealed.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        return cls(
            slot_id=str(data["id"]),
            kind=str(data["kind"]),
            account=data.get("account"),
            kdf=KdfParams.from_json(data["kdf"]),
            salt=unb64(data["salt"]),
            public_key=unb64(data["public_key"]),
            wrapped_private=unb64(data["wrapped_private"]),
            sealed={int(gen): unb64(blob) for gen, blob in data["sealed"].items()},
        )


def account_slot_id(account: str) -> str:
    return f"account:{account.casefold()}"


def new_slot(
    vault_id: str, slot_id: str, kind: str, account: str | None, secret: str, kdf: KdfParams
) -> tuple[Slot, X25519PrivateKey]:
    private = X25519PrivateKey.generate()
    salt = os.urandom(16)
    slot = Slot(
        slot_id=slot_id,
        kind=kind,
        account=account,
        kdf=kdf,
        salt=salt,
        public_key=private.public_key().public_bytes(_RAW, _RAW_PUB),
        wrapped_private=b"",
    )
    rewrap_private(slot, vault_id, private, secret)
    return slot, private


def rewrap_private(slot: Slot, vault_id: str, private: X25519PrivateKey, secret: str) -> None:
    """A new password for this slot only: fresh salt, same key pair, sealed keys untouched."""
    slot.salt = os.urandom(16)
    kek = derive_kek(secret, slot.salt, slot.kdf)
    nonce = os.urandom(12)
    raw = private.private_bytes(_RAW, _RAW_PRIV, _NO_ENC)
    slot.wrapped_private = nonce + AESGCM(kek).encrypt(
        nonce, raw, _aad(vault_id, slot.slot_id, "private")
    )


def unwrap_private(slot: Slot, vault_id: str, secret: str) -> X25519PrivateKey:
    kek = derive_kek(secret, slot.salt, slot.kdf)
    nonce, body = slot.wrapped_private[:12], slot.wrapped_private[12:]
    try:
        raw = AESGCM(kek).decrypt(nonce, body, _aad(vault_id, slot.slot_id, "private"))
    except InvalidTag as exc:
        raise WrongSecret from exc
    return X25519PrivateKey.from_private_bytes(raw)


def seal_data_key(slot: Slot, vault_id: str, generation: int, data_key: bytes) -> None:
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public_key))
    aad = _aad(vault_id, slot.slot_id, f"data-key/{generation}")
    key = _hkdf(shared, epk + slot.public_key + aad)
    nonce = os.urandom(12)
    slot.sealed[generation] = epk + nonce + AESGCM(key).encrypt(nonce, data_key, aad)


def open_data_key(slot: Slot, vault_id: str, generation: int, private: X25519PrivateKey) -> bytes:
    blob = slot.sealed[generation]
    epk, nonce, body = blob[:32], blob[32:44], blob[44:]
    shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
    aad = _aad(vault_id, slot.slot_id, f"data-key/{generation}")
    key = _hkdf(shared, epk + slot.public_key + aad)
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag as exc:
        raise WrongSecret from exc


# Crockford-style base32 without I, L, O, U: no letters that read as digits.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 8


def new_recovery_key() -> str:
    """160 random bits as eight groups of four typeable characters."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalize_recovery_key(text: str) -> str:
    """Accept what people type: lower case, spaces, O for 0, I/L for 1."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def key_fingerprint(data_key: bytes) -> str:
    """Short non-secret identifier of a data key, to tell generations apart in logs."""
    return hashlib.sha256(b"contactkluis-fp" + data_key).hexdigest()[:12]
