"""A full disk during a backup or an import: one clear message naming the folder and the
disk, nothing half-saved, no temporary file left (issue 13.8).

The disk is a real one that fills up: a small tmpfs mounted in a private mount namespace
(`unshare --map-root-user --mount`, no privileges needed where user namespaces are on).
The mount lives as long as the shell in that namespace, so the checks of what was left on
it run in the same shell.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contactkluis.vault.keyfile import key_path
from tests.support.vaults import ADMIN, ADMIN_PW, Template, child_env, vault_template

_PROBE = ["unshare", "--map-root-user", "--mount", "sh", "-c"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return vault_template(tmp_path_factory.mktemp("tpl"))


@pytest.fixture(scope="module")
def small_disks() -> None:
    if sys.platform != "linux" or not shutil.which("unshare"):
        pytest.skip("needs Linux mount namespaces (unshare) for a small real disk")
    probe = subprocess.run(
        [*_PROBE, "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip("user namespaces are off here: no small disk can be mounted")


def on_small_disk(disk: Path, size_kib: int, script: str) -> subprocess.CompletedProcess[str]:
    """Run `script` (sh) with a `size_kib` tmpfs mounted on `disk`; $PY runs our program."""
    disk.mkdir(exist_ok=True)
    shell = f'mount -t tmpfs -o size={size_kib}k tmpfs "$DISK" || exit 99\n{script}'
    env = child_env(DISK=str(disk), PY=sys.executable)
    return subprocess.run(
        [*_PROBE, shell], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def _cli(db: str, *args: str) -> str:
    return (
        f'echo "{ADMIN_PW}" | "$PY" -m contactkluis --db "{db}" --user {ADMIN}'
        f" --password-stdin {' '.join(args)}"
    )


def test_backup_onto_a_full_disk(small_disks: None, template: Template, tmp_path: Path) -> None:
    vault = template.copy_to(tmp_path / "kluis")
    disk = tmp_path / "usb"
    size = vault.stat().st_size // 1024 // 2  # room for half the vault
    script = _cli(str(vault), "backup", "--out", '"$DISK/maandag.ckbak"') + '\necho "rc=$?"\n'
    script += 'echo "left:"; ls -A "$DISK"\n'
    done = on_small_disk(disk, size, script)
    out, err = done.stdout, done.stderr
    assert "rc=1" in out, out + err
    assert "vol" in err and str(disk) in err and "Onverwachte fout" not in err, err
    assert out.split("left:")[1].split() == [], out  # no temp file, no half backup


def test_import_onto_a_full_disk(small_disks: None, template: Template, tmp_path: Path) -> None:
    vault = template.copy_to(tmp_path / "kluis")
    sheet = tmp_path / "leden.csv"
    rows = [f"Persoon{i} Achternaam{i};p{i}@voorbeeld.nl;06{i:08d}" for i in range(4000)]
    sheet.write_text("Naam;E-mail;Telefoon\n" + "\n".join(rows) + "\n", "utf-8")
    disk = tmp_path / "vol"
    db = '"$DISK/kluis.ckdb"'
    size = (vault.stat().st_size + key_path(vault).stat().st_size) // 1024 + 256
    script = (
        f'cp "{vault}" "$DISK/kluis.ckdb" && cp "{key_path(vault)}" "$DISK/kluis.ckdb.keys"\n'
        + _cli(db, "import", str(sheet))
        + '\necho "rc=$?"\n'
        + 'echo "left:"; ls -A "$DISK"\necho "end"\n'
        + _cli(db, "verify")
        + '\necho "verify=$?"\n'
    )
    done = on_small_disk(disk, size, script)
    out, err = done.stdout, done.stderr
    assert "rc=1" in out, out + err
    assert "vol" in err and str(disk) in err and "Onverwachte fout" not in err, err
    left = out.split("left:")[1].split("end")[0].split()
    assert not [name for name in left if "tmp" in name or name.endswith("-journal")], left
    assert "verify=0" in out, out + err  # the vault is as it was before the import
