"""Undated legacy consents, list kinds and list dates (issue 11): the pure rules."""

from __future__ import annotations

import datetime

import pytest

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import ConsentEvent, ConsentStatus
from contactkluis.migration.headers import field_for_header
from contactkluis.migration.list_date import list_date
from contactkluis.migration.list_kind import ListKind, classify
from contactkluis.migration.row_status import row_status
from contactkluis.migration.sheet_context import sheet_context

D = datetime.date
GIVEN, WITHDRAWN = ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN


def legacy(on: D, *, undated: bool = True) -> ConsentEvent:
    return ConsentEvent(
        "nieuwsbrief", GIVEN, on, "oud.xlsx / Blad1", reconfirm=True, undated=undated
    )


def withdrawal(on: D) -> ConsentEvent:
    return ConsentEvent("nieuwsbrief", WITHDRAWN, on, "afmeldingen.csv")


def test_undated_consent_loses_to_an_earlier_dated_withdrawal() -> None:
    # "ja" on a list copied in 2025, withdrawal of 2023: cannot be ordered, so withdrawn.
    state = consent_state([legacy(D(2025, 6, 1)), withdrawal(D(2023, 5, 6))], "nieuwsbrief")
    assert (state.status, state.since) == (WITHDRAWN, D(2023, 5, 6))


def test_undated_consent_and_undated_withdrawal_mean_withdrawn() -> None:
    undated_withdrawal = ConsentEvent("nieuwsbrief", WITHDRAWN, D(2019, 1, 1), "x")
    state = consent_state([undated_withdrawal, legacy(D(2024, 1, 1))], "nieuwsbrief")
    assert state.status is WITHDRAWN


def test_reconfirmation_recorded_later_wins_even_dated_before_the_list() -> None:
    fresh = ConsentEvent("nieuwsbrief", GIVEN, D(2025, 3, 1), "formulier")
    state = consent_state([legacy(D(2026, 12, 1)), fresh], "nieuwsbrief")
    assert (state.status, state.reconfirm, state.since) == (GIVEN, False, D(2025, 3, 1))


def test_dated_consent_after_a_withdrawal_still_stands() -> None:
    signed_up_again = legacy(D(2024, 2, 1), undated=False)
    state = consent_state([withdrawal(D(2023, 5, 6)), signed_up_again], "nieuwsbrief")
    assert (state.status, state.since) == (GIVEN, D(2024, 2, 1))


MAILCHIMP = ["Email Address", "First Name", "Last Name", "MEMBER_RATING", "OPTIN_TIME",
             "OPTIN_IP", "CONFIRM_TIME", "CONFIRM_IP"]  # fmt: skip


@pytest.mark.parametrize(
    ("file", "sheet", "titles", "headers", "kind"),
    [
        ("members_export_ab12.csv", "members_export_ab12", (), MAILCHIMP, ListKind.NEWSLETTER),
        ("export.csv", "export", (), [*MAILCHIMP, "UNSUB_TIME"], ListKind.UNSUBSCRIBES),
        ("leden.xlsx", "Opzeggers", (), ["Naam", "E-mail"], ListKind.ENDED),
        ("leden.xlsx", "Oud-leden", (), ["Naam"], ListKind.ENDED),
        ("groepen.xlsx", "Rondleidingen 2018", (), ["Datum", "Naam"], ListKind.TOURS),
        ("a.xlsx", "Blad1", ("Vriendenlijst per 1 jan",), ["Naam"], ListKind.FRIENDS),
        ("subscribers.csv", "subscribers", (), ["email", "name", "subscribed_at"],
         ListKind.NEWSLETTER),
        ("contacts.csv", "contacts", (), ["EMAIL", "FIRSTNAME", "EMAIL_BLACKLISTED"],
         ListKind.NEWSLETTER),
        ("lijst.csv", "lijst", (), ["Naam", "E-mail"], ListKind.UNKNOWN),
        ("validatie.csv", "validatie", (), ["Naam", "E-mail"], ListKind.UNKNOWN),
        ("zomer.xlsx", "Blad1", (), ["Naam", "E-mail", "Aanmelddatum"], ListKind.UNKNOWN),
        ("adressen.xlsx", "Blad1", (), ["Naam", "Opgezegd per"], ListKind.FRIENDS),
    ],
)  # fmt: skip
def test_classify(file: str, sheet: str, titles: tuple[str, ...], headers: list[str],
                  kind: ListKind) -> None:  # fmt: skip
    verdict = classify(file, sheet, titles, headers, [field_for_header(h) for h in headers])
    assert verdict.kind is kind, verdict.reason
    assert verdict.reason


def test_uitgeschreven_sheet_in_a_friends_file_ends_memberships() -> None:
    ctx = sheet_context("vrienden.xlsx", "Uitgeschreven", D(2024, 1, 1))
    assert ctx.list_kind is ListKind.ENDED and ctx.ended and not ctx.unsubscribed_list


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"title_cells": ["Ledenlijst bijgewerkt 12-01-2020"], "sheet": "Leden 2018"},
         (D(2020, 1, 12), "title")),
        ({"sheet": "Rondleidingen 2018"}, (D(2018, 12, 31), "sheet_year")),
        ({"file": "vrienden_2023.xlsx"}, (D(2023, 12, 31), "file_year")),
        ({"sheet_dates": ["01-02-2021", D(2022, 3, 4), "onzin", D(2099, 1, 1)]},
         (D(2022, 3, 4), "newest_in_sheet")),
        ({"metadata": D(2021, 5, 5)}, (D(2021, 5, 5), "file_metadata")),
        ({}, (D(2025, 6, 1), "file_mtime")),
    ],
)  # fmt: skip
def test_list_date_sources_in_order(kwargs: dict[str, object], expected: tuple[D, str]) -> None:
    args: dict[str, object] = {"file": "lijst.xlsx", "sheet": "Blad1", "mtime": D(2025, 6, 1),
                               "today": D(2026, 12, 6)}  # fmt: skip
    args.update(kwargs)
    when = list_date(**args)  # type: ignore[arg-type]
    assert (when.on, when.source) == expected


@pytest.mark.parametrize(
    ("status", "active", "reason", "expected"),
    [
        ("Actief", "ja", None, (False, False, None)),
        ("Opgezegd", None, None, (True, False, None)),
        ("overleden", None, None, (True, True, None)),
        ("Geroyeerd", None, None, (True, False, None)),
        (None, "0", None, (True, False, None)),
        (None, "nee", None, (True, False, None)),
        (None, None, "verhuisd", (True, False, None)),
        (None, None, "overleden", (True, True, None)),
        ("unsubscribed", None, None, (False, False, "unsubscribed")),
        ("cleaned", None, None, (False, False, "cleaned")),
    ],
)
def test_row_status(
    status: str | None, active: str | None, reason: str | None, expected: tuple[object, ...]
) -> None:
    assert row_status(status, active, reason) == expected
