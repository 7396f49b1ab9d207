"""stats (anonymised counts) and segments (Culturele Doelgroepenmodel export/import)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from contactkluis.cli.common import out, run_with_session, say
from contactkluis.domain.contact import RelationKind
from contactkluis.domain.disclosure import K_DEFAULT, K_MAX, K_MIN, MARK, ROUNDING_BASES
from contactkluis.errors import UserError
from contactkluis.services import segments, stats, stats_releases
from contactkluis.services.session import Session


def _dimension_help() -> str:
    return say("breakdowns_one_two_separated")


def cmd_stats(args: argparse.Namespace) -> int:
    population = stats.Population.parse(args.population)
    if args.round is not None and args.min_count is not None:
        raise UserError(
            "invalid",
            reason=(
                "Kies afschermen (--min-count) of afronden (--round), niet allebei.",
                "Choose suppression (--min-count) or rounding (--round), not both.",
            ),
        )

    def run(session: Session) -> stats.StatsResult:
        return stats.export(
            session,
            Path(args.out),
            args.by,
            k=args.min_count,
            rounding=args.round,
            population=population,
        )

    result = run_with_session(args, run)
    k = result.meta.k
    method = (
        say("rounded", round=args.round) if args.round else say("suppressed_below", k=k, mark=MARK)
    )
    out(
        say(
            "stats_written",
            out=args.out,
            n_tables=len(result.tables),
            method=method,
            population=(result.population.label("nl"), result.population.label("en")),
        )
    )
    return 0


def cmd_stats_threshold(args: argparse.Namespace) -> int:
    def run(session: Session) -> int:
        if args.k is not None:
            stats.set_institution_k(session, args.k)
        return stats.institution_k(session)

    k = run_with_session(args, run)
    out(say("threshold_now", k=k, k_1=k - 1))
    return 0


def cmd_stats_freeze(args: argparse.Namespace) -> int:
    def run(session: Session) -> set[int]:
        if args.year is not None:
            stats_releases.freeze_period(session, args.year, frozen=not args.thaw)
        return stats_releases.frozen_periods(session)

    periods = run_with_session(args, run)
    out(say("frozen_now", periods=", ".join(map(str, sorted(periods))) or "-"))
    return 0


def cmd_segments_export(args: argparse.Namespace) -> int:
    result = run_with_session(args, lambda s: segments.export_for_segmentation(s, Path(args.out)))
    out(
        say(
            "segments_written",
            out=args.out,
            exported=result.exported,
            contacts=result.contacts,
            without_address=result.without_address,
            excluded=result.excluded,
        )
    )
    out(say("segments_passphrase", passphrase=result.passphrase))
    return 0


def _passphrase(args: argparse.Namespace) -> str | None:
    if not args.passphrase_stdin:
        return None
    if args.password_stdin:  # stdin was read whole: the line after the vault password
        return str(args.passwords.get(say("password"), env="CONTACTKLUIS_SEGMENTS_PASSPHRASE"))
    return sys.stdin.readline().strip()


def cmd_segments_import(args: argparse.Namespace) -> int:
    r = run_with_session(
        args,
        lambda s: segments.import_segments(s, Path(args.file), passphrase=_passphrase(args)),
    )
    out(
        say(
            "segments_read",
            rows=r.rows,
            matched=r.matched,
            unmatched=r.unmatched,
            updated=r.updated,
            skipped_objecting=r.skipped_objecting,
        )
    )
    if r.unmatched_rows:
        rows = ", ".join(map(str, r.unmatched_rows))
        out(say("unmatched_rows", rows=rows))
    if r.segments:
        out(say("segments_heading") + ", ".join(r.segments))
    return 0


def _k(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("not_whole_number")) from None
    if not K_MIN <= value <= K_MAX:
        raise argparse.ArgumentTypeError(say("choose_k", K_MIN=K_MIN, K_MAX=K_MAX))
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    populations = [p.code for p in stats.population_options()]
    s = sub.add_parser(
        "stats",
        help=say("export_anonymised_counts"),
        description=_dimension_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument(
        "--by",
        metavar="DIM[,DIM]",
        help=say("breakdown_s_see_above"),
    )
    s.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    s.add_argument(
        "--min-count",
        type=_k,
        metavar="K",
        help=say("k_help", K_MIN=K_MIN, K_MAX=K_MAX, K_DEFAULT=K_DEFAULT),
    )
    s.add_argument(
        "--round",
        type=int,
        choices=ROUNDING_BASES,
        help=say("round_every_count_this"),
    )
    s.add_argument(
        "--population",
        default="all",
        choices=populations,
        help=say("who_counted_all_contacts") + f" ({', '.join(k.value for k in RelationKind)})",
    )
    s.set_defaults(func=cmd_stats)

    t = sub.add_parser(
        "stats-threshold",
        help=say("threshold_help"),
    )
    t.add_argument(
        "k",
        nargs="?",
        type=_k,
        help=say("threshold_new", K_MIN=K_MIN, K_MAX=K_MAX),
    )
    t.set_defaults(func=cmd_stats_threshold)

    f = sub.add_parser("stats-freeze", help=say("freeze_help"))
    f.add_argument("year", nargs="?", type=int, help=say("freeze_year"))
    f.add_argument("--thaw", action="store_true", help=say("freeze_thaw"))
    f.set_defaults(func=cmd_stats_freeze)

    g = sub.add_parser(
        "segments",
        help=say("exchange_audience_segments_culturele"),
    )
    gs = g.add_subparsers(dest="segments_cmd", required=True)
    e = gs.add_parser(
        "export",
        help=say("write_key_postcode_house"),
    )
    e.add_argument("--out", required=True, metavar="FILE.xlsx")
    e.set_defaults(func=cmd_segments_export)
    i = gs.add_parser("import", help=say("read_returned_file"))
    i.add_argument("file")
    i.add_argument("--passphrase-stdin", action="store_true", help=say("segments_passphrase_stdin"))
    i.set_defaults(func=cmd_segments_import)
