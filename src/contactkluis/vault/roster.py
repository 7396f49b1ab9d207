"""Who may unlock, and with which role: slots signed with the vault's signing key.

A slot's statement (account, role, kind, its X25519 and audit public keys) is signed by the
vault's Ed25519 signing key, whose seed is sealed only to beheerder slots and the recovery
slot. Roles also live in the database; both must agree. So a medewerker with the raw data
key cannot raise a role (the database row no longer matches the signed slot), nor plant or
edit a slot (no signature), nor swap in another signing key (every authentic slot pins the
vault's signing key inside its password-wrapped private key).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from contactkluis.domain.messages import register
from contactkluis.errors import UserError
from contactkluis.vault import keys
from contactkluis.vault.db import Connection
from contactkluis.vault.keyfile import KeyFile
from contactkluis.vault.signing import (
    AUTHORITY_OWNER,
    Authority,
    Signer,
    SignerRecord,
    Succession,
    statement,
    valid,
)

BEHEERDER = "beheerder"

register(
    {
        "tampered": (
            "De sleutels of rollen van deze kluis zijn buiten Contactkluis om gewijzigd ({what}). "
            "De kluis gaat zo niet open; laat een beheerder 'contactkluis verify' uitvoeren en "
            "zet zo nodig een back-up terug.",
            "The vault's keys or roles were changed outside Contactkluis ({what}). It will not "
            "open like this; ask a beheerder to run 'contactkluis verify' and restore a backup "
            "if needed.",
        ),
    }
)


def tampered(what: str) -> UserError:
    return UserError("tampered", what=what)


def slot_statement(vault_id: str, slot: keys.Slot) -> bytes:
    return statement(
        vault_id,
        "slot",
        slot.slot_id,
        slot.kind,
        (slot.account or "").casefold(),
        slot.role,
        keys.b64(slot.public_key),
        keys.b64(slot.audit_key),
    )


def slot_ok(kf: KeyFile, slot: keys.Slot) -> bool:
    if kf.authority is None:
        return False
    return valid(kf.authority.public_key, slot_statement(kf.vault_id, slot), slot.signature)


def owner_of(slot: keys.Slot) -> str:
    return slot.account or AUTHORITY_OWNER


def issue(kf: KeyFile, authority: Signer, slot: keys.Slot, role: str | None) -> Signer | None:
    """Give a slot its role, its audit key and (beheerders, recovery) the signing key; sign.

    Returns the slot's audit key (None for the recovery slot, whose entries the signing key
    signs itself).
    """
    audit_signer = None
    slot.role = role if slot.kind == "password" else None
    if slot.kind == "password":
        audit_signer = Signer.generate()
        keys.seal_secret(slot, kf.vault_id, "audit", audit_signer.seed())
        slot.audit_key = audit_signer.public
        kf.signers.append(
            SignerRecord.make(kf.vault_id, authority, owner_of(slot), audit_signer.public)
        )
    set_role(kf, authority, slot, slot.role)
    return audit_signer


def set_role(kf: KeyFile, authority: Signer, slot: keys.Slot, role: str | None) -> None:
    """A new role for an existing slot: the signing key goes with the beheerder role only.

    A demoted beheerder may have copied the signing key out of their slot: the caller then
    replaces it (`replace_authority`).
    """
    slot.role = role if slot.kind == "password" else None
    if slot.kind == "recovery" or role == BEHEERDER:
        keys.seal_secret(slot, kf.vault_id, "authority", authority.seed())
    else:
        slot.seeds.pop("authority", None)
    slot.signature = authority.sign(slot_statement(kf.vault_id, slot))


@dataclass
class Opened:
    """What an authentic slot gives its holder besides the data key."""

    authority: Signer | None  # the vault's signing key, when this slot holds it
    signer: Signer | None  # signs this session's audit entries
    repin: bool  # the slot predates its pin: rewrap it with the password now


def open_slot(kf: KeyFile, slot: keys.Slot, private: X25519PrivateKey, pin: bytes | None) -> Opened:
    """Check the unlocking slot itself; refuse by name when it is not what a beheerder signed."""
    who = owner_of(slot)
    if kf.authority is None:
        if pin is not None:
            raise tampered("the vault's signing key was removed from the key file")
        return Opened(None, None, False)
    current = kf.authority.public_key
    if not kf.authority.ok(kf.vault_id) or (
        pin is not None and pin != current and pin not in retired_keys(kf)
    ):
        raise tampered("the vault's signing key was replaced")
    repin = pin != current  # None (from before signing) or a key retired since
    if not slot_ok(kf, slot):
        raise tampered(f"the key slot of '{who}' has no valid signature")
    authority = _signer(keys.open_secret(slot, kf.vault_id, "authority", private))
    if authority is not None and authority.public != kf.authority.public_key:
        authority = None
    if slot.kind == "recovery":
        if authority is None:
            raise tampered("the recovery slot does not hold the vault's signing key")
        return Opened(authority, authority, repin)
    signer = _signer(keys.open_secret(slot, kf.vault_id, "audit", private))
    if signer is None or signer.public != slot.audit_key:
        raise tampered(f"the audit key of '{who}' does not match its slot")
    return Opened(authority, signer, repin)


def _signer(seed: bytes | None) -> Signer | None:
    return None if seed is None else Signer(seed)


def enable(kf: KeyFile, roles: dict[str, str], audit_from: int) -> Signer:
    """Sign an existing vault's slots with a new signing key (the first beheerder unlock).

    `roles` maps each active account (casefolded) to its role in the database, which is
    trusted this once: see privacy.md on vaults from before signing.
    """
    authority = Signer.generate()
    kf.authority = Authority.make(kf.vault_id, authority, audit_from)
    for slot in kf.slots:
        if slot.kind == "recovery":
            issue(kf, authority, slot, None)
        elif slot.account is not None and slot.account.casefold() in roles:
            issue(kf, authority, slot, roles[slot.account.casefold()])
    return authority


def replace_authority(kf: KeyFile, old: Signer, until: int) -> Signer:
    """A new signing key, because someone who could read the old one no longer may.

    Every slot and audit key the old key signed is signed again with the new one; the new
    seed is sealed only to the beheerder slots and the recovery slot (set_role); a slot the
    old key did not sign stays unsigned. Slots pinned to the old key follow the Succession
    record until their owners' next unlock re-pins them. Nothing is written: the caller saves
    the key file in one atomic step.
    """
    new = Signer.generate()
    authentic = [s for s in kf.slots if slot_ok(kf, s)]
    signers = [r for r in kf.signers if r.ok(kf.vault_id, old.public)]
    assert kf.authority is not None
    kf.retired.append(Succession.make(kf.vault_id, old, new, until))
    kf.authority = Authority.make(kf.vault_id, new, kf.authority.audit_from)
    for record in signers:
        record.signature = new.sign(
            SignerRecord.statement(kf.vault_id, record.owner, record.public_key)
        )
    for slot in authentic:
        set_role(kf, new, slot, slot.role)
    return new


def retired_keys(kf: KeyFile) -> dict[bytes, int]:
    """Earlier signing keys that lead, record by record, to the current one: key -> the last
    audit entry each may have signed."""
    if kf.authority is None:
        return {}
    reach, found = {kf.authority.public_key}, {}
    grew = True
    while grew:
        grew = False
        for record in kf.retired:
            if record.new in reach and record.old not in reach and record.ok(kf.vault_id):
                reach.add(record.old)
                found[record.old] = record.until
                grew = True
    return found


def known_signers(kf: KeyFile) -> dict[bytes, str]:
    """Audit public key -> owner, for every key the vault's signing key vouches for."""
    if kf.authority is None:
        return {}
    known = {
        r.public_key: r.owner for r in kf.signers if r.ok(kf.vault_id, kf.authority.public_key)
    }
    known[kf.authority.public_key] = AUTHORITY_OWNER
    for key in retired_keys(kf):
        known[key] = AUTHORITY_OWNER
    return known


