"""import and export."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from contactkluis.cli.common import lang, out, run_with_session, tr
from contactkluis.migration.report import ImportReport
from contactkluis.services.export import export_all
from contactkluis.services.files import write_atomic
from contactkluis.services.importing import MappingSet, import_files
from contactkluis.services.session import Session


def cmd_import(args: argparse.Namespace) -> int:
    mapping = MappingSet.load(Path(args.mapping)) if args.mapping else None
    paths = [Path(p) for p in args.files]

    def run(session: Session) -> ImportReport:
        return import_files(session, paths, dry_run=args.dry_run, mapping=mapping)

    report = run_with_session(args, run)
    for line in report.summary(lang()):
        out(line)
    if args.report:
        target = Path(args.report)
        data = json.dumps(report.to_json(), indent=1, ensure_ascii=False).encode("utf-8")
        write_atomic(target, lambda fh: fh.write(data))
        out(tr(f"Rapport: {target}", f"Report: {target}"))
    return 1 if any(f.error for f in report.files) and not report.created + report.merged else 0


def cmd_export(args: argparse.Namespace) -> int:
    count = run_with_session(args, lambda s: export_all(s, Path(args.out)))
    out(
        tr(
            f"{count} contacten geëxporteerd naar {args.out}",
            f"{count} contacts exported to {args.out}",
        )
    )
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from contactkluis.services import contacts

    if args.dup_cmd == "dismiss":
        run_with_session(args, lambda s: contacts.dismiss_duplicate(s, args.a, args.b))
        out(
            tr(
                "Het paar staat niet meer op de lijst met mogelijke dubbelen.",
                "The pair is off the list of possible duplicates.",
            )
        )
        return 0
    pairs = run_with_session(args, contacts.open_duplicates)
    for a, b, score, reason in pairs:
        out(f"{a}\t{b}\t{score:.0f}\t{reason}")
    if not pairs:
        out(tr("Geen mogelijke dubbelen.", "No possible duplicates."))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help=tr(
            "oude lijsten importeren (xlsx, xls, xlsb, ods, csv)",
            "import legacy lists (xlsx, xls, xlsb, ods, csv)",
        ),
    )
    p.add_argument("files", nargs="+")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("alleen het rapport, niets opslaan", "report only, write nothing"),
    )
    p.add_argument(
        "--mapping",
        help=tr(
            "JSON-koppelingsbestand dat de automatische koppeling overschrijft",
            "JSON mapping file overriding the automatic mapping",
        ),
    )
    p.add_argument("--report", help=tr("schrijf het rapport als JSON", "write the report as JSON"))
    p.set_defaults(func=cmd_import)
    e = sub.add_parser(
        "export",
        help=tr("alle contacten exporteren (beheerder)", "export all contacts (administrator)"),
    )
    e.add_argument("--out", required=True)
    e.set_defaults(func=cmd_export)
    d = sub.add_parser(
        "duplicates",
        help=tr("mogelijke dubbelen bekijken of afvinken", "review or dismiss possible duplicates"),
    )
    ds = d.add_subparsers(dest="dup_cmd", required=True)
    ds.add_parser(
        "list",
        help=tr(
            "open paren tonen (id, id, score, reden)", "show open pairs (id, id, score, reason)"
        ),
    ).set_defaults(func=cmd_duplicates)
    dd = ds.add_parser(
        "dismiss",
        help=tr(
            "een paar afvinken als twee verschillende personen",
            "mark a pair as two different people",
        ),
    )
    dd.add_argument("a", type=int)
    dd.add_argument("b", type=int)
    dd.set_defaults(func=cmd_duplicates)
