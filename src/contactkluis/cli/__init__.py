"""`contactkluis [--db PATH] [--user NAME] COMMAND`: the same services as the GUI, headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from contactkluis import __version__
from contactkluis.cli import import_cmds, privacy_cmds, stats_cmds, vault_cmds
from contactkluis.cli.common import Passwords, say
from contactkluis.domain import messages
from contactkluis.errors import UserError
from contactkluis.hardening import harden_process

# Modules that add commands; each has register(subparsers).
COMMAND_MODULES = (vault_cmds, import_cmds, privacy_cmds, stats_cmds)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contactkluis",
        description=say("description"),
    )
    parser.add_argument("--version", action="version", version=f"contactkluis {__version__}")
    parser.add_argument("--db", help=say("path_vault"))
    parser.add_argument("--user", help=say("account_name"))
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=say("password_stdin"),
    )
    parser.add_argument("--lang", choices=["nl", "en"], help=say("language"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    argv = list(sys.argv[1:] if argv is None else argv)
    # Help texts are built in the chosen language, so it is read before argparse runs.
    wanted = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else None
    messages.set_language(wanted)
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
            say("interrupted"),
            file=sys.stderr,
        )
        return 130
    except Exception as exc:
        print(
            say("unexpected", kind=type(exc).__name__),
            file=sys.stderr,
        )
        if os.environ.get("CONTACTKLUIS_DEBUG"):
            raise
        return 70
