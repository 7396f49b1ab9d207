"""Data-subject requests: AVG art. 12(3) deadlines and the handling rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contactkluis.domain.requests import (
    IDENTITY_REQUIRED,
    RequestError,
    RequestKind,
    RequestStatus,
    RightsRequest,
    Urgency,
    request_deadline,
    request_urgency,
)


@pytest.mark.parametrize(
    ("received", "plain", "extended"),
    [
        (date(2024, 3, 15), date(2024, 4, 15), date(2024, 6, 15)),
        (date(2023, 1, 31), date(2023, 2, 28), date(2023, 4, 30)),  # clamp to month end
        (date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30)),  # leap year
        (date(2024, 3, 31), date(2024, 4, 30), date(2024, 6, 30)),
        (date(2023, 12, 31), date(2024, 1, 31), date(2024, 3, 31)),
        (date(2023, 11, 30), date(2023, 12, 30), date(2024, 2, 29)),
    ],
)
def test_deadline_one_month_or_three_when_extended(
    received: date, plain: date, extended: date
) -> None:
    assert request_deadline(received, False) == plain
    assert request_deadline(received, True) == extended


@pytest.mark.parametrize(
    ("days_left", "urgency"),
    [
        (-1, Urgency.OVERDUE),
        (0, Urgency.DUE_SOON),  # due today is not yet overdue
        (7, Urgency.DUE_SOON),
        (8, Urgency.OK),
    ],
)
def test_urgency_boundaries(days_left: int, urgency: Urgency) -> None:
    today = date(2024, 5, 1)
    assert request_urgency(today + timedelta(days=days_left), today) is urgency
    assert request_urgency(today + timedelta(days=days_left), today) == urgency.value


def test_urgency_warning_window_is_configurable() -> None:
    today = date(2024, 5, 1)
    assert request_urgency(date(2024, 5, 15), today, warn_days=14) is Urgency.DUE_SOON
    assert request_urgency(date(2024, 5, 15), today, warn_days=13) is Urgency.OK


@given(st.dates(date(1990, 1, 1), date(2090, 12, 31)))
def test_deadlines_are_after_receipt_and_extension_never_shortens(received: date) -> None:
    plain = request_deadline(received, False)
    extended = request_deadline(received, True)
    assert received < plain <= extended
    assert (plain - received).days >= 28
    assert (extended - received).days >= 89


def test_request_kind_values_are_dutch() -> None:
    assert [k.value for k in RequestKind] == [
        "inzage",
        "rectificatie",
        "verwijdering",
        "beperking",
        "bezwaar",
        "overdraagbaarheid",
        "intrekking",
    ]
    assert all(k.label_nl and k.label_en for k in RequestKind)


RECEIVED = date(2024, 3, 15)


def test_extension_moves_the_deadline_and_records_why() -> None:
    request = RightsRequest(RequestKind.ACCESS, RECEIVED)
    assert request.deadline == date(2024, 4, 15)
    extended = request.extend("  Gegevens verspreid over drie oude lijsten  ", on=date(2024, 4, 1))
    assert extended.status is RequestStatus.EXTENDED
    assert extended.deadline == date(2024, 6, 15)
    assert extended.extension_reason == "Gegevens verspreid over drie oude lijsten"
    assert extended.is_open


@pytest.mark.parametrize("reason", ["", "   "])
def test_extension_without_reason_is_refused(reason: str) -> None:
    with pytest.raises(ValueError) as err:
        RightsRequest(RequestKind.ACCESS, RECEIVED).extend(reason, on=RECEIVED)
    assert isinstance(err.value, RequestError)
    assert err.value.code == "extension_reason_missing"
    assert "reden" in str(err.value)


def test_extension_must_be_decided_within_the_first_month() -> None:
    request = RightsRequest(RequestKind.ACCESS, RECEIVED)
    assert request.extend("complex", on=date(2024, 4, 15)).extended  # the last day still counts
    with pytest.raises(RequestError) as err:
        request.extend("complex", on=date(2024, 4, 16))
    assert err.value.code == "extension_too_late"


def test_extension_happens_once() -> None:
    request = RightsRequest(RequestKind.ERASURE, RECEIVED).extend("complex", on=RECEIVED)
    with pytest.raises(RequestError) as err:
        request.extend("nog complexer", on=RECEIVED)
    assert err.value.code == "already_extended"


@pytest.mark.parametrize("kind", sorted(IDENTITY_REQUIRED))
def test_identity_check_required_before_done(kind: RequestKind) -> None:
    request = RightsRequest(kind, RECEIVED)
    with pytest.raises(RequestError) as err:
        request.close(on=date(2024, 3, 20))
    assert err.value.code == "identity_not_checked"
    assert "identiteit" in err.value.text_nl and "identity" in err.value.text_en
    done = request.with_identity_checked().close(on=date(2024, 3, 20), outcome="Overzicht gemaild")
    assert done.status is RequestStatus.DONE
    assert done.closed_on == date(2024, 3, 20)
    assert done.outcome == "Overzicht gemaild"


def test_access_and_erasure_need_identity_but_opt_outs_do_not() -> None:
    assert {RequestKind.ACCESS, RequestKind.ERASURE} <= IDENTITY_REQUIRED
    for kind in (RequestKind.OBJECTION, RequestKind.WITHDRAWAL, RequestKind.RESTRICTION):
        assert kind not in IDENTITY_REQUIRED
        closed = RightsRequest(kind, RECEIVED).close(on=RECEIVED)
        assert closed.status is RequestStatus.DONE


def test_refusal_needs_a_reason_but_no_identity_check() -> None:
    request = RightsRequest(RequestKind.ACCESS, RECEIVED)
    with pytest.raises(RequestError) as err:
        request.refuse(" ", on=RECEIVED)
    assert err.value.code == "refusal_reason_missing"
    refused = request.refuse("Identiteit niet vast te stellen", on=date(2024, 4, 2))
    assert refused.status is RequestStatus.REFUSED
    assert refused.outcome == "Identiteit niet vast te stellen"


def test_closed_requests_stay_closed_and_are_never_overdue() -> None:
    done = RightsRequest(RequestKind.OBJECTION, RECEIVED).close(on=RECEIVED)
    assert done.urgency(date(2030, 1, 1)) is None
    with pytest.raises(RequestError, match="al afgesloten"):
        done.close(on=RECEIVED)
    with pytest.raises(RequestError, match="al afgesloten"):
        done.refuse("x", on=RECEIVED)
    with pytest.raises(RequestError, match="al afgesloten"):
        done.extend("x", on=RECEIVED)


def test_closing_before_receipt_is_refused() -> None:
    with pytest.raises(RequestError) as err:
        RightsRequest(RequestKind.OBJECTION, RECEIVED).close(on=date(2024, 3, 14))
    assert err.value.code == "closed_before_received"


def test_open_request_urgency_uses_its_deadline() -> None:
    request = RightsRequest(RequestKind.ACCESS, RECEIVED)
    assert request.urgency(date(2024, 4, 16)) is Urgency.OVERDUE
    extended = request.extend("complex", on=date(2024, 4, 1))
    assert extended.urgency(date(2024, 4, 16)) is Urgency.OK
