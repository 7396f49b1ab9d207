"""The import plan: what each sheet of each file is, and how its columns map.

One plan for the CLI and the wizard. `plan_files` reads and maps in one go; the wizard then
edits the same plan (header row, targets, relation kind, included sheets) with the functions
below. The raw sheets stay in the plan so a changed header row can re-locate the table
without reading the file again. No Qt here: reading runs on a worker thread.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.normalize import clean_text
from contactkluis.migration.csv_reader import ENCODINGS
from contactkluis.migration.headers import FIELDS, SENSITIVE, ColumnMap, auto_map
from contactkluis.migration.list_date import DATE_SOURCES, list_date
from contactkluis.migration.list_kind import (
    EVENT_DATE_FIELDS,
    KIND_LABELS,
    ListKind,
    classify,
    map_plain_date,
    title_cells,
)
from contactkluis.migration.name_order import SAMPLE as NAME_SAMPLE
from contactkluis.migration.name_order import column_order
from contactkluis.migration.pipeline import (
    RowBuilder,
    RowResult,
    SheetContext,
    kind_from_name,
    sheet_context,
)
from contactkluis.migration.readers import (
    SPREADSHEET_SUFFIXES,
    Cell,
    ReadError,
    SheetData,
    Workbook,
    read_workbook,
)
from contactkluis.migration.regions import sheet_region
from contactkluis.migration.report import (
    OUTCOMES,
    ImportReport,
    NearDuplicate,
    RowRef,
    SheetReport,
    outcome_count,
    outcome_sentence,
    reason_text,
)
from contactkluis.migration.table import Table, locate
from contactkluis.services.gc_pause import gc_paused
from contactkluis.services.import_mapping import MappingSet, SheetMapping

# Re-exported: the wizard speaks about fields, warnings and reports through this module,
# never through migration/ itself.
__all__ = [
    "DATE_SOURCES",
    "ENCODINGS",
    "FIELDS",
    "KIND_LABELS",
    "OUTCOMES",
    "SENSITIVE",
    "SPREADSHEET_SUFFIXES",
    "ColumnMap",
    "FilePlan",
    "ImportReport",
    "NearDuplicate",
    "ReadError",
    "RowRef",
    "RowResult",
    "SheetPlan",
    "SheetReport",
    "apply_mapping",
    "build_rows",
    "kind_from_name",
    "mapping_set",
    "outcome_count",
    "outcome_sentence",
    "plan_file",
    "plan_files",
    "plan_sheet",
    "plan_workbook",
    "reason_text",
    "replan",
    "reread",
    "rows_to_import",
    "set_list_date",
    "set_list_kind",
    "set_relation",
    "set_target",
    "sheet_mapping",
]

Progress = Callable[[int, int], None]


@dataclass
class SheetPlan:
    file: str
    table: Table
    columns: list[ColumnMap]
    context: SheetContext
    include: bool = True
    # The relation kind the user chose (None: detected from the file and sheet names).
    relation: str | None = None
    # Column index -> the sensitive code detected, so that a column the user sets to "niet
    # importeren" still carries its IBAN/BSN warning into the report.
    sensitive: dict[int, str] = field(default_factory=dict)
    # A text file's detected character encoding (shown in the wizard and the report).
    encoding: str | None = None
    encoding_chosen: bool = False  # forced by the user, not detected
    # What the user said the list is (a ListKind value; None: concluded from the file) and
    # the day they said it was true (ISO; None: concluded). Saved in the mapping set.
    list_kind: str | None = None
    list_date: str | None = None

    @property
    def sheet(self) -> str:
        return self.table.sheet

    @property
    def name_order(self) -> str:
        """A single name column's order ('surname_first', 'given_first' or '')."""
        full = [c.index for c in self.columns if c.imported and c.field == "full_name"]
        if not full:
            return ""
        return column_order(self.table.column(full[0], limit=NAME_SAMPLE))

    @property
    def region(self) -> str:
        """The country most addresses of the sheet are in: phones without an address of
        their own are read for it ('NL' when the sheet does not say)."""
        where = {f: [c.index for c in self.columns if c.imported and c.field == f]
                 for f in ("country", "postcode", "city")}  # fmt: skip
        if not any(where.values()):
            return "NL"

        def cell(cells: Sequence[Cell], field: str) -> str | None:
            found = [clean_text(cells[i]) for i in where[field] if i < len(cells)]
            return next((t for t in found if t), None)

        rows = self.table.rows[:NAME_SAMPLE]
        return sheet_region((cell(c, "country"), cell(c, "postcode"), cell(c, "city"))
                            for _, c in rows)  # fmt: skip


