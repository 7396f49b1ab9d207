"""import and export."""

from __future__ import annotations

import argparse
import codecs
import json
from pathlib import Path

from contactkluis.cli.common import out, run_with_session, say
from contactkluis.domain.messages import current_language
from contactkluis.services.export import export_all
from contactkluis.services.files import write_atomic
from contactkluis.services.import_plan import ImportReport
from contactkluis.services.importing import MappingSet, import_files
from contactkluis.services.session import Session


def cmd_import(args: argparse.Namespace) -> int:
    mapping = MappingSet.load(Path(args.mapping)) if args.mapping else None
    paths = [Path(p) for p in args.files]

    def run(session: Session) -> ImportReport:
        return import_files(
            session, paths, dry_run=args.dry_run, mapping=mapping, encoding=args.encoding
        )

    report = run_with_session(args, run)
    for line in report.summary(current_language()):
        out(line)
    if args.report:
        target = Path(args.report)
        data = json.dumps(report.to_json(), indent=1, ensure_ascii=False).encode("utf-8")
        write_atomic(target, lambda fh: fh.write(data))
        out(say("report_written", target=target))
    return 1 if any(f.error for f in report.files) and not report.created + report.merged else 0


def cmd_export(args: argparse.Namespace) -> int:
    count = run_with_session(args, lambda s: export_all(s, Path(args.out)))
    out(say("contacts_exported", count=count, out=args.out))
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from contactkluis.services import contacts

    if args.dup_cmd == "dismiss":
        run_with_session(args, lambda s: contacts.dismiss_duplicate(s, args.a, args.b))
        out(say("pair_dismissed"))
        return 0
    from contactkluis.services.review import review_pairs

    pairs = run_with_session(args, review_pairs)
    for p in pairs:
        # The ids first (what `dismiss` takes), then who they are and why they are listed,
        # in words: the reason's code (same_name_other_postcode) is for the program only.
        out(f"{p.a}\t{p.b}\t{p.score:.0f}\t{p.name_a}\t{p.name_b}\t{p.reason_text}")
    if not pairs:
        out(say("no_possible_duplicates"))
    return 0


def _code_page(name: str) -> str:
    """A Python codec name (cp850, cp1252, utf-8, ...); refused before any file is read."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise argparse.ArgumentTypeError(say("unknown_encoding", name=name)) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help=say("import_legacy_lists_xlsx"),
    )
    p.add_argument("files", nargs="+")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=say("report_only_write_nothing"),
    )
    p.add_argument(
        "--mapping",
        help=say("json_mapping_file_overriding"),
    )
    p.add_argument("--report", help=say("write_report_as_json"))
    p.add_argument(
        "--encoding",
        metavar="CP",
        type=_code_page,
        help=say("force_text_encoding"),
    )
    p.set_defaults(func=cmd_import)
    e = sub.add_parser(
        "export",
        help=say("export_all_contacts_administrator"),
    )
    e.add_argument("--out", required=True)
    e.set_defaults(func=cmd_export)
    d = sub.add_parser(
        "duplicates",
        help=say("review_dismiss_possible_duplicates"),
    )
    ds = d.add_subparsers(dest="dup_cmd", required=True)
    ds.add_parser(
        "list",
        help=say("show_open_pairs_named"),
    ).set_defaults(func=cmd_duplicates)
    dd = ds.add_parser(
        "dismiss",
        help=say("mark_pair_as_two"),
    )
    dd.add_argument("a", type=int)
    dd.add_argument("b", type=int)
    dd.set_defaults(func=cmd_duplicates)
