"""Vault benchmarks, run on demand: `python tests/bench/bench_vault.py [--rows N]`.

1. Unlock time (Argon2id derivation + SQLCipher open + checks) with calibrated parameters and
   with the RFC 9106 floor.
2. SQLCipher against plain SQLite (stdlib sqlite3) on the vault's contacts schema and
   pragmas: insert N synthetic contacts (Faker nl_NL) in one transaction, 1000 point
   lookups by e-mail, a sorted first page, and a full-text prefix query.

3. At N contacts, on the real schema with bench_gui.py's cached vault of N synthetic
   contacts: the file's size beside a plain SQLite file holding the same schema and data
   (sqlcipher_export, then VACUUM), with the largest tables and indexes of the plain copy
   (dbstat); and unlock as the app does it (key proven on the first pages, check_pages=False)
   beside unlock with every page's HMAC checked first (as the CLI does), alternated.

Figures are printed as absolute times and as the SQLCipher/plain ratio of the same run.
Not collected by pytest (tests/bench is ignored in pyproject.toml).
"""

from __future__ import annotations

import argparse
import random
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import sqlcipher3
from faker import Faker

from contactkluis.services import accounts
from contactkluis.vault import keys

PASSWORD = "paarse olifant op de fiets"

SCHEMA = """
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY, first_name TEXT, infix TEXT, last_name TEXT,
    sort_name TEXT NOT NULL DEFAULT '', street TEXT, house_number TEXT, postcode TEXT,
    city TEXT, notes TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contacts_sort ON contacts (sort_name);
CREATE INDEX contacts_postcode ON contacts (postcode);
CREATE INDEX contacts_city ON contacts (city);
CREATE TABLE emails (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    email TEXT NOT NULL
);
CREATE INDEX emails_email ON emails (email);
CREATE INDEX emails_contact ON emails (contact_id);
"""
# As in vault/schema.py; FTS5's secure-delete option needs SQLite >= 3.42 (stdlib's may be older).
FTS = (
    "CREATE VIRTUAL TABLE contacts_fts USING fts5 (body,"
    " tokenize='unicode61 remove_diacritics 2', prefix='1 2', detail=none)"
)
FTS_SECURE = "INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('secure-delete', 1)"
PRAGMAS = (
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    "PRAGMA journal_mode = WAL",
)


