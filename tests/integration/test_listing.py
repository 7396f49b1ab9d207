"""The listing SQL on 2,000 synthetic contacts: order, search, filters, rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from contactkluis.domain.contact import Contact, PersonName
from contactkluis.services import contacts as contact_service
from contactkluis.services import listing, states
from contactkluis.services.accounts import unlock
from contactkluis.services.listing import ContactQuery
from contactkluis.services.session import Session
from contactkluis.vault import state_repo
from contactkluis.vault.listing import fts_query
from tests.support.vaults import ADMIN, ADMIN_PW, built_once, copy_vault
from tests.synthetic_contacts import populate


@pytest.fixture(scope="module")
def filled_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 synthetic contacts, inserted once; every test gets its own copy."""
    return built_once(tmp_path_factory.mktemp("filled"), "listing2000", lambda s: populate(s, 2000))


@pytest.fixture
def filled(filled_vault: Path, vault_path: Path) -> Iterator[Session]:
    copy_vault(filled_vault, vault_path)
    session = unlock(vault_path, ADMIN, ADMIN_PW)
    yield session
    if session.vault.conn is not None:
        session.vault.close()


def _names(session, ids):  # type: ignore[no-untyped-def]
    return [r.sort_name for r in listing.rows(session, ids)]


def test_every_contact_listed_once_in_last_name_order(filled) -> None:  # type: ignore[no-untyped-def]
    ids = listing.find_ids(filled, ContactQuery())
    assert len(ids) == 2000 and len(set(ids)) == 2000
    names = _names(filled, ids)
    assert names == sorted(names)
    desc = listing.find_ids(filled, ContactQuery(descending=True))
    assert _names(filled, desc) == sorted(names, reverse=True)


def test_tussenvoegsel_ignored_and_empty_names_last(session) -> None:  # type: ignore[no-untyped-def]
    for name in [
        PersonName("Piet", None, "van der", "Zee"),
        PersonName("Anna", None, None, "Bakker"),
        PersonName("Kees", None, "de", "Vries"),
        PersonName(),
    ]:
        emails = [] if not name.is_empty() else ["alleen.mail@example.nl"]
        contact_service.create_contact(session, Contact(name=name, emails=emails))
    rows = listing.rows(session, listing.find_ids(session, ContactQuery(sort="name")))
    assert [r.name for r in rows] == ["Anna Bakker", "Kees de Vries", "Piet van der Zee", ""]
    rows = listing.rows(session, listing.find_ids(session, ContactQuery(descending=True)))
    assert [r.name for r in rows] == ["Piet van der Zee", "Kees de Vries", "Anna Bakker", ""]


def test_every_sort_key_lists_everyone_and_follows_the_values(filled) -> None:  # type: ignore[no-untyped-def]
    everyone = sorted(listing.find_ids(filled, ContactQuery()))
    for sort in (
        "email",
        "phone",
        "postcode",
        "city",
        "retention",
        "relations",
        "sources",
        "updated",
        "consent:nieuwsbrief",
    ):
        for descending in (False, True):
            ids = listing.find_ids(filled, ContactQuery(sort=sort, descending=descending))
            assert sorted(ids) == everyone, sort
    rows = listing.rows(filled, listing.find_ids(filled, ContactQuery(sort="city")))
    cities = [r.city for r in rows if r.city]
    assert cities == sorted(cities)
    rows = listing.rows(filled, listing.find_ids(filled, ContactQuery(sort="retention")))
    rank = {"expired": 0, "soon": 1, "ok": 2}
    order = [rank[r.retention_status] for r in rows]
    assert order == sorted(order) and {0, 1, 2} <= set(order)


def test_prefix_search_per_token(filled) -> None:  # type: ignore[no-untyped-def]
    some = listing.rows(filled, listing.find_ids(filled, ContactQuery())[:1])[0]
    first, last = some.name.split()[0], some.name.split()[-1]
    ids = listing.find_ids(filled, ContactQuery(text=f"{first[:3]} {last[:4]}"))
    assert some.id in ids and len(ids) < 2000
    for r in listing.rows(filled, ids):
        words = (
            r.name.lower().split()
            + r.city.lower().split()
            + r.email.replace("@", " ").replace(".", " ").split()
        )
        assert any(w.startswith(first[:3].lower()) for w in words)
    digits = some.phone.replace(" ", "")
    assert some.id in listing.find_ids(filled, ContactQuery(text=digits[:6]))
    assert some.id in listing.find_ids(filled, ContactQuery(text=some.postcode.lower()))
    assert listing.find_ids(filled, ContactQuery(text="qqzzxx")) == []


def test_broad_search_keeps_sort_order(filled) -> None:  # type: ignore[no-untyped-def]
    ids = listing.find_ids(filled, ContactQuery(text="example"))  # every e-mail matches
    assert len(ids) == 2000
    assert ids == listing.find_ids(filled, ContactQuery())


