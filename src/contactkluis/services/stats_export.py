"""Writing protected count tables to .xlsx and .csv for annual reports and funders.

Only PublishedTable goes in, so a suppressed count's true value is never at hand here.
Files are written to a temporary file next to the target and moved into place, so a reader
never sees half a file. Text that a spreadsheet would take for a formula is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from contactkluis.domain.dimensions import Language
from contactkluis.domain.disclosure import SUPPRESSED, Published, PublishedTable
from contactkluis.services.files import csv_bytes, safe_cell, write_atomic

_SHEET_FORBIDDEN = str.maketrans({ch: " " for ch in "[]:*?/\\"})

_TEXT: dict[str, tuple[str, str]] = {
    "total": ("Totaal", "Total"),
    "count": ("Aantal", "Count"),
    "method": ("Methode", "Method"),
    "reference_date": ("Peildatum", "Reference date"),
    "population": ("Populatie", "Population"),
    "chart_data": (
        "Gegevens voor de grafiek (afgeschermde aantallen zijn leeg)",
        "Chart data (suppressed counts are empty)",
    ),
}


@dataclass(frozen=True, slots=True)
class StatsMeta:
    reference_date: date
    population_label: str  # e.g. "alle contacten" or "relatie: vriend"
    k: int
    rounding: int | None = None  # None: suppression with k; 5: rounding to base 5
    dims_labels: tuple[str, ...] = ()  # titles of the tables, for the method sheet
    language: Language = "nl"


def _t(key: str, language: Language) -> str:
    nl, en = _TEXT[key]
    return nl if language == "nl" else en


def shown(value: Published, meta: StatsMeta) -> int | str:
    return f"<{meta.k}" if value is SUPPRESSED else value


def format_number(value: float | int) -> str:
    """Dutch notation: decimal comma where there are decimals, no thousands separator."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def _title(table: PublishedTable, language: Language) -> str:
    row = table.row_dim.label(language)
    return row if table.col_dim is None else f"{row} × {table.col_dim.label(language)}"


def _grid(table: PublishedTable, meta: StatsMeta) -> list[list[object]]:
    """Header row, one row per first-dimension value, then the total row."""
    lang = meta.language
    total = _t("total", lang)
    if table.col_dim is None:
        rows: list[list[object]] = [[safe_cell(table.row_dim.label(lang)), _t("count", lang)]]
        for r in table.row_labels:
            rows.append(
                [safe_cell(table.row_dim.value_label(r, lang)), shown(table.row_totals[r], meta)]
            )
        rows.append([total, shown(table.grand_total, meta)])
        return rows
    corner = f"{table.row_dim.label(lang)} \\ {table.col_dim.label(lang)}"
    header: list[object] = [safe_cell(corner)]
    header += [safe_cell(table.col_dim.value_label(c, lang)) for c in table.col_labels]
    rows = [[*header, total]]
    for r in table.row_labels:
        line: list[object] = [safe_cell(table.row_dim.value_label(r, lang))]
        line += [shown(table.cells[(r, c)], meta) for c in table.col_labels]
        rows.append([*line, shown(table.row_totals[r], meta)])
    rows.append(
        [
            total,
            *(shown(table.col_totals[c], meta) for c in table.col_labels),
            shown(table.grand_total, meta),
        ]
    )
    return rows


def write_csv(path: Path, table: PublishedTable, meta: StatsMeta) -> None:
    """`;`-separated, UTF-8 with BOM: Dutch Excel opens it with the right columns and accents."""
    grid = _grid(table, meta)
    data = csv_bytes(
        [format_number(v) if isinstance(v, int | float) else v for v in row] for row in grid
    )
    write_atomic(Path(path), lambda fh: fh.write(data))


def _sheet_title(table: PublishedTable, taken: set[str]) -> str:
    base = (
        table.row_dim.name
        if table.col_dim is None
        else f"{table.row_dim.name} x {table.col_dim.name}"
    )
    base = base.translate(_SHEET_FORBIDDEN).strip("'")[:28] or "tabel"
    title, n = base, 2
    while title.casefold() in taken or title.casefold() == "methode":
        title, n = f"{base[:25]} ({n})", n + 1
    taken.add(title.casefold())
    return title


def _write_table_sheet(ws: Worksheet, table: PublishedTable, meta: StatsMeta) -> None:
    lang = meta.language
    ws.append([safe_cell(_title(table, lang))])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"{_t('reference_date', lang)}: {meta.reference_date.isoformat()}"])
    ws.append([f"{_t('population', lang)}: {safe_cell(meta.population_label)}"])
    ws.append([table.method.describe(lang)])
    ws.append([])
    first = ws.max_row + 1
    grid = _grid(table, meta)
    for row in grid:
        ws.append(row)
    for cell in ws[first]:
        cell.font = Font(bold=True)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=first + 1, min_col=2):
        for cell in row:
            cell.alignment = Alignment(horizontal="right")
    ws.column_dimensions["A"].width = 36
    _add_chart(ws, table, grid, lang)


