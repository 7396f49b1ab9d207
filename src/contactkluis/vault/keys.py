"""Key material: Argon2id key slots that unlock the vault's data key.

Design (documented for the privacy officer in docs/privacy.md):

* A random 256-bit *data key* encrypts the SQLCipher database (raw key, no SQLCipher KDF).
* Every account and the recovery key own a *slot*. A slot holds an X25519 key pair whose
  private half is wrapped with AES-256-GCM under a key derived by Argon2id from the password;
  the associated data binds the slot to the vault id, its kind and its account name.
* The data key is sealed to each slot's public key (X25519 + HKDF-SHA256 + AES-256-GCM).
  That is what lets an administrator rotate the data key for *every* slot without knowing
  the other staff members' passwords, while a password change re-wraps only its own slot.
* Beheerder slots and the recovery slot also have the vault's Ed25519 signing key sealed the
  same way; a slot's role, account and public keys are signed with it (see roster.py). The
  wrapped private key carries the signing key's public half as a *pin*: an authentic slot
  tells which signing key is the vault's, so a key file re-signed with another key is caught.
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
    role: str | None = None  # signed with the account; None for the recovery slot
    audit_key: bytes = b""  # Ed25519 public key that signs this slot's audit entries
    signature: bytes | None = None  # by the vault's signing key, over `roster.slot_statement`
    # Ed25519 seeds sealed like the data key: "authority" (the vault's signing key, beheerders
    # and recovery only) and "audit" (this slot's own audit key).
    seeds: dict[str, bytes] = field(default_factory=dict)

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
            "role": self.role,
            "audit_key": b64(self.audit_key),
            "signature": None if self.signature is None else b64(self.signature),
            "seeds": {name: b64(blob) for name, blob in self.seeds.items()},
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
            role=None if data.get("role") is None else str(data["role"]),
            audit_key=unb64(data.get("audit_key") or ""),
            signature=_maybe_b64(data.get("signature")),
            seeds={str(k): unb64(v) for k, v in (data.get("seeds") or {}).items()},
        )


def _maybe_b64(text: Any) -> bytes | None:
    return None if text is None else unb64(str(text))


def account_slot_id(account: str) -> str:
    return f"account:{account.casefold()}"


def new_slot(
    vault_id: str,
    slot_id: str,
    kind: str,
    account: str | None,
    secret: str,
    kdf: KdfParams,
    pin: bytes | None = None,
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
    rewrap_private(slot, vault_id, private, secret, pin)
    return slot, private


def rewrap_private(
    slot: Slot, vault_id: str, private: X25519PrivateKey, secret: str, pin: bytes | None = None
) -> None:
    """A new password for this slot only: fresh salt, same key pair, sealed keys untouched.

    `pin` is the vault signing key's public half, wrapped with the private key so that only
    the password's owner can have put it there.
    """
    slot.salt = os.urandom(16)
    kek = derive_kek(secret, slot.salt, slot.kdf)
    nonce = os.urandom(12)
    raw = private.private_bytes(_RAW, _RAW_PRIV, _NO_ENC) + (pin or b"")
    slot.wrapped_private = nonce + AESGCM(kek).encrypt(
        nonce, raw, _aad(vault_id, slot.slot_id, "private")
    )


def unwrap_slot(slot: Slot, vault_id: str, secret: str) -> tuple[X25519PrivateKey, bytes | None]:
    """The slot's private key and its pin (None for a slot wrapped before signing existed)."""
    return unwrap_with_kek(slot, vault_id, derive_kek(secret, slot.salt, slot.kdf))


def slot_kek(slot: Slot, secret: str) -> bytes:
    """The key that wraps this slot's private key; kept by an open session so that it can
    re-pin its own slot when the signing key is replaced (slots.py)."""
    return derive_kek(secret, slot.salt, slot.kdf)


def repin(slot: Slot, vault_id: str, private: X25519PrivateKey, kek: bytes, pin: bytes) -> None:
    """Wrap the same private key under the same password (salt and KEK) with a new pin."""
    nonce = os.urandom(12)
    raw = private.private_bytes(_RAW, _RAW_PRIV, _NO_ENC) + pin
    slot.wrapped_private = nonce + AESGCM(kek).encrypt(
        nonce, raw, _aad(vault_id, slot.slot_id, "private")
    )


def unwrap_with_kek(slot: Slot, vault_id: str, kek: bytes) -> tuple[X25519PrivateKey, bytes | None]:
    nonce, body = slot.wrapped_private[:12], slot.wrapped_private[12:]
    try:
        raw = AESGCM(kek).decrypt(nonce, body, _aad(vault_id, slot.slot_id, "private"))
    except InvalidTag as exc:
        raise WrongSecret from exc
    private = X25519PrivateKey.from_private_bytes(raw[:32])
    if private.public_key().public_bytes(_RAW, _RAW_PUB) != slot.public_key:
        raise WrongSecret  # a wrapped key from another slot: not this slot's owner
    return private, (raw[32:64] if len(raw) >= 64 else None)


def unwrap_private(slot: Slot, vault_id: str, secret: str) -> X25519PrivateKey:
    return unwrap_slot(slot, vault_id, secret)[0]


def _seal(slot: Slot, vault_id: str, purpose: str, plain: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public_key))
    aad = _aad(vault_id, slot.slot_id, purpose)
    key = _hkdf(shared, epk + slot.public_key + aad)
    nonce = os.urandom(12)
    return epk + nonce + AESGCM(key).encrypt(nonce, plain, aad)


def _unseal(
    slot: Slot, vault_id: str, purpose: str, blob: bytes, private: X25519PrivateKey
) -> bytes:
    epk, nonce, body = blob[:32], blob[32:44], blob[44:]
    shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
    aad = _aad(vault_id, slot.slot_id, purpose)
    key = _hkdf(shared, epk + slot.public_key + aad)
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag as exc:
        raise WrongSecret from exc


def seal_data_key(slot: Slot, vault_id: str, generation: int, data_key: bytes) -> None:
    slot.sealed[generation] = _seal(slot, vault_id, f"data-key/{generation}", data_key)


def open_data_key(slot: Slot, vault_id: str, generation: int, private: X25519PrivateKey) -> bytes:
    return _unseal(slot, vault_id, f"data-key/{generation}", slot.sealed[generation], private)


def seal_secret(slot: Slot, vault_id: str, name: str, seed: bytes) -> None:
    """Seal a signing seed to this slot ("authority" or "audit")."""
    slot.seeds[name] = _seal(slot, vault_id, f"secret/{name}", seed)


def open_secret(slot: Slot, vault_id: str, name: str, private: X25519PrivateKey) -> bytes | None:
    """A seed sealed to this slot; its authenticity is the caller's to check."""
    blob = slot.seeds.get(name)
    return None if blob is None else _unseal(slot, vault_id, f"secret/{name}", blob, private)


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
