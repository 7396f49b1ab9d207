"""The key file beside the database: the slots, readable before unlocking.

It holds no secret in the clear: wrapped private keys, sealed data keys, public keys,
Argon2 salts and parameters; the vault's signing key (public half), the signed audit keys
and the head of the audit chain, so that a log cut inside the database shows. Writes go to a temp file that is fsynced and renamed, so a
crash leaves either the old or the new key file, never half of one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contactkluis.domain.messages import register
from contactkluis.vault import private_files
from contactkluis.vault.keys import Slot
from contactkluis.vault.private_files import fsync_dir as fsync_dir
from contactkluis.vault.signing import Authority, PendingRole, SignerRecord, Succession

FORMAT = "contactkluis-keys"


class KeyFileError(Exception):
    pass


class DamagedKeyFile(KeyFileError):
    """Our key file format, with values no Contactkluis wrote (edited, or bit rot)."""


DAMAGED_KEY_FILE = "keyfile.damaged"
register(
    {
        DAMAGED_KEY_FILE: (
            "Het sleutelbestand '{file}' is beschadigd of bewerkt en wordt niet gebruikt. Er is"
            " niets gewijzigd; zet het sleutelbestand (of de hele kluis) terug uit een back-up.",
            "The key file '{file}' is damaged or was edited and is not used. Nothing was changed;"
            " restore the key file (or the whole vault) from a backup.",
        )
    }
)


def key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


@dataclass
class KeyFile:
    vault_id: str
    generation: int
    slots: list[Slot] = field(default_factory=list)
    pending: int | None = None  # generation of an unfinished key rotation
    authority: Authority | None = None  # None: a vault from before signing (see roster.py)
    signers: list[SignerRecord] = field(default_factory=list)
    audit_head: tuple[int, str] | None = None  # (id, hash) of the last audit entry
    retired: list[Succession] = field(default_factory=list)  # earlier signing keys
    pending_role: PendingRole | None = None  # a role change whose database half may be due

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.slot_id == slot_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": 1,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "pending": self.pending,
            "slots": [s.to_json() for s in self.slots],
            "authority": None if self.authority is None else self.authority.to_json(),
            "signers": [r.to_json() for r in self.signers],
            "audit_head": None if self.audit_head is None else list(self.audit_head),
            "retired": [r.to_json() for r in self.retired],
            "pending_role": None if self.pending_role is None else self.pending_role.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any) -> KeyFile:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError("not a key file")
        authority, head = data.get("authority"), data.get("audit_head")
        pending_role = data.get("pending_role")
        try:
            return cls(
                vault_id=str(data["vault_id"]),
                generation=int(data["generation"]),
                pending=None if data.get("pending") is None else int(data["pending"]),
                slots=[Slot.from_json(s) for s in data["slots"]],
                authority=None if authority is None else Authority.from_json(authority),
                signers=[SignerRecord.from_json(r) for r in data.get("signers") or []],
                audit_head=None if head is None else (int(head[0]), str(head[1])),
                retired=[Succession.from_json(r) for r in data.get("retired") or []],
                pending_role=None if pending_role is None else PendingRole.from_json(pending_role),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DamagedKeyFile("damaged key file") from exc

    def dumps(self) -> bytes:
        return json.dumps(self.to_json(), indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def loads(cls, raw: bytes) -> KeyFile:
        try:
            return cls.from_json(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyFileError("damaged key file") from exc

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileError("missing key file") from exc
        return cls.loads(raw)

    def save(self, path: Path) -> None:
        atomic_write(path, self.dumps())


def atomic_write(path: Path, data: bytes) -> None:
    """Whole or not at all, and readable by its owner only."""
    private_files.write_file(path, data)