@dataclass
class FilePlan:
    path: Path
    error: ReadError | None = None
    sheets: list[SheetPlan] = field(default_factory=list)
    file_date: datetime.date = field(default_factory=datetime.date.today)
    saved: datetime.date | None = None  # the workbook's own "last saved" (list date source)
    raw: list[SheetData] = field(default_factory=list)  # the sheets as read, for replan()

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
    relation = mapping.relation if mapping else None
    if mapping:
        for col in columns:
            key = col.header if col.header in mapping.columns else str(col.index + 1)
            if key in mapping.columns:
                col.field, col.by = mapping.columns[key], "user"
    sensitive = {c.index: c.field for c in columns if c.field in SENSITIVE and c.field}
    verdict = classify(
        file, table.sheet, [str(c) for c in title_cells if c is not None], table.headers,
        [c.field for c in columns],
    )  # fmt: skip
    chosen: RelationKind | ListKind | None = None
    if mapping and mapping.list_kind:
        chosen = ListKind(mapping.list_kind)
    elif relation:
        chosen = RelationKind(relation)
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
    return SheetPlan(
        file,
        table,
        columns,
        ctx,
        include=mapping.include if mapping else True,
        relation=relation,
        sensitive=sensitive,
        list_kind=mapping.list_kind if mapping else None,
        list_date=mapping.list_date if mapping else None,
    )


def _date_cells(table: Table, columns: Sequence[ColumnMap]) -> list[object]:
    """Cells of the columns that date an event of the list (a birth date dates nothing)."""
    wanted = [c.index for c in columns if c.field in EVENT_DATE_FIELDS]
    return [cells[i] for _, cells in table.rows for i in wanted if i < len(cells)]


def _plan(
    plan: FilePlan, sheet: SheetData, table: Table, mapping: SheetMapping | None
) -> SheetPlan:
    sheet_plan = plan_sheet(
        plan.name, plan.file_date, table, mapping,
        title_cells=title_cells(sheet, table), metadata_date=plan.saved,
    )  # fmt: skip
    sheet_plan.encoding = sheet.encoding
    return sheet_plan


def plan_workbook(workbook: Workbook, mapping: MappingSet | None = None) -> FilePlan:
    file = workbook.path.name
    plan = FilePlan(
        workbook.path,
        file_date=workbook.modified or datetime.date.today(),
        saved=workbook.saved,
        raw=list(workbook.sheets),
    )
    for sheet in workbook.sheets:
        sheet_map = mapping.for_sheet(file, sheet.name) if mapping else None
        table = locate(sheet, sheet_map.header_row if sheet_map else None)
        plan.sheets.append(_plan(plan, sheet, table, sheet_map))
    return plan


def reread(plan: FilePlan, encoding: str) -> None:
    """Read a text file again in the encoding the user chose; the plan is replaced in place
    (the wizard holds it), its sheets planned afresh since the headers may read otherwise."""
    try:
        workbook = read_workbook(plan.path, encoding=encoding)
    except ReadError as err:
        plan.error, plan.sheets, plan.raw = err, [], []
        return
    fresh = plan_workbook(workbook)
    for sheet in fresh.sheets:
        sheet.encoding_chosen = True
    plan.error, plan.sheets, plan.raw = None, fresh.sheets, fresh.raw


def plan_file(
    path: Path, mapping: MappingSet | None = None, encoding: str | None = None
) -> FilePlan:
    """Read and plan one file (slow for big files: call it on a worker). `encoding` forces
    a text file's code page (the user knows it; detection guesses); spreadsheets ignore it."""
    with gc_paused():
        try:
            workbook = read_workbook(Path(path), encoding=encoding)
        except ReadError as err:
            return FilePlan(Path(path), error=err)
        plan = plan_workbook(workbook, mapping)
    for sheet in plan.sheets:
        sheet.encoding_chosen = encoding is not None and sheet.encoding is not None
    return plan


def plan_files(
    paths: Sequence[Path],
    mapping: MappingSet | None = None,
    progress: Progress | None = None,
    encoding: str | None = None,
) -> list[FilePlan]:
    """Read and plan each file in turn; a file that cannot be read carries its error."""
    plans: list[FilePlan] = []
    for i, path in enumerate(paths):
        if progress:
            progress(i, len(paths))
        plans.append(plan_file(path, mapping, encoding))
    return plans


