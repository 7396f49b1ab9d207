"""Screenshots of the contacts screen on a synthetic vault (offscreen).

`SCREENS` is a list of (name, function(out_dir) -> Path) for tools/render_screenshots.py;
run directly: python tools/screens_contacts.py /tmp/shots
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(_ROOT))  # tests.synthetic_contacts makes the people


def _page(count: int = 50) -> tuple[object, object]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from tests.synthetic_contacts import populate

    from contactkluis.services.accounts import create_vault
    from contactkluis.ui.contacts.page import ContactsPage
    from contactkluis.ui.context import AppContext
    from contactkluis.vault.keys import KdfParams

    app = QApplication.instance() or QApplication([])
    base = Path(tempfile.mkdtemp(prefix="ck-shots-"))
    for var in ("CONTACTKLUIS_STATE_DIR", "CONTACTKLUIS_CONFIG_DIR", "CONTACTKLUIS_HOME"):
        os.environ[var] = str(base / var.lower())
    session, _key = create_vault(
        base / "kluis.ckdb", "Museum Proef", "beheer", "paarse olifant op de fiets", kdf=KdfParams()
    )
    populate(session, count)
    ctx = AppContext(base / "kluis.ckdb")
    ctx.open_session(session)
    settings = QSettings(str(base / "layout.ini"), QSettings.Format.IniFormat)
    page = ContactsPage(ctx, settings=settings)
    page.resize(1500, 820)
    page.show()
    app.processEvents()
    return app, page


def contacts_table(out: Path) -> Path:
    app, page = _page()
    page.table.selectRow(2)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    path = out / "contacts_table.png"
    page.grab().save(str(path))  # type: ignore[attr-defined]
    return path


def contacts_consent_tab(out: Path) -> Path:
    app, page = _page()
    page.table.selectRow(4)  # type: ignore[attr-defined]
    page.detail.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    path = out / "contacts_consent.png"
    page.grab().save(str(path))  # type: ignore[attr-defined]
    return path


def contacts_edit_invalid(out: Path) -> Path:
    app, page = _page()
    page.table.selectRow(1)  # type: ignore[attr-defined]
    page.edit_contact()  # type: ignore[attr-defined]
    dialog = page.dialog  # type: ignore[attr-defined]
    dialog.postcode.edit.setText("12345")
    dialog.notes.setPlainText("rolstoelgebruiker, komt met begeleider")
    app.processEvents()  # type: ignore[attr-defined]
    path = out / "contacts_edit_invalid.png"
    dialog.grab().save(str(path))
    return path


def contacts_merge(out: Path) -> Path:
    app, page = _page()
    page.select_ids(page.model.ids[:2])  # type: ignore[attr-defined]
    page.merge_selected()  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    path = out / "contacts_merge.png"
    page.dialog.grab().save(str(path))  # type: ignore[attr-defined]
    return path


SCREENS: list[tuple[str, Callable[[Path], Path]]] = [
    ("contacts_table", contacts_table),
    ("contacts_consent", contacts_consent_tab),
    ("contacts_edit_invalid", contacts_edit_invalid),
    ("contacts_merge", contacts_merge),
]

if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/contactkluis-shots")
    target.mkdir(parents=True, exist_ok=True)
    only = sys.argv[2:]
    for name, fn in SCREENS:
        if not only or name in only:
            print(fn(target))
