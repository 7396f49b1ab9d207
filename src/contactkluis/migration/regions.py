"""Which country an address is in, and its postcode written the way that country writes it.

A Dutch list holds Belgian and German members too. The country is taken from what the row
says (a country column, the postcode's shape, a known town), never assumed: an address that
says nothing about its country gets none, and a row without an address gets none either.
The phone reader uses the same answer to read '0478/02 12 34' as the Belgian number it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from contactkluis.domain.normalize import normalize_postcode

__all__ = [
    "PostcodeReading",
    "city_country",
    "country_code",
    "read_postcode",
    "row_region",
    "sheet_region",
]

_COUNTRIES: dict[str, str] = {
    **dict.fromkeys(("nl", "nld", "nederland", "netherlands", "the netherlands", "holland",
                     "pays-bas", "niederlande"), "NL"),
    **dict.fromkeys(("be", "bel", "b", "belgie", "belgië", "belgium", "belgique", "belgien",
                     "vlaanderen", "wallonie"), "BE"),
    **dict.fromkeys(("de", "deu", "d", "duitsland", "germany", "deutschland", "allemagne"), "DE"),
    **dict.fromkeys(("fr", "fra", "frankrijk", "france"), "FR"),
    **dict.fromkeys(("lu", "lux", "luxemburg", "luxembourg"), "LU"),
    **dict.fromkeys(("uk", "gb", "engeland", "verenigd koninkrijk", "united kingdom",
                     "great britain", "england"), "GB"),
    **dict.fromkeys(("at", "oostenrijk", "austria", "österreich"), "AT"),
    **dict.fromkeys(("ch", "zwitserland", "switzerland", "schweiz", "suisse"), "CH"),
    **dict.fromkeys(("es", "spanje", "spain", "españa"), "ES"),
    **dict.fromkeys(("it", "italie", "italië", "italy", "italia"), "IT"),
    **dict.fromkeys(("us", "usa", "verenigde staten", "united states"), "US"),
}  # fmt: skip

# Belgian municipalities and towns most often met in Dutch and Flemish lists (a Flemish club
# writes 'Antwerpen', not 'België'). Dutch towns come from the BAG list in resources.
_BELGIAN_TOWNS = frozenset(
    ["aalst", "aarschot", "antwerpen", "anvers", "arlon", "asse", "ath", "bastogne", "beringen", "beveren", "bilzen", "blankenberge", "boom", "brasschaat", "brugge", "bruges", "brussel", "bruxelles", "brussels", "charleroi", "deinze", "dendermonde", "diest", "diksmuide", "dilbeek", "eeklo", "eupen", "geel", "genk", "gent", "gand", "geraardsbergen", "halle", "hasselt", "herentals", "heist-op-den-berg", "houthalen", "ieper", "kapellen", "knokke", "knokke-heist", "kortrijk", "courtrai", "la", "louvière", "lier", "leuven", "louvain", "liège", "luik", "lokeren", "lommel", "maaseik", "maasmechelen", "mechelen", "malines", "menen", "mol", "mons", "bergen", "namur", "namen", "nieuwpoort", "ninove", "oostende", "ostende", "oudenaarde", "overpelt", "poperinge", "roeselare", "ronse", "schoten", "sint-niklaas", "sint-truiden", "temse", "tielt", "tienen", "tongeren", "torhout", "turnhout", "veurne", "vilvoorde", "waregem", "waterloo", "wavre", "waver", "wetteren", "zaventem", "zele", "zottegem", "zoersel", "zwijndrecht", "ekeren", "berchem", "borgerhout", "deurne", "hoboken", "merksem", "wilrijk", "mortsel", "edegem", "kontich", "schilde", "wommelgem", "ranst", "zandhoven", "brecht", "essen", "kalmthout", "wuustwezel", "hoogstraten", "westerlo", "herselt", "tessenderlo", "lommel", "neerpelt", "hamont-achel", "peer", "bree", "dilsen-stokkem", "lanaken", "tongerlo", "wevelgem", "harelbeke", "izegem", "lichtervelde", "jabbeke", "oostkamp", "zedelgem", "beernem", "destelbergen", "merelbeke", "lochristi", "evergem", "zelzate", "maldegem", "knesselare", "aalter", "nevele"]
)  # fmt: skip

_BE_POSTCODE = re.compile(r"^(?:B\s*-?\s*)?([1-9][0-9]{3})$", re.IGNORECASE)
_DE_POSTCODE = re.compile(r"^(?:D\s*-?\s*)?([0-9]{5})$", re.IGNORECASE)
_NL_LOOSE = re.compile(r"^(?:NL\s*-?\s*)?([1-9][0-9]{3}\s*-?\s*[A-Za-z]{2})$", re.IGNORECASE)


@cache
def _dutch_towns() -> frozenset[str]:
    text = files("contactkluis").joinpath("resources/woonplaatsen.txt").read_text("utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line and not line.startswith("#")
    )


def country_code(text: str | None) -> str | None:
    """'België' -> 'BE', 'Nederland' -> 'NL', 'DE' -> 'DE'; None when not understood."""
    if not text:
        return None
    key = " ".join(text.casefold().strip(" .").split())
    if key in _COUNTRIES:
        return _COUNTRIES[key]
    return None


@lru_cache(maxsize=4096)
def city_country(city: str | None) -> str | None:
    """The country a town name points to, when only one of the lists knows it."""
    if not city:
        return None
    key = " ".join(city.casefold().split())
    dutch = key in _dutch_towns()
    belgian = key in _BELGIAN_TOWNS
    if dutch == belgian:
        return None
    return "NL" if dutch else "BE"


@dataclass(frozen=True, slots=True)
class PostcodeReading:
    postcode: str | None  # as that country writes it; None when not understood
    country: str | None  # the country the postcode's shape (or the given country) says


def read_postcode(text: str, country: str | None = None) -> PostcodeReading:
    """'1234ab' -> 1234 AB (NL); 'B-2000' or '2000' -> 2000 (BE); '10115' -> 10115 (DE).

    With a known country other than these three the postcode is kept as written.
    """
    if country == "NL":
        # Read for NL, a Dutch-shaped postcode reads as it does for no country at all: the
        # import asks both of each row's postcode (its region first), and most are unique.
        loose = _read_postcode(text, None)
        if loose.country == "NL":
            return loose
    return _read_postcode(text, country)


@lru_cache(maxsize=16384)
def _read_postcode(text: str, country: str | None = None) -> PostcodeReading:
    clean = " ".join(text.split())
    if country in (None, "NL"):
        dutch = _NL_LOOSE.match(clean)
        normal = normalize_postcode(dutch.group(1)) if dutch else None
        if normal is not None:
            return PostcodeReading(normal, "NL")
    if country in (None, "BE"):
        match = _BE_POSTCODE.match(clean)
        if match:
            return PostcodeReading(match.group(1), "BE")
    if country in (None, "DE"):
        match = _DE_POSTCODE.match(clean)
        if match:
            return PostcodeReading(match.group(1), "DE")
    if country not in (None, "NL", "BE", "DE"):
        return PostcodeReading(clean[:12], country)
    return PostcodeReading(None, country)


def row_region(
    country_text: str | None, postcode_text: str | None, city: str | None
) -> tuple[str | None, str]:
    """(ISO country, how it was found) for a row's address: from its country column, else
    its postcode's shape, else its town; (None, "") when the row does not say."""
    by_column = country_code(country_text)
    if by_column:
        return by_column, "country"
    by_postcode = read_postcode(postcode_text).country if postcode_text else None
    by_city = city_country(city)
    if by_postcode == "BE" and by_city == "NL":
        return "NL", "city"  # '1234 Amsterdam': a Dutch PC4 without its letters
    if by_postcode:
        return by_postcode, "postcode"
    if by_city:
        return by_city, "city"
    return None, ""


def sheet_region(rows: Iterable[tuple[str | None, str | None, str | None]]) -> str:
    """The country most of a sheet's addresses are in ('NL' when they do not say): the
    region for reading the phone numbers of its rows that have no address."""
    counts: Counter[str] = Counter()
    for country, postcode, city in rows:
        region, _how = row_region(country, postcode, city)
        if region:
            counts[region] += 1
    if not counts:
        return "NL"
    region, count = counts.most_common(1)[0]
    return region if count * 2 > sum(counts.values()) else "NL"
