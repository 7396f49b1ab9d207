"""The Linux desktop entry and AppStream metadata are valid (with the distribution's validators)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "src" / "contactkluis" / "resources"


def test_desktop_entry_names_the_program_and_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(RESOURCES / "contactkluis.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"].split()[0] == "contactkluis"
    assert entry["Icon"] == "nl.contactkluis.Contactkluis"
    assert "Comment[nl]" in entry


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (package desktop-file-utils)",
)
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(RESOURCES / "contactkluis.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli not installed (package appstream)"
)
def test_appstream_metadata_validates() -> None:
    result = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(RESOURCES / "nl.contactkluis.Contactkluis.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
