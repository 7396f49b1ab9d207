"""Anonymised counts: from the vault to protected tables in an .xlsx or .csv file.

The vault counts: for each counted person it keeps codes of their raw values (postcode
head, town as typed, birth year, consent flags, relations with their end dates, source
lists), and for each grouping the standard tables use, how many people share each
combination (vault.stats_schema); a table's counts are read from those, or are a GROUP BY
over the codes, giving how many people share each combination of raw values. Each distinct raw value becomes the
values a person has for a dimension (stats_records._key_mappers), which the tables are
built from (crosstab.tables_from_profiles) exactly as from loaded StatsRecords, the older
way kept for a read-only vault whose new or changed contacts are not counted there yet.

Who is counted: every contact except restricted ones (AVG art. 18: a restricted record may
be stored, not processed). Anonymised records stay in: they exist for exactly this. A
relation counts while it runs on the reference date (no end date, or one on/after it).

The population is all contacts or the people with one relation kind, never a free filter:
a filter could narrow the count to a handful of people and make a table about them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from contactkluis.domain.crosstab import (
    CountTable,
    Profile,
    StatsRecord,
    profile_counts,
    tables_from_profiles,
)
from contactkluis.domain.dimensions import (
    UNKNOWN,
    Dim,
    DimensionError,
    Language,
    dimension,
    parse_dimensions,
)
from contactkluis.domain.disclosure import (
    K_DEFAULT,
    K_MAX,
    K_MIN,
    SUPPRESSED,
    DisclosureError,
    PublishedTable,
    check_k,
    round_base,
    suppress_linked,
)
from contactkluis.domain.disclosure_labels import (
    OPEN_DIMENSIONS,
    OTHER,
    rare_in_profiles,
    relabel_profiles,
)
from contactkluis.domain.disclosure_releases import (
    Release,
    earlier_counts,
    make_release,
    same_data,
    table_name,
)
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import policies
from contactkluis.services import stats_releases as releases
from contactkluis.services.session import Session
from contactkluis.services.stats_export import StatsMeta, write_csv, write_xlsx
from contactkluis.services.stats_records import ALL as ALL
from contactkluis.services.stats_records import Population as Population
from contactkluis.services.stats_records import load_records as load_records
from contactkluis.services.stats_records import population_options as population_options
from contactkluis.services.stats_records import query_profiles
from contactkluis.services.stats_records import query_records as query_records
from contactkluis.vault import stats_repo
from contactkluis.vault.db import Connection, transaction

# --- tables ------------------------------------------------------------------------------


def marketing_purposes(session: Session) -> list[str]:
    return [code for code, p in session.purposes.items() if p.marketing]


def standard_tables(marketing: Sequence[str] = ()) -> list[list[Dim]]:
    """The set an annual report needs: one-way tables, consent per marketing purpose, and
    relation crossed with age and with postcode area."""
    names: list[list[str]] = [
        ["relation"],
        ["pc2"],
        ["city"],
        ["age"],
        *([f"consent:{p}"] for p in marketing),
        ["source"],
        ["since"],
        ["retention"],
        ["segment"],
        ["relation", "age"],
        ["relation", "pc2"],
    ]
    return [[dimension(n, marketing) for n in dims] for dims in names]


def _check_k(k: int) -> None:
    try:
        check_k(k)
    except DisclosureError as err:
        raise UserError("invalid", reason=(err.message("nl"), err.message("en"))) from None


K_SETTING = "stats_k"


def institution_k(session: Session) -> int:
    """The threshold the beheerder set for this institution (default 10, never below 5)."""
    value = session.setting(K_SETTING, K_DEFAULT)
    k = value if isinstance(value, int) else K_DEFAULT
    return min(max(k, K_MIN), K_MAX)


def set_institution_k(session: Session, k: int) -> None:
    """Only a role that manages policies (the beheerder) may change k."""
    session.require(Permission.MANAGE_POLICIES)
    _check_k(k)
    policies.set_setting(session, K_SETTING, k)


def effective_k(session: Session, k: int | None) -> int:
    """The k an export uses: the institution's, or a stricter one asked for; never lower."""
    floor = institution_k(session)
    if k is None:
        return floor
    _check_k(k)
    if k < floor:
        raise UserError(
            "invalid",
            reason=(
                f"De drempel k is voor deze instelling minstens {floor} (ingesteld door de "
                f"beheerder); {k} is te laag.",
                f"The threshold k is at least {floor} for this institution (set by the "
                f"administrator); {k} is too low.",
            ),
        )
    return k


