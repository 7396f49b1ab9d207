"""stats (anonymised counts) and segments (Culturele Doelgroepenmodel export/import)."""

from __future__ import annotations

import argparse
from pathlib import Path

from contactkluis.cli.common import out, run_with_session, tr
from contactkluis.domain.contact import RelationKind
from contactkluis.domain.disclosure import K_DEFAULT, K_MAX, K_MIN, MARK, ROUNDING_BASES
from contactkluis.errors import UserError
from contactkluis.services import segments, stats
from contactkluis.services.context import Session


def _dimension_help() -> str:
    return tr(
        "Indelingen (één, of twee gescheiden door een komma):\n"
        "  relation          relatie (vriend, donateur, ...)\n"
        "  pc2 / pc4         postcodegebied, 2 of 4 cijfers\n"
        "  city              woonplaats\n"
        "  age               leeftijd in klassen van 10 jaar\n"
        "  consent:DOEL      toestemming voor een doel, bijv. consent:nieuwsbrief\n"
        "  source            bronlijst (het bestand waar de persoon uit komt)\n"
        "  since             relatie sinds (jaar)\n"
        "  retention         bewaartermijn (binnen termijn / verloopt binnenkort / verlopen)\n"
        "  segment           segment uit het Culturele Doelgroepenmodel\n"
        "Zonder --by: de standaardset tabellen (alleen .xlsx).\n"
        "Aantallen van 1 tot en met k-1 worden afgeschermd en als 'x' getoond (k stelt de\n"
        "beheerder in, standaard 10); met --round 5 wordt alles afgerond op een veelvoud van 5.",
        "Breakdowns (one, or two separated by a comma):\n"
        "  relation          relation (vriend, donateur, ...)\n"
        "  pc2 / pc4         postcode area, 2 or 4 digits\n"
        "  city              city\n"
        "  age               age in 10-year bands\n"
        "  consent:PURPOSE   consent for a purpose, e.g. consent:nieuwsbrief\n"
        "  source            source list (the file the person came from)\n"
        "  since             relation since (year)\n"
        "  retention         retention (within period / ends soon / expired)\n"
        "  segment           segment of the Dutch cultural audience model\n"
        "Without --by: the standard set of tables (.xlsx only).\n"
        "Counts from 1 to k-1 are suppressed and shown as 'x' (k is set by the administrator,\n"
        "default 10); with --round 5 every count is rounded to a multiple of 5.",
    )


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
        tr(f"afgerond op {args.round}", f"rounded to {args.round}")
        if args.round
        else tr(
            f"afgeschermd onder {k}, getoond als '{MARK}'",
            f"suppressed below {k}, shown as '{MARK}'",
        )
    )
    out(
        tr(
            f"Geschreven: {args.out} ({len(result.tables)} tabel(len), {method}, "
            f"populatie: {result.population.label('nl')}).",
            f"Written: {args.out} ({len(result.tables)} table(s), {method}, "
            f"population: {result.population.label('en')}).",
        )
    )
    return 0


def cmd_stats_threshold(args: argparse.Namespace) -> int:
    def run(session: Session) -> int:
        if args.k is not None:
            stats.set_institution_k(session, args.k)
        return stats.institution_k(session)

    k = run_with_session(args, run)
    out(
        tr(
            f"Drempel k voor tellingen: {k} (aantallen 1 tot en met {k - 1} worden afgeschermd).",
            f"Threshold k for counts: {k} (counts from 1 to {k - 1} are suppressed).",
        )
    )
    return 0


def cmd_segments_export(args: argparse.Namespace) -> int:
    result = run_with_session(args, lambda s: segments.export_for_segmentation(s, Path(args.out)))
    out(
        tr(
            f"Geschreven: {args.out} met {result.exported} adressen (zonder namen). "
            f"{result.without_address} zonder bruikbaar adres, {result.excluded} uitgesloten "
            "(bezwaar tegen profilering, beperkt of geanonimiseerd).",
            f"Written: {args.out} with {result.exported} addresses (no names). "
            f"{result.without_address} without a usable address, {result.excluded} excluded "
            "(objection to profiling, restricted or anonymised).",
        )
    )
    return 0


