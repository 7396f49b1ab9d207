"""Smoke test of a built bundle, offscreen: create a vault, import a synthetic spreadsheet,
export anonymised counts, verify, and time the start to the unlock window. Exit 0 = good.

Usage: python packaging/smoke_test.py dist/contactkluis
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

PASSWORD = "rookproef met een lang wachtwoord"

# Synthetic people: invented names, example.org addresses.
PEOPLE = [
    ("Anna", "de", "Boer", "anna.boer@example.org", "1011 AB", "Amsterdam", "ja"),
    ("Bram", "", "Visser", "bram.visser@example.org", "3511 CD", "Utrecht", "nee"),
    ("Cor", "van", "Dijk", "cor.dijk@example.org", "2511 EF", "Den Haag", "ja"),
    ("Dina", "", "Smit", "dina.smit@example.org", "9711 GH", "Groningen", "ja"),
    ("Eva", "van der", "Meer", "eva.meer@example.org", "5611 JK", "Eindhoven", "nee"),
    ("Frits", "", "Mulder", "frits.mulder@example.org", "6811 LM", "Arnhem", "ja"),
]


def write_xlsx(path: Path) -> None:
    """A minimal xlsx written by hand: the bundle test must not need openpyxl here."""

    def cell(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    header = [
        "Voornaam",
        "Tussenvoegsel",
        "Achternaam",
        "E-mailadres",
        "Postcode",
        "Woonplaats",
        "Nieuwsbrief",
    ]
    rows = [header, *[list(p) for p in PEOPLE]]
    xml_rows = "".join(
        f'<row r="{i + 1}">'
        + "".join(cell(f"{chr(65 + j)}{i + 1}", v) for j, v in enumerate(r))
        + "</row>"
        for i, r in enumerate(rows)
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        f'.org/spreadsheetml/2006/main"><sheetData>{xml_rows}</sheetData></worksheet>'
    )
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            (
                f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
                'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
                '.worksheet+xml"/></Types>'
            ),
        )
        z.writestr(
            "_rels/.rels",
            (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/'
                f'relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/'
                'officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ),
        )
        z.writestr(
            "xl/workbook.xml",
            (
                f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main"'
                f' xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Vrienden"'
                ' sheetId="1" r:id="rId1"/></sheets></workbook>'
            ),
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/'
                f'relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/'
                'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
            ),
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def run(exe: Path, *args: str, env: dict[str, str]) -> str:
    result = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=120)
    if result.returncode != 0:
        print(f"FAILED: contactkluis {' '.join(args)}\n{result.stdout}\n{result.stderr}")
        raise SystemExit(1)
    return result.stdout


def main() -> int:
    bundle = Path(sys.argv[1])
    exe = bundle / ("contactkluis.exe" if os.name == "nt" else "contactkluis")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            CONTACTKLUIS_PASSWORD=PASSWORD,
            CONTACTKLUIS_STATE_DIR=str(tmp / "state"),
            CONTACTKLUIS_CONFIG_DIR=str(tmp / "config"),
            CONTACTKLUIS_HOME=str(tmp),
        )
        db = str(tmp / "kluis.ckdb")
        base = ["--db", db, "--user", "beheer"]
        run(exe, *base, "init", "--institution", "Rookproef", env=env)
        sheet = tmp / "vrienden.xlsx"
        write_xlsx(sheet)
        out = run(exe, *base, "import", str(sheet), env=env)
        assert "6" in out, out
        stats = tmp / "tellingen.xlsx"
        run(exe, *base, "stats", "--by", "relation", "--out", str(stats), env=env)
        assert stats.exists() and stats.stat().st_size > 0
        with zipfile.ZipFile(stats) as z:
            content = b"".join(z.read(n) for n in z.namelist())
        assert b"Visser" not in content and b"example.org" not in content, "personal data!"
        run(exe, *base, "verify", env=env)
        # GUI: process start to unlock window shown, then exit (CONTACTKLUIS_SMOKE_EXIT).
        start = time.perf_counter()
        gui = subprocess.run(
            [str(exe), "--db", db],
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(env, CONTACTKLUIS_SMOKE_EXIT="1"),
        )
        elapsed = time.perf_counter() - start
        if gui.returncode != 0 or "unlock-window-shown" not in gui.stdout:
            print(f"FAILED: GUI did not show the unlock window\n{gui.stdout}\n{gui.stderr}")
            return 1
        print(f"smoke test passed; start-up to unlock window: {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
