"""Refresh src/contactkluis/resources/i18n/{nl,en}.ts from the sources (pyside6-lupdate), optionally compile.

    python tools/update_translations.py            # extract strings into nl.ts and en.ts
    python tools/update_translations.py --release  # also build .qm files (packaging)

Source strings are Dutch. nl.ts is kept complete by copying each source as its own
translation; en.ts keeps what translators wrote and marks new strings unfinished (open it
in `pyside6-linguist src/contactkluis/resources/i18n/en.ts`). Run from anywhere; every GUI engineer's
strings under src/contactkluis/ui are picked up.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "contactkluis" / "ui"
I18N = ROOT / "src" / "contactkluis" / "resources" / "i18n"
TARGETS = {"nl": "nl_NL", "en": "en_GB"}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists() and not shutil.which(name):
        sys.exit(f"{name} not found; install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))


def lupdate(lang: str) -> Path:
    ts = I18N / f"{lang}.ts"
    I18N.mkdir(parents=True, exist_ok=True)
    cmd = [
        tool("pyside6-lupdate"),
        *sources(),
        "-source-language",
        "nl_NL",
        "-target-language",
        TARGETS[lang],
        "-no-obsolete",
        "-locations",
        "none",
        "-ts",
        str(ts.relative_to(ROOT)),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True)
    return ts


def fill_identity(ts: Path) -> int:
    """Dutch source = Dutch text: every unfinished nl entry gets its source as translation."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") != "unfinished" and (translation.text or len(translation)):
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in _dutch_forms(source):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
        filled += 1
    _write(tree, ts)
    return filled


def _dutch_forms(source: str) -> tuple[str, str]:
    """'%n dag(en)' -> ('%n dag', '%n dagen'): the (en)/(s) marker picks the plural."""
    singular = source.replace("(en)", "").replace("(s)", "")
    plural = source.replace("(en)", "en").replace("(s)", "s")
    return singular, plural


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def unfinished(ts: Path) -> int:
    return sum(
        1 for t in ET.parse(ts).getroot().iter("translation") if t.get("type") == "unfinished"
    )


def release() -> None:
    for lang in TARGETS:
        subprocess.run(
            [tool("pyside6-lrelease"), str(I18N / f"{lang}.ts"), "-qm", str(I18N / f"{lang}.qm")],
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="also compile .qm files")
    args = parser.parse_args()
    for lang in TARGETS:
        ts = lupdate(lang)
        if lang == "nl":
            fill_identity(ts)
    print(f"en.ts: {unfinished(I18N / 'en.ts')} strings still need an English translation")
    if args.release:
        release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
