"""Dutch-first normalisers for spreadsheet cells.

Used by the one-time Excel migration and by the GUI's validation-as-you-type. Every
function takes whatever a spreadsheet reader hands over (str, int, float, date, None,
...) and never raises: a value that cannot be read returns None, so the caller can put
the row in the import report instead of crashing on it.
"""

from __future__ import annotations

import math
import re
from numbers import Real

import email_validator
import phonenumbers
from email_validator import EmailNotValidError, validate_email

# Re-exported: callers import these from here.
from contactkluis.domain.dates import parse_date
from contactkluis.domain.text import _clean_text_reference as _clean_text_reference
from contactkluis.domain.text import clean_text

__all__ = [
    "clean_text",
    "format_phone_nl",
    "is_postcode_like",
    "normalize_email",
    "normalize_phone",
    "normalize_postcode",
    "parse_date",
    "parse_yes_no",
    "pc2",
    "pc4",
    "plain_email",
    "plain_nl_phone",
    "split_street_house",
]

# A cell longer than this is not a phone number, postcode or date; refusing early keeps
# the regexes and phonenumbers away from pathological input.
_MAX_FIELD = 200

# --- postcodes --------------------------------------------------------------------------

# SA, SD and SS are never issued (wartime connotations).
_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*-?\s*([A-Z]{2})$")
_BANNED_LETTERS = frozenset({"SA", "SD", "SS"})


def normalize_postcode(value: object) -> str | None:
    """'1234ab' -> '1234 AB'. Dutch postcodes only; anything else is None."""
    text = clean_text(value)
    if text is None or len(text) > 12:
        return None
    match = _POSTCODE.match(text.upper())
    if not match or match.group(2) in _BANNED_LETTERS:
        return None
    return f"{match.group(1)} {match.group(2)}"


def is_postcode_like(value: object) -> bool:
    """Whether a cell holds a Dutch postcode, for recognising a postcode column."""
    return normalize_postcode(value) is not None


def pc4(postcode: str | None) -> str | None:
    """'1234 AB' -> '1234' (the PC4 area used for anonymised statistics)."""
    normal = normalize_postcode(postcode)
    if normal is not None:
        return normal[:4]
    text = clean_text(postcode)
    if text is not None and re.fullmatch(r"[1-9][0-9]{3}", text):
        return text
    return None


def pc2(postcode: str | None) -> str | None:
    """'1234 AB' -> '12' (the coarse region for small-number statistics)."""
    four = pc4(postcode)
    return four[:2] if four else None


# --- phone numbers ----------------------------------------------------------------------

_TRUNK_IN_BRACKETS = re.compile(r"\(\s*0\s*\)")


def _number_as_digits(value: Real) -> str | None:
    if isinstance(value, int):
        return str(value) if 0 < value < 10**17 else None
    try:
        as_float = float(value)
    except (OverflowError, ValueError):
        return None
    if not math.isfinite(as_float) or not 0 < as_float < 1e17 or not as_float.is_integer():
        return None
    return str(int(as_float))


_SEPARATORS = re.compile(r"[\s\-./]")
# The shapes Dutch lists hold by the thousand: digits in groups with single separators.
_PLAIN_PHONE = re.compile(r"\+?[0-9]+(?:[ \-./][0-9]+)*")
_NL_PREFIXED = re.compile(r"(?:\+31|0031|0)([1-9][0-9]{8})")
_NL_BARE = re.compile(r"[1-9][0-9]{8}")


