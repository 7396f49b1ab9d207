"""The dimensions an anonymised count can be broken down by.

A dimension has a stable name (what the CLI's `--by` takes), a Dutch and English label and
an order for its values. The values themselves are computed by whoever reads the vault;
the small helpers at the bottom (age band, postcode area) keep that computation in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from contactkluis.domain.contact import RelationKind
from contactkluis.domain.messages import CodedError, register

UNKNOWN = "onbekend"
Language = Literal["nl", "en"]
MAX_DIMENSIONS = 2

# code -> (Dutch, English); parameters are dimension names the user typed, never personal data.
MESSAGES: dict[str, tuple[str, str]] = {
    "dim.empty": (
        "Geef minstens één indeling op, bijvoorbeeld 'relation' of 'relation,age'.",
        "Give at least one breakdown, for example 'relation' or 'relation,age'.",
    ),
    "dim.unknown": (
        "Onbekende indeling '{name}'. Kies uit: {choices}.",
        "Unknown breakdown '{name}'. Choose from: {choices}.",
    ),
    "dim.too_many": (
        "Hooguit twee indelingen tegelijk (gekregen: {count}).",
        "At most two breakdowns at a time (got: {count}).",
    ),
    "dim.duplicate": (
        "Indeling '{name}' staat er twee keer in.",
        "Breakdown '{name}' is given twice.",
    ),
    "dim.consent_purpose_missing": (
        "Geef bij 'consent' een doel op, bijvoorbeeld 'consent:nieuwsbrief'.",
        "Give 'consent' a purpose, for example 'consent:nieuwsbrief'.",
    ),
    "dim.consent_purpose_unknown": (
        "Onbekend doel '{purpose}' bij 'consent'. Bekende doelen: {choices}.",
        "Unknown purpose '{purpose}' for 'consent'. Known purposes: {choices}.",
    ),
}


register(MESSAGES)


class DimensionError(CodedError, ValueError):
    """A `--by` specification that cannot be used; str() is the Dutch text."""

    default_language = "nl"


# Fixed value orders; values not listed sort alphabetically after the listed ones.
_RELATION_ORDER = tuple(kind.value for kind in RelationKind)
_CONSENT_ORDER = ("given", "reconfirm", "withdrawn", "none")
_RETENTION_ORDER = ("ok", "soon", "expired")

_VALUE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "relation": {
        "vriend": ("vriend", "friend"),
        "donateur": ("donateur", "donor"),
        "nieuwsbrief-abonnee": ("nieuwsbrief-abonnee", "newsletter subscriber"),
        "bezoeker": ("bezoeker", "visitor"),
        "groepscontact": ("groepscontact", "group contact"),
        "klant": ("klant", "customer"),
        "doel-onbekend": ("doel onbekend — beoordelen", "purpose unknown — review"),
    },
    "consent": {
        "given": ("gegeven", "given"),
        "reconfirm": ("opnieuw te bevestigen", "to be reconfirmed"),
        "withdrawn": ("ingetrokken", "withdrawn"),
        "none": ("geen", "none"),
    },
    "retention": {
        "ok": ("binnen bewaartermijn", "within retention period"),
        "soon": ("termijn verloopt binnenkort", "retention ends soon"),
        "expired": ("bewaartermijn verlopen", "retention period expired"),
    },
}

OrderKind = Literal["fixed", "numeric", "text"]


@dataclass(frozen=True, slots=True)
class DimensionSpec:
    """One entry of the registry: how a family of dimensions is labelled and ordered."""

    key: str
    label_nl: str
    label_en: str
    order: OrderKind
    fixed_order: tuple[str, ...] = ()


DIMENSIONS: dict[str, DimensionSpec] = {
    spec.key: spec
    for spec in (
        DimensionSpec("relation", "Relatie", "Relation", "fixed", _RELATION_ORDER),
        DimensionSpec("pc2", "Postcodegebied (2 cijfers)", "Postcode area (2 digits)", "numeric"),
        DimensionSpec("pc4", "Postcode (4 cijfers)", "Postcode (4 digits)", "numeric"),
        DimensionSpec("city", "Woonplaats", "City", "text"),
        DimensionSpec("age", "Leeftijd", "Age", "numeric"),
        DimensionSpec("consent", "Toestemming", "Consent", "fixed", _CONSENT_ORDER),
        DimensionSpec("source", "Soort bronlijst", "Kind of source list", "text"),
        DimensionSpec("since", "Relatie sinds (jaar)", "Relation since (year)", "numeric"),
        DimensionSpec("retention", "Bewaartermijn", "Retention", "fixed", _RETENTION_ORDER),
        DimensionSpec(
            "segment",
            "Segment (Culturele Doelgroepenmodel)",
            "Segment (Dutch cultural audience model)",
            "text",
        ),
    )
}


def _leading_int(value: str) -> int | None:
    digits = ""
    for ch in value:
        if not ch.isdigit():
            break
        digits += ch
    return int(digits) if digits else None


@dataclass(frozen=True, slots=True)
class Dim:
    """A parsed dimension: `consent:nieuwsbrief` has key 'consent' and purpose 'nieuwsbrief'."""

    name: str
    spec: DimensionSpec
    purpose: str | None = None

    @property
    def key(self) -> str:
        return self.spec.key

    def label(self, language: Language = "nl") -> str:
        base = self.spec.label_nl if language == "nl" else self.spec.label_en
        return f"{base} {self.purpose}" if self.purpose else base

    def value_label(self, value: str, language: Language = "nl") -> str:
        """What a reader sees for a value: codes such as 'soon' become words."""
        if value == UNKNOWN:
            return "onbekend" if language == "nl" else "unknown"
        pair = _VALUE_LABELS.get(self.key, {}).get(value)
        if pair is None:
            return value
        return pair[0] if language == "nl" else pair[1]

    def sort_key(self, value: str) -> tuple[int, int, str]:
        """Known fixed values first in their order, then numbers ascending, then text; unknown
        last."""
        if value == UNKNOWN:
            return (3, 0, "")
        if self.spec.order == "fixed" and value in self.spec.fixed_order:
            return (0, self.spec.fixed_order.index(value), "")
        if self.spec.order == "numeric":
            number = _leading_int(value)
            if number is not None:
                return (1, number, value)
        return (2, 0, value.casefold())

    def ordered(self, values: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(values), key=self.sort_key))


def parse_dimensions(spec: str, known_purposes: Iterable[str]) -> list[Dim]:
    """Parse a `--by` value such as 'relation,age' or 'consent:nieuwsbrief'.

    Raises DimensionError for an empty spec, unknown names or purposes, duplicates or more than
    two dimensions.
    """
    names = [part.strip() for part in spec.replace(";", ",").split(",") if part.strip()]
    if not names:
        raise DimensionError("dim.empty")
    if len(names) > MAX_DIMENSIONS:
        raise DimensionError("dim.too_many", count=len(names))
    purposes = sorted(set(known_purposes))
    dims: list[Dim] = []
    for raw in names:
        key, sep, purpose = raw.partition(":")
        key = key.strip().lower()
        purpose = purpose.strip()
        dim_spec = DIMENSIONS.get(key)
        if dim_spec is None or (sep and key != "consent"):
            raise DimensionError("dim.unknown", name=raw, choices=", ".join(_choices()))
        if key == "consent":
            if not purpose:
                raise DimensionError("dim.consent_purpose_missing")
            if purpose not in purposes:
                raise DimensionError(
                    "dim.consent_purpose_unknown",
                    purpose=purpose,
                    choices=", ".join(purposes) or "-",
                )
            dim = Dim(f"consent:{purpose}", dim_spec, purpose)
        else:
            dim = Dim(key, dim_spec)
        if any(d.name == dim.name for d in dims):
            raise DimensionError("dim.duplicate", name=dim.name)
        dims.append(dim)
    return dims


def dimension(name: str, known_purposes: Iterable[str] = ()) -> Dim:
    """One dimension by name; a convenience for code that builds its standard tables."""
    purposes = set(known_purposes)
    if name.startswith("consent:"):
        purposes.add(name.partition(":")[2])
    return parse_dimensions(name, purposes)[0]


def _choices() -> list[str]:
    return [("consent:DOEL" if key == "consent" else key) for key in DIMENSIONS]


# --- value helpers for the code that reads the vault ---------------------------------------

AGE_BAND_WIDTH = 10
AGE_TOP_BAND = 90  # one open band "90+" keeps the very old from standing out


def age_band(birth_year: int | None, reference: date) -> str:
    """'30-39' for someone who turns 30..39 in the reference year; UNKNOWN without a year."""
    if birth_year is None or birth_year > reference.year:
        return UNKNOWN
    age = reference.year - birth_year
    if age >= AGE_TOP_BAND:
        return f"{AGE_TOP_BAND}+"
    low = age // AGE_BAND_WIDTH * AGE_BAND_WIDTH
    return f"{low}-{low + AGE_BAND_WIDTH - 1}"


def postcode_area(postcode: str | None, digits: int) -> str:
    """The first 2 or 4 digits of a Dutch postcode ('1234 AB' -> '12' / '1234')."""
    if not postcode:
        return UNKNOWN
    head = postcode.strip()[:4]
    if len(head) < 4 or not head.isdigit():
        return UNKNOWN
    return head[:digits]
