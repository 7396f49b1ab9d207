"""The import's shortcuts give exactly what the slow, general code gives.

Every fast path in the migration answers only inputs it is sure of and hands the rest to
the reference code (email-validator, phonenumbers, the general text cleaner). These
properties hold the shortcuts to that: on realistic Dutch data and on arbitrary input,
the shortcut either declines (None) or agrees with the reference.
"""

from __future__ import annotations

import datetime
import decimal
import fractions
import re
import unicodedata

import phonenumbers
from hypothesis import example, given, settings
from hypothesis import strategies as st

from contactkluis.domain import dates, names, normalize, special
from contactkluis.domain.contact import PersonName
from contactkluis.migration import pipeline, table

# -- generators ---------------------------------------------------------------------------

_ODD_CHARS = (
    " \t\n\r\x0b\x0c\x00\x1f\x7f\x85\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u2028\u3000éëïÿ"
)
odd_text = st.text(alphabet=st.sampled_from(list("ab Z09.-'") + list(_ODD_CHARS)), max_size=30)
any_text = st.one_of(st.text(max_size=60), odd_text)

cells = st.one_of(
    st.none(),
    any_text,
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=1e12).map(float.__floor__).map(float),
    st.datetimes(),
    st.datetimes(timezones=st.just(datetime.UTC)),
    st.dates(),
    st.times(),
    st.decimals(allow_nan=False),
    st.fractions(),
)

_AREAS = ["6", "20", "10", "30", "70", "85", "88", "800", "900", "97", "91", "31"]
# Dutch numbers as people type them: national, +31, 0031, with spaces, hyphens, dots, slashes.
_NSN = st.one_of(
    st.integers(min_value=100_000_000, max_value=999_999_999).map(str),
    st.sampled_from(_AREAS).flatmap(
        lambda head: st.integers(min_value=0, max_value=10 ** (9 - len(head)) - 1).map(
            lambda tail: head + str(tail).zfill(9 - len(head))
        )
    ),
    st.text(alphabet="0123456789", min_size=1, max_size=12),
)


@st.composite
def dutch_phones(draw: st.DrawFn) -> str:
    nsn = draw(_NSN)
    prefix = draw(st.sampled_from(["0", "+31", "0031", "", "+31 ", "0031 ", "+31 (0)", "31", "00"]))
    digits = prefix + nsn
    out: list[str] = []
    for ch in digits:
        out.append(ch)
        if ch.isdigit() and draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from([" ", "-", ".", "/", "  ", " - ", "–"])))
    return "".join(out).strip()


phone_texts = st.one_of(
    dutch_phones(),
    st.text(alphabet="0123456789 +-./()", max_size=20),
    st.text(max_size=25),
)

_LOCAL_ALPHABET = "abcXYZ019._%+-!#$&'*/=?^`{|}~\"(),:;<>@[\\] é"
_LABELS = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCZ0123456789-", min_size=1, max_size=12),
    st.sampled_from(["xn--bcher-kva", "a--b", "ab--c", "-a", "a-", "x" * 64, "bücher", "ex"]),
)
_TLDS = st.one_of(
    st.sampled_from(
        [
            "nl",
            "NL",
            "com",
            "org",
            "test",
            "local",
            "localhost",
            "onion",
            "invalid",
            "arpa",
            "example",
            "123",
            "n1",
            "museum",
            "x" * 64,
            "Invalid",
            "TEST",
        ]
    ),
    st.text(alphabet="abcxyz0-", min_size=1, max_size=6),
)


@st.composite
def addresses(draw: st.DrawFn) -> str:
    local = draw(
        st.one_of(
            st.sampled_from(
                [
                    "jan",
                    "Jan.Jansen",
                    "info",
                    "INFO",
                    "PostMaster",
                    "j_p+tag",
                    "a%b",
                    "a..b",
                    ".a",
                    "a.",
                    "o'brien",
                    "x" * 70,
                    '"q"',
                    "ab-c",
                ]
            ),
            st.text(alphabet=_LOCAL_ALPHABET, min_size=0, max_size=20),
        )
    )
    labels = draw(st.lists(_LABELS, min_size=0, max_size=4))
    domain = ".".join([*labels, draw(_TLDS)])
    if draw(st.integers(0, 9)) == 0:
        domain = "a" * draw(st.integers(200, 260)) + "." + domain
    return f"{local}@{domain}"