def _nl_descs() -> tuple[
    tuple[frozenset[int], re.Pattern[str]] | None, list[tuple[frozenset[int], re.Pattern[str]]]
]:
    """NL's number ranges from phonenumbers' own metadata, in is_valid_number's terms."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region("NL")

    def desc(d: object) -> tuple[frozenset[int], re.Pattern[str]] | None:
        pattern = getattr(d, "national_number_pattern", None)
        if d is None or not pattern:
            return None
        return frozenset(getattr(d, "possible_length", ()) or ()), re.compile(pattern)

    if meta is None:
        return None, []
    # Any match makes a number valid, so the order is free: the kinds contact lists are
    # full of (mobile, then fixed lines) are tried first.
    kinds = [meta.fixed_line]
    if not meta.same_mobile_and_fixed_line_pattern:
        kinds.insert(0, meta.mobile)
    kinds += [
        meta.premium_rate,
        meta.toll_free,
        meta.shared_cost,
        meta.voip,
        meta.personal_number,
        meta.pager,
        meta.uan,
        meta.voicemail,
    ]
    return desc(meta.general_desc), [d for d in map(desc, kinds) if d is not None]


_NL_GENERAL, _NL_KINDS = _nl_descs()


def _nl_valid(nsn: str) -> bool:
    """phonenumbers.is_valid_number for +31 and this national significant number, without
    its layers of lookups (a number is valid when its range has any type)."""
    if _NL_GENERAL is None:
        return False
    size = len(nsn)
    lengths, pattern = _NL_GENERAL
    if (lengths and size not in lengths) or not pattern.fullmatch(nsn):
        return False
    return any(
        (not lengths or size in lengths) and pattern.fullmatch(nsn)
        for lengths, pattern in _NL_KINDS
    )


def plain_nl_phone(text: str) -> str | None:
    """E.164 for the common Dutch shapes ('06-12345678', '+31 20 1234567', '0031...',
    612345678 from a number cell) when the number is valid; None means: ask phonenumbers."""
    if not _PLAIN_PHONE.fullmatch(text):
        return None
    digits = _SEPARATORS.sub("", text)
    match = _NL_PREFIXED.fullmatch(digits)
    if match:
        nsn = match.group(1)
    elif _NL_BARE.fullmatch(digits) and not digits.startswith("31"):
        # '31...' could be read as a country code by phonenumbers: left to it.
        nsn = digits
    else:
        return None
    return "+31" + nsn if _nl_valid(nsn) else None


def normalize_phone(value: object, region: str = "NL") -> str | None:
    """E.164 form ('+31612345678') of a valid phone number, else None.

    Excel stores '0612345678' typed into a number cell as 612345678.0; the lost trunk
    zero is harmless because phonenumbers reads a national number without it. A lost
    '+' ('31612345678') is tried as international when the national reading is invalid.
    """
    if isinstance(value, bool):
        return None
    from_number = isinstance(value, Real)
    if from_number:
        assert isinstance(value, Real)
        text: str | None = _number_as_digits(value)
    else:
        text = clean_text(value)
    if text is None or len(text) > 40:
        return None
    if text.lower().startswith("tel:"):
        text = text[4:]
    text = _TRUNK_IN_BRACKETS.sub(" ", text)
    if region == "NL":
        fast = plain_nl_phone(text)
        if fast is not None:
            return fast
    return _phone_by_phonenumbers(text, region)


def _phone_by_phonenumbers(text: str, region: str) -> str | None:
    """The reference reading of a cleaned phone text: phonenumbers decides."""
    candidates = [text]
    digits = _SEPARATORS.sub("", text)
    if digits.isdigit() and not digits.startswith("0") and len(digits) >= 10:
        candidates.append("+" + digits)
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        except Exception:  # phonenumbers has raised odd errors on odd input before
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def format_phone_nl(e164: str) -> str:
    """Dutch notation for display: '06-12345678', '010-2172686', '0800-123456' (the trunk
    prefix and area code, a hyphen, then the subscriber number unbroken, as Dutch letterheads
    write it); foreign numbers in international notation ('+32 470 12 34 56'). Unreadable
    input comes back as is. Stored and exported as data (JSON), numbers stay E.164."""
    if not e164.startswith("+"):
        # Kept as written by the import (not valid where the person lives): reading it as
        # Dutch here would show another, real-looking number.
        return e164
    try:
        number = phonenumbers.parse(e164, "NL")
    except Exception:
        return e164
    if number.country_code != 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.national_significant_number(number)
    area = phonenumbers.length_of_national_destination_code(number)
    if not 0 < area < len(national):  # no known area code: phonenumbers' own grouping
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return f"0{national[:area]}-{national[area:]}"


# --- e-mail -----------------------------------------------------------------------------

_ANGLED = re.compile(r"<([^<>]*)>")
# Plain ASCII addresses whose email-validator outcome is known without running it: a
# dot-atom local part of common characters, and a hostname of letter/digit labels (no
# '--', so no punycode or R-LDH labels) under an all-letter TLD. Everything else goes
# to email-validator itself.
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*"
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


def plain_email(text: str) -> str | None:
    """The lower-cased address when it is certainly valid; None means: ask the validator."""
    if len(text) > 254 or not _PLAIN_EMAIL.fullmatch(text):
        return None
    domain = text[text.index("@") + 1 :].lower()
    if len(domain) > 253 or "--" in domain:
        return None
    for special in email_validator.SPECIAL_USE_DOMAIN_NAMES:
        if domain == special or domain.endswith("." + special):
            return None
    return text.lower()


def normalize_email(value: object) -> str | None:
    """Trimmed, validated address, or None when it is not a single valid address."""
    text = clean_text(value)
    if text is None or len(text) > 320:
        return None
    angled = _ANGLED.search(text)
    if angled:  # 'Jan de Vries <jan@example.nl>'
        text = angled.group(1).strip()
    text = text.strip("\"' ")
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    text = text.split("?", 1)[0] if "@" in text.split("?", 1)[0] else text
    text = text.rstrip(".,;: ").lstrip(".,;: ")
    if not text or " " in text:
        return None
    fast = plain_email(text)
    if fast is not None:
        return fast
    return _email_by_validator(text)


def _email_by_validator(text: str) -> str | None:
    """The reference check of a cleaned address: email-validator decides."""
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return None
    except Exception:  # the validator is third-party code; never let it crash an import
        return None
    # The local part is case-sensitive by the RFC, but no mail provider treats it so, and
    # legacy lists hold 'J.Jansen@' and 'j.jansen@' for the same person: lower-case it so
    # duplicates match.
    return str(result.normalized).lower()


# --- dates ------------------------------------------------------------------------------
# --- yes / no ---------------------------------------------------------------------------

_YES = frozenset(
    {
        *["ja", "j", "x", "1", "yes", "y", "akkoord", "true", "waar", "wel", "ok", "oke"],
        *["oké", "okay", "graag", "gegeven"],
        *["✓", "✔", "☑", "✅", "1.0"],
        "ja graag",
        "ja, graag",
        "toestemming gegeven",
    }
)
_NO = frozenset(
    {
        *["nee", "n", "0", "no", "neen", "false", "onwaar", "niet", "nooit", "✗", "✘", "0.0"],
        "liever niet",
        "nee, liever niet",
        "nee dank",
        "nee bedankt",
        "geen toestemming",
    }
)


def parse_yes_no(value: object) -> bool | None:
    """A checkbox-like cell as True/False; None when empty or not clearly yes or no."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Real):
        if value == 1:
            return True
        if value == 0:
            return False
        return None
    text = clean_text(value)
    if text is None or len(text) > 40:
        return None
    key = text.casefold().rstrip(".!")
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


