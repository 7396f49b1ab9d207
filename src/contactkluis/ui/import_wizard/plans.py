"""The wizard's working state per file: the sheets as read, and the editable plans.

No Qt here: reading runs on a worker thread, and the tests can drive these functions
directly. The raw sheets are kept so a changed header row can re-locate the table without
reading the file again.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from contactkluis.domain.contact import RelationKind
from contactkluis.migration.headers import FIELDS, SENSITIVE
from contactkluis.migration.list_kind import map_plain_date, title_cells
from contactkluis.migration.pipeline import sheet_context
from contactkluis.migration.readers import ReadError, SheetData, read_workbook
from contactkluis.migration.table import Table, locate
from contactkluis.services import importing
from contactkluis.services.importing import (
    FilePlan,
    MappingSet,
    SheetMapping,
    SheetPlan,
    plan_sheet,
)

if TYPE_CHECKING:
    from contactkluis.migration.report import ImportReport
    from contactkluis.services.context import Session
    from contactkluis.ui.tasks import CancelToken

Progress = Callable[[int, int], None]


@dataclass
class LoadedFile:
    path: Path
    error: ReadError | None = None
    file_date: datetime.date = field(default_factory=datetime.date.today)
    saved: datetime.date | None = None  # the workbook's own "last saved" (list date source)
    sheets: list[SheetData] = field(default_factory=list)
    plans: list[SheetPlan] = field(default_factory=list)
    # Per sheet: the relation kind the user chose (None: detected from the names).
    relations: list[str | None] = field(default_factory=list)
    # Per sheet: column index -> the sensitive code detected, so that a column the user sets
    # to "niet importeren" still carries its IBAN/BSN warning into the report.
    sensitive: list[dict[int, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def file_plan(self) -> FilePlan:
        return FilePlan(self.path, self.error, list(self.plans))


def _sensitive(plan: SheetPlan) -> dict[int, str]:
    return {c.index: c.field for c in plan.columns if c.field in SENSITIVE and c.field}


def load_file(path: Path, mapping: MappingSet | None = None) -> LoadedFile:
    """Read and plan one file (slow for big files: call it on a worker)."""
    try:
        workbook = read_workbook(Path(path))
    except ReadError as err:
        return LoadedFile(Path(path), error=err)
    loaded = LoadedFile(
        Path(path),
        file_date=workbook.modified or datetime.date.today(),
        saved=workbook.saved,
        sheets=list(workbook.sheets),
    )
    for sheet in workbook.sheets:
        sm = mapping.for_sheet(loaded.name, sheet.name) if mapping else None
        table = locate(sheet, sm.header_row if sm else None)
        plan = _plan(loaded, sheet, table, sm)
        loaded.plans.append(plan)
        loaded.relations.append(sm.relation if sm else None)
        loaded.sensitive.append(_sensitive(plan))
    return loaded


def replan(loaded: LoadedFile, index: int, mapping: SheetMapping | None) -> SheetPlan:
    """Locate and map sheet `index` again, e.g. after the header row was changed."""
    sheet = loaded.sheets[index]
    table = locate(sheet, mapping.header_row if mapping else None)
    plan = _plan(loaded, sheet, table, mapping)
    loaded.plans[index] = plan
    loaded.relations[index] = mapping.relation if mapping else None
    loaded.sensitive[index] = _sensitive(plan)
    return plan


def _plan(
    loaded: LoadedFile, sheet: SheetData, table: Table, mapping: SheetMapping | None
) -> SheetPlan:
    return plan_sheet(
        loaded.name, loaded.file_date, table, mapping,
        title_cells=title_cells(sheet, table), metadata_date=loaded.saved,
    )  # fmt: skip


def set_relation(loaded: LoadedFile, index: int, relation: str | None) -> None:
    plan = loaded.plans[index]
    kind = RelationKind(relation) if relation else None
    old = plan.context
    # The list's date and the automatic conclusion stay; only the user's choice changes.
    plan.context = sheet_context(
        loaded.name, plan.sheet, old.file_date, kind, verdict=old.detected,
        date_source=old.date_source,
    )  # fmt: skip
    map_plain_date(plan.columns, plan.context.list_kind)
    loaded.relations[index] = relation


def set_target(loaded: LoadedFile, index: int, column: int, target: str | None) -> None:
    """The user's choice for one column; None means "niet importeren"."""
    if target is not None and target not in FIELDS:
        raise ValueError(f"unknown field {target!r}")
    col = loaded.plans[index].columns[column]
    col.field = target if target else loaded.sensitive[index].get(col.index)
    col.by = "user"


def sheet_mapping(loaded: LoadedFile, index: int) -> SheetMapping:
    plan = loaded.plans[index]
    columns: dict[str, str | None] = {}
    for col in plan.columns:
        key = col.header or str(col.index + 1)
        columns[key] = col.field if col.imported else None
    return SheetMapping(plan.table.header_row, loaded.relations[index], plan.include, columns)


def mapping_set(files: list[LoadedFile]) -> MappingSet:
    """Everything the user set up, keyed 'file::sheet' so it applies to the same files again."""
    out = MappingSet()
    for loaded in files:
        for i, plan in enumerate(loaded.plans):
            out.sheets[f"{loaded.name}::{plan.sheet}"] = sheet_mapping(loaded, i)
    return out


def apply_mapping(loaded: LoadedFile, mapping: MappingSet) -> int:
    """Re-plan the sheets a saved mapping speaks about; the number of sheets it changed."""
    changed = 0
    for i, plan in enumerate(loaded.plans):
        sm = mapping.for_sheet(loaded.name, plan.sheet)
        if sm is not None:
            replan(loaded, i, sm)
            changed += 1
    return changed


def rows_to_import(files: list[LoadedFile]) -> int:
    return sum(len(p.table.rows) for f in files for p in f.plans if p.include)


def load_files(paths: Sequence[Path], progress: Progress) -> list[LoadedFile]:
    """Read and plan each file in turn (on a worker thread)."""
    out = []
    for i, path in enumerate(paths):
        progress(i, len(paths))
        out.append(load_file(path))
    return out


def import_work(
    session: Session, plans: list[FilePlan], dry_run: bool
) -> Callable[[CancelToken, Progress], ImportReport]:
    """The import (or dry run) as a task; call this on the GUI thread, run the result off it."""
    session.purposes  # noqa: B018 - cached on this thread; the worker must not query it

    def work(token: CancelToken, progress: Progress) -> ImportReport:
        # its own connection: the whole import is one transaction on it
        conn = session.vault.connect()
        try:
            return importing.run_import(
                session,
                plans,
                dry_run=dry_run,
                progress=progress,
                cancelled=lambda: token.cancelled,
                conn=conn,
            )
        finally:
            conn.close()

    return work