email_texts = st.one_of(addresses(), st.text(max_size=40))

_FIRSTS = [
    "Jan",
    "PIET",
    "marie",
    "Anne-Marie",
    "IJsbrand",
    "Jan Peter",
    "J.",
    "J.P.",
    "jp",
    "Th.",
    "Émile",
    "Zoë",
    "Jan en Marie",
    "test",
    "O'brien",
    "McDonald",
    "Dhr.",
    "A B",
]
_INFIXES = ["van", "de", "van der", "VAN DEN", "v.d.", "ter", "'t", "in 't", "De", "von", "d'"]
_LASTS = [
    "Jansen",
    "de Vries",
    "VRIES, DE",
    "Vries de",
    "Jansen-de Vries",
    "el Amrani",
    "bakker",
    "Müller",
    "Vriës",
    "Dijk, van",
    "van der Berg",
    "JANSEN-DE VRIES",
    "Heer",
]
name_cells = st.one_of(st.none(), st.sampled_from(_FIRSTS + _INFIXES + _LASTS), cells)


# -- clean_text ---------------------------------------------------------------------------


@given(cells)
@settings(max_examples=800)
@example("  Jan   de  Vries ")
@example("a\u00a0b")
@example("zero\u200bwidth")
@example("")
@example(" ")
@example(12.0)
@example(-0.0)
@example(1e300)
@example(2.5e-07)
def test_clean_text_equals_the_reference(value: object) -> None:
    assert normalize.clean_text(value) == normalize._clean_text_reference(value)


def test_clean_text_of_a_clean_cell_is_the_cell_itself() -> None:
    text = "Kerkstraat 12"
    assert normalize.clean_text(text) is text


# -- e-mail -------------------------------------------------------------------------------


@given(email_texts)
@settings(max_examples=1500)
@example("Jan.Jansen@Voorbeeld.NL")
@example("info@example.test")
@example("jan@sub.localhost")
@example("jan@a--b.nl")
@example("jan@xn--bcher-kva.ch")
@example("jan@mail.123")
def testplain_email_agrees_with_email_validator(text: str) -> None:
    fast = normalize.plain_email(text)
    if fast is not None:
        assert fast == normalize._email_by_validator(text)


def testplain_email_takes_plain_addresses() -> None:
    # The shortcut must actually serve the common case, or it buys nothing.
    assert normalize.plain_email("J.de.Vries+museum@Voorbeeld.NL") == (
        "j.de.vries+museum@voorbeeld.nl"
    )
    assert normalize.plain_email("jan@voorbeeld.test") is None  # special-use: validator says


@given(st.one_of(email_texts, cells))
@settings(max_examples=500)
def test_normalize_email_is_the_validator_reading(value: object) -> None:
    # normalize_email = shared clean-up + (shortcut or validator); with the shortcut agreeing
    # above, the composed result is the validator's. Here: the result is lower-case and
    # valid per email-validator whenever there is one.
    result = normalize.normalize_email(value)
    if result is not None:
        assert result == result.lower()
        assert normalize._email_by_validator(result) == result


# -- phone numbers ------------------------------------------------------------------------


@given(phone_texts)
@settings(max_examples=2000)
@example("06-12345678")
@example("0031 6 12345678")
@example("+31 20 1234567")
@example("612345678")
@example("319123456")
@example("0800-1234")
def test_fast_phone_agrees_with_phonenumbers(text: str) -> None:
    fast = normalize.plain_nl_phone(text)
    if fast is not None:
        assert fast == normalize._phone_by_phonenumbers(text, "NL")


@given(_NSN)
@settings(max_examples=2000)
def test_nl_validity_is_phonenumbers_validity(nsn: str) -> None:
    number = phonenumbers.PhoneNumber(country_code=31, national_number=int(nsn))
    expected = phonenumbers.is_valid_number(number)
    # Only a number without leading zeros is what the fast path ever asks about.
    if not nsn.startswith("0"):
        assert normalize._nl_valid(nsn) == expected


