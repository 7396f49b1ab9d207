"""The one-time migration as a use case: plan (read + map), dry run, and the real run.

The real run is ONE transaction: cancelled, interrupted or failed, the vault is exactly as
before. Importing the same file again creates nobody new: rows meet the people they
created last time through the same e-mail or name + postcode, and history entries that
are already there are not added twice.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contactkluis.domain.contact import (
    Address,
    ConsentStatus,
    Contact,
    PersonName,
    Provenance,
    RelationKind,
)
from contactkluis.domain.roles import Permission
from contactkluis.migration.headers import SENSITIVE, ColumnMap, auto_map
from contactkluis.migration.list_date import list_date
from contactkluis.migration.list_kind import (
    EVENT_DATE_FIELDS,
    ListKind,
    classify,
    map_plain_date,
    title_cells,
)
from contactkluis.migration.merge import Merger, Person, absorb
from contactkluis.migration.pipeline import RowBuilder, SheetContext, sheet_context
from contactkluis.migration.readers import (
    SPREADSHEET_SUFFIXES,
    ReadError,
    Workbook,
    read_workbook,
)
from contactkluis.migration.report import (
    FileReport,
    ImportReport,
    NearDuplicate,
    RowRef,
    SheetReport,
    UnmappedColumn,
)
from contactkluis.migration.table import Table, locate
from contactkluis.services import suppression
from contactkluis.services.context import Session

# Re-exported: callers import the mapping API from here.
from contactkluis.services.import_mapping import (
    MappingSet,
    SheetMapping,
    load_mapping,
    mapping_names,
    save_mapping,
)
from contactkluis.vault.db import Connection

__all__ = [
    "CANCEL_EVERY",
    "IMPORT_CACHE_KIB",
    "PROGRESS_EVERY",
    "SPREADSHEET_SUFFIXES",
    "WRITE_CHUNK",
    "Cancelled",
    "FilePlan",
    "MappingSet",
    "Progress",
    "SheetMapping",
    "SheetPlan",
    "import_files",
    "load_mapping",
    "mapping_names",
    "plan_files",
    "plan_sheet",
    "plan_workbook",
    "run_import",
    "save_mapping",
]

Progress = Callable[[int, int], None]
CANCEL_EVERY = 50  # rows between looks at the cancel flag
PROGRESS_EVERY = 500
WRITE_CHUNK = 5000  # new people per insert batch
IMPORT_CACHE_KIB = -32768  # SQLite page cache during an import (negative: KiB), 32 MiB


class Cancelled(Exception):
    """The user cancelled; the transaction rolled back."""


# -- planning ---------------------------------------------------------------------------


@dataclass
class SheetPlan:
    file: str
    table: Table
    columns: list[ColumnMap]
    context: SheetContext
    include: bool = True

    @property
    def sheet(self) -> str:
        return self.table.sheet


@dataclass
class FilePlan:
    path: Path
    error: ReadError | None = None
    sheets: list[SheetPlan] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def plan_sheet(
    file: str,
    file_date: datetime.date,
    table: Table,
    mapping: SheetMapping | None,
    *,
    title_cells: Sequence[object] = (),
    metadata_date: datetime.date | None = None,
) -> SheetPlan:
    """`file_date` is the file's modification time: the last resort for the list's date."""
    columns = auto_map(table.headers, [table.column(i) for i in range(len(table.headers))])
    if mapping:
        for col in columns:
            key = col.header if col.header in mapping.columns else str(col.index + 1)
            if key in mapping.columns:
                col.field, col.by = mapping.columns[key], "user"
    verdict = classify(
        file, table.sheet, [str(c) for c in title_cells if c is not None], table.headers,
        [c.field for c in columns],
    )  # fmt: skip
    chosen: RelationKind | ListKind | None = None
    if mapping and mapping.list_kind:
        chosen = ListKind(mapping.list_kind)
    elif mapping and mapping.relation:
        chosen = RelationKind(mapping.relation)
    ctx = sheet_context(file, table.sheet, file_date, chosen, verdict=verdict)
    map_plain_date(columns, ctx.list_kind)
    when = list_date(
        file=file,
        sheet=table.sheet,
        title_cells=title_cells,
        sheet_dates=_date_cells(table, columns),
        metadata=metadata_date,
        mtime=file_date,
    )
    ctx.file_date, ctx.date_source = when.on, when.source
    if mapping and mapping.list_date:
        ctx.file_date, ctx.date_source = datetime.date.fromisoformat(mapping.list_date), "user"
    return SheetPlan(file, table, columns, ctx, include=mapping.include if mapping else True)


def _date_cells(table: Table, columns: Sequence[ColumnMap]) -> list[object]:
    """Cells of the columns that date an event of the list (a birth date dates nothing)."""
    wanted = [c.index for c in columns if c.field in EVENT_DATE_FIELDS]
    return [cells[i] for _, cells in table.rows for i in wanted if i < len(cells)]


def plan_workbook(workbook: Workbook, mapping: MappingSet | None = None) -> FilePlan:
    file = workbook.path.name
    file_date = workbook.modified or datetime.date.today()
    plan = FilePlan(workbook.path)
    for sheet in workbook.sheets:
        sheet_map = mapping.for_sheet(file, sheet.name) if mapping else None
        table = locate(sheet, sheet_map.header_row if sheet_map else None)
        plan.sheets.append(
            plan_sheet(
                file, file_date, table, sheet_map,
                title_cells=title_cells(sheet, table), metadata_date=workbook.saved,
            )
        )  # fmt: skip
    return plan


def plan_files(paths: Sequence[Path], mapping: MappingSet | None = None) -> list[FilePlan]:
    plans: list[FilePlan] = []
    for path in paths:
        try:
            workbook = read_workbook(Path(path))
        except ReadError as err:
            plans.append(FilePlan(Path(path), error=err))
            continue
        plans.append(plan_workbook(workbook, mapping))
    return plans


# -- running ----------------------------------------------------------------------------


def _existing(conn: Connection) -> list[Contact]:
    """What matching needs of the people already in the vault: ids, names, e-mails, postcode."""
    people: dict[int, Contact] = {}
    for cid, first, initials, infix, last, postcode in conn.execute(
        "SELECT id, first_name, initials, infix, last_name, postcode FROM contacts"
        " WHERE anonymised = 0"
    ):
        people[cid] = Contact(
            id=cid,
            name=PersonName(first, initials, infix, last),
            address=Address(postcode=postcode),
        )
    for cid, email in conn.execute("SELECT contact_id, email FROM emails ORDER BY id"):
        if cid in people:
            people[cid].emails.append(email)
    for cid, file, sheet, row in conn.execute(
        "SELECT contact_id, file, sheet, row FROM provenance WHERE field IS NULL ORDER BY id"
    ):
        if cid in people:
            people[cid].sources.append(Provenance(file, sheet, row))
    return list(people.values())


class _Run:
    def __init__(self, session: Session, report: ImportReport, conn: Connection) -> None:
        self.session = session
        self.report = report
        self.merger = Merger()
        self.merger.add_existing(_existing(conn))
        self.suppressed = suppression.load_all(conn)
        self.drafts_for_existing: dict[int, list[Contact]] = {}
        self.first_row: dict[int, str] = {}

    def is_suppressed(self, contact: Contact) -> bool:
        if not self.suppressed:
            return False
        hashes = suppression.hashes_for(self.session, contact.emails, contact.phones)
        return any(h in self.suppressed for h, _ in hashes)

    def sheet(self, plan: SheetPlan, frep: FileReport, tick: Callable[[], None]) -> None:
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
        )
        frep.sheets.append(srep)
        if table.skip_reason or not plan.include:
            reason = table.skip_reason or "not_selected"
            self.report.skipped.append(RowRef(plan.file, table.sheet, 0, reason))
            return
        for col in plan.columns:
            if not col.imported and (col.header or col.field):
                warning = col.field if col.field in SENSITIVE else None
                frep.unmapped_columns.append(
                    UnmappedColumn(table.sheet, col.index + 1, col.header, warning)
                )
        for skipped in table.skipped:
            srep.skipped[skipped.reason] = srep.skipped.get(skipped.reason, 0) + 1
            self.report.skipped.append(RowRef(plan.file, table.sheet, skipped.row, skipped.reason))
        builder = RowBuilder(plan.context, plan.columns)
        for number, cells in table.rows:
            tick()
            srep.rows_read += 1
            frep.rows_read += 1
            result = builder.build(number, cells)
            for field_name, code in result.warnings:
                self.report.warnings.append(
                    RowRef(plan.file, table.sheet, number, code, field_name)
                )
            if result.contact is None:
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
            _count_outcome(srep, draft)
            person, merged = self.merger.add(draft)
            if person.vault_id is not None:
                self.drafts_for_existing.setdefault(person.key, []).append(draft)
            if merged:
                frep.merged += 1
                self.report.merged += 1
            else:
                frep.created += 1
                self.report.created += 1
                self.first_row[person.key] = f"{plan.file} / {table.sheet} / rij {number}"


def _count_outcome(srep: SheetReport, draft: Contact) -> None:
    """What the dry run tells per sheet: consents, withdrawals, endings, deaths, unknowns."""
    statuses = {e.status for e in draft.consents}
    srep.consents_given += ConsentStatus.GIVEN in statuses
    srep.consents_withdrawn += ConsentStatus.WITHDRAWN in statuses
    srep.ended += any(r.end is not None for r in draft.relations)
    srep.deceased += draft.deceased
    srep.unknown_purpose += any(r.kind is RelationKind.ONBEKEND for r in draft.relations)


def run_import(
    session: Session,
    plans: Sequence[FilePlan],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    conn: Connection | None = None,
) -> ImportReport:
    """Import the planned sheets. `conn` lets a background thread use its own connection."""
    session.require(Permission.IMPORT)
    conn = conn or session.conn
    report = ImportReport(dry_run=dry_run)
    total = sum(len(s.table.rows) for p in plans for s in p.sheets if s.include)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        # Cancelling must be felt within a moment, also on lists of a few hundred rows.
        if done % CANCEL_EVERY == 0 and cancelled and cancelled():
            raise Cancelled
        if done % PROGRESS_EVERY == 0 and progress:
            progress(done, total)

    # The import writes every index of the contacts table in random key order, all in one
    # transaction: with SQLite's default 2 MB page cache that thrashes, spilling and
    # re-reading (and so re-encrypting and decrypting) pages tens of times over.
    previous_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    try:
        return _run_import(session, conn, plans, report, dry_run, progress, cancelled, tick, total)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(previous_cache)}")


def _run_import(
    session: Session,
    conn: Connection,
    plans: Sequence[FilePlan],
    report: ImportReport,
    dry_run: bool,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    tick: Callable[[], None],
    total: int,
) -> ImportReport:
    conn.execute("BEGIN IMMEDIATE")
    try:
        run = _Run(session, report, conn)
        for plan in plans:
            frep = FileReport(plan.name)
            report.files.append(frep)
            if plan.error is not None:
                frep.error = plan.error.message(session.lang)
                continue
            for sheet_plan in plan.sheets:
                run.sheet(sheet_plan, frep, tick)
        if cancelled and cancelled():
            raise Cancelled
        if dry_run:
            _near_duplicates(run, {}, report)
            conn.execute("ROLLBACK")
            return report
        _write(session, conn, run, report)
        if cancelled and cancelled():
            raise Cancelled
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if progress:
        progress(total, total)
    return report


def _write(session: Session, conn: Connection, run: _Run, report: ImportReport) -> None:
    repo = session.repo(conn)
    today = session.today()
    new_people = [p for p in run.merger.people if p.vault_id is None]
    new_contacts = [p.contact for p in new_people]
    # In chunks: the parameter rows of 100,000 people at once cost hundreds of megabytes.
    for start in range(0, len(new_contacts), WRITE_CHUNK):
        chunk = new_contacts[start : start + WRITE_CHUNK]
        states = [session.state_for(c, created=today) for c in chunk]
        repo.insert_many(chunk, recorded_by=session.account, states=states, today=today)
        del states
        for c in chunk:
            # Stored: from here on the run only needs who is who (ids), not what they hold,
            # and the page cache that the writes fill up needs the room. Emptied in place:
            # each list belongs to this draft alone, and new empty ones would cost memory.
            for held in (c.emails, c.phones, c.consents, c.relations, c.sources):
                held.clear()
    del new_contacts
    ids: dict[int, int] = {p.key: p.contact.id for p in new_people if p.contact.id is not None}
    touched: list[int] = []
    for key, drafts in run.drafts_for_existing.items():
        person = run.merger.people[key]
        assert person.vault_id is not None
        outcome = _complete_existing(repo, person, drafts, session.account)
        if outcome == "changed":
            touched.append(person.vault_id)
        elif outcome == "restricted":
            report.restricted += len(drafts)
        ids[key] = person.vault_id
    report.updated_existing = len(touched)
    session.refresh_states(conn, touched)
    _near_duplicates(run, ids, report)
    candidates: list[tuple[int, int, float, str]] = []
    for dup in report.near_duplicates:
        if dup.a.startswith("contact:") and dup.b.startswith("contact:"):
            a, b = sorted((int(dup.a[8:]), int(dup.b[8:])))
            candidates.append((a, b, dup.score, dup.reason))
    conn.executemany(
        "INSERT OR IGNORE INTO duplicate_candidates (a, b, score, reason) VALUES (?, ?, ?, ?)",
        candidates,
    )
    conn.execute(
        "INSERT INTO import_batches (started_at, account, report_json) VALUES (?, ?, ?)",
        (
            datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            session.account,
            json.dumps(report.to_json(), ensure_ascii=False),
        ),
    )
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


def _near_duplicates(run: _Run, ids: dict[int, int], report: ImportReport) -> None:
    def ref(key: int) -> str:
        person = run.merger.people[key]
        if person.vault_id is not None:
            return f"contact:{person.vault_id}"
        if key in ids:
            return f"contact:{ids[key]}"
        return run.first_row.get(key, f"#{key}")

    for match in run.merger.near_matches():
        a, b = run.merger.people[match.a], run.merger.people[match.b]
        if a.vault_id is not None and b.vault_id is not None and not (a.touched or b.touched):
            continue  # two old contacts: not this import's finding
        report.near_duplicates.append(
            NearDuplicate(ref(match.a), ref(match.b), match.score, match.reason)
        )


def import_files(
    session: Session,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    mapping: MappingSet | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    return run_import(session, plan_files(paths, mapping), dry_run=dry_run, progress=progress)
