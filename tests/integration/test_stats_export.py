"""The xlsx and csv files a funder receives: values only, protected, readable in Dutch Excel."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, table_from_counts
from contactkluis.domain.dimensions import dimension
from contactkluis.domain.disclosure import round_base, suppress
from contactkluis.services.stats_export import StatsMeta, format_number, write_csv, write_xlsx

META = StatsMeta(reference_date=date(2025, 12, 31), population_label="alle contacten", k=5)


def segment_by_relation() -> CountTable:
    counts = {
        ("Cultuurminnaars", "vriend"): 3,
        ("Cultuurminnaars", "klant"): 40,
        ('=HYPERLINK("x")', "vriend"): 25,
        ('=HYPERLINK("x")', "klant"): 12,
        ("onbekend", "vriend"): 30,
        ("onbekend", "klant"): 0,
    }
    return table_from_counts(dimension("segment"), dimension("relation"), counts)


def test_xlsx_holds_values_only_a_chart_and_a_method_sheet(tmp_path: Path) -> None:
    table = segment_by_relation()
    by_rel = table_from_counts(
        dimension("relation"), None, {("vriend", ONE_WAY_COL): 58, ("klant", ONE_WAY_COL): 2}
    )
    target = tmp_path / "cijfers.xlsx"
    write_xlsx(target, [suppress(table), suppress(by_rel)], META)

    wb = load_workbook(target)
    assert "Methode" in wb.sheetnames
    assert len(wb.sheetnames) == 3
    texts: list[str] = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert '=HYPERLINK("x")' in texts  # the segment name is shown, as a text cell
    assert "x" in texts and not [t for t in texts if t.startswith("<")]
    assert not any(t.strip() in {"3", "2"} for t in texts)
    numbers = [
        c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, int)
    ]
    assert 3 not in numbers and 2 not in numbers  # the hidden counts are nowhere in the file
    method = "\n".join(str(c.value) for c in wb["Methode"]["A"] if c.value)
    assert "alle contacten" in method and "2025-12-31" in method
    assert "x = afgeschermd" in method and "persoonsgegevens" in method and "English" in method

    for name in wb.sheetnames[:2]:  # openpyxl reads charts back from the drawing part
        assert wb[name]._charts, f"no chart on {name}"
    # Tabs named as the reader knows the tables, not by internal dimension names.
    assert wb.sheetnames[:2] == ["Segment (Culturele Doelgroep", "Relatie"]
    assert wb["Relatie"]["B2"].value == datetime(2025, 12, 31)  # the reference date is a date


def test_charts_carry_cached_values_visible_axes_and_sit_below_the_table(
    tmp_path: Path,
) -> None:
    target = tmp_path / "cijfers.xlsx"
    write_xlsx(target, [suppress(segment_by_relation())], META)
    with zipfile.ZipFile(target) as z:
        chart = z.read("xl/charts/chart1.xml").decode("utf-8")
        drawing = z.read("xl/drawings/drawing1.xml").decode("utf-8")
    ws = load_workbook(target).worksheets[0]
    header = next(c.row for c in ws["A"] if c.value and "\\" in str(c.value))
    table_end = next(c.row for c in ws["A"] if c.value == "Totaal")
    body = ws.iter_rows(min_row=header + 1, max_row=table_end - 1, min_col=2, max_col=3)
    shown = sorted(float(c.value) for row in body for c in row if isinstance(c.value, int))
    # Cached values: a viewer that does not recalculate still draws the bars; a hidden
    # count's mark is left out of the chart, so no hidden count is cached either.
    cached = re.findall(r"<c:numCache>.*?</c:numCache>", chart, flags=re.S)
    values = [float(v) for block in cached for v in re.findall(r"<c:v>([^<]+)</c:v>", block)]
    assert cached and sorted(values) == shown and shown
    assert chart.count('<c:delete val="1"/>') == 0  # both axes shown
    assert chart.count("<c:valAx>") == 1 and chart.count("<c:catAx>") == 1
    chart_row = int(
        re.search(
            r"<xdr:from><xdr:col>\d+</xdr:col>.*?<xdr:row>(\d+)</xdr:row>", drawing, flags=re.S
        ).group(1)
    )
    assert chart_row >= table_end  # below the table (0-based anchor), so it prints whole
    assert ws.page_setup.paperSize == 9 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_csv_reads_back_with_semicolons_totals_and_hidden_counts(tmp_path: Path) -> None:
    target = tmp_path / "segment.csv"
    write_csv(target, suppress(segment_by_relation()), META)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][-1] == "Totaal"
    assert rows[-3][0] == "Totaal" and rows[-2] == []
    assert rows[-1][0].startswith("x = afgeschermd")  # the legend of the mark
    rows = rows[:-2]
    assert rows[0][1:3] == ["vriend", "klant"]
    body = {row[0]: row[1:] for row in rows[1:]}
    assert body["Cultuurminnaars"][0] == "x"
    assert body['\'=HYPERLINK("x")']
    assert all(len(r) == len(rows[0]) for r in rows)
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_rounded_csv_and_decimal_comma(tmp_path: Path) -> None:
    target = tmp_path / "afgerond.csv"
    write_csv(target, round_base(segment_by_relation(), 5), META)
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines(), delimiter=";"))
    for row in rows[1:]:
        assert all(int(v) % 5 == 0 for v in row[1:])
    assert format_number(2.5) == "2,5"
    assert format_number(12) == "12"


def test_rewriting_replaces_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "cijfers.csv"
    target.write_text("oud", encoding="utf-8")
    write_csv(target, suppress(segment_by_relation()), META)
    assert "oud" not in target.read_text("utf-8-sig")