def _add_chart(
    ws: Worksheet, table: PublishedTable, grid: list[list[object]], lang: Language
) -> None:
    """Bar chart over a numeric copy of the cells: the '<5' texts would plot as zero."""
    n_series = 1 if table.col_dim is None else len(table.col_labels)
    if not table.row_labels or n_series == 0:
        return
    ws.append([])
    ws.append([_t("chart_data", lang)])
    top = ws.max_row + 1
    ws.append(grid[0][: n_series + 1])
    for row in grid[1:-1]:
        ws.append([row[0], *(v if isinstance(v, int) else None for v in row[1 : n_series + 1])])
    bottom = ws.max_row
    chart = BarChart()
    chart.type = "col"
    chart.title = safe_cell(_title(table, lang))
    chart.y_axis.title = _t("count", lang)
    chart.height, chart.width = 9, 18
    data = Reference(ws, min_col=2, max_col=n_series + 1, min_row=top, max_row=bottom)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=bottom))
    if n_series == 1:
        chart.legend = None
    ws.add_chart(chart, f"{_column_letter(n_series + 4)}6")


def _column_letter(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def method_text(tables: Sequence[PublishedTable], meta: StatsMeta) -> list[str]:
    """The plain-language account of what was counted and how it was protected."""
    titles = list(meta.dims_labels) or [_title(t, "nl") for t in tables]
    titles_en = list(meta.dims_labels) or [_title(t, "en") for t in tables]
    if meta.rounding:
        protect_nl = (
            f"Alle aantallen, ook de totalen, zijn afgerond op een veelvoud van {meta.rounding}. "
            "Elk totaal is apart afgerond; de afgeronde cellen tellen daardoor niet altijd "
            "precies op tot het afgeronde totaal."
        )
        protect_en = (
            f"All counts, totals included, are rounded to a multiple of {meta.rounding}. "
            "Each total is rounded on its own, so rounded cells need not add up to it exactly."
        )
    else:
        protect_nl = (
            f"Aantallen van 1 tot en met {meta.k - 1} worden niet getoond maar als '<{meta.k}' "
            "weergegeven. Waar een verborgen aantal anders via de totalen terug te rekenen zou "
            f"zijn, is ook een ander aantal verborgen (ook dan '<{meta.k}', al kan het groter "
            "zijn). Elke tabel is gecontroleerd: geen verborgen aantal is uit de getoonde "
            "getallen precies af te leiden. Nullen worden wel getoond."
        )
        protect_en = (
            f"Counts from 1 to {meta.k - 1} are not shown but given as '<{meta.k}'. Where a "
            "hidden count could otherwise be worked out from the totals, another count is "
            f"hidden as well (also shown as '<{meta.k}', though it may be larger). Every table "
            "was checked: no hidden count can be derived exactly from the numbers shown. "
            "Zeros are shown."
        )
    return [
        "Methode",
        "",
        f"Peildatum: {meta.reference_date.isoformat()}",
        f"Populatie: {safe_cell(meta.population_label)}",
        f"Tabellen: {'; '.join(titles)}",
        "",
        "Wat is geteld: elke persoon telt één keer per waarde die op hem of haar van toepassing "
        "is. Wie bijvoorbeeld zowel vriend als donateur is, telt bij beide relaties mee. Rijen "
        "en kolommen tellen zo precies op tot hun totaal, maar het eindtotaal kan groter zijn "
        "dan het aantal personen. Wie een gegeven niet heeft, telt onder 'onbekend'.",
        "",
        f"Bescherming: {protect_nl}",
        "",
        "Dit bestand bevat alleen aantallen en geen persoonsgegevens: geen namen, adressen, "
        "e-mailadressen of andere gegevens over één persoon.",
        "",
        "English",
        f"Reference date: {meta.reference_date.isoformat()}. Population: "
        f"{safe_cell(meta.population_label)}. Tables: {'; '.join(titles_en)}. Each person counts "
        "once for every value that applies to them (someone who is both a friend and a donor "
        "counts under both), so rows and columns add up to their totals but the grand total may "
        f"exceed the number of people; missing values count as 'onbekend' (unknown). "
        f"{protect_en} This file holds counts only and no personal data.",
    ]


def write_xlsx(path: Path, tables: Sequence[PublishedTable], meta: StatsMeta) -> None:
    """One sheet per table (values only, no formulas) with a bar chart, plus a 'Methode' sheet."""
    wb = Workbook()
    default = wb.active
    taken: set[str] = set()
    for table in tables:
        _write_table_sheet(wb.create_sheet(_sheet_title(table, taken)), table, meta)
    if default is not None:
        wb.remove(default)
    ws = wb.create_sheet("Methode")
    ws.column_dimensions["A"].width = 110
    for line in method_text(tables, meta):
        ws.append([line])
        ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=13)
    write_atomic(Path(path), wb.save)
