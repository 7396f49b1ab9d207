"""Into an empty vault the import builds the indexes after the rows (issue 17): the vault
it leaves must be the one the row-by-row path leaves, indexes and search included, and a
run that fails half-way must leave the indexes exactly as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contactkluis.services import importing
from contactkluis.services.accounts import unlock
from contactkluis.services.import_plan import rows_to_import
from contactkluis.services.importing import FilePlan, plan_files, run_import
from contactkluis.services.session import Session
from contactkluis.vault import import_repo
from contactkluis.vault.db import Connection
from tests.conftest import ADMIN, ADMIN_PW
from tests.fixtures_legacy import build_legacy_set
from tests.support.vaults import copy_vault

# Stamped with the clock of the run, so two runs differ in them by nature.
_CLOCK_COLUMNS = {"created_at", "updated_at", "recorded_at", "started_at"}
# What an import writes (the audit and batch tables hold the clock, the FTS is searched).
_TABLES = (*import_repo.BULK_TABLES, "duplicate_candidates", "stats_dirty", "stats_people")


@pytest.fixture(scope="module")
def legacy_paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return list(build_legacy_set(tmp_path_factory.mktemp("legacy")).paths)


@pytest.fixture(scope="module")
def plans(legacy_paths: list[Path]) -> list[FilePlan]:
    """The five legacy lists of test_import, read once."""
    return plan_files(legacy_paths)


def _fresh(empty_vault: Path, folder: Path) -> Session:
    return unlock(copy_vault(empty_vault, folder / "kluis.ckdb"), ADMIN, ADMIN_PW)


def _content(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in _TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        kept = [c for c in columns if c not in _CLOCK_COLUMNS]
        order = ", ".join(str(i + 1) for i in range(min(2, len(kept))))
        out[table] = conn.execute(
            f"SELECT {', '.join(kept)} FROM {table} ORDER BY {order}"
        ).fetchall()
    return out


def _schema(conn: Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()


def _found_by_search(conn: Connection) -> dict[str, list[int]]:
    """Who the search finds by each last name, postcode and e-mail: the FTS as users meet it."""
    words = {
        r[0]
        for r in conn.execute(
            "SELECT last_name FROM contacts WHERE last_name IS NOT NULL"
            " UNION SELECT replace(postcode, ' ', '') FROM contacts WHERE postcode IS NOT NULL"
        )
    }
    found: dict[str, list[int]] = {}
    for word in sorted(words):
        query = '"' + word.replace('"', '""') + '"*'
        found[word] = [
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid",
                (query,),
            )
        ]
    return found


def test_the_bulk_path_into_an_empty_vault_leaves_what_the_row_by_row_path_leaves(
    empty_vault: Path, tmp_path: Path, plans: list[FilePlan], monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk = _fresh(empty_vault, tmp_path / "bulk")
    bulk_report = run_import(bulk, plans)
    monkeypatch.setattr(importing, "BULK_WHEN_EMPTY", False)
    rows = _fresh(empty_vault, tmp_path / "rows")
    rows_report = run_import(rows, plans)

    assert bulk_report.to_json() == rows_report.to_json()
    assert bulk_report.created > 50 and bulk_report.merged > 0  # the set has both
    assert _content(bulk.conn) == _content(rows.conn)
    # Every index is back, as the schema has it, and the stored pages agree with the rows.
    assert _schema(bulk.conn) == _schema(rows.conn)
    assert bulk.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    searched = _found_by_search(bulk.conn)
    assert searched == _found_by_search(rows.conn)
    assert all(searched.values())  # everyone is found by their last name and postcode
    # The table's e-mail and phone columns (sorting, filtering) hold each contact's first.
    keys = bulk.conn.execute(
        "SELECT count(*) FROM contacts c WHERE email_key != coalesce((SELECT lower(email)"
        " FROM emails e WHERE e.contact_id = c.id ORDER BY e.seq LIMIT 1), '')"
        " OR phone_key != coalesce((SELECT e164 FROM phones p WHERE p.contact_id = c.id"
        " ORDER BY p.seq LIMIT 1), '')"
    ).fetchone()[0]
    assert keys == 0
    for s in (bulk, rows):
        s.vault.close()


def test_an_import_failing_while_writing_leaves_the_empty_vault_and_its_indexes(
    empty_vault: Path, tmp_path: Path, plans: list[FilePlan]
) -> None:
    session = _fresh(empty_vault, tmp_path / "full")
    before = _schema(session.conn)
    # A database that may not grow at all and has no free pages inside: the write fails
    # after the indexes went, the way a full disk would make it fail.
    session.conn.execute("VACUUM")
    assert session.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    pages = session.conn.execute("PRAGMA page_count").fetchone()[0]
    session.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(Exception, match="full"):
        run_import(session, plans)
    assert session.conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
    assert _schema(session.conn) == before
    session.vault.close()


def test_a_run_that_consumes_its_plans_leaves_what_a_run_that_keeps_them_leaves(
    empty_vault: Path, tmp_path: Path, plans: list[FilePlan], legacy_paths: list[Path]
) -> None:
    """The CLI lets each row go once it is read (issue 17: memory); same vault, same report,
    and only a plan handed over that way is emptied."""
    held = rows_to_import(plans)
    kept = _fresh(empty_vault, tmp_path / "kept")
    kept_report = run_import(kept, plans)
    assert rows_to_import(plans) == held > 50
    own = plan_files(legacy_paths)
    consumed = _fresh(empty_vault, tmp_path / "consumed")
    consumed_report = run_import(consumed, own, consume=True)

    assert consumed_report.to_json() == kept_report.to_json()
    assert consumed_report.created > 50 and consumed_report.merged > 0
    assert _content(consumed.conn) == _content(kept.conn)
    assert _found_by_search(consumed.conn) == _found_by_search(kept.conn)
    assert all(not s.table.rows and not p.raw for p in own for s in p.sheets)
    for s in (kept, consumed):
        s.vault.close()


def test_a_dry_run_names_new_people_on_the_review_list_by_the_row_that_made_them(
    empty_vault: Path, tmp_path: Path, plans: list[FilePlan]
) -> None:
    """Only a dry run keeps each new person's first row (a real run has their ids): its
    review list shows, pair for pair, the rows of the people the real run lists by id."""
    dry = _fresh(empty_vault, tmp_path / "dry")
    preview = run_import(dry, plans, dry_run=True)
    real = _fresh(empty_vault, tmp_path / "real")
    report = run_import(real, plans)

    def first_row(ref: str) -> str:
        if not ref.startswith("contact:"):
            return ref  # a merged row, named by itself in both runs
        file, sheet, row = import_repo.source_files(real.conn, int(ref[8:]))[0]
        return f"{file} / {sheet} / rij {row}"

    found = [(d.a, d.b, d.reason) for d in preview.near_duplicates]
    assert found and not any(ref.startswith("contact:") for a, b, _ in found for ref in (a, b))
    assert found == [(first_row(d.a), first_row(d.b), d.reason) for d in report.near_duplicates]
    for s in (dry, real):
        s.vault.close()


def test_the_per_row_triggers_are_deferred_into_an_empty_vault_only(
    empty_vault: Path, tmp_path: Path, plans: list[FilePlan]
) -> None:
    """Each trigger the bulk path replaces by a whole-table statement is still the one that
    statement was written for (a schema that changes one fails here, not in a vault)."""
    session = _fresh(empty_vault, tmp_path / "vault")
    before = _schema(session.conn)
    with import_repo.triggers_deferred(session.conn) as deferred:
        assert sorted(deferred) == sorted(import_repo._DEFERRED_TRIGGERS)
        assert not set(deferred) & {r[1] for r in _schema(session.conn)}
    assert _schema(session.conn) == before
    run_import(session, plans)
    with import_repo.triggers_deferred(session.conn) as deferred:
        assert deferred == []  # people are there: their rows must meet the triggers
    session.vault.close()
