"""`contactkluis [--db PATH] [--user NAME] COMMAND`: the same services as the GUI, headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from contactkluis import __version__
from contactkluis.cli.common import Passwords, tr
from contactkluis.errors import UserError
from contactkluis.hardening import harden_process

# Modules that add commands; each has register(subparsers). Optional ones may be absent
# while a feature is being built.
COMMAND_MODULES = (
    "contactkluis.cli.vault_cmds",
    "contactkluis.cli.import_cmds",
    "contactkluis.cli.privacy_cmds",
    "contactkluis.cli.stats_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="contactkluis",
        description=tr(
            "Contactkluis: versleutelde contactenadministratie volgens de AVG. Zonder opdracht"
            " start het programmavenster.",
            "Contactkluis: encrypted, GDPR-aware contact management. Without a command the"
            " program window opens.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"contactkluis {__version__}")
    parser.add_argument("--db", help=tr("pad naar de kluis", "path to the vault"))
    parser.add_argument("--user", help=tr("accountnaam", "account name"))
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=tr(
            "lees wachtwoord(en) van standaardinvoer, één per regel",
            "read password(s) from standard input, one per line",
        ),
    )
    parser.add_argument("--lang", choices=["nl", "en"], help=tr("taal", "language"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv:
        idx = argv.index("--lang")
        if idx + 1 < len(argv):
            os.environ["CONTACTKLUIS_LANG"] = argv[idx + 1]
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from contactkluis.gui_entry import run_gui

        return run_gui(args)
    args.passwords = Passwords(args.password_stdin)
    try:
        return int(args.func(args))
    except UserError as err:
        print(err.message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            tr("Afgebroken; er is niets gewijzigd.", "Interrupted; nothing was changed."),
            file=sys.stderr,
        )
        return 130
    except Exception as exc:
        print(
            tr(
                f"Onverwachte fout ({type(exc).__name__}). Er is niets half opgeslagen; meld"
                " dit aan de leverancier.",
                f"Unexpected error ({type(exc).__name__}). Nothing was half-saved; please"
                " report this.",
            ),
            file=sys.stderr,
        )
        if os.environ.get("CONTACTKLUIS_DEBUG"):
            raise
        return 70