def pending_role_ok(kf: KeyFile, account: str, role: str | None) -> bool:
    """Whether a role change signed into the key file still waits for its database half."""
    pending = kf.pending_role
    return (
        pending is not None
        and kf.authority is not None
        and pending.ok(kf.vault_id, kf.authority.public_key)
        and pending.account.casefold() == account.casefold()
        and pending.role == role
    )


def signed_role(kf: KeyFile, account: str) -> str | None:
    slot = kf.slot(keys.account_slot_id(account))
    return slot.role if slot is not None and slot_ok(kf, slot) else None


def problems(kf: KeyFile, conn: Connection) -> list[str]:
    """Every slot and every account's role must carry a valid signature; named when not."""
    if kf.authority is None:
        return []
    found: list[str] = []
    if not kf.authority.ok(kf.vault_id):
        return ["keys: the vault's signing key does not sign itself (key file replaced?)"]
    for slot_id, n in Counter(s.slot_id for s in kf.slots).items():
        if n > 1:
            found.append(f"keys: slot '{slot_id}' appears {n} times")
    rows = conn.execute("SELECT name, role, active FROM accounts").fetchall()
    active = {str(r[0]).casefold(): (str(r[0]), str(r[1])) for r in rows if r[2]}
    for slot in kf.slots:
        if not slot_ok(kf, slot):
            found.append(f"keys: the slot of '{owner_of(slot)}' has no valid signature")
        elif slot.kind == "password" and (slot.account or "").casefold() not in active:
            found.append(f"keys: the slot of removed account '{owner_of(slot)}' is still there")
    if not any(s.kind == "recovery" for s in kf.slots):
        found.append("keys: there is no recovery slot")
    for name, role in active.values():
        signed = signed_role(kf, name)
        if signed is None:
            found.append(f"accounts: '{name}' has no signed key slot")
        elif signed != role and not pending_role_ok(kf, name, signed):
            found.append(f"accounts: '{name}' has role '{role}' but was signed as '{signed}'")
    pending = kf.pending_role
    if pending is not None and not pending.ok(kf.vault_id, kf.authority.public_key):
        found.append(f"keys: the pending role change of '{pending.account}' has no valid signature")
    bad = [r.owner for r in kf.signers if not r.ok(kf.vault_id, kf.authority.public_key)]
    found.extend(f"keys: an audit key of '{owner}' has no valid signature" for owner in bad)
    return found
