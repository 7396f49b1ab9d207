"""Statistical disclosure control for count tables: cell suppression or rounding.

Suppression works on the table together with its row, column and grand totals, with a
threshold k set by the institution (default 10, never below 5):

1. Primary: every count 1..k-1 (totals included) is suppressed. Zeros are published, so a
   reader knows every suppressed count is at least 1.
2. Protection interval: for every primary count the range a reader can compute from the
   published table must reach at least k (upper protection), so "1..k-1" is never all a
   reader can say. This is computed exactly (a maximum flow, see disclosure_graph); when it
   falls short, published counts are suppressed as well, cheapest first (a count costs its
   value plus one, so small counts go before large ones and a column of 440 is not hidden
   to protect a 2).
3. No suppressed count may be determined exactly (secondary ones included).

Every suppressed count is shown with one neutral mark, MARK ("x", as CBS publishes), never a
bound such as "<5": a secondary count may be large.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final, Literal

from contactkluis.domain.crosstab import ONE_WAY_COL, CountTable, Key
from contactkluis.domain.dimensions import Dim, Language
from contactkluis.domain.disclosure_graph import (
    GRAND,
    INF,
    Graph,
    Ref,
    cheapest_cover,
    headroom,
    hidden_network,
    interval,
    protection_cover,
    residual,
    unsafe,
)
from contactkluis.domain.messages import CodedError, register

K_DEFAULT: Final = 10
K_MIN: Final = 5
K_MAX: Final = 20
ROUNDING_BASES: Final = (5,)

MESSAGES: dict[str, tuple[str, str]] = {
    "sdc.k_range": (
        "De drempel k moet tussen {low} en {high} liggen (gekregen: {k}).",
        "The threshold k must be between {low} and {high} (got: {k}).",
    ),
    "sdc.linked": (
        "Deze tabel is niet veilig te publiceren naast wat eerder in deze periode is gepubliceerd.",
        "This table cannot be published safely next to what was published earlier in this period.",
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

MARK: Final = "x"  # the one mark for every suppressed count, primary or secondary

__all__ = ["GRAND", "INF", "MARK", "Ref"]


@dataclass(frozen=True, slots=True)
class Method:
    kind: Literal["suppression", "rounding", "cellkey"]
    k: int | None = None
    base: int | None = None

    def describe(self, language: Language = "nl") -> str:
        if self.kind == "cellkey":
            if language == "nl":
                return (
                    f"Elk aantal, ook de totalen, is met hoogstens {self.base} verhoogd of "
                    "verlaagd volgens de celsleutelmethode; hetzelfde aantal krijgt steeds "
                    "dezelfde afwijking. Totalen hoeven daardoor niet precies op te tellen."
                )
            return (
                f"Every count, totals included, was moved up or down by at most {self.base} "
                "with the cell key method; the same count always gets the same change. "
                "Totals need not add up exactly."
            )
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
        return suppression_note(self.k or K_DEFAULT, language)


def suppression_note(k: int, language: Language = "nl") -> str:
    """The legend of the mark, for every place a suppressed table is shown."""
    if language == "nl":
        return (
            f"{MARK} = afgeschermd. Aantallen van 1 tot en met {k - 1} zijn afgeschermd, en "
            f"waar nodig ook andere aantallen (die groter kunnen zijn), zodat geen afgeschermd "
            f"aantal uit de totalen is terug te rekenen of tot minder dan {k} mogelijke "
            f"waarden is in te perken. Nullen worden wel getoond."
        )
    return (
        f"{MARK} = suppressed. Counts from 1 to {k - 1} are suppressed, and where needed other "
        f"counts as well (which may be larger), so that no suppressed count can be worked out "
        f"from the totals or narrowed to fewer than {k} possible values. Zeros are shown."
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


def check_k(k: int) -> None:
    if not K_MIN <= k <= K_MAX:
        raise DisclosureError("sdc.k_range", low=K_MIN, high=K_MAX, k=k)


def suppress(
    table: CountTable,
    k: int = K_DEFAULT,
    forced: Collection[Ref] = (),
    fixed: Collection[Ref] = (),
) -> PublishedTable:
    """Protect `table` by cell suppression with threshold k (counts 1..k-1 are hidden).

    `forced` names counts that must be suppressed as well (non-zero ones only), for tables
    that share totals with another table. Suppressing more only widens what a reader can
    say about any count, so each step keeps what the earlier ones achieved.

    `fixed` names counts an earlier release already showed: they are never chosen to
    protect another count. When the table cannot be protected without them (or one of
    them is itself small), DisclosureError "sdc.linked" is raised.
    """
    check_k(k)
    graph = Graph(table)
    forced_set = set(forced)
    fixed_set = set(fixed)
    graph.fixed = {e for e, ref in enumerate(graph.refs) if ref in fixed_set}
    primary = [e for e, value in enumerate(graph.value) if 1 <= value < k]
    must_hide = {e for e, ref in enumerate(graph.refs) if ref in forced_set and graph.value[e]}
    if graph.fixed & (must_hide | set(primary)):
        raise DisclosureError("sdc.linked")
    suppressed = set(primary) | {
        e for e, value in enumerate(graph.value) if value > 0 and graph.refs[e] in forced_set
    }
    # Smallest first: they need the most room, and their covers often protect the rest.
    # Two networks: the questions run over the suppressed edges only (fast), the covers
    # over every candidate; both stay valid as the suppressed set grows.
    asked, covers = hidden_network(graph, suppressed), residual(graph, suppressed)
    for e in sorted(primary, key=lambda e: (graph.value[e], e)):
        need = k - graph.value[e]
        if headroom(graph, suppressed, e, True, need, asked) < need:
            added = protection_cover(graph, suppressed, e, need, covers)
            suppressed.update(added)
            asked.add(added)
    while bad := unsafe(graph, suppressed):
        before = len(suppressed)
        for e in bad:
            if e in unsafe(graph, suppressed):  # an earlier cover may have fixed it
                suppressed.update(cheapest_cover(graph, suppressed, e))
        if len(suppressed) == before:  # only counts shown earlier could cover it
            raise DisclosureError("sdc.linked")
    if graph.fixed and (graph.fixed & suppressed or _short(graph, suppressed, k)):
        raise DisclosureError("sdc.linked")
    hidden = {graph.refs[e] for e in suppressed}
    return _publish(
        table, lambda ref, value: SUPPRESSED if ref in hidden else value, Method("suppression", k=k)
    )


def _short(graph: Graph, suppressed: set[int], k: int) -> list[int]:
    """Suppressed edges left exact or, when small, with less than k of room upwards."""
    net = residual(graph, suppressed)
    small = {
        e
        for e in suppressed
        if 1 <= graph.value[e] < k
        and headroom(graph, suppressed, e, True, k, net) < k - graph.value[e]
    }
    return sorted(small.union(unsafe(graph, suppressed)))


def _suppressed_edges(table: CountTable, published: PublishedTable) -> tuple[Graph, set[int]]:
    graph = Graph(table)
    hidden = published.suppressed_refs()
    return graph, {e for e, ref in enumerate(graph.refs) if ref in hidden}


def audit(table: CountTable, published: PublishedTable) -> list[Ref]:
    """The suppressed counts of `published` that a reader could work out exactly ([] = safe).

    `table` must be the true table `published` was made from; it serves as the feasible point.
    """
    graph, suppressed = _suppressed_edges(table, published)
    return [graph.refs[e] for e in unsafe(graph, suppressed)]


def intervals(table: CountTable, published: PublishedTable) -> dict[Ref, tuple[int, int]]:
    """Exact range a reader can give each suppressed count of `published` on its own
    (upper end INF when unbounded)."""
    graph, suppressed = _suppressed_edges(table, published)
    return {graph.refs[e]: interval(graph, suppressed, e) for e in sorted(suppressed)}


def underprotected(table: CountTable, published: PublishedTable, k: int) -> list[Ref]:
    """Primary counts (1..k-1) whose range, as a reader computes it, stays below k."""
    graph, suppressed = _suppressed_edges(table, published)
    return [graph.refs[e] for e in _short(graph, suppressed, k) if 1 <= graph.value[e] < k]


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


Semantic = frozenset[tuple[str, str]]


def semantic(table: CountTable | PublishedTable, ref: Ref) -> Semantic:
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


def published_counts(table: PublishedTable) -> dict[Semantic, Published]:
    """Every count `table` shows or hides, by what it means (for linking releases)."""
    refs: list[tuple[Ref, Published]] = [(("cell", r, c), v) for (r, c), v in table.cells.items()]
    if not table.is_one_way:
        refs += [(("row", r, ""), v) for r, v in table.row_totals.items()]
    refs += [(("col", c, ""), v) for c, v in table.col_totals.items()]
    refs.append((GRAND, table.grand_total))
    return {semantic(table, ref): value for ref, value in refs}


def suppress_linked(
    tables: Sequence[CountTable],
    k: int = K_DEFAULT,
    earlier: Mapping[Semantic, Published] | None = None,
) -> list[PublishedTable]:
    """Suppress several tables of one export so that shared counts are hidden everywhere.

    The one-way table by relation repeats the row totals of relation x age; hiding a total
    in one table and showing it in the other would undo the protection. Counts restricted to
    the same dimension values are treated as the same number (all grand totals are linked),
    and tables are suppressed again until no table hides a count another one shows.

    `earlier` holds the counts earlier releases of the same data showed or hid (see
    published_counts): they are fixed in place. What they hid stays hidden, what they showed
    is never used to protect another count, and a table all of whose counts were released
    before gets exactly the earlier pattern (it tells a reader nothing new).
    """
    check_k(k)
    before = dict(earlier or {})
    shown = {s for s, v in before.items() if v is not SUPPRESSED}
    linked: set[Semantic] = {s for s, v in before.items() if v is SUPPRESSED}
    while True:
        results = []
        for table in tables:
            meaning = {ref: semantic(table, ref) for ref in Graph(table).refs}
            forced = [ref for ref, s in meaning.items() if s in linked]
            fixed = [ref for ref, s in meaning.items() if s in shown]
            if before and all(s in before for s in meaning.values()):
                results.append(_as_before(table, k, forced, fixed))
            else:
                results.append(suppress(table, k, forced, fixed))
        hidden = {semantic(p, ref) for p in results for ref in p.suppressed_refs()}
        if hidden <= linked:
            return results
        linked |= hidden


def _as_before(
    table: CountTable, k: int, forced: Collection[Ref], fixed: Collection[Ref]
) -> PublishedTable:
    graph = Graph(table)
    hide = {ref for ref, value in zip(graph.refs, graph.value, strict=True) if ref in forced}
    small = {ref for ref, value in zip(graph.refs, graph.value, strict=True) if 1 <= value < k}
    if not small <= hide or hide & set(fixed):
        raise DisclosureError("sdc.linked")
    return _publish(
        table, lambda ref, value: SUPPRESSED if ref in hide else value, Method("suppression", k=k)
    )