# --- street and house number ------------------------------------------------------------

_NUMBER_WORD = re.compile(r"^(nr|no|nummer|huisnummer)\.?$", re.IGNORECASE)
_GLUED = re.compile(r"^(.*[^\W\d_].*?[^\W\d_.])\.?(\d+.*)$")
# Trailing parts that belong to the house number: '12 hs', '12 bis', '12 III', '12 3 hoog'.
_ADDITION = re.compile(
    r"^(?:[a-z]{1,3}\.?|[ivx]{1,4}|bis|huis|boven|beneden|achter|voor|hoog|rood|zwart|"
    r"zw|bg|hs|ab|\d{1,4}[a-z]{0,4}\.?|[-/]\S{1,6}|\S{1,6}-\S{1,6})$",
    re.IGNORECASE,
)
_FLOOR = re.compile(r"^(hoog|hg|boven|beneden|bg|hs|huis|[ivx]{1,4})\.?$", re.IGNORECASE)


def _is_addition(tokens: list[str]) -> bool:
    return len(tokens) <= 3 and all(_ADDITION.match(tok) for tok in tokens)


def split_street_house(value: object) -> tuple[str | None, str | None]:
    """'Kerkstraat 12a' -> ('Kerkstraat', '12a'); no house number -> (street, None)."""
    text = clean_text(value)
    if text is None:
        return None, None
    text = text.replace(",", " ")
    tokens = text.split()
    if not tokens:
        return None, None
    start: int | None = None
    # The last number-led token whose tail looks like an addition: '2e Hugo de Grootstraat
    # 5 hs' has a number in the street name, the house number comes after it.
    for index in range(len(tokens) - 1, 0, -1):
        if tokens[index][0].isdigit() and _is_addition(tokens[index + 1 :]):
            start = index
            break
    if start is None:
        glued = _GLUED.match(tokens[-1])
        if glued and len(tokens[-1]) <= 60:  # 'Kerkstraat12a'
            street = " ".join([*tokens[:-1], glued.group(1)])
            return street, glued.group(2)
        return " ".join(tokens), None
    # '12 3 hoog': the floor number belongs with the house number, but 'Plein 1813 5' keeps
    # the year in the street name.
    before = tokens[start - 1]
    if (
        start >= 2
        and before.isdigit()
        and len(before) <= 4
        and not re.fullmatch(r"1[89]\d\d|20\d\d", before)
        and any(_FLOOR.match(tok) for tok in tokens[start + 1 :])
    ):
        start -= 1
    street_tokens = tokens[:start]
    if len(street_tokens) > 1 and _NUMBER_WORD.match(street_tokens[-1]):
        street_tokens = street_tokens[:-1]
    return " ".join(street_tokens) or None, " ".join(tokens[start:])
