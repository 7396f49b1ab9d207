"""Releases of one reporting period: protected together, and frozen by the beheerder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contactkluis.domain.disclosure import SUPPRESSED
from contactkluis.errors import UserError
from contactkluis.services import stats, stats_releases
from contactkluis.services.session import Session
from tests.support.stats_people import fill


@pytest.fixture
def people(session: Session):  # type: ignore[no-untyped-def]
    return fill(session)


def test_a_margin_exported_later_hides_what_the_table_hid(
    session: Session,
    people,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    two = stats.export(session, tmp_path / "a.csv", "relation,age").tables[0]
    one = stats.export(session, tmp_path / "b.csv", "relation").tables[0]
    for r in one.row_labels:
        assert (one.cells[(r, "")] is SUPPRESSED) == (two.row_totals[r] is SUPPRESSED)
    assert any(v is SUPPRESSED for v in two.row_totals.values())
    # What each release published is kept with it (counts and marks, no people).
    (detail,) = session.conn.execute(
        "SELECT detail FROM audit WHERE action = 'stats.export' ORDER BY id LIMIT 1"
    ).fetchone()
    kept = json.loads(detail)["published"]["relationxage"]
    assert kept["dims"] == ["relation", "age"]
    assert {v for _, _, v in kept["cells"]} <= {"x"} | set(range(1000))
    (back,) = [r for r in stats_releases.earlier_releases(session) if "relationxage" in r.tables]
    assert back.tables["relationxage"] == two


def test_a_frozen_period_gives_its_figures_again_and_nothing_new(
    session: Session,
    people,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    first = stats.export(session, tmp_path / "a.csv", "relation,age")
    stats_releases.freeze_period(session, session.today().year)
    assert stats_releases.frozen_periods(session) == {session.today().year}
    with session.write() as conn:  # people leave after the freeze: the figures stand
        for contact_id in people.ids["friends"][:3]:
            conn.execute("UPDATE contacts SET restricted = 1 WHERE id = ?", (contact_id,))
    again = stats.export(session, tmp_path / "b.csv", "relation,age")
    assert again.tables == first.tables
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    with pytest.raises(UserError) as err:  # never released in the frozen period
        stats.export(session, tmp_path / "c.csv", "pc2")
    assert "bevroren" in err.value.message("nl")
    stats_releases.freeze_period(session, session.today().year, frozen=False)
    with pytest.raises(UserError) as err:  # thawed: 3 people fewer is a small change again
        stats.export(session, tmp_path / "d.csv", "relation,age")
    assert "eerdere cijfers" in err.value.message("nl")


def test_only_the_beheerder_freezes_a_period(staff_session: Session) -> None:
    with pytest.raises(UserError):
        stats_releases.freeze_period(staff_session, staff_session.today().year)
    assert stats_releases.frozen_periods(staff_session) == set()