def test_fts_query_quotes_and_joins_digits() -> None:
    assert fts_query('jan "de') == '"jan"* "de"*'
    assert fts_query("j.de-vries@museum.nl") == '"j"* "de"* "vries"* "museum"* "nl"*'
    assert fts_query("06 1234 5678") == '"0612345678"*'
    assert fts_query("+31 6") == '"316"*'
    assert fts_query(" @ - ") is None


def test_typed_punctuation_finds_the_person_and_never_errors(session) -> None:  # type: ignore[no-untyped-def]
    """The index keeps no word positions (schema version 9): an e-mail address, a name with
    an apostrophe or a hyphenated street typed as one word still finds its person, and no
    text typed in the box makes FTS5 raise (it refuses phrases without positions)."""
    cid = contact_service.create_contact(
        session,
        Contact(
            name=PersonName("Jan-Willem", None, "d'", "Ancona"),
            emails=["jw.dancona@museum-voorbeeld.nl"],
        ),
    )
    for text in (
        "jw.dancona@museum",
        "Jan-Willem",
        "d'Ancona",
        "museum-voorbeeld.nl",
        "ancona jan",
    ):
        assert listing.find_ids(session, ContactQuery(text=text)) == [cid], text
    assert listing.find_ids(session, ContactQuery(text="jan-piet")) == []
    for text in ('"', 'a"b', "AND", "OR NOT", "x*", "(a", "^a", "a:b", "NEAR(a b)", "_", "é.ü"):
        listing.find_ids(session, ContactQuery(text=text))  # answers, whatever it finds


def test_filters_match_the_rows(filled) -> None:  # type: ignore[no-untyped-def]
    q = ContactQuery(retention=frozenset({"expired"}))
    rows = listing.rows(filled, listing.find_ids(filled, q))
    assert rows and all(r.retention_status == "expired" for r in rows)

    q = ContactQuery(consent_purpose="nieuwsbrief", consent_flags=frozenset({"withdrawn"}))
    rows = listing.rows(filled, listing.find_ids(filled, q))
    assert rows and all(r.consent("nieuwsbrief").flag == "withdrawn" for r in rows)
    none = ContactQuery(consent_purpose="nieuwsbrief", consent_flags=frozenset({"none"}))
    n_none = len(listing.find_ids(filled, none))
    counts = [
        len(listing.find_ids(filled, replace(q, consent_flags=frozenset({f}))))
        for f in ("given", "reconfirm", "withdrawn")
    ]
    assert sum(counts) + n_none == 2000

    q = ContactQuery(relation_kind="vriend", source_file="nieuwsbrief.csv")
    rows = listing.rows(filled, listing.find_ids(filled, q))
    assert rows and all(
        "vriend" in r.relation_kinds and r.source_files == ("nieuwsbrief.csv",) for r in rows
    )
    combined = replace(q, text="example", retention=frozenset({"ok"}))
    assert set(listing.find_ids(filled, combined)) <= {r.id for r in rows}


def test_special_and_restricted_filters(session) -> None:  # type: ignore[no-untyped-def]
    a = contact_service.create_contact(
        session, Contact(name=PersonName("Ria", None, None, "Smit"), notes="rolstoelgebruiker")
    )
    b = contact_service.create_contact(session, Contact(name=PersonName("Tom", None, None, "Bos")))
    contact_service.set_flag(session, b, "restricted", True)
    assert listing.find_ids(session, ContactQuery(special=True)) == [a]
    assert listing.find_ids(session, ContactQuery(special=False)) == [b]
    assert listing.find_ids(session, ContactQuery(restricted=True)) == [b]


def test_rows_keep_order_and_carry_tooltip_facts(filled) -> None:  # type: ignore[no-untyped-def]
    ids = listing.find_ids(filled, ContactQuery(sort="city"))[:120]
    rows = listing.rows(filled, list(reversed(ids)))
    assert [r.id for r in rows] == list(reversed(ids))
    given = [r for r in rows if r.consent("nieuwsbrief").flag == "given"]
    assert given and all(
        r.consent("nieuwsbrief").since and r.consent("nieuwsbrief").source for r in given
    )
    state = state_repo.state(filled.conn, rows[0].id)
    assert json.dumps(state)  # the cached state is plain data
    # The retention tooltip's reasons, derived for the one hovered contact.
    contact = filled.repo().get(rows[0].id)
    fresh = states.reasons(filled, [contact])[rows[0].id]
    assert fresh and listing.retention_reasons(filled, rows[0].id) == tuple(r["nl"] for r in fresh)


def test_filter_values_and_emails(filled) -> None:  # type: ignore[no-untyped-def]
    values = listing.filter_values(filled)
    assert set(values.source_files) == {
        "ledenlijst_2019.xlsx",
        "nieuwsbrief.csv",
        "kassa_export.xls",
    }
    assert "nieuwsbrief" in dict(values.purposes)
    ids = listing.find_ids(filled, ContactQuery())[:3]
    assert listing.emails_of(filled, ids) == [r.email for r in listing.rows(filled, ids)]


