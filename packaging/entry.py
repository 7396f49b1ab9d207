"""PyInstaller entry point: the same `main` as the console script."""

import sys

from contactkluis.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
