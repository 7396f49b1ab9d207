"""A count table as a circulation, and exact questions about its suppressed counts.

A two-way table with margins is a circulation on the bipartite graph rows+{margin row} x
columns+{margin column}: cell (i, j) is an edge from row i to column j, totals are edges with
a negative sign, and every node balances. The true table is a feasible point. What a reader
can say about a suppressed count is what the circulations agreeing with the published counts
allow: a suppressed count (zeros are published, so at least 1) may vary inside an interval,
and because the constraint matrix is a network matrix (totally unimodular) the interval's
ends are integers reached by integer tables. A one-way table is the same with two nodes.

- `unsafe`: suppressed edges with no freedom at all (an exact reconstruction).
- `headroom`: how far a suppressed count can move up or down: a maximum flow through the
  residual graph of the other suppressed edges (a hidden cell may grow without limit and
  shrink to 1; a hidden total the other way round).
- `cheapest_cover` / `protection_cover`: published counts to suppress as well, cheapest first
  (a count costs its value plus one, so small counts are hidden before large ones).
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Collection
from typing import Final

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable

# Which published number an edge is: ("cell", row, col), ("row", row, ""), ("col", col, ""),
# ("grand", "", ""). Used to force suppressions shared between linked tables.
Ref = tuple[str, str, str]
GRAND: Final[Ref] = ("grand", "", "")
INF: Final = 1 << 40  # "no limit" for a capacity; far above any count


class Graph:
    """The table as signed edges between row and column nodes (see module docstring)."""

    def __init__(self, table: CountTable) -> None:
        self.refs: list[Ref] = []
        self.u: list[int] = []
        self.v: list[int] = []
        self.sign: list[int] = []
        self.value: list[int] = []
        self.lines: list[tuple[int, list[int]]] = []  # (total edge, part edges)
        # Edges that may not be suppressed: counts an earlier release already showed.
        self.fixed: set[int] = set()
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


def unsafe(graph: Graph, suppressed: set[int]) -> list[int]:
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


def cheapest_cover(graph: Graph, suppressed: set[int], e: int) -> list[int]:
    """Published non-zero edges whose suppression puts edge e on a residual cycle.

    Dijkstra where suppressed edges are free and a published edge costs its count plus one
    (so fewer and smaller counts are preferred).
    """
    candidates = [
        f
        for f in range(len(graph.refs))
        if f != e and graph.value[f] > 0 and (f in suppressed or f not in graph.fixed)
    ]
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


def _capacities(graph: Graph, e: int) -> tuple[int, int]:
    """(room to push along u->v, room to push along v->u) of a suppressed edge."""
    slack = max(graph.value[e] - 1, 0)
    return (INF, slack) if graph.sign[e] > 0 else (slack, INF)


class _Network:
    """Residual network over chosen edges; arcs 2i and 2i+1 are the two directions of one edge."""

    def __init__(self, graph: Graph, edges: Collection[int]) -> None:
        self.graph = graph
        self.edge: list[int] = []
        self.head: list[int] = []
        self.cap: list[int] = []
        self.out: dict[int, list[int]] = {}
        self.first_arc: dict[int, int] = {}
        self.add(edges)

    def add(self, edges: Collection[int]) -> None:
        """Let more edges carry flow (their current flow is zero)."""
        graph = self.graph
        for e in edges:
            if e in self.first_arc:
                continue
            self.first_arc[e] = len(self.head)
            forward, backward = _capacities(graph, e)
            for tail, head, cap in (
                (graph.u[e], graph.v[e], forward),
                (graph.v[e], graph.u[e], backward),
            ):
                self.out.setdefault(tail, []).append(len(self.head))
                self.edge.append(e)
                self.head.append(head)
                self.cap.append(cap)

    def augment(
        self, source: int, sink: int, limit: int, usable: Collection[int] | None = None
    ) -> int:
        """Push up to `limit` from source to sink (shortest paths first); the amount pushed.

        `usable` restricts the edges that may carry flow (None: all of them).
        """
        pushed = 0
        while pushed < limit:
            via: dict[int, int] = {source: -1}
            queue = deque([source])
            while queue and sink not in via:
                node = queue.popleft()
                for a in self.out.get(node, ()):
                    nxt = self.head[a]
                    if nxt in via or self.cap[a] <= 0:
                        continue
                    if usable is not None and self.edge[a] not in usable:
                        continue
                    via[nxt] = a
                    queue.append(nxt)
            if sink not in via:
                break
            pushed += self._push_path(via, source, sink, limit - pushed)
        return pushed

    def _push_path(self, via: dict[int, int], source: int, sink: int, limit: int) -> int:
        path, node = [], sink
        while node != source:
            a = via[node]
            path.append(a)
            node = self.head[a ^ 1]
        amount = min(limit, *(self.cap[a] for a in path))
        for a in path:
            self.cap[a] -= amount
            self.cap[a ^ 1] += amount
        return amount

    def cheapest_path(self, source: int, sink: int, cost: dict[int, int]) -> dict[int, int] | None:
        """Dijkstra over arcs with room left; an edge costs `cost.get(edge, 0)`."""
        dist = {source: 0}
        via: dict[int, int] = {source: -1}
        heap = [(0, source)]
        while heap:
            d, node = heapq.heappop(heap)
            if node == sink:
                return via
            if d > dist[node]:
                continue
            for a in self.out.get(node, ()):
                if self.cap[a] <= 0:
                    continue
                nxt, nd = self.head[a], d + cost.get(self.edge[a], 0)
                if nd < dist.get(nxt, nd + 1):
                    dist[nxt] = nd
                    via[nxt] = a
                    heapq.heappush(heap, (nd, nxt))
        return None


def _ends(graph: Graph, e: int, up: bool) -> tuple[int, int]:
    """Source and sink of the flow that changes count e: raising a cell pushes v->u round the
    cycle (the cell itself carries u->v), raising a total (signed -1) the other way."""
    raise_flow = up == (graph.sign[e] > 0)
    return (graph.v[e], graph.u[e]) if raise_flow else (graph.u[e], graph.v[e])


def residual(graph: Graph, suppressed: Collection[int] = ()) -> _Network:
    """A residual network to ask `headroom` and `protection_cover` many questions of: the
    suppressed edges and every published non-zero one (flow only ever uses the edges a
    question allows, so one network serves while the suppressed set grows)."""
    edges = [
        f
        for f in range(len(graph.refs))
        if f in suppressed or (graph.value[f] > 0 and f not in graph.fixed)
    ]
    return _Network(graph, edges)


def hidden_network(graph: Graph, suppressed: Collection[int]) -> _Network:
    """The residual network of the suppressed edges alone; grow it with .add()."""
    return _Network(graph, suppressed)


def headroom(
    graph: Graph,
    suppressed: Collection[int],
    e: int,
    up: bool,
    limit: int = INF,
    net: _Network | None = None,
) -> int:
    """How far suppressed count e can move up (or down) with everything published fixed,
    capped at `limit`. Exact: a maximum flow in a network matrix.

    `net` is residual(graph, suppressed) when the caller asks about many edges (it stays
    valid while the suppressed set grows); e itself is shut off in it for the question and
    everything is restored afterwards.
    """
    source, sink = _ends(graph, e, up)
    if net is None:
        net = residual(graph, suppressed)
    saved = net.cap
    net.cap = saved.copy()
    first = net.first_arc.get(e)
    if first is not None:
        net.cap[first] = net.cap[first + 1] = 0
    try:
        return net.augment(source, sink, limit, suppressed)
    finally:
        net.cap = saved


def interval(graph: Graph, suppressed: Collection[int], e: int) -> tuple[int, int]:
    """The exact range a reader can give suppressed count e (upper end INF when unbounded)."""
    value = graph.value[e]
    net = residual(graph, suppressed)
    down = min(headroom(graph, suppressed, e, False, value, net), max(value - 1, 0))
    up = headroom(graph, suppressed, e, True, INF, net)
    return value - down, value + up if up < INF else INF


def protection_cover(
    graph: Graph, suppressed: set[int], e: int, need: int, net: _Network | None = None
) -> list[int]:
    """Published non-zero edges to suppress so that count e can rise by `need`.

    The flow the suppressed edges already carry is pushed first; then, while short, the
    cheapest residual path (a published count costs its value plus one) is taken, its
    published edges join, and flow is pushed along it. Each round adds at least one edge,
    and with everything suppressed any count may rise without limit, so this ends.
    """
    if net is None:
        net = residual(graph, suppressed)
    saved = net.cap
    net.cap = saved.copy()
    try:
        return _cover(graph, suppressed, e, need, net)
    finally:
        net.cap = saved


def _cover(graph: Graph, suppressed: set[int], e: int, need: int, net: _Network) -> list[int]:
    source, sink = _ends(graph, e, up=True)
    first = net.first_arc[e]
    net.cap[first] = net.cap[first + 1] = 0  # the count itself is no part of its cover
    others = [f for f in net.first_arc if f != e]
    hidden = {f for f in others if f in suppressed}
    pushed = net.augment(source, sink, need, hidden)
    added: list[int] = []
    cost = {f: graph.value[f] + 1 for f in others if f not in hidden}
    while pushed < need:
        via = net.cheapest_path(source, sink, cost)
        if via is None:  # cannot happen for a consistent table; hide all as a safe fallback
            return [f for f in others if f not in suppressed]
        node = sink
        while node != source:
            a = via[node]
            if net.edge[a] not in hidden:
                hidden.add(net.edge[a])
                cost.pop(net.edge[a], None)
                added.append(net.edge[a])
            node = net.head[a ^ 1]
        pushed += net._push_path(via, source, sink, need - pushed)
        pushed += net.augment(source, sink, need - pushed, hidden)
    return added
