"""Every corpus spreadsheet goes through the whole import (plan + dry run) on a real vault.

Reading alone is covered by test_corpus.py; this proves the stages after it (header search,
mapping, row building, merging, the report) survive whatever a reader hands them: each file
either imports or ends with a clear ReadError in its FileReport, nothing else. A dry run on
one vault for all files keeps it fast; the vault's tables must stay empty throughout.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterator

import pytest

from contactkluis.services.accounts import create_vault
from contactkluis.services.importing import plan_files, run_import
from contactkluis.services.session import Session
from tests.conftest import ADMIN, ADMIN_PW, FAST_KDF
from tests.integration.test_corpus import CORPUS, _corpus_files, _id


@pytest.fixture(scope="module")
def corpus_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    path = tmp_path_factory.mktemp("corpus_vault") / "kluis.ckdb"
    session, _ = create_vault(path, "Museum Proef", ADMIN, ADMIN_PW, kdf=FAST_KDF)
    yield session
    session.vault.close()


@pytest.mark.slow
@pytest.mark.timeout(30)
@pytest.mark.parametrize("path", _corpus_files(), ids=_id)
def test_corpus_file_imports_or_reports_a_clear_error(
    corpus_session: Session, path: pathlib.Path | None
) -> None:
    if path is None:
        pytest.fail(f"Spreadsheet corpus not found at {CORPUS} (set CONTACTKLUIS_CORPUS).")
    report = run_import(corpus_session, plan_files([path]), dry_run=True)

    [file_report] = report.files
    if file_report.error is not None:
        assert path.name in file_report.error and "\n" not in file_report.error
        assert "Traceback" not in file_report.error
        assert file_report.rows_read == 0 and report.created == 0
    else:
        accounted = (
            file_report.created + file_report.merged + file_report.invalid + file_report.suppressed
        )
        assert file_report.rows_read == accounted
        assert report.created == file_report.created
        assert all(line.strip() for line in report.summary("nl"))
    assert corpus_session.repo().count() == 0
