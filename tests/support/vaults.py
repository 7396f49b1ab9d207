"""Helpers for the vault tests: a vault made once and copied per test, file snapshots, CLI runs.

Creating a vault costs three Argon2id derivations at the RFC floor (~1 s on the 2-core
machine); copying the two files of a closed vault costs nothing. Tests that are not about
creation start from a copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from contactkluis.services.session import Session
from contactkluis.vault.keyfile import key_path
from tests.conftest import ADMIN, ADMIN_PW, FAST_KDF, STAFF, STAFF_PW
from tests.support.cli import CliRun, cli_in_process

__all__ = ["ADMIN", "ADMIN_PW", "STAFF", "STAFF_PW"]

INSTITUTION = "Museum Proef"
# Invented people already in the template vault.
TEMPLATE_CONTACTS = (("Anke", "Verbruggen"), ("Bram", "Oosterhuis"))


@dataclass(frozen=True)
class Template:
    """A closed vault with a beheerder, a medewerker, two contacts and a known recovery key."""

    path: Path
    recovery_key: str
    vault_id: str
    contact_ids: tuple[int, ...]

    def copy_to(self, folder: Path, name: str = "kluis.ckdb") -> Path:
        return copy_vault(self.path, folder / name)


_TEMPLATE: Template | None = None
_EMPTY: Path | None = None


@contextmanager
def _new_vault(base: Path, folder: str) -> Iterator[tuple[Session, str]]:
    """A new vault under base/folder, closed again on exit."""
    from contactkluis.services.accounts import create_vault

    with pytest.MonkeyPatch.context() as mp:
        # Session-scoped callers run before the per-test folders are set up.
        mp.setenv("CONTACTKLUIS_STATE_DIR", str(base / "state"))
        path = base / folder / "kluis.ckdb"
        session, recovery = create_vault(path, INSTITUTION, ADMIN, ADMIN_PW, kdf=FAST_KDF)
        yield session, recovery
        session.vault.close()


def vault_template(base: Path) -> Template:
    """Build the template once per test process (the first caller's folder holds it)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        from contactkluis.domain.contact import Contact, PersonName
        from contactkluis.services.accounts import add_account
        from contactkluis.services.contacts import create_contact

        with _new_vault(base, "template") as (session, recovery):
            add_account(session, STAFF, "medewerker", STAFF_PW)
            ids = [
                create_contact(session, Contact(name=PersonName(first=first, last=last)))
                for first, last in TEMPLATE_CONTACTS
            ]
            vault_id = session.vault.vault_id
            path = session.vault.path
        _TEMPLATE = Template(path, recovery, vault_id, tuple(ids))
    return _TEMPLATE


def empty_vault_template(base: Path) -> Path:
    """A closed new vault with only the first beheerder, built once per test process.

    The `session` fixture copies it instead of creating a vault per test: one Argon2id
    derivation (the unlock) per test instead of three.
    """
    global _EMPTY
    if _EMPTY is None:
        with _new_vault(base, "empty") as (session, _recovery):
            _EMPTY = session.vault.path
    return _EMPTY


_BUILT: dict[str, Path] = {}


def built_once(base: Path, name: str, build: Callable[[Session], object]) -> Path:
    """A closed vault that `build` filled on a new vault, made once per test process.

    For fixtures whose data costs seconds to insert (thousands of contacts, an extra
    account): each test copies the result instead of building it again.
    """
    if name not in _BUILT:
        with _new_vault(base, name) as (session, _recovery):
            build(session)
            _BUILT[name] = session.vault.path
    return _BUILT[name]


def copy_vault(source: Path, target: Path) -> Path:
    """The database and its keyfile, copied together so the pair stays consistent."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    shutil.copyfile(key_path(source), key_path(target))
    return target


@dataclass(frozen=True)
class FileState:
    data: bytes
    mtime_ns: int


def snapshot(folder: Path) -> dict[str, FileState]:
    """Every file in a folder with its bytes and modification time."""
    return {
        p.name: FileState(p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def sidecars(db: Path) -> list[str]:
    """SQLite's journal files next to a database, if any exist."""
    names = (db.name + "-wal", db.name + "-shm", db.name + "-journal")
    return [n for n in names if (db.parent / n).exists()]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: the test's isolated folders, Dutch by default."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONTACTKLUIS_PASSWORD")}
    env.update(extra)
    return env


def run_cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> CliRun:
    """`contactkluis ARGS` as a user would run it, passwords on stdin, in this process."""
    return cli_in_process(*args, stdin=stdin, env=env or child_env())


def run_cli_process(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`python -m contactkluis ARGS` in a process of its own, for tests about processes."""
    return subprocess.run(
        [sys.executable, "-m", "contactkluis", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env or child_env(),
        timeout=timeout,
        check=False,
    )


def run_script(
    code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env or child_env(),
        timeout=timeout,
        check=False,
    )


@contextmanager
def schema_at(version: int) -> Iterator[None]:
    """Vaults created or opened inside this block stop at schema `version`, as an older
    release made them; the next unlock outside it upgrades them (the upgrade tests)."""
    from contactkluis.vault import contact_rows, contacts_repo, schema
    from contactkluis.vault import vault as vault_module

    migrations = schema.MIGRATIONS[:version]
    with pytest.MonkeyPatch.context() as patch:
        if version < 14:
            # The history rows go in with their texts written out, into the tables that
            # held them before version 14 (schema_v14 names the texts by number).
            consent, relation, provenance = _history_inserts(version)
            inserts = (
                contact_rows.EMAIL_INSERT,
                contact_rows.PHONE_INSERT,
                consent,
                relation,
                provenance,
            )
            patch.setattr(contacts_repo, "CONSENT_INSERT", consent)
            patch.setattr(contacts_repo, "RELATION_INSERT", relation)
            patch.setattr(contacts_repo, "PROVENANCE_INSERT", provenance)
            patch.setattr(contacts_repo, "CHILD_INSERTS", inserts)
            patch.setattr(
                contacts_repo, "HISTORY_TABLES", ("consent_events", "relations", "provenance")
            )
        if version < 12:
            # This release's code writes and reads a `seq` per child row (version 12): the
            # older tables get that column so the tests can fill them through the services.
            # The upgrade ignores it (it numbers each contact's rows by their id).
            extra = "".join(
                f"\nALTER TABLE {t} ADD COLUMN seq INTEGER;"
                for t in ("emails", "phones", "consent_events", "relations", "provenance")
            )
            migrations = [*migrations[:-1], migrations[-1] + extra]
        if version < 13:
            # contacts' created and updated moments go in as the ISO text older releases wrote
            patch.setattr(contacts_repo, "MOMENT", "?")
        patch.setattr(vault_module, "MIGRATIONS", migrations)
        patch.setattr(vault_module, "SCHEMA_VERSION", version)
        yield


def _history_inserts(version: int) -> tuple[str, str, str]:
    """The consent, relation and source inserts of the release with schema `version` (< 14):
    texts written out; consent moments as ISO text before version 12."""
    from contactkluis.vault.schema_v12 import next_seq

    moment = "unixepoch(?8)" if version >= 12 else "?8"
    return (
        "INSERT INTO consent_events (contact_id, seq, purpose, status, on_date, source, evidence,"
        " reconfirm, recorded_at, recorded_by, undated)"
        f" VALUES (?1, {next_seq('consent_events')}, ?2, ?3, ?4, ?5, ?6, ?7, {moment}, ?9, ?10)",
        "INSERT INTO relations (contact_id, seq, kind, start_date, end_date, last_activity,"
        f" source, paid, opt_out_offered) VALUES (?1, {next_seq('relations')}, ?2, ?3, ?4, ?5,"
        " ?6, ?7, ?8)",
        "INSERT INTO provenance (contact_id, seq, file, sheet, row, field, original)"
        f" VALUES (?1, {next_seq('provenance')}, ?2, ?3, ?4, ?5, ?6)",
    )


@contextmanager
def vault_at(path: Path, version: int, institution: str = INSTITUTION) -> Iterator[Session]:
    """A new vault at `path` as the release with schema `version` made it, open (as the
    beheerder) for the block to fill through the services, and closed after it."""
    from contactkluis.services.accounts import create_vault

    with schema_at(version):
        session, _ = create_vault(path, institution, ADMIN, ADMIN_PW, kdf=FAST_KDF)
        try:
            yield session
        finally:
            session.vault.close()


@contextmanager
def unlocked(path: Path, **options: bool) -> Iterator[Session]:
    """The vault at `path` unlocked by the beheerder (an older one is upgraded), closed
    after the block; `options` as accounts.unlock takes them (check_pages, read_only)."""
    from contactkluis.services.accounts import unlock

    session = unlock(path, ADMIN, ADMIN_PW, **options)
    try:
        yield session
    finally:
        session.vault.close()
