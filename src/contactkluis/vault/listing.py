"""The SQL behind the contacts table: ids in order for a query, then one page of rows.

Built for 100,000 contacts: the ordered id list is one query over the indexed columns and
the cached derived state (retention, consent flags) on the `contacts` row; full rows are
only read for the ids on screen, a page at a time.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from contactkluis.vault import review_repo
from contactkluis.vault.db import Connection, DatabaseError
from contactkluis.vault.schema_v13 import day_of

__all__ = ["DatabaseError"]  # the services catch it (an interrupted query)

# Sort keys -> SQL expressions, each a column with an index of its own (schema version 3).
# Empty values sort last in either direction, then by id so that the order is total and
# stable between queries.
_SORT_SQL: dict[str, str] = {
    "name": "c.sort_name",
    "email": "c.email_key",
    "phone": "c.phone_key",
    "postcode": "c.postcode",
    "city": "c.city",
    "retention": "",  # see _segments
    "relations": "c.relation_kinds",
    "sources": "c.source_files",
    "updated": "c.updated_at",
    "created": "c.created_at",
    "id": "c.id",
}
CONSENT_SORT_PREFIX = "consent:"


def consent_sort_purpose(sort: str) -> str | None:
    """The purpose a consent column's sort key names ('consent:nieuwsbrief'), else None."""
    return sort[len(CONSENT_SORT_PREFIX) :] if sort.startswith(CONSENT_SORT_PREFIX) else None


# given first, then to reconfirm, withdrawn, none
_FLAG_RANK = {"given": 0, "reconfirm": 1, "withdrawn": 2}
_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_SQL_BATCH = 500


def sort_keys() -> list[str]:
    return list(_SORT_SQL)


def _consent_path(purpose: str) -> str:
    if not _CODE_RE.match(purpose):
        raise ValueError("invalid purpose code")
    return f'$."{purpose}"'


# What the index's tokenizer (unicode61) keeps together: letters, digits, private use.
_WORD_RE = re.compile(r"[^\W_]+|[\ue000-\uf8ff]+")


def fts_query(text: str) -> str | None:
    """A search box text as an FTS5 query: every word a quoted prefix ('"tok"*'), ANDed.

    Digits typed in groups ('06 1234 5678', '+31 6...') are joined so phone numbers match
    the way they are indexed. Text the tokenizer would split ('j.de-vries@museum.nl') is
    sent as separate words: the index keeps no positions (schema version 9), so FTS5
    refuses a phrase; every word must still be in the contact's text.
    """
    tokens: list[str] = []
    for raw in unicodedata.normalize("NFC", text).split():
        token = raw.lstrip("+")
        if not any(ch.isalnum() for ch in token):
            continue
        digits = re.sub(r"[\-./()]", "", token)
        if digits.isdigit():
            if tokens and tokens[-1].isdigit():
                tokens[-1] += digits
            else:
                tokens.append(digits)
            continue
        tokens += _WORD_RE.findall(token)
    if not tokens:
        return None
    return " ".join('"' + t + '"*' for t in dict.fromkeys(tokens))


@dataclass(frozen=True)
class ListingFilter:
    """Primitive filter values; the service layer builds this from a ContactQuery."""

    match: str | None = None  # an FTS5 query (see fts_query)
    retention: tuple[str, ...] = ()  # any of 'ok', 'soon', 'expired'
    consent: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # purpose -> flags
    relation_kind: str | None = None
    source_file: str | None = None
    special: bool | None = None
    restricted: bool | None = None
    nameless_mark: str | None = None  # a provenance field: only nameless people marked so


def filter_key(f: ListingFilter) -> tuple[Any, ...]:
    """What allowed_ids() depends on: every filter but the search text."""
    consent = tuple(sorted((p, tuple(sorted(flags))) for p, flags in f.consent.items()))
    return (tuple(sorted(f.retention)), consent, f.relation_kind, f.source_file, f.special,
            f.restricted, f.nameless_mark)  # fmt: skip


def allowed_ids(conn: Connection, f: ListingFilter) -> set[int] | None:
    """The ids every filter but the search text lets through; None when none is set. The
    same while the user types (the caller may keep it per data version)."""
    sets = _filter_sets(conn, f)
    if not sets:
        return None
    sets.sort(key=len)
    return sets[0].intersection(*sets[1:])


