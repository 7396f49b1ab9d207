"""Issue 17 (size): schema version 12 keeps a contact's e-mails, phones, consent events,
relations and source rows together, keyed (contact, seq); the moment a consent was recorded
as an integer; the special-category and restricted indexes only where the flag is set.

A version 11 vault is upgraded in place and holds the same: every person's access report
(consent evidence with its "recorded on" text, relations, sources, in their order), the
e-mail and phone shown first, and the flag filters. After the upgrade a merge keeps both
histories in order, and an erasure still leaves no trace on any decrypted page."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from contactkluis.domain.contact import ConsentStatus, Relation, RelationKind
from contactkluis.services import access, contacts, erasure, listing
from contactkluis.services.contacts import MergeChoice
from contactkluis.services.listing import ContactQuery
from contactkluis.services.session import Session
from contactkluis.vault import schema
from tests.support.people import add_person, give
from tests.support.sqlcipher_pages import all_pages, pages_containing
from tests.support.vaults import schema_at, unlocked, vault_at

GONE_FIRST, GONE_LAST = "Quirijntje", "Zwartkruisberg"
CHILD_TABLES = ("emails", "phones", "consent_events", "relations", "provenance")
FILTERS = {
    "special": ContactQuery(special=True),
    "not special": ContactQuery(special=False),
    "restricted": ContactQuery(restricted=True),
    "not restricted": ContactQuery(restricted=False),
    "donor": ContactQuery(relation_kind="donateur"),
    "from the member list": ContactQuery(source_file="ledenlijst_2019.xlsx"),
    "special, newsletter none": ContactQuery(
        special=True, consent_purpose="nieuwsbrief", consent_flags=frozenset({"none"})
    ),
}


def _people(session: Session) -> list[int]:
    """Twelve people with two addresses and phones each (in a known order), consents given
    and withdrawn with evidence, half with a second relation; some special, some
    restricted."""
    ids = []
    for n in range(12):
        cid = add_person(
            session, f"Voornaam{n}", f"Achternaam{n}", phone=f"+3161234{n:04d}",
            email=f"b{n}@voorbeeld.nl",
        )  # fmt: skip
        person = contacts.get_contact(session, cid)
        person.emails.append(f"a{n}@voorbeeld.nl")  # second, though first in the alphabet
        person.phones.append(f"+3162000{n:04d}")
        person.special_category = n % 4 == 0
        contacts.update_contact(session, person)
        give(session, cid, on=date(2022, 1, 1 + n))
        if n % 3 == 0:
            contacts.record_consent(
                session, cid, "nieuwsbrief", ConsentStatus.WITHDRAWN, date(2024, 2, 1),
                "afmeldlink", f"mail-{n}",
            )  # fmt: skip
        if n % 2 == 0:
            contacts.add_relation(
                session, cid, Relation(RelationKind.DONATEUR, start=date(2021, 6, 1 + n))
            )
        ids.append(cid)
    for cid in ids[1::5]:
        erasure.restrict(session, cid)
    return ids


def _held(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    """What an access request shows of each person, without the audit trail and the date
    the report was made (the upgrade itself is audited)."""
    out = {}
    for cid in ids:
        report = access.access_report(session, cid)
        out[cid] = {k: v for k, v in report.items() if k not in ("audit", "made_on")}
    return out


def _filtered(session: Session) -> dict[str, list[int]]:
    return {name: sorted(listing.find_ids(session, q)) for name, q in FILTERS.items()}


def _shown(session: Session, ids: list[int]) -> list[tuple[str, str]]:
    return [(r.email, r.phone) for r in listing.rows(session, ids)]


@pytest.fixture
def v11_vault(tmp_path: Path) -> tuple[Path, list[int], dict[str, Any]]:
    """A vault at schema version 11 with _people(), and what it showed before the upgrade."""
    path = tmp_path / "kluis.ckdb"
    with vault_at(path, 11) as session:
        ids = _people(session)
        assert session.vault.meta("schema_version") == "11"
        before = {
            "held": _held(session, ids),
            "filtered": _filtered(session),
            "shown": _shown(session, ids),
            "values": listing.filter_values(session),
        }
    return path, ids, before


def test_a_v11_vault_is_upgraded_in_place_and_holds_the_same(
    v11_vault: tuple[Path, list[int], dict[str, Any]],
) -> None:
    path, ids, before = v11_vault
    with unlocked(path) as session:
        assert session.vault.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert _held(session, ids) == before["held"]
        assert _filtered(session) == before["filtered"]
        assert _shown(session, ids) == before["shown"]
        # what the fixture made is really there to compare: ordered history and flags
        first = before["held"][ids[0]]
        assert [c["status"] for c in first["consents"]] == ["given", "withdrawn"]
        assert first["consents"][1]["recorded_at"].endswith("+00:00")
        assert first["person"]["emails"] == ["b0@voorbeeld.nl", "a0@voorbeeld.nl"]
        assert before["shown"][0] == ("b0@voorbeeld.nl", "06-12340000")
        assert before["filtered"]["special"] == ids[::4]
        assert before["filtered"]["restricted"] == ids[1::5]
        assert before["filtered"]["donor"] == ids[::2]
        assert before["filtered"]["from the member list"] == ids
        assert before["values"].source_files == ["ledenlijst_2019.xlsx"]
        # the moments are integers now, keyed rows have no separate index by contact
        types = session.conn.execute(
            "SELECT DISTINCT typeof(recorded_at) FROM consent_events"
        ).fetchall()
        assert types == [("integer",)]
        indexes = {
            str(r[0])
            for r in session.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
        by_contact = {"emails_contact", "phones_contact", "consent_contact"}
        assert not (by_contact | {"relations_contact", "provenance_contact"}) & indexes
        assert listing.filter_values(session) == before["values"]


def test_after_the_upgrade_a_merge_keeps_both_histories_in_order(
    v11_vault: tuple[Path, list[int], dict[str, Any]],
) -> None:
    path, ids, before = v11_vault
    with unlocked(path) as session:
        keep, other = ids[2], ids[3]
        contacts.merge_contacts(session, keep, other, MergeChoice())
        merged = access.access_report(session, keep)
        held = before["held"]
        assert merged["consents"] == sorted(
            held[keep]["consents"] + held[other]["consents"],
            key=lambda c: (c["purpose"], c["on_date"]),
        )
        assert merged["relations"] == held[keep]["relations"] + held[other]["relations"]
        assert merged["provenance"] == held[keep]["provenance"] + held[other]["provenance"]
        assert merged["person"]["emails"] == (
            held[keep]["person"]["emails"] + held[other]["person"]["emails"]
        )
        # a consent recorded after the merge goes after the moved ones
        give(session, keep, purpose="uitnodigingen", on=date(2025, 5, 5))
        again = access.access_report(session, keep)["consents"]
        assert [c["purpose"] for c in again].count("uitnodigingen") == 1


def test_after_the_upgrade_an_erased_person_leaves_every_page(
    v11_vault: tuple[Path, list[int], dict[str, Any]],
) -> None:
    path, _ids, _before = v11_vault
    with unlocked(path) as session:
        gone = add_person(
            session, GONE_FIRST, GONE_LAST, email="quirijntje@zwartkruisberg.nl",
            phone="+31698765432",
        )  # fmt: skip
        give(session, gone, evidence="formulier-zwartkruisberg")
        key = session.vault.data_key_for_tests()
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        texts = (b"Zwartkruisberg", b"zwartkruisberg.nl", b"formulier-zwartkruisberg")
        assert all(pages_containing(all_pages(path, key), t) for t in texts)
        erasure.erase(session, [gone])
        pages = all_pages(path, key)
        assert [t for t in texts if pages_containing(pages, t)] == []
        for table in CHILD_TABLES:
            sql = f"SELECT count(*) FROM {table} WHERE contact_id = ?"
            assert session.conn.execute(sql, (gone,)).fetchone() == (0,)


def test_a_new_vault_stores_consent_moments_as_seconds_and_shows_them_as_written(
    session: Session,
) -> None:
    cid = add_person(session, "Anna", "Tijd")
    give(session, cid)
    stored, shown = session.conn.execute(
        "SELECT recorded_at, strftime('%Y-%m-%dT%H:%M:%S+00:00', recorded_at, 'unixepoch')"
        " FROM consent_events WHERE contact_id = ?",
        (cid,),
    ).fetchone()
    assert isinstance(stored, int)
    report = access.access_report(session, cid)
    assert [c["recorded_at"] for c in report["consents"]] == [shown]


def test_a_recorded_moment_the_upgrade_cannot_read_is_kept_as_written(
    v11_vault: tuple[Path, list[int], dict[str, Any]],
) -> None:
    path, ids, _before = v11_vault
    odd = "ergens in maart 2019 (papieren lijst)"
    with schema_at(11), unlocked(path) as old, old.write() as conn:
        conn.execute(
            "UPDATE consent_events SET recorded_at = ? WHERE contact_id = ?", (odd, ids[5])
        )
    with unlocked(path) as session:
        shown = [c["recorded_at"] for c in access.access_report(session, ids[5])["consents"]]
        assert shown == [odd]
        others = access.access_report(session, ids[6])["consents"]
        assert others and {c["recorded_at"][-6:] for c in others} == {"+00:00"}