def dims_from_text(session: Session, spec: str) -> list[Dim]:
    """Parse a `--by` text against the vault's purposes; UserError with the reason."""
    try:
        return parse_dimensions(spec, session.purposes)
    except DimensionError as err:
        raise UserError("invalid", reason=(err.message("nl"), err.message("en"))) from None


def protect(
    tables: Sequence[CountTable],
    k: int = K_DEFAULT,
    rounding: int | None = None,
    earlier: Sequence[Release] = (),
) -> list[PublishedTable]:
    """Suppression (linked across the tables of one export, and with `earlier` releases of
    the same data) or rounding of every count."""
    if rounding is not None:
        try:
            return [round_base(t, rounding) for t in tables]
        except DisclosureError as err:
            raise UserError("invalid", reason=(err.message("nl"), err.message("en"))) from None
    _check_k(k)
    try:
        return suppress_linked(tables, k, earlier_counts(earlier))
    except DisclosureError as err:
        if err.code != "sdc.linked":
            raise
        names = ", ".join(map(table_name, tables))
        raise releases.linking_refused(names, earlier) from None


def _all_hidden_labels(table: PublishedTable) -> dict[str, set[str]]:
    """Labels of open dimensions whose every count in `table` is hidden."""
    out: dict[str, set[str]] = {}
    cols = table.cell_cols()
    if table.row_dim.name in OPEN_DIMENSIONS:
        out[table.row_dim.name] = {
            r
            for r in table.row_labels
            if table.row_totals[r] is SUPPRESSED
            and all(table.cells[(r, c)] is SUPPRESSED for c in cols)
        }
    if table.col_dim is not None and table.col_dim.name in OPEN_DIMENSIONS:
        out.setdefault(table.col_dim.name, set()).update(
            c
            for c in table.col_labels
            if table.col_totals[c] is SUPPRESSED
            and all(table.cells[(r, c)] is SUPPRESSED for r in table.row_labels)
        )
    return out


def _protect_with_closed_labels(
    profiles: Sequence[Counter[Profile]],
    persons: int,
    dim_sets: Sequence[Sequence[Dim]],
    k: int,
    rounding: int | None,
    earlier: Sequence[Release] = (),
) -> list[PublishedTable]:
    """Protect the tables, merging labels that would give someone away into 'overig':
    first those held by fewer than k people, then any whose counts all came out hidden."""
    used = {d.name for dims in dim_sets for d in dims} & OPEN_DIMENSIONS
    merged = {dim: rare_in_profiles(profiles, dim_sets, dim, k) for dim in used}
    while True:
        relabelled = relabel_profiles(profiles, dim_sets, merged)
        tables = tables_from_profiles(relabelled, dim_sets, persons)
        published = protect(tables, k, rounding, earlier)
        if rounding is not None:
            return published
        more = False
        for table in published:
            for dim, labels in _all_hidden_labels(table).items():
                labels -= {UNKNOWN, OTHER}
                if labels - merged[dim]:
                    merged[dim] |= labels
                    more = True
        if not more:
            return published


@dataclass(frozen=True)
class StatsResult:
    """Protected tables ready to show or write; holds no true count of a hidden cell."""

    tables: list[PublishedTable]
    meta: StatsMeta
    population: Population
    persons: int = 0  # people counted (registered with the release, never shown per cell)

    @property
    def names(self) -> list[str]:
        return [table_name(t) for t in self.tables]

    def release(self) -> Release:
        return make_release(
            self.tables,
            population=self.population.code,
            reference=self.meta.reference_date,
            persons=self.persons,
        )


