"""Benchmark: a 100,000-row xlsx of Dutch contacts into a fresh encrypted vault.

Run on demand (not collected by pytest):

    PYTHONPATH=src /work/main/.venv/bin/python tests/bench/bench_import.py [--rows 20000] [--profile]

In ONE run it measures, each in its own child process so peak memory is that step's alone:
  1. the bare read: python-calamine loads the workbook and iterates every row;
  2. our whole import: plan_files + run_import into a new SQLCipher vault (the vault is
     created before the clock starts: its Argon2 key derivation is no part of an import).
It prints wall time and peak RSS (ru_maxrss) of both, and the ratio import / bare read.
Goal (issue 17): the whole import within 5x of the bare read measured in the same run, and
a peak of at most 300 MB. The reader parses binary workbooks in a grandchild process (a
memory-capped sandbox); its peak is reported apart.

Faker nl_NL is too slow for 100k rows, so a pool of a few thousand names, streets and cities
is drawn once and combined at random (seeded).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import multiprocessing
import pstats
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HEADER = [
    "Voornaam",
    "Tussenvoegsel",
    "Achternaam",
    "Straat",
    "Huisnummer",
    "Postcode",
    "Woonplaats",
    "E-mailadres",
    "Telefoon",
    "Nieuwsbrief",
    "Aangemeld op",
    "Lid sinds",
]
INFIXES = ("van", "de", "van der", "van den", "ter")
GOAL_RATIO = 5.0  # issue 17: import / bare calamine read of the same file
GOAL_PEAK_MB = 300


def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isascii() and c.isalpha()).lower()


def generate(path: Path, rows: int, seed: int = 2024) -> None:
    from faker import Faker
    from openpyxl import Workbook

    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    firsts = [fake.first_name() for _ in range(3000)]
    lasts = [n for n in (fake.last_name() for _ in range(3000)) if " " not in n]
    streets = [fake.street_name() for _ in range(2000)]
    cities = [fake.city() for _ in range(500)]
    letters = "BCEGHJKLMNPRTVWXZ"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Vrienden")
    ws.append(HEADER)
    for i in range(rows):
        first, last = rng.choice(firsts), rng.choice(lasts)
        infix = rng.choice(INFIXES) if rng.random() < 0.25 else None
        postcode = (
            f"{rng.randint(1000, 9999)}{'' if i % 3 else ' '}"
            f"{rng.choice(letters)}{rng.choice(letters)}"
        )
        phone = f"06-{rng.randint(20_000_000, 59_999_999)}" if i % 4 else None
        signup: Any = (
            datetime.datetime(2010 + i % 14, 1 + i % 12, 1 + i % 28)
            if i % 2
            else f"{1 + i % 28}-{1 + i % 12}-{2010 + i % 14}"
        )
        ws.append(
            [
                first,
                infix,
                last,
                rng.choice(streets),
                rng.randint(1, 300),
                postcode,
                rng.choice(cities),
                f"{_fold(first)}.{_fold(last)}.{i}@voorbeeld.nl",
                phone,
                ("ja", "nee", None)[i % 3],
                signup,
                datetime.datetime(1995 + i % 28, 1 + i % 12, 1),
            ]
        )
    wb.save(path)


# -- the measured steps (each in a child process) ------------------------------------------


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def bare_read(path: str) -> dict[str, float]:
    import python_calamine as pc

    start = time.perf_counter()
    book = pc.CalamineWorkbook.from_path(path)
    cells = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            cells += len(row)
    return {
        "seconds": time.perf_counter() - start,
        "peak_mb": _peak_mb(resource.RUSAGE_SELF),
        "cells": cells,
    }


def _time_phases() -> dict[str, float]:
    """Wall seconds of the import's phases, filled in as they run: building the people from
    the rows (_Run.sheet, merging included), writing them (_write), and of that the inserts
    of new people (_insert_new; the rest is index builds, candidates and the report). CPU
    time beside wall time: on this shared machine the load moves wall time by seconds."""
    from contactkluis.services import importing

    split: dict[str, float] = {}

    def timed(name: str, fn: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                split[name] = split.get(name, 0.0) + time.perf_counter() - t0

        return run

    importing._Run.sheet = timed("rows", importing._Run.sheet)  # type: ignore[method-assign]
    importing._write = timed("write", importing._write)
    importing._insert_new = timed("insert", importing._insert_new)
    return split


def full_import(path: str, vault_dir: str, profile: bool = False) -> dict[str, Any]:
    from contactkluis.services.accounts import create_vault
    from contactkluis.services.importing import plan_files, run_import
    from contactkluis.vault.keys import KdfParams

    session, _ = create_vault(
        Path(vault_dir) / "kluis.ckdb",
        "Museum Bench",
        "beheer",
        "paarse olifant op de fiets",
        kdf=KdfParams(),
    )
    split = _time_phases()
    profiler = cProfile.Profile() if profile else None
    cpu_start = time.process_time()
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    t0 = time.perf_counter()
    plans = plan_files([Path(path)])
    t_plan = time.perf_counter() - t0
    # As the CLI (import_files) does: the plans are this run's alone, read rows are let go.
    report = run_import(session, plans, consume=True)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    if profiler:
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(35)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    count = session.repo().count()
    peak_mb = _peak_mb(resource.RUSAGE_SELF)  # the import's own, before the count below
    vault_file = Path(vault_dir) / "kluis.ckdb"
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault_mb = vault_file.stat().st_size / 1e6
    # The statistics page's first count writes the imported people's counted rows (its
    # worker does so when the page is first shown): the size the vault then settles at.
    from contactkluis.vault import stats_repo

    with session.write() as conn:
        stats_repo.refresh(conn)
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counted_mb = vault_file.stat().st_size / 1e6
    session.vault.close()
    errors = [f.error for f in report.files if f.error]
    return {
        "seconds": seconds,
        "plan_seconds": t_plan,
        "cpu_seconds": cpu_seconds,
        "split": split,
        "errors": errors,
        "peak_mb": peak_mb,
        "reader_child_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
        "created": report.created,
        "merged": report.merged,
        "invalid": len(report.invalid),
        "contacts": count,
        "vault_mb": vault_mb,
        "counted_mb": counted_mb,
    }


def _run_and_send(conn: Any, fn: Any, args: tuple[Any, ...]) -> None:
    conn.send(fn(*args))
    conn.close()


def _child(fn: Any, *args: Any) -> Any:
    # A plain (non-daemon) Process: the reader starts its own sandbox child, which a Pool
    # worker is not allowed to do.
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run_and_send, args=(child, fn, args))
    proc.start()
    child.close()
    result = parent.recv()
    proc.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", help="folder for the generated xlsx (reused if present)")
    parser.add_argument("--profile", action="store_true", help="cProfile the import")
    args = parser.parse_args()

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ck_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    xlsx = folder / f"contacten_{args.rows}.xlsx"
    if not xlsx.exists():
        t0 = time.perf_counter()
        generate(xlsx, args.rows)
        print(
            f"generated {xlsx.name} ({xlsx.stat().st_size / 1e6:.1f} MB) in "
            f"{time.perf_counter() - t0:.1f} s"
        )
    bare = _child(bare_read, str(xlsx))
    with tempfile.TemporaryDirectory(prefix="ck_bench_vault_") as vault_dir:
        imp = _child(full_import, str(xlsx), vault_dir, args.profile)
    print(
        f"bare calamine read : {bare['seconds']:7.2f} s   peak {bare['peak_mb']:6.0f} MB"
        f"   ({bare['cells']} cells)"
    )
    print(
        f"full import        : {imp['seconds']:7.2f} s   peak {imp['peak_mb']:6.0f} MB"
        f"   (reader sandbox peak {imp['reader_child_peak_mb']:.0f} MB;"
        f" plan {imp['plan_seconds']:.2f} s)"
    )
    split = imp["split"]
    print(
        f"  cpu {imp['cpu_seconds']:.2f} s (this process; the reader sandbox is the forkserver's);"
        f" wall split: plan {imp['plan_seconds']:.2f} s, rows {split.get('rows', 0):.2f} s,"
        f" write {split.get('write', 0):.2f} s (inserts {split.get('insert', 0):.2f} s)"
    )
    for error in imp["errors"]:
        print(f"  READ ERROR: {error}")
    print(
        f"  created {imp['created']}, merged {imp['merged']}, invalid {imp['invalid']},"
        f" contacts in vault {imp['contacts']}"
    )
    print(
        f"  vault file after the import {imp['vault_mb']:.1f} MB; after the first statistics"
        f" count {imp['counted_mb']:.1f} MB"
    )
    ratio = imp["seconds"] / bare["seconds"]
    print(
        f"ratio import / bare read: {ratio:.1f}x ({imp['seconds']:.2f} s / {bare['seconds']:.2f} s;"
        f" goal <= {GOAL_RATIO:g}x: {'met' if ratio <= GOAL_RATIO else 'NOT met'});"
        f" peak memory goal <= {GOAL_PEAK_MB} MB:"
        f" {'met' if imp['peak_mb'] <= GOAL_PEAK_MB else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
