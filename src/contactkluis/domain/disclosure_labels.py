"""Labels from closed lists only: a published label must not itself say who is counted.

A category label is published even when every count behind it is hidden, so a rare town,
postcode or source file would tell that someone in it is a contact (and free text typed in
a city field would appear verbatim). Hence:

- towns come from a closed list (the official woonplaatsen); anything else is OTHER;
- a label of an open dimension held by fewer than k people is merged into OTHER before
  counting, and one whose counts all end up hidden is merged afterwards (see stats).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Final

from contactkluis.domain.crosstab import Profile, StatsRecord
from contactkluis.domain.dimensions import UNKNOWN, Dim

OTHER: Final = "overig"
# Dimensions whose values are not a fixed list of the program's own.
OPEN_DIMENSIONS: Final = frozenset({"city", "pc4", "source"})
# Common names that are not the woonplaats's official one.
_TOWN_ALIASES: Final = {"den haag": "'s-Gravenhage", "den bosch": "'s-Hertogenbosch"}


def town_index(names: Iterable[str]) -> dict[str, str]:
    """Lookup from a folded spelling to the official name."""
    index = {" ".join(n.split()).casefold(): n for n in names if n.strip()}
    for alias, official in _TOWN_ALIASES.items():
        if official.casefold() in index:
            index[alias] = official
    return index


def town_label(raw: str | None, towns: Mapping[str, str]) -> str:
    """The official town name for `raw`, UNKNOWN when empty, OTHER when not on the list."""
    text = " ".join((raw or "").split())
    if not text:
        return UNKNOWN
    return towns.get(text.casefold(), OTHER)


def rare_labels(records: Sequence[StatsRecord], dim: str, k: int) -> set[str]:
    """Values of `dim` held by fewer than k people (UNKNOWN and OTHER stay as they are)."""
    people: Counter[str] = Counter()
    for record in records:
        people.update(set(record.get(dim, ())))
    return {v for v, n in people.items() if n < k and v not in (UNKNOWN, OTHER)}


def _merged(raw: tuple[str, ...], values: Collection[str]) -> tuple[str, ...]:
    """`raw` with `values` replaced by OTHER (counted once), unchanged when none is in it."""
    if any(v in values for v in raw):
        return tuple(dict.fromkeys(OTHER if v in values else v for v in raw))
    return raw


def relabel(
    records: Sequence[StatsRecord], merged: Mapping[str, Collection[str]]
) -> list[StatsRecord]:
    """Records with the `merged` values of each dimension replaced by OTHER."""
    active = {dim: set(values) for dim, values in merged.items() if values}
    if not active:
        return list(records)
    out: list[StatsRecord] = []
    for record in records:
        changes = {}
        for dim, values in active.items():
            raw = record.get(dim, ())
            new = _merged(raw, values)
            if new is not raw:
                changes[dim] = new
        out.append({**record, **changes} if changes else record)
    return out


# --- the same over profile counts (crosstab.profile_counts): what the vault's GROUP BYs give


def rare_in_profiles(
    profiles: Sequence[Mapping[Profile, int]],
    dim_sets: Sequence[Sequence[Dim]],
    dim: str,
    k: int,
) -> set[str]:
    """rare_labels, read from the profile counts of any table that has `dim`."""
    people: Counter[str] = Counter()
    for counts, dims in zip(profiles, dim_sets, strict=True):
        names = [d.name for d in dims]
        if dim in names:
            side = names.index(dim)
            for profile, n in counts.items():
                for value in set(profile[side]):
                    people[value] += n
            break
    return {v for v, n in people.items() if n < k and v not in (UNKNOWN, OTHER)}


def relabel_profiles(
    profiles: Sequence[Mapping[Profile, int]],
    dim_sets: Sequence[Sequence[Dim]],
    merged: Mapping[str, Collection[str]],
) -> list[Counter[Profile]]:
    """relabel, applied to profile counts: people whose values merge add up."""
    active = {dim: set(values) for dim, values in merged.items() if values}
    out: list[Counter[Profile]] = []
    for counts, dims in zip(profiles, dim_sets, strict=True):
        sides = [(i, active[d.name]) for i, d in enumerate(dims) if d.name in active]
        acc: Counter[Profile] = Counter()
        for profile, n in counts.items():
            if sides:
                parts = list(profile)
                for i, values in sides:
                    parts[i] = _merged(parts[i], values)
                profile = tuple(parts)
            acc[profile] += n
        out.append(acc)
    return out
