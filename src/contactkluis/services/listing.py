"""Listing contacts for the table: a query (search text, filters, sort) to ordered ids,
and the display rows for the ids on screen.

The GUI holds only the id list and asks for rows a page at a time, so a vault of 100,000
contacts lists as fast as one of 100.
"""

from __future__ import annotations

import json
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from contactkluis.domain.consent import ConsentFlag, consent_state
from contactkluis.domain.contact import (
    NAME_UNKNOWN_FIELD,
    ConsentEvent,
    ConsentStatus,
    PersonName,
    RelationKind,
)
from contactkluis.domain.messages import localized
from contactkluis.domain.normalize import format_phone_nl
from contactkluis.domain.roles import Permission
from contactkluis.services import states
from contactkluis.services.session import Session
from contactkluis.vault import listing as sql
from contactkluis.vault.db import data_version


@dataclass(frozen=True)
class ContactQuery:
    """What the user asked the table for. Empty/None values do not filter."""

    text: str = ""
    retention: frozenset[str] = frozenset()  # subset of {"ok", "soon", "expired"}
    consent_purpose: str | None = None
    consent_flags: frozenset[str] = frozenset()  # ConsentFlag values for that purpose
    relation_kind: str | None = None
    source_file: str | None = None
    special: bool | None = None
    restricted: bool | None = None
    name_unknown: bool = False  # only the people an import kept without a name
    sort: str = "name"  # a key of vault.listing.sort_keys() or "consent:<purpose>"
    descending: bool = False

    def filters_active(self) -> bool:
        return bool(
            self.retention
            or (self.consent_purpose and self.consent_flags)
            or self.relation_kind
            or self.source_file
            or self.special is not None
            or self.restricted is not None
            or self.name_unknown
        )

    def to_state(self) -> dict[str, Any]:
        """Filters and sort without the search text (which may be a name)."""
        return {
            "retention": sorted(self.retention),
            "consent_purpose": self.consent_purpose,
            "consent_flags": sorted(self.consent_flags),
            "relation_kind": self.relation_kind,
            "source_file": self.source_file,
            "special": self.special,
            "restricted": self.restricted,
            "name_unknown": self.name_unknown,
            "sort": self.sort,
            "descending": self.descending,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> ContactQuery:
        return cls(
            retention=frozenset(state.get("retention") or ()),
            consent_purpose=state.get("consent_purpose"),
            consent_flags=frozenset(state.get("consent_flags") or ()),
            relation_kind=state.get("relation_kind"),
            source_file=state.get("source_file"),
            special=state.get("special"),
            restricted=state.get("restricted"),
            name_unknown=bool(state.get("name_unknown")),
            sort=str(state.get("sort") or "name"),
            descending=bool(state.get("descending")),
        )


@dataclass(frozen=True)
class ConsentCell:
    purpose: str
    flag: str  # a ConsentFlag value
    since: date | None = None
    source: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str  # display name, 'Jan de Vries'
    sort_name: str
    email: str
    email_count: int
    phone: str  # Dutch notation for display
    postcode: str
    city: str
    retention_status: str
    retention_until: date | None
    consents: dict[str, ConsentCell] = field(default_factory=dict)
    relation_kinds: tuple[str, ...] = ()
    source_files: tuple[str, ...] = ()
    special: bool = False
    restricted: bool = False
    anonymised: bool = False
    objects_marketing: bool = False
    updated: str = ""

    def consent(self, purpose: str) -> ConsentCell:
        return self.consents.get(purpose) or ConsentCell(purpose, str(ConsentFlag.NONE))


def listing_filter(query: ContactQuery) -> sql.ListingFilter:
    consent: dict[str, tuple[str, ...]] = {}
    if query.consent_purpose and query.consent_flags:
        consent[query.consent_purpose] = tuple(sorted(query.consent_flags))
    return sql.ListingFilter(
        match=sql.fts_query(query.text),
        retention=tuple(sorted(query.retention)),
        consent=consent,
        relation_kind=query.relation_kind,
        source_file=query.source_file,
        special=query.special,
        restricted=query.restricted,
        nameless_mark=NAME_UNKNOWN_FIELD if query.name_unknown else None,
    )


def find_ids(session: Session, query: ContactQuery) -> list[int]:
    session.require(Permission.VIEW)
    f = listing_filter(query)
    return sql.find_ids(session.conn, f, query.sort, query.descending).tolist()


class Interrupted(Exception):
    """A newer query took over before this one finished."""


class ContactLister:
    """The table's queries on a read-only connection of their own, safe to call from a worker.

    One query runs at a time; interrupt() stops the running one (a newer query wins). The
    order of everyone is cached per sort key, keyed on the database's data_version, so a
    keystroke or a filter only reads id sets from indexes and keeps the cached order; the
    descending order is the cached ascending one reversed, and a consent column's order is
    the cached name order ranked by flag. close() on lock.
    """

    _CACHE_SIZE = 4
    _ORDERS = 12  # every fixed column's ascending order (0.8 MB each at 100,000 contacts)

    def __init__(self, session: Session) -> None:
        session.require(Permission.VIEW)
        self.session = session
        self._conn: Any = None
        self._lock = threading.Lock()
        # (data_version, sort) -> everyone ascending; (data_version, sort, descending) -> ids
        self._orders: OrderedDict[tuple[int, str], sql.Order] = OrderedDict()
        self._cache: OrderedDict[tuple[int, str, bool], array[int]] = OrderedDict()
        # (data_version, purpose) -> each id's consent flag rank (a byte per contact)
        self._ranks: OrderedDict[tuple[int, str], bytearray] = OrderedDict()
        # (data_version, sort, descending) -> each id's place in that order, indexed by id
        self._places: OrderedDict[tuple[int, str, bool], array[int]] = OrderedDict()
        self._total: tuple[int, int] | None = None  # (data_version, count)
        # ((data_version, filter_key), the ids the filters let through): typing in the search
        # box keeps the filters, so their ids are read once rather than at every keystroke
        self._allowed: tuple[tuple[Any, ...], set[int] | None] | None = None
        self._closed = False
        self._query_waiting = threading.Event()  # warm() gives way to it

    def _connection(self) -> Any:
        if self._closed or self.session.vault.conn is None:
            raise Interrupted  # locked or closed while the query waited
        if self._conn is None:
            self._conn = self.session.vault.connect(read_only=True)
        return self._conn

    def interrupt(self) -> None:
        """Stop the running query: a newer one is coming (warm() stops for it too)."""
        self._query_waiting.set()
        conn = self._conn
        if conn is not None:
            conn.interrupt()

    def close(self) -> None:
        self._closed = True
        self.interrupt()
        with self._lock:
            self._orders.clear()
            self._cache.clear()
            self._ranks.clear()
            self._places.clear()
            self._total = None
            self._allowed = None
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @staticmethod
    def _remember(cache: OrderedDict[Any, Any], key: Any, value: Any, size: int) -> None:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > size:
            cache.popitem(last=False)

    def _ascending(self, conn: Any, version: int, sort: str) -> sql.Order:
        order = self._orders.get((version, sort))
        if order is None:
            order = sql.sort_order(conn, sort)
        self._remember(self._orders, (version, sort), order, self._ORDERS)
        return order

    def _rank(self, conn: Any, version: int, purpose: str) -> bytearray:
        rank = self._ranks.get((version, purpose))
        if rank is None:
            names = self._ascending(conn, version, "name").ids
            rank = sql.consent_rank(conn, purpose, max(names) + 1 if names else 0)
        self._remember(self._ranks, (version, purpose), rank, self._ORDERS)
        return rank

    def _walk(self, conn: Any, version: int, sort: str) -> None:
        purpose = sql.consent_sort_purpose(sort)
        if purpose is not None:
            self._rank(conn, version, purpose)
        else:
            self._ascending(conn, version, sort)

    def warm(self, sorts: list[str], shown: tuple[str, bool] | None = None) -> bool:
        """Walk the orders of these sort keys ahead of a click on their column, one at a
        time, while the user is idle, and each id's place in the order `shown` (sort key,
        descending) ahead of a search. Any query gives it way: it stops when one waits for
        the connection or interrupts it. True when everything is cached."""
        # (sort key, None): its order; (sort key, descending): the places in that order
        steps: list[tuple[str, bool | None]] = [(sort, None) for sort in sorts]
        if shown is not None:
            steps.append(shown)
        for sort, descending in steps:
            if self._query_waiting.is_set():
                return False
            with self._lock:
                if self._query_waiting.is_set():
                    return False
                try:
                    conn = self._connection()
                    version = data_version(conn)
                    if descending is None:
                        self._walk(conn, version, sort)
                    else:
                        self._places_in(conn, version, sort, descending)
                except Interrupted:
                    return False
                except sql.DatabaseError as exc:
                    if "interrupt" in str(exc):
                        return False
                    raise
        return True

    def warmed(self) -> set[str]:
        """The sort keys whose order is cached (for any data version), and 'places:<key>' for
        the orders whose places are, for diagnostics."""
        purposes = {sql.CONSENT_SORT_PREFIX + p for _version, p in list(self._ranks)}
        places = {f"places:{sort}" for _version, sort, _desc in list(self._places)}
        return {sort for _version, sort in list(self._orders)} | purposes | places

    def _everyone(self, conn: Any, version: int, sort: str, descending: bool) -> array[int]:
        """Every contact's id in this order, from the cache while the data is unchanged."""
        key = (version, sort, descending)
        found = self._cache.get(key)
        if found is None:
            purpose = sql.consent_sort_purpose(sort)
            if purpose is not None:
                names = self._ascending(conn, version, "name").ids
                found = sql.ranked(names, self._rank(conn, version, purpose), descending)
            else:
                found = self._ascending(conn, version, sort).directed(descending)
        self._remember(self._cache, key, found, self._CACHE_SIZE)
        return found

    def _places_in(self, conn: Any, version: int, sort: str, descending: bool) -> array[int]:
        key = (version, sort, descending)
        found = self._places.get(key)
        if found is None:
            found = sql.places(self._everyone(conn, version, sort, descending))
        self._remember(self._places, key, found, 2)
        return found

    def _allowed_ids(self, conn: Any, version: int, f: sql.ListingFilter) -> set[int] | None:
        key = (version, *sql.filter_key(f))
        if self._allowed is None or self._allowed[0] != key:
            self._allowed = (key, sql.allowed_ids(conn, f))
        return self._allowed[1]

    def _count(self, conn: Any, version: int) -> int:
        if self._total is None or self._total[0] != version:
            self._total = (version, sql.count(conn))
        return self._total[1]

    def find_ids(self, query: ContactQuery) -> array[int]:
        """The ordered ids for this query; raises Interrupted if interrupt() stopped it."""
        f = listing_filter(query)
        self._query_waiting.set()
        with self._lock:
            self._query_waiting.clear()
            conn = self._connection()
            try:
                version = data_version(conn)
                return sql.find_ids(
                    conn,
                    f,
                    query.sort,
                    query.descending,
                    unfiltered=lambda: self._everyone(conn, version, query.sort, query.descending),
                    total=lambda: self._count(conn, version),
                    positions=lambda: self._places_in(conn, version, query.sort, query.descending),
                    allowed=lambda: self._allowed_ids(conn, version, f),
                )
            except sql.DatabaseError as exc:
                if "interrupt" in str(exc):
                    raise Interrupted from exc
                raise

    def total(self) -> int:
        with self._lock:
            conn = self._connection()
            return self._count(conn, data_version(conn))


def total(session: Session) -> int:
    session.require(Permission.VIEW)
    return sql.count(session.conn)


def retention_reasons(session: Session, contact_id: int) -> tuple[str, ...]:
    """Why one contact is kept, in the session's language (the retention cell's tooltip):
    derived for the hovered contact, since the rows carry no reasons (see states.reasons)."""
    session.require(Permission.VIEW)
    contact = session.repo().get(contact_id)
    if contact is None:
        return ()
    key = localized("nl", "en", session.lang)
    found = states.reasons(session, [contact]).get(contact_id, [])
    return tuple(str(r.get(key) or "") for r in found)


def _consent_cells(
    session: Session, ids: list[int], flags_by_id: dict[int, dict[str, str]], events_too: bool
) -> dict[int, dict[str, ConsentCell]]:
    events: dict[int, list[ConsentEvent]] = {}
    found = sql.consent_events(session.conn, ids) if events_too else []
    for cid, purpose, status, on, source, evidence, reconfirm in found:
        events.setdefault(cid, []).append(
            ConsentEvent(purpose, ConsentStatus(status), date.fromisoformat(on), source,
                         evidence, reconfirm)
        )  # fmt: skip
    today = session.today()
    out: dict[int, dict[str, ConsentCell]] = {}
    for cid in ids:
        cells: dict[str, ConsentCell] = {}
        # The cached flag decides what is shown (it is what filters and sorts); the events
        # supply the date and source for the tooltip.
        for purpose, flag in flags_by_id.get(cid, {}).items():
            if not events_too:
                cells[purpose] = ConsentCell(purpose, flag)
                continue
            state = consent_state(events.get(cid, []), purpose, today=today)
            cells[purpose] = ConsentCell(purpose, flag, state.since, state.source, state.evidence)
        out[cid] = cells
    return out


def rows(session: Session, ids: list[int], *, consent_events: bool = True) -> list[ContactRow]:
    """Display rows for these ids, in the same order; vanished ids are left out.

    Without consent_events a consent cell holds only its flag (what the table paints): the
    date and source behind it (its tooltip) are read when asked, for one person.
    """
    session.require(Permission.VIEW)
    raw = sql.rows(session.conn, ids)
    flags_by_id: dict[int, dict[str, str]] = {}
    for r in raw:
        try:
            flags = json.loads(r.consent_json or "{}")
        except ValueError:
            flags = {}
        flags_by_id[r.id] = (
            {str(k): str(v) for k, v in flags.items()} if isinstance(flags, dict) else {}
        )
    cells = _consent_cells(session, [r.id for r in raw], flags_by_id, consent_events)
    out: list[ContactRow] = []
    for r in raw:
        name = PersonName(r.first_name, r.initials, r.infix, r.last_name)
        out.append(
            ContactRow(
                id=r.id,
                name=name.display(),
                sort_name=name.sort_key(),
                email=r.email or "",
                email_count=r.email_count,
                phone=format_phone_nl(r.phone) if r.phone else "",
                postcode=r.postcode or "",
                city=r.city or "",
                retention_status=r.retention_status,
                retention_until=date.fromisoformat(r.retention_until)
                if r.retention_until
                else None,
                consents=cells.get(r.id, {}),
                relation_kinds=tuple(k for k in r.relation_kinds.split(",") if k),
                source_files=tuple(f for f in r.source_files.split(",") if f),
                special=r.special_category,
                restricted=r.restricted,
                anonymised=r.anonymised,
                objects_marketing=r.objects_marketing,
                updated=r.updated_at[:10],
            )
        )
    return out


def emails_of(session: Session, ids: list[int]) -> list[str]:
    """Every distinct e-mail address of these contacts (for copying), in id order."""
    session.require(Permission.VIEW)
    return list(dict.fromkeys(e for _id, e in sql.emails(session.conn, ids)))


@dataclass(frozen=True)
class FilterValues:
    purposes: list[tuple[str, str]]  # (code, label in the session's language)
    relation_kinds: list[str]
    source_files: list[str]


def filter_values(session: Session) -> FilterValues:
    session.require(Permission.VIEW)
    purposes = [(p.code, localized(p.label_nl, p.label_en)) for p in session.purposes.values()]
    return FilterValues(
        purposes=purposes,
        relation_kinds=[str(k) for k in RelationKind],
        source_files=sql.source_files(session.conn),
    )