def compute_from_records(
    records: Sequence[StatsRecord],
    dim_sets: Sequence[Sequence[Dim]],
    *,
    population: Population,
    reference: date,
    k: int = K_DEFAULT,
    rounding: int | None = None,
    language: Language = "nl",
    earlier: Sequence[Release] = (),
) -> StatsResult:
    """Pure part of an export: count, protect, describe. Safe on a worker thread.

    `earlier` are the registered releases (services.stats_releases.earlier_releases); the
    suppressed ones of the same period, population and data are fixed in place and this
    export is protected together with them.
    """
    return compute_from_profiles(
        profile_counts(records, dim_sets),
        len(records),
        dim_sets,
        population=population,
        reference=reference,
        k=k,
        rounding=rounding,
        language=language,
        earlier=earlier,
    )


def compute_from_profiles(
    profiles: Sequence[Counter[Profile]],
    persons: int,
    dim_sets: Sequence[Sequence[Dim]],
    *,
    population: Population,
    reference: date,
    k: int = K_DEFAULT,
    rounding: int | None = None,
    language: Language = "nl",
    earlier: Sequence[Release] = (),
) -> StatsResult:
    """compute_from_records from the tables' profile counts (the vault's GROUP BYs)."""
    linked: list[Release] = []
    if rounding is None:
        _check_k(k)
        probe = Release(population.code, reference, "suppression", persons, {})
        linked = same_data(probe, earlier)
    published = _protect_with_closed_labels(profiles, persons, dim_sets, k, rounding, linked)
    meta = _meta(population, reference, k, rounding, language)
    return StatsResult(published, meta, population, persons=persons)


def count_on(
    conn: Connection,
    population: Population,
    dim_sets: Sequence[Sequence[Dim]],
    *,
    purposes: Sequence[str],
    reference: date,
    writable: bool,
) -> tuple[list[Counter[Profile]], int] | None:
    """The tables' profile counts and the number of people, counted in the vault over
    `conn` (any connection, e.g. a worker's); contacts added since the last count are
    written to its count table first. None when that cannot be (a read-only connection
    and new contacts): the caller counts loaded records instead."""
    if stats_repo.stale(conn):
        if not writable:
            return None
        with transaction(conn):
            stats_repo.refresh(conn)
    return query_profiles(conn, population, dim_sets, purposes=purposes, reference=reference)


def counts_on(
    conn: Connection,
    population: Population,
    dim_sets: Sequence[Sequence[Dim]],
    *,
    purposes: Sequence[str],
    reference: date,
    writable: bool,
) -> tuple[list[Counter[Profile]], int]:
    """count_on, or where the vault cannot count (read-only, new contacts) the same profile
    counts from the loaded records."""
    counted = count_on(
        conn, population, dim_sets, purposes=purposes, reference=reference, writable=writable
    )
    if counted is None:
        records = query_records(conn, population, purposes=purposes, reference=reference)
        counted = profile_counts(records, dim_sets), len(records)
    return counted


def _session_counting(session: Session) -> dict[str, Any]:
    session.require(Permission.STATS)
    return {
        "purposes": list(session.purposes),
        "reference": session.today(),
        "writable": not session.vault.read_only,
    }


def count_profiles(
    session: Session, population: Population, dim_sets: Sequence[Sequence[Dim]]
) -> tuple[list[Counter[Profile]], int] | None:
    """count_on over the session's connection."""
    return count_on(session.conn, population, dim_sets, **_session_counting(session))


def _meta(
    population: Population, reference: date, k: int, rounding: int | None, language: Language
) -> StatsMeta:
    return StatsMeta(
        reference_date=reference,
        population_label=population.label(language),
        k=k,
        rounding=rounding,
        language=language,
    )