def timed(fn: Callable[[], Any], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


# -- unlock ------------------------------------------------------------------------------------


def bench_unlock(folder: Path, label: str, kdf: keys.KdfParams, rounds: int) -> float:
    path = folder / f"unlock-{label}.ckdb"
    session, _ = accounts.create_vault(path, "Bench", "beheer", PASSWORD, kdf=kdf)
    session.vault.close()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        s = accounts.unlock(path, "beheer", PASSWORD)
        times.append(time.perf_counter() - start)
        s.vault.close()
    median = statistics.median(times)
    print(
        f"unlock {label:<11} t={kdf.time_cost} m={kdf.memory_kib // 1024} MiB p={kdf.parallelism}"
        f": median {median * 1000:7.1f} ms over {rounds}"
    )
    return median


# -- workload ----------------------------------------------------------------------------------


def make_people(n: int, seed: int = 20240501) -> list[tuple[str, str | None, str, str, str, str]]:
    fake = Faker("nl_NL")
    Faker.seed(seed)
    people = []
    for i in range(n):
        first, last = fake.first_name(), fake.last_name()
        infix, _, core = last.rpartition(" ") if " " in last else ("", "", last)
        email = f"{first}.{core}.{i}@{fake.free_email_domain()}".lower().replace(" ", "")
        people.append((first, infix or None, core, fake.postcode(), fake.city(), email))
    return people


def open_db(kind: str, path: Path) -> Any:
    if kind == "sqlcipher":
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    conn.executescript(SCHEMA)
    conn.execute(FTS)
    try:
        conn.execute(FTS_SECURE)
    except (sqlite3.OperationalError, sqlcipher3.OperationalError):
        print(f"  ({kind}: no FTS5 secure-delete in this SQLite)")
    return conn


def workload(kind: str, folder: Path, people: list[tuple[Any, ...]]) -> dict[str, float]:
    conn = open_db(kind, folder / f"{kind}.db")
    now = "2025-01-01T00:00:00+00:00"

    def insert() -> None:
        conn.execute("BEGIN IMMEDIATE")
        for i, (first, infix, last, postcode, city, email) in enumerate(people, start=1):
            conn.execute(
                "INSERT INTO contacts (id, first_name, infix, last_name, sort_name, postcode, city,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (i, first, infix, last, f"{last} {first}".lower(), postcode, city, now, now),
            )
            conn.execute("INSERT INTO emails (contact_id, email) VALUES (?, ?)", (i, email))
            conn.execute(
                "INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)",
                (i, f"{first} {infix or ''} {last} {city} {postcode} {email}"),
            )
        conn.execute("COMMIT")

    rng = random.Random(7)
    probes = [p[5] for p in rng.sample(people, 1000)]

    def lookups() -> None:
        for email in probes:
            row = conn.execute(
                "SELECT c.id, c.last_name FROM emails e JOIN contacts c ON c.id = e.contact_id"
                " WHERE e.email = ?",
                (email,),
            ).fetchone()
            assert row is not None

    middle = len(people) // 2

    def page() -> None:
        rows = conn.execute(
            "SELECT id, first_name, last_name, city FROM contacts"
            " ORDER BY sort_name LIMIT 100 OFFSET ?",
            (middle,),
        ).fetchall()
        assert len(rows) == 100

    prefix = people[len(people) // 2][2][:3].lower()

    def fts() -> None:
        rows = conn.execute(
            "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT 500", (f"{prefix}*",)
        ).fetchall()
        assert rows

    result = {
        "insert": timed(insert),
        "1000 lookups": timed(lookups, 3),
        "sorted page": timed(page, 5),
        "fts prefix": timed(fts, 5),
    }
    conn.close()
    return result


# -- the real schema at N contacts ---------------------------------------------------------------


def real_vault(rows: int) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_gui import cached_vault

    return cast(Path, cached_vault(rows, rebuild=False))


# What each table or index is counted under in the size breakdown (dbstat names).
_HISTORY = (
    "consent_rows",
    "texts",
    "audit",
    "import_batches",
    "requests",
    "mappings",
    "segment_keys",
)


def _group(name: str, kind: str, table: str) -> str:
    if table.startswith("contacts_fts") or name.startswith("contacts_fts"):
        return "search index"
    if table.startswith("stats_") or name.startswith("stats_"):
        return "stats"
    if kind == "index" or name.startswith("sqlite_autoindex"):
        return "indexes"
    if table in _HISTORY:
        return "history"
    return "contacts"


def refresh_stats(path: Path) -> None:
    """Write the stats rows the cached vault has only marked (the steady state after the
    first statistics view), so their table and indexes count in the size."""
    from contactkluis.vault import stats_repo

    session = accounts.unlock(path, "beheer", PASSWORD, check_pages=False)
    try:
        with session.write() as conn:
            stats_repo.refresh(conn)
    finally:
        session.vault.close()


def size_against_plain(path: Path, rows: int, folder: Path) -> None:
    refresh_stats(path)
    plain = folder / "plain.db"
    session = accounts.unlock(path, "beheer", PASSWORD, read_only=True)
    try:
        session.conn.execute(f"ATTACH DATABASE '{plain.as_posix()}' AS plain KEY ''")
        session.conn.execute("SELECT sqlcipher_export('plain')")
        session.conn.execute("DETACH DATABASE plain")
    finally:
        session.vault.close()
    # The stdlib SQLite (3.40 here) cannot read the schema's newer SQL (group_concat with
    # ORDER BY in the stats view and its triggers): drop those with SQLCipher's SQLite (no
    # key: a plain file); they hold no data.
    fixed = sqlcipher3.connect(str(plain))
    for kind, name in fixed.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
    ).fetchall():
        fixed.execute(f'DROP {kind.upper()} "{name}"')
    fixed.commit()
    fixed.execute("VACUUM")
    fixed.close()
    conn = sqlite3.connect(plain)
    mb = path.stat().st_size / 1e6
    plain_mb = plain.stat().st_size / 1e6
    print(
        f"size at {rows} contacts: vault {mb:.1f} MB ({mb * 1e6 / rows:.0f} B a contact),"
        f" plain SQLite {plain_mb:.1f} MB ({plain_mb * 1e6 / rows:.0f} B a contact),"
        f" ratio {mb / plain_mb:.2f}"
    )
    try:
        parts = conn.execute(
            "SELECT d.name, coalesce(m.type, 'table'), coalesce(m.tbl_name, d.name),"
            " sum(d.pgsize) FROM dbstat d LEFT JOIN sqlite_master m ON m.name = d.name"
            " GROUP BY d.name ORDER BY 4 DESC"
        ).fetchall()
    except sqlite3.OperationalError:
        parts = []  # this SQLite has no dbstat
    groups: dict[str, float] = {}
    for name, kind, table, size in parts:
        key = _group(name, kind, table)
        groups[key] = groups.get(key, 0.0) + size
    # The vault's pages are the plain copy's, each encrypted in place (same page count
    # give or take the reserve): its share per group is the plain group scaled to the file.
    for key in ("contacts", "search index", "history", "stats", "indexes"):
        size = groups.get(key, 0.0)
        share = size / plain.stat().st_size if plain_mb else 0.0
        print(
            f"  {key:<14}{size / 1e6:7.1f} MB plain, {share * mb:7.1f} MB in the vault,"
            f" {size / rows:6.0f} B a contact"
        )
    for name, _kind, _table, size in parts[:16]:
        print(f"    {name:<28}{size / 1e6:7.1f} MB")
    conn.close()
    plain.unlink()


def _contacts(path: Path) -> int:
    session = accounts.unlock(path, "beheer", PASSWORD, check_pages=False)
    try:
        return int(session.conn.execute("SELECT count(*) FROM contacts").fetchone()[0])
    finally:
        session.vault.close()


def unlock_at(path: Path, rows: int, rounds: int) -> None:
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(rounds):
        for whole in (False, True):
            start = time.perf_counter()
            s = accounts.unlock(path, "beheer", PASSWORD, read_only=True, check_pages=whole)
            times[whole].append(time.perf_counter() - start)
            s.vault.close()
    quick, whole = (statistics.median(times[w]) for w in (False, True))
    print(
        f"unlock at {rows} contacts (RFC-floor KDF, median of {rounds}): app {quick * 1000:.0f} ms"
        f" (first pages), CLI {whole * 1000:.0f} ms (every page), ratio {quick / whole:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--unlock-rounds", type=int, default=5)
    parser.add_argument(
        "--real", type=int, nargs="*", default=[], metavar="N",
        help="size and unlock on the real schema at N contacts (e.g. --real 5000 100000)",
    )  # fmt: skip
    parser.add_argument("--real-only", action="store_true")
    parser.add_argument(
        "--vault", type=Path, nargs="*", default=[], metavar="PATH",
        help="size and unlock of these vault files (bench_gui's account; opening one migrates it)",
    )  # fmt: skip
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ck-bench-") as tmp:
        folder = Path(tmp)
        for n in args.real:
            path = real_vault(n)
            size_against_plain(path, n, folder)
            unlock_at(path, n, args.unlock_rounds)
        for path in args.vault:
            count = _contacts(path)
            size_against_plain(path, count, folder)
            unlock_at(path, count, args.unlock_rounds)
        if args.real_only:
            return
        probe = sqlcipher3.connect(":memory:")
        version = probe.execute("PRAGMA cipher_version").fetchone()[0]
        probe.close()
        print(
            f"SQLCipher {version} (SQLite {sqlcipher3.sqlite_version}),"
            f" stdlib SQLite {sqlite3.sqlite_version}"
        )
        calibrated = keys.calibrate()
        bench_unlock(folder, "calibrated", calibrated, args.unlock_rounds)
        bench_unlock(folder, "floor", keys.KdfParams(), args.unlock_rounds)

        start = time.perf_counter()
        people = make_people(args.rows)
        print(
            f"generated {args.rows} synthetic contacts in {time.perf_counter() - start:.1f} s"
            " (not timed below)"
        )
        cipher = workload("sqlcipher", folder, people)
        plain = workload("plain", folder, people)
        print(f"{'operation':<14}{'sqlcipher':>12}{'plain':>12}{'ratio':>8}")
        for name in cipher:
            print(
                f"{name:<14}{cipher[name] * 1000:>10.1f}ms{plain[name] * 1000:>10.1f}ms"
                f"{cipher[name] / plain[name]:>8.2f}"
            )


if __name__ == "__main__":
    main()
