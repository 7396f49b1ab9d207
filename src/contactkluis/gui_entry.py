"""Starting the GUI from the CLI entry point without importing PySide6 at module level."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    from contactkluis.ui.app import run

    return run(db=args.db, user=args.user, lang=args.lang)
