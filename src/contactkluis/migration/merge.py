"""One person, however many rows, sheets and files mention them.

Rules (in this order):
1. the same normalised e-mail address is the same person;
2. where an e-mail is missing on either side: the same last name (infix-insensitive) and
   postcode with compatible initials/first name is the same person;
3. everything else that merely looks alike (a typo in the surname at the same postcode,
   the same name at another postcode) goes on a review list: never merged silently.

Merging keeps every distinct e-mail and phone; names and addresses are completed, not
overwritten; consents, relations and provenance are all kept.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from contactkluis.domain.contact import Address, Contact, PersonName
from contactkluis.domain.names import name_key, names_compatible

NEAR_SCORE = 85.0


@dataclass(slots=True)
class Person:
    """A person being assembled: an existing vault contact (vault_id) or a new one."""

    key: int
    contact: Contact
    vault_id: int | None = None
    touched: bool = False  # an existing contact that this import adds to
    nkey: str = ""  # name_key(contact.name), kept because merging compares it so often


@dataclass(frozen=True, slots=True)
class NearMatch:
    a: int  # person keys
    b: int
    score: float
    reason: str  # "similar_name_same_postcode", "same_name_other_postcode"


def _letter(first: str) -> str:
    folded = unicodedata.normalize("NFKD", first.strip()[:2])
    return "".join(ch for ch in folded if not unicodedata.combining(ch))[:1].lower()


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


@dataclass
class Merger:
    people: list[Person] = field(default_factory=list)
    by_email: dict[str, int] = field(default_factory=dict)
    by_name_pc: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    by_pc: dict[str, list[int]] = field(default_factory=dict)
    # (surname key, first letter of the given name): only people with a given name can be
    # "the same name elsewhere", and a bucket per surname alone grows quadratic on Jansen.
    by_name: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    # (file, sheet, row) -> person: the same row imported again is the same person, even
    # when it holds no e-mail or postcode to recognise them by.
    by_source: dict[tuple[str, str | None, int | None], int] = field(default_factory=dict)
    near: dict[tuple[int, int], NearMatch] = field(default_factory=dict)

    def _index(self, person: Person) -> None:
        c = person.contact
        for email in c.emails:
            self.by_email.setdefault(email, person.key)
        key = person.nkey = name_key(c.name)
        pc = c.address.postcode
        if key and pc:
            bucket = self.by_name_pc.setdefault((key, pc), [])
            if person.key not in bucket:
                bucket.append(person.key)
        if pc:
            bucket = self.by_pc.setdefault(pc, [])
            if person.key not in bucket:
                bucket.append(person.key)
        if key and c.name.first:
            bucket = self.by_name.setdefault((key, _letter(c.name.first)), [])
            if person.key not in bucket:
                bucket.append(person.key)
        for source in c.sources:
            if source.field is None:
                self.by_source.setdefault((source.file, source.sheet, source.row), person.key)

    def add_existing(self, contacts: Iterable[Contact]) -> None:
        for contact in contacts:
            person = Person(len(self.people), contact, vault_id=contact.id)
            self.people.append(person)
            self._index(person)

    def _match(self, draft: Contact) -> Person | None:
        for email in draft.emails:
            key = self.by_email.get(email)
            if key is not None:
                return self.people[key]
        nkey = name_key(draft.name)
        pc = draft.address.postcode
        if nkey and pc:
            for key in self.by_name_pc.get((nkey, pc), ()):
                other = self.people[key]
                if (not draft.emails or not other.contact.emails) and names_compatible(
                    other.contact.name, draft.name
                ):
                    return other
        for source in draft.sources[:1]:
            key = self.by_source.get((source.file, source.sheet, source.row))
            if key is not None:
                other = self.people[key]
                if other.nkey == nkey and names_compatible(other.contact.name, draft.name):
                    return other
        return None

    def add(self, draft: Contact) -> tuple[Person, bool]:
        """File a row's person; returns the person and whether it merged into an earlier one."""
        match = self._match(draft)
        if match is not None:
            match.contact = absorb(match.contact, draft)
            if match.vault_id is not None:
                match.touched = True
            self._index(match)
            return match, True
        person = Person(len(self.people), draft)
        self.people.append(person)
        self._index(person)
        self._look_for_near(person)
        return person, False

    def _look_for_near(self, person: Person) -> None:
        c = person.contact
        nkey = person.nkey
        if not nkey:
            return
        pc = c.address.postcode
        if pc:
            for key in self.by_pc.get(pc, ()):
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
        for key in self.by_name.get((nkey, _letter(c.name.first)), ()):
            if key == person.key:
                continue
            other = self.people[key].contact
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
