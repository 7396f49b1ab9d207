"""Statistical disclosure control for count tables: cell suppression or rounding.

Suppression works on the table together with its row, column and grand totals:

1. Primary: every count 1..k-1 (totals included) is suppressed. Zeros are published.
2. Secondary: while a row or column (or the line of row totals or column totals with the
   grand total) has exactly one suppressed entry, the smallest other non-zero published
   entry of that line is suppressed too (a cell, or the line's total when no cell is left).
3. Audit: a suppressed count is safe when the published table admits at least two values
   for it. Because zeros are always published, a reader knows every suppressed count is at
   least 1, and the audit uses that. Complements are therefore only taken from non-zero
   counts: suppressing a zero would let a reader bound it at 0 only if we published zeros
   elsewhere, so a suppressed zero gives away nothing but also protects nothing.

The audit is exact. A two-way table with margins is a circulation on the bipartite graph
rows+{margin row} x columns+{margin column}: cell (i, j) is an edge from row i to column j,
totals are edges with a negative sign, and every row and column sums to zero. The true table
is a feasible point; a suppressed edge can change value iff it lies on a cycle of the residual
graph of the suppressed edges (increase always possible, decrease only above 1). The
constraint matrix is totally unimodular, so a possible real change is also an integer one.
A one-way table is the same with two nodes and parallel edges. When an edge fails, the
cheapest path (by suppressed total) that closes a cycle through it is suppressed as well.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final, Literal

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, Key
from contactkluis.domain.dimensions import Dim, Language
from contactkluis.domain.messages import CodedError, register

K_DEFAULT: Final = 5
K_MIN: Final = 3
K_MAX: Final = 20
ROUNDING_BASES: Final = (5,)

MESSAGES: dict[str, tuple[str, str]] = {
    "sdc.k_range": (
        "De drempel k moet tussen {low} en {high} liggen (gekregen: {k}).",
        "The threshold k must be between {low} and {high} (got: {k}).",
    ),
    "sdc.base": (
        "Afronden kan alleen op een veelvoud van {bases} (gekregen: {base}).",
        "Rounding is only possible to a multiple of {bases} (got: {base}).",
    ),
}


register(MESSAGES)


class DisclosureError(CodedError, ValueError):
    default_language = "nl"


class _Suppressed(Enum):
    SUPPRESSED = "suppressed"

    def __repr__(self) -> str:
        return "SUPPRESSED"


SUPPRESSED: Final = _Suppressed.SUPPRESSED
Published = int | Literal[_Suppressed.SUPPRESSED]

# Which published number an edge is: ("cell", row, col), ("row", row, ""), ("col", col, ""),
# ("grand", "", ""). Used to force suppressions shared between linked tables.
Ref = tuple[str, str, str]
GRAND: Final[Ref] = ("grand", "", "")


@dataclass(frozen=True, slots=True)
class Method:
    kind: Literal["suppression", "rounding"]
    k: int | None = None
    base: int | None = None

    def describe(self, language: Language = "nl") -> str:
        if self.kind == "rounding":
            if language == "nl":
                return (
                    f"Alle aantallen, ook de totalen, zijn afgerond op het dichtstbijzijnde "
                    f"veelvoud van {self.base}. Totalen zijn los afgerond en hoeven daardoor "
                    f"niet precies op te tellen."
                )
            return (
                f"All counts, totals included, are rounded to the nearest multiple of "
                f"{self.base}. Totals are rounded on their own, so they need not add up exactly."
            )
        if language == "nl":
            return (
                f"Aantallen van 1 tot en met {self.k - 1 if self.k else ''} zijn afgeschermd "
                f"(weergegeven als '<{self.k}'). Waar nodig zijn ook andere aantallen "
                f"afgeschermd, zodat een afgeschermd aantal niet via de totalen is terug te "
                f"rekenen. Nullen worden wel getoond."
            )
        return (
            f"Counts from 1 to {self.k - 1 if self.k else ''} are suppressed (shown as "
            f"'<{self.k}'). Where needed, other counts are suppressed too, so that no "
            f"suppressed count can be worked out from the totals. Zeros are shown."
        )


@dataclass(frozen=True, slots=True)
class PublishedTable:
    """What may be shown: counts or SUPPRESSED, never the true value of a suppressed count."""

    row_dim: Dim
    col_dim: Dim | None
    row_labels: tuple[str, ...]
    col_labels: tuple[str, ...]
    cells: dict[Key, Published]
    row_totals: dict[str, Published]
    col_totals: dict[str, Published]
    grand_total: Published
    method: Method

    @property
    def is_one_way(self) -> bool:
        return self.col_dim is None

    def cell_cols(self) -> tuple[str, ...]:
        return self.col_labels if self.col_dim is not None else (ONE_WAY_COL,)

    def suppressed_refs(self) -> set[Ref]:
        refs: set[Ref] = {("cell", r, c) for (r, c), v in self.cells.items() if v is SUPPRESSED}
        refs |= {("row", r, "") for r, v in self.row_totals.items() if v is SUPPRESSED}
        refs |= {("col", c, "") for c, v in self.col_totals.items() if v is SUPPRESSED}
        if self.grand_total is SUPPRESSED:
            refs.add(GRAND)
        return refs

    def published_values(self) -> list[int]:
        """Every number that is shown, totals included (for checks and tests)."""
        values: list[Published] = [*self.cells.values(), *self.col_totals.values()]
        if not self.is_one_way:
            values += self.row_totals.values()
        values.append(self.grand_total)
        return [v for v in values if v is not SUPPRESSED]


class _Graph:
    """The table as signed edges between row and column nodes (see module docstring)."""

    def __init__(self, table: CountTable) -> None:
        self.refs: list[Ref] = []
        self.u: list[int] = []
        self.v: list[int] = []
        self.sign: list[int] = []
        self.value: list[int] = []
        self.lines: list[tuple[int, list[int]]] = []  # (total edge, part edges)
        rows, cols = table.row_labels, table.cell_cols()
        if table.col_dim is None:
            for r in rows:
                self._add(("cell", r, ONE_WAY_COL), 0, 1, 1, table.cells[(r, ONE_WAY_COL)])
            grand = self._add(GRAND, 0, 1, -1, table.grand_total)
            self.lines.append((grand, list(range(len(rows)))))
            return
        n_r, n_c = len(rows), len(cols)
        margin_row, margin_col = n_r, n_r + 1 + n_c
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                self._add(("cell", r, c), i, n_r + 1 + j, 1, table.cells[(r, c)])
        for i, r in enumerate(rows):
            self._add(("row", r, ""), i, margin_col, -1, table.row_totals[r])
        for j, c in enumerate(cols):
            self._add(("col", c, ""), margin_row, n_r + 1 + j, -1, table.col_totals[c])
        grand = self._add(GRAND, margin_row, margin_col, 1, table.grand_total)
        row_tot, col_tot = n_r * n_c, n_r * n_c + n_r
        for i in range(n_r):
            self.lines.append((row_tot + i, [i * n_c + j for j in range(n_c)]))
        for j in range(n_c):
            self.lines.append((col_tot + j, [i * n_c + j for i in range(n_r)]))
        self.lines.append((grand, list(range(row_tot, row_tot + n_r))))
        self.lines.append((grand, list(range(col_tot, col_tot + n_c))))

    def _add(self, ref: Ref, u: int, v: int, sign: int, value: int) -> int:
        self.refs.append(ref)
        self.u.append(u)
        self.v.append(v)
        self.sign.append(sign)
        self.value.append(value)
        return len(self.refs) - 1

    def can_increase(self, e: int) -> bool:
        """Arc u->v: the signed value may grow (a total, signed -1, must stay >= 1)."""
        return self.sign[e] > 0 or self.value[e] > 1

    def can_decrease(self, e: int) -> bool:
        return self.sign[e] < 0 or self.value[e] > 1

    def arcs(self, edges: Collection[int]) -> dict[int, list[tuple[int, int]]]:
        adj: dict[int, list[tuple[int, int]]] = {}
        for e in edges:
            if self.can_increase(e):
                adj.setdefault(self.u[e], []).append((self.v[e], e))
            if self.can_decrease(e):
                adj.setdefault(self.v[e], []).append((self.u[e], e))
        return adj


def _reaches(adj: dict[int, list[tuple[int, int]]], start: int, goal: int, skip: int) -> bool:
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt, e in adj.get(node, ()):
            if e == skip or nxt in seen:
                continue
            if nxt == goal:
                return True
            seen.add(nxt)
            stack.append(nxt)
    return False


def _unsafe(graph: _Graph, suppressed: set[int]) -> list[int]:
    """Suppressed edges whose value the published table pins down exactly."""
    adj = graph.arcs(suppressed)
    bad = []
    for e in sorted(suppressed):
        u, v = graph.u[e], graph.v[e]
        if graph.can_increase(e) and _reaches(adj, v, u, e):
            continue
        if graph.can_decrease(e) and _reaches(adj, u, v, e):
            continue
        bad.append(e)
    return bad


def _cheapest_cover(graph: _Graph, suppressed: set[int], e: int) -> list[int]:
    """Published non-zero edges whose suppression puts edge e on a residual cycle.

    Dijkstra where suppressed edges are free and a published edge costs its count plus one
    (so fewer and smaller counts are preferred).
    """
    candidates = [f for f in range(len(graph.refs)) if f != e and graph.value[f] > 0]
    adj = graph.arcs(candidates)
    best: list[int] | None = None
    best_cost = 0
    ends = []
    if graph.can_increase(e):
        ends.append((graph.v[e], graph.u[e]))
    if graph.can_decrease(e):
        ends.append((graph.u[e], graph.v[e]))
    for start, goal in ends:
        dist = {start: 0}
        via: dict[int, tuple[int, int]] = {}
        heap = [(0, start)]
        while heap:
            d, node = heapq.heappop(heap)
            if node == goal or d > dist[node]:
                if node == goal:
                    break
                continue
            for nxt, f in adj.get(node, ()):
                nd = d + (0 if f in suppressed else graph.value[f] + 1)
                if nd < dist.get(nxt, nd + 1):
                    dist[nxt] = nd
                    via[nxt] = (node, f)
                    heapq.heappush(heap, (nd, nxt))
        if goal in dist and (best is None or dist[goal] < best_cost):
            path, node = [], goal
            while node != start:
                node, f = via[node]
                path.append(f)
            best, best_cost = [f for f in path if f not in suppressed], dist[goal]
    if best is None:  # cannot happen for a consistent table; suppress all as a safe fallback
        return candidates
    return best


def _secondary_by_lines(graph: _Graph, suppressed: set[int]) -> None:
    changed = True
    while changed:
        changed = False
        for total, parts in graph.lines:
            hidden = (total in suppressed) + sum(1 for p in parts if p in suppressed)
            if hidden != 1:
                continue
            cands = [p for p in parts if p not in suppressed and graph.value[p] > 0]
            if not cands and total not in suppressed and graph.value[total] > 0:
                cands = [total]
            if cands:
                suppressed.add(min(cands, key=lambda p: (graph.value[p], p)))
                changed = True


def check_k(k: int) -> None:
    if not K_MIN <= k <= K_MAX:
        raise DisclosureError("sdc.k_range", low=K_MIN, high=K_MAX, k=k)


def suppress(table: CountTable, k: int = K_DEFAULT, forced: Collection[Ref] = ()) -> PublishedTable:
    """Protect `table` by cell suppression with threshold k (counts 1..k-1 are hidden).

    `forced` names counts that must be suppressed as well (non-zero ones only), for tables
    that share totals with another table.
    """
    check_k(k)
    graph = _Graph(table)
    forced_set = set(forced)
    suppressed = {
        e
        for e, value in enumerate(graph.value)
        if 1 <= value < k or (value > 0 and graph.refs[e] in forced_set)
    }
    _secondary_by_lines(graph, suppressed)
    while bad := _unsafe(graph, suppressed):
        for e in bad:
            if _unsafe_one(graph, suppressed, e):  # an earlier cover may have fixed it
                suppressed.update(_cheapest_cover(graph, suppressed, e))
    hidden = {graph.refs[e] for e in suppressed}
    return _publish(
        table, lambda ref, value: SUPPRESSED if ref in hidden else value, Method("suppression", k=k)
    )


def _unsafe_one(graph: _Graph, suppressed: set[int], e: int) -> bool:
    adj = graph.arcs(suppressed)
    u, v = graph.u[e], graph.v[e]
    return not (
        (graph.can_increase(e) and _reaches(adj, v, u, e))
        or (graph.can_decrease(e) and _reaches(adj, u, v, e))
    )


def audit(table: CountTable, published: PublishedTable) -> list[Ref]:
    """The suppressed counts of `published` that a reader could work out exactly ([] = safe).

    `table` must be the true table `published` was made from; it serves as the feasible point.
    """
    graph = _Graph(table)
    hidden = published.suppressed_refs()
    suppressed = {e for e, ref in enumerate(graph.refs) if ref in hidden}
    return [graph.refs[e] for e in _unsafe(graph, suppressed)]


def round_base(table: CountTable, base: int = 5) -> PublishedTable:
    """Round every count, totals included, to the nearest multiple of `base` (halves up).

    Each total is rounded on its own, not summed from rounded cells: simple and predictable,
    at the price of totals that may differ from the sum of their rounded parts.
    """
    if base not in ROUNDING_BASES:
        raise DisclosureError("sdc.base", bases=", ".join(map(str, ROUNDING_BASES)), base=base)
    return _publish(
        table, lambda _ref, value: (value + base // 2) // base * base, Method("rounding", base=base)
    )


def _publish(
    table: CountTable, show: Callable[[Ref, int], Published], method: Method
) -> PublishedTable:
    cells = {(r, c): show(("cell", r, c), v) for (r, c), v in table.cells.items()}
    if table.col_dim is None:
        row_totals = {r: cells[(r, ONE_WAY_COL)] for r in table.row_labels}
    else:
        row_totals = {r: show(("row", r, ""), v) for r, v in table.row_totals.items()}
    return PublishedTable(
        row_dim=table.row_dim,
        col_dim=table.col_dim,
        row_labels=table.row_labels,
        col_labels=table.col_labels,
        cells=cells,
        row_totals=row_totals,
        col_totals={c: show(("col", c, ""), v) for c, v in table.col_totals.items()},
        grand_total=show(GRAND, table.grand_total),
        method=method,
    )


def _semantic(table: CountTable | PublishedTable, ref: Ref) -> frozenset[tuple[str, str]]:
    """What a count means across tables: the dimension values it is restricted to."""
    kind, a, b = ref
    row, col = table.row_dim.name, table.col_dim.name if table.col_dim else ""
    if kind == "cell":
        return frozenset({(row, a), (col, b)} if col else {(row, a)})
    if kind == "row":
        return frozenset({(row, a)})
    if kind == "col":
        return frozenset({(col, a)})
    return frozenset()


def suppress_linked(tables: Sequence[CountTable], k: int = K_DEFAULT) -> list[PublishedTable]:
    """Suppress several tables of one export so that shared counts are hidden everywhere.

    The one-way table by relation repeats the row totals of relation x age; hiding a total
    in one table and showing it in the other would undo the protection. Counts restricted to
    the same dimension values are treated as the same number (all grand totals are linked),
    and tables are suppressed again until no table hides a count another one shows.
    """
    check_k(k)
    linked: set[frozenset[tuple[str, str]]] = set()
    while True:
        results = []
        for table in tables:
            graph_refs = _Graph(table).refs
            forced = [ref for ref in graph_refs if _semantic(table, ref) in linked]
            results.append(suppress(table, k, forced))
        hidden = {_semantic(p, ref) for p in results for ref in p.suppressed_refs()}
        if hidden <= linked:
            return results
        linked |= hidden
