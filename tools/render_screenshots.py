"""Render every main screen to PNG, offscreen, from synthetic vaults: docs/screenshots/.

    python tools/render_screenshots.py [--out DIR] [--only NAME ...] [--lang nl|en]

The file names are the ones docs/handleiding.md uses (see docs/screenshots/README.md); a full
run removes PNGs with other names from the output folder. Extensible: decorate a function
`fn(env) -> QWidget` with `@register(name, dark=...)`; names registered with dark=True get a
`NAME_dark.png` as well, rendered with the dark palette. SEEDERS fill the main vault (a small
museum, ~60 invented people, tools/screens_seed.py); statistics and the import screens use
vaults of their own (a few hundred people; an empty vault on migration day).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

ADMIN, ADMIN_PW = "beheer", "paarse olifant op de fiets"
STAFF, STAFF_PW = "kassa", "blauwe giraffe in de tram"
INSTITUTION = "Museum Proef"
WINDOW = (1366, 768)  # the most common office laptop (issue 16)
# A fixed, made-up key (the same letters as real ones): stable pictures, no vault behind it.
SAMPLE_RECOVERY_KEY = "K7QM-2XRA-9WTD-H4NE-P3FV-8CJZ-T6BZ-5RYW"
WAIT_S = 120.0


@dataclass
class Env:
    app: QApplication
    ctx: Any  # the museum vault, unlocked as the beheerder
    tmp: Path
    seeded: Any = None  # screens_seed.Seeded: ids of the records the screens point at
    keep: list[Any] = field(default_factory=list)  # widgets that must outlive the grab
    vaults: dict[str, Any] = field(default_factory=dict)  # other contexts, by name
    cache: dict[str, Any] = field(default_factory=dict)  # state shared by related screens

    def settle(self, until: Callable[[], bool] | None = None, ctx: Any = None) -> None:
        """Run the event loop until background work is done and `until` holds."""
        contexts = [c for c in (ctx, self.ctx, *self.vaults.values()) if c is not None]
        deadline = time.monotonic() + WAIT_S
        while True:
            for c in contexts:
                c.tasks.wait(20)
            self.app.processEvents()
            idle = all(c.tasks.pool.activeThreadCount() == 0 for c in contexts)
            if idle and (until is None or until()):
                break
            if time.monotonic() > deadline:
                raise TimeoutError("screen did not settle")
        for _ in range(3):
            self.app.processEvents()

    def vault(self, name: str, seeders: list[Callable[[Any], None]]) -> Any:
        """Another unlocked vault (cached), filled by `seeders`."""
        if name not in self.vaults:
            self.vaults[name] = _open_context(self.tmp / name / f"{name}.ckdb", seeders)
        return self.vaults[name]


Screen = Callable[[Env], QWidget]
SCREENS: list[tuple[str, Screen]] = []
DARK: set[str] = set()
SEEDERS: list[Callable[[Any], Any]] = []


def register(name: str, dark: bool = False) -> Callable[[Screen], Screen]:
    def wrap(fn: Screen) -> Screen:
        SCREENS.append((name, fn))
        if dark:
            DARK.add(name)
        return fn

    return wrap


def _open_context(path: Path, seeders: list[Callable[[Any], Any]]) -> Any:
    from contactkluis.services.accounts import add_account, create_vault
    from contactkluis.ui.context import AppContext
    from contactkluis.vault.keys import KdfParams

    session, _recovery = create_vault(path, INSTITUTION, ADMIN, ADMIN_PW, kdf=KdfParams())
    add_account(session, STAFF, "medewerker", STAFF_PW)
    for seed in seeders:
        seed(session)
    ctx = AppContext(path)
    ctx.open_session(session)
    ctx.account_name = ADMIN
    return ctx


def window(
    env: Env, page: str | None = None, ctx: Any = None, size: tuple[int, int] = WINDOW
) -> Any:
    """The real main window, unlocked, at a realistic size, showing `page`."""
    from contactkluis.ui.main_window import MainWindow

    win = MainWindow(ctx or env.ctx)
    win.resize(*size)
    if page:
        win.show_page(page)
    env.keep.append(win)
    win.show()
    env.settle(ctx=ctx)
    return win


def contacts_window(env: Env) -> Any:
    win = window(env, "contacts")
    page = win.page("contacts")
    env.settle(lambda: page.model.rowCount() > 0 and not page.model.pending)
    return win


# -- first run and unlock -----------------------------------------------------------------


def _wizard(env: Env) -> Any:
    from contactkluis.ui.context import AppContext
    from contactkluis.ui.first_run import FirstRunWizard

    wiz = FirstRunWizard(AppContext(None))
    wiz.resize(760, 560)
    wiz.restart()  # a wizard only has a current page once started
    wiz.institution_page.name.setText(INSTITUTION)
    wiz.institution_page.name.deselect()
    env.keep.append(wiz)
    return wiz


@register("first_run_institution")
def first_run_institution(env: Env) -> QWidget:
    return _wizard(env)  # type: ignore[no-any-return]


@register("first_run_recovery_key")
def first_run_recovery_key(env: Env) -> QWidget:
    wiz = _wizard(env)
    wiz.next()
    wiz.next()
    page = wiz.account_page
    page.account.setText(ADMIN)
    page.passwords.password.setText(ADMIN_PW)
    page.passwords.repeat.setText(ADMIN_PW)
    # A picture only: a random key for no vault, and no vault made by the commit step.
    wiz.recovery_key = SAMPLE_RECOVERY_KEY
    wiz.session = object()
    wiz.next()
    return wiz  # type: ignore[no-any-return]


@register("unlock", dark=True)
def unlock(env: Env) -> QWidget:
    """A closed vault after one wrong password: the real message and countdown."""
    from contactkluis.ui.context import AppContext
    from contactkluis.ui.main_window import MainWindow

    # A vault per picture: a second wrong password would show the throttle message instead.
    env.cache["closed"] = env.cache.get("closed", 0) + 1
    path = env.tmp / f"gesloten{env.cache['closed']}" / "museum-proef.ckdb"
    _open_context(path, []).session.vault.close()
    ctx = AppContext(path)
    ctx.account_name = ADMIN
    win = MainWindow(ctx)
    win.resize(*WINDOW)
    env.keep.append(win)
    screen = win.unlock_screen
    screen.password.setText("paarse olifant op de fietz")
    screen.attempt()
    env.settle(lambda: bool(screen.message.text()), ctx=ctx)
    return win


# -- contacts -------------------------------------------------------------------------------


@register("main_window", dark=True)
def main_window(env: Env) -> QWidget:
    win = contacts_window(env)
    page = win.page("contacts")
    page.select_ids([env.seeded.detail])
    env.settle()
    return win  # type: ignore[no-any-return]


@register("contact_detail")
def contact_detail(env: Env) -> QWidget:
    win = contacts_window(env)
    page = win.page("contacts")
    page.select_ids([env.seeded.detail])
    page.splitter.setSizes([330, 950])  # room for the consent history's source and evidence
    page.detail.tabs.setCurrentIndex(1)  # Toestemming
    env.settle()
    return win  # type: ignore[no-any-return]


@register("edit_contact")
def edit_contact(env: Env) -> QWidget:
    win = contacts_window(env)
    page = win.page("contacts")
    page.edit_contact(env.seeded.plain)
    dialog = page.dialog
    dialog.postcode.edit.setText("12345")
    dialog.resize(max(dialog.width(), 540), dialog.sizeHint().height())
    env.keep.append(dialog)
    return dialog  # type: ignore[no-any-return]


# -- import (an empty vault on migration day) ----------------------------------------------


def _import_page(env: Env) -> tuple[Any, Any]:
    from screens_seed import legacy_files

    ctx = env.vault("migratie", [])
    if "import" not in env.cache:
        win = window(env, "import", ctx)
        page = win.page("import")
        page.add_files(legacy_files(env.tmp / "oude lijsten"))
        env.settle(lambda: page.reading == 0 and page.files_next.isEnabled(), ctx)
        env.cache["import"] = (win, page)
    return env.cache["import"]  # type: ignore[no-any-return]


@register("import_files")
def import_files(env: Env) -> QWidget:
    win, _page = _import_page(env)
    return win  # type: ignore[no-any-return]


@register("import_mapping")
def import_mapping(env: Env) -> QWidget:
    win, page = _import_page(env)
    page.files_next.click()
    page.select_sheet(0, 0)
    editor = page.editor
    editor.table.selectRow(editor.row_of_header("Rekeningnummer"))
    env.settle()
    return win  # type: ignore[no-any-return]


@register("import_report")
def import_report(env: Env) -> QWidget:
    win, page = _import_page(env)
    if page.step < 1:
        page.files_next.click()
    page.mapping_next.click()
    env.settle(lambda: page.dry_report is not None)
    page.import_button.click()
    env.settle(lambda: page.report is not None)
    page.report_view.tabs.setCurrentIndex(0)
    env.settle()
    return win  # type: ignore[no-any-return]


# -- privacy, statistics, settings ----------------------------------------------------------


@register("privacy_dashboard")
def privacy_dashboard(env: Env) -> QWidget:
    win = window(env, "privacy")
    page = win.page("privacy")
    env.settle(lambda: page.overview is not None)
    return win  # type: ignore[no-any-return]


@register("requests")
def requests_page(env: Env) -> QWidget:
    win = window(env, "requests")
    page = win.page("requests")
    env.settle(lambda: page.table.rowCount() > 0)
    page.select(env.seeded.requests["overdue"])
    env.settle()
    return win  # type: ignore[no-any-return]


@register("retention")
def retention_page(env: Env) -> QWidget:
    win = window(env, "retention")
    page = win.page("retention")
    env.settle(lambda: page.table.rowCount() > 0)
    for row in range(min(3, page.table.rowCount())):
        page.table.selectionModel().select(
            page.table.model().index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows,
        )
    env.settle()
    return win  # type: ignore[no-any-return]


@register("stats")
def stats_page(env: Env) -> QWidget:
    from screens_seed import seed_population

    ctx = env.vault("statistiek", [seed_population])
    win = window(env, "stats", ctx)
    page = win.page("stats")
    page.dim1.setCurrentIndex(page.dim1.findData("relation"))
    page.dim2.setCurrentIndex(page.dim2.findData("age"))
    page.k.setValue(5)
    env.settle(lambda: page.model.columnCount() > 2 and page.model.rowCount() > 1, ctx)
    # The whole table, Totaal row included, above the chart.
    table = page.view
    needed = table.horizontalHeader().height() + table.verticalHeader().length() + 4
    splitter = table.parentWidget()
    splitter.setSizes([needed, max(splitter.height() - needed, 240)])
    env.settle(ctx=ctx)
    return win  # type: ignore[no-any-return]


@register("settings")
def settings_page(env: Env) -> QWidget:
    return window(env, "settings")  # type: ignore[no-any-return]


@register("request_new")
def request_new(env: Env) -> QWidget:
    """Nieuw verzoek after typing a common name and Enter: several matches, none chosen."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from contactkluis.ui.privacy.request_dialogs import AddRequestDialog

    win = window(env, "requests")
    dialog = AddRequestDialog(env.ctx.session, win)
    env.keep.append(dialog)
    dialog.show()
    QTest.keyClicks(dialog.picker.search, "van")
    QTest.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    dialog.save()  # OK without a choice: the dialog says what to do
    return dialog


