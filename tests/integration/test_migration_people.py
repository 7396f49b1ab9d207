"""Who is who in a migration (issue 11): shared addresses, merges, junk rows, header-less
sheets, and no cell content in any output. Real files, a real encrypted vault, the CLI as a
user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contactkluis.domain.contact import ConsentStatus, Contact
from contactkluis.migration.merge import SHARED_EMAIL_FIELD
from contactkluis.services.importing import import_files
from contactkluis.services.review import review_pairs
from contactkluis.services.session import Session
from tests.conftest import ADMIN, ADMIN_PW
from tests.fixtures_exports import write_headerless_csv
from tests.fixtures_people import (
    HOUSEHOLD_FILE,
    PeopleTruth,
    write_people_fixtures,
)
from tests.support.cli import cli_main


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, PeopleTruth]]:
    return write_people_fixtures(tmp_path_factory.mktemp("people"))


def everyone(session: Session) -> dict[str, list[Contact]]:
    """Every stored contact by display name (two people may carry the same name)."""
    repo = session.repo()
    found: dict[str, list[Contact]] = {}
    for (cid,) in session.conn.execute("SELECT id FROM contacts ORDER BY id"):
        contact = repo.get(cid)
        assert contact is not None
        found.setdefault(contact.name.display(), []).append(contact)
    return found


def newsletter(contact: Contact) -> list[ConsentStatus]:
    return [c.status for c in contact.consents if c.purpose == "nieuwsbrief"]


def is_marked_shared(contact: Contact) -> bool:
    return any(s.field == SHARED_EMAIL_FIELD for s in contact.sources)


def test_people_sharing_an_address_stay_apart_with_their_own_data(
    session: Session, files: dict[str, tuple[Path, PeopleTruth]]
) -> None:
    path, truth = files["households"]
    report = import_files(session, [path])
    assert (report.created, report.merged) == (truth.persons, truth.merged_rows)
    people = everyone(session)
    # Each Bakker keeps the family address, their own phone, and only their own answer.
    for name, phone in truth.phones.items():
        (person,) = people[name]
        assert person.phones == [phone]
        assert len(person.emails) == 1 and person.emails[0].startswith("fam.")
        assert is_marked_shared(person)
    karin, tim = (people[name][0] for name in truth.phones)
    assert newsletter(karin) == [ConsentStatus.GIVEN] and newsletter(tim) == []
    assert karin.birth_date != tim.birth_date
    # Four colleagues on info@: four people; the consent and the phone stay with who gave them.
    office = [p for group in people.values() for p in group if "info@atelier" in p.emails[0]]
    assert len(office) == 4 and all(is_marked_shared(p) for p in office)
    assert [bool(newsletter(p)) for p in office] == [True, False, False, False]
    assert [bool(p.phones) for p in office] == [False, False, False, True]
    # Father and son with one name and one address are two people (birth dates differ).
    smits = next(group for group in people.values() if len(group) == 2)
    assert {p.birth_date.year for p in smits if p.birth_date} == {1950, 1980}
    assert sorted(len(newsletter(p)) for p in smits) == [0, 1]


def test_shared_pairs_are_on_the_review_list_by_name_with_the_reason(
    session: Session, files: dict[str, tuple[Path, PeopleTruth]]
) -> None:
    path, truth = files["households"]
    import_files(session, [path])
    listed = {(frozenset((p.name_a, p.name_b)), p.reason) for p in review_pairs(session)}
    family = next(p for p in review_pairs(session) if p.reason == "shared_email").name_b
    expected = set()
    for a, b, reason in truth.shared:
        # The nameless row is listed by its address: there is no name to show.
        a, b = (x or f"(zonder naam) {family}" for x in (a, b))
        expected.add((frozenset((a, b)), reason))
    assert {(names, r) for names, r in listed if "zonder naam" not in str(names)} == {
        (names, r) for names, r in expected if "zonder naam" not in str(names)
    }
    nameless = [p for p in review_pairs(session) if "zonder naam" in p.name_a + p.name_b]
    assert len(nameless) == 1 and "gedeeld e-mailadres" in nameless[0].reason_text
    # The CLI shows the same pairs with names and the reason in words.
    assert all(p.reason_text != p.reason for p in review_pairs(session))


def test_same_address_and_agreeing_names_merge_and_the_merge_is_listed(
    session: Session, files: dict[str, tuple[Path, PeopleTruth]]
) -> None:
    path, truth = files["households"]
    report = import_files(session, [path])
    ((kept, merged_row),) = truth.renamed
    (pieter,) = everyone(session)[kept]
    # 'P. Van Den Berg' with the address in capitals is the same person: one record, whose
    # consent it is, and not marked as shared.
    assert len(pieter.emails) == 1 and newsletter(pieter) == [ConsentStatus.GIVEN]
    assert not is_marked_shared(pieter)
    renamed = [d for d in report.near_duplicates if d.reason == "merged_different_names"]
    assert [(d.a, d.b) for d in renamed] == [
        (f"contact:{pieter.id}", f"{HOUSEHOLD_FILE} / Leden / rij {merged_row}")
    ]


def test_importing_the_household_list_again_creates_nobody(
    session: Session, files: dict[str, tuple[Path, PeopleTruth]]
) -> None:
    path, truth = files["households"]
    import_files(session, [path])
    pairs = len(review_pairs(session))
    again = import_files(session, [path])
    assert again.created == 0
    assert sum(len(group) for group in everyone(session).values()) == truth.persons
    assert len(review_pairs(session)) == pairs


def test_junk_rows_are_skipped_and_reported_by_file_sheet_row_and_reason(
    session: Session, files: dict[str, tuple[Path, PeopleTruth]]
) -> None:
    path, truth = files["signups"]
    report = import_files(session, [path], dry_run=True)
    assert report.created == truth.persons
    rows = {(r.file, r.sheet, r.row, r.reason) for r in report.invalid + report.skipped}
    assert rows == {(path.name, path.stem, row, reason) for row, reason in truth.skipped}
    # 'undefined undefined' with a real address is a person whose form lost the name.
    assert [(w.row, w.reason) for w in report.warnings if w.reason == "junk_name"] == [
        (3, "junk_name")
    ]
    import_files(session, [path])
    names = everyone(session)
    assert not any("ndefined" in name or "Anoniem" in name for name in names)
    assert "" in names and names[""][0].emails == ["form.lost.name@example.nl"]


def _cli(vault: Path, *args: str) -> int:
    return cli_main("--db", str(vault), "--user", ADMIN, *args)


def test_a_headerless_sheet_is_read_whole_and_no_output_holds_a_cell(
    session: Session,
    vault_path: Path,
    files: dict[str, tuple[Path, PeopleTruth]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet, truth = files["headerless"]
    csv_path, csv_truth = write_headerless_csv(tmp_path)
    first = csv_path.read_text("utf-8").splitlines()[0].split(";")
    secrets = [*truth.secrets, *first]
    session.vault.close()
    monkeypatch.setenv("CONTACTKLUIS_PASSWORD", ADMIN_PW)
    dry, real = tmp_path / "proef.json", tmp_path / "import.json"
    assert (
        _cli(vault_path, "import", str(sheet), str(csv_path), "--dry-run", "--report", str(dry))
        == 0
    )
    assert _cli(vault_path, "import", str(sheet), str(csv_path), "--report", str(real)) == 0
    printed = capsys.readouterr()
    report = json.loads(real.read_text("utf-8"))
    assert report["created"] == truth.persons + csv_truth.persons
    assert [s["header_row"] for f in report["files"] for s in f["sheets"]] == [None, None]

    from contactkluis.services.accounts import unlock

    reopened = unlock(vault_path, ADMIN, ADMIN_PW)
    try:
        history = [
            row[0] for row in reopened.conn.execute("SELECT report_json FROM import_batches")
        ]
        audit = [row[0] for row in reopened.conn.execute("SELECT detail FROM audit")]
        # The first row is a person, with every field read from the cells' content.
        ids = reopened.repo().ids_by_email(truth.secrets[2])
        first_person = reopened.repo().get(ids[0])
        assert first_person is not None
        assert first_person.name.display() == f"{truth.secrets[0]} {truth.secrets[1]}"
        assert first_person.phones == ["+31624681357"]
        assert first_person.address.street and first_person.address.postcode
        assert reopened.repo().ids_by_email(csv_truth.emails[0])
    finally:
        reopened.vault.close()
    outputs = {
        "stdout": printed.out,
        "stderr": printed.err,
        "dry-run report": dry.read_text("utf-8"),
        "report": real.read_text("utf-8"),
        "import history": "\n".join(history),
        "audit": "\n".join(audit),
    }
    for where, text in outputs.items():
        for secret in secrets:
            assert secret.casefold() not in text.casefold(), (where, secret)
