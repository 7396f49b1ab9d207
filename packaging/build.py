"""Build the one-folder bundle for this OS: `python packaging/build.py [--smoke]`.

Steps: compile the translations (.ts -> .qm, build products, not committed), run
PyInstaller with packaging/contactkluis.spec, print the bundle size, and with --smoke run
packaging/smoke_test.py against the result.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"


def lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    try:
        import PySide6

        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            candidate = Path(PySide6.__file__).parent / name
            if candidate.exists():
                return str(candidate)
    except ImportError:
        pass
    return None


def compile_translations() -> list[Path]:
    out = WORK / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    compiled: list[Path] = []
    if tool is None:
        print("pyside6-lrelease not found: the bundle will read the .ts files directly")
        return compiled
    for ts in sorted((ROOT / "src" / "contactkluis" / "resources" / "i18n").glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled.append(qm)
    return compiled


def write_build_info() -> Path:
    """Commit and date of this build, shown in the About dialog."""
    import datetime
    import json
    import platform

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    info = {
        "commit": commit,
        "built": datetime.date.today().isoformat(),
        "platform": f"{platform.system()} {platform.machine()}",
    }
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "build_info.json"
    path.write_text(json.dumps(info), "utf-8")
    return path


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="run the smoke test afterwards")
    args = parser.parse_args()
    write_build_info()
    compiled = compile_translations()
    print(f"translations compiled: {', '.join(p.name for p in compiled) or 'none'}")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK / "pyinstaller"),
            str(ROOT / "packaging" / "contactkluis.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    bundle = DIST / "contactkluis"
    size = folder_size(bundle)
    print(f"bundle: {bundle} ({size / 1e6:.0f} MB, {sum(1 for _ in bundle.rglob('*'))} files)")
    if args.smoke:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(bundle)], env=env
        ).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
