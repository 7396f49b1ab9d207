"""The statistics page with a real vault: protected table, chart, export, lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from contactkluis.services import stats_releases
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import FileDialog
from contactkluis.ui.stats.page import StatsPage
from tests.support.stats_people import fill


@pytest.fixture
def page(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    fill(ctx.session)  # type: ignore[arg-type]
    widget = StatsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=10000)
    return widget


def column(widget: StatsPage) -> dict[str, str]:

    m = widget.model
    return {
        m.headerData(r, Qt.Orientation.Vertical): m.index(r, 0).data() for r in range(m.rowCount())
    }


def test_shows_the_protected_table_and_a_chart(page: StatsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    shown = column(page)
    assert shown["bezoeker"] == "x" and shown["klant"] == "x"  # 1 and 2, below k = 10
    assert not [v for v in shown.values() if v.startswith("<") or v in {"1", "2"}]
    assert page.chart.series() and page.chart.title() == "Relatie"
    assert "x = afgeschermd" in page.explanation.text()
    assert "ontbreken in de grafiek" in page.chart_note.text()


def test_two_dimensions_population_and_k(page: StatsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.dim2.setCurrentIndex(page.dim2.findData("age"))
    qtbot.waitUntil(lambda: page.model.columnCount() > 2, timeout=10000)
    assert (
        page.model.headerData(page.model.columnCount() - 1, Qt.Orientation.Horizontal) == "Totaal"
    )
    page.population.setCurrentIndex(page.population.findData("vriend"))
    page.k.setValue(3)  # below the institution's k: the box does not go there
    assert page.k.value() == 10
    page.k.setValue(12)
    qtbot.waitUntil(
        lambda: (
            page._result is not None
            and page._result.population.code == "vriend"
            and page._result.meta.k == 12
        ),
        timeout=10000,
    )
    texts = [
        page.model.index(r, c).data()
        for r in range(page.model.rowCount())
        for c in range(page.model.columnCount())
    ]
    assert "12" in texts and not [t for t in texts if t in {str(n) for n in range(1, 12)}]
    assert page.k.minimum() == 10 and page.k.maximum() == 20


def test_export_writes_the_shown_table(page: StatsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "tabel.xlsx"
    FileDialog.set_next_path(str(target))
    page.export_button.click()
    assert target.exists()
    numbers = [
        c.value
        for ws in load_workbook(target).worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, int)
    ]
    assert 15 in numbers and not [n for n in numbers if 1 <= n < 10]

    standard = tmp_path / "jaarverslag.xlsx"
    FileDialog.set_next_path(str(standard))
    page.standard_button.click()
    qtbot.waitUntil(standard.exists, timeout=15000)
    assert len(load_workbook(standard).sheetnames) >= 10
    assert column(page)["vriend"] == "15"  # the table on screen is unchanged


def test_lock_clears_everything(page: StatsPage, ctx: AppContext) -> None:
    ctx.locked.emit()
    assert page.model.rowCount() == 0
    assert not page.chart.series()
    assert page._result is None
    # nothing about a person stays behind in the page (counts live only in the result)
    assert not [v for v in vars(page).values() if isinstance(v, (list, dict)) and v]
    assert not page.export_button.isEnabled()


def test_a_frozen_period_gives_only_its_published_figures(  # type: ignore[no-untyped-def]
    page: StatsPage, qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    FileDialog.set_next_path(str(tmp_path / "relatie.xlsx"))
    page.export_button.click()
    assert (tmp_path / "relatie.xlsx").exists()
    session = ctx.session
    assert session is not None
    stats_releases.freeze_period(session, session.today().year)
    page.dim2.setCurrentIndex(page.dim2.findData("age"))  # never released in that period
    qtbot.waitUntil(lambda: "bevroren" in page.status.text(), timeout=10000)
    page.dim2.setCurrentIndex(0)  # the released table comes back as it was published
    qtbot.waitUntil(lambda: column(page).get("vriend") == "15", timeout=10000)
