"""What each list is and when it was true (issue 11), on files built the way real ones look.

Real vault, real spreadsheet files (tests/fixtures_lists.py, tests/fixtures_exports.py).
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import ConsentStatus, Contact, RelationKind
from contactkluis.domain.mailing import mailing_eligible
from contactkluis.migration.report import ImportReport, SheetReport
from contactkluis.services import retention, states
from contactkluis.services.importing import MappingSet, SheetMapping, plan_files, run_import
from contactkluis.services.session import Session
from contactkluis.vault import state_repo
from tests.fixtures_exports import write_mailchimp, write_newsletter_signups
from tests.fixtures_lists import (
    COPIED_ON,
    write_dated_withdrawals,
    write_members_with_status,
    write_titled_list,
    write_tours_2018,
    write_undated_friends,
    write_unknown_list,
)

LATER = datetime.date(2030, 1, 1)  # every event in the fixtures lies before this


def by_email(session: Session, email: str) -> Contact:
    [cid] = session.repo().ids_by_email(email)
    contact = session.repo().get(cid)
    assert contact is not None
    return contact


def newsletter(c: Contact) -> tuple[ConsentStatus, datetime.date | None, bool]:
    state = consent_state(c.consents, "nieuwsbrief", today=LATER)
    return state.status, state.since, state.reconfirm


def imported(session: Session, *paths: Path, mapping: MappingSet | None = None) -> ImportReport:
    return run_import(session, plan_files(list(paths), mapping))


def sheet(report: ImportReport, file: str, name: str | None = None) -> SheetReport:
    [frep] = [f for f in report.files if f.file == file]
    return next(s for s in frep.sheets if name is None or s.sheet == name)


def test_signup_sheet_with_afgemeld_column_gives_every_row_its_own_consent(
    session: Session, tmp_path: Path
) -> None:
    path, truth = write_newsletter_signups(tmp_path)
    report = imported(session, path)
    first, second, third, fourth = truth.emails
    balie = by_email(session, first)
    assert newsletter(balie) == (ConsentStatus.GIVEN, datetime.date(2019, 3, 12), True)
    assert "via: balie" in balie.consents[0].evidence
    assert newsletter(by_email(session, second))[:2] == (
        ConsentStatus.WITHDRAWN,
        datetime.date(2022, 9, 15),
    )
    # "ja" without a date withdraws at the list's date, after the 2021 sign-up.
    assert newsletter(by_email(session, third))[0] is ConsentStatus.WITHDRAWN
    # No date at all and no "Afgemeld": consent from being on the list, to reconfirm.
    undated = by_email(session, fourth)
    assert newsletter(undated)[0] is ConsentStatus.GIVEN and undated.consents[0].undated
    srep = sheet(report, path.name)
    assert (srep.list_kind, srep.consents_given, srep.consents_withdrawn) == ("nieuwsbrief", 4, 2)
    assert (srep.list_date, srep.list_date_source) == ("2022-09-15", "newest_in_sheet")


def test_undated_friends_consent_never_outranks_a_dated_withdrawal(
    session: Session, tmp_path: Path
) -> None:
    friends, truth = write_undated_friends(tmp_path)
    withdrawals, _ = write_dated_withdrawals(tmp_path)
    # Two runs, withdrawals first: the order of importing must not matter.
    imported(session, withdrawals)
    report = imported(session, friends)
    for email in truth.withdrawals:
        assert newsletter(by_email(session, email))[0] is ConsentStatus.WITHDRAWN, email
    for email in truth.consents:
        status, since, reconfirm = newsletter(by_email(session, email))
        assert (status, reconfirm) == (ConsentStatus.GIVEN, True)
        # Dated by the workbook's own "last saved", not by the day it was copied.
        assert since != COPIED_ON
    srep = sheet(report, friends.name)
    assert (srep.list_kind, srep.list_date_source) == ("vrienden", "file_metadata")


def test_mailchimp_exports_are_known_by_their_columns_not_their_names(
    session: Session, tmp_path: Path
) -> None:
    (sub, unsub, cleaned), truth = write_mailchimp(tmp_path)
    # A "members" file name must not turn subscribers into friends.
    members = tmp_path / "museum_members_2024.csv"
    shutil.move(sub, members)
    report = imported(session, members, unsub, cleaned)
    for email in truth.consents:
        c = by_email(session, email)
        assert newsletter(c) == (ConsentStatus.GIVEN, datetime.date(2021, 3, 4), True)
        assert "Mailchimp" in c.consents[0].evidence
        assert [r.kind for r in c.relations] == [RelationKind.NIEUWSBRIEF]
    for email in truth.withdrawals:
        assert newsletter(by_email(session, email))[:2] == (
            ConsentStatus.WITHDRAWN,
            datetime.date(2023, 5, 6),
        )
    [bounced] = [e for e in truth.emails if e not in truth.consents + truth.withdrawals]
    gone = by_email(session, bounced)
    assert gone.consents == []
    assert [(r.kind, r.end) for r in gone.relations] == [
        (RelationKind.NIEUWSBRIEF, datetime.date(2024, 1, 2))
    ]
    kinds = [sheet(report, p.name).list_kind for p in (members, unsub, cleaned)]
    assert kinds == ["nieuwsbrief", "afmeldingen", "nieuwsbrief"]
    assert "Mailchimp" in sheet(report, members.name).list_kind_reason


def test_tour_list_dates_visits_and_keeps_the_organisation(
    session: Session, tmp_path: Path
) -> None:
    path, truth = write_tours_2018(tmp_path)
    report = imported(session, path)
    for email, visit in truth.visits.items():
        c = by_email(session, email)
        [tour] = c.relations
        assert (tour.kind, tour.last_activity) == (RelationKind.GROEPSCONTACT, visit)
        assert c.organisation == truth.organisations[email]
        # The one-year rule counted from a 2018 visit: expired long ago, not "OK" till next year.
        assert state_repo.state(session.conn, c.id or 0)["status"] == "expired"
    srep = sheet(report, path.name)
    assert (srep.list_kind, srep.list_date, srep.list_date_source) == (
        "rondleidingen",
        "2018-12-31",
        "sheet_year",
    )


def test_ended_sheet_and_status_columns_end_the_membership_and_flag_the_deceased(
    session: Session, tmp_path: Path
) -> None:
    path, truth = write_members_with_status(tmp_path)
    report = imported(session, path)
    purposes = session.purposes
    for email in truth.emails:
        c = by_email(session, email)
        [member] = [r for r in c.relations if r.kind is RelationKind.VRIEND]
        assert member.end == truth.ended.get(email), email
        assert c.deceased is (email in truth.deceased), email
        if c.deceased:
            verdict = mailing_eligible(
                c, purposes["vrienden"], today=datetime.date(2022, 1, 1), suppressed=False
            )
            assert (verdict.ok, verdict.code) == (False, "deceased")
    assert sheet(report, path.name, "Opzeggers").list_kind == "opgezegd"
    leden = sheet(report, path.name, "Leden")
    assert (leden.ended, leden.deceased) == (4, 1)


def test_unknown_list_is_kept_for_review_not_expired(session: Session, tmp_path: Path) -> None:
    path, truth = write_unknown_list(tmp_path)
    report = imported(session, path)
    srep = sheet(report, path.name)
    assert (srep.list_kind, srep.unknown_purpose) == ("onbekend", 3)
    assert (srep.list_date, srep.list_date_source) == (COPIED_ON.isoformat(), "file_mtime")
    for email in truth.emails:
        c = by_email(session, email)
        assert [r.kind for r in c.relations] == [RelationKind.ONBEKEND]
        state = state_repo.state(session.conn, c.id or 0)
        assert state["status"] == "ok"
        assert "Doel onbekend" in states.reasons(session, [c])[c.id or 0][0]["nl"]
    assert retention.preview(session) == []


def test_title_row_gives_kind_and_date(session: Session, tmp_path: Path) -> None:
    path, truth = write_titled_list(tmp_path)
    report = imported(session, path)
    srep = sheet(report, path.name)
    assert (srep.list_kind, srep.list_date, srep.list_date_source) == (
        truth.kind,
        "2020-01-12",
        "title",
    )
    assert "titelregel" in srep.list_kind_reason
    lines = "\n".join(report.summary())
    assert "donateurs (titelregel bevat 'donateur'); lijstdatum 12-01-2020" in lines


def test_mapping_overrides_list_kind_and_date(session: Session, tmp_path: Path) -> None:
    path, truth = write_unknown_list(tmp_path)
    stem = path.stem
    mapping = MappingSet(
        {stem: SheetMapping(list_kind="nieuwsbrief", list_date="2019-05-01")},
    )
    report = imported(session, path, mapping=mapping)
    srep = sheet(report, path.name)
    assert (srep.list_kind, srep.list_kind_reason) == ("nieuwsbrief", "gekozen door de gebruiker")
    assert (srep.list_date, srep.list_date_source) == ("2019-05-01", "user")
    for email in truth.emails:
        status, since, _ = newsletter(by_email(session, email))
        assert (status, since) == (ConsentStatus.GIVEN, datetime.date(2019, 5, 1))
