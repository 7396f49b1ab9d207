"""Detail panel and dialogs on a real vault: edit with validation, consent record and
withdraw, relations, merge, new contact, special-category warning, restricted records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from contactkluis.domain.contact import ConsentStatus, Contact, PersonName
from contactkluis.services import contacts as contact_service
from contactkluis.ui.contacts.page import ContactsPage
from contactkluis.vault import state_repo


@pytest.fixture
def people(ctx) -> list[int]:  # type: ignore[no-untyped-def]
    s = ctx.session
    return [
        contact_service.create_contact(s, Contact(
            name=PersonName("Anna", None, None, "Bakker"), emails=["anna.bakker@example.nl"],
            phones=["+31612345678"])),
        contact_service.create_contact(s, Contact(
            name=PersonName("A.", None, None, "Bakker"), emails=["a.bakker@example.nl"],
            notes="oude notitie")),
        contact_service.create_contact(s, Contact(
            name=PersonName("Kees", None, "de", "Vries"), emails=["kees@example.nl"])),
    ]  # fmt: skip


@pytest.fixture
def page(qtbot, ctx, people, tmp_path) -> Iterator[ContactsPage]:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    p = ContactsPage(ctx, settings=settings)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    yield p


def _flag(page, contact_id: int, purpose: str) -> str:  # type: ignore[no-untyped-def]
    from contactkluis.ui.contacts.model import FlagRole

    m = page.model
    return m.data(m.index(m.row_of(contact_id), m.column_of_purpose(purpose)), FlagRole)


def test_edit_blocks_invalid_postcode_then_saves_and_audits(qtbot, page, ctx, people) -> None:  # type: ignore[no-untyped-def]
    page.select_ids([people[0]])
    page.edit_button.click()
    dialog = page.dialog
    dialog.postcode.edit.clear()
    qtbot.keyClicks(dialog.postcode.edit, "12345")
    assert not dialog.save_button.isEnabled()
    assert dialog.postcode.error.isVisible() and "postcode" in dialog.postcode.error.text()
    assert "c62828" in dialog.postcode.edit.styleSheet()
    dialog.postcode.edit.clear()
    qtbot.keyClicks(dialog.postcode.edit, "1234ab")
    assert dialog.save_button.isEnabled() and not dialog.postcode.error.isVisible()
    dialog.save_button.click()
    assert not dialog.isVisible()
    saved = contact_service.get_contact(ctx.session, people[0])
    assert saved.address.postcode == "1234 AB"
    assert page.detail.contact.id == people[0]
    actions = [
        page.detail.audit.topLevelItem(i).text(2)
        for i in range(page.detail.audit.topLevelItemCount())
    ]
    assert actions[0] == "Gewijzigd"  # the history reads as words, not "contact.edit"


def test_email_and_phone_validation(qtbot, page, people) -> None:  # type: ignore[no-untyped-def]
    page.edit_contact(people[0])
    d = page.dialog
    d.emails.edit.setText("anna.bakker@example.nl, geen-adres")
    assert not d.save_button.isEnabled() and "geen-adres" in d.emails.error.text()
    d.emails.edit.setText("anna.bakker@example.nl")
    d.phones.edit.setText("12")
    assert not d.save_button.isEnabled() and d.phones.error.isVisible()
    d.phones.edit.setText("06-12345678")
    assert d.save_button.isEnabled()


def test_new_contact_and_special_category_warning(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.new_contact()
    d = page.dialog
    assert not d.save_button.isEnabled()  # neither name nor e-mail yet
    qtbot.keyClicks(d.first, "Ria")
    qtbot.keyClicks(d.last, "Smit")
    d.notes.setPlainText("rolstoelgebruiker, komt met begeleider")
    assert d.special_warning.isVisible() and "Gezondheid" in d.special_warning.text()
    d.save_button.click()
    new_id = d.saved_id
    assert new_id is not None and page.model.rowCount() == 4
    assert page.selected_ids() == [new_id]
    assert page.detail.special_banner.isVisible()
    assert "bijzondere persoonsgegevens" in page.detail.special_banner.text()


def test_consent_record_and_withdraw_update_the_flag(qtbot, page, ctx, people) -> None:  # type: ignore[no-untyped-def]
    page.select_ids([people[2]])
    assert _flag(page, people[2], "nieuwsbrief") == "none"
    page.detail.give_button.click()
    d = page.detail.dialog
    d.purpose.setCurrentIndex(d.purpose.findData("nieuwsbrief"))
    assert not d.ok_button.isEnabled()  # no source or evidence yet
    qtbot.keyClicks(d.source, "aanmeldformulier balie")
    d.ok_button.click()
    assert _flag(page, people[2], "nieuwsbrief") == "given"
    top = page.detail.consents.topLevelItem(0)
    assert "toestemming gegeven" in top.text(1) and top.childCount() == 1
    page.detail.consents.setCurrentItem(top)
    page.detail.withdraw_button.click()
    d = page.detail.dialog
    assert d.purpose.currentData() == "nieuwsbrief" and d.ok_button.isEnabled()
    d.ok_button.click()
    assert _flag(page, people[2], "nieuwsbrief") == "withdrawn"
    top = page.detail.consents.topLevelItem(0)
    assert "ingetrokken" in top.text(1) and top.childCount() == 2
    state = state_repo.state(ctx.session.conn, people[2])
    assert state["consents"]["nieuwsbrief"] == "withdrawn"


def test_add_relation_shows_in_list(qtbot, page, people) -> None:  # type: ignore[no-untyped-def]
    page.select_ids([people[1]])
    page.detail.add_relation_button.click()
    d = page.detail.dialog
    d.kind.setCurrentIndex(d.kind.findData("vriend"))
    d.source.setText("ledenadministratie")
    d.save()
    assert page.detail.relations.topLevelItemCount() == 1
    assert page.detail.relations.topLevelItem(0).text(0) == "vriend"
    assert page.detail.retention_text.text().startswith("OK")


def test_merge_two_selected_contacts_field_by_field(qtbot, page, ctx, people) -> None:  # type: ignore[no-untyped-def]
    page.select_ids(people[:2])
    assert page.merge_button.isEnabled()
    page.merge_button.click()
    d = page.dialog
    keep, other = d.keep_id, d.other_id
    assert {keep, other} == set(people[:2])
    # Anna's name and the note of 'A. Bakker', whichever side each is on
    d.choose("name", 0 if keep == people[0] else 1)
    d.choose("notes", 0 if keep == people[1] else 1)
    d.merge()
    assert not d.isVisible()
    assert page.model.rowCount() == 2
    merged = contact_service.get_contact(ctx.session, keep)
    assert merged.name.first == "Anna" and merged.notes == "oude notitie"
    assert set(merged.emails) == {"anna.bakker@example.nl", "a.bakker@example.nl"}
    assert page.selected_ids() == [keep]
    assert page.detail.audit.topLevelItem(0).text(2) == "Samengevoegd"


def test_restricted_contact_is_frozen(qtbot, page, ctx, people) -> None:  # type: ignore[no-untyped-def]
    contact_service.set_flag(ctx.session, people[2], "restricted", True)
    ctx.data_changed.emit()
    page.select_ids([people[2]])
    detail = page.detail
    assert detail.restricted_banner.isVisible()
    assert (
        "alleen-lezen" in detail.restricted_banner.text()
        and "beheer" in detail.restricted_banner.text()
    )
    assert not detail.give_button.isEnabled() and not detail.add_relation_button.isEnabled()
    page.edit_contact()
    d = page.dialog
    assert d.banner.isVisible() and d.first.isReadOnly() and not d.save_button.isEnabled()


def test_retention_actions_for_beheerder_on_expired(qtbot, page, ctx, people) -> None:  # type: ignore[no-untyped-def]
    # No relation, no consent: nothing justifies keeping these people, so they are expired.
    page.select_ids([people[1]])
    detail = page.detail
    assert detail.retention_text.text().startswith("Verlopen")
    assert "niets rechtvaardigt bewaren" in detail.retention_text.text()
    assert detail.anonymise_button.isVisible() and detail.delete_button.isVisible()
    assert detail.anonymise_button.isEnabled()
    detail.confirm = lambda _text: True
    detail.anonymise_button.click()
    assert contact_service.get_contact(ctx.session, people[1]).anonymised
    assert (
        ctx.session.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'retention.anonymise'"
        ).fetchone()[0]
        == 1
    )


def test_consent_date_defaults_to_today(page, people) -> None:  # type: ignore[no-untyped-def]
    page.select_ids([people[0]])
    page.detail.give_button.click()
    d = page.detail.dialog
    assert d.status is ConsentStatus.GIVEN
    q = d.on.date()
    assert date(q.year(), q.month(), q.day()) == page.ctx.session.today()


def test_organisation_line_and_deceased_banner(qtbot, page, ctx, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    s = ctx.session
    dead = contact_service.create_contact(s, Contact(
        name=PersonName("Gerrit", None, None, "Hoogland"), emails=["g.hoogland@example.nl"],
        organisation="KBO Zuid", deceased=True))  # fmt: skip
    ctx.data_changed.emit()
    page.select_ids([dead])
    detail = page.detail
    assert detail.deceased_banner.isVisible()
    assert detail.deceased_banner.text().startswith("Overleden — wordt nooit gemaild")
    assert detail.fields["f.organisation"].text() == "KBO Zuid"
    page.grab().save(str(tmp_path / "detail.png"))
    page.select_ids([people[0]])  # a living person without an organisation
    assert not detail.deceased_banner.isVisible()
    assert detail.fields["f.organisation"].text() == ""
