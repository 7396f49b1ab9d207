"""One person, however many rows, sheets and files mention them.

Rules (in this order):
1. the same normalised e-mail address is the same person only when the names agree (same
   last name ignoring tussenvoegsel and case, compatible first name or initials, no
   conflicting birth date) or one of the two rows has no name. Otherwise they are two
   people sharing an address (a household, colleagues at info@): both keep the address,
   both are marked "gedeeld e-mailadres" and the pair goes on the review list;
2. where an e-mail is missing on either side: the same last name (infix-insensitive) and
   postcode with compatible initials/first name is the same person;
3. everything else that merely looks alike (a typo in the surname at the same postcode,
   the same name at another postcode) goes on a review list: never merged silently.

Merging keeps every distinct e-mail and phone; names and addresses are completed, not
overwritten; consents, relations and provenance are all kept. A merge of rows whose names
are written differently ("J. Bakker" and "Jan Bakker") is kept for review too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from contactkluis.domain.contact import (
    SHARED_EMAIL_FIELD,
    Address,
    ConsentStatus,
    Contact,
    PersonName,
    Provenance,
)
from contactkluis.domain.names import first_given, name_key, names_compatible

NEAR_SCORE = 85.0
_K = TypeVar("_K")
# The mark on a record whose e-mail address another person uses too (a provenance entry:
# it names the row that showed it, never the other person, so `forget` leaves no trace).
SHARED_EMAIL_TEXT = "gedeeld e-mailadres"


@dataclass(slots=True)
class Person:
    """A person being assembled: an existing vault contact (vault_id) or a new one."""

    key: int
    contact: Contact
    vault_id: int | None = None
    touched: bool = False  # an existing contact that this import adds to
    nkey: str = ""  # name_key(contact.name), kept because merging compares it so often
    given: str = ""  # first_given(contact.name), likewise


@dataclass(frozen=True, slots=True)
class NearMatch:
    a: int  # person keys
    b: int
    score: float
    # "similar_name_same_postcode", "same_name_other_postcode", "same_name_same_postcode",
    # "shared_email" (different names), "shared_email_birth_date" (same name, other birth date)
    reason: str


@dataclass(frozen=True, slots=True)
class RenamedMerge:
    """A row merged into a person whose name it writes differently: kept for review."""

    person: int  # person key
    row: Provenance  # the merged row (file, sheet, row)


@lru_cache(maxsize=16384)
def _letter(first: str) -> str:
    folded = unicodedata.normalize("NFKD", first.strip()[:2])
    return "".join(ch for ch in folded if not unicodedata.combining(ch))[:1].lower()


def _birth_conflict(a: Contact, b: Contact) -> bool:
    if a.birth_date and b.birth_date:
        return a.birth_date != b.birth_date
    year_a = a.birth_date.year if a.birth_date else a.birth_year
    year_b = b.birth_date.year if b.birth_date else b.birth_year
    return bool(year_a and year_b and year_a != year_b)


def _single_word(name: PersonName) -> str:
    """'Karin' alone parses as a last name, but may as well be the given name."""
    if name.first or name.initials or name.infix or not name.last or " " in name.last.strip():
        return ""
    return name_key(name)


def names_agree(a: Contact, b: Contact) -> bool:
    """May two rows with the same e-mail address be one person?"""
    if a.name.is_empty() or b.name.is_empty():
        return True
    if _birth_conflict(a, b):
        return False
    if names_compatible(a.name, b.name):
        return True
    for one, other in ((a.name, b.name), (b.name, a.name)):
        word = _single_word(one)
        if word and word in (name_key(PersonName(last=other.first or "")), name_key(other)):
            return True
    return False


def _nameless_withdrawal(contact: Contact) -> bool:
    return contact.name.is_empty() and any(
        e.status is ConsentStatus.WITHDRAWN for e in contact.consents
    )


def _written_alike(a: PersonName, b: PersonName) -> bool:
    if a.is_empty() or b.is_empty():
        return True  # a row without a name adds to the person; nothing to review
    return a.display().casefold() == b.display().casefold()


def _complete_name(a: PersonName, b: PersonName) -> PersonName:
    return PersonName(
        first=a.first or b.first,
        initials=a.initials or b.initials,
        infix=a.infix if a.last else b.infix,
        last=a.last or b.last,
    )


def _complete_address(a: Address, b: Address) -> Address:
    if a.is_empty():
        return b
    if a.postcode and b.postcode and a.postcode != b.postcode:
        return a  # a different address is kept in the provenance, not mixed in
    return Address(
        a.street or b.street,
        a.house_number or b.house_number,
        a.postcode or b.postcode,
        a.city or b.city,
        a.country or b.country,
    )


def absorb(target: Contact, draft: Contact) -> Contact:
    """The target completed with what the draft adds; nothing of the target is lost."""
    return replace(
        target,
        name=_complete_name(target.name, draft.name),
        emails=list(dict.fromkeys(target.emails + draft.emails)),
        phones=list(dict.fromkeys(target.phones + draft.phones)),
        address=_complete_address(target.address, draft.address),
        birth_date=target.birth_date or draft.birth_date,
        birth_year=target.birth_year or draft.birth_year,
        notes=" ".join(p for p in dict.fromkeys((target.notes, draft.notes)) if p),
        special_category=target.special_category or draft.special_category,
        special_note="\n".join(
            p for p in dict.fromkeys((target.special_note, draft.special_note)) if p
        ),
        organisation=target.organisation or draft.organisation,
        deceased=target.deceased or draft.deceased,
        consents=list(dict.fromkeys(target.consents + draft.consents)),
        relations=list(dict.fromkeys(target.relations + draft.relations)),
        sources=list(dict.fromkeys(target.sources + draft.sources)),
    )


# An index bucket: one person key, or the keys in filing order once a second one comes.
# Nearly every e-mail, postcode and name is one person's: a list for each would hold some
# 300 bytes a row more, at 100,000 rows 30 MB.
Bucket = int | list[int]


def _file(index: dict[_K, Bucket], key: _K, person: int) -> None:
    held = index.get(key)
    if held is None:
        index[key] = person
    elif isinstance(held, int):
        if held != person:
            index[key] = [held, person]
    elif person not in held:
        held.append(person)


def _keys(index: dict[_K, Bucket], key: _K) -> Sequence[int]:
    held = index.get(key)
    if held is None:
        return ()
    return (held,) if isinstance(held, int) else held


@dataclass
class Merger:
    people: list[Person] = field(default_factory=list)
    # Everyone using an address: a household or an office may share one.
    by_email: dict[str, Bucket] = field(default_factory=dict)
    by_name_pc: dict[tuple[str, str], Bucket] = field(default_factory=dict)
    by_pc: dict[str, Bucket] = field(default_factory=dict)
    # (surname key, first letter of the given name): only people with a given name can be
    # "the same name elsewhere", and a bucket per surname alone grows quadratic on Jansen.
    by_name: dict[tuple[str, str], Bucket] = field(default_factory=dict)
    # (file, sheet, row) -> person: the same row imported again is the same person, even
    # when it holds no e-mail or postcode to recognise them by.
    by_source: dict[tuple[str, str | None, int | None], int] = field(default_factory=dict)
    near: dict[tuple[int, int], NearMatch] = field(default_factory=dict)
    renamed: list[RenamedMerge] = field(default_factory=list)
    shared: set[int] = field(default_factory=set)  # person keys marked "gedeeld e-mailadres"
    # The mark per person; a vault contact gets it stored by the import service.
    marks: dict[int, Provenance] = field(default_factory=dict)

    def _index(self, person: Person) -> None:
        c = person.contact
        me = person.key
        for email in c.emails:
            _file(self.by_email, email, me)
        key = person.nkey = name_key(c.name)
        person.given = first_given(c.name)
        pc = c.address.postcode
        if key and pc:
            _file(self.by_name_pc, (key, pc), me)
        if pc:
            _file(self.by_pc, pc, me)
        if key and c.name.first:
            _file(self.by_name, (key, _letter(c.name.first)), me)
        for source in c.sources:
            if source.field is None:
                self.by_source.setdefault((source.file, source.sheet, source.row), me)

    def add_existing(self, contacts: Iterable[Contact]) -> None:
        for contact in contacts:
            person = Person(len(self.people), contact, vault_id=contact.id)
            self.people.append(person)
            self._index(person)

    def _match(self, draft: Contact) -> Person | None:
        for email in draft.emails:
            users = _keys(self.by_email, email)
            if len(users) > 1 and draft.name.is_empty():
                # Whose row is it? Its own record (on the review list), found again as the
                # same row when the file is imported again.
                row = draft.sources[0] if draft.sources else None
                known = self.by_source.get((row.file, row.sheet, row.row)) if row else None
                return self.people[known] if known is not None and known in users else None
            for key in users:
                held = self.people[key].contact
                if len(users) > 1 and held.name.is_empty():
                    continue  # a nameless record on a shared address is nobody's to claim
                if names_agree(held, draft):
                    return self.people[key]
        nkey = name_key(draft.name)
        pc = draft.address.postcode
        if nkey and pc:
            for key in _keys(self.by_name_pc, (nkey, pc)):
                other = self.people[key]
                if (
                    (not draft.emails or not other.contact.emails)
                    and names_compatible(other.contact.name, draft.name)
                    and not _birth_conflict(other.contact, draft)
                ):
                    return other
        for source in draft.sources[:1]:
            known = self.by_source.get((source.file, source.sheet, source.row))
            if known is not None:
                other = self.people[known]
                if other.nkey == nkey and names_compatible(other.contact.name, draft.name):
                    return other
        return None

    def add(self, draft: Contact) -> tuple[Person, bool]:
        """File a row's person; returns the person and whether it merged into an earlier one."""
        match = self._match(draft)
        if match is not None:
            if not _written_alike(match.contact.name, draft.name) and draft.sources:
                self.renamed.append(RenamedMerge(match.key, draft.sources[0]))
            match.contact = absorb(match.contact, draft)
            if match.vault_id is not None:
                match.touched = True
            self._index(match)
            self._look_for_shared(match, draft)
            return match, True
        person = Person(len(self.people), draft)
        self.people.append(person)
        self._index(person)
        self._look_for_near(person)
        self._look_for_shared(person, draft)
        return person, False

    def _look_for_shared(self, person: Person, draft: Contact) -> None:
        """Someone else on the draft's addresses shares them with this person. The pair is
        made with the address's first user only: forty teachers on info@school give
        thirty-nine pairs to review, not 780, and each of them is on the list."""
        row = draft.sources[0] if draft.sources else None
        for email in draft.emails:
            key = next((k for k in _keys(self.by_email, email) if k != person.key), None)
            if key is None:
                continue
            other = self.people[key]
            same_name = names_compatible(other.contact.name, person.contact.name)
            reason = "shared_email_birth_date" if same_name else "shared_email"
            if _nameless_withdrawal(person.contact):
                # Whose unsubscribe is it? Nobody's until a person decides; meanwhile the
                # mailing leaves the whole address out for that purpose (services.mailing).
                reason = "shared_email_withdrawal"
            self._note(key, person.key, 100.0, reason)
            for marked in (other, person):
                self._mark_shared(marked, row)

    def _mark_shared(self, person: Person, row: Provenance | None) -> None:
        if person.key in self.shared:
            return
        self.shared.add(person.key)
        own = next((s for s in person.contact.sources if s.field is None), row)
        if own is not None:
            mark = Provenance(own.file, own.sheet, own.row, SHARED_EMAIL_FIELD, SHARED_EMAIL_TEXT)
            self.marks[person.key] = mark
            if person.vault_id is None:
                person.contact.sources.append(mark)

    def _look_for_near(self, person: Person) -> None:
        c = person.contact
        nkey = person.nkey
        if not nkey:
            return
        pc = c.address.postcode
        if pc:
            for key in _keys(self.by_pc, pc):
                if key == person.key:
                    continue
                other_name = self.people[key].contact.name
                other_key = self.people[key].nkey
                if not other_key or other_key == nkey:
                    # Same surname, same postcode: a household unless the given names agree.
                    if other_key == nkey and names_compatible(other_name, c.name):
                        self._note(key, person.key, 100.0, "same_name_same_postcode")
                    continue
                score = fuzz.ratio(nkey, other_key)
                if score >= NEAR_SCORE:
                    self._note(key, person.key, score, "similar_name_same_postcode")
        if not c.name.first:
            return
        given = person.given
        people = self.people
        for key in _keys(self.by_name, (nkey, _letter(c.name.first))):
            if key == person.key:
                continue
            # A bucket holds everyone of that surname and initial: most differ in the first
            # given name, which rules out names_compatible without asking it.
            held = people[key]
            if given and held.given and held.given != given:
                continue
            other = held.contact
            if (
                other.address.postcode != pc
                and names_compatible(other.name, c.name)
                and other.name.first
                and c.name.first
            ):
                self._note(key, person.key, 90.0, "same_name_other_postcode")

    def _note(self, a: int, b: int, score: float, reason: str) -> None:
        pair = (min(a, b), max(a, b))
        if pair not in self.near:
            self.near[pair] = NearMatch(pair[0], pair[1], score, reason)

    def near_matches(self) -> list[NearMatch]:
        """Pairs still apart at the end (a later row may have merged them after all)."""
        return [m for m in self.near.values() if self.people[m.a] is not self.people[m.b]]
