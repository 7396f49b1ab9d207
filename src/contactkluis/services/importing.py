"""The one-time migration as a use case: plan (read + map), dry run, and the real run.

The real run is ONE transaction: cancelled, interrupted or failed, the vault is exactly as
before. Importing the same file again creates nobody new: rows meet the people they
created last time through the same e-mail or name + postcode, and history entries that
are already there are not added twice.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contactkluis.domain.contact import ConsentStatus, Contact, RelationKind
from contactkluis.domain.roles import Permission
from contactkluis.migration.column_content import looks_like
from contactkluis.migration.headers import SENSITIVE, repeats_another_column
from contactkluis.migration.merge import Merger, Person, absorb
from contactkluis.migration.pipeline import RowBuilder
from contactkluis.migration.readers import Cell
from contactkluis.migration.report import (
    FileReport,
    ImportReport,
    NearDuplicate,
    RowRef,
    SheetReport,
    UnmappedColumn,
)
from contactkluis.services import suppression
from contactkluis.services.gc_pause import gc_paused
from contactkluis.services.import_mapping import (
    MappingSet,
    SheetMapping,
    load_mapping,
    mapping_names,
    save_mapping,
)
from contactkluis.services.import_plan import (
    SPREADSHEET_SUFFIXES,
    FilePlan,
    SheetPlan,
    plan_files,
    plan_sheet,
    plan_workbook,
)

# Re-exported: callers import the mapping and planning API from here.
from contactkluis.services.session import Session
from contactkluis.services.states import refresh as refresh_states
from contactkluis.vault import duplicates_repo, import_repo
from contactkluis.vault.db import Connection, transaction

__all__ = [
    "BULK_CACHE_KIB",
    "CANCEL_EVERY",
    "IMPORT_CACHE_KIB",
    "PROGRESS_EVERY",
    "SPREADSHEET_SUFFIXES",
    "WRITE_CHUNK",
    "Cancelled",
    "FilePlan",
    "ImportProgress",
    "ImportRequest",
    "MappingSet",
    "SheetMapping",
    "SheetPlan",
    "import_files",
    "load_mapping",
    "mapping_names",
    "plan_files",
    "plan_sheet",
    "plan_workbook",
    "run_import",
    "run_import_task",
    "save_mapping",
]

CANCEL_EVERY = 50  # rows between looks at the cancel flag
PROGRESS_EVERY = 500
WRITE_CHUNK = 5000  # new people per insert batch
IMPORT_CACHE_KIB = 32768  # SQLite page cache during an import, 32 MiB
# Into an empty vault (indexes deferred) the rows are appended in key order and the indexes
# sorted once: SQLite's default 2 MiB does as well there (measured at 100k rows), and the
# 30 MB more of the larger cache would be held at the peak.
BULK_CACHE_KIB = 2048
# Into an empty vault the indexes are built after the rows, not kept up row by row. False
# keeps them up row by row as for a vault that holds people already (same content either way).
BULK_WHEN_EMPTY = True


_READ: tuple[int, list[Cell]] = (0, [])  # a consumed row's place in its emptied list


class Cancelled(Exception):
    """The user cancelled; the transaction rolled back."""


class _DryRunDone(Exception):
    """Leaves the transaction of a dry run the way every failure does: rolled back."""


@dataclass(frozen=True)
class ImportRequest:
    plans: Sequence[FilePlan]
    dry_run: bool = False
    # The caller is done with the plans (the CLI): each row is let go once it is read, and
    # the raw sheets at the start, so 100,000 rows and their people are never held at once.
    consume: bool = False


class ImportProgress:
    """Progress and cancel of one import, shared by whoever runs it and whoever watches.

    `report(done, total)` is called on the importing thread; `cancel()` may be called from
    any thread, and so may `cancelled` be read. A caller that has its own flag (the GUI's
    task token) passes it as `cancelled`.
    """

    def __init__(
        self,
        on_progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._on_progress = on_progress
        self._asked = cancelled
        self._event = threading.Event()

    def report(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or (self._asked is not None and self._asked())


class _Run:
    """One run of the import: what it was asked, on which connection, and what it found."""

    def __init__(
        self,
        session: Session,
        conn: Connection,
        request: ImportRequest,
        progress: ImportProgress,
    ) -> None:
        self.session = session
        self.conn = conn
        self.request = request
        self.progress = progress
        self.report = ImportReport(dry_run=request.dry_run)
        self.total = sum(len(s.table.rows) for p in request.plans for s in p.sheets if s.include)
        # Progress runs to `units`: a real run to twice its rows, reading and checking them
        # the first half and saving them the second (seconds at 100k rows, which a bar
        # standing full would not show); a dry run saves nothing and runs to its rows.
        self.units = self.total if request.dry_run else 2 * self.total
        self.done = 0
        self.merger = Merger()
        self.suppressed: set[str] = set()
        self.drafts_for_existing: dict[int, list[Contact]] = {}
        # Where a new person was first seen, said in the review list when they have no id:
        # in a dry run only (a real run gives everyone an id), 13 MB less at 100k rows.
        self.first_row: dict[int, tuple[str, str, int]] = {}
        self.empty_vault = False

    @property
    def bulk(self) -> bool:
        """Into an empty vault: indexes built and per-row triggers caught up after the rows."""
        return BULK_WHEN_EMPTY and self.empty_vault

    def load_vault(self) -> None:
        """What is already there: inside the run's transaction, so nothing changes under it."""
        self.empty_vault = import_repo.is_empty(self.conn)
        self.merger.add_existing(import_repo.matching_snapshot(self.conn))
        self.suppressed = suppression.load_all(self.conn)

    def tick(self) -> None:
        self.done += 1
        # Cancelling must be felt within a moment, also on lists of a few hundred rows.
        if self.done % CANCEL_EVERY == 0:
            self.stop_if_cancelled()
        if self.done % PROGRESS_EVERY == 0:
            self.progress.report(self.done, self.units)

    def saved(self, written: int, of: int) -> None:
        """`written` of the `of` new people saved: the second half of a real run's bar.
        Cancelling is felt after each batch too (the transaction then takes it all back)."""
        if written:
            self.stop_if_cancelled()
        share = self.total * written // of if of else self.total
        # The last step (indexes, near-duplicates, the commit) keeps one unit back.
        self.progress.report(self.total + max(0, min(share, self.total - 1)), self.units)

    def stop_if_cancelled(self) -> None:
        if self.progress.cancelled:
            raise Cancelled

    def is_suppressed(self, contact: Contact) -> bool:
        # The erased person, not everyone on their address: a housemate's rows still count.
        return suppression.matches(
            self.session, self.suppressed, contact.name, contact.emails, contact.phones
        )

    def sheet(self, plan: SheetPlan, frep: FileReport) -> None:
        table = plan.table
        srep = SheetReport(
            table.sheet,
            table.header_row,
            skip_reason=table.skip_reason,
            mapping={c.header or f"#{c.index + 1}": c.field for c in plan.columns},
            list_kind=str(plan.context.list_kind),
            list_kind_reason=plan.context.kind_reason,
            list_date=plan.context.file_date.isoformat(),
            list_date_source=plan.context.date_source,
            encoding=plan.encoding,
            encoding_chosen=plan.encoding_chosen,
        )
        frep.sheets.append(srep)
        if table.skip_reason or not plan.include:
            reason = table.skip_reason or "not_selected"
            self.report.skipped.append(RowRef(plan.file, table.sheet, 0, reason))
            return
        for col in plan.columns:
            # A header-less sheet's unmapped columns are named by number, not left out.
            has_cells = table.headerless and any(c is not None for c in table.column(col.index))
            if not col.imported and (col.header or col.field or has_cells):
                warning = col.field if col.field in SENSITIVE else None
                # Contact data left behind is said loudly, unless the user chose so.
                if warning is None and col.by != "user" and not repeats_another_column(col.header):
                    kind = looks_like(table.column(col.index))
                    warning = f"looks_{kind}" if kind else None
                frep.unmapped_columns.append(
                    UnmappedColumn(table.sheet, col.index + 1, col.header, warning)
                )
        for skipped in table.skipped:
            srep.skipped[skipped.reason] = srep.skipped.get(skipped.reason, 0) + 1
            srep.note("skipped", skipped.row)
            self.report.skipped.append(RowRef(plan.file, table.sheet, skipped.row, skipped.reason))
        srep.name_order = plan.name_order
        builder = RowBuilder(
            plan.context,
            plan.columns,
            surname_first=srep.name_order == "surname_first",
            region=plan.region,
        )
        rows = table.rows
        if self.request.consume:
            table.rows = []
        for at, (number, cells) in enumerate(rows):
            if self.request.consume:
                rows[at] = _READ  # the row's cells go; its person is what the run holds
            self.tick()
            srep.rows_read += 1
            frep.rows_read += 1
            result = builder.build(number, cells)
            for field_name, code in result.warnings:
                srep.changes[code] = srep.changes.get(code, 0) + 1
                self.report.warnings.append(
                    RowRef(plan.file, table.sheet, number, code, field_name)
                )
            for field_name, code in result.changes:
                srep.changes[code] = srep.changes.get(code, 0) + 1
                if code != "phone_rewritten":  # nearly every row: counted, not listed
                    self.report.changes.append(
                        RowRef(plan.file, table.sheet, number, code, field_name)
                    )
            if result.contact is None:
                srep.note("skipped", number)
                frep.invalid += 1
                self.report.invalid.append(
                    RowRef(plan.file, table.sheet, number, result.invalid or "invalid")
                )
                continue
            if self.is_suppressed(result.contact):
                frep.suppressed += 1
                self.report.suppressed += 1
                self.report.suppressed_rows.append(
                    RowRef(plan.file, table.sheet, number, "suppressed")
                )
                continue
            if result.flagged:
                frep.flagged += 1
                self.report.flagged.append(
                    RowRef(
                        plan.file, table.sheet, number, "special_category", ",".join(result.flagged)
                    )
                )
            draft = result.contact
            _count_outcome(srep, draft, number)
            person, merged = self.merger.add(draft)
            srep.note("merged" if merged else "created", number)
            if person.vault_id is not None:
                self.drafts_for_existing.setdefault(person.key, []).append(draft)
            if merged:
                frep.merged += 1
                self.report.merged += 1
            else:
                frep.created += 1
                self.report.created += 1
                if self.request.dry_run:
                    self.first_row[person.key] = (plan.file, table.sheet, number)


