"""Forget forgets everything: no free text about the person in the register of requests and
no trace of their rows or record in the import history (issue 13.7)."""

from __future__ import annotations

import json
from pathlib import Path

from contactkluis.services import erasure, requests
from contactkluis.services.importing import import_files
from contactkluis.services.session import Session
from tests.support.people import add_person


def _reports(session: Session) -> str:
    rows = session.conn.execute("SELECT report_json FROM import_batches").fetchall()
    return "\n".join(str(r[0]) for r in rows)


def test_forget_removes_the_person_from_the_import_history(
    session: Session, tmp_path: Path
) -> None:
    sheet = tmp_path / "leden.csv"
    sheet.write_text(
        "Naam;E-mail;Telefoon;Postcode\n"
        "Anke Verbruggen;anke@voorbeeld.nl;12;1011 AB\n"
        "Jan de Vries;jan@voorbeeld.nl;0612345678;1234 AB\n"
        "Jan de Vries;j.devries@voorbeeld.nl;0687654321;5678 CD\n"
        "Piet Puk;piet@voorbeeld.nl;0611111111;9999 ZZ\n",
        "utf-8",
    )
    import_files(session, [sheet])
    before = json.loads(_reports(session))
    anke_rows = [r for r in before["warnings"] if r["row"] == 2]
    assert anke_rows and before["near_duplicates"], before  # the report did name them
    assert 2 in before["files"][0]["sheets"][0]["rows"]["created"]
    repo = session.repo()
    ids = {c.name.display(): c.id for c in repo.get_many(repo.all_ids())}
    jan = next(cid for name, cid in ids.items() if name.startswith("Jan"))
    erasure.erase(session, [ids["Anke Verbruggen"], jan])
    after = json.loads(_reports(session))
    assert not [r for r in after["warnings"] if r["row"] == 2]
    assert 2 not in after["files"][0]["sheets"][0]["rows"]["created"]  # nor its row number
    assert after["near_duplicates"] == []
    assert f"contact:{jan}" not in _reports(session)
    assert after["created"] == before["created"]  # the counts stay


def test_forget_clears_the_request_texts_but_keeps_the_request(session: Session) -> None:
    cid = add_person(session, "Anke", "Verbruggen", email="anke@voorbeeld.nl")
    rid = requests.add_request(
        session, "verwijdering", contact_id=cid, note="Anke Verbruggen belde, 06-12345678"
    )
    requests.extend_request(session, rid, "Anke Verbruggen vroeg om uitstel")
    erasure.erase(session, [cid], request_id=rid)
    kept = requests.get_request(session, rid)
    assert "Verbruggen" not in kept.note + kept.request.extension_reason
    assert str(kept.request.kind) and kept.request.received and kept.request.deadline
    assert kept.contact_id is None
    outcome = "Anke Verbruggen gebeld: alles gewist"
    requests.close_request(session, rid, outcome=outcome, identity_checked=True)
    closed = requests.get_request(session, rid)
    assert "Verbruggen" not in closed.note and str(closed.status) == str(closed.request.status)
    assert closed.request.closed_on is not None
