"""No lock-in: the documented script derives the data key from the key file and the recovery
key alone, and that key opens the database with plain SQLCipher settings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import sqlcipher3

from contactkluis.services.accounts import unlock
from tests.support.vaults import ADMIN, ADMIN_PW, Template, run_cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def _script() -> str:
    text = DOC.read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "docs/privacy.md lost its key-derivation script"
    return blocks[0]


def _data_key(path: Path) -> str:
    session = unlock(path, ADMIN, ADMIN_PW)
    try:
        return session.vault.data_key_for_tests().hex()
    finally:
        session.vault.close()


def test_documented_script_opens_the_vault_with_the_recovery_key(
    template: Template, vpath: Path, tmp_path: Path
) -> None:
    path, recovery = vpath, template.recovery_key
    session = unlock(path, ADMIN, ADMIN_PW)
    session.vault.conn.execute("INSERT INTO meta (key, value) VALUES ('marker', 'hier ben ik')")
    session.vault.close()
    script = tmp_path / "derive.py"
    script.write_text(_script(), "utf-8")
    out = subprocess.run(
        [sys.executable, str(script), str(path) + ".keys", recovery.lower().replace("-", " ")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert re.fullmatch(r"[0-9a-f]{64}", out)
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{out}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    assert conn.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone() == (
        "hier ben ik",
    )
    conn.close()


def test_show_key_prints_the_same_key(template: Template, vpath: Path) -> None:
    expected = _data_key(vpath)
    result = run_cli("--db", str(vpath), "show-key", "--recovery-key", template.recovery_key)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == expected
    # The instructions for both tools carry the same key in each tool's own notation.
    assert f"PRAGMA key = \"x'{expected}'\";" in [line.strip() for line in lines]
    assert f"0x{expected}" in result.stdout and "'Raw key'" in result.stdout
    assert "'SQLCipher 4 defaults'" in result.stdout


def test_db_browser_sqlcipher_4_defaults_open_the_vault(template: Template, vpath: Path) -> None:
    """What DB Browser for SQLite sends for 'Raw key' + 'SQLCipher 4 defaults' (its
    CipherDialog: x'<hex>' after stripping 0x, then the four cipher settings)."""
    key = _data_key(vpath)
    conn = sqlcipher3.connect(str(vpath))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute("PRAGMA cipher_page_size = 4096")
    conn.execute("PRAGMA kdf_iter = 256000")
    conn.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")
    conn.execute("PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512")
    assert conn.execute("SELECT count(*) FROM contacts").fetchone() == (len(template.contact_ids),)
    conn.close()
