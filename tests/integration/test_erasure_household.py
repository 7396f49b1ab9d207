"""Erasing one person of a household that shares an e-mail address (issue 11 + art. 17):
the housemate keeps being imported, updated and mailed; the erased one never comes back.
Real encrypted vault, real CSV files as a sign-up sheet looks, the import as a user runs it."""

from __future__ import annotations

from pathlib import Path

from contactkluis.domain.contact import Contact, PersonName
from contactkluis.services import contacts, erasure, mailing
from contactkluis.services.importing import import_files
from contactkluis.services.session import Session

SHARED = "fam.hoekstra@voorbeeld.nl"
HEADER = "Voornaam;Achternaam;E-mail;Telefoon;Aangemeld op\n"


def _signups(folder: Path, marije_phone: str) -> Path:
    path = folder / "nieuwsbrief_aanmeldingen.csv"
    path.write_text(
        HEADER
        + f"Sjoerd;Hoekstra;{SHARED};06-11112222;03-02-2022\n"
        + f"Marije;Hoekstra;{SHARED};{marije_phone};05-02-2022\n"
        + "Tineke;Bosma;t.bosma@voorbeeld.nl;;07-02-2022\n",
        encoding="utf-8",
    )
    return path


def _on_shared(session: Session) -> list[Contact]:
    repo = session.repo()
    found = [repo.get(cid) for cid in repo.ids_by_email(SHARED)]
    return [c for c in found if c is not None]


def test_forgetting_one_of_a_household_keeps_the_other(session: Session, tmp_path: Path) -> None:
    first = import_files(session, [_signups(tmp_path, "06-33334444")])
    assert first.created == 3
    both = {c.name.first: c for c in _on_shared(session)}
    assert set(both) == {"Sjoerd", "Marije"}

    erasure.erase(session, [both["Sjoerd"].id or 0])

    # The list comes in again, Marije with a new number: she is updated, he is not back.
    again = import_files(session, [_signups(tmp_path, "06-55556666")])
    assert again.created == 0 and again.suppressed == 1
    [suppressed] = again.suppressed_rows
    assert suppressed.row == 2  # Sjoerd's row, by place only
    [marije] = _on_shared(session)
    assert marije.name.first == "Marije" and marije.id == both["Marije"].id
    assert "+31655556666" in marije.phones
    assert (
        session.conn.execute(
            "SELECT count(*) FROM contacts WHERE first_name = 'Sjoerd'"
        ).fetchone()[0]
        == 0
    )
    # She still gets the newsletter she signed up for; the shared mailbox is not blocked.
    result = mailing.mailing_list(session, "nieuwsbrief", allow_reconfirm=True)
    addresses = [r.email for r in result.rows]
    assert SHARED in addresses

    # Typed in again by hand, the erased person is recognised; the housemate is not.
    sjoerd = contacts.create_contact(
        session, Contact(name=PersonName(None, "S.", None, "Hoekstra"), emails=[SHARED])
    )
    assert session.repo().get(sjoerd).objects_marketing  # type: ignore[union-attr]


def test_a_different_surname_on_the_address_is_someone_else(
    session: Session, tmp_path: Path
) -> None:
    import_files(session, [_signups(tmp_path, "06-33334444")])
    [sjoerd] = [c for c in _on_shared(session) if c.name.first == "Sjoerd"]
    erasure.erase(session, [sjoerd.id or 0])
    lodger = contacts.create_contact(
        session, Contact(name=PersonName("Sjoerd", None, None, "Visser"), emails=[SHARED])
    )
    assert not session.repo().get(lodger).objects_marketing  # type: ignore[union-attr]
    nameless = contacts.create_contact(session, Contact(emails=[SHARED]))
    # Nobody can tell whose a nameless entry on the erased address is: erasure wins.
    assert session.repo().get(nameless).objects_marketing  # type: ignore[union-attr]
