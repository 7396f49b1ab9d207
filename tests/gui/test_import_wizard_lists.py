"""The wizard shows what each list was concluded to be, why, and its date (issue 11)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from PySide6.QtCore import QDate

from contactkluis.migration.list_kind import ListKind
from contactkluis.services import importing
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
    combo = page.editor.list_kind
    auto = combo.itemText(0)
    assert "nieuwsbriefabonnees" in auto and "Mailchimp" in auto
    assert "bron:" in page.editor.date_source.text()
    # The user overrides the kind; going back to automatic restores the conclusion.
    combo.setCurrentIndex(combo.findData("vrienden"))
    loaded = page.editor.loaded
    assert loaded is not None and loaded.sheets[0].context.list_kind is ListKind.FRIENDS
    combo.setCurrentIndex(0)
    assert loaded.sheets[0].context.list_kind is ListKind.NEWSLETTER


def test_tour_sheet_shows_the_year_in_its_name_as_the_list_date(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    path, _ = write_tours_2018(tmp_path)
    page = open_page(qtbot, ctx, path)
    auto = page.editor.list_kind.itemText(0)
    assert "groepsbezoek" in auto and "rondleiding" in auto
    assert page.editor.list_date.date() == QDate(2018, 12, 31)
    assert "jaartal in de bladnaam" in page.editor.date_source.text()


def test_every_list_kind_is_offered_and_a_corrected_date_is_imported_and_saved(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    path, truth = write_tours_2018(tmp_path)
    page = open_page(qtbot, ctx, path)
    editor = page.editor
    offered = {editor.list_kind.itemData(i) for i in range(1, editor.list_kind.count())}
    assert offered == {k.value for k in ListKind}  # the same choices as --mapping's list_kind
    assert "afmeldingen" in [editor.list_kind.itemText(i) for i in range(editor.list_kind.count())]
    # The tours were in 2019, not 2018: the undated row's visit is that day.
    editor.list_date.setDate(QDate(2019, 3, 1))
    assert "door de gebruiker opgegeven" in editor.date_source.text()
    assert page.save_mapping_as("rondleidingen")
    saved = importing.load_mapping(ctx.unlocked_session, "rondleidingen")
    assert saved is not None
    [sheet] = list(saved.sheets.values())
    assert sheet.list_date == "2019-03-01" and sheet.list_kind is None

    page.mapping_next.click()
    qtbot.waitUntil(lambda: page.dry_report is not None, timeout=20000)  # type: ignore[attr-defined]
    with qtbot.waitSignal(ctx.data_changed, timeout=20000):  # type: ignore[attr-defined]
        page.import_button.click()
    session = ctx.unlocked_session
    undated = [e for e in truth.emails if truth.visits[e] == datetime.date(2018, 12, 31)]
    [cid] = session.repo().ids_by_email(undated[0])
    contact = session.repo().get(cid)
    assert contact is not None
    assert [r.last_activity for r in contact.relations] == [datetime.date(2019, 3, 1)]
    assert page.report is not None
    [srep] = page.report.files[0].sheets
    assert (srep.list_date, srep.list_date_source) == ("2019-03-01", "user")


def test_an_unsubscribe_kind_chosen_in_the_wizard_is_saved(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    path, _ = write_tours_2018(tmp_path)
    page = open_page(qtbot, ctx, path)
    combo = page.editor.list_kind
    combo.setCurrentIndex(combo.findData("afmeldingen"))
    loaded = page.editor.loaded
    assert loaded is not None and loaded.sheets[0].context.list_kind is ListKind.UNSUBSCRIBES
    assert page.save_mapping_as("afmeldingen")
    saved = importing.load_mapping(ctx.unlocked_session, "afmeldingen")
    assert saved is not None
    assert [s.list_kind for s in saved.sheets.values()] == ["afmeldingen"]
