"""Writing protected count tables to .xlsx and .csv for annual reports and funders.

Only PublishedTable goes in, so a suppressed count's true value is never at hand here.
Files are written to a temporary file next to the target and moved into place, so a reader
never sees half a file. In the CSV, text that a spreadsheet would take for a formula is
escaped; the xlsx (XlsxWriter, services.xlsx_out) stores it as a text cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xlsxwriter.worksheet import Worksheet

from contactkluis.domain.dimensions import Language
from contactkluis.domain.disclosure import (
    MARK,
    SUPPRESSED,
    Published,
    PublishedTable,
    suppression_note,
)
from contactkluis.services.files import csv_bytes, safe_cell, write_atomic
from contactkluis.services.xlsx_out import LINE_HEIGHT, Book, line_count

_SHEET_FORBIDDEN = str.maketrans({ch: " " for ch in "[]:*?/\\"})

_TEXT: dict[str, tuple[str, str]] = {
    "total": ("Totaal", "Total"),
    "count": ("Aantal", "Count"),
    "method": ("Methode", "Method"),
    "reference_date": ("Peildatum", "Reference date"),
    "population": ("Populatie", "Population"),
    "chart_data": (
        "Gegevens voor de grafiek (afgeschermde aantallen zijn leeg en staan niet in de grafiek)",
        "Chart data (suppressed counts are empty and left out of the chart)",
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
    return MARK if value is SUPPRESSED else value


def format_number(value: float | int) -> str:
    """Dutch notation: decimal comma where there are decimals, no thousands separator."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def _title(table: PublishedTable, language: Language) -> str:
    row = table.row_dim.label(language)
    return row if table.col_dim is None else f"{row} × {table.col_dim.label(language)}"


def _grid(
    table: PublishedTable, meta: StatsMeta, text: Callable[[str], object] = safe_cell
) -> list[list[object]]:
    """Header row, one row per first-dimension value, then the total row. `text` escapes
    labels for CSV; the xlsx writes them as text cells and needs no escaping."""
    lang = meta.language
    total = _t("total", lang)
    if table.col_dim is None:
        rows: list[list[object]] = [[text(table.row_dim.label(lang)), _t("count", lang)]]
        for r in table.row_labels:
            rows.append(
                [text(table.row_dim.value_label(r, lang)), shown(table.row_totals[r], meta)]
            )
        rows.append([total, shown(table.grand_total, meta)])
        return rows
    corner = f"{table.row_dim.label(lang)} \\ {table.col_dim.label(lang)}"
    header: list[object] = [text(corner)]
    header += [text(table.col_dim.value_label(c, lang)) for c in table.col_labels]
    rows = [[*header, total]]
    for r in table.row_labels:
        line: list[object] = [text(table.row_dim.value_label(r, lang))]
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
    rows: list[list[object]] = [
        [format_number(v) if isinstance(v, int | float) else v for v in row]
        for row in _grid(table, meta)
    ]
    if table.suppressed_refs():
        rows += [[], [suppression_note(meta.k, meta.language)]]
    data = csv_bytes(rows)
    write_atomic(Path(path), lambda fh: fh.write(data))


def _sheet_title(table: PublishedTable, language: Language, taken: set[str]) -> str:
    """The table's title in the reader's language ("Relatie × Leeftijd"), as a valid tab."""
    base = _title(table, language).translate(_SHEET_FORBIDDEN).strip("'")[:28] or "tabel"
    title, n = base, 2
    while title.casefold() in taken or title.casefold() == "methode":
        title, n = f"{base[:25]} ({n})", n + 1
    taken.add(title.casefold())
    return title


_CHART_ROWS = 18  # rows of 15 pt the chart covers (288 px high)
_PAGE_ROWS = 48  # rows of 15 pt on a portrait A4 page, fitted to the width


