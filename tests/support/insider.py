"""What an insider with an account can do by hand: the raw key, SQL edits, key-file edits."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from contactkluis.vault import keys
from contactkluis.vault.keyfile import KeyFile, key_path
from tests.conftest import FAST_KDF


def raw_key(db: Path, account: str, password: str) -> bytes:
    """The data key from the key file and an account password, as docs/privacy.md's script does."""
    kf = KeyFile.load(key_path(db))
    slot = kf.slot(keys.account_slot_id(account))
    assert slot is not None
    private = keys.unwrap_private(slot, kf.vault_id, password)
    return keys.open_data_key(slot, kf.vault_id, kf.generation, private)


def sql(db: Path, key: bytes, *statements: str) -> list[list[tuple[object, ...]]]:
    """Run statements on the vault with the raw key, as `sqlcipher3` would."""
    conn = sqlcipher3.connect(str(db))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    out = [conn.execute(s).fetchall() for s in statements]
    conn.commit()
    conn.close()
    return out


def plant_recovery_slot(db: Path, data_key: bytes, my_recovery: str) -> None:
    """Replace the recovery slot with one opened by a key the insider chose."""
    path = key_path(db)
    kf = KeyFile.load(path)
    secret = keys.normalize_recovery_key(my_recovery)
    slot, _private = keys.new_slot(kf.vault_id, "recovery", "recovery", None, secret, FAST_KDF)
    keys.seal_data_key(slot, kf.vault_id, kf.generation, data_key)
    kf.slots = [s for s in kf.slots if s.slot_id != "recovery"] + [slot]
    kf.save(path)


def init_vault(home: Path) -> tuple[Path, dict[str, str]]:
    """A vault made by `init` itself, so every file mode is the program's own choice."""
    from tests.support.vaults import ADMIN, ADMIN_PW, child_env, run_cli

    env = child_env(
        CONTACTKLUIS_STATE_DIR=str(home / "state"), CONTACTKLUIS_CONFIG_DIR=str(home / "settings")
    )
    db = home / "Contactkluis" / "kluis.ckdb"
    done = run_cli(
        *("--db", str(db), "--password-stdin", "init", "--admin", ADMIN),
        *("--institution", "Museum Proef"),
        stdin=ADMIN_PW + "\n",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return db, env
