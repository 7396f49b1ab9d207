"""The shapes of a person as the rest of the program sees them.

Pure data: no Qt, no SQL. The vault maps these to rows, the migration builds them
from spreadsheet rows, the services and the GUI read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ConsentStatus(StrEnum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"
    NONE = "none"


class RelationKind(StrEnum):
    """What a person is to the institution; each kind is held for one purpose."""

    VRIEND = "vriend"
    DONATEUR = "donateur"
    NIEUWSBRIEF = "nieuwsbrief-abonnee"
    BEZOEKER = "bezoeker"
    GROEPSCONTACT = "groepscontact"
    KLANT = "klant"
    # On a list whose purpose nobody could tell: kept, never expired, until someone decides.
    ONBEKEND = "doel-onbekend"


# Which purpose (in the purpose register) justifies keeping a relation of each kind.
RELATION_PURPOSE: dict[RelationKind, str] = {
    RelationKind.VRIEND: "vrienden",
    RelationKind.DONATEUR: "giften",
    RelationKind.NIEUWSBRIEF: "nieuwsbrief",
    RelationKind.BEZOEKER: "kassa",
    RelationKind.GROEPSCONTACT: "groepsbezoek",
    RelationKind.KLANT: "kassa",
    RelationKind.ONBEKEND: "onbekend",
}


@dataclass(frozen=True, slots=True)
class PersonName:
    first: str | None = None
    initials: str | None = None
    infix: str | None = None  # tussenvoegsel, always lower case ("van der")
    last: str | None = None

    def display(self) -> str:
        """'Jan de Vries', or 'J. de Vries' when only initials are known."""
        given = self.first or self.initials
        return " ".join(p for p in (given, self.infix, self.last) if p)

    def sort_key(self) -> str:
        """Dutch directories sort 'de Vries' under V: the infix is left out."""
        return " ".join(p for p in (self.last, self.first or self.initials) if p).casefold()

    def is_empty(self) -> bool:
        return not (self.first or self.initials or self.last)


@dataclass(frozen=True, slots=True)
class Address:
    street: str | None = None
    house_number: str | None = None  # "12", "12-A", "12 bis": kept as text
    postcode: str | None = None  # normalised "1234 AB" for NL
    city: str | None = None
    country: str | None = None  # ISO 3166 alpha-2, None means NL

    def is_empty(self) -> bool:
        return not (self.street or self.house_number or self.postcode or self.city)


# The provenance field that marks "another contact uses this e-mail address too".
SHARED_EMAIL_FIELD = "shared_email"
# The provenance mark of a person an import kept without a name ("naam onbekend").
NAME_UNKNOWN_FIELD = "name_unknown"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a value came from: the legacy file, sheet and 1-based row."""

    file: str
    sheet: str | None
    row: int | None
    field: str | None = None
    original: str | None = None  # the source text where normalisation changed it


@dataclass(frozen=True, slots=True)
class ConsentEvent:
    """One statement in a person's consent history for one purpose."""

    purpose: str
    status: ConsentStatus  # GIVEN or WITHDRAWN; NONE is the absence of events
    on: date
    source: str
    evidence: str = ""
    reconfirm: bool = False  # consent taken over from a legacy list
    # Dated by the list it came from, not by the person's act: consent "no later than" `on`.
    undated: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    kind: RelationKind
    start: date | None = None
    end: date | None = None
    last_activity: date | None = None  # last visit, booking, purchase or gift
    source: str = ""
    # A purchase, paid ticket or paid booking: the "sale" the soft opt-in needs.
    paid: bool = False
    # At collection the person was offered a free, simple way to refuse e-mail (recorded).
    opt_out_offered: bool = False


@dataclass(slots=True)
class Contact:
    """A person as held in the vault (id is None until stored)."""

    id: int | None = None
    name: PersonName = field(default_factory=PersonName)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # E.164
    address: Address = field(default_factory=Address)
    birth_date: date | None = None
    birth_year: int | None = None
    notes: str = ""
    special_category: bool = False
    special_note: str = ""
    restricted: bool = False
    objects_marketing: bool = False
    objects_profiling: bool = False
    anonymised: bool = False
    segment: str | None = None
    organisation: str | None = None  # school, company or group the person came with
    deceased: bool = False  # never mailed; kept only as long as a relation requires
    consents: list[ConsentEvent] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sources: list[Provenance] = field(default_factory=list)
