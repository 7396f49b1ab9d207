"""An attacker on published count tables, written independently of the suppression code.

The reader of an export sees numbers and hidden marks. Every published number (cell, margin,
total) is a sum of unknown non-negative integer counts ("atoms" of the microdata). Tables
that share a population share atoms, so linking several exports needs no extra machinery:
a one-way table is the sum over the other dimension's atoms, a sub-population's atoms are a
part of the full population's. For every hidden number the attacker computes the smallest
and largest value consistent with everything published (LP relaxation with HiGHS; the
bounds are rounded inwards to integers and optionally confirmed with an integer program).
The LP is one HiGHS model (highspy) re-solved per bound from the last basis.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

CellId = str


@dataclass(frozen=True)
class Cell:
    """One printed number: `value` None means hidden; `base` > 1 means rounded to that base.

    `at_least` is what the publication says of a hidden cell regardless of its mark: where
    zeros are always shown, a hidden cell is at least 1.
    """

    id: CellId
    atoms: tuple[str, ...]
    value: int | None
    base: int = 1
    at_least: int = 0


@dataclass
class PublishedTable:
    """A table as its reader sees it: cells and margins alike, each a sum of atoms."""

    name: str
    cells: list[Cell] = field(default_factory=list)

    def hidden(self) -> list[CellId]:
        return [c.id for c in self.cells if c.value is None]


def grid_table(
    name: str,
    rows: Sequence[str],
    cols: Sequence[str],
    value: Callable[[str, str], int | None],
    atoms: Callable[[str, str], Iterable[str]],
    *,
    row_total: Callable[[str], int | None] | None = None,
    col_total: Callable[[str], int | None] | None = None,
    grand: int | None = None,
    base: int = 1,
) -> PublishedTable:
    """A two-way table with its margins; cell ids are "name|row|col", "name|row|*", ..."""
    t = PublishedTable(name)
    for r in rows:
        for c in cols:
            t.cells.append(Cell(f"{name}|{r}|{c}", tuple(atoms(r, c)), value(r, c), base))
    if row_total is not None:
        for r in rows:
            a = tuple(x for c in cols for x in atoms(r, c))
            t.cells.append(Cell(f"{name}|{r}|*", a, row_total(r), base))
    if col_total is not None:
        for c in cols:
            a = tuple(x for r in rows for x in atoms(r, c))
            t.cells.append(Cell(f"{name}|*|{c}", a, col_total(c), base))
    everything = tuple(x for r in rows for c in cols for x in atoms(r, c))
    t.cells.append(Cell(f"{name}|*|*", everything, grand, base))
    return t


def _system(
    tables: Sequence[PublishedTable],
) -> tuple[dict[str, int], list[Cell], list[Cell], dict[CellId, Cell]]:
    index: dict[str, int] = {}
    exact: list[Cell] = []
    rounded: list[Cell] = []
    by_id: dict[CellId, Cell] = {}
    for t in tables:
        for cell in t.cells:
            for a in cell.atoms:
                index.setdefault(a, len(index))
            by_id[cell.id] = cell
            if cell.value is None:
                if cell.at_least > 0:
                    rounded.append(cell)
                continue
            (rounded if cell.base > 1 else exact).append(cell)
    return index, exact, rounded, by_id


def _rows(cells: Sequence[Cell], index: dict[str, int]) -> np.ndarray:
    m = np.zeros((len(cells), len(index)))
    for i, cell in enumerate(cells):
        for a in cell.atoms:
            m[i, index[a]] += 1
    return m


def _rounded_range(cell: Cell) -> tuple[float, float]:
    if cell.value is None:
        return cell.at_least, float(2**31)
    half = cell.base // 2
    return max(0, cell.value - half), cell.value + half


def attack(
    tables: Sequence[PublishedTable],
    targets: Iterable[CellId] | None = None,
    *,
    integer: bool = False,
) -> dict[CellId, tuple[int, int]]:
    """Feasible (lo, hi) of every hidden cell (or of `targets`, hidden or rounded).

    hi may be math.inf-like (a large int) when nothing bounds a cell. Raises ValueError
    when the publications contradict each other.
    """
    index, exact, rounded, by_id = _system(tables)
    wanted = [cid for t in tables for cid in t.hidden()] if targets is None else list(targets)
    n = len(index)
    a_eq = _rows(exact, index) if exact else None
    b_eq = np.array([c.value for c in exact], dtype=float) if exact else None
    a_ub = b_ub = None
    if rounded:
        m = _rows(rounded, index)
        ranges = [_rounded_range(c) for c in rounded]
        a_ub = np.vstack([m, -m])
        b_ub = np.array([hi for _, hi in ranges] + [-lo for lo, _ in ranges], dtype=float)
    lp = None if integer else _Lp(n, a_eq, b_eq, a_ub, b_ub)
    result: dict[CellId, tuple[int, int]] = {}
    for cid in wanted:
        obj = np.zeros(n)
        for a in by_id[cid].atoms:
            obj[index[a]] += 1
        if lp is None:
            lo = _milp_end(obj, a_eq, b_eq, a_ub, b_ub, n)
            hi = -_milp_end(-obj, a_eq, b_eq, a_ub, b_ub, n)
        else:
            lo = math.ceil(lp.optimum(obj, maximise=False) - 1e-6)
            top = lp.optimum(obj, maximise=True)
            hi = 2**31 if top is None else math.floor(top + 1e-6)
        result[cid] = (lo, hi)
    return result


class _Lp:
    """One HiGHS model of everything published; each bound is a new objective on it.

    Only the objective changes between solves, so HiGHS starts each from the last optimal
    basis: a few pivots instead of a fresh linprog (parse, presolve, solve) per bound.
    """

    def __init__(
        self,
        n: int,
        a_eq: np.ndarray | None,
        b_eq: np.ndarray | None,
        a_ub: np.ndarray | None,
        b_ub: np.ndarray | None,
    ) -> None:
        self.n = n
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.addVars(n, np.zeros(n), np.full(n, highspy.kHighsInf))
        if a_eq is not None and b_eq is not None:
            _add_rows(h, a_eq, b_eq, b_eq)
        if a_ub is not None and b_ub is not None:
            _add_rows(h, a_ub, np.full(len(b_ub), -highspy.kHighsInf), b_ub)
        h.run()
        if h.getModelStatus() not in (
            highspy.HighsModelStatus.kOptimal,
            highspy.HighsModelStatus.kModelEmpty,
        ):
            raise ValueError(f"publications are inconsistent: {h.getModelStatus()}")
        self.h = h

    def optimum(self, obj: np.ndarray, *, maximise: bool) -> float | None:
        """The objective's optimum; None when it is unbounded (only ever above)."""
        h = self.h
        h.changeObjectiveSense(
            highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        )
        h.changeColsCost(self.n, np.arange(self.n, dtype=np.int32), obj)
        h.run()
        status = h.getModelStatus()
        # The constraints were feasible when the model was built and only the objective
        # changed since, so "unbounded or infeasible" is unbounded.
        if status in (
            highspy.HighsModelStatus.kUnbounded,
            highspy.HighsModelStatus.kUnboundedOrInfeasible,
        ):
            return None
        if status != highspy.HighsModelStatus.kOptimal:
            raise ValueError(f"the attacker's LP failed: {status}")
        return float(h.getInfo().objective_function_value)


def _add_rows(h: highspy.Highs, a: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
    rows, cols = np.nonzero(a)
    starts = np.searchsorted(rows, np.arange(a.shape[0])).astype(np.int32)
    h.addRows(a.shape[0], lower, upper, len(cols), starts, cols.astype(np.int32), a[rows, cols])


def _milp_end(
    c: np.ndarray,
    a_eq: np.ndarray | None,
    b_eq: np.ndarray | None,
    a_ub: np.ndarray | None,
    b_ub: np.ndarray | None,
    n: int,
) -> int:
    cons = []
    if a_eq is not None and b_eq is not None:
        cons.append(LinearConstraint(a_eq, b_eq, b_eq))
    if a_ub is not None and b_ub is not None:
        cons.append(LinearConstraint(a_ub, -np.inf, b_ub))
    res = milp(c, constraints=cons, integrality=np.ones(n), bounds=Bounds(0, np.inf))
    if res.status == 3:  # unbounded
        return -(2**31)
    if res.x is None:
        raise ValueError(f"publications are inconsistent: {res.message}")
    return round(float(res.fun))
