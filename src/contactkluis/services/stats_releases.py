"""The registry of statistics releases, and reporting periods the beheerder has frozen.

Every export is registered in the audit log (target "stats") with what it published (counts
and marks only). A new export of the same period and population is protected together with
the earlier ones (services.stats), refused when the registry says it may not go out next to
them, and, once the beheerder has frozen the period ("peildatum"), given the frozen figures:
the tables as they were last released in it, or refused when a table was never released.
"""

from __future__ import annotations

from collections.abc import Sequence

from contactkluis.domain.disclosure import PublishedTable
from contactkluis.domain.disclosure_releases import Release, conflicts
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import policies
from contactkluis.services.session import Session
from contactkluis.vault import audit as audit_store

RELEASES = "stats"  # audit target of every registered release
FROZEN_SETTING = "stats_frozen_periods"


def earlier_releases(session: Session) -> list[Release]:
    """The registered releases (newest first), from the audit log."""
    found = []
    for entry in audit_store.entries(session.conn, RELEASES, limit=100_000):
        if entry["action"] == "stats.export":
            release = Release.from_detail(entry["detail"], when=str(entry["ts"]))
            if release is not None:
                found.append(release)
    return found


def describe(release: Release) -> tuple[str, str]:
    """How a message names an earlier export: its tables and reference date."""
    names = ", ".join(sorted(release.digests)) or "?"
    when = release.reference.isoformat()
    return (
        f"de export van {names} (peildatum {when})",
        f"the export of {names} (reference date {when})",
    )


def linking_refused(table: str, earlier: Sequence[Release]) -> UserError:
    """The error for a table that cannot be protected next to the earlier releases."""
    nl, en = describe(earlier[0]) if earlier else ("een eerdere export", "an earlier export")
    return UserError(
        "invalid",
        reason=(
            f"Tabel '{table}' is niet veilig te publiceren naast {nl}: samen zouden ze een "
            "afgeschermd aantal prijsgeven. Kies dezelfde indeling als eerder, of wacht tot "
            "de volgende periode.",
            f"Table '{table}' cannot be published safely next to {en}: together they would "
            "give a suppressed count away. Use the same layout as before, or wait for the "
            "next period.",
        ),
    )


def check_release(session: Session, release: Release, k: int) -> None:
    """Refuse `release` when the registry forbids it next to the earlier ones."""
    problems = conflicts(release, earlier_releases(session), k)
    if not problems:
        return
    first = problems[0]
    nl, en = describe(first.earlier)
    if first.code == "mixed_method":
        reason = (
            f"Tabel '{first.table}' is in deze periode ({release.period}) al gepubliceerd met "
            f"een andere methode in {nl}. Afgerond en afgeschermd samen maken verborgen "
            "aantallen terug te rekenen; gebruik dezelfde methode als eerder.",
            f"Table '{first.table}' was already published in this period ({release.period}) "
            f"with another method in {en}. Rounded and suppressed together give hidden "
            "counts away; use the same method as before.",
        )
    else:
        reason = (
            f"Tabel '{first.table}' is in deze periode al gepubliceerd in {nl} en sindsdien "
            f"zijn er minder dan {k} personen bij of af. Het verschil zou over die personen "
            "gaan: gebruik de eerdere cijfers.",
            f"Table '{first.table}' was already published in this period in {en} and fewer "
            f"than {k} people were added or removed since. The difference would be about "
            "those people: use the earlier figures.",
        )
    raise UserError("invalid", reason=reason)


# --- frozen periods ----------------------------------------------------------------------


def frozen_periods(session: Session) -> set[int]:
    """The reporting periods (calendar years of the reference date) that are frozen."""
    value = session.setting(FROZEN_SETTING, [])
    return {int(p) for p in value if isinstance(p, int)} if isinstance(value, list) else set()


def freeze_period(session: Session, period: int, frozen: bool = True) -> None:
    """Freeze (or thaw) a reporting period; only the beheerder may (MANAGE_POLICIES)."""
    session.require(Permission.MANAGE_POLICIES)
    periods = frozen_periods(session)
    periods = periods | {period} if frozen else periods - {period}
    policies.set_setting(session, FROZEN_SETTING, sorted(periods))


def frozen_tables(
    session: Session, period: int, population: str, names: Sequence[str], method: str
) -> tuple[list[PublishedTable], int]:
    """The tables `names` as last released in frozen `period`, and the number of people of
    the newest release among them; UserError when a table was not released."""
    found: dict[str, PublishedTable] = {}
    persons = 0
    for release in earlier_releases(session):  # newest first
        if (release.period, release.population, release.method) != (period, population, method):
            continue
        for name, table in release.tables.items():
            if name in names and name not in found:
                found[name] = table
                persons = persons or release.persons
    missing = [n for n in names if n not in found]
    if missing:
        raise UserError(
            "invalid",
            reason=(
                f"Periode {period} is bevroren door de beheerder en tabel '{missing[0]}' is "
                "daarin niet (met deze populatie en methode) gepubliceerd. Alleen de "
                "bevroren cijfers kunnen opnieuw worden geëxporteerd.",
                f"Period {period} was frozen by the administrator and table '{missing[0]}' "
                "was not published in it (with this population and method). Only the frozen "
                "figures can be exported again.",
            ),
        )
    return [found[n] for n in names], persons