# -- editing a plan (the wizard's mapping step) ------------------------------------------


def replan(plan: FilePlan, index: int, mapping: SheetMapping | None) -> SheetPlan:
    """Locate and map sheet `index` again, e.g. after the header row was changed."""
    table = locate(plan.raw[index], mapping.header_row if mapping else None)
    sheet = _plan(plan, plan.raw[index], table, mapping)
    plan.sheets[index] = sheet
    return sheet


def _rekind(plan: FilePlan, index: int, chosen: ListKind | RelationKind | None) -> None:
    sheet = plan.sheets[index]
    old = sheet.context
    # The list's date and the automatic conclusion stay; only the user's choice changes.
    sheet.context = sheet_context(
        plan.name, sheet.sheet, old.file_date, chosen, verdict=old.detected,
        date_source=old.date_source,
    )  # fmt: skip
    map_plain_date(sheet.columns, sheet.context.list_kind)


def set_relation(plan: FilePlan, index: int, relation: str | None) -> None:
    _rekind(plan, index, RelationKind(relation) if relation else None)
    plan.sheets[index].relation = relation


def set_list_kind(plan: FilePlan, index: int, kind: str | None) -> None:
    """What the user says the list is (any ListKind, as the CLI's --mapping accepts);
    None goes back to the program's own conclusion. The list's date stays."""
    sheet = plan.sheets[index]
    chosen: ListKind | RelationKind | None = ListKind(kind) if kind else None
    if chosen is None and sheet.relation:  # a saved mapping's relation still holds
        chosen = RelationKind(sheet.relation)
    _rekind(plan, index, chosen)
    sheet.list_kind = kind


def set_list_date(plan: FilePlan, index: int, day: datetime.date) -> None:
    """The day the user says the list was true: it dates undated consents and ended
    relations exactly as a mapping file's list_date does."""
    sheet = plan.sheets[index]
    sheet.context.file_date, sheet.context.date_source = day, "user"
    sheet.list_date = day.isoformat()


def set_target(plan: FilePlan, index: int, column: int, target: str | None) -> None:
    """The user's choice for one column; None means "niet importeren"."""
    if target is not None and target not in FIELDS:
        raise ValueError(f"unknown field {target!r}")
    sheet = plan.sheets[index]
    col = sheet.columns[column]
    col.field = target if target else sheet.sensitive.get(col.index)
    col.by = "user"


def sheet_mapping(plan: FilePlan, index: int) -> SheetMapping:
    sheet = plan.sheets[index]
    columns: dict[str, str | None] = {}
    for col in sheet.columns:
        key = col.header or str(col.index + 1)
        columns[key] = col.field if col.imported else None
    header_row = 0 if sheet.table.headerless else sheet.table.header_row  # 0: no header row
    return SheetMapping(
        header_row, sheet.relation, sheet.include, columns, sheet.list_kind, sheet.list_date
    )


def mapping_set(plans: Sequence[FilePlan]) -> MappingSet:
    """Everything the user set up, keyed 'file::sheet' so it applies to the same files again."""
    out = MappingSet()
    for plan in plans:
        for i, sheet in enumerate(plan.sheets):
            out.sheets[f"{plan.name}::{sheet.sheet}"] = sheet_mapping(plan, i)
    return out


def apply_mapping(plan: FilePlan, mapping: MappingSet) -> int:
    """Re-plan the sheets a saved mapping speaks about; the number of sheets it changed."""
    changed = 0
    for i, sheet in enumerate(plan.sheets):
        sm = mapping.for_sheet(plan.name, sheet.sheet)
        if sm is not None:
            replan(plan, i, sm)
            changed += 1
    return changed


def rows_to_import(plans: Sequence[FilePlan]) -> int:
    return sum(len(s.table.rows) for p in plans for s in p.sheets if s.include)


def build_rows(sheet: SheetPlan, limit: int) -> list[tuple[Sequence[object], RowResult]]:
    """The first `limit` rows as the import would build them: cells and result."""
    builder = RowBuilder(
        sheet.context,
        sheet.columns,
        surname_first=sheet.name_order == "surname_first",
        region=sheet.region,
    )
    return [(cells, builder.build(number, cells)) for number, cells in sheet.table.rows[:limit]]
