"""Shared fixtures: a fresh encrypted vault per test, isolated user folders, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from contactkluis.domain import messages
from contactkluis.vault.keys import KdfParams

# The RFC 9106 floor: real Argon2id, just not calibrated upwards (that is tested once).
FAST_KDF = KdfParams()
ADMIN = "beheer"
ADMIN_PW = "paarse olifant op de fiets"
STAFF = "medewerker1"
STAFF_PW = "blauwe giraffe in de tram"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("CONTACTKLUIS_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("CONTACTKLUIS_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("CONTACTKLUIS_HOME", str(base / "data"))
    monkeypatch.setenv("CONTACTKLUIS_LANG", "nl")
    # As a program start would: one language for the whole test (a CLI main() may change it).
    monkeypatch.setattr(messages, "_language", "nl")
    monkeypatch.delenv("CONTACTKLUIS_PASSWORD", raising=False)
    monkeypatch.delenv("CONTACTKLUIS_DB", raising=False)


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "kluis.ckdb"


@pytest.fixture(scope="session")
def empty_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The closed template behind `session`: made once, never opened by a test."""
    from tests.support.vaults import empty_vault_template

    return empty_vault_template(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def session(empty_vault: Path, vault_path: Path) -> Iterator[object]:
    """An unlocked session of the first beheerder on a new vault (a copy of the template)."""
    from contactkluis.services.accounts import unlock
    from tests.support.vaults import copy_vault

    copy_vault(empty_vault, vault_path)
    s = unlock(vault_path, ADMIN, ADMIN_PW)
    yield s
    if s.vault.conn is not None:
        s.vault.close()


@pytest.fixture
def staff_session(session: object, vault_path: Path) -> Iterator[object]:
    """A medewerker's session on the same vault (the beheerder's is closed first)."""
    from contactkluis.services.accounts import add_account, unlock

    add_account(session, STAFF, "medewerker", STAFF_PW)  # type: ignore[arg-type]
    session.vault.close()  # type: ignore[attr-defined]
    s = unlock(vault_path, STAFF, STAFF_PW)
    yield s
    if s.vault.conn is not None:
        s.vault.close()