def _count_outcome(srep: SheetReport, draft: Contact, row: int) -> None:
    """What the dry run tells per sheet: consents, withdrawals, endings, deaths, unknowns,
    each with the row numbers behind it."""
    statuses = {e.status for e in draft.consents}
    found = {
        "consent_given": ConsentStatus.GIVEN in statuses,
        "consent_withdrawn": ConsentStatus.WITHDRAWN in statuses,
        "ended": any(r.end is not None for r in draft.relations),
        "deceased": draft.deceased,
        "unknown_purpose": any(r.kind is RelationKind.ONBEKEND for r in draft.relations),
    }
    for outcome, yes in found.items():
        if yes:
            srep.note(outcome, row)
    srep.consents_given += found["consent_given"]
    srep.consents_withdrawn += found["consent_withdrawn"]
    srep.ended += found["ended"]
    srep.deceased += found["deceased"]
    srep.unknown_purpose += found["unknown_purpose"]


def _note_shared(run: _Run) -> None:
    """Which rows share an e-mail address with someone else: the marks the merger left."""
    sheets = {(f.file, s.sheet): s for f in run.report.files for s in f.sheets}
    for mark in run.merger.marks.values():
        srep = sheets.get((mark.file, mark.sheet or ""))
        if srep is not None and mark.row is not None:
            srep.note("shared_address", mark.row)


