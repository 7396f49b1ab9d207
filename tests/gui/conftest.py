"""GUI fixtures: real widgets on the offscreen platform, a real vault per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog, MessageBox


@pytest.fixture(scope="session", autouse=True)
def _dutch_translators(qapp: object) -> Iterator[None]:
    """As the app starts: nl.ts installed (plural forms such as '%n dag(en)' need it)."""
    from contactkluis.ui.i18n import install_translators

    installed = install_translators(qapp, "nl")  # type: ignore[arg-type]
    yield
    for translator in installed:
        qapp.removeTranslator(translator)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _clean_dialog_presets() -> Iterator[None]:
    MessageBox.set_next_answer(None)
    MessageBox.history.clear()
    MessageBox.non_interactive = True
    FileDialog.non_interactive = True
    FileDialog._next.clear()
    yield
    MessageBox.non_interactive = False
    FileDialog.non_interactive = False
    MessageBox.set_next_answer(None)
    FileDialog._next.clear()


@pytest.fixture
def locked_ctx(qapp: object, session: object, vault_path: Path) -> Iterator[AppContext]:
    """A context for an existing vault (made with FAST_KDF), not unlocked yet."""
    session.vault.close()  # type: ignore[attr-defined]
    ctx = AppContext(vault_path)
    yield ctx
    ctx.tasks.wait()
    if ctx.session is not None and ctx.session.vault.conn is not None:
        ctx.session.vault.close()


@pytest.fixture
def ctx(qapp: object, session: object, vault_path: Path) -> Iterator[AppContext]:
    """A ready context: the first beheerder's session on a fresh vault is unlocked."""
    context = AppContext(vault_path)
    context.open_session(session)  # type: ignore[arg-type]
    yield context
    context.tasks.wait()
    context.close_session()


@pytest.fixture
def window(qtbot: object, ctx: AppContext) -> Iterator[object]:
    """The main window, unlocked, shown offscreen."""
    from contactkluis.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    yield win
    ctx.tasks.wait()
