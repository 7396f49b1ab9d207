"""`python -m contactkluis` and the console script: GUI without a command, CLI with one."""

from __future__ import annotations

import sys


def main() -> int:
    from contactkluis.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