@register("handbook")
def handbook(env: Env) -> QWidget:
    """Help → Handleiding, opened by "Wat betekent dit?" beside the consent flags."""
    from contactkluis.ui.handbook import open_handbook

    win = contacts_window(env)
    dialog = open_handbook(win, "flags")
    env.settle()
    dialog.show_section("Wat de tekens betekenen")
    return dialog


# -- running --------------------------------------------------------------------------------


def make_env(app: QApplication, tmp: Path) -> Env:
    from screens_seed import seed_museum

    from contactkluis.config import save_config

    # What an office PC would show, not this run's temporary folder.
    save_config({"backup_dir": r"E:\Back-ups\Contactkluis", "last_account": ADMIN})
    seeded: list[Any] = []
    seeders = [lambda s: seeded.append(seed_museum(s)), *SEEDERS]
    ctx = _open_context(tmp / "museum" / "museum-proef.ckdb", seeders)
    return Env(app, ctx, tmp, seeded=seeded[0])


def grab(env: Env, widget: QWidget, out: Path) -> None:
    widget.show()
    env.settle()
    widget.grab().save(str(out))
    widget.hide()


def _isolate(tmp: Path) -> None:
    """Settings, state and vaults of this run live in a temporary folder, never the user's."""
    for var, sub in (
        ("CONTACTKLUIS_CONFIG_DIR", "config"),
        ("CONTACTKLUIS_STATE_DIR", "state"),
        ("CONTACTKLUIS_HOME", "data"),
    ):
        os.environ[var] = str(tmp / sub)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, help="default docs/screenshots (en: …/en)")
    parser.add_argument("--only", nargs="*", help="screen names to render")
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    args = parser.parse_args()
    if args.out is None:  # the Dutch pictures are the handbook's; English ones beside them
        args.out = ROOT / "docs" / "screenshots" / ("en" if args.lang == "en" else "")
    tmp = Path(tempfile.mkdtemp(prefix="ck-shots-"))
    _isolate(tmp)
    from contactkluis.domain import messages

    messages.set_language(args.lang)  # as the app does once at start-up
    from contactkluis.ui.app import apply_colour_scheme, create_application
    from contactkluis.ui.dialogs import FileDialog, MessageBox
    from contactkluis.ui.i18n import install_translators

    MessageBox.non_interactive = FileDialog.non_interactive = True  # never block on a dialog
    app = create_application(["render"])
    translators = install_translators(app, args.lang)
    env = make_env(app, tmp)
    args.out.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    for name, fn in SCREENS:
        if args.only and name not in args.only:
            continue
        for dark in (False, True) if name in DARK else (False,):
            apply_colour_scheme(app, dark=dark)
            out = args.out / f"{name}{'_dark' if dark else ''}.png"
            grab(env, fn(env), out)
            written.add(out.name)
            print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out, flush=True)
    apply_colour_scheme(app, dark=False)
    if not args.only:
        for stale in sorted(args.out.glob("*.png")):
            # export_*.png are the printed exports (tools/render_export_screenshots.py).
            if stale.name not in written and not stale.name.startswith("export_"):
                stale.unlink()
                print(f"removed {stale.name}")
    for ctx in (env.ctx, *env.vaults.values()):
        ctx.tasks.wait()
        ctx.session.vault.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
