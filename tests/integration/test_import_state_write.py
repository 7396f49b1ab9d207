"""The import stores each new person with their derived state in one INSERT.

What it stores must be exactly what the ordinary path (set_state after the fact, from the
stored rows) computes: the listing filters, the retention overview and the consent flags
read these columns, so a difference would show a person under the wrong status.
"""

from __future__ import annotations

from pathlib import Path

from contactkluis.services import states
from contactkluis.services.importing import plan_files, run_import
from contactkluis.services.session import Session
from tests.fixtures_legacy import build_legacy_set

_STATE_COLUMNS = (
    "retention_status, retention_until, retention_json, consent_json, relation_kinds, source_files"
)


def _states(session: Session) -> list[tuple[object, ...]]:
    return list(session.conn.execute(f"SELECT id, {_STATE_COLUMNS} FROM contacts ORDER BY id"))


def test_imported_state_is_what_set_state_computes(session: Session, tmp_path: Path) -> None:
    legacy = build_legacy_set(tmp_path / "lijsten")
    report = run_import(session, plan_files(list(legacy.files.values())))
    assert report.created > 50
    stored = _states(session)
    assert any(row[5] and "," in str(row[5]) for row in stored) or any(
        row[6] for row in stored
    )  # the lists give people relations and sources to summarise

    # The same derivation done the slow way, from what is in the vault.
    with session.write() as conn:
        states.refresh(session, conn, [int(str(row[0])) for row in stored])
    assert _states(session) == stored


def test_consent_flags_follow_the_stored_state(session: Session, tmp_path: Path) -> None:
    legacy = build_legacy_set(tmp_path / "lijsten")
    run_import(session, plan_files(list(legacy.files.values())))
    flags = set(session.conn.execute("SELECT contact_id, purpose, flag FROM consent_flags"))
    expected = set(
        session.conn.execute(
            "SELECT c.id, j.key, j.value FROM contacts c, json_each(c.consent_json) j"
        )
    )
    assert flags == expected
    assert flags  # the newsletter list gives consents
