"""Write small, real spreadsheet files of every supported format for reader tests.

Everything here is synthetic (Faker nl_NL with a fixed seed, or invented names). Each writer
returns the rows it wrote, so tests compare what was read with what was written.
"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

from faker import Faker

HEADER = ["Voornaam", "Achternaam", "E-mail", "Lid sinds"]


def people(n: int = 5, seed: int = 20240501) -> list[list[str]]:
    """Synthetic contact rows (no dates, so every format can store them as text)."""
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    return [
        [fake.first_name(), fake.last_name(), fake.free_email(), f"{fake.random_int(1990, 2024)}"]
        for _ in range(n)
    ]


# --- xlsx ------------------------------------------------------------------------------------


def write_xlsx_hidden(path: Path, rows: list[list[str]]) -> None:
    """Data from B3 (two leading empty rows, one empty column), column C hidden, plus a
    hidden sheet "Oud" and a very hidden sheet "Archief"."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Leden"
    for r, values in enumerate([HEADER, *rows], start=3):
        for c, value in enumerate(values, start=2):
            ws.cell(row=r, column=c, value=value)
    ws.column_dimensions["C"].hidden = True
    old = wb.create_sheet("Oud")
    old["A1"] = "Naam"
    old["A2"] = "Piet de Vries"
    old.sheet_state = "hidden"
    archive = wb.create_sheet("Archief")
    archive["A1"] = "verborgen"
    archive.sheet_state = "veryHidden"
    wb.save(path)


def write_xlsx_far_cell(path: Path, cell_ref: str) -> None:
    """A tiny workbook with values in A1 and in one far-away cell: small on disk, huge
    once a reader materialises the rectangle between them."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Naam"
    ws[cell_ref] = "x"
    wb.save(path)


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
</Relationships>"""
_SHEET_WITH_FORMULA = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Voornaam</t></is></c>
<c r="B1" t="inlineStr"><is><t>Achternaam</t></is></c>
<c r="C1" t="inlineStr"><is><t>Volledige naam</t></is></c>
<c r="D1" t="inlineStr"><is><t>Leeftijd</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Sanne</t></is></c>
<c r="B2" t="inlineStr"><is><t>Bakker</t></is></c>
<c r="C2" t="str"><f>A2&amp;" "&amp;B2</f><v>Sanne Bakker</v></c>
<c r="D2"><f>2024-1990</f><v>34</v></c></row>
</sheetData></worksheet>"""


def write_xlsx_cached_formula(path: Path) -> None:
    """An xlsx as Excel saves it after calculating: formulas with their cached <v> values
    (openpyxl cannot write those, so the parts are written by hand)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", _SHEET_WITH_FORMULA)


def write_zip_bomb(path: Path, expanded_bytes: int = 64 * 1024 * 1024) -> None:
    """A valid-looking xlsx whose sheet XML is tiny compressed but expands enormously."""
    write_xlsx_cached_formula(path)
    # Not referenced from the workbook: the reader must refuse before parsing anything.
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf,
        zf.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as member,
    ):
        chunk = b" " * (1024 * 1024)
        for _ in range(expanded_bytes // len(chunk)):
            member.write(chunk)


# --- xls, ods, csv -----------------------------------------------------------------------------


def write_xls(path: Path, rows: list[list[str]], birthday: datetime.date) -> None:
    """BIFF8 via xlwt: one empty leading row, a real date cell, and a hidden second sheet."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Donateurs")
    for r, values in enumerate([HEADER, *rows], start=1):
        for c, value in enumerate(values):
            ws.write(r, c, value)
    date_style = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    ws.write(len(rows) + 2, 0, "Geboren")
    ws.write(len(rows) + 2, 1, birthday, date_style)
    hidden = wb.add_sheet("Verborgen")
    hidden.write(0, 0, "Oude lijst")
    hidden.visibility = 1
    wb.save(str(path))


def write_ods(path: Path, rows: list[list[str]]) -> None:
    """OpenDocument spreadsheet via odfpy with text cells and one float cell."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Vrienden")
    for values in [HEADER, *rows]:
        tr = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    tr = TableRow()
    tr.addElement(TableCell(valuetype="float", value="42.5"))
    table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def write_csv(path: Path, rows: list[list[str]], *, encoding: str, delimiter: str) -> None:
    """Delimited text as Excel writes it: CRLF line ends, quotes only where needed."""
    import csv
    import io

    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
