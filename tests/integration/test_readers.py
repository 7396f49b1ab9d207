"""Reading legacy contact lists: every format, and every way a file can be bad."""

from __future__ import annotations

import datetime
import os
import pathlib

import pytest

from contactkluis.migration.readers import (
    SUPPORTED_SUFFIXES,
    ReadError,
    Workbook,
    read_workbook,
)
from tests.fixtures_sheets import (
    HEADER,
    people,
    write_csv,
    write_ods,
    write_xls,
    write_xlsx_cached_formula,
    write_xlsx_far_cell,
    write_xlsx_hidden,
    write_zip_bomb,
)

CORPUS = pathlib.Path(
    os.environ.get("CONTACTKLUIS_CORPUS")
    or pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
)


def _corpus_file(relative: str) -> pathlib.Path:
    path = CORPUS / relative
    assert path.is_file(), f"corpus file {path} missing; set CONTACTKLUIS_CORPUS"
    return path


def _error(path: pathlib.Path) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_workbook(path)
    err = info.value
    # The user sees the file's base name, never its folder (which may name a person).
    assert path.name in err.message("nl") and path.name in err.message("en")
    assert str(path.parent) not in err.message("nl")
    assert err.message("nl") != err.message("en")
    return err


def test_supported_suffixes() -> None:
    assert {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt", ".vcf"} == SUPPORTED_SUFFIXES


# --- xlsx ---------------------------------------------------------------------------------------


def test_xlsx_keeps_row_and_column_positions_and_hidden_parts(tmp_path: pathlib.Path) -> None:
    rows = people(4)
    path = tmp_path / "ledenlijst.xlsx"
    write_xlsx_hidden(path, rows)

    wb = read_workbook(path)

    assert wb.kind == "xlsx"
    assert wb.modified == datetime.date.fromtimestamp(path.stat().st_mtime)
    assert [(s.name, s.hidden) for s in wb.sheets] == [
        ("Leden", False),
        ("Oud", True),
        ("Archief", True),
    ]
    leden = wb.sheets[0].rows
    # Header sits in Excel row 3, column B: rows[2], index 1.
    assert leden[0] == [None] * 5 and leden[1] == [None] * 5
    assert leden[2] == [None, *HEADER]
    # Column C (the hidden one: last names) is read like any other.
    assert [r[2] for r in leden[3:]] == [p[1] for p in rows]
    assert [r[1:] for r in leden[3:]] == rows
    assert wb.sheets[1].rows == [["Naam"], ["Piet de Vries"]]


def test_xlsx_formula_gives_cached_value(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "berekend.xlsx"
    write_xlsx_cached_formula(path)

    rows = read_workbook(path).sheets[0].rows

    assert rows[1] == ["Sanne", "Bakker", "Sanne Bakker", 34]


def test_xlsm_is_read_as_xlsx_family(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "macro.xlsm"
    write_xlsx_cached_formula(path)
    assert read_workbook(path).kind == "xlsm"


def test_workbook_misnamed_as_xls_is_read_by_content(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "export.xls"
    write_xlsx_cached_formula(path)
    wb = read_workbook(path)
    assert wb.kind == "xlsx"
    assert wb.sheets[0].rows[1][2] == "Sanne Bakker"


# --- xls, ods -----------------------------------------------------------------------------------


def test_xls_rows_dates_and_hidden_sheet(tmp_path: pathlib.Path) -> None:
    rows = people(3)
    path = tmp_path / "donateurs.xls"
    write_xls(path, rows, datetime.date(1961, 4, 30))

    wb = read_workbook(path)

    assert wb.kind == "xls"
    assert [(s.name, s.hidden) for s in wb.sheets] == [("Donateurs", False), ("Verborgen", True)]
    sheet = wb.sheets[0].rows
    assert sheet[0] == [None] * 4  # Excel row 1 is empty; the header is row 2
    assert sheet[1] == HEADER
    assert sheet[2:5] == rows
    assert sheet[5][:2] == ["Geboren", datetime.date(1961, 4, 30)]


def test_ods(tmp_path: pathlib.Path) -> None:
    rows = people(3)
    path = tmp_path / "vrienden.ods"
    write_ods(path, rows)

    wb = read_workbook(path)

    assert wb.kind == "ods"
    assert wb.sheets[0].name == "Vrienden"
    assert wb.sheets[0].rows[:4] == [HEADER, *rows]
    assert wb.sheets[0].rows[4][0] == 42.5


def test_xlsb_from_corpus() -> None:
    wb = read_workbook(_corpus_file("calamine/any_sheets.xlsb"))
    assert wb.kind == "xlsb"
    # The chart sheet holds no rows and is left out; hidden sheets are offered.
    assert [(s.name, s.hidden) for s in wb.sheets] == [
        ("Visible", False),
        ("Hidden", True),
        ("VeryHidden", True),
    ]
    assert wb.sheets[0].rows[:3] == [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]


# --- csv ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_encodings_and_delimiters(
    tmp_path: pathlib.Path, encoding: str, delimiter: str
) -> None:
    rows = [
        HEADER,
        ["Renée", "van 't Hof", "renee@example.nl", "1,5"],
        ["Jeroen", "Dijkstra; jr.", "", "2001"],
        ["Ëlla", "Smit, de", "ella@example.nl", "€ 25"],
    ]
    path = tmp_path / "nieuwsbrief.csv"
    write_csv(path, rows, encoding=encoding, delimiter=delimiter)

    wb = read_workbook(path)

    assert wb.kind == "csv"
    assert [s.name for s in wb.sheets] == ["nieuwsbrief"]
    expected = [[v if v else None for v in r] for r in rows]
    assert wb.sheets[0].rows == expected


def test_semicolon_csv_with_decimal_commas_is_not_split_on_commas(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bijdragen.csv"
    path.write_bytes("naam;bedrag\r\nJan;12,50\r\nEva;7,25\r\n".encode("cp1252"))
    assert read_workbook(path).sheets[0].rows == [
        ["naam", "bedrag"],
        ["Jan", "12,50"],
        ["Eva", "7,25"],
    ]


def test_excel_sep_hint_line_is_honoured_and_hidden(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "lijst.txt"
    path.write_text("sep=,\nnaam,plaats\nAnna,Delft\n", encoding="utf-8")
    assert read_workbook(path).sheets[0].rows == [["naam", "plaats"], ["Anna", "Delft"]]


def test_tab_text_saved_as_xls_is_read_as_text(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "webexport.xls"
    path.write_text("naam\tplaats\nAnna\tDelft\n", encoding="utf-8")
    wb = read_workbook(path)
    assert wb.kind == "csv"
    assert wb.sheets[0].rows == [["naam", "plaats"], ["Anna", "Delft"]]


# --- bad files ----------------------------------------------------------------------------------


def test_encrypted_ooxml_is_reported_as_password_protected() -> None:
    assert _error(_corpus_file("calamine/pass_protected.xlsx")).code == "encrypted"


def test_password_protected_xls() -> None:
    assert _error(_corpus_file("poi/password.xls")).code == "encrypted"


def test_truncated_xlsx(tmp_path: pathlib.Path) -> None:
    whole = tmp_path / "heel.xlsx"
    write_xlsx_hidden(whole, people(20))
    path = tmp_path / "half gekopieerd.xlsx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert _error(path).code == "truncated"


def test_truncated_xls(tmp_path: pathlib.Path) -> None:
    whole = tmp_path / "heel.xls"
    write_xls(whole, people(20), datetime.date(1970, 1, 1))
    path = tmp_path / "half.xls"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert _error(path).code in {"truncated", "malformed"}


def test_zip_bomb_is_refused_before_parsing(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bom.xlsx"
    write_zip_bomb(path)
    assert path.stat().st_size < 1024 * 1024
    assert _error(path).code == "bomb"


def test_random_bytes_with_xlsx_suffix(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ruis.xlsx"
    path.write_bytes(os.urandom(4096))
    assert _error(path).code == "not_spreadsheet"


def test_text_with_xlsx_suffix_is_not_a_spreadsheet(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "notitie.xlsx"
    path.write_text("dit is geen spreadsheet\n", encoding="utf-8")
    assert _error(path).code == "not_spreadsheet"


def test_html_saved_as_xls_is_explained(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>Anna</td></tr></table></body></html>")
    err = _error(path)
    assert err.code == "unsupported"
    assert "webpagina" in err.message("nl") and "web page" in err.message("en")


def test_far_away_cell_is_too_large_in_bounded_memory(tmp_path: pathlib.Path) -> None:
    # A1 plus AZ1000000 makes calamine ask for ~52 million cells (over 1.5 GB): the child
    # process's memory cap must turn that into a clear error instead of a dying PC.
    path = tmp_path / "verre cel.xlsx"
    write_xlsx_far_cell(path, "AZ1000000")
    assert _error(path).code == "too_large"


def test_many_cells_over_the_cap_is_too_large(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "groot.xlsx"
    write_xlsx_far_cell(path, "Z100000")  # 2.6 million cells between A1 and Z100000
    err = _error(path)
    assert err.code == "too_large"
    assert "2000000" in err.message("nl")


def test_xls_memory_bomb_from_corpus() -> None:
    # 41 KB on disk, a 65536 x 256 range once parsed (>1 GB in calamine).
    assert _error(_corpus_file("poi/51535.xls")).code == "too_large"


def test_empty_file_and_empty_workbook(tmp_path: pathlib.Path) -> None:
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    assert _error(empty).code == "empty"
    assert _error(_corpus_file("calamine/empty_sheet.xlsx")).code == "empty"


def test_missing_file_and_unknown_suffix(tmp_path: pathlib.Path) -> None:
    assert _error(tmp_path / "weg.xlsx").code == "not_found"
    doc = tmp_path / "brief.docx"
    doc.write_bytes(b"PK\x03\x04")
    assert _error(doc).code == "unsupported"


def test_read_error_texts_hold_no_cell_content(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "kapot.xlsx"
    whole = tmp_path / "bron.xlsx"
    rows = people(10)
    write_xlsx_hidden(whole, rows)
    path.write_bytes(whole.read_bytes()[:-200])
    err = _error(path)
    for text in (err.message("nl"), err.message("en"), str(err)):
        assert not any(value in text for row in rows for value in row[:3])


def test_read_error_survives_pickling(tmp_path: pathlib.Path) -> None:
    import pickle

    err = _error(tmp_path / "weg.ods")
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.code, copy.message("en")) == (err.code, err.message("en"))


def test_workbook_result_type(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "a.csv"
    write_csv(path, [["x"]], encoding="utf-8", delimiter=";")
    wb = read_workbook(path)
    assert isinstance(wb, Workbook)
    assert wb.path == path
