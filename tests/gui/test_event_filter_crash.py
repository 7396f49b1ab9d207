"""Regression: an application-wide Python event filter (the auto-lock's) crashed the process.

PySide6 creates a type's Python class on first use; when that happened inside the filter,
shiboken's lazy type creation re-entered itself and the process died with SIGSEGV in
QAction.setIcon (found by CI: this exact sequence of test files, in one process). The
auto-lock now creates every Qt type up front. Run in a child process: a crash must fail
this test, not end the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SEQUENCE = [
    "test_contact_detail.py",
    "test_contacts_page.py",
    "test_crash_hook.py",
    "test_end_to_end.py",
]


@pytest.mark.slow
def test_the_sequence_that_crashed_runs_clean() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *(str(HERE / name) for name in SEQUENCE),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE.parents[1],
        timeout=600,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
