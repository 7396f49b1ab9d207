"""Settings → Tellingen: the beheerder sets k and freezes periods (read-only for others:
test_settings.test_medewerker_does_not_see_beheerder_settings)."""

from __future__ import annotations

from contactkluis.services import stats, stats_releases


def test_the_beheerder_sets_k_and_freezes_a_period(qtbot, window, ctx):
    page = window.page("settings")
    window.show_page("settings")
    box = page.stats_box
    assert box.k.isEnabled() and box.k.value() == 10
    assert box.k.minimum() == 5  # never below 5
    box.k.setValue(12)
    box.save_k.click()
    assert stats.institution_k(ctx.session) == 12
    assert "opgeslagen" in box.status.text()
    year = ctx.session.today().year
    box.year.setValue(year)
    box.freeze.click()
    assert stats_releases.frozen_periods(ctx.session) == {year}
    assert box.frozen.text() == str(year)
    box.thaw.click()
    assert stats_releases.frozen_periods(ctx.session) == set()
