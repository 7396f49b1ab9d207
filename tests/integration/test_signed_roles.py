"""Issue 13: signed roles and slots, a signed audit log, and removal that replaces the key.

The attacks here go further than test_insider_attacks.py: a key-file edit of a role, a
whole audit chain recomputed with the raw key, a signing key swapped everywhere. The rest
shows that legitimate changes (roles, passwords, recovery key, removal, old vaults) keep
every signature valid.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlcipher3

from contactkluis.errors import UserError
from contactkluis.services import accounts
from contactkluis.vault import accounts_repo, audit, keys, roster
from contactkluis.vault.backup import read_backup_keys
from contactkluis.vault.keyfile import KeyFile, key_path
from contactkluis.vault.signing import Authority, Signer, statement
from tests.support.insider import raw_key, sql
from tests.support.vaults import (
    ADMIN,
    ADMIN_PW,
    STAFF,
    STAFF_PW,
    Template,
    run_cli,
)


def cli(db: Path, *args: str, user: str = ADMIN, stdin: str = ADMIN_PW) -> tuple[int, str]:
    done = run_cli("--db", str(db), "--user", user, "--password-stdin", *args, stdin=stdin + "\n")
    return done.returncode, done.stdout + done.stderr


def verify_as_admin(db: Path) -> list[str]:
    session = accounts.unlock(db, ADMIN, ADMIN_PW)
    try:
        return accounts.verify(session)
    finally:
        session.vault.close()


def test_a_role_raised_in_the_key_file_is_refused_and_reported(vpath: Path) -> None:
    data = json.loads(key_path(vpath).read_text("utf-8"))
    for slot in data["slots"]:
        if slot["account"] == STAFF:
            slot["role"] = "beheerder"
    key_path(vpath).write_text(json.dumps(data), "utf-8")
    code, text = cli(vpath, "user", "add", "indringer", user=STAFF, stdin=STAFF_PW)
    assert code != 0 and "buiten Contactkluis om" in text and STAFF in text, text
    code, text = cli(vpath, "verify")
    assert code == 3 and f"the slot of '{STAFF}' has no valid signature" in text, text


def test_a_recomputed_audit_chain_is_reported(vpath: Path) -> None:
    """The whole chain rebuilt with the raw key, meta and key-file heads made to match."""
    key = raw_key(vpath, STAFF, STAFF_PW)
    [triggers] = sql(vpath, key, "SELECT name FROM sqlite_master WHERE type='trigger'")
    [rows] = sql(
        vpath, key, "SELECT id, ts, account, action, target, detail FROM audit ORDER BY id"
    )
    prev, stmts = audit.GENESIS, [f"DROP TRIGGER {name}" for (name,) in triggers]
    for entry_id, ts, account, action, target, detail in rows:
        if action == "account.add":
            detail = json.dumps({"role": "beheerder"})  # hide how STAFF came in
        digest = audit._digest(entry_id, ts, account, action, target, detail, prev)
        stmts.append(
            f"UPDATE audit SET detail='{detail}', prev_hash='{prev}', hash='{digest}'"
            f" WHERE id={entry_id}"
        )
        prev = digest
    last = rows[-1][0]
    stmts.append(f"UPDATE meta SET value='{last}:{prev}' WHERE key='audit_head'")
    sql(vpath, key, *stmts)
    kf = KeyFile.load(key_path(vpath))
    kf.audit_head = (int(last), prev)
    kf.save(key_path(vpath))
    code, text = cli(vpath, "verify")
    assert code == 3 and "has a bad signature" in text, text


def test_a_signing_key_swapped_everywhere_is_refused_at_the_admins_unlock(vpath: Path) -> None:
    """The insider signs every slot with a key of their own and raises their role."""
    key = raw_key(vpath, STAFF, STAFF_PW)
    sql(vpath, key, f"UPDATE accounts SET role='beheerder' WHERE name='{STAFF}'")
    kf = KeyFile.load(key_path(vpath))
    mine = Signer.generate()
    kf.authority = Authority.make(kf.vault_id, mine, 1)
    kf.signers = []
    for slot in kf.slots:
        roster.issue(kf, mine, slot, "beheerder" if slot.kind == "password" else None)
    kf.save(key_path(vpath))
    with pytest.raises(UserError) as refused:
        accounts.unlock(vpath, ADMIN, ADMIN_PW)
    assert refused.value.code == "tampered"


def _strip_signing(db: Path, template: Template, *, unpin: bool = True) -> None:
    """Make the vault look like one from before signing: no signatures and (when the
    passwords are known, as for an old vault) unpinned slots."""
    kf = KeyFile.load(key_path(db))
    secrets = {
        keys.account_slot_id(ADMIN): ADMIN_PW,
        keys.account_slot_id(STAFF): STAFF_PW,
        "recovery": keys.normalize_recovery_key(template.recovery_key),
    }
    for slot in kf.slots:
        if unpin:
            private = keys.unwrap_private(slot, kf.vault_id, secrets[slot.slot_id])
            keys.rewrap_private(slot, kf.vault_id, private, secrets[slot.slot_id])
        slot.role, slot.audit_key, slot.signature, slot.seeds = None, b"", None, {}
    kf.authority, kf.signers, kf.audit_head = None, [], None
    kf.save(key_path(db))


def test_an_old_vault_is_signed_at_the_first_beheerder_unlock(
    vpath: Path, template: Template
) -> None:
    _strip_signing(vpath, template)
    code, text = cli(vpath, "verify", user=STAFF, stdin=STAFF_PW)
    assert code == 0 and "WAARSCHUWING" in text, text
    assert KeyFile.load(key_path(vpath)).authority is None
    code, text = cli(vpath, "verify")
    assert code == 0 and "WAARSCHUWING" not in text, text
    kf = KeyFile.load(key_path(vpath))
    assert kf.authority is not None and all(roster.slot_ok(kf, s) for s in kf.slots)
    code, text = cli(vpath, "verify", user=STAFF, stdin=STAFF_PW)
    assert code == 0 and "WAARSCHUWING" not in text, text
    # From now on an insider (who does not know the beheerder's password, so cannot unpin
    # the beheerder's slot) cannot strip the signing again behind the beheerder's back.
    _strip_signing(vpath, template, unpin=False)
    with pytest.raises(UserError) as refused:
        accounts.unlock(vpath, ADMIN, ADMIN_PW)
    assert refused.value.code == "tampered"


def test_a_removal_cut_short_is_finished_at_the_next_beheerder_unlock(vpath: Path) -> None:
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    with session.write() as conn:  # the first half of remove_account, then a crash
        accounts_repo.deactivate(conn, STAFF)
        session.audit(conn, "account.remove", f"account:{STAFF}")
    session.vault.close()
    kept = key_path(vpath).read_bytes()
    assert verify_as_admin(vpath) == []
    kf = KeyFile.load(key_path(vpath))
    assert kf.slot(keys.account_slot_id(STAFF)) is None
    key_path(vpath).write_bytes(kept)
    old_key = raw_key(vpath, STAFF, STAFF_PW)
    with pytest.raises(sqlcipher3.DatabaseError):
        sql(vpath, old_key, "SELECT count(*) FROM contacts")


def test_legitimate_changes_keep_every_signature_valid(vpath: Path) -> None:
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        accounts.set_role(session, STAFF, "beheerder")
        accounts.add_account(session, "derde", "medewerker", "een lang wachtwoord voor derde")
        accounts.change_password(session, "derde", "nog een lang wachtwoord voor derde")
        recovery = accounts.new_recovery_key(session)
        assert accounts.verify(session) == []
    finally:
        session.vault.close()
    promoted = accounts.unlock(vpath, STAFF, STAFF_PW)
    try:
        accounts.change_password(promoted, STAFF, "mijn eigen nieuwe lange wachtwoord")
        accounts.set_role(promoted, ADMIN, "medewerker")
        accounts.set_role(promoted, ADMIN, "beheerder")
        accounts.remove_account(promoted, "derde")
        assert accounts.verify(promoted) == []
    finally:
        promoted.vault.close()
    restored = accounts.unlock_with_recovery(vpath, recovery)
    try:
        accounts.change_password(restored, ADMIN, "een heel nieuw wachtwoord voor beheer")
        assert accounts.verify(restored) == []
    finally:
        restored.vault.close()
    session = accounts.unlock(vpath, ADMIN, "een heel nieuw wachtwoord voor beheer")
    try:
        assert accounts.verify(session) == []
    finally:
        session.vault.close()


def test_every_backup_carries_the_audit_head(vpath: Path, tmp_path: Path) -> None:
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        before = audit.last(session.conn)
        bak = accounts.backup(session, tmp_path / "b.ckbak")
    finally:
        session.vault.close()
    assert read_backup_keys(bak).audit_head == before


def _set_heads(db: Path, key: bytes, head: tuple[int, str]) -> None:
    """What a careful insider does after editing the log: both copies of the head follow."""
    sql(db, key, f"UPDATE meta SET value='{head[0]}:{head[1]}' WHERE key='audit_head'")
    kf = KeyFile.load(key_path(db))
    kf.audit_head = head
    kf.save(key_path(db))


def test_an_entry_in_the_beheerders_name_signed_by_a_medewerker_is_reported(vpath: Path) -> None:
    key = raw_key(vpath, STAFF, STAFF_PW)
    kf = KeyFile.load(key_path(vpath))
    slot = kf.slot(keys.account_slot_id(STAFF))
    assert slot is not None
    private = keys.unwrap_private(slot, kf.vault_id, STAFF_PW)
    seed = keys.open_secret(slot, kf.vault_id, "audit", private)
    assert seed is not None
    mine = Signer(seed)
    [[(last, prev)]] = sql(vpath, key, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
    entry = (int(last) + 1, "2026-12-06T10:00:00+00:00", ADMIN, "key.show", None, "{}")
    digest = audit._digest(*entry, prev)
    sig = keys.b64(mine.sign(statement("audit", digest)))
    sql(
        vpath,
        key,
        "INSERT INTO audit (id, ts, account, action, target, detail, prev_hash, hash, signer,"
        f" signature) VALUES ({entry[0]}, '{entry[1]}', '{ADMIN}', 'key.show', NULL, '{{}}',"
        f" '{prev}', '{digest}', '{keys.b64(mine.public)}', '{sig}')",
    )
    _set_heads(vpath, key, (entry[0], digest))
    code, text = cli(vpath, "verify")
    assert code == 3 and f"names '{ADMIN}' but was signed by '{STAFF}'" in text, text


def test_a_tail_cut_with_every_head_rewound_shows_only_against_a_later_backup(
    vpath: Path, tmp_path: Path
) -> None:
    """The documented limit: without a copy made after the cut entries, a cut that also
    rewinds the key file's head and restores the triggers is not visible."""
    bak = tmp_path / "later.ckbak"
    assert cli(vpath, "backup", "--out", str(bak))[0] == 0
    backed_up = read_backup_keys(bak).audit_head
    assert backed_up is not None
    key = raw_key(vpath, STAFF, STAFF_PW)
    [triggers] = sql(
        vpath, key, "SELECT sql FROM sqlite_master WHERE type='trigger' AND tbl_name='audit'"
    )
    sql(
        vpath,
        key,
        "DROP TRIGGER audit_no_update",
        "DROP TRIGGER audit_no_delete",
        f"DELETE FROM audit WHERE id >= {backed_up[0] - 1}",
        *[str(t) for (t,) in triggers],
    )
    [[(last, head)]] = sql(vpath, key, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
    _set_heads(vpath, key, (int(last), str(head)))
    assert cli(vpath, "verify")[0] == 0  # what privacy.md says an insider can hide
    code, text = cli(vpath, "verify", "--against", str(bak))
    assert code == 3 and f"entry {backed_up[0]}, the last one in the backup" in text, text


def test_a_removal_cut_short_after_the_key_file_step_is_finished(vpath: Path) -> None:
    """The crash between remove_account's atomic key-file write and the rekey."""
    kept = key_path(vpath).read_bytes()
    sql(
        vpath, raw_key(vpath, ADMIN, ADMIN_PW), f"UPDATE accounts SET active=0 WHERE name='{STAFF}'"
    )
    kf = KeyFile.load(key_path(vpath))
    before, pending_key = kf.generation, bytes(range(32))
    kf.slots = [s for s in kf.slots if s.slot_id != keys.account_slot_id(STAFF)]
    for slot in kf.slots:
        keys.seal_data_key(slot, kf.vault_id, before + 1, pending_key)
    kf.pending = before + 1
    kf.save(key_path(vpath))
    assert verify_as_admin(vpath) == []
    after = KeyFile.load(key_path(vpath))
    assert after.pending is None and after.generation > before
    key_path(vpath).write_bytes(kept)
    with pytest.raises(sqlcipher3.DatabaseError):
        sql(vpath, raw_key(vpath, STAFF, STAFF_PW), "SELECT count(*) FROM contacts")
