"""Every real-world spreadsheet in the shared corpus either reads or ends in a clear ReadError.

The corpus (../shared/corpus beside the repository, or $CONTACTKLUIS_CORPUS) holds ~860 files
collected by calamine and Apache POI: ordinary workbooks, fuzzer crashes, truncated and
password-protected files, memory bombs. None may raise anything else, hang or take too long.
"""

from __future__ import annotations

import datetime
import os
import pathlib

import pytest

from contactkluis.migration.readers import CODES, ReadError, Workbook, read_workbook

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(
    os.environ.get("CONTACTKLUIS_CORPUS") or REPO_ROOT.parent / "shared" / "corpus"
)
_CELL_TYPES = (str, int, float, bool, datetime.datetime, datetime.date, datetime.time)


def _corpus_files() -> list[pathlib.Path | None]:
    if not CORPUS.is_dir():
        return [None]  # one failing case instead of a silently empty (skipped) run
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() != ".md")
    return list[pathlib.Path | None](files)


def _id(path: pathlib.Path | None) -> str:
    return "corpus-missing" if path is None else str(path.relative_to(CORPUS))


@pytest.mark.slow
@pytest.mark.timeout(20)
@pytest.mark.parametrize("path", _corpus_files(), ids=_id)
def test_corpus_file_reads_or_fails_clearly(path: pathlib.Path | None) -> None:
    if path is None:
        pytest.fail(
            f"Spreadsheet corpus not found at {CORPUS}. Put a copy of shared/corpus beside "
            "the repository or set CONTACTKLUIS_CORPUS to its folder."
        )
    try:
        wb = read_workbook(path)
    except ReadError as err:
        assert err.code in CODES
        dutch, english = err.message("nl"), err.message("en")
        assert dutch.strip() and english.strip() and dutch != english
        assert path.name in dutch and "\n" not in dutch
        assert str(path.parent) not in dutch + english
        return
    assert isinstance(wb, Workbook)
    assert wb.sheets, "a workbook that reads offers at least one sheet"
    for sheet in wb.sheets:
        for row in sheet.rows:
            assert all(cell is None or isinstance(cell, _CELL_TYPES) for cell in row)