def run_import(
    session: Session,
    plans: Sequence[FilePlan],
    *,
    dry_run: bool = False,
    progress: ImportProgress | None = None,
    conn: Connection | None = None,
    consume: bool = False,
) -> ImportReport:
    """Import the planned sheets. `conn` lets a background thread use its own connection.
    `consume` empties the plans as they are read (see ImportRequest): for a caller that
    planned them for this run alone."""
    session.require(Permission.IMPORT)
    request = ImportRequest(plans, dry_run, consume)
    run = _Run(session, conn or session.conn, request, progress or ImportProgress())
    # The import writes every index of the contacts table in random key order, all in one
    # transaction: with SQLite's default 2 MB page cache that thrashes, spilling and
    # re-reading (and so re-encrypting and decrypting) pages tens of times over.
    with import_repo.page_cache(run.conn, IMPORT_CACHE_KIB), gc_paused():
        try:
            with transaction(run.conn):
                _run_import(run)
        except _DryRunDone:
            pass  # the dry run's transaction is rolled back, its report kept
    run.progress.report(run.units, run.units)
    return run.report


def run_import_task(
    session: Session, request: ImportRequest
) -> Callable[[ImportProgress], ImportReport]:
    """The import as a task for a worker thread.

    Call this on the session's own thread: it warms the caches the worker must not query
    through the session's connection. The task it returns opens a connection of its own
    (the whole import is one transaction on it) and closes it when done.
    """
    session.require(Permission.IMPORT)
    session.purposes  # noqa: B018 - cached here; the worker must not query it

    def task(progress: ImportProgress) -> ImportReport:
        conn = session.vault.connect()
        try:
            return run_import(
                session, request.plans, dry_run=request.dry_run, progress=progress, conn=conn
            )
        finally:
            conn.close()

    return task


