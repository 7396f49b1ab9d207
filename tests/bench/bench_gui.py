"""The contacts screen at 100,000 contacts, run on demand:

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_gui.py [--rows N] [--rebuild]

Builds a real encrypted vault of N synthetic contacts once (cached in the temp folder, keyed
on N and the schema version; built in a child process so its memory does not count), then
measures in one process, the way ui/app.py runs the app:

- unlock: services.accounts.unlock (Argon2id + SQLCipher open + checks + daily state roll);
- window ready: from the unlock finishing to the main window's contacts page having rows and
  its table painted (MainWindow built before the unlock, as the app does);
- keystroke: a key event in the search box to the filtered table painted, for ~30 keystrokes
  of realistic prefixes. The 150 ms debounce timer is bypassed: after the key event the
  timer is stopped and its slot called at once, so the figure is the work, not the wait.
  Typing starts once the workers the unlock started (the statistics page) are done;
- keystroke with filters set: the same typing with two filters chosen in the bar first
  (Nieuwsbrief: geen, and not restricted), which each keystroke combines with the search;
- scroll: page steps from top to bottom, each step repainted (fetching rows as it goes);
- sort: each column ascending and descending, header click to table painted; once straight
  after the keystrokes (orders walked at the click) and once after 3 s idle (orders walked
  ahead by the table);
- peak RSS (ru_maxrss), over the whole run and after the unlock (VmHWM reset).

Beside the keystroke and sort rows, a reference measured in the same run: the same FTS
query and the same ORDER BY walks on a plain (unencrypted) copy of the vault, same schema and
data (sqlcipher_export in a child process, deleted after the run), read into Python with an
ordinary cursor: what bare SQL costs on this machine at this load.

Not collected by pytest (tests/bench is ignored in pyproject.toml).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # `tests.` imports

ADMIN = "beheer"
PASSWORD = "paarse olifant op de fiets"


# -- building the vault (child process) ---------------------------------------------------------


class _PooledFaker:
    """Faker nl_NL values drawn from pools: 100k contacts in seconds, still varied."""

    def __init__(self, seed: int) -> None:
        from faker import Faker

        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        self._rnd = random.Random(seed)
        self._pools: dict[str, list[str]] = {
            "first_name": [fake.first_name() for _ in range(3000)],
            "last_name": [fake.last_name() for _ in range(5000)],
            "street_name": [fake.street_name() for _ in range(3000)],
            "postcode": [fake.postcode() for _ in range(20000)],
            "city": [fake.city() for _ in range(1500)],
        }

    def __getattr__(self, name: str) -> Callable[[], str]:
        pool = self._pools[name]
        return lambda: self._rnd.choice(pool)


def build_vault(path: Path, rows: int, calibrated: bool = False) -> None:
    from tests.synthetic_contacts import make_contact

    from contactkluis.services.accounts import create_vault
    from contactkluis.vault import import_repo
    from contactkluis.vault.keys import KdfParams, calibrate

    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    # The app calibrates the KDF on the machine that creates the vault (keys.calibrate); the
    # RFC floor by default, so that runs on different days unlock with the same work.
    kdf = calibrate() if calibrated else KdfParams()
    print(f"KDF: t={kdf.time_cost} m={kdf.memory_kib // 1024} MiB p={kdf.parallelism}", flush=True)
    session, _recovery = create_vault(path, "Museum Proef", ADMIN, PASSWORD, kdf=kdf)
    fake = _PooledFaker(7)
    rnd = random.Random(7)
    today = session.today()
    # Loaded as the import loads an empty vault (services.importing._write): the secondary
    # indexes and the triggers' derived rows built once after the rows. Built row by row
    # instead, the vault is 3% larger (83.2 against 81.0 MB at 100k, schema 14 before
    # state_date went): the indexes' pages split as random keys come in.
    with (
        session.write() as conn,
        import_repo.indexes_deferred(conn),
        import_repo.triggers_deferred(conn),
    ):
        repo = session.repo(conn)
        for start in range(0, rows, 5000):
            batch = [
                make_contact(fake, rnd, today, n)  # type: ignore[arg-type]
                for n in range(start, min(rows, start + 5000))
            ]
            # Each row written once with its derived state, as the import writes it (a
            # second pass setting the states leaves the pages a tenth emptier: 10 MB).
            states = [session.state_for(c, created=today) for c in batch]
            repo.insert_many(batch, recorded_by="bench", states=states)
    session.vault.close()
    print(f"built {rows} contacts in {time.perf_counter() - started:.1f} s", flush=True)


def export_plain(path: Path, plain: Path) -> None:
    """A plain copy of the bench vault (same schema and data, no encryption), for the
    reference figures."""
    from contactkluis.services import accounts

    session = accounts.unlock(path, ADMIN, PASSWORD)
    conn = session.conn
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    session.vault.close()


class PlainReference:
    """Bare SQL on the plain copy: the queries the table runs, answered by SQLite alone."""

    def __init__(self, plain: Path) -> None:
        import sqlcipher3

        with plain.open("rb") as fh:  # in the OS cache, as the vault's own pages are
            while fh.read(1 << 20):
                pass
        self.conn = sqlcipher3.connect(f"file:{plain.as_posix()}?mode=ro", uri=True)

    def _fetch(self, sql: str, params: Any = ()) -> float:
        start = time.perf_counter()
        self.conn.execute(sql, params).fetchall()
        return time.perf_counter() - start

    def search(self, text: str) -> float:
        from contactkluis.vault.listing import fts_query

        match = fts_query(text)
        if not match:
            return 0.0
        return self._fetch("SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?", (match,))

    def sort(self, key: str, descending: bool) -> float:
        """Every id in this order: the same per-segment ORDER BY walks the vault runs, or
        for a consent column one ORDER BY over the flag and the name."""
        from contactkluis.vault import listing

        if key.startswith(listing.CONSENT_SORT_PREFIX):
            # the flags are keyed (purpose, flag, contact): one seek per flag and contact
            rank = ("coalesce((SELECT CASE f.flag WHEN 'given' THEN 0 WHEN 'reconfirm' THEN 1"
                    " ELSE 2 END FROM consent_flags f WHERE f.purpose = :p"
                    " AND f.flag IN ('given', 'reconfirm', 'withdrawn')"
                    " AND f.contact_id = c.id), 3)")  # fmt: skip
            return self._fetch(
                f"SELECT c.id FROM contacts c ORDER BY {rank} {'DESC' if descending else 'ASC'},"
                " c.sort_name = '', c.sort_name, c.id",
                {"p": key[len(listing.CONSENT_SORT_PREFIX) :]},
            )
        total = 0.0
        for extra, order, params in listing._segments(key, descending):
            where = f" WHERE {extra}" if extra else ""
            total += self._fetch(f"SELECT c.id FROM contacts c{where} ORDER BY {order}", params)
        return total

    def close(self) -> None:
        self.conn.close()


def cached_vault(rows: int, rebuild: bool, calibrated: bool = False) -> Path:
    import hashlib

    from contactkluis.vault.schema import MIGRATIONS, SCHEMA_VERSION

    # Keyed on the migrations' text too: two branches may both call their schema "6".
    schema = hashlib.sha256("".join(MIGRATIONS).encode()).hexdigest()[:8]
    kdf = "-calibrated" if calibrated else ""
    folder = Path(tempfile.gettempdir()) / (
        f"contactkluis-bench-{rows}-v{SCHEMA_VERSION}-{schema}-bulk{kdf}"
    )
    path = folder / "kluis.ckdb"
    if rebuild or not path.exists():
        if folder.exists():
            for f in folder.iterdir():
                f.unlink()
        build = [sys.executable, __file__, "--build", str(path), "--rows", str(rows)]
        subprocess.run(build + (["--calibrated"] if calibrated else []), check=True)
    return path


# -- measuring ----------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _stats(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"median {_ms(statistics.median(ordered))}  p95 {_ms(p95)}"
            f"  max {_ms(ordered[-1])}  (n={len(ordered)})")  # fmt: skip


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_hwm_mb() -> float:
    """VmHWM: the peak since the last _reset_peak (ru_maxrss never goes down)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return _rss_mb()


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


