"""What the process does first: owner-only new files, no core dumps, no passwords in its env.

A core dump of an unlocked Contactkluis holds the data key, the password and contacts; the
environment of the process is inherited by every child (the spreadsheet reader) and readable
in /proc. So before anything else: no dumps, and the password variables leave os.environ the
moment the program starts, kept only in this module for the CLI to ask for once.
"""

from __future__ import annotations

import os

from contactkluis.domain.process import disable_core_dumps

# Variables a script may use to pass passwords (README, docs/privacy.md).
SECRET_VARIABLES = ("CONTACTKLUIS_PASSWORD", "CONTACTKLUIS_NEW_PASSWORD")
# Files and folders we create are the user's alone (POSIX); see also vault/private_files.py.
UMASK = 0o077

_secrets: dict[str, str] = {}


def harden_process() -> None:
    """Run once at start, before any vault is opened or any child is started."""
    os.umask(UMASK)
    disable_core_dumps()
    for name in SECRET_VARIABLES:
        value = os.environ.pop(name, None)
        if value is not None:
            _secrets[name] = value


def secret_from_environment(name: str) -> str | None:
    """A password that was passed in the environment (it is no longer there)."""
    value = os.environ.pop(name, None)  # set after the start, e.g. by an embedding script
    if value is not None:
        _secrets[name] = value
    return _secrets.get(name)