@given(
    st.one_of(
        st.integers(min_value=0, max_value=10**12),
        st.integers(min_value=0, max_value=10**12).map(float),
        st.floats(allow_nan=True),
    )
)
@settings(max_examples=500)
def test_phone_from_number_cells_agrees(value: float) -> None:
    digits = normalize._number_as_digits(value)  # type: ignore[arg-type]
    if digits is not None:
        fast = normalize.plain_nl_phone(digits)
        if fast is not None:
            assert fast == normalize._phone_by_phonenumbers(digits, "NL")


def test_fast_phone_takes_the_common_dutch_shapes() -> None:
    for text in (
        "06-12345678",
        "06 12345678",
        "+31612345678",
        "0031 6 1234 5678",
        "020-1234567",
        "612345678",
    ):
        assert normalize.plain_nl_phone(text) is not None, text
    assert normalize.normalize_phone("06-12345678") == "+31612345678"
    assert normalize.normalize_phone(612345678.0) == "+31612345678"


# -- names --------------------------------------------------------------------------------


def _reference_build_name(
    first: object, initials: object, infix: object, last: object
) -> PersonName:
    """build_name as it was before its per-string caches."""
    first_text = normalize.clean_text(first)
    infix_text = normalize.clean_text(infix)
    last_text = normalize.clean_text(last)
    initials_text = names.normalize_initials(initials)
    if last_text:
        last_text = last_text.replace(",", " ")
        moved_infix, last_text = names._split_last(names._tokens(last_text, titles=False))
        if moved_infix:
            infix_text = f"{infix_text} {moved_infix}" if infix_text else moved_infix
    if first_text:
        tokens = first_text.split()
        if all(names._is_initials(t) for t in tokens):
            initials_text = initials_text or names.normalize_initials(first_text)
            first_text = None
        else:
            given_name, derived = names._given(tokens)
            first_text = given_name
            initials_text = initials_text or derived
    return PersonName(
        first=first_text or None,
        initials=initials_text,
        infix=infix_text.lower().replace("’", "'") if infix_text else None,
        last=last_text or None,
    )


def _strip(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    ).casefold()


def _reference_name_key(name: PersonName) -> str:
    if not name.last:
        return ""
    tokens = name.last.split()
    size = names._match_infix(tokens, 0)
    if 0 < size < len(tokens):
        tokens = tokens[size:]
    return "".join(ch for ch in _strip(" ".join(tokens)) if ch.isalnum())


def _reference_compatible(a: PersonName, b: PersonName) -> bool:
    def given_names(n: PersonName) -> list[str]:
        if not n.first:
            return []
        return [_strip(p) for p in re.split(r"[\s\-]+", n.first) if p and p.lower() != "en"]

    def letters(n: PersonName) -> list[str]:
        source = n.initials or (names._initials_from_first(n.first) if n.first else None)
        if not source:
            return []
        return [f[0] for f in (_strip(p) for p in source.split(".")) if f.strip()]

    def prefix(x: list[str], y: list[str]) -> bool:
        shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
        return longer[: len(shorter)] == shorter

    key_a, key_b = _reference_name_key(a), _reference_name_key(b)
    if not key_a or key_a != key_b:
        return False
    names_a, names_b = given_names(a), given_names(b)
    if names_a and names_b:
        return prefix(names_a, names_b)
    letters_a, letters_b = letters(a), letters(b)
    if not letters_a or not letters_b:
        return True
    return prefix(letters_a, letters_b)


@given(
    name_cells,
    st.one_of(st.none(), st.sampled_from(["J.", "jp", "A B", "ij"]), any_text),
    name_cells,
    name_cells,
)
@settings(max_examples=1000)
@example("Jan Peter", None, "van", "VRIES, DE")
@example("J.P.", None, None, "Jansen-de Vries")
def test_build_name_equals_the_uncached_reference(
    first: object, initials: object, infix: object, last: object
) -> None:
    # Twice: the second call comes from the caches.
    for _ in range(2):
        assert names.build_name(first, initials, infix, last) == _reference_build_name(
            first, initials, infix, last
        )


person_names = st.builds(
    PersonName,
    first=st.one_of(st.none(), st.sampled_from(_FIRSTS), st.text(max_size=15)),
    initials=st.one_of(
        st.none(), st.sampled_from(["J.", "J.P.", "A.B.C.", "IJ."]), st.text(max_size=6)
    ),
    infix=st.one_of(st.none(), st.sampled_from(_INFIXES)),
    last=st.one_of(st.none(), st.sampled_from(_LASTS), st.text(max_size=15)),
)