def _write_table_sheet(book: Book, ws: Worksheet, table: PublishedTable, meta: StatsMeta) -> None:
    """Title and method above the table; the chart below it, then the chart's own numbers.

    Everything stacks in one column band, so a page fitted to the width holds table and
    chart whole (side by side they printed across 114 pages)."""
    lang = meta.language
    fmt = book.fmt
    ws.write_string(0, 0, _title(table, lang), fmt["title"])
    ws.write_string(1, 0, f"{_t('reference_date', lang)}:")
    ws.write_datetime(1, 1, meta.reference_date, fmt["date"])
    ws.write_string(2, 0, f"{_t('population', lang)}: {meta.population_label}")
    grid = _grid(table, meta, text=str)
    n_cols = len(grid[0])
    label_width = max(24, min(48, max(len(str(row[0])) for row in grid) + 2))
    count_width = max(8, min(22, max(len(str(h)) for h in grid[0]) + 2))
    ws.set_column(0, 0, label_width)
    ws.set_column(1, n_cols - 1, count_width)
    # The method line wraps over the table's width: one long line would set the print width.
    method = table.method.describe(lang)
    span = max(n_cols, 4)
    ws.merge_range(3, 0, 3, span - 1, method, fmt["wrap"])
    ws.set_row(3, LINE_HEIGHT * line_count(method, label_width + count_width * (span - 1) - 4))
    first = 5
    number = book.wb.add_format({"align": "right", "num_format": "0"})
    bold_number = book.wb.add_format({"align": "right", "num_format": "0", "bold": True})
    for r, row in enumerate(grid):
        last = r == len(grid) - 1
        for c, value in enumerate(row):
            if r == 0:
                ws.write_string(first, c, str(value), fmt["head"])
            elif c == 0:
                ws.write_string(first + r, c, str(value), fmt["strong"] if last else fmt["text"])
            elif isinstance(value, int | float):
                ws.write_number(first + r, c, value, bold_number if last else number)
            else:  # a hidden count's mark, right-aligned like the numbers around it
                ws.write_string(first + r, c, str(value), bold_number if last else number)
    below = first + len(grid)
    if table.suppressed_refs():
        # The legend right under the table, as CBS prints it: 'x' is never a bound.
        ws.write_string(below, 0, suppression_note(meta.k, lang), fmt["text"])
        below += 1
    if n_cols > 9:
        ws.set_landscape()
    ws.freeze_panes(first + 1, 1)
    ws.repeat_rows(first)
    _add_chart(book, ws, table, grid, lang, below + 1)


def _add_chart(
    book: Book,
    ws: Worksheet,
    table: PublishedTable,
    grid: list[list[object]],
    lang: Language,
    top: int,
) -> None:
    """Bar chart over a numeric copy of the cells (a hidden count's mark would plot as zero,
    so it is left empty there). The numbers are written before the chart, so XlsxWriter
    caches them in the chart: previews and viewers that do not recalculate show the bars."""
    n_series = 1 if table.col_dim is None else len(table.col_labels)
    if not table.row_labels or n_series == 0:
        return
    if top % _PAGE_ROWS + _CHART_ROWS > _PAGE_ROWS:
        ws.set_h_pagebreaks([top])  # the chart would cross the page end: start it anew
    data_top = top + _CHART_ROWS + 1
    ws.write_string(data_top, 0, _t("chart_data", lang), book.fmt["strong"])
    header = data_top + 1
    for c, value in enumerate(grid[0][: n_series + 1]):
        ws.write_string(header, c, str(value), book.fmt["head"])
    body = grid[1:-1]
    for r, row in enumerate(body, start=header + 1):
        ws.write_string(r, 0, str(row[0]))
        for c, value in enumerate(row[1 : n_series + 1], start=1):
            if isinstance(value, int | float):
                ws.write_number(r, c, value)
            else:
                ws.write_blank(r, c, None)
    bottom = header + len(body)
    chart = book.wb.add_chart({"type": "column"})
    sheet = ws.get_name().replace("'", "''")
    for c in range(1, n_series + 1):
        chart.add_series(
            {
                "name": [sheet, header, c],
                "categories": [sheet, header + 1, 0, bottom, 0],
                "values": [sheet, header + 1, c, bottom, c],
            }
        )
    chart.set_title({"name": _title(table, lang), "name_font": {"size": 12}})
    chart.set_x_axis({"visible": True, "num_font": {"rotation": -45 if len(body) > 8 else 0}})
    chart.set_y_axis(
        {
            "visible": True,
            "name": _t("count", lang),
            "min": 0,
            "num_format": "0",
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
        }
    )
    chart.set_legend({"none": True} if n_series == 1 else {"position": "bottom"})
    chart.set_size({"width": 720, "height": _CHART_ROWS * 20})
    ws.insert_chart(top, 0, chart, {"object_position": 1})


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
        protect_nl = suppression_note(meta.k, "nl") + (
            " Elke tabel is gecontroleerd: voor elk afgeschermd klein aantal laten de getoonde "
            f"getallen ook waarden van {meta.k} of meer toe."
        )
        protect_en = suppression_note(meta.k, "en") + (
            " Every table was checked: for every suppressed small count the numbers shown also "
            f"allow values of {meta.k} or more."
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
    book = Book(meta.language)
    taken: set[str] = set()
    for table in tables:
        ws = book.sheet(_sheet_title(table, meta.language, taken))
        _write_table_sheet(book, ws, table, meta)
    ws = book.sheet("Methode")
    ws.set_column(0, 0, 110)
    for r, line in enumerate(method_text(tables, meta)):
        ws.write_string(r, 0, line, book.fmt["title"] if r == 0 else book.fmt["wrap"])
        ws.set_row(r, LINE_HEIGHT * line_count(line, 105) if r else None)
    data = book.close()
    write_atomic(Path(path), lambda fh: fh.write(data))
