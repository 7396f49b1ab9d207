"""The privacy screens on a real vault: dashboard numbers, the request register, retention."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from contactkluis.domain.contact import ConsentEvent, ConsentStatus, Contact, PersonName
from contactkluis.domain.requests import RequestStatus
from contactkluis.services import contacts, erasure, listing, requests
from contactkluis.services.listing import ContactQuery
from contactkluis.services.retention import Action
from contactkluis.services.session import Session
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import Button, MessageBox
from contactkluis.ui.privacy.dashboard import PrivacyPage
from contactkluis.ui.privacy.request_dialogs import AddRequestDialog, CloseRequestDialog
from contactkluis.ui.privacy.requests import RequestsPage
from contactkluis.ui.privacy.retention import RetentionPage
from tests.support.people import add_person, expired_customer


def reconfirm_person(session: Session) -> int:
    """A newsletter subscriber taken over from an old list: consent to reconfirm."""
    contact = Contact(
        name=PersonName("Sanne", None, None, "Verhoef"),
        emails=["sanne.verhoef@voorbeeld.nl"],
        consents=[
            ConsentEvent(
                "nieuwsbrief",
                ConsentStatus.GIVEN,
                date(2022, 5, 1),
                "oude lijst",
                "kolom nieuwsbrief = ja",
                reconfirm=True,
            )
        ],
    )
    return contacts.create_contact(session, contact)


def test_dashboard_numbers_match_the_vault(qtbot: object, ctx: AppContext) -> None:
    session = ctx.unlocked_session
    expired = expired_customer(session, "Joost", "Kramer")
    add_person(session, "Fleur", "Visser")
    special = add_person(session, "Ruud", "Smit", notes="gebruikt een rolstoel, diabetes")
    restricted = add_person(session, "Lotte", "Hendriks")
    erasure.restrict(session, restricted)
    reconfirm_person(session)
    overdue = requests.add_request(
        session, "inzage", contact_id=restricted, received=session.today() - timedelta(days=45)
    )
    requests.add_request(session, "bezwaar", contact_id=None)

    page = PrivacyPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.show()
    tiles = page.tiles

    def truth(query: ContactQuery) -> set[int]:
        return set(listing.find_ids(session, query))

    assert truth(ContactQuery(retention=frozenset({"expired"}))) == {expired}
    assert tiles["expired"].value == 1
    assert tiles["special"].value == len(truth(ContactQuery(special=True)))
    assert special in truth(ContactQuery(special=True))
    assert tiles["restricted"].value == 1
    assert tiles["requests"].value == 2
    assert page.reconfirm_tiles["nieuwsbrief"].value == 1
    assert tiles["backup"].number.text() == "nooit"

    # The overdue request is first (by deadline) and shown in red.
    assert page.requests.item(0, 0).text() == str(overdue)
    assert page.requests.item(0, 0).foreground().color().name() == "#b3261e"
    assert "te laat" in page.requests.item(0, 4).text()

    # Each number opens the list it counts.
    with qtbot.waitSignal(page.show_contacts) as sig:  # type: ignore[attr-defined]
        tiles["expired"].click()
    assert sig.args == [{"retention": "expired"}]
    with qtbot.waitSignal(page.show_contacts) as sig:  # type: ignore[attr-defined]
        page.reconfirm_tiles["nieuwsbrief"].click()
    assert sig.args == [{"consent": "nieuwsbrief:reconfirm"}]
    with qtbot.waitSignal(page.show_page) as sig:  # type: ignore[attr-defined]
        tiles["requests"].click()
    assert sig.args == ["requests"]

    # A change elsewhere refreshes the numbers.
    erasure.restrict(session, restricted, lift=True)
    ctx.data_changed.emit()
    assert tiles["restricted"].value == 0

    ctx.locked.emit()
    assert page.overview is None and page.requests.rowCount() == 0


class _PresetAdd(AddRequestDialog):
    """The add dialog filled in by the test instead of a person (cf. MessageBox presets)."""

    search = ""
    kind_code = "inzage"
    identity = False

    def exec(self) -> int:  # type: ignore[override]
        self.kind.setCurrentIndex(self.kind.findData(self.kind_code))
        self.picker.search.setText(type(self).search)
        self.picker.look_up()
        if self.picker.matches.count():  # the person at the desk clicks the match
            self.picker.matches.setCurrentRow(-1)
            self.picker.matches.setCurrentRow(0)
        self.identity.setChecked(type(self).identity)  # type: ignore[attr-defined]
        self.save()
        return int(self.result())


def preset_add(search: str, kind: str, identity: bool) -> type[AddRequestDialog]:
    return type(
        "Preset", (_PresetAdd,), {"search": search, "kind_code": kind, "identity": identity}
    )


class _PresetClose(CloseRequestDialog):
    outcome = "Inzage verstuurd per beveiligde mail"

    def exec(self) -> int:  # type: ignore[override]
        self.text.setPlainText(self.outcome)
        self.save()
        return int(self.result())


@pytest.fixture
def requests_page(qtbot: object, ctx: AppContext) -> Iterator[RequestsPage]:
    page = RequestsPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.show()
    yield page


def test_requests_add_extend_close(
    requests_page: RequestsPage, ctx: AppContext, tmp_path: Path
) -> None:
    session = ctx.unlocked_session
    cid = add_person(session, "Anouk", "Dekker", email="anouk.dekker@voorbeeld.nl")
    page = requests_page
    page.make_add_dialog = preset_add("anouk.dekker@voorbeeld.nl", "inzage", False)
    rid = page.add_request()
    assert rid is not None
    stored = requests.get_request(session, rid)
    assert stored.contact_id == cid and str(stored.kind) == "inzage"
    assert page.table.rowCount() == 1
    assert "Dekker" in page.table.item(0, 2).text()
    page.select(rid)

    assert page.extend("veel bronnen te doorzoeken")
    assert requests.get_request(session, rid).status is RequestStatus.EXTENDED
    assert not page.extend_action.isEnabled()  # once only

    # Access export: the identity is confirmed first, then the files are written.
    MessageBox.set_next_answer(Button.Yes)
    files = page.access_export(str(tmp_path / "inzage"))
    assert sorted(p.name for p in files) == [f"inzage-{cid}.{e}" for e in ("html", "json", "xlsx")]
    assert all(p.exists() for p in files)

    page.make_close_dialog = _PresetClose
    page.select(rid)
    assert page.close_selected()
    assert requests.get_request(session, rid).status is RequestStatus.DONE
    assert page.table.rowCount() == 0  # closed requests are hidden by default
    page.show_closed.setChecked(True)
    assert page.table.rowCount() == 1


def test_closing_an_unverified_access_request_is_refused(
    requests_page: RequestsPage, ctx: AppContext
) -> None:
    session = ctx.unlocked_session
    rid = requests.add_request(session, "inzage", contact_id=None)
    requests_page.refresh()
    requests_page.select(rid)
    stored = requests_page.selected()
    assert stored is not None
    dialog = CloseRequestDialog(session, stored, requests_page)
    dialog.text.setPlainText("verstuurd")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "identiteit" in dialog.error.text().lower()
    assert requests.get_request(session, rid).status is RequestStatus.OPEN


def test_erasure_request_erases_after_confirmation(
    requests_page: RequestsPage, ctx: AppContext
) -> None:
    session = ctx.unlocked_session
    cid = add_person(session, "Bas", "Willems", email="bas.willems@voorbeeld.nl")
    rid = requests.add_request(session, "verwijdering", contact_id=cid, identity_checked=True)
    requests_page.refresh()
    requests_page.select(rid)
    assert requests_page.erase_button.isEnabled()
    MessageBox.set_next_answer(Button.No)
    assert not requests_page.erase()
    assert session.repo().get(cid) is not None
    MessageBox.set_next_answer(Button.Yes)
    assert requests_page.erase()
    assert "definitief gewist" in MessageBox.history[-1][2]
    assert session.repo().get(cid) is None


def test_retention_anonymises_the_expired_record(qtbot: object, ctx: AppContext) -> None:
    session = ctx.unlocked_session
    old = expired_customer(session, "Kees", "Brouwer")
    active = add_person(session, "Iris", "Maas")
    page = RetentionPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.show()
    assert [c.id for c in page.candidates] == [old]
    assert page.table.item(0, 1).text() == "Kees Brouwer"
    assert not page.anonymise_button.isEnabled()  # nothing selected yet
    page.select_all_button.click()
    assert page.selected_ids() == [old]
    MessageBox.set_next_answer(Button.Yes)
    assert page.act(Action.ANONYMISE) == 1
    assert "1 persoon" in MessageBox.history[-1][2]
    record = session.repo().get(old)
    assert record is not None and record.anonymised and record.name.last is None
    assert session.repo().get(active) is not None
    assert page.table.rowCount() == 0


def test_retention_actions_are_for_a_beheerder_only(
    qtbot: object, staff_session: Session, vault_path: Path
) -> None:
    old = expired_customer(staff_session, "Kees", "Brouwer")
    ctx = AppContext(vault_path)
    ctx.open_session(staff_session)
    try:
        page = RetentionPage(ctx)
        qtbot.addWidget(page)  # type: ignore[attr-defined]
        page.show()
        assert [c.id for c in page.candidates] == [old]  # staff may look
        page.select_all_button.click()
        assert not page.anonymise_button.isEnabled()
        assert "beheerder" in page.anonymise_button.toolTip()
        assert page.act(Action.ANONYMISE) == 0
        assert staff_session.repo().get(old) is not None
    finally:
        ctx.tasks.wait()