def _filter_sets(conn: Connection, f: ListingFilter) -> list[set[int]]:
    """Each filter (not the search text) as the set of ids it lets through, each read from
    an index of its own rather than by visiting 100,000 contact rows."""
    sets: list[set[int]] = []

    def ids(sql: str, params: Sequence[Any]) -> set[int]:
        return set(_id_array(conn, sql, params))

    def marks(values: Sequence[Any]) -> str:
        return ",".join("?" * len(values))

    def everyone() -> set[int]:  # from the smallest index that has an entry for each
        return ids("SELECT id FROM contacts INDEXED BY contacts_retention", ())

    def flagged(index: str, column: str, wanted: bool) -> set[int]:
        # the flag's index holds the few set ones only (schema version 12)
        found = ids(f"SELECT id FROM contacts INDEXED BY {index} WHERE {column} <> 0", ())
        return found if wanted else everyone() - found

    if f.retention:
        sql = "SELECT id FROM contacts INDEXED BY contacts_retention WHERE retention_status IN"
        sets.append(ids(f"{sql} ({marks(f.retention)})", f.retention))
    for purpose, flags in f.consent.items():
        if not flags:
            continue
        _consent_path(purpose)  # validates the code
        if "none" in flags:  # no flag row at all counts as 'none'
            others = [x for x in (*_FLAG_RANK, "none") if x not in flags]
            sql = "SELECT contact_id FROM consent_flags WHERE purpose = ? AND flag IN"
            excluded = ids(f"{sql} ({marks(others)})", [purpose, *others])
            sets.append(everyone() - excluded)
        else:
            sql = "SELECT contact_id FROM consent_flags WHERE purpose = ? AND flag IN"
            sets.append(ids(f"{sql} ({marks(flags)})", [purpose, *flags]))
    if f.relation_kind:
        sets.append(_naming(conn, "relation_kinds", f.relation_kind))
    if f.source_file:
        sets.append(_naming(conn, "source_files", f.source_file))
    if f.special is not None:
        sets.append(flagged("contacts_special", "special_category", f.special))
    if f.restricted is not None:
        sets.append(flagged("contacts_restricted", "restricted", f.restricted))
    if f.nameless_mark:
        sets.append(review_repo.nameless_ids(conn, f.nameless_mark))
    return sets


# A segment is (extra WHERE clause, ORDER BY, its params); the result is the segments' ids in
# turn. Splitting "has a value" from "is empty" keeps each ORDER BY on a bare indexed column,
# so SQLite walks the index instead of sorting 100,000 rows, and empties still come last.
_Segment = tuple[str | None, str, list[Any]]
_NULLABLE = frozenset({"postcode", "city"})


def _segments(sort: str, descending: bool) -> list[_Segment]:
    d = "DESC" if descending else "ASC"
    if sort not in _SORT_SQL:
        raise ValueError("unknown sort key")
    if sort == "retention":
        statuses = ["expired", "soon", "ok"]
        if descending:
            statuses.reverse()
        segments: list[_Segment] = [
            ("c.retention_status = ?", f"c.retention_until {d}, c.id {d}", [status])
            for status in statuses
        ]
        other = "c.retention_status NOT IN ('expired', 'soon', 'ok')"
        return [*segments, (other, "c.retention_status, c.id", [])]
    expr = _SORT_SQL[sort]
    if sort in ("id", "updated", "created"):
        return [(None, f"{expr} {d}, c.id {d}", [])]
    empty = f"({expr} IS NULL OR {expr} = '')" if sort in _NULLABLE else f"{expr} = ''"
    return [(f"{expr} > ''", f"{expr} {d}, c.id {d}", []), (empty, "c.id", [])]


# Up to this many ids a result is looked up and sorted in SQL; above it, the ordered list of
# everyone is walked (an index scan, cached by the caller) and kept where it matches.
MATCH_IN_SQL_MAX = 3000
# A result below 1/_FEW of everyone is sorted by place rather than filtered out of the order
# of everyone: sorting k ids costs about k log k, the walk always 100,000 steps.
_FEW = 8

_MATCH_SQL = "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?"


def match_ids(conn: Connection, match: str) -> array[int]:
    """The ids the full-text index finds for an FTS5 query (see fts_query), in id order."""
    return _id_array(conn, _MATCH_SQL, [match])


def match_count(conn: Connection, match: str) -> int:
    """How many contacts an FTS5 query finds: counted in the index, no id leaves SQLite."""
    return int(conn.execute(f"SELECT count(*) FROM ({_MATCH_SQL})", [match]).fetchone()[0])


