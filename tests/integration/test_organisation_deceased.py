"""Organisation and deceased, as an import sets them (issue 11), reach the access export
(JSON, xlsx, letter) and the full export: a person asking what is held sees them too."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from contactkluis.services import access
from contactkluis.services.export import export_all
from contactkluis.services.importing import import_files
from contactkluis.services.session import Session
from tests.fixtures_lists import write_members_with_status, write_tours_2018


def test_organisation_and_deceased_are_in_the_access_and_full_exports(
    session: Session, tmp_path: Path
) -> None:
    tours, tour_truth = write_tours_2018(tmp_path)
    members, member_truth = write_members_with_status(tmp_path)
    import_files(session, [tours, members])
    guide = tour_truth.emails[0]
    [guide_id] = access.find_person(session, guide)
    [dead_id] = access.find_person(session, member_truth.deceased[0])

    out = tmp_path / "inzage"
    access.export_access(session, [guide_id, dead_id], out)
    guide_json = json.loads((out / f"inzage-{guide_id}.json").read_text("utf-8"))["person"]
    dead_json = json.loads((out / f"inzage-{dead_id}.json").read_text("utf-8"))["person"]
    assert guide_json["organisation"] == tour_truth.organisations[guide]
    assert (guide_json["deceased"], dead_json["deceased"]) == (False, True)

    def person_sheet(cid: int) -> dict[str, object]:
        wb = load_workbook(out / f"inzage-{cid}.xlsx")
        return {r[0]: r[1] for r in wb["Persoonsgegevens"].iter_rows(min_row=2, values_only=True)}

    assert person_sheet(guide_id)["Organisatie"] == tour_truth.organisations[guide]
    assert person_sheet(dead_id)["Overleden (wordt nooit gemaild)"] == "ja"
    letter = (out / f"inzage-{guide_id}.html").read_text("utf-8")
    assert "Organisatie" in letter and tour_truth.organisations[guide] in letter

    full = tmp_path / "alles.json"
    export_all(session, full)
    everyone = {c["id"]: c for c in json.loads(full.read_text("utf-8"))["contacts"]}
    assert everyone[guide_id]["organisation"] == tour_truth.organisations[guide]
    assert everyone[dead_id]["deceased"] and "deceased" in everyone[dead_id]["flags"]
    book = tmp_path / "alles.xlsx"
    export_all(session, book)
    rows = list(load_workbook(book).worksheets[0].iter_rows(values_only=True))
    column = rows[0].index("Organisatie")
    assert tour_truth.organisations[guide] in {r[column] for r in rows[1:]}
    flags = rows[0].index("Bijzonderheden")
    assert any("overleden" in (r[flags] or "") for r in rows[1:])
