"""The wizard shows what each list was concluded to be, why, and its date (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

from contactkluis.migration.list_kind import ListKind
from contactkluis.ui.context import AppContext
from tests.fixtures_exports import write_mailchimp
from tests.fixtures_lists import write_tours_2018
from tests.gui.test_import_wizard import open_page


def test_mapping_page_names_the_list_kind_reason_and_date(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    (sub, _, _), _ = write_mailchimp(tmp_path)
    members = tmp_path / "members.csv"
    shutil.move(sub, members)
    page = open_page(qtbot, ctx, members)
    combo = page.editor.relation
    auto = combo.itemText(0)
    assert "nieuwsbriefabonnees" in auto and "Mailchimp" in auto and "lijstdatum" in auto
    # The user overrides the kind; going back to automatic restores the conclusion.
    combo.setCurrentIndex(combo.findData("vriend"))
    loaded = page.editor.loaded
    assert loaded is not None and loaded.sheets[0].context.list_kind is ListKind.FRIENDS
    combo.setCurrentIndex(0)
    assert loaded.sheets[0].context.list_kind is ListKind.NEWSLETTER


def test_tour_sheet_shows_the_year_in_its_name_as_the_list_date(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    path, _ = write_tours_2018(tmp_path)
    page = open_page(qtbot, ctx, path)
    auto = page.editor.relation.itemText(0)
    assert "groepsbezoek" in auto and "31-12-2018, jaartal in de bladnaam" in auto
