"""Screenshots of the import wizard and the privacy screens, offscreen, synthetic data.

`SCREENS` is a list of (name, function(out_dir) -> Path), like the other tools/screens_*.py
that tools/render_screenshots.py collects; run directly:

    /work/venv/bin/python tools/screens_import_privacy.py [OUT_DIR]

Every person is invented (Faker nl_NL with a fixed seed, example.org-style addresses).
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(_ROOT / "src"))
sys.path.insert(0, str(_ROOT))


def _spreadsheet(path: Path, rows: int = 120) -> Path:
    from faker import Faker
    from openpyxl import Workbook

    fake = Faker("nl_NL")
    fake.seed_instance(11)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Vrienden 2019"
    ws.append(["Vriendenlijst — niet verspreiden"])
    ws.append([])
    ws.append(
        [
            "Voornaam",
            "Tussenv.",
            "Achternaam",
            "E-mail",
            "Tel",
            "Postcode",
            "Plaats",
            "Rekeningnummer",
            "Nieuwsbrief",
            "Lid sinds",
            "Opmerkingen",
            "Kleur",
        ]
    )
    notes = ["", "", "", "komt altijd met de rolstoelbus", "", "graag post", ""]
    for i in range(rows):
        email = f"vriend{i}@voorbeeld.nl" if i % 9 else "vriend@@kapot"
        account = fake.random_number(digits=9, fix_len=True)
        phone = fake.random_number(digits=8, fix_len=True)
        last = fake.last_name()
        infix = "van" if i % 7 == 0 and " " not in last else ""
        ws.append(
            [
                fake.first_name(),
                infix,
                last,
                email,
                f"06{phone}",
                fake.postcode(),
                fake.city(),
                f"NL{10 + i % 80}RABO0{account}",
                "ja" if i % 3 else "nee",
                datetime.datetime(2010 + i % 12, 1 + i % 12, 1),
                notes[i % len(notes)],
                "blauw",
            ]
        )
    ws.append(["Totaal", rows])
    wb.save(path)
    return path


@cache
def _env() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from contactkluis.services.accounts import create_vault
    from contactkluis.ui.context import AppContext
    from contactkluis.vault.keys import KdfParams

    app = QApplication.instance() or QApplication([])
    base = Path(tempfile.mkdtemp(prefix="ck-shots-"))
    for var in ("CONTACTKLUIS_STATE_DIR", "CONTACTKLUIS_CONFIG_DIR", "CONTACTKLUIS_HOME"):
        os.environ[var] = str(base / var.lower())
    session, _key = create_vault(
        base / "kluis.ckdb", "Museum Proef", "beheer", "paarse olifant op de fiets", kdf=KdfParams()
    )
    ctx = AppContext(base / "kluis.ckdb")
    ctx.open_session(session)
    ctx.account_name = session.account
    sheet = _spreadsheet(base / "vrienden_2019.xlsx")
    broken = base / "oude_export.xlsx"
    broken.write_bytes(b"geen spreadsheet")
    return {"app": app, "ctx": ctx, "base": base, "sheet": sheet, "broken": broken, "keep": []}


def _settle(until: Callable[[], bool] | None = None) -> None:
    env = _env()
    for _ in range(200):
        env["ctx"].tasks.wait()
        env["app"].processEvents()
        if until is None or until():
            break
    for _ in range(5):
        env["app"].processEvents()


def _grab(widget: Any, out: Path, size: tuple[int, int] = (1200, 720)) -> Path:
    widget.resize(*size)
    widget.show()
    _settle()
    widget.grab().save(str(out))
    widget.hide()
    return out


@cache
def _import_page() -> Any:
    from contactkluis.ui.import_wizard.wizard import ImportPage

    env = _env()
    page = ImportPage(env["ctx"])
    env["keep"].append(page)
    page.add_files([env["sheet"], env["broken"]])
    _settle(lambda: page.reading == 0)
    return page


def import_files(out_dir: Path) -> Path:
    return _grab(_import_page(), out_dir / "import-files.png")


def import_mapping(out_dir: Path) -> Path:
    page = _import_page()
    page.go_mapping()
    editor = page.editor
    combo = editor.target_combo(editor.row_of_header("Kleur"))
    combo.setCurrentIndex(combo.findData("notes"))
    combo.setCurrentIndex(combo.findData(None))
    return _grab(page, out_dir / "import-mapping.png", (1400, 760))


def import_dry_run(out_dir: Path) -> Path:
    page = _import_page()
    page.start_dry_run()
    _settle(lambda: page.dry_report is not None)
    return _grab(page, out_dir / "import-dry-run.png")


def import_running(out_dir: Path) -> Path:
    page = _import_page()
    page.go(3)
    page.run_progress.setRange(0, 120)
    page.run_progress.setValue(48)
    return _grab(page, out_dir / "import-running.png")


def import_report(out_dir: Path) -> Path:
    page = _import_page()
    page.start_import()
    _settle(lambda: page.report is not None)
    page.report_view.tabs.setCurrentIndex(0)
    return _grab(page, out_dir / "import-report.png")


def import_cleanup(out_dir: Path) -> Path:
    page = _import_page()
    if page.report is None:
        import_report(out_dir)
    view = page.report_view
    view.tabs.setCurrentWidget(view.cleanup)
    for box in view.checks[:3]:
        box.setChecked(True)
    return _grab(page, out_dir / "import-cleanup.png")


@cache
def _privacy_data() -> dict[str, int]:
    """After the import: an expired customer or two, and requests in every state."""
    from tests.support.people import add_person, expired_customer

    from contactkluis.services import erasure, requests

    if _import_page().report is None:
        page = _import_page()
        page.go_mapping()
        page.start_import()
        _settle(lambda: page.report is not None)
    session = _env()["ctx"].session
    ids = {
        "expired1": expired_customer(session, "Kees", "Brouwerstraat", postcode="3011 AB"),
        "expired2": expired_customer(session, "Mieke", "Hoogendam", postcode="2611 EF"),
        "restricted": add_person(session, "Lotte", "Hendrikxs", postcode="3521 CD"),
    }
    erasure.restrict(session, ids["restricted"])
    today = session.today()
    ids["overdue"] = requests.add_request(
        session, "inzage", contact_id=ids["restricted"], received=today - timedelta(days=40)
    )
    ids["soon"] = requests.add_request(
        session, "verwijdering", contact_id=None, received=today - timedelta(days=26)
    )
    ids["ok"] = requests.add_request(
        session,
        "bezwaar",
        contact_id=None,
        received=today - timedelta(days=2),
        identity_checked=True,
    )
    closed = requests.add_request(
        session, "intrekking", contact_id=None, received=today - timedelta(days=20)
    )
    requests.close_request(session, closed, outcome="afgemeld voor alle mailings")
    with session.write() as conn:
        session.vault.set_meta(conn, "last_backup", (today - timedelta(days=12)).isoformat())
    return ids


def privacy_dashboard(out_dir: Path) -> Path:
    from contactkluis.ui.privacy.dashboard import PrivacyPage

    _privacy_data()
    page = PrivacyPage(_env()["ctx"])
    _env()["keep"].append(page)
    return _grab(page, out_dir / "privacy-dashboard.png", (1200, 760))


def requests_register(out_dir: Path) -> Path:
    from contactkluis.ui.privacy.requests import RequestsPage

    ids = _privacy_data()
    page = RequestsPage(_env()["ctx"])
    _env()["keep"].append(page)
    page.show_closed.setChecked(True)
    page.refresh()
    page.select(ids["overdue"])
    return _grab(page, out_dir / "requests.png")


def request_add_dialog(out_dir: Path) -> Path:
    from contactkluis.ui.privacy.request_dialogs import AddRequestDialog

    _privacy_data()
    dialog = AddRequestDialog(_env()["ctx"].session)
    _env()["keep"].append(dialog)
    dialog.picker.search.setText("Hendrikxs")
    dialog.picker.look_up()
    return _grab(dialog, out_dir / "request-add.png", (560, 480))


def retention_review(out_dir: Path) -> Path:
    from contactkluis.ui.privacy.retention import RetentionPage

    _privacy_data()
    page = RetentionPage(_env()["ctx"])
    _env()["keep"].append(page)
    page.refresh()
    page.table.selectRow(0)
    return _grab(page, out_dir / "retention.png")


SCREENS: list[tuple[str, Callable[[Path], Path]]] = [
    ("import-files", import_files),
    ("import-mapping", import_mapping),
    ("import-dry-run", import_dry_run),
    ("import-running", import_running),
    ("import-report", import_report),
    ("import-cleanup", import_cleanup),
    ("privacy-dashboard", privacy_dashboard),
    ("requests", requests_register),
    ("request-add", request_add_dialog),
    ("retention", retention_review),
]


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else _ROOT / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    for _name, render in SCREENS:
        print(render(out_dir))
    env = _env()
    env["ctx"].tasks.wait()
    env["ctx"].session.vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