class _Results(list[tuple[str, str]]):
    """Figures in order; each printed as it comes so a slow step shows while it runs."""

    def append(self, item: tuple[str, str]) -> None:
        print(f"  .. {item[0]}: {item[1].strip()}", flush=True)
        super().append(item)


class Bench:
    def __init__(self, path: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from contactkluis.ui.app import create_application
        from contactkluis.ui.context import AppContext
        from contactkluis.ui.main_window import MainWindow

        self.app: QApplication = create_application([])
        self.plain: PlainReference | None = None
        self.ctx = AppContext(path)
        self.window = MainWindow(self.ctx)
        self.window.show()
        self._process()
        self.results = _Results()

    def _process(self) -> None:
        self.app.processEvents()

    def wait(self, done: Callable[[], bool], timeout: float = 60.0) -> None:
        """Sleep in the event loop until done, as the app would (a busy processEvents loop
        would hold the GIL and starve the worker thread the query runs on)."""
        from PySide6.QtCore import QEventLoop, QTimer

        end = time.perf_counter() + timeout
        guard = QTimer()
        guard.start(50)  # wakes the loop now and then, so `done` is checked
        try:
            while not done():
                self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
                if time.perf_counter() > end:
                    raise TimeoutError("bench step did not finish")
        finally:
            guard.stop()

    @property
    def page(self) -> Any:
        return self.window.page("contacts")

    def _ready(self) -> bool:
        """The model holds the answer to its current query (no query still running)."""
        pending = getattr(self.page.model, "pending", False)
        return not pending

    def _paint(self) -> None:
        self.page.table.viewport().repaint()

    def unlock(self) -> None:
        from contactkluis.services import accounts

        start = time.perf_counter()
        assert self.ctx.vault_path is not None
        # As the unlock screen does: the whole file's page check runs after the window is up.
        session = accounts.unlock(self.ctx.vault_path, ADMIN, PASSWORD, check_pages=False)
        self.results.append(("unlock (KDF + open + checks)", _ms(time.perf_counter() - start)))
        self.results.append(("peak RSS up to unlock", f"{_rss_mb():8.1f} MB"))
        self.peak_reset = _reset_peak()

        start = time.perf_counter()
        self.window.on_unlocked(session)  # what UnlockScreen.unlocked triggers
        self.window.show_page("contacts")
        self.wait(lambda: self._ready() and self.page.model.rowCount() > 0)
        self._paint()
        self._process()
        self.results.append(("window ready after unlock", _ms(time.perf_counter() - start)))
        self.wait(lambda: session.vault.pages_checked)
        self.results.append(("  page check done on a worker", _ms(time.perf_counter() - start)))
        if self.peak_reset:
            self.results.append(
                ("peak RSS from unlock to window ready", f"{_rss_hwm_mb():8.1f} MB")
            )
        self.results.append(("rows listed", f"{self.page.model.rowCount():8d}"))

    def keystrokes(self, filtered: bool = False) -> None:
        """Typing in the search box; `filtered`: with filters set in the bar first (people
        without a newsletter consent who are not restricted: a consent filter that is
        everyone minus a set, and a flag filter)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from contactkluis.services.listing import ContactQuery

        label = "keystroke with filters set" if filtered else "keystroke to filtered table"
        # The statistics page computes its tables on a worker after the unlock; typing is
        # measured after it, not against it (it is measured by bench_stats.py).
        start = time.perf_counter()
        self.ctx.tasks.wait()
        self._process()
        if not filtered:
            took = _ms(time.perf_counter() - start)
            self.results.append(("background work after unlock", took))
        page = self.page
        wanted = ContactQuery(
            consent_purpose="nieuwsbrief", consent_flags=frozenset({"none"}), restricted=False
        )
        page.filters.show_query(wanted if filtered else ContactQuery())
        model = page.model
        sample = [model.row_data(r) for r in range(0, model.rowCount(), model.rowCount() // 6)]
        words = [
            sample[1].name.split()[-1][:5].lower(),  # a last name
            sample[2].city[:4].lower(),  # a city
            "jan de v",  # first name and tussenvoegsel
            sample[3].phone.replace(" ", "")[:6],  # a phone number
            sample[4].postcode.replace(" ", "")[:5].lower(),  # a postcode
            "e",  # a broad one: nearly everyone
        ]
        times: list[float] = []
        answered: list[float] = []  # key event to the model holding the answer (no paint)
        stamp: list[float] = []
        model.reloaded.connect(lambda: stamp.append(time.perf_counter()))
        per_word: list[tuple[str, float, int]] = []
        for word in words:
            page.search.clear()
            page.search_timer.stop()
            page.apply_query()
            self.wait(self._ready)
            for ch in word:
                start = time.perf_counter()
                QTest.keyClick(page.search, ch if ch != " " else Qt.Key.Key_Space)
                page.search_timer.stop()
                page.apply_query()  # the debounce timer's slot, called at once
                self.wait(self._ready)
                answered.append((stamp[-1] if stamp else time.perf_counter()) - start)
                self._paint()
                times.append(time.perf_counter() - start)
                per_word.append((page.search.text(), times[-1], model.rowCount()))
        self.results.append((label, _stats(times)))
        self.results.append(("  of which query answered", _stats(answered)))
        if self.plain is not None and not filtered:
            bare = [self.plain.search(text) for text, _s, _n in per_word]
            self.results.append(("  reference: same FTS query, plain SQLite", _stats(bare)))
        for text, seconds, n in sorted(per_word, key=lambda x: -x[1])[:5]:
            self.results.append((f"  slowest: {len(text)} chars -> {n} rows", _ms(seconds)))
        page.search.clear()
        page.filters.show_query(ContactQuery())
        page.search_timer.stop()
        page.apply_query()
        self.wait(self._ready)

    def scroll(self) -> None:
        from PySide6.QtWidgets import QAbstractSlider

        bar = self.page.table.verticalScrollBar()
        bar.setValue(0)
        self._paint()
        steps: list[float] = []
        start = time.perf_counter()
        while bar.value() < bar.maximum():
            t0 = time.perf_counter()
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            self._paint()
            steps.append(time.perf_counter() - t0)
        total = time.perf_counter() - start
        self.results.append(("scroll top to bottom (page steps)",
                             f"{total:8.2f} s  ({len(steps)} steps)"))  # fmt: skip
        self.results.append(("  one page step", _stats(steps)))
        bar.setValue(0)

    def sorts(self, idle: bool = False) -> None:
        """Each column both ways. Straight after the keystrokes the orders are walked at the
        click (the worst case); with `idle`, after the pause in which the table walks every
        column's order ahead of a click (model.WARM_AFTER_MS), as when someone reads the
        list before clicking a header."""
        from PySide6.QtCore import Qt, QTimer

        page = self.page
        model = page.model
        if idle:
            pause: list[bool] = []
            QTimer.singleShot(3000, lambda: pause.append(True))
            self.wait(lambda: bool(pause))
        label = "sort after idle" if idle else "sort"
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            figures = []
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                start = time.perf_counter()
                page.table.sortByColumn(column, order)
                self.wait(self._ready)
                self._paint()
                figures.append(time.perf_counter() - start)
            self.results.append((f"{label} by {title} (asc / desc)",
                                 f"{_ms(figures[0])} / {_ms(figures[1]).strip()}"))  # fmt: skip
            if self.plain is not None and not idle:
                key = model.sort_key(column)
                bare = [self.plain.sort(key, d) for d in (False, True)]
                self.results.append(("  reference: same ORDER BY, plain SQLite",
                                     f"{_ms(bare[0])} / {_ms(bare[1]).strip()}"))  # fmt: skip
        page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.wait(self._ready)

    def report(self) -> None:
        label = "peak RSS after unlock" if self.peak_reset else "peak RSS (whole run)"
        # ru_maxrss keeps the peaks of threads that exited before the reset: VmHWM doesn't.
        peak = _rss_hwm_mb() if self.peak_reset else _rss_mb()
        self.results.append((label, f"{peak:8.1f} MB"))
        width = max(len(k) for k, _ in self.results)
        print()
        for key, value in self.results:
            print(f"{key.ljust(width)}  {value}")


def _guard_none_refcount() -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a void
    method (None is immortal only from 3.12 on), so a long session aborts with
    'none_dealloc'. Lift None's count out of reach so the bench can scroll 100k rows."""
    if sys.version_info >= (3, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    print("note: PySide6 None-refcount bug guarded for this run (CPython < 3.12)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--export-plain", type=Path, nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--no-reference", action="store_true",
                        help="skip the plain-SQLite reference (and its export)")  # fmt: skip
    parser.add_argument("--skip-scroll", action="store_true")
    parser.add_argument("--calibrated", action="store_true",
                        help="a vault whose KDF keys.calibrate() picks on this machine, as the"
                        " app creates it (default: the RFC 9106 floor)")  # fmt: skip
    parser.add_argument("--profile", action="store_true", help="cProfile keystrokes and sorts")
    args = parser.parse_args()
    if args.build:
        build_vault(args.build, args.rows, args.calibrated)
        return
    if args.export_plain:
        export_plain(*args.export_plain)
        return
    path = cached_vault(args.rows, args.rebuild, args.calibrated)
    _guard_none_refcount()
    from contactkluis.domain import messages

    messages.set_language("nl")  # as the app does at start-up
    with tempfile.TemporaryDirectory() as home:
        # layout.ini, config and state go to a throwaway folder, not the user's own
        os.environ["CONTACTKLUIS_CONFIG_DIR"] = str(Path(home) / "config")
        os.environ["CONTACTKLUIS_STATE_DIR"] = str(Path(home) / "state")
        bench = Bench(path)
        from contactkluis.vault.keyfile import KeyFile, key_path

        kdf = KeyFile.load(key_path(path)).slots[0].kdf
        print(f"vault: {path} ({path.stat().st_size / 2**20:.0f} MB), {date.today()};"
              f" KDF t={kdf.time_cost} m={kdf.memory_kib // 1024} MiB p={kdf.parallelism}")  # fmt: skip
        if not args.no_reference:
            plain = Path(home) / "plain.db"
            subprocess.run([sys.executable, __file__, "--export-plain", str(path), str(plain)],
                           check=True)  # fmt: skip
            bench.plain = PlainReference(plain)
        bench.unlock()
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(bench.keystrokes)
            profiler.runcall(bench.keystrokes, filtered=True)
            profiler.runcall(bench.sorts)
            pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_SORT", "tottime")).print_stats(
                int(os.environ.get("BENCH_TOP", "25"))
            )
        else:
            bench.keystrokes()
            bench.keystrokes(filtered=True)
            bench.sorts()
        bench.sorts(idle=True)
        if not args.skip_scroll:
            bench.scroll()
        bench.report()
        bench.ctx.tasks.wait()
        if bench.plain is not None:
            bench.plain.close()
        if bench.ctx.session is not None:
            bench.ctx.session.vault.close()


if __name__ == "__main__":
    main()