def _id_array(conn: Connection, sql: str, params: Sequence[Any]) -> array[int]:
    """The first column of a query's rows, in its order, as a compact array.

    SQLite hands the ids over as one hex string rather than a Python tuple per row: at
    100,000 ids that is a third of the time. An aggregate over an ordered subquery reads the
    subquery in its order (SQLite never flattens an ORDER BY subquery into an aggregate).
    """
    wrapped = f"WITH x(v) AS ({sql}) SELECT group_concat(printf('%016x', v), '') FROM x"
    text = conn.execute(wrapped, params).fetchone()[0]
    out: array[int] = array("q")
    if text:
        out.frombytes(bytes.fromhex(text))
        if sys.byteorder == "little":
            out.byteswap()  # the hex digits are big-endian
    return out


def places(order: array[int]) -> array[int]:
    """Each id's place in this order, indexed by id (-1: not in it)."""
    out: array[int] = array("q", [-1]) * (max(order) + 1 if order else 0)
    for n, cid in enumerate(order):
        out[cid] = n
    return out


@dataclass(frozen=True)
class Order:
    """Everyone in ascending order of a sort key, kept so the descending order is a reversal.

    Descending is the ascending order read backwards (values and the id tie-break both
    reverse), except the trailing run of empty values, which stays last in id order: that
    run starts at `mirrored`.
    """

    ids: array[int]
    mirrored: int

    def directed(self, descending: bool) -> array[int]:
        if not descending:
            return self.ids
        out = self.ids[: self.mirrored]
        out.reverse()
        out.extend(self.ids[self.mirrored :])
        return out


def sort_order(conn: Connection, sort: str) -> Order:
    """Everyone's ids in the ascending order of a (non-consent) sort key, one index walk."""
    segments = _segments(sort, False)
    out: array[int] = array("q")
    tail = 0
    for extra, order, params in segments:
        sql = "SELECT c.id FROM contacts c" + (f" WHERE {extra}" if extra else "")
        part = _id_array(conn, f"{sql} ORDER BY {order}", params)
        out.extend(part)
        tail = len(part)
    return Order(out, len(out) - tail if len(segments) > 1 else len(out))


def ordered_ids(
    conn: Connection, sort: str, descending: bool, among: set[int] | None = None
) -> array[int]:
    """Every contact's id (or those `among`) in the sort order, walked along the indexes."""
    clauses = [f"c.id IN ({','.join(map(str, among))})"] if among is not None else []
    purpose = consent_sort_purpose(sort)
    if purpose is not None:
        names = ordered_ids(conn, "name", False, among)
        return consent_order(conn, purpose, descending, names)
    out: array[int] = array("q")
    for extra, order, params in _segments(sort, descending):
        where = [*clauses, extra] if extra else clauses
        sql = "SELECT c.id FROM contacts c"
        if where:
            sql += " WHERE " + " AND ".join(where)
        out.extend(_id_array(conn, f"{sql} ORDER BY {order}", params))
    return out


# the rank of each flag in descending order: none first, then withdrawn, reconfirm, given
_DESCENDING_RANK = bytes([3, 2, 1, 0]) + bytes(252)


def consent_order(
    conn: Connection, purpose: str, descending: bool, names: array[int]
) -> array[int]:
    """These ids (in name order) by flag: given, reconfirm, withdrawn, none (or the other
    way round), by name within a flag."""
    return ranked(names, consent_rank(conn, purpose, max(names) + 1 if names else 0), descending)


def consent_rank(conn: Connection, purpose: str, size: int) -> bytearray:
    """Each id's flag for a purpose as a rank (given 0, reconfirm 1, withdrawn 2, none 3),
    indexed by id below `size`. Purposes are the user's own, so no index per purpose: each
    flag's ids are one range of the consent_flags key (purpose, flag, contact)."""
    _consent_path(purpose)  # validates the code
    rank = bytearray(b"\x03") * size  # no flag row at all counts as 'none'
    sql = "SELECT contact_id FROM consent_flags WHERE purpose = ? AND flag = ?"
    for flag, n in _FLAG_RANK.items():
        for cid in _id_array(conn, sql, [purpose, flag]):
            if 0 <= cid < size:
                rank[cid] = n
    return rank


def ranked(names: array[int], rank: bytearray, descending: bool) -> array[int]:
    """The ids by rank (highest first when descending); a stable sort keeps the name order
    within a rank."""
    if descending:
        rank = rank.translate(_DESCENDING_RANK)
    return array("q", sorted(names, key=rank.__getitem__))


