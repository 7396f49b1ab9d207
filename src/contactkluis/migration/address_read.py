"""A row's address: street and house number, the postcode as its country writes it, the town,
and the country only where the row says it (a country column, the postcode's shape, a town).

Pure: no SQL. What was changed or guessed comes back as (field, code) pairs for the report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from contactkluis.domain.contact import Address
from contactkluis.domain.names import fix_capitals
from contactkluis.domain.normalize import clean_text, split_street_house
from contactkluis.migration.readers import Cell
from contactkluis.migration.regions import country_code, read_postcode, row_region

__all__ = ["AddressRead", "read_address", "region_of", "street_house"]

Note = Callable[[str, Cell, object], None]


@lru_cache(maxsize=4096)
def _city(text: str) -> str:
    return fix_capitals(text) if text.isupper() or text.islower() else text


def street_house(value: Cell) -> tuple[str | None, str | None]:
    if type(value) is str:
        return _street_house_text(value)
    return split_street_house(value)


@lru_cache(maxsize=16384)
def _street_house_text(text: str) -> tuple[str | None, str | None]:
    return split_street_house(text)


def region_of(first_of: Mapping[str, Cell]) -> tuple[str | None, str]:
    """The row's country by its address, and how that was found ("" when it was not)."""
    return row_region(
        clean_text(first_of.get("country")),
        clean_text(first_of.get("postcode")),
        clean_text(first_of.get("city")),
    )


@dataclass
class AddressRead:
    address: Address
    warnings: list[tuple[str, str]] = field(default_factory=list)
    changes: list[tuple[str, str]] = field(default_factory=list)


def read_address(
    first_of: Mapping[str, Cell], note: Note, where: tuple[str | None, str] | None = None
) -> AddressRead:
    """`where` is region_of(first_of) when the caller has it already."""
    street = house = None
    combined = first_of.get("street_house")
    if combined is not None:
        street, house = street_house(combined)
    street_cell = first_of.get("street")
    if street_cell is not None:
        s, h = street_house(street_cell)
        street = s or street
        house = house or h
    house_cell = first_of.get("house_number")
    if house_cell is not None:
        house = clean_text(house_cell)
    suffix = clean_text(first_of.get("house_suffix"))
    if house and suffix:
        house = f"{house}{'' if suffix[0] in '-' else ' '}{suffix}".strip()
    warnings: list[tuple[str, str]] = []
    changes: list[tuple[str, str]] = []
    country_text = clean_text(first_of.get("country"))
    region, how = where if where is not None else region_of(first_of)
    postcode = None
    raw_pc = clean_text(first_of.get("postcode"))
    if raw_pc:
        reading = read_postcode(raw_pc, country_code(country_text) or region)
        postcode = reading.postcode
        if postcode is None and country_text and not country_code(country_text):
            postcode = raw_pc[:12]  # a country we do not know: its postcode as written
        if postcode is None:
            warnings.append(("postcode", "invalid_postcode"))
            note("postcode_invalid", raw_pc, None)
        elif reading.country not in (None, "NL"):
            changes.append(("postcode", "postcode_foreign"))
        else:
            note("postcode", raw_pc, postcode)
    city_text = clean_text(first_of.get("city"))
    city = _city(city_text) if city_text else None
    if street and (street.isupper() or street.islower()):
        street = fix_capitals(street)
    address = Address(street, house, postcode, city, None)
    if address.is_empty():  # no address, no country: never assumed
        return AddressRead(address, warnings, changes)
    # None means NL in the store; any other country is kept as its ISO code, or as written
    # when the country column names one we do not know.
    iso = region if region else (country_text[:40] if country_text else None)
    if how in ("postcode", "city") and region and region != "NL":
        changes.append(("country", f"country_from_{how}"))
    return AddressRead(
        Address(street, house, postcode, city, None if iso == "NL" else iso), warnings, changes
    )
