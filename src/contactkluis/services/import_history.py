"""The imports done earlier, as the Importeren page and a contact's history show them.

Each import's report is stored in the vault (import_batches) when it is written. It names
files, sheets, rows, columns, reason codes and contact ids, never a cell's content, so it
can be listed and reopened after a restart without bringing personal data back into view
beyond what the vault shows anyway (names are looked up live, see services/review.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from contactkluis.domain.roles import Permission
from contactkluis.migration.report import ImportReport
from contactkluis.services.session import Session
from contactkluis.vault import import_repo


@dataclass(frozen=True)
class PastImport:
    id: int
    started_at: str  # ISO timestamp, UTC
    account: str | None
    files: tuple[str, ...]
    created: int
    merged: int
    warnings: int
    skipped: int
    review: int  # possible duplicates and shared addresses to look at


@dataclass(frozen=True)
class ImportOrigin:
    """One import a contact came from: when, and the rows it read for them."""

    batch: int
    started_at: str
    account: str | None
    rows: tuple[tuple[str, str | None, int | None], ...]


def _summary(batch_id: int, started_at: str, account: str | None, text: str) -> PastImport:
    report = ImportReport.from_json(json.loads(text))
    return PastImport(
        batch_id,
        started_at,
        account,
        tuple(f.file for f in report.files),
        report.created,
        report.merged,
        len(report.warnings),
        len(report.skipped) + len(report.invalid),
        len(report.near_duplicates),
    )


def past_imports(session: Session) -> list[PastImport]:
    """Every import written to this vault, newest first."""
    session.require(Permission.VIEW)
    return [_summary(*row) for row in import_repo.batches(session.conn)]


def stored_report(session: Session, batch_id: int) -> tuple[str, ImportReport] | None:
    """When the import ran (ISO, UTC) and its report, or None if there is no such import."""
    session.require(Permission.VIEW)
    found = import_repo.batch_report(session.conn, batch_id)
    if found is None:
        return None
    started_at, text = found
    return started_at, ImportReport.from_json(json.loads(text))


def origins(session: Session, contact_id: int) -> list[ImportOrigin]:
    """The imports whose files hold this contact's rows, oldest first. A file imported
    twice (the same name again) counts for both imports: the report of each names it."""
    session.require(Permission.VIEW)
    rows = import_repo.source_files(session.conn, contact_id)
    if not rows:
        return []
    found: list[ImportOrigin] = []
    for batch_id, started_at, account, files in import_repo.batch_files(session.conn):
        mine = tuple(r for r in rows if r[0] in files)
        if mine:
            found.append(ImportOrigin(batch_id, started_at, account, mine))
    return found
