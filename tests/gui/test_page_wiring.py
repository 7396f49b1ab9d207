"""Pages reach each other through the window: a number on the privacy overview opens the
filtered contact list, a near-duplicate pair opens both contacts."""

from __future__ import annotations

from datetime import date

from contactkluis.domain.contact import Contact, PersonName, Relation, RelationKind
from contactkluis.services import contacts


def _people(session) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    gone = contacts.create_contact(
        session,
        Contact(
            name=PersonName("Wilma", "W.", None, "Oudegeest"),
            relations=[Relation(RelationKind.VRIEND, date(2010, 1, 1), date(2015, 1, 1))],
        ),
    )
    kept = contacts.create_contact(
        session,
        Contact(
            name=PersonName("Teun", "T.", None, "Nieuwland"),
            relations=[Relation(RelationKind.VRIEND, date(2020, 1, 1))],
        ),
    )
    return gone, kept


def test_overview_number_opens_the_filtered_contact_list(qtbot, ctx, window) -> None:  # type: ignore[no-untyped-def]
    gone, kept = _people(ctx.session)
    contacts_page = window.page("contacts")
    contacts_page.apply_query()
    qtbot.waitUntil(lambda: contacts_page.model.rowCount() == 2)
    window.show_page("privacy")
    window.page("privacy").show_contacts.emit({"retention": "expired"})
    assert window.current_page_key() == "contacts"
    qtbot.waitUntil(lambda: contacts_page.model.rowCount() == 1)
    assert contacts_page.model.query.retention == frozenset({"expired"})
    assert contacts_page.model.row_of(gone) == 0 and contacts_page.model.row_of(kept) is None


def test_near_duplicate_pair_opens_both_contacts_selected(qtbot, ctx, window) -> None:  # type: ignore[no-untyped-def]
    gone, kept = _people(ctx.session)
    contacts_page = window.page("contacts")
    contacts_page.show_filtered({"retention": "expired"})
    qtbot.waitUntil(lambda: contacts_page.model.rowCount() == 1)
    window.page("import").open_contacts.emit([gone, kept])
    assert window.current_page_key() == "contacts"
    qtbot.waitUntil(lambda: sorted(contacts_page.selected_ids()) == sorted([gone, kept]))