def _contact(first: str, last: str, emails: list[str], phones: list[str] = []) -> Contact:  # noqa: B006
    return Contact(name=PersonName(first, None, None, last), emails=emails, phones=list(phones))


def test_sort_by_email_and_phone_follows_the_shown_value_and_edits(session) -> None:  # type: ignore[no-untyped-def]
    ids = {
        "anna": contact_service.create_contact(
            session,
            _contact("Anna", "Bakker", ["Zus@example.nl", "aap@example.nl"], ["+31611111111"]),
        ),
        "kees": contact_service.create_contact(
            session, _contact("Kees", "Vries", ["mies@example.nl"], ["+31622222222"])
        ),
        "piet": contact_service.create_contact(session, _contact("Piet", "Zee", [])),
    }
    by_email = listing.find_ids(session, ContactQuery(sort="email"))
    # the first address is the one shown, case does not matter, no address comes last
    assert by_email == [ids["kees"], ids["anna"], ids["piet"]]
    assert listing.find_ids(session, ContactQuery(sort="email", descending=True)) == [
        ids["anna"], ids["kees"], ids["piet"]]  # fmt: skip
    assert listing.find_ids(session, ContactQuery(sort="phone")) == [
        ids["anna"], ids["kees"], ids["piet"]]  # fmt: skip

    kees = contact_service.get_contact(session, ids["kees"])
    kees.emails = ["zzz@example.nl"]
    kees.phones = []
    contact_service.update_contact(session, kees)
    piet = contact_service.get_contact(session, ids["piet"])
    piet.emails = ["bob@example.nl"]
    piet.phones = ["+31600000000"]
    contact_service.update_contact(session, piet)
    assert listing.find_ids(session, ContactQuery(sort="email")) == [
        ids["piet"], ids["anna"], ids["kees"]]  # fmt: skip
    assert listing.find_ids(session, ContactQuery(sort="phone")) == [
        ids["piet"], ids["anna"], ids["kees"]]  # fmt: skip
    shown = {r.id: r.email for r in listing.rows(session, list(ids.values()))}
    assert shown[ids["anna"]] == "Zus@example.nl" and shown[ids["kees"]] == "zzz@example.nl"


def test_sort_by_consent_puts_flags_in_order_then_names(filled) -> None:  # type: ignore[no-untyped-def]
    ids = listing.find_ids(filled, ContactQuery(sort="consent:nieuwsbrief"))
    rows = listing.rows(filled, ids)
    rank = {"given": 0, "reconfirm": 1, "withdrawn": 2, "none": 3}
    keys = [(rank[r.consent("nieuwsbrief").flag], r.sort_name == "", r.sort_name) for r in rows]
    assert keys == sorted(keys) and {k[0] for k in keys} == {0, 1, 2, 3}
    desc = listing.find_ids(filled, ContactQuery(sort="consent:nieuwsbrief", descending=True))
    first = listing.rows(filled, desc[:1])[0]
    assert len(desc) == 2000 and first.consent("nieuwsbrief").flag == "none"


def test_consent_flags_follow_a_recorded_withdrawal(filled) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from contactkluis.domain.contact import ConsentStatus

    q = ContactQuery(consent_purpose="nieuwsbrief", consent_flags=frozenset({"withdrawn"}))
    before = listing.find_ids(filled, q)
    given = listing.find_ids(filled, replace(q, consent_flags=frozenset({"given"})))
    contact_service.record_consent(
        filled, given[0], "nieuwsbrief", ConsentStatus.WITHDRAWN, date.today(), "afmeldlink"
    )
    assert given[0] in listing.find_ids(filled, q) and len(listing.find_ids(filled, q)) == (
        len(before) + 1
    )
    assert given[0] not in listing.find_ids(filled, replace(q, consent_flags=frozenset({"given"})))


def test_lister_sees_new_contacts_and_answers_like_the_service(filled) -> None:  # type: ignore[no-untyped-def]
    lister = listing.ContactLister(filled)
    try:
        for query in (
            ContactQuery(),
            ContactQuery(text="example"),
            ContactQuery(text="example", retention=frozenset({"ok"}), sort="city"),
            ContactQuery(sort="consent:uitnodigingen", descending=True),
        ):
            assert lister.find_ids(query).tolist() == listing.find_ids(filled, query)
        assert lister.total() == 2000
        new = contact_service.create_contact(
            filled, _contact("Aaltje", "Aaldering", ["aaltje@example.nl"])
        )
        # the cached order is keyed on the database's data version: a write shows at once
        after = lister.find_ids(ContactQuery())
        assert new in after and after.tolist() == listing.find_ids(filled, ContactQuery())
        assert new in lister.find_ids(ContactQuery(text="example"))
        assert lister.total() == 2001
    finally:
        lister.close()
