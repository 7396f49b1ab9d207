"""Time the anonymised-counts export on 100,000 synthetic people in a real vault.

Run on demand (pytest ignores tests/bench):

    /work/venv/bin/python tests/bench/bench_stats.py [--people 100000]

Goal (issue 17): the standard set of anonymised tables under 0.3 s at 100,000 people:
counted in SQL (the kept counts per grouping of stats_schema, a GROUP BY over the codes for
any other table), protected (linked suppression) and written to .xlsx. The reference,
measured in the same run: the same reads on a plain (unencrypted) SQLite copy of the
statistics' tables.
The first rows are the older path (every person loaded as a record, counted in Python),
kept for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from contactkluis.domain.crosstab import build_tables
from contactkluis.services import stats
from contactkluis.services.accounts import create_vault
from contactkluis.services.stats_export import StatsMeta, write_xlsx
from contactkluis.vault import stats_repo
from contactkluis.vault.contact_rows import PROVENANCE_INSERT, RELATION_INSERT, TEXT_UPSERT
from contactkluis.vault.keys import KdfParams

GOAL_MS = 300

KINDS = ["vriend", "donateur", "nieuwsbrief-abonnee", "bezoeker", "groepscontact", "klant"]
CITIES = ["Rotterdam", "Schiedam", "Delft", "Gouda", "Dordrecht", "Leiden", "Utrecht", "Breda"]
FILES = ["vrienden 2019.xlsx", "donateurs.xls", "nieuwsbrief.csv", "kassa-export.xlsx"]
SEGMENTS = ["Cultuurminnaars", "Actieve Cultuurliefhebbers", "Stedelijke Alleseters", None]
FLAGS = ["given", "reconfirm", "withdrawn"]


def fill(session: object, people: int, seed: int = 7) -> None:
    """Bulk rows straight into the tables, the derived caches filled in as a refresh would."""
    rnd = random.Random(seed)
    now = "2025-01-01T00:00:00+00:00"
    contacts, relations, provenance = [], [], []
    for cid in range(1, people + 1):
        kinds = rnd.sample(KINDS, rnd.choice([1, 1, 1, 2, 2, 3]))
        files = rnd.sample(FILES, rnd.choice([1, 1, 2]))
        consent = {
            p: rnd.choice(FLAGS) for p in ("nieuwsbrief", "uitnodigingen") if rnd.random() < 0.6
        }
        pc = f"{rnd.randint(1000, 9999)} {rnd.choice('ABCDEFGH')}{rnd.choice('KLMNPRST')}"
        contacts.append(
            (
                cid,
                f"Voornaam{cid}",
                f"Achternaam{cid}",
                f"achternaam{cid}",
                "Proefstraat",
                str(rnd.randint(1, 300)),
                pc,
                rnd.choice(CITIES),
                rnd.randint(1930, 2010) if rnd.random() < 0.8 else None,
                rnd.choice(["ok", "ok", "ok", "soon", "expired"]),
                json.dumps(consent, sort_keys=True),
                ",".join(kinds),
                ",".join(files),
                rnd.choice(SEGMENTS),
                now,
                now,
            )
        )
        for kind in kinds:
            start = (
                f"{rnd.randint(2005, 2025)}-0{rnd.randint(1, 9)}-01" if rnd.random() < 0.9 else None
            )
            relations.append((cid, kind, start))
        for f in files:
            provenance.append((cid, f, "Blad1", rnd.randint(2, 5000)))
    with session.write() as conn:  # type: ignore[attr-defined]
        conn.executemany(
            "INSERT INTO contacts (id, first_name, last_name, sort_name, street, house_number,"
            " postcode, city, birth_year, retention_status, consent_json, relation_kinds,"
            " source_files, segment, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            contacts,
        )
        # as the repository writes them: each row takes its contact's next seq (schema 12)
        # and names its kind, file and sheet by number (schema 14)
        conn.executemany(TEXT_UPSERT, [(t,) for t in [*FILES, *KINDS, "Blad1"]])
        conn.executemany(
            RELATION_INSERT,
            [(c, kind, start, None, None, "", 0, 0) for c, kind, start in relations],
        )
        conn.executemany(PROVENANCE_INSERT, [(*row, None, None) for row in provenance])


# The statistics' tables (stats_schema): codes, counts, dictionary.
_STATS_TABLES = "type = 'table' AND name LIKE 'stats_people_%'"


def plain_copy(session: object, path: Path) -> sqlite3.Connection:
    """The statistics' tables and indexes in an unencrypted SQLite file: the reference."""
    conn = session.conn  # type: ignore[attr-defined]
    tables = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE {_STATS_TABLES}").fetchall()
    plain = sqlite3.connect(path)
    for _name, sql in tables:
        plain.execute(sql)
    plain.commit()
    plain.close()
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(path),))
    for name, _sql in tables:
        conn.execute(f"INSERT INTO plain.{name} SELECT * FROM main.{name}")
    conn.commit()
    conn.execute("DETACH DATABASE plain")
    plain = sqlite3.connect(path)
    for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'stats_people%'"
        " AND sql IS NOT NULL"
    ):
        plain.execute(sql)
    plain.commit()
    return plain


