"""The reader child: a huge CSV is parsed there under its memory cap, not in the program itself
(issue 13.8: a 190 MB CSV used to take 1.35 GB of the office PC's memory)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from contactkluis.migration.safety import MAX_CELLS, MAX_FILE_BYTES, run_isolated
from tests.support.vaults import run_script

READ = (
    "import pathlib, sys\n"
    "from contactkluis.migration.readers import ReadError, read_workbook\n"
    "try:\n"
    "    read_workbook(pathlib.Path(sys.argv[1]))\n"
    "    print('read')\n"
    "except ReadError as exc:\n"
    "    print(exc.code)\n"
    # VmHWM, not ru_maxrss: Linux carries the forking parent's peak over exec into
    # ru_maxrss, so late in a long test run it reported pytest's own size (270-457 MB).
    "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
)


@pytest.mark.skipif(sys.platform != "linux", reason="/proc VmHWM and RLIMIT_AS: Linux")
def test_a_csv_too_big_to_read_is_refused_without_filling_memory(tmp_path: Path) -> None:
    big = tmp_path / "alles.csv"
    row = (";".join(f"{i:02d}" + "x" * 78 for i in range(10)) + "\n").encode()
    # As large as we accept at all: more cells than we read, found only near the end.
    target = MAX_FILE_BYTES * 19 // 20
    with big.open("wb") as fh:
        fh.write(b"naam;adres;notitie\n")
        for _ in range(target // len(row) + 1):
            fh.write(row)
    assert big.stat().st_size // 81 > MAX_CELLS
    done = run_script(READ, str(big), timeout=120)
    lines = done.stdout.split()
    assert lines[:1] == ["too_large"], done.stdout + done.stderr
    peak_kib = int(lines[-1])
    # The program itself never held the file, let alone its text: the child did, capped.
    assert peak_kib * 1024 < big.stat().st_size, peak_kib


def test_the_reader_child_gets_a_minimal_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CONTACTKLUIS_PASSWORD", "paarse olifant op de fiets")
    monkeypatch.setenv("SOME_TOKEN", "geheim")
    where = tmp_path / "lijst.csv"
    assert run_isolated(os.getenv, ("CONTACTKLUIS_PASSWORD",), where) is None
    assert run_isolated(os.getenv, ("SOME_TOKEN",), where) is None
    assert run_isolated(os.getenv, ("PATH",), where) == os.environ["PATH"]


@pytest.mark.skipif(sys.platform != "linux", reason="PR_GET_DUMPABLE is Linux")
def test_the_reader_child_cannot_be_dumped_or_traced(tmp_path: Path) -> None:
    """The child holds a whole spreadsheet of people; exec gave it a fresh dumpable flag."""
    from contactkluis.domain.process import dumpable

    assert run_isolated(dumpable, (), tmp_path / "lijst.csv") == 0
