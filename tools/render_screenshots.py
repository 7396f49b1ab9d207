"""Render every main screen to PNG, offscreen, with a synthetic vault: docs/screenshots/.

    python tools/render_screenshots.py [--out DIR] [--only NAME ...]

Extensible: append `(name, function)` to SCREENS (or call `register`). A function gets the
`Env` (app, ctx with an unlocked beheerder session, a temp folder) and returns the widget
to grab; "-dark" variants are rendered with the dark palette automatically when the name
is listed in DARK. Seeders in SEEDERS fill the synthetic vault (invented people only).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = Path(tempfile.mkdtemp(prefix="ck-shots-"))
for var, sub in (
    ("CONTACTKLUIS_CONFIG_DIR", "config"),
    ("CONTACTKLUIS_STATE_DIR", "state"),
    ("CONTACTKLUIS_HOME", "data"),
):
    os.environ[var] = str(_TMP / sub)
os.environ.setdefault("CONTACTKLUIS_LANG", "nl")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

ADMIN, ADMIN_PW = "beheer", "paarse olifant op de fiets"
STAFF, STAFF_PW = "kassa", "blauwe giraffe in de tram"


@dataclass
class Env:
    app: QApplication
    ctx: Any
    tmp: Path
    keep: list[Any] = field(default_factory=list)  # widgets that must outlive the grab


Screen = Callable[[Env], QWidget]
SCREENS: list[tuple[str, Screen]] = []
DARK: set[str] = set()
SEEDERS: list[Callable[[Any], None]] = []


def register(name: str, dark: bool = False) -> Callable[[Screen], Screen]:
    def wrap(fn: Screen) -> Screen:
        SCREENS.append((name, fn))
        if dark:
            DARK.add(name)
        return fn

    return wrap


def _window(env: Env, page: str | None = None) -> QWidget:
    from contactkluis.ui.main_window import MainWindow

    win = MainWindow(env.ctx)
    win.resize(1200, 760)
    if page:
        win.show_page(page)
    env.keep.append(win)
    return win


@register("first-run-institution")
def first_run_institution(env: Env) -> QWidget:
    from contactkluis.ui.context import AppContext
    from contactkluis.ui.first_run import FirstRunWizard

    wiz = FirstRunWizard(AppContext(None))
    wiz.restart()  # a wizard only has a current page once started
    wiz.institution_page.name.setText("Stichting Oude Molen")
    env.keep.append(wiz)
    return wiz


@register("first-run-account")
def first_run_account(env: Env) -> QWidget:
    wiz = first_run_institution(env)
    wiz.next()  # type: ignore[attr-defined]
    wiz.next()  # type: ignore[attr-defined]
    page = wiz.account_page  # type: ignore[attr-defined]
    page.account.setText(ADMIN)
    page.passwords.password.setText("wachtwoord1234")
    page.passwords.repeat.setText("wachtwoord1234")
    return wiz


@register("first-run-recovery-key")
def first_run_recovery(env: Env) -> QWidget:
    from contactkluis.vault.keys import new_recovery_key

    wiz = first_run_institution(env)
    wiz.recovery_key = new_recovery_key()  # type: ignore[attr-defined]
    wiz.next()  # type: ignore[attr-defined]
    wiz.next()  # type: ignore[attr-defined]
    wiz.session = object()  # type: ignore[attr-defined]  # skip creation: a picture only
    wiz.next()  # type: ignore[attr-defined]
    return wiz


@register("unlock", dark=True)
def unlock(env: Env) -> QWidget:
    from contactkluis.ui.context import AppContext
    from contactkluis.ui.main_window import MainWindow

    ctx = AppContext(env.ctx.vault_path)
    ctx.account_name = ADMIN
    win = MainWindow(ctx)
    win.resize(1000, 680)
    win.unlock_screen.start_countdown(4)
    win.unlock_screen.message.setText(
        "Onjuist wachtwoord of onbekend account. Probeer het over 4 seconden opnieuw."
    )
    env.keep.append(win)
    return win


@register("main-window", dark=True)
def main_window(env: Env) -> QWidget:
    return _window(env, "contacts")


@register("settings", dark=True)
def settings(env: Env) -> QWidget:
    return _window(env, "settings")


@register("settings-medewerker")
def settings_staff(env: Env) -> QWidget:
    from contactkluis.services.accounts import unlock as open_vault
    from contactkluis.ui.context import AppContext
    from contactkluis.ui.main_window import MainWindow

    staff = open_vault(env.ctx.vault_path, STAFF, STAFF_PW, read_only=True)
    ctx = AppContext(env.ctx.vault_path)
    ctx.session = staff
    win = MainWindow(ctx)
    win.resize(1200, 760)
    win.show_page("settings")
    env.keep.append(win)
    return win


@register("about")
def about(env: Env) -> QWidget:
    from contactkluis.ui.about import AboutDialog

    dialog = AboutDialog()
    env.keep.append(dialog)
    return dialog


def make_env(app: QApplication) -> Env:
    from contactkluis.services.accounts import add_account, create_vault
    from contactkluis.ui.context import AppContext
    from contactkluis.vault.keys import KdfParams

    path = _TMP / "vault" / "museum-proef.ckdb"
    session, _recovery = create_vault(path, "Museum Proef", ADMIN, ADMIN_PW, kdf=KdfParams())
    add_account(session, STAFF, "medewerker", STAFF_PW)
    for seed in SEEDERS:
        seed(session)
    ctx = AppContext(path)
    ctx.session = session
    ctx.account_name = ADMIN
    return Env(app, ctx, _TMP)


def grab(widget: QWidget, out: Path, app: QApplication) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(out))
    widget.hide()


def main() -> int:
    from contactkluis.ui.app import apply_colour_scheme, create_application
    from contactkluis.ui.i18n import install_translators

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", nargs="*", help="screen names to render")
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    args = parser.parse_args()
    app = create_application(["render"])
    translators = install_translators(app, args.lang)
    env = make_env(app)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, fn in SCREENS:
        if args.only and name not in args.only:
            continue
        for dark in (False, True) if name in DARK else (False,):
            apply_colour_scheme(app, dark=dark)
            out = args.out / f"{name}{'-dark' if dark else ''}.png"
            grab(fn(env), out, app)
            print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
    apply_colour_scheme(app, dark=False)
    env.ctx.tasks.wait()
    env.ctx.session.vault.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