def group_bys(conn: object, dim_sets: list[list[object]], reference: date) -> None:
    """The GROUP BYs stats.compute runs for the standard set, bare (no Python counting)."""
    groups = set()
    for dims in dim_sets:
        keys = tuple(d.key for d in dims)  # type: ignore[attr-defined]
        groups.add(next((g for g in stats_repo.COUNTED_GROUPS if set(keys) <= set(g)), keys))
    for group in groups:
        stats_repo.grouped_counts(conn, group, None, reference)
    stats_repo.counted_people(conn, None, reference)


def best_of(runs: int, fn: Callable[[], object]) -> float:
    best = 1e9
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--drop", nargs="*", default=[], metavar="INDEX",
        help="measure without these stats_people indexes ('all': every one), to see which"
        " GROUP BY a plain scan of the narrow table answers as fast",
    )  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        session, _ = create_vault(
            Path(tmp) / "bench.ckdb",
            "Bench",
            "beheer",
            "paarse olifant op de fiets",
            kdf=KdfParams(),
        )
        session._today = lambda: date(2025, 12, 31)  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        fill(session, args.people)
        print(f"fill {args.people} people: {time.perf_counter() - t0:.2f} s")
        dim_sets = stats.standard_tables(stats.marketing_purposes(session))
        out = Path(tmp) / "cijfers.xlsx"
        meta = StatsMeta(reference_date=session.today(), population_label="alle contacten", k=5)
        t0 = time.perf_counter()
        stats.count_profiles(session, stats.ALL, dim_sets)
        first = time.perf_counter() - t0
        kept = [
            str(r[0])
            for r in session.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name LIKE 'stats_people%' AND sql IS NOT NULL"
            )
        ]
        for name in kept if "all" in args.drop else [n for n in kept if n in args.drop]:
            session.conn.execute(f'DROP INDEX "{name}"')
            print(f"  without {name}")
        best: dict[str, float] = {}
        for _ in range(args.runs):
            times = {}
            t = time.perf_counter()
            records = stats.load_records(session, stats.ALL)
            times["load_records (older path)"] = time.perf_counter() - t
            t1 = time.perf_counter()
            tables = build_tables(records, dim_sets)
            times["build_tables (standard set, older path)"] = time.perf_counter() - t1
            t1 = time.perf_counter()
            published = stats.protect(tables, 5)
            times["suppress_linked"] = time.perf_counter() - t1
            t1 = time.perf_counter()
            write_xlsx(out, published, meta)
            times["write_xlsx"] = time.perf_counter() - t1
            times["total of the four steps (older path)"] = time.perf_counter() - t
            del records, tables
            t = time.perf_counter()
            counted = stats.count_profiles(session, stats.ALL, dim_sets)
            times["count_profiles (SQL GROUP BYs)"] = time.perf_counter() - t
            assert counted is not None
            t1 = time.perf_counter()
            result = stats.compute_from_profiles(
                *counted, dim_sets, population=stats.ALL, reference=session.today(), k=5
            )
            times["tables + closed labels + suppression"] = time.perf_counter() - t1
            t1 = time.perf_counter()
            write_xlsx(out, result.tables, meta)
            times["write_xlsx "] = time.perf_counter() - t1
            times["standard set: count + protect + xlsx"] = time.perf_counter() - t
            t1 = time.perf_counter()
            stats.export(session, out, None)  # the institution's k (10)
            times["stats.export (one call, audited)"] = time.perf_counter() - t1
            for key, value in times.items():
                best[key] = min(best.get(key, 1e9), value)
        reference = session.today()
        vault_sql = best_of(args.runs, lambda: group_bys(session.conn, dim_sets, reference))
        plain = plain_copy(session, Path(tmp) / "plain.db")
        plain_sql = best_of(args.runs, lambda: group_bys(plain, dim_sets, reference))
        size = plain.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'stats_people%'")
        cache_mb = size.fetchone()[0] / 1e6
        plain.close()
        vault_mb = (Path(tmp) / "bench.ckdb").stat().st_size / 1e6
        print(f"{args.people} people, {len(dim_sets)} tables; best of {args.runs} runs:")
        for key, value in best.items():
            print(f"  {key:42s} {value * 1000:8.0f} ms")
        print(f"  {'first count after the fill (rows written)':42s} {first * 1000:8.0f} ms")
        print(
            f"  {'the bare GROUP BYs, vault':42s} {vault_sql * 1000:8.0f} ms"
            f"   reference, plain SQLite copy: {plain_sql * 1000:.0f} ms"
            f" ({vault_sql / plain_sql:.1f}x)"
        )
        print(
            f"  the statistics' tables (stats_people_*) + indexes: {cache_mb:.1f} MB"
            f" ({cache_mb / 1.048576:.1f} MiB; vault file {vault_mb:.0f} MB)"
        )
        figure = best["standard set: count + protect + xlsx"] * 1000
        verdict = "met" if figure <= GOAL_MS else "NOT met"
        older = best["total of the four steps (older path)"] * 1000
        print(
            f"goal: standard set <= {GOAL_MS} ms: {figure:.0f} ms, {verdict}"
            f" ({older / figure:.1f}x faster than the older path in this run)"
        )
        session.vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
