"""An unsubscribe without a name on an address a household shares (issue 11): it withdraws
for nobody silently. The pair is on the review list as "afmelding voor gedeeld adres: wie?"
and, until someone decides, nobody on that address is mailed for that purpose."""

from __future__ import annotations

from pathlib import Path

from contactkluis.services import contacts, mailing
from contactkluis.services.importing import import_files
from contactkluis.services.review import review_pairs
from contactkluis.services.session import Session

SHARED = "fam.dijkstra@voorbeeld.nl"


def _signups(folder: Path) -> Path:
    path = folder / "nieuwsbrief_aanmeldingen.csv"
    path.write_text(
        "Voornaam;Achternaam;E-mail;Aangemeld op\n"
        f"Hanneke;Dijkstra;{SHARED};03-02-2022\n"
        f"Wouter;Dijkstra;{SHARED};05-02-2022\n"
        "Tineke;Bosma;t.bosma@voorbeeld.nl;07-02-2022\n",
        encoding="utf-8",
    )
    return path


def _unsubscribes(folder: Path) -> Path:
    path = folder / "afmeldingen_nieuwsbrief.csv"
    path.write_text(f"E-mail;Afgemeld op\n{SHARED};01-03-2023\n", encoding="utf-8")
    return path


def _mailed(session: Session) -> tuple[list[str], mailing.MailingResult]:
    result = mailing.mailing_list(session, "nieuwsbrief", allow_reconfirm=True)
    return [r.email for r in result.rows], result


def test_a_nameless_unsubscribe_on_a_shared_address_stops_mail_until_decided(
    session: Session, tmp_path: Path
) -> None:
    import_files(session, [_signups(tmp_path)])
    assert SHARED in _mailed(session)[0]

    import_files(session, [_unsubscribes(tmp_path)])

    # Withdrawn for neither of them: the row does not say whose it is.
    people = [session.repo().get(cid) for cid in session.repo().ids_by_email(SHARED)]
    named = [c for c in people if c is not None and not c.name.is_empty()]
    assert len(named) == 2
    assert all(all(e.status != "withdrawn" for e in c.consents) for c in named)
    # On the review list with the question, by name.
    [pair] = [p for p in review_pairs(session) if p.reason == "shared_email_withdrawal"]
    assert "afmelding voor gedeeld adres: wie?" in pair.reason_text
    assert "Dijkstra" in pair.name_a + pair.name_b
    # Until then nobody on that address is mailed for the newsletter; others still are.
    addresses, result = _mailed(session)
    assert SHARED not in addresses and "t.bosma@voorbeeld.nl" in addresses
    assert result.reasons[mailing.SHARED_WITHDRAWAL] == 2
    assert "gedeeld" in mailing.reason_text(mailing.SHARED_WITHDRAWAL)

    # Someone decides: the unsubscribe was Wouter's. Merged into him, Hanneke is mailed again.
    nameless = next(c for c in people if c is not None and c.name.is_empty())
    wouter = next(c for c in named if c.name.first == "Wouter")
    contacts.merge_contacts(session, wouter.id or 0, nameless.id or 0, contacts.MergeChoice())
    addresses, result = _mailed(session)
    assert addresses.count(SHARED) == 1 and result.reasons[mailing.SHARED_WITHDRAWAL] == 0
    merged = session.repo().get(wouter.id or 0)
    assert merged is not None and any(e.status == "withdrawn" for e in merged.consents)