@given(person_names, person_names)
@settings(max_examples=1000)
def test_name_matching_equals_the_uncached_reference(a: PersonName, b: PersonName) -> None:
    assert names.name_key(a) == _reference_name_key(a)
    assert names.names_compatible(a, b) == _reference_compatible(a, b)
    assert names.names_compatible(a, a) == _reference_compatible(a, a)


# -- placeholders and totals rows ---------------------------------------------------------


def _reference_junk_text(value: str) -> bool:
    text = " ".join(value.split()).casefold()
    if not text:
        return True
    if len(text) > 80:
        return False
    if text in special._JUNK or text.rstrip(".!") in special._JUNK:
        return True
    if not any(ch.isalnum() for ch in text):
        return True
    compact = text.replace(" ", "")
    if len(compact) >= 3 and len(set(compact)) == 1:
        return True
    if re.fullmatch(r"(test|proef|dummy|asdf)[\s\-_]*\d*", text):
        return True
    if "@" in text:
        local, _, domain = text.rpartition("@")
        root = domain.split(".")[0] if domain else ""
        return local in special._JUNK_MAIL_PARTS or root in special._JUNK_MAIL_PARTS or root == ""
    return False


@given(
    st.one_of(
        any_text,
        st.sampled_from(
            [
                "xxxx",
                "0000",
                "test 12",
                "n.v.t.",
                "-",
                "...",
                "geen@x.nl",
                "jan@voorbeeld.nl",
                "ⅷⅷⅷ",
                "_",
            ]
        ),
    )
)
@settings(max_examples=800)
def test_junk_detection_equals_the_reference(text: str) -> None:
    assert special.is_junk_value(text) == _reference_junk_text(text)


def _reference_is_totals(cells: list[object]) -> bool:
    texts = [c.strip() for c in cells if isinstance(c, str) and c.strip()]
    if texts and table._TOTAL_WORDS.match(texts[0]) and len(texts) <= 2:
        return True
    filled = [c for c in cells if c is not None and not (isinstance(c, str) and not c.strip())]
    numbers = [c for c in filled if isinstance(c, int | float) and not isinstance(c, bool)]
    return bool(filled) and len(numbers) == len(filled) and len(filled) <= 3


@given(
    st.lists(st.one_of(cells, st.sampled_from(["Totaal", " totaal: ", "Aantal", "  "])), max_size=8)
)
@settings(max_examples=800)
def test_totals_rows_equal_the_reference(row: list[object]) -> None:
    assert table._is_totals(row) == _reference_is_totals(row)  # type: ignore[arg-type]


def test_number_cells_still_make_a_totals_row() -> None:
    assert table._is_totals([None, 12, 3.5, None])
    assert table._is_totals(["Totaal", 120])
    assert not table._is_totals(["Jan", "de", "Vries"])
    assert not table._is_totals([decimal.Decimal(1), fractions.Fraction(1, 2)])  # type: ignore[list-item]


@given(
    st.datetimes(
        min_value=datetime.datetime(1900, 1, 1),
        max_value=datetime.datetime(2100, 1, 1),
        timezones=st.one_of(st.none(), st.timezones()),
    )
)
def test_a_date_cell_reads_as_parse_date_reads_it(moment: datetime.datetime) -> None:
    """Date cells are remembered per moment (one date object per day); equal aware moments
    on different days are not mixed up."""
    assert pipeline._date(moment) == dates.parse_date(moment)


def test_equal_moments_on_different_days_each_keep_their_day() -> None:
    utc = datetime.datetime(2020, 1, 1, 23, 30, tzinfo=datetime.UTC)
    east = utc.astimezone(datetime.timezone(datetime.timedelta(hours=2)))
    assert utc == east
    assert (pipeline._date(utc), pipeline._date(east)) == (
        datetime.date(2020, 1, 1),
        datetime.date(2020, 1, 2),
    )
    first = pipeline._date(datetime.datetime(2021, 5, 4, 10))
    assert first is pipeline._date(datetime.datetime(2021, 5, 4, 10))  # one object
