"""Issue 13: a beheerder who steps down (demoted or removed) keeps nothing that raises a role.

While beheerder, the insider could decrypt the vault's signing key from their own slot and
keep a copy. Demotion and removal therefore replace the signing key; these tests are the
attacker's moves with the copied key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.vault import audit, keys, roster
from contactkluis.vault.keyfile import KeyFile, key_path
from contactkluis.vault.signing import Authority, PendingRole, Signer, statement
from tests.support.insider import raw_key, sql
from tests.support.vaults import ADMIN, ADMIN_PW, STAFF, STAFF_PW, Template, run_cli

THIRD, THIRD_PW = "derde", "een lang wachtwoord voor de derde beheerder"


def cli(db: Path, *args: str, user: str = ADMIN, stdin: str = ADMIN_PW) -> tuple[int, str]:
    done = run_cli("--db", str(db), "--user", user, "--password-stdin", *args, stdin=stdin + "\n")
    return done.returncode, done.stdout + done.stderr


def copied_signing_key(db: Path, account: str, password: str) -> tuple[Signer, Authority]:
    """What a beheerder can take home: the signing key out of their own slot."""
    kf = KeyFile.load(key_path(db))
    slot = kf.slot(keys.account_slot_id(account))
    assert slot is not None and kf.authority is not None
    private = keys.unwrap_private(slot, kf.vault_id, password)
    seed = keys.open_secret(slot, kf.vault_id, "authority", private)
    assert seed is not None, "a beheerder's slot holds the signing key"
    return Signer(seed), kf.authority


def promote_then_demote(db: Path) -> tuple[Signer, Authority]:
    session = accounts.unlock(db, ADMIN, ADMIN_PW)
    try:
        accounts.set_role(session, STAFF, "beheerder")
        accounts.add_account(session, THIRD, "beheerder", THIRD_PW)
    finally:
        session.vault.close()
    stolen = copied_signing_key(db, STAFF, STAFF_PW)
    session = accounts.unlock(db, ADMIN, ADMIN_PW)
    try:
        accounts.set_role(session, STAFF, "medewerker")
    finally:
        session.vault.close()
    return stolen


def test_demotion_replaces_the_signing_key_and_everyone_still_opens(
    vpath: Path, template: Template
) -> None:
    before = KeyFile.load(key_path(vpath)).authority
    promote_then_demote(vpath)
    kf = KeyFile.load(key_path(vpath))
    assert kf.authority is not None and before is not None
    assert kf.authority.public_key != before.public_key
    staff = kf.slot(keys.account_slot_id(STAFF))
    assert staff is not None and "authority" not in staff.seeds
    # Every other way in still opens with its own role, and the signatures all hold.
    for unlock in (
        lambda: accounts.unlock(vpath, STAFF, STAFF_PW),
        lambda: accounts.unlock(vpath, THIRD, THIRD_PW),
        lambda: accounts.unlock_with_recovery(vpath, template.recovery_key),
        lambda: accounts.unlock(vpath, ADMIN, ADMIN_PW),
    ):
        session = unlock()
        try:
            assert accounts.verify(session) == []
        finally:
            session.vault.close()
    code, text = cli(vpath, "verify", user=STAFF, stdin=STAFF_PW)
    assert code == 0, text


def test_a_beheerder_slot_forged_with_the_copied_key_is_refused(vpath: Path) -> None:
    old, _ = promote_then_demote(vpath)
    # The attacker: own slot back to beheerder, signed with the copied key; database to match.
    kf = KeyFile.load(key_path(vpath))
    slot = kf.slot(keys.account_slot_id(STAFF))
    assert slot is not None
    roster.set_role(kf, old, slot, "beheerder")
    kf.save(key_path(vpath))
    sql(
        vpath,
        raw_key(vpath, STAFF, STAFF_PW),
        f"UPDATE accounts SET role='beheerder' WHERE name='{STAFF}'",
    )
    code, text = cli(vpath, "user", "add", "indringer", user=STAFF, stdin=STAFF_PW)
    assert code != 0 and "buiten Contactkluis om" in text, text
    code, text = cli(vpath, "verify")
    assert code == 3 and f"the slot of '{STAFF}' has no valid signature" in text, text


def test_the_copied_key_put_back_everywhere_is_refused_and_reported(vpath: Path) -> None:
    """The thorough attacker: the old signing key back as the vault's, every slot re-signed
    with it, the records of the replacement removed."""
    old, old_authority = promote_then_demote(vpath)
    kf = KeyFile.load(key_path(vpath))
    kf.authority, kf.retired = old_authority, []
    for record in kf.signers:
        record.signature = old.sign(record.statement(kf.vault_id, record.owner, record.public_key))
    for slot in kf.slots:
        role = "beheerder" if slot.account == STAFF else slot.role
        roster.set_role(kf, old, slot, role)
    kf.save(key_path(vpath))
    sql(
        vpath,
        raw_key(vpath, STAFF, STAFF_PW),
        f"UPDATE accounts SET role='beheerder' WHERE name='{STAFF}'",
    )
    # The beheerder who demoted them was re-pinned to the new key at once.
    with pytest.raises(UserError) as refused:
        accounts.unlock(vpath, ADMIN, ADMIN_PW)
    assert refused.value.code == "tampered"
    code, text = cli(vpath, "verify")
    assert code != 0 and "buiten Contactkluis om" in text, text
    # A beheerder who has not unlocked since (still pinned to the old key) opens, but the
    # log shows the key was replaced: verify exits 3.
    code, text = cli(vpath, "verify", user=THIRD, stdin=THIRD_PW)
    assert code == 3 and "has been put back" in text, text


def test_removing_a_beheerder_replaces_the_signing_key(vpath: Path) -> None:
    old, _ = promote_then_demote(vpath)  # STAFF is medewerker now; THIRD is the one to go
    stolen, _ = copied_signing_key(vpath, THIRD, THIRD_PW)
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        accounts.remove_account(session, THIRD)
        assert accounts.verify(session) == []
    finally:
        session.vault.close()
    kf = KeyFile.load(key_path(vpath))
    assert kf.authority is not None
    assert kf.authority.public_key not in (old.public, stolen.public)
    code, text = cli(vpath, "verify", user=STAFF, stdin=STAFF_PW)
    assert code == 0, text


def test_entries_the_old_key_signed_verify_and_new_ones_it_signs_do_not(
    vpath: Path, template: Template
) -> None:
    """Recovery-key entries are signed by the signing key itself: those from before the
    replacement still verify; one the former beheerder appends with the copy does not."""
    session = accounts.unlock_with_recovery(vpath, template.recovery_key)
    session.vault.close()
    old, _ = promote_then_demote(vpath)
    code, text = cli(vpath, "verify")
    assert code == 0, text
    key = raw_key(vpath, STAFF, STAFF_PW)
    [[(last, prev)]] = sql(vpath, key, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
    entry = (int(last) + 1, "2026-12-06T10:00:00+00:00", None, "login.recovery_key", None, "{}")
    digest = audit._digest(*entry, prev)
    sig = keys.b64(old.sign(statement("audit", digest)))
    sql(
        vpath,
        key,
        "INSERT INTO audit (id, ts, account, action, target, detail, prev_hash, hash, signer,"
        f" signature) VALUES ({entry[0]}, '{entry[1]}', NULL, 'login.recovery_key', NULL, '{{}}',"
        f" '{prev}', '{digest}', '{keys.b64(old.public)}', '{sig}')",
        f"UPDATE meta SET value='{entry[0]}:{digest}' WHERE key='audit_head'",
    )
    kf = KeyFile.load(key_path(vpath))
    kf.audit_head = (entry[0], digest)
    kf.save(key_path(vpath))
    code, text = cli(vpath, "verify")
    assert code == 3 and f"entry {entry[0]} is signed by a signing key replaced earlier" in text, (
        text
    )


def test_a_forged_pending_role_marker_does_not_excuse_a_raised_role(vpath: Path) -> None:
    """The crash marker cannot be planted to make a raw-key role raise look interrupted."""
    old, _ = promote_then_demote(vpath)
    kf = KeyFile.load(key_path(vpath))
    kf.pending_role = PendingRole.make(kf.vault_id, old, STAFF, "beheerder")
    slot = kf.slot(keys.account_slot_id(STAFF))
    assert slot is not None
    slot.role = "beheerder"
    kf.save(key_path(vpath))
    sql(
        vpath,
        raw_key(vpath, STAFF, STAFF_PW),
        f"UPDATE accounts SET role='beheerder' WHERE name='{STAFF}'",
    )
    code, text = cli(vpath, "user", "list", user=STAFF, stdin=STAFF_PW)
    assert code != 0 and "buiten Contactkluis om" in text, text
    code, text = cli(vpath, "verify")
    assert code == 3 and "pending role change" in text, text
