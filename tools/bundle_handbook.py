"""Copy docs/handleiding.md into the package (Help → Handleiding reads it offline).

    python tools/bundle_handbook.py

Run after editing the handbook; tests/gui/test_handbook.py fails while the copies differ.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs" / "handleiding.md"
TARGET = ROOT / "src" / "contactkluis" / "resources" / "handbook" / "handleiding.md"

if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, TARGET)
    print(f"{SOURCE.relative_to(ROOT)} -> {TARGET.relative_to(ROOT)}")