def _run_import(run: _Run) -> None:
    """The body of the run's transaction; raising anything rolls it all back."""
    run.load_vault()
    for plan in run.request.plans:
        frep = FileReport(plan.name)
        run.report.files.append(frep)
        if plan.error is not None:
            frep.error = plan.error.message(run.session.lang)
            continue
        if run.request.consume:
            plan.raw = []  # the sheets as read share their rows with the tables
        for sheet_plan in plan.sheets:
            run.sheet(sheet_plan, frep)
    run.stop_if_cancelled()
    _note_shared(run)
    if run.request.dry_run:
        _near_duplicates(run, run.report)
        raise _DryRunDone
    with import_repo.page_cache(run.conn, BULK_CACHE_KIB) if run.bulk else contextlib.nullcontext():
        _write(run)
    run.stop_if_cancelled()


def _insert_new(run: _Run, new_contacts: list[Contact], today: datetime.date) -> None:
    session = run.session
    repo = session.repo(run.conn)
    # In chunks: the parameter rows of 100,000 people at once cost hundreds of megabytes.
    run.saved(0, len(new_contacts))
    for start in range(0, len(new_contacts), WRITE_CHUNK):
        chunk = new_contacts[start : start + WRITE_CHUNK]
        states = [session.state_for(c, created=today) for c in chunk]
        repo.insert_many(chunk, recorded_by=session.account, states=states)
        del states
        for c in chunk:
            # Stored: from here on the run only needs who is who (ids), not what they hold,
            # and the page cache that the writes fill up needs the room. Emptied in place:
            # each list belongs to this draft alone, and new empty ones would cost memory.
            for held in (c.emails, c.phones, c.consents, c.relations, c.sources):
                held.clear()
        run.saved(start + len(chunk), len(new_contacts))


def _write(run: _Run) -> None:
    session, conn, report = run.session, run.conn, run.report
    repo = session.repo(conn)
    today = session.today()
    new_people = [p for p in run.merger.people if p.vault_id is None]
    new_contacts = [p.contact for p in new_people]
    with contextlib.ExitStack() as bulk_load:
        if run.bulk:
            # The indexes last: the triggers' catch-up statements write rows they would hold.
            bulk_load.enter_context(import_repo.indexes_deferred(conn))
            bulk_load.enter_context(import_repo.triggers_deferred(conn))
        _insert_new(run, new_contacts, today)
    del new_contacts, new_people
    touched: list[int] = []
    for key, drafts in run.drafts_for_existing.items():
        person = run.merger.people[key]
        assert person.vault_id is not None
        outcome = _complete_existing(repo, person, drafts, session.account)
        if outcome == "changed":
            touched.append(person.vault_id)
        elif outcome == "restricted":
            report.restricted += len(drafts)
    report.updated_existing = len(touched)
    _mark_shared_existing(repo, run)
    refresh_states(session, conn, touched)
    _near_duplicates(run, report)
    # Who is who is known for good now: the run's people (100,000 drafts at 100k rows) go
    # before the report is turned into JSON, the import's last and largest step in memory.
    run.merger = Merger()
    candidates: list[tuple[int, int, float, str]] = []
    for dup in report.near_duplicates:
        if dup.a.startswith("contact:") and dup.b.startswith("contact:"):
            a, b = sorted((int(dup.a[8:]), int(dup.b[8:])))
            candidates.append((a, b, dup.score, dup.reason))
    duplicates_repo.add_candidates(conn, candidates)
    import_repo.add_batch(conn, session.account, json.dumps(report.to_json(), ensure_ascii=False))
    session.audit(
        conn,
        "import",
        None,
        files=len(report.files),
        created=report.created,
        merged=report.merged,
        updated=len(touched),
        invalid=len(report.invalid),
        flagged=len(report.flagged),
        suppressed=report.suppressed,
    )


