"""Build step: ship resources/ inside the package and compile translations (.ts -> .qm).

The repository keeps icons and translation sources in the top-level resources/ folder; a
wheel (a plain `pip install .`) needs them inside the package. Compiled .qm files are
build products and never committed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def compile_translations(i18n: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        try:
            import PySide6

            candidate = Path(PySide6.__file__).parent / "lrelease"
            lrelease = str(candidate) if candidate.exists() else None
        except ImportError:
            lrelease = None
    if lrelease is None:
        return  # the app reads the .ts files directly when no .qm is there
    for ts in i18n.glob("*.ts"):
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=False
        )


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "contactkluis" / "_resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "resources", target)
        compile_translations(target / "i18n")


setup(cmdclass={"build_py": BuildWithResources})
