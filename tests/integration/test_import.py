"""The one-time migration end to end: five legacy lists into a real encrypted vault.

The lists come from tests/fixtures_legacy.py (Faker nl_NL, seeded). The anchor people there
carry the cases asserted here one by one; the Faker fillers share nothing with anyone, so the
counts are exact.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from contactkluis.domain.consent import consent_states
from contactkluis.domain.contact import ConsentStatus, Contact, RelationKind
from contactkluis.migration.report import ImportReport
from contactkluis.services import erasure, states
from contactkluis.services.importing import (
    Cancelled,
    FilePlan,
    ImportProgress,
    ImportRequest,
    MappingSet,
    SheetMapping,
    load_mapping,
    plan_files,
    run_import,
    run_import_task,
    save_mapping,
)
from contactkluis.services.session import Session
from contactkluis.vault import state_repo
from tests.fixtures_legacy import (
    FILLERS,
    FRIENDS_FILE,
    IBANS,
    NEWSLETTER_FILE,
    ORDINARY_NOTE,
    SPECIAL_NOTE,
    TILL_FILE,
    TOURS_FILE,
    VISITORS_FILE,
    LegacySet,
    build_legacy_set,
)

ANCHOR_PEOPLE = 17  # distinct invented people in the five lists (see fixtures_legacy)
CROSS_FILE_MERGES = 3  # Brinkhorst (e-mail case), Oosterwijk (name+postcode), Hazelaar (e-mail)
EXPECTED_CONTACTS = ANCHOR_PEOPLE + sum(FILLERS.values())
DATA_TABLES = (
    "contacts",
    "emails",
    "phones",
    "consent_events",
    "relations",
    "provenance",
    "duplicate_candidates",
    "import_batches",
    "suppression",
    "audit",
)


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> LegacySet:
    return build_legacy_set(tmp_path_factory.mktemp("legacy"))


@pytest.fixture(scope="module")
def plans(legacy: LegacySet) -> list[FilePlan]:
    # Reading happens once; a plan holds tables and mappings, the people are built per run.
    return plan_files(legacy.paths)


@pytest.fixture
def imported(session: Session, plans: list[FilePlan]) -> ImportReport:
    return run_import(session, plans)


def counts(session: Session) -> dict[str, int]:
    return {t: session.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DATA_TABLES}


def by_email(session: Session, email: str) -> Contact:
    ids = session.repo().ids_by_email(email)
    assert len(ids) == 1, (email, ids)
    contact = session.repo().get(ids[0])
    assert contact is not None
    return contact


def by_last(session: Session, last: str) -> Contact:
    ids = [
        r[0] for r in session.conn.execute("SELECT id FROM contacts WHERE last_name = ?", (last,))
    ]
    assert len(ids) == 1, (last, ids)
    contact = session.repo().get(ids[0])
    assert contact is not None
    return contact


def name_parts(c: Contact) -> tuple[str | None, str | None, str | None, str | None]:
    return c.name.first, c.name.initials, c.name.infix, c.name.last


def consent(
    c: Contact, purpose: str = "nieuwsbrief"
) -> tuple[ConsentStatus, datetime.date | None, bool] | None:
    state = consent_states(c.consents, today=datetime.date(2025, 6, 1)).get(purpose)
    return None if state is None else (state.status, state.since, state.reconfirm)


def rows_mentioning(session: Session, needles: list[str]) -> list[str]:
    tables = [
        r[0]
        for r in session.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'contacts_fts%'"
        )
    ]
    found = []
    for table in tables:
        for row in session.conn.execute(f"SELECT * FROM {table}"):
            text = " ".join(str(v) for v in row).replace(" ", "").upper()
            found += [f"{table}:{n}" for n in needles if n in text]
    return found


# -- people and merges ---------------------------------------------------------------------


def test_every_person_once_with_clean_name_parts(
    session: Session, imported: ImportReport, legacy: LegacySet
) -> None:
    assert session.repo().count() == EXPECTED_CONTACTS == 81
    assert imported.created == EXPECTED_CONTACTS
    assert imported.merged == CROSS_FILE_MERGES

    brink = by_email(session, "m.vanderbrinkhorst@voorbeeld.nl")
    assert name_parts(brink) == ("Maarten", "M.", "van der", "Brinkhorst")
    assert brink.emails == ["m.vanderbrinkhorst@voorbeeld.nl"]
    assert brink.phones == ["+31611223344"]
    assert (
        brink.address.street,
        brink.address.house_number,
        brink.address.postcode,
        brink.address.city,
    ) == ("Lindelaan", "12", "3511 AB", "Utrecht")

    # Newsletter names written four ways, one cell each.
    assert name_parts(by_email(session, "jorien@kwartelhof-voorbeeld.nl")) == (
        "Jorien",
        "J.",
        "de",
        "Kwartelhof",
    )
    assert name_parts(by_email(session, "t.vanommerenbos@voorbeeld.nl")) == (
        None,
        "T.",
        "van",
        "Ommerenbos",
    )
    assert name_parts(by_email(session, "femke.tenhovestadt@voorbeeld.nl")) == (
        "Femke",
        "F.",
        "ten",
        "Hovestadt",
    )

    # Windows-1252 till export: accents survive.
    assert name_parts(by_email(session, "chloe@vermeulenhof-voorbeeld.nl")) == (
        "Chloë",
        "C.",
        None,
        "Vermeulenhof",
    )
    renee = by_email(session, "renee.s@voorbeeld.nl")
    assert name_parts(renee) == ("Renée", "R.", None, "Slootmaekers")
    assert renee.phones == ["+31107654321"] and renee.address.postcode == "3011 BC"
    assert name_parts(by_email(session, "lois.vw@voorbeeld.nl")) == (
        "Loïs",
        "L.",
        "van",
        "Wijngaarde",
    )

    # Old .xls of group tours: a phone typed into a number cell lost its leading zero.
    linde = by_last(session, "Lindeboomsma")
    assert name_parts(linde) == ("Bram", "B.", None, "Lindeboomsma")
    assert linde.phones == ["+31612345678"] and linde.emails == []
    assert by_email(session, "g.knoppersma@voorbeeld.nl").phones == ["+31201234567"]

    # Every Faker person is there exactly once.
    for email in legacy.filler_emails:
        assert session.repo().ids_by_email(email) != [], email
    assert session.conn.execute(
        "SELECT count(DISTINCT contact_id) FROM emails WHERE email IN"
        f" ({','.join('?' * len(legacy.filler_emails))})",
        legacy.filler_emails,
    ).fetchone()[0] == len(legacy.filler_emails)


def test_cross_file_duplicates_are_merged_keeping_every_address_and_phone(
    session: Session, imported: ImportReport
) -> None:
    # Same person without e-mail: last name + postcode + initials (friends list + till).
    oost = by_last(session, "Oosterwijk")
    assert name_parts(oost) == (None, "H.", None, "Oosterwijk")
    assert oost.phones == ["+31703456789", "+31629887766"]
    assert oost.emails == [] and oost.address.postcode == "2512 CD"
    assert {(s.file, s.row) for s in oost.sources if s.field is None} == {
        (FRIENDS_FILE, 5),
        (TILL_FILE, 2),
    }
    assert {r.kind for r in oost.relations} == {RelationKind.VRIEND, RelationKind.KLANT}

    # Same e-mail in other capitals (friends list + visitors .ods), with a work address too.
    haze = by_email(session, "ria.hazelaar@voorbeeld.nl")
    assert name_parts(haze) == ("Ria", "R.", None, "Hazelaar")
    assert haze.emails == ["ria.hazelaar@voorbeeld.nl", "r.hazelaar@gemeente-voorbeeld.nl"]
    assert haze.phones == ["+31243601234", "+31655667788"]
    assert haze.address.postcode == "6511 XY"

    brink = by_email(session, "m.vanderbrinkhorst@voorbeeld.nl")
    assert {(s.file, s.sheet, s.row) for s in brink.sources if s.field is None} == {
        (FRIENDS_FILE, "Vrienden", 4),
        (NEWSLETTER_FILE, "Abonnees", 2),
    }
    per_file = {
        f.file: (f.rows_read, f.created, f.merged, f.invalid, f.flagged) for f in imported.files
    }
    assert per_file == {
        FRIENDS_FILE: (33, 31, 0, 2, 1),
        NEWSLETTER_FILE: (26, 24, 1, 1, 0),
        TOURS_FILE: (8, 8, 0, 0, 0),
        TILL_FILE: (13, 11, 1, 1, 0),
        VISITORS_FILE: (8, 7, 1, 0, 0),
    }


def test_near_duplicate_is_not_merged_but_listed_for_review(
    session: Session, imported: ImportReport
) -> None:
    friend = by_email(session, "k.verhoeckx@voorbeeld.nl")
    visitor = by_email(session, "karel.verhoekx@voorbeeld.nl")
    assert friend.id != visitor.id
    assert friend.emails == ["k.verhoeckx@voorbeeld.nl"]
    assert friend.address.postcode == visitor.address.postcode == "1017 BS"
    pair = f"contact:{min(friend.id, visitor.id)}", f"contact:{max(friend.id, visitor.id)}"  # type: ignore[type-var]
    assert [
        (d.a, d.b, d.reason)
        for d in imported.near_duplicates
        if d.reason != "merged_different_names"
    ] == [(*pair, "similar_name_same_postcode")]
    # The e-mail merges of 'R.' with 'Ria' Hazelaar and of the Brinkhorst rows are listed:
    # the names were written differently, so someone looks at them once.
    renamed = [d for d in imported.near_duplicates if d.reason == "merged_different_names"]
    haze = by_email(session, "ria.hazelaar@voorbeeld.nl")
    assert len(renamed) == 2 and f"contact:{haze.id}" in {d.a for d in renamed}
    assert session.conn.execute(
        "SELECT a, b, reason, status FROM duplicate_candidates"
    ).fetchall() == [
        (
            min(friend.id, visitor.id),  # type: ignore[type-var]
            max(friend.id, visitor.id),  # type: ignore[type-var]
            "similar_name_same_postcode",
            "open",
        )
    ]


# -- consent and relations -----------------------------------------------------------------


def test_newsletter_consents_from_yes_no_dates_and_unsubscribes(
    session: Session, imported: ImportReport
) -> None:
    given = ConsentStatus.GIVEN
    # "ja" with a text sign-up date; merged with the friends row, the consent comes along.
    brink = by_email(session, "m.vanderbrinkhorst@voorbeeld.nl")
    assert consent(brink) == (given, datetime.date(2019, 3, 12), True)
    [event] = brink.consents
    assert event.reconfirm and NEWSLETTER_FILE in event.source
    assert "Opnieuw bevestigen" in event.evidence
    # "ja" with an Excel serial date.
    assert consent(by_email(session, "jorien@kwartelhof-voorbeeld.nl")) == (
        given,
        datetime.date(2019, 1, 1),
        True,
    )
    # "nee" and an empty cell: no consent, and no withdrawal either.
    for email in ("t.vanommerenbos@voorbeeld.nl", "femke.tenhovestadt@voorbeeld.nl"):
        assert by_email(session, email).consents == [], email
    # "Afgemeld" with a date wins over the older "ja".
    zand = by_email(session, "p.zandvoortman@voorbeeld.nl")
    assert consent(zand) == (ConsentStatus.WITHDRAWN, datetime.date(2022, 11, 15), False)
    assert [(e.status, e.on) for e in sorted(zand.consents, key=lambda e: e.on)] == [
        (given, datetime.date(2016, 5, 1)),
        (ConsentStatus.WITHDRAWN, datetime.date(2022, 11, 15)),
    ]
    # The till's Optin yes/no; no sign-up date there, so the list's own date: its newest
    # purchase date (issue 11), not the file's modification time.
    chloe = by_email(session, "chloe@vermeulenhof-voorbeeld.nl")
    assert consent(chloe) == (given, datetime.date(2024, 1, 3), True)
    assert chloe.consents[0].undated and "uiterlijk 2024-01-03" in chloe.consents[0].evidence
    assert by_email(session, "lois.vw@voorbeeld.nl").consents == []
    assert consent(by_last(session, "Oosterwijk")) is None
    stored = state_repo.state(
        session.conn, by_email(session, "p.zandvoortman@voorbeeld.nl").id or 0
    )
    assert stored["consents"]["nieuwsbrief"] == "withdrawn"


def test_memberships_carry_start_end_and_retention(
    session: Session, imported: ImportReport
) -> None:
    def vriend(c: Contact) -> tuple[datetime.date | None, datetime.date | None]:
        [rel] = [r for r in c.relations if r.kind is RelationKind.VRIEND]
        return rel.start, rel.end

    brink = by_email(session, "m.vanderbrinkhorst@voorbeeld.nl")
    assert vriend(brink) == (datetime.date(2015, 3, 1), None)
    oost = by_last(session, "Oosterwijk")
    assert vriend(oost) == (datetime.date(2010, 9, 1), datetime.date(2025, 1, 31))
    reasons = states.reasons(session, [oost])[oost.id or 0]
    assert {r["purpose"]: r["until"] for r in reasons}["vrienden"] == "2027-01-31"
    # The "Opgezegd" sheet: ended memberships, with the date given or else the list's date.
    drie = by_email(session, "g.terhaarbrink@voorbeeld.nl")
    assert name_parts(drie) == (None, "G.", "ter", "Haarbrink")
    assert vriend(drie) == (datetime.date(2005, 1, 1), datetime.date(2024, 12, 31))
    assert {r["purpose"]: r["until"] for r in states.reasons(session, [drie])[drie.id or 0]}[
        "vrienden"
    ] == "2026-12-31"
    # No date in the row: the list's date, here the year in the file name (vrienden_2023),
    # which outranks the file's modification time (issue 11).
    assert vriend(by_email(session, "l.walsteijn@voorbeeld.nl")) == (
        datetime.date(2008, 1, 1),
        datetime.date(2023, 12, 31),
    )
    ended = session.conn.execute(
        "SELECT count(*) FROM relations r JOIN provenance p ON p.contact_id = r.contact_id"
        " AND p.field IS NULL WHERE r.kind = 'vriend' AND r.end_date IS NOT NULL"
        " AND p.sheet = 'Opgezegd'"
    ).fetchone()[0]
    assert ended == 2 + FILLERS["Opgezegd"]
    # Group tours: the tour date is the last activity of a group contact.
    [tour] = by_email(session, "g.knoppersma@voorbeeld.nl").relations
    assert (tour.kind, tour.last_activity) == (
        RelationKind.GROEPSCONTACT,
        datetime.date(2018, 4, 12),
    )


def test_special_category_note_is_flagged_not_an_ordinary_note(
    session: Session, imported: ImportReport
) -> None:
    zuid = by_email(session, "w.zuidbroek@voorbeeld.nl")
    assert zuid.special_category is True
    assert zuid.notes == "" and SPECIAL_NOTE in zuid.special_note
    assert [(f.file, f.sheet, f.row, f.reason, f.detail) for f in imported.flagged] == [
        (FRIENDS_FILE, "Vrienden", 7, "special_category", "gezondheid")
    ]
    assert (
        session.conn.execute(
            "SELECT count(*) FROM contacts WHERE notes LIKE ?", ("%olstoel%",)
        ).fetchone()[0]
        == 0
    )
    assert by_email(session, "m.vanderbrinkhorst@voorbeeld.nl").notes == ORDINARY_NOTE


# -- what is not imported ------------------------------------------------------------------


def test_invalid_and_skipped_rows_are_reported_with_their_place(
    imported: ImportReport, legacy: LegacySet
) -> None:
    assert sorted((r.file, r.sheet, r.row, r.reason) for r in imported.invalid) == sorted(
        legacy.invalid
    )
    assert sorted((r.file, r.sheet, r.row, r.reason) for r in imported.skipped) == sorted(
        legacy.skipped
    )
    assert imported.warnings == []


def test_iban_column_is_named_with_a_warning_and_its_values_are_nowhere(
    session: Session, imported: ImportReport
) -> None:
    [friends] = [f for f in imported.files if f.file == FRIENDS_FILE]
    iban = [(c.sheet, c.column, c.header, c.warning) for c in friends.unmapped_columns if c.warning]
    assert iban == [("Vrienden", 12, "IBAN", "iban"), ("Opgezegd", 12, "IBAN", "iban")]
    assert any("IBAN" in line and "NIET" in line for line in imported.summary("nl"))
    assert rows_mentioning(session, list(IBANS)) == []


def test_every_contact_knows_its_file_sheet_and_row(
    session: Session, imported: ImportReport
) -> None:
    without = session.conn.execute(
        "SELECT count(*) FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM provenance p WHERE"
        " p.contact_id = c.id AND p.field IS NULL AND p.file <> '' AND p.sheet IS NOT NULL"
        " AND p.row > 0)"
    ).fetchone()[0]
    assert without == 0
    # Where a value was changed, the original text is kept with it.
    brink = by_email(session, "m.vanderbrinkhorst@voorbeeld.nl")
    originals = {(s.field, s.original) for s in brink.sources if s.field}
    assert ("postcode", "3511ab") in originals
    assert ("email", "M.vanderBrinkhorst@Voorbeeld.NL") in originals


# -- how it runs -----------------------------------------------------------------------------


def test_dry_run_writes_nothing_and_gives_the_real_numbers(
    session: Session, plans: list[FilePlan]
) -> None:
    before = counts(session)
    dry = run_import(session, plans, dry_run=True)
    assert counts(session) == before
    real = run_import(session, plans)

    def numbers(r: ImportReport) -> object:
        return (
            r.created,
            r.merged,
            len(r.invalid),
            len(r.flagged),
            len(r.skipped),
            len(r.near_duplicates),
            r.suppressed,
            [
                (
                    f.file,
                    f.rows_read,
                    f.created,
                    f.merged,
                    f.invalid,
                    f.flagged,
                    len(f.unmapped_columns),
                )
                for f in r.files
            ],
        )

    assert dry.dry_run and not real.dry_run
    assert numbers(dry) == numbers(real)
    assert session.repo().count() == real.created


def test_importing_the_same_files_again_creates_and_adds_nothing(
    session: Session, imported: ImportReport, plans: list[FilePlan]
) -> None:
    before = counts(session)
    again = run_import(session, plans)
    after = counts(session)
    assert again.created == 0
    assert again.merged == sum(f.rows_read - f.invalid for f in imported.files)
    assert again.updated_existing == 0
    for table in (
        "contacts",
        "emails",
        "phones",
        "consent_events",
        "relations",
        "provenance",
        "duplicate_candidates",
    ):
        assert after[table] == before[table], table


@pytest.mark.parametrize(
    ("calls", "written_when_cancelled"),
    [
        (0, False),  # cancelled while reading the first rows (the flag is read every 50 rows)
        (1, False),  # cancelled after all rows were built, before anything is written
        (2, True),  # cancelled after the (one) batch of new people was written
        (3, True),  # cancelled after everything was written, before the commit
    ],
)
def test_cancelled_run_leaves_the_vault_exactly_as_before(
    session: Session, plans: list[FilePlan], calls: int, written_when_cancelled: bool
) -> None:
    run_import(session, plans[2:])  # something already there
    before = counts(session)
    # What the import's own transaction held each time it asked whether to stop.
    seen: list[int] = []

    def cancelled() -> bool:
        seen.append(session.repo().count())
        return len(seen) > calls

    with pytest.raises(Cancelled):
        run_import(session, plans, progress=ImportProgress(cancelled=cancelled))
    assert len(seen) == calls + 1
    assert (seen[-1] > before["contacts"]) is written_when_cancelled
    assert counts(session) == before
    # The connection is usable again: no transaction left open. Oosterwijk and Hazelaar
    # came in with the till and visitors lists, so their friends rows complete them.
    after = run_import(session, plans[:1])
    assert (after.created, after.merged, after.updated_existing) == (29, 2, 2)


def test_the_task_imports_on_its_own_connection_and_reports_to_the_end(
    session: Session, plans: list[FilePlan]
) -> None:
    task = run_import_task(session, ImportRequest(plans))
    reported: list[tuple[int, int]] = []

    report = task(ImportProgress(lambda done, total: reported.append((done, total))))

    rows = sum(len(s.table.rows) for p in plans for s in p.sheets if s.include)
    # Reading and checking the rows is the first half, saving them the second: the bar
    # does not stand full while the vault is written.
    assert {total for _done, total in reported} == {2 * rows}
    assert [done for done, _total in reported] == sorted(done for done, _total in reported)
    assert (rows, 2 * rows) in reported and reported[-1] == (2 * rows, 2 * rows)
    assert any(rows < done < 2 * rows for done, _total in reported)  # a batch saved
    # Committed on the task's connection: the session's own connection sees the people.
    assert counts(session)["contacts"] == report.created > 0


def test_a_dry_run_reports_its_rows_only(session: Session, plans: list[FilePlan]) -> None:
    reported: list[tuple[int, int]] = []
    run_import(
        session,
        plans,
        dry_run=True,
        progress=ImportProgress(lambda done, total: reported.append((done, total))),
    )
    rows = sum(len(s.table.rows) for p in plans for s in p.sheets if s.include)
    assert reported[-1] == (rows, rows)  # nothing to save: the rows are the whole bar


def test_a_progress_cancelled_beforehand_stops_the_task_and_changes_nothing(
    session: Session, plans: list[FilePlan]
) -> None:
    before = counts(session)
    progress = ImportProgress()
    progress.cancel()

    with pytest.raises(Cancelled):
        run_import_task(session, ImportRequest(plans))(progress)
    assert counts(session) == before


def test_erased_person_comes_back_as_suppressed_not_as_a_contact(
    session: Session, imported: ImportReport, plans: list[FilePlan]
) -> None:
    brink = by_email(session, "m.vanderbrinkhorst@voorbeeld.nl")
    oost = by_last(session, "Oosterwijk")
    erasure.erase(session, [brink.id or 0, oost.id or 0])

    again = run_import(session, plans)

    assert again.created == 0 and again.suppressed == 4
    assert sorted((r.file, r.sheet, r.row) for r in again.suppressed_rows) == sorted(
        [
            (FRIENDS_FILE, "Vrienden", 4),
            (NEWSLETTER_FILE, "Abonnees", 2),
            (FRIENDS_FILE, "Vrienden", 5),
            (TILL_FILE, "kassa_export", 2),
        ]
    )
    assert session.repo().count() == EXPECTED_CONTACTS - 2
    assert session.repo().ids_by_email("m.vanderbrinkhorst@voorbeeld.nl") == []
    assert (
        session.conn.execute(
            "SELECT count(*) FROM contacts WHERE last_name IN (?, ?)", ("Brinkhorst", "Oosterwijk")
        ).fetchone()[0]
        == 0
    )


def test_mapping_overrides_a_column_and_the_relation_kind(
    session: Session, legacy: LegacySet
) -> None:
    mapping = MappingSet(
        {
            "Rondleidingen": SheetMapping(
                relation="bezoeker", columns={"Organisatie": "notes", "Tel.": None}
            )
        }
    )
    save_mapping(session, "rondleidingen", mapping)
    loaded = load_mapping(session, "rondleidingen")
    assert loaded == mapping

    report = run_import(session, plan_files([legacy.files["tours"]], loaded))

    knop = by_email(session, "g.knoppersma@voorbeeld.nl")
    assert knop.notes == "OBS De Regenboog"
    assert knop.phones == []
    assert [r.kind for r in knop.relations] == [RelationKind.BEZOEKER]
    [tours] = report.files
    assert [(c.header, c.warning) for c in tours.unmapped_columns] == [
        ("Tel.", None),
        ("Aantal", None),
    ]


def test_unreadable_file_is_reported_and_the_rest_imported(
    session: Session, legacy: LegacySet, tmp_path: Path
) -> None:
    broken = tmp_path / "ledenlijst_kapot.xlsx"
    broken.write_bytes(legacy.files["friends"].read_bytes()[:3000])
    report = run_import(session, plan_files([broken, legacy.files["tours"]]))
    assert report.files[0].error is not None and "ledenlijst_kapot.xlsx" in report.files[0].error
    assert report.files[1].created == 8 and session.repo().count() == 8


def test_rows_for_a_restricted_contact_are_reported_not_added(session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Art. 18: a restricted record may be stored, not processed — an import leaves it alone."""
    from contactkluis.services import erasure
    from contactkluis.services.importing import import_files

    sheet = tmp_path / "lijst.csv"
    sheet.write_text(
        "Naam;E-mail;Nieuwsbrief\nAnna Nieuwkoop;anna.nieuwkoop@example.org;ja\n", "utf-8"
    )
    import_files(session, [sheet])
    (contact_id,) = session.repo().all_ids()
    erasure.restrict(session, contact_id)
    before = session.repo().get(contact_id)
    sheet.write_text(
        "Naam;E-mail;Telefoon;Nieuwsbrief\n"
        "Anna Nieuwkoop;anna.nieuwkoop@example.org;0612345678;ja\n",
        "utf-8",
    )
    report = import_files(session, [sheet])
    assert report.restricted == 1 and report.created == 0
    assert session.repo().get(contact_id) == before


def test_a_file_with_no_rows_to_import_reports_no_negative_progress(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "alleen_kop.csv"
    path.write_text("Voornaam;Achternaam;E-mailadres\n", encoding="utf-8")
    reported: list[tuple[int, int]] = []
    run_import(
        session,
        plan_files([path]),
        progress=ImportProgress(lambda done, total: reported.append((done, total))),
    )
    assert reported and all(0 <= done <= total for done, total in reported)