def _complete_existing(repo: Any, person: Person, drafts: list[Contact], account: str) -> str:
    """Add what the rows bring to a contact already in the vault.

    Returns "changed", "unchanged", "restricted" (left alone) or "missing".
    """
    assert person.vault_id is not None
    current = repo.get(person.vault_id)
    if current is None:
        return "missing"
    if current.restricted:
        # Art. 18: a restricted record may be stored, not processed: the rows are reported.
        return "restricted"
    merged = current
    for draft in drafts:
        merged = absorb(merged, draft)
    changed = False
    if (
        merged.name,
        merged.emails,
        merged.phones,
        merged.address,
        merged.birth_date,
        merged.notes,
        merged.special_note,
        merged.organisation,
        merged.deceased,
    ) != (
        current.name,
        current.emails,
        current.phones,
        current.address,
        current.birth_date,
        current.notes,
        current.special_note,
        current.organisation,
        current.deceased,
    ):
        repo.update(merged)
        changed = True
    for event in merged.consents:
        if event not in current.consents:
            repo.add_consent(person.vault_id, event, account)
            changed = True
    for relation in merged.relations:
        if relation not in current.relations:
            repo.add_relation(person.vault_id, relation)
            changed = True
    new_sources = [s for s in merged.sources if s not in current.sources]
    if new_sources:
        repo.add_provenance(person.vault_id, new_sources)
        changed = True
    return "changed" if changed else "unchanged"


def _mark_shared_existing(repo: Any, run: _Run) -> None:
    """A contact already in the vault that turns out to share its e-mail gets the mark too."""
    for key, mark in run.merger.marks.items():
        vault_id = run.merger.people[key].vault_id
        current = repo.get(vault_id) if vault_id is not None else None
        if current is not None and mark.field not in {s.field for s in current.sources}:
            repo.add_provenance(vault_id, [mark])


def _near_duplicates(run: _Run, report: ImportReport) -> None:
    def ref(key: int) -> str:
        person = run.merger.people[key]
        if person.vault_id is not None:
            return f"contact:{person.vault_id}"
        if person.contact.id is not None:  # stored by this run (a dry run stores nobody)
            return f"contact:{person.contact.id}"
        if key in run.first_row:
            return "{} / {} / rij {}".format(*run.first_row[key])
        return f"#{key}"

    for match in run.merger.near_matches():
        a, b = run.merger.people[match.a], run.merger.people[match.b]
        if a.vault_id is not None and b.vault_id is not None and not (a.touched or b.touched):
            continue  # two old contacts: not this import's finding
        report.near_duplicates.append(
            NearDuplicate(ref(match.a), ref(match.b), match.score, match.reason)
        )
    for renamed in run.merger.renamed:
        row = f"{renamed.row.file} / {renamed.row.sheet} / rij {renamed.row.row}"
        report.near_duplicates.append(
            NearDuplicate(ref(renamed.person), row, 100.0, "merged_different_names")
        )


def import_files(
    session: Session,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    mapping: MappingSet | None = None,
    progress: ImportProgress | None = None,
    encoding: str | None = None,
) -> ImportReport:
    plans = plan_files(paths, mapping, encoding=encoding)
    return run_import(session, plans, dry_run=dry_run, progress=progress, consume=True)