def find_ids(
    conn: Connection,
    f: ListingFilter,
    sort: str = "name",
    descending: bool = False,
    *,
    unfiltered: Callable[[], array[int]] | None = None,
    total: Callable[[], int] | None = None,
    positions: Callable[[], array[int]] | None = None,
    allowed: Callable[[], set[int] | None] | None = None,
) -> array[int]:
    """The ids for a filter in display order, as a compact array.

    Each filter and the search give a set of ids from an index; the ordered list of everyone
    (`unfiltered`, the caller's cache, or walked here) is then kept where in every set. A
    small result is ordered in SQL instead, when no cached order is at hand. A search that
    finds everyone (one or two letters at 100,000 contacts) is counted, not read: it filters
    nothing, so no set of 100,000 ids is built for it. A result far smaller than everyone is
    sorted by each id's place in `unfiltered` (`positions`: indexed by id, -1 for none)
    instead of walking all of `unfiltered`. `allowed` gives allowed_ids(), the caller's
    cache of it while only the search text changes.
    """
    everyone = total or (lambda: count(conn))
    sets: list[set[int]] = []
    if f.match and match_count(conn, f.match) != everyone():
        sets.append(set(match_ids(conn, f.match)))
    filtered = allowed() if allowed else allowed_ids(conn, f)
    if filtered is not None:
        sets.append(filtered)
    if not sets:
        return unfiltered() if unfiltered else ordered_ids(conn, sort, descending)
    sets.sort(key=len)
    keep = sets[0].intersection(*sets[1:])
    if not keep:
        return array("q")
    if len(keep) <= MATCH_IN_SQL_MAX and unfiltered is None:
        return ordered_ids(conn, sort, descending, keep)
    if positions is not None and len(keep) * _FEW < everyone():
        place = positions()
        size = len(place)
        found = [i for i in keep if 0 <= i < size and place[i] >= 0]
        found.sort(key=place.__getitem__)
        return array("q", found)
    base = unfiltered() if unfiltered else ordered_ids(conn, sort, descending)
    if len(keep) == len(base) and keep.issuperset(base):
        return base  # filters that let everyone through: nothing to drop
    return array("q", filter(keep.__contains__, base))


@dataclass(frozen=True)
class RawRow:
    """One contact as the table shows it, straight from SQL."""

    id: int
    first_name: str | None
    initials: str | None
    infix: str | None
    last_name: str | None
    email: str | None
    email_count: int
    phone: str | None
    postcode: str | None
    city: str | None
    retention_status: str
    retention_until: str | None
    retention_json: str
    consent_json: str
    relation_kinds: str
    source_files: str
    special_category: bool
    restricted: bool
    anonymised: bool
    objects_marketing: bool
    updated_at: str


_ROW_SQL = (
    "SELECT c.id, c.first_name, c.initials, c.infix, c.last_name,"
    " (SELECT e.email FROM emails e WHERE e.contact_id = c.id ORDER BY e.seq LIMIT 1),"
    " (SELECT count(*) FROM emails e WHERE e.contact_id = c.id),"
    " (SELECT p.e164 FROM phones p WHERE p.contact_id = c.id ORDER BY p.seq LIMIT 1),"
    " c.postcode, c.city, c.retention_status, c.retention_until, c.retention_json,"
    " c.consent_json, c.relation_kinds, c.source_files, c.special_category, c.restricted,"
    " c.anonymised, c.objects_marketing, " + day_of("c.updated_at") + " FROM contacts c"
    " WHERE c.id IN ({marks})"
)


def rows(conn: Connection, ids: Sequence[int]) -> list[RawRow]:
    """The rows for these ids in the same order; ids that no longer exist are left out."""
    found: dict[int, RawRow] = {}
    for start in range(0, len(ids), _SQL_BATCH):
        chunk = list(ids[start : start + _SQL_BATCH])
        sql = _ROW_SQL.format(marks=",".join("?" * len(chunk)))
        for r in conn.execute(sql, chunk):
            found[int(r[0])] = RawRow(
                int(r[0]), r[1], r[2], r[3], r[4], r[5], int(r[6]), r[7], r[8], r[9],
                r[10], r[11], r[12], r[13], r[14] or "", r[15] or "", bool(r[16]),
                bool(r[17]), bool(r[18]), bool(r[19]), r[20],
            )  # fmt: skip
    return [found[i] for i in ids if i in found]


