"""Regression: a long session must not crash from a Qt binding's reference-count bug.

PySide6 6.12.0 on Python 3.11 lost a reference to None on every Qt call that returns
nothing; after some 10^5 calls (minutes of scrolling) the interpreter aborted with
"none_dealloc". The check runs in a child process so that a crash fails this test
instead of killing the test run.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
timer = QTimer()
before = sys.getrefcount(None)
for _ in range(200_000):
    timer.stop()
print(sys.getrefcount(None) - before)
"""


def test_many_void_qt_calls_leave_none_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100
