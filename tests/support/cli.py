"""The CLI run inside the test process: `main(argv)` as `python -m contactkluis` runs it.

A child interpreter pays ~1 s of start-up and imports per command on the 2-core machine, and
the CLI tests run hundreds of commands. What they check is the command's exit code and its
two streams, which an in-process run gives just as well. Tests about processes themselves
(a kill, the OS lock of a second instance, what the started process holds) use
`tests.support.vaults.run_cli_process` instead.

The run is sealed off from the test process: the environment, stdin and both streams are
the command's own, and what main() changes process-wide (umask, language, the passwords it
took from the environment) is put back afterwards.
"""

from __future__ import annotations

import io
import os
import sys
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass

from contactkluis import cli, hardening
from contactkluis.domain import messages


@dataclass(frozen=True)
class CliRun:
    """What a user sees of one command: the fields of subprocess.CompletedProcess it needs."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def _exit_code(exc: SystemExit, stderr: io.StringIO) -> int:
    # As the interpreter does it: None is 0, a number is itself, anything else is printed.
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=stderr)
    return 1


@contextmanager
def _sealed(env: Mapping[str, str], stdin: str) -> Iterator[None]:
    saved_env = dict(os.environ)
    saved_umask = os.umask(0o022)
    os.umask(saved_umask)
    saved_language = messages._language
    saved_secrets = dict(hardening._secrets)
    saved_stdin = sys.stdin
    saved_dumps = hardening.disable_core_dumps
    hardening._secrets.clear()
    os.environ.clear()
    os.environ.update(env)
    sys.stdin = io.StringIO(stdin)
    # RLIMIT_CORE 0 and PR_SET_DUMPABLE 0 cannot always be undone, and every later child of
    # this worker would inherit them (test_5 proves them on a real process).
    hardening.disable_core_dumps = lambda: None  # type: ignore[assignment]
    try:
        yield
    finally:
        hardening.disable_core_dumps = saved_dumps  # type: ignore[assignment]
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)
        os.umask(saved_umask)
        messages._language = saved_language
        hardening._secrets.clear()
        hardening._secrets.update(saved_secrets)


def cli_in_process(*args: str, stdin: str, env: Mapping[str, str]) -> CliRun:
    """One command with its own environment and stdin; its exit code and both streams."""
    out, err = io.StringIO(), io.StringIO()
    with _sealed(env, stdin), redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:
            code = _exit_code(exc, err)
        except Exception:
            # What the interpreter prints for an uncaught exception, so a test that asserts
            # "no Traceback" still sees one.
            traceback.print_exc(file=err)
            code = 1
    return CliRun(tuple(args), code, out.getvalue(), err.getvalue())


def cli_main(*args: str) -> int:
    """main(argv) with this test's environment, its output passed on to capsys.

    For tests that set the environment with monkeypatch and read the streams with capsys;
    sealed like cli_in_process, so the umask, the language and the passwords main() takes
    do not leak into the rest of the worker.
    """
    done = cli_in_process(*args, stdin="", env=dict(os.environ))
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done.returncode
