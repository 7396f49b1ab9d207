"""Disclosure audit of the CURRENT stats exports (issue 14): run on demand, not in the suite.

    cd WORKTREE && PYTHONPATH=src:. /work/main/.venv/bin/python tests/bench/disclosure_audit.py \
        [--vaults 10] [--seed 14]

Synthetic record lists (Faker nl_NL postcodes, invented birth years and relations) are
published with services.stats.compute_from_records, the pure part of `contactkluis stats`,
so the figures reflect what a user exports. The attacker (tests/support/disclosure_attacker)
sees only the published tables; the true counts are used afterwards to score it.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from faker import Faker
from tests.support.disclosure_attacker import Cell, PublishedTable, attack

from contactkluis.domain.cell_key import MAX_NOISE, key_sums, perturb
from contactkluis.domain.crosstab import build_tables
from contactkluis.domain.dimensions import age_band, dimension, postcode_area
from contactkluis.domain.disclosure_releases import conflicts
from contactkluis.errors import UserError
from contactkluis.services.stats import ALL, compute_from_records

K = 5
REF = date(2025, 12, 31)
AGE, PC2 = dimension("age"), dimension("pc2")
Record = dict[str, tuple[str, ...]]
Atoms = Callable[[str, str], list[str]]  # (age, pc2) -> atom names in this table's population


def home(rnd: random.Random, fake: Faker) -> str:
    """Most visitors live near the institution (three pc2 areas), the rest anywhere."""
    roll = rnd.random()
    if roll < 0.7:
        return rnd.choice(("3011 AB", "3062 CD", "2611 EF")) if roll < 0.55 else "2801 GH"
    return str(fake.postcode())


def people(n: int, rnd: random.Random, fake: Faker) -> list[Record]:
    out = []
    for _ in range(n):
        kinds = ["vriend"] if rnd.random() < 0.35 else []
        kinds += ["donateur"] if rnd.random() < 0.2 else []
        kinds += ["bezoeker"] if not kinds else []
        age = min(99, max(16, int(rnd.gauss(55, 17))))
        year = None if rnd.random() < 0.1 else REF.year - age
        out.append(
            {
                "age": (age_band(year, REF),),
                "pc2": (postcode_area(home(rnd, fake), 2),),
                "relation": tuple(kinds),
            }
        )
    return out


def result(
    records: Sequence[Record], by: str, rounding: int | None = None, earlier: Sequence[Any] = ()
) -> Any:
    dims = {"age": [AGE], "pc2": [PC2], "age,pc2": [AGE, PC2]}[by]
    return compute_from_records(
        records, [dims], population=ALL, reference=REF, k=K, rounding=rounding, earlier=earlier
    )


def registered(records: Sequence[Record], order: Sequence[str]) -> dict[str, Any]:
    """The exports of `order` made one after another through the release registry, each
    protected together with the earlier ones (what `contactkluis stats` does); a refused
    export publishes nothing."""
    done: dict[str, Any] = {}
    for by in order:
        try:
            res = result(records, by, earlier=[r.release() for r in reversed(done.values())])
        except UserError:
            continue
        done[by] = res
    return done


def publish(records: Sequence[Record], by: str, rounding: int | None = None) -> Any:
    return result(records, by, rounding).tables[0]


def refused(first: Any, second: Any) -> bool:
    """Would the release registry (same reporting period) refuse `second` after `first`?"""
    return bool(conflicts(second.release(), [first.release()], K))


def _shown(v: object) -> int | None:
    return v if isinstance(v, int) else None  # the hidden mark is not an int


def reader_view(
    name: str, pub: Any, by: str, atoms: Atoms, domain: Iterable[tuple[str, str]]
) -> PublishedTable:
    """The published table as cells over (age, pc2) atoms; the grand total spans the whole
    domain, so a label missing from the table is known to be zero."""
    dom = list(domain)
    base = pub.method.base or 1 if pub.method.kind == "rounding" else 1
    if pub.method.kind == "cellkey":  # within MAX_NOISE of the truth: a band like rounding
        base = 2 * MAX_NOISE + 1
    # "Zeros are shown" (the method note printed with every suppressed export)
    floor = 1 if base == 1 else 0

    def over(pred: Callable[[str, str], bool]) -> tuple[str, ...]:
        return tuple(x for a, p in dom if pred(a, p) for x in atoms(a, p))

    t = PublishedTable(name)
    for (r, c), v in pub.cells.items():
        t.cells.append(Cell(f"{name}|{r}|{c}", over(_cell_of(by, r, c)), _shown(v), base, floor))
    if by == "age,pc2":
        for r, v in pub.row_totals.items():
            t.cells.append(Cell(f"{name}|{r}|*", over(lambda a, p, r=r: a == r), _shown(v), base))
        for c, v in pub.col_totals.items():
            t.cells.append(Cell(f"{name}|*|{c}", over(lambda a, p, c=c: p == c), _shown(v), base))
    t.cells.append(Cell(f"{name}|*|*", over(lambda a, p: True), _shown(pub.grand_total), base))
    return t


def _cell_of(by: str, r: str, c: str) -> Callable[[str, str], bool]:
    def pred(a: str, p: str) -> bool:
        return (a, p) == (r, c) if by == "age,pc2" else (a if by == "age" else p) == r

    return pred


def _atoms(*groups: str) -> Atoms:
    """Atoms of a population made of `groups` (e.g. friends "v" + others "o")."""

    def atoms(a: str, p: str) -> list[str]:
        return [f"{g}{a}/{p}" for g in groups]

    return atoms


def truth(records: Sequence[Record]) -> Counter[tuple[str, str]]:
    return Counter((r["age"][0], r["pc2"][0]) for r in records)


def small_hidden(name: str, pub: Any, true: Counter[tuple[str, str]]) -> dict[str, int]:
    """Hidden cells of an age x pc2 export with their true value."""
    return {f"{name}|{r}|{c}": true[(r, c)] for (r, c), v in pub.cells.items() if _shown(v) is None}


def exact_small(bounds: dict[str, tuple[int, int]], true: dict[str, int]) -> int:
    return sum(1 for cid, t in true.items() if 1 <= t < K and bounds[cid] == (t, t))


class Tally(Counter[str]):
    def line(self, label: str, num: str, den: str) -> str:
        n, d = self[num], self[den]
        share = f"{100 * n / d:5.1f}%" if d else "   - "
        return f"{label:<62} {n:>6} / {d:<6} {share}"


def audit_vault(records: list[Record], rnd: random.Random, fake: Faker, tally: Tally) -> None:
    true = truth(records)
    friends = [r for r in records if "vriend" in r["relation"]]
    new = people(1, rnd, fake)[0]  # joins between two exports (attack 3)
    dom = sorted({*true, (new["age"][0], new["pc2"][0])})
    own, split, friend_atoms, plus = _atoms("x"), _atoms("v", "o"), _atoms("v"), _atoms("x", "n")

    # 1. one age x pc2 table on its own
    pub = publish(records, "age,pc2")
    hidden = small_hidden("t", pub, true)
    b1 = attack([reader_view("t", pub, "age,pc2", own, dom)], hidden)
    tally["tables"] += 1
    tally["tables_narrowed"] += any(1 <= t < K and b1[c][1] < K for c, t in hidden.items())
    for cid, t in hidden.items():
        lo, hi = b1[cid]
        if 1 <= t < K:
            tally["primary"] += 1
            tally["primary_narrowed"] += hi < K
            tally["primary_exact"] += lo == hi
        else:
            tally["secondary"] += 1
            tally["secondary_ge_k"] += lo >= K
    tally["small"] += sum(1 <= t < K for t in hidden.values())
    alone = {c for c, t in hidden.items() if 1 <= t < K and b1[c] == (t, t)}

    # 2. all contacts vs --population vriend (same grid)
    pub_v = publish(friends, "age,pc2")
    hid_v = small_hidden("v", pub_v, truth(friends))
    views = [
        reader_view("t", pub, "age,pc2", split, dom),
        reader_view("v", pub_v, "age,pc2", friend_atoms, dom),
    ]
    b2 = attack(views, [*hidden, *hid_v])
    tally["pop_small"] += sum(1 <= t < K for t in [*hidden.values(), *hid_v.values()])
    tally["pop_exact"] += exact_small(b2, {**hidden, **hid_v})

    # 3. one person added between two exports
    after = [*records, new]
    pub_a = publish(after, "age,pc2")
    probe = PublishedTable("probe")
    probe.cells.append(Cell("probe|new", tuple(f"n{a}/{p}" for a, p in dom), 1))
    na, npc = new["age"][0], new["pc2"][0]
    probe.cells.append(Cell("probe|age", tuple(f"n{na}/{p}" for _, p in dom if _ == na), None))
    probe.cells.append(Cell("probe|cell", (f"n{na}/{npc}",), None))
    views = [
        reader_view("t", pub, "age,pc2", own, dom),
        reader_view("a", pub_a, "age,pc2", plus, dom),
        probe,
    ]
    b3 = attack(views, [*hidden, "probe|age", "probe|cell"])
    tally["add_vaults"] += 1
    tally["add_age"] += b3["probe|age"] == (1, 1)
    tally["add_cell"] += b3["probe|cell"] == (1, 1)
    tally["add_refused"] += refused(result(records, "age,pc2"), result(after, "age,pc2"))
    tally["add_new_exact"] += sum(
        1 for c, t in hidden.items() if 1 <= t < K and b3[c] == (t, t) and c not in alone
    )

    # 4. --by age, --by pc2 and --by age,pc2 as three exports
    views = [reader_view("t", pub, "age,pc2", own, dom)]
    views += [reader_view(b, publish(records, b), b, own, dom) for b in ("age", "pc2")]
    b4 = attack(views, hidden)
    tally["three_exact"] += exact_small(b4, hidden)

    # 4b. the same three exports through the release registry, in both orders
    for order, tag in ((("age", "pc2", "age,pc2"), "ones"), (("age,pc2", "age", "pc2"), "two")):
        done = registered(records, order)
        tally[f"reg_{tag}_refused"] += 3 - len(done)
        views = [reader_view(b, r.tables[0], b, own, dom) for b, r in done.items()]
        grid = done.get("age,pc2")
        if grid is None:
            continue
        hid = small_hidden("age,pc2", grid.tables[0], true)
        bounds = attack(views, hid)
        small = {c: t for c, t in hid.items() if 1 <= t < K}
        tally[f"reg_{tag}_small"] += len(small)
        tally[f"reg_{tag}_exact"] += exact_small(bounds, hid)
        tally[f"reg_{tag}_narrow"] += sum(1 for c in small if bounds[c][1] < K)

    # 6. the Cell Key Method instead of suppression: one table, the three exports, one added
    keys = [random.Random(len(records) * 7919 + i).random() for i in range(len(records) + 1)]
    ckm_small = {f"c|{a}|{p}": t for (a, p), t in true.items() if 1 <= t < K}

    def ckm(recs: Sequence[Record], by: str, name: str, atoms: Atoms) -> PublishedTable:
        dims = {"age": [AGE], "pc2": [PC2], "age,pc2": [AGE, PC2]}[by]
        (table,) = build_tables(recs, [dims])
        pub_c = perturb(table, key_sums(recs, keys[: len(recs)], table))
        return reader_view(name, pub_c, by, atoms, dom)

    one = [ckm(records, "age,pc2", "c", own)]
    b6 = attack(one, ckm_small)
    tally["ckm_small"] += len(ckm_small)
    tally["ckm_exact"] += exact_small(b6, ckm_small)
    tally["ckm_narrow"] += sum(1 for c in ckm_small if b6[c][1] < K)
    three = one + [ckm(records, b, f"c{b}", own) for b in ("age", "pc2")]
    b7 = attack(three, ckm_small)
    tally["ckm3_exact"] += exact_small(b7, ckm_small)
    tally["ckm3_narrow"] += sum(1 for c in ckm_small if b7[c][1] < K)
    views = [ckm(records, "age,pc2", "c", own), ckm(after, "age,pc2", "ca", plus), probe]
    b8 = attack(views, ["probe|age", "probe|cell"])
    tally["ckm_add_age"] += b8["probe|age"] == (1, 1)
    tally["ckm_add_cell"] += b8["probe|cell"] == (1, 1)

    # 5. a rounded and a suppressed export of the same table
    views = [
        reader_view("t", pub, "age,pc2", own, dom),
        reader_view("r", publish(records, "age,pc2", 5), "age,pc2", own, dom),
    ]
    b5 = attack(views, hidden)
    tally["round_exact"] += exact_small(b5, hidden)
    tally["round_refused"] += refused(result(records, "age,pc2"), result(records, "age,pc2", 5))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vaults", type=int, default=10)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    fake = Faker("nl_NL")
    fake.seed_instance(args.seed)
    tally = Tally()
    start = time.perf_counter()
    sizes = [int(60 * (2000 / 60) ** (i / max(1, args.vaults - 1))) for i in range(args.vaults)]
    for n in sizes:
        records = people(n, rnd, fake)
        audit_vault(records, rnd, fake, tally)
        print(f"vault of {n:>5} contacts done ({time.perf_counter() - start:6.1f}s)", flush=True)
    print()
    print(
        f"Code in this tree, k={K}, {args.vaults} synthetic record lists of {sizes[0]}-{sizes[-1]} people, seed {args.seed}"
    )
    print("Table audited: age x pc2 export of all contacts, with its margins (suppression).")
    print(
        tally.line("tables with a primary cell narrowed into 1..k-1", "tables_narrowed", "tables")
    )
    print(
        tally.line(
            "primary cells (true 1..k-1) narrowed to an upper bound < k",
            "primary_narrowed",
            "primary",
        )
    )
    print(tally.line("primary cells determined exactly (one table)", "primary_exact", "primary"))
    print(
        tally.line(
            "secondary cells shown '<k' that are provably >= k", "secondary_ge_k", "secondary"
        )
    )
    print(
        tally.line("all vs --population vriend: small hidden cells exact", "pop_exact", "pop_small")
    )
    print(tally.line("one person added: their age band revealed (vaults)", "add_age", "add_vaults"))
    print(
        tally.line(
            "one person added: their age x pc2 cell revealed (vaults)", "add_cell", "add_vaults"
        )
    )
    print(tally.line("one person added: earlier small cells newly exact", "add_new_exact", "small"))
    print(
        tally.line(
            "one person added: 2nd export refused by release registry", "add_refused", "add_vaults"
        )
    )
    print(tally.line("--by age, --by pc2, --by age,pc2: small cells exact", "three_exact", "small"))
    for tag, order in (("ones", "age; pc2; age,pc2"), ("two", "age,pc2; age; pc2")):
        print(f"registered exports {order} (each linked to the earlier ones):")
        print(tally.line("  exports refused (of 3 per vault)", f"reg_{tag}_refused", "tables"))
        print(tally.line("  small hidden cells exact", f"reg_{tag}_exact", f"reg_{tag}_small"))
        print(
            tally.line(
                "  small hidden cells narrowed to upper bound < k",
                f"reg_{tag}_narrow",
                f"reg_{tag}_small",
            )
        )
    print(
        tally.line(
            "rounded + suppressed export of one table: small cells exact", "round_exact", "small"
        )
    )
    print(
        tally.line(
            "rounded after suppressed: refused by release registry", "round_refused", "tables"
        )
    )
    print(f"Cell Key Method (max noise {MAX_NOISE}, record keys fixed per person), no suppression:")
    for label, num in (
        ("  one age x pc2 table: small cells exact", "ckm_exact"),
        ("  one age x pc2 table: small cells upper bound < k", "ckm_narrow"),
        ("  age, pc2, age x pc2: small cells exact", "ckm3_exact"),
        ("  age, pc2, age x pc2: small cells upper bound < k", "ckm3_narrow"),
    ):
        print(tally.line(label, num, "ckm_small"))
    print(tally.line("  one person added: their age band revealed", "ckm_add_age", "add_vaults"))
    print(
        tally.line(
            "  one person added: their age x pc2 cell revealed", "ckm_add_cell", "add_vaults"
        )
    )
    print(f"\nrun time {time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