def consent_events(
    conn: Connection, ids: Sequence[int]
) -> list[tuple[int, str, str, str, str, str, bool]]:
    """(contact id, purpose, status, on_date, source, evidence, reconfirm) for these ids."""
    out: list[tuple[int, str, str, str, str, str, bool]] = []
    for start in range(0, len(ids), _SQL_BATCH):
        chunk = list(ids[start : start + _SQL_BATCH])
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
            "SELECT contact_id, purpose, status, on_date, source, evidence, reconfirm"
            f" FROM consent_events WHERE contact_id IN ({marks}) ORDER BY on_date, seq",
            chunk,
        ):
            out.append((int(r[0]), r[1], r[2], r[3], r[4], r[5], bool(r[6])))
    return out


def emails(conn: Connection, ids: Sequence[int]) -> list[tuple[int, str]]:
    """Every e-mail address of these contacts, in the given id order."""
    by_id: dict[int, list[str]] = {}
    for start in range(0, len(ids), _SQL_BATCH):
        chunk = list(ids[start : start + _SQL_BATCH])
        marks = ",".join("?" * len(chunk))
        for cid, email in conn.execute(
            f"SELECT contact_id, email FROM emails WHERE contact_id IN ({marks}) ORDER BY seq",
            chunk,
        ):
            by_id.setdefault(int(cid), []).append(email)
    return [(i, e) for i in ids for e in by_id.get(i, [])]


# A contact's relation kinds and source files are cached on its row as one value joined
# with commas (state_repo), and indexed there for sorting. A vault holds few distinct joined
# values, so the filters and the filter bar read those (schema version 13) instead of an
# index on every relation and source row. A file checked against a contact's own rows:
_IN_ROWS = "SELECT 1 FROM provenance WHERE contact_id = c.id AND file = ?"


def _joined_values(conn: Connection, column: str) -> list[str]:
    """The distinct non-empty joined values of `column`: a skip scan along its index, one
    probe per distinct value rather than one step per contact."""
    sql = (
        f"WITH RECURSIVE v(x) AS (SELECT min({column}) FROM contacts WHERE {column} > ''"
        f" UNION ALL SELECT (SELECT min({column}) FROM contacts WHERE {column} > v.x)"
        f" FROM v WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL"
    )
    return [str(r[0]) for r in conn.execute(sql)]


def _naming(conn: Connection, column: str, wanted: str) -> set[int]:
    """The ids whose joined `column` holds `wanted` as one of its parts.

    Relation kinds are codes without commas: their joined values split exactly. A file's
    name may hold a comma ('leden, 2019.xlsx'), so a joined value of files that has `wanted`
    between commas has its contacts checked against their own source rows."""
    whole: list[str] = []
    joined: list[str] = []
    for value in _joined_values(conn, column):
        if "," not in value or column == "relation_kinds":
            if wanted in value.split(","):
                whole.append(value)
        elif f",{wanted}," in f",{value},":
            joined.append(value)
    found = _holding(conn, column, whole)
    if joined:
        found |= _holding(conn, column, joined, in_rows=wanted)
    return found


def _holding(
    conn: Connection, column: str, values: list[str], in_rows: str | None = None
) -> set[int]:
    """The ids whose `column` is one of `values` (handed over as one JSON list, so any
    number fits one statement); with `in_rows`, only those whose own source rows name that
    file."""
    if not values:
        return set()
    sql = f"SELECT c.id FROM contacts c WHERE c.{column} IN (SELECT value FROM json_each(?))"
    params = [json.dumps(values)]
    if in_rows is not None:
        sql += f" AND EXISTS ({_IN_ROWS})"
        params.append(in_rows)
    return set(_id_array(conn, sql, params))


def source_files(conn: Connection) -> list[str]:
    """Every file a stored contact came from, sorted. A joined value with a comma is read
    from the source rows of the contacts that hold it: 'a,b' may be two files or one."""
    files: set[str] = set()
    for value in _joined_values(conn, "source_files"):
        if "," not in value:
            files.add(value)
            continue
        files.update(
            str(r[0])
            for r in conn.execute(
                "SELECT DISTINCT p.file FROM contacts c JOIN provenance p"
                " ON p.contact_id = c.id WHERE c.source_files = ?",
                (value,),
            )
        )
    return sorted(files)


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM contacts").fetchone()[0])
