"""What every command shares: finding the vault, getting passwords, printing."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from contactkluis.cli.texts import say as say
from contactkluis.errors import UserError
from contactkluis.hardening import secret_from_environment
from contactkluis.services.accounts import unlock
from contactkluis.services.session import Session

Handler = Callable[[argparse.Namespace], int]


class Passwords:
    """Passwords from --password-stdin (one per line), the environment, or a prompt."""

    def __init__(self, use_stdin: bool) -> None:
        self._lines: list[str] | None = None
        self._use_stdin = use_stdin

    def _stdin(self) -> str | None:
        if not self._use_stdin:
            return None
        if self._lines is None:
            self._lines = [line.rstrip("\r\n") for line in sys.stdin.readlines()]
        return self._lines.pop(0) if self._lines else None

    def get(self, prompt: str, env: str = "CONTACTKLUIS_PASSWORD", confirm: bool = False) -> str:
        value = self._stdin()
        if value is None:
            value = secret_from_environment(env)
        if value is None:
            if not sys.stdin or not sys.stdin.isatty():
                raise UserError("no_password")
            value = getpass.getpass(prompt)
            if confirm and getpass.getpass(say("again")) != value:
                raise UserError(
                    "invalid", reason=("De wachtwoorden verschillen.", "The passwords differ.")
                )
        return value


def default_db() -> Path:
    from contactkluis.config import load_config
    from contactkluis.vault.vault import default_vault_path

    env = os.environ.get("CONTACTKLUIS_DB")
    if env:
        return Path(env)
    remembered = load_config().get("vault_path")
    return Path(remembered) if remembered else default_vault_path()


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db()


def user_name(args: argparse.Namespace) -> str:
    return str(args.user or os.environ.get("CONTACTKLUIS_USER") or getpass.getuser())


def open_session(args: argparse.Namespace, *, read_only: bool = False) -> Session:
    pw = args.passwords.get(say("password"))
    return unlock(db_path(args), user_name(args), pw, read_only=read_only)


def run_with_session(
    args: argparse.Namespace, fn: Callable[[Session], Any], *, read_only: bool = False
) -> Any:
    session = open_session(args, read_only=read_only)
    try:
        return fn(session)
    finally:
        session.vault.close()


def out(text: str = "") -> None:
    print(text)
