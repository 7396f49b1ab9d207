"""Application start: QApplication, style and colour scheme, translators, then first-run
wizard or unlock screen, then the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDialog

from contactkluis import __version__
from contactkluis.config import load_config
from contactkluis.domain import messages
from contactkluis.ui.context import AppContext
from contactkluis.ui.i18n import LANGUAGES, install_translators
from contactkluis.ui.widgets.icons import app_icon


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(223, 225, 229)
    disabled = QColor(120, 122, 126)
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor(38, 40, 43)),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, disabled),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor(53, 55, 59)),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor(255, 99, 99)),
        (QPalette.ColorRole.Light, QColor(70, 72, 76)),
        (QPalette.ColorRole.Midlight, QColor(60, 62, 66)),
        (QPalette.ColorRole.Mid, QColor(80, 82, 86)),
        (QPalette.ColorRole.Dark, QColor(20, 21, 23)),
        (QPalette.ColorRole.Shadow, QColor(0, 0, 0)),
        (QPalette.ColorRole.Highlight, QColor(53, 116, 240)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.Link, QColor(102, 163, 255)),
        (QPalette.ColorRole.LinkVisited, QColor(170, 140, 255)),
    ):
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply_colour_scheme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion with a palette matching the system's light/dark choice (or the one forced)."""
    app.setStyle("Fusion")
    if dark is None:
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("Contactkluis")
    QCoreApplication.setOrganizationDomain("contactkluis.nl")
    QCoreApplication.setApplicationName("Contactkluis")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("contactkluis")
    app.setWindowIcon(app_icon())
    apply_colour_scheme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_colour_scheme(app))
    return app


def choose_language(config: dict[str, object], wanted: str | None = None) -> str:
    """The GUI's one language: --lang, else CONTACTKLUIS_LANG, else the setting; Dutch first."""
    lang = str(wanted or os.environ.get("CONTACTKLUIS_LANG") or config.get("language") or "nl")
    return messages.set_language(lang if lang in LANGUAGES else "nl")


def run(db: str | Path | None = None, user: str | None = None, lang: str | None = None) -> int:
    from contactkluis.ui.first_run import FirstRunWizard
    from contactkluis.ui.main_window import MainWindow
    from contactkluis.vault.vault import default_vault_path

    config = load_config()
    lang = choose_language(config, lang)
    app = create_application()
    from contactkluis.ui import crash

    crash.install()
    translators = install_translators(app, lang)
    remembered = config.get("vault_path")
    path = Path(db) if db else Path(str(remembered)) if remembered else default_vault_path()
    ctx = AppContext(path)
    if user:
        ctx.account_name = user
    if not path.exists():
        wizard = FirstRunWizard(ctx)
        if db:
            wizard.location_page.path.setText(str(path))
            wizard.location_page._edited = True
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0
    window = MainWindow(ctx, autolock_minutes=int(config.get("autolock_minutes") or 5))
    window.show()
    if os.environ.get("CONTACTKLUIS_SMOKE_EXIT"):
        # Packaging smoke test: measure start-up to the first shown window, then leave.
        from PySide6.QtCore import QTimer

        def _leave() -> None:
            print("unlock-window-shown", flush=True)
            app.quit()

        QTimer.singleShot(0, _leave)
    code = app.exec()
    del translators
    return int(code)