def cmd_segments_import(args: argparse.Namespace) -> int:
    r = run_with_session(args, lambda s: segments.import_segments(s, Path(args.file)))
    out(
        tr(
            f"{r.rows} rijen met een segment: {r.matched} gekoppeld, {r.unmatched} niet "
            f"gekoppeld. {r.updated} contacten bijgewerkt, {r.skipped_objecting} overgeslagen "
            "(bezwaar tegen profilering, beperkt of geanonimiseerd).",
            f"{r.rows} rows with a segment: {r.matched} matched, {r.unmatched} unmatched. "
            f"{r.updated} contacts updated, {r.skipped_objecting} skipped "
            "(objection to profiling, restricted or anonymised).",
        )
    )
    if r.unmatched_rows:
        rows = ", ".join(map(str, r.unmatched_rows))
        out(tr(f"Niet gekoppelde rijen: {rows}", f"Unmatched rows: {rows}"))
    if r.segments:
        out(tr("Segmenten: ", "Segments: ") + ", ".join(r.segments))
    return 0


def _k(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("geen geheel getal", "not a whole number")) from None
    if not K_MIN <= value <= K_MAX:
        raise argparse.ArgumentTypeError(
            tr(f"kies {K_MIN} tot en met {K_MAX}", f"choose {K_MIN} to {K_MAX}")
        )
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    populations = [p.code for p in stats.population_options()]
    s = sub.add_parser(
        "stats",
        help=tr("geanonimiseerde tellingen exporteren", "export anonymised counts"),
        description=_dimension_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument(
        "--by",
        metavar="DIM[,DIM]",
        help=tr(
            "indeling(en), zie hierboven; zonder --by de standaardset",
            "breakdown(s), see above; without --by the standard set",
        ),
    )
    s.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    s.add_argument(
        "--min-count",
        type=_k,
        metavar="K",
        help=tr(
            f"drempel k ({K_MIN}-{K_MAX}; standaard die van de instelling, {K_DEFAULT} tenzij de "
            "beheerder anders koos; lager dan die van de instelling kan niet): aantallen 1..k-1 "
            "worden afgeschermd",
            f"threshold k ({K_MIN}-{K_MAX}; default the institution's, {K_DEFAULT} unless the "
            "administrator chose otherwise; lower than the institution's is refused): counts "
            "1..k-1 are suppressed",
        ),
    )
    s.add_argument(
        "--round",
        type=int,
        choices=ROUNDING_BASES,
        help=tr("rond alle aantallen af op dit veelvoud", "round every count to this multiple"),
    )
    s.add_argument(
        "--population",
        default="all",
        choices=populations,
        help=tr(
            "wie er geteld wordt: alle contacten of één relatiesoort",
            "who is counted: all contacts or one relation kind",
        )
        + f" ({', '.join(k.value for k in RelationKind)})",
    )
    s.set_defaults(func=cmd_stats)

    t = sub.add_parser(
        "stats-threshold",
        help=tr(
            "drempel k voor tellingen tonen of instellen (instellen: beheerder)",
            "show or set the threshold k for counts (setting it: administrator)",
        ),
    )
    t.add_argument(
        "k",
        nargs="?",
        type=_k,
        help=tr(
            f"nieuwe drempel ({K_MIN}-{K_MAX}); zonder: toon de huidige",
            f"new threshold ({K_MIN}-{K_MAX}); without: show the current one",
        ),
    )
    t.set_defaults(func=cmd_stats_threshold)

    g = sub.add_parser(
        "segments",
        help=tr(
            "doelgroepsegmenten (Culturele Doelgroepenmodel) uitwisselen (beheerder)",
            "exchange audience segments (Culturele Doelgroepenmodel) (administrator)",
        ),
    )
    gs = g.add_subparsers(dest="segments_cmd", required=True)
    e = gs.add_parser(
        "export",
        help=tr(
            "schrijf sleutel, postcode en huisnummer (geen namen) voor segmentatie",
            "write key, postcode and house number (no names) for segmentation",
        ),
    )
    e.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    e.set_defaults(func=cmd_segments_export)
    i = gs.add_parser("import", help=tr("lees het teruggekomen bestand", "read the returned file"))
    i.add_argument("file")
    i.set_defaults(func=cmd_segments_import)