def compute(
    session: Session,
    dims: str | Sequence[Dim] | None = None,
    *,
    k: int | None = None,
    rounding: int | None = None,
    population: Population = ALL,
) -> StatsResult:
    """One table (`dims`) or the standard set (None), protected.

    k None means the institution's threshold; a lower k than that is refused.
    """
    session.require(Permission.STATS)
    k = effective_k(session, k)
    if dims is None:
        dim_sets = standard_tables(marketing_purposes(session))
    else:
        one = dims_from_text(session, dims) if isinstance(dims, str) else list(dims)
        dim_sets = [one]
    lang: Language = "en" if session.lang == "en" else "nl"
    reference = session.today()
    frozen = frozen_result(session, dim_sets, population, k, rounding)
    if frozen is not None:
        return frozen
    return compute_from_profiles(
        *counts_on(session.conn, population, dim_sets, **_session_counting(session)),
        dim_sets,
        population=population,
        reference=reference,
        k=k,
        rounding=rounding,
        language=lang,
        earlier=releases.earlier_releases(session),
    )


def frozen_result(
    session: Session,
    dim_sets: Sequence[Sequence[Dim]],
    population: Population,
    k: int,
    rounding: int | None,
) -> StatsResult | None:
    """The frozen figures when today's reporting period is frozen (UserError when a table
    was not released in it); None when the period is open."""
    reference = session.today()
    if reference.year not in releases.frozen_periods(session):
        return None
    names = ["x".join(d.name for d in dims) for dims in dim_sets]
    method = "suppression" if rounding is None else "rounding"
    tables, persons = releases.frozen_tables(
        session, reference.year, population.code, names, method
    )
    k = tables[0].method.k or k  # the legend of the figures as they were published
    lang: Language = "en" if session.lang == "en" else "nl"
    meta = _meta(population, reference, k, rounding, lang)
    return StatsResult(tables, meta, population, persons=persons)


def save(session: Session, path: Path, result: StatsResult) -> Path:
    """Write `result` to .xlsx (any number of tables) or .csv (one table), audited."""
    session.require(Permission.STATS)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(
            "invalid",
            reason=(
                f"Kies een bestandsnaam op .xlsx of .csv (niet '{suffix or path.name}').",
                f"Choose a file name ending in .xlsx or .csv (not '{suffix or path.name}').",
            ),
        )
    if suffix == ".csv" and len(result.tables) != 1:
        raise UserError(
            "invalid",
            reason=(
                "Een .csv-bestand bevat één tabel; kies .xlsx voor de standaardset.",
                "A .csv file holds one table; choose .xlsx for the standard set.",
            ),
        )
    if not path.parent.is_dir():
        raise UserError(
            "io",
            file=path.name,
            reason=("de map bestaat niet", "the folder does not exist"),
        )
    release = result.release()
    releases.check_release(session, release, result.meta.k)
    # The audit entry and the file go together: if writing fails, the entry is rolled back.
    with session.write() as conn:
        try:
            if suffix == ".csv":
                write_csv(path, result.tables[0], result.meta)
            else:
                write_xlsx(path, result.tables, result.meta)
        except OSError as exc:
            raise UserError(
                "io", file=path.name, reason=(exc.strerror or "", exc.strerror or "")
            ) from None
        session.audit(
            conn,
            "stats.export",
            releases.RELEASES,
            **release.detail(),
            tables=result.names,
            k=None if result.meta.rounding else result.meta.k,
            rounding=result.meta.rounding,
            population=result.population.code,
            format=suffix.lstrip("."),
        )
    return path


def export(
    session: Session,
    path: Path,
    dims: str | Sequence[Dim] | None = None,
    k: int | None = None,
    rounding: int | None = None,
    population: Population = ALL,
) -> StatsResult:
    """Count, protect and write in one go (the CLI's `stats`)."""
    path = Path(path)
    if dims is None and path.suffix.lower() == ".csv":
        raise UserError(
            "invalid",
            reason=(
                "De standaardset bestaat uit meerdere tabellen: kies .xlsx, of geef met --by "
                "één tabel op voor .csv.",
                "The standard set has several tables: choose .xlsx, or give one table with "
                "--by for .csv.",
            ),
        )
    result = compute(session, dims, k=k, rounding=rounding, population=population)
    save(session, path, result)
    return result
