"""`python -m contactkluis` and the console script: GUI without a command, CLI with one."""

from __future__ import annotations

import sys


def main() -> int:
    import multiprocessing

    # The spreadsheet readers parse in a child process; a frozen bundle must let the
    # child run instead of starting a second program.
    multiprocessing.freeze_support()
    from contactkluis.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
