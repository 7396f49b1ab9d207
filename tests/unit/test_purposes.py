"""The purpose register: defaults, calendar arithmetic, and the JSON the vault stores."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contactkluis.domain.contact import RELATION_PURPOSE, RelationKind
from contactkluis.domain.messages import format_date
from contactkluis.domain.purposes import (
    DEFAULT_PURPOSES,
    LegalBasis,
    Purpose,
    RetentionAnchor,
    RetentionRule,
    RuleError,
    add_months,
    purposes_by_code,
    purposes_from_json,
    purposes_to_json,
)

DEFAULTS = purposes_by_code(DEFAULT_PURPOSES)


@pytest.mark.parametrize(
    ("basis", "letter", "nl", "en"),
    [
        (LegalBasis.TOESTEMMING, "a", "Toestemming", "Consent"),
        (
            LegalBasis.OVEREENKOMST,
            "b",
            "Uitvoering van een overeenkomst",
            "Performance of a contract",
        ),
        (LegalBasis.WETTELIJKE_VERPLICHTING, "c", "Wettelijke verplichting", "Legal obligation"),
        (LegalBasis.GERECHTVAARDIGD_BELANG, "f", "Gerechtvaardigd belang", "Legitimate interests"),
    ],
)
def test_legal_basis_labels_and_article_letter(
    basis: LegalBasis, letter: str, nl: str, en: str
) -> None:
    assert basis.letter == letter
    assert basis.label_nl == nl
    assert basis.label_en == en
    assert basis.article_nl == f"art. 6 lid 1 sub {letter} AVG"
    assert basis.article_en == f"GDPR Art. 6(1)({letter})"


@pytest.mark.parametrize(
    ("code", "basis", "anchor", "years", "marketing"),
    [
        ("nieuwsbrief", LegalBasis.TOESTEMMING, RetentionAnchor.CONSENT, 0, True),
        ("uitnodigingen", LegalBasis.TOESTEMMING, RetentionAnchor.CONSENT, 0, True),
        ("vrienden", LegalBasis.OVEREENKOMST, RetentionAnchor.RELATION_END, 2, False),
        ("giften", LegalBasis.WETTELIJKE_VERPLICHTING, RetentionAnchor.LAST_ACTIVITY, 7, False),
        ("groepsbezoek", LegalBasis.OVEREENKOMST, RetentionAnchor.LAST_ACTIVITY, 1, False),
        ("kassa", LegalBasis.GERECHTVAARDIGD_BELANG, RetentionAnchor.LAST_ACTIVITY, 2, False),
    ],
)
def test_default_purposes(
    code: str, basis: LegalBasis, anchor: RetentionAnchor, years: int, marketing: bool
) -> None:
    p = DEFAULTS[code]
    assert p.basis is basis
    assert p.rule == RetentionRule(anchor, years=years)
    assert p.marketing is marketing
    assert p.label_nl and p.label_en and p.description_nl and p.description_en
    assert p.data_categories and p.people_categories


def test_every_relation_kind_has_a_default_purpose() -> None:
    # Except "doel onbekend": a list nobody could place has no purpose until someone decides.
    known = {p for k, p in RELATION_PURPOSE.items() if k is not RelationKind.ONBEKEND}
    assert known <= set(DEFAULTS)
    assert RELATION_PURPOSE[RelationKind.ONBEKEND] not in DEFAULTS


def test_gifts_retention_names_the_fiscal_duty() -> None:
    assert DEFAULTS["giften"].retention_nl() == (
        "7 jaar na de laatste activiteit (fiscale bewaarplicht, art. 52 AWR)"
    )


@pytest.mark.parametrize(
    ("rule", "nl", "en"),
    [
        (
            RetentionRule(RetentionAnchor.CONSENT),
            "Zolang de toestemming geldt",
            "While consent stands",
        ),
        (
            RetentionRule(RetentionAnchor.CONSENT, months=1),
            "Zolang de toestemming geldt; na intrekking nog 1 maand",
            "While consent stands; 1 month after withdrawal",
        ),
        (
            RetentionRule(RetentionAnchor.RELATION_END, years=2),
            "2 jaar na het einde van de relatie",
            "2 years after the relation ends",
        ),
        (
            RetentionRule(RetentionAnchor.LAST_ACTIVITY, years=1, months=6),
            "1 jaar en 6 maanden na de laatste activiteit",
            "1 year and 6 months after the last activity",
        ),
        (
            RetentionRule(RetentionAnchor.RELATION_END),
            "Tot het einde van de relatie",
            "Until the relation ends",
        ),
    ],
)
def test_rule_descriptions(rule: RetentionRule, nl: str, en: str) -> None:
    assert rule.describe_nl() == nl
    assert rule.describe_en() == en


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2019, 12, 1), 24, date(2021, 12, 1)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),  # leap day + 1 year
        (date(2020, 2, 29), 48, date(2024, 2, 29)),
        (date(2021, 1, 31), 1, date(2021, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2021, 3, 31), 1, date(2021, 4, 30)),
        (date(2021, 12, 15), 1, date(2022, 1, 15)),
        (date(2021, 5, 5), 0, date(2021, 5, 5)),
    ],
)
def test_add_months_uses_calendar_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_dates_show_as_dd_mm_jjjj() -> None:
    assert format_date(date(2021, 4, 3), "nl") == "03-04-2021"


def test_negative_rule_is_refused() -> None:
    with pytest.raises(RuleError) as err:
        RetentionRule(RetentionAnchor.LAST_ACTIVITY, years=-1)
    assert err.value.code == "negative_term"


# ---------------------------------------------------------------- JSON


def test_defaults_round_trip_through_json() -> None:
    assert purposes_from_json(purposes_to_json(DEFAULT_PURPOSES)) == DEFAULT_PURPOSES


def test_a_bare_list_is_accepted() -> None:
    data = json.loads(purposes_to_json(DEFAULT_PURPOSES))["purposes"]
    assert purposes_from_json(json.dumps(data)) == DEFAULT_PURPOSES


def _one(**changes: object) -> str:
    raw = json.loads(purposes_to_json(DEFAULT_PURPOSES[2:3]))
    raw["purposes"][0].update(changes)
    return json.dumps(raw)


def _with_rule(**rule: object) -> str:
    raw = json.loads(purposes_to_json(DEFAULT_PURPOSES[2:3]))
    raw["purposes"][0]["rule"].update(rule)
    return json.dumps(raw)


@pytest.mark.parametrize(
    ("text", "code", "fragment"),
    [
        (_one(basis="belang"), "unknown_basis", "onbekende grondslag 'belang'"),
        (_with_rule(years=-2), "negative_term", "negatief"),
        (_with_rule(months=-1), "negative_term", "negatief"),
        (_with_rule(years=True), "invalid_purpose", "geheel getal"),
        (_with_rule(years="2"), "invalid_purpose", "geheel getal"),
        (_with_rule(anchor="forever"), "unknown_anchor", "ankerpunt"),
        (_with_rule(anchor="consent"), "anchor_basis_mismatch", "toestemming"),
        (_one(rule=None), "missing_field", "bewaarregel"),
        (_one(code="Vrienden!"), "invalid_code", "kleine letters"),
        (_one(code=""), "missing_field", "'code' ontbreekt"),
        (_one(label_nl=""), "missing_field", "'label_nl' ontbreekt"),
        (_one(marketing="ja"), "invalid_purpose", "waar of onwaar"),
        (_one(recipients="bank"), "invalid_purpose", "lijst"),
        (_one(label_en=3), "invalid_purpose", "tekst"),
        ("{not json", "invalid_json", "geen geldige JSON"),
        ('{"version": 1, "purposes": {}}', "invalid_register", "lijst"),
        ('{"version": 9, "purposes": []}', "unknown_version", "versie"),
        ('["vrienden"]', "invalid_purpose", "object"),
    ],
)
def test_invalid_register_is_refused_with_a_clear_message(
    text: str, code: str, fragment: str
) -> None:
    with pytest.raises(ValueError) as err:
        purposes_from_json(text)
    assert isinstance(err.value, RuleError)
    assert err.value.code == code
    assert fragment in str(err.value)
    assert err.value.text_en and err.value.text_en != err.value.text_nl


def test_error_names_the_purpose_it_is_about() -> None:
    with pytest.raises(RuleError, match=r"Doel 1 \('vrienden'\)"):
        purposes_from_json(_one(basis="belang"))


def test_duplicate_codes_are_refused() -> None:
    text = purposes_to_json((DEFAULTS["vrienden"], DEFAULTS["kassa"], DEFAULTS["vrienden"]))
    with pytest.raises(RuleError) as err:
        purposes_from_json(text)
    assert err.value.code == "duplicate_code"
    assert "'vrienden'" in str(err.value)


def test_missing_optional_fields_take_defaults() -> None:
    text = json.dumps(
        [
            {
                "code": "lezingen",
                "label_nl": "Lezingen",
                "basis": "overeenkomst",
                "rule": {"anchor": "last_activity", "months": 6},
            }
        ]
    )
    (p,) = purposes_from_json(text)
    assert p == Purpose(
        code="lezingen",
        label_nl="Lezingen",
        label_en="Lezingen",
        basis=LegalBasis.OVEREENKOMST,
        rule=RetentionRule(RetentionAnchor.LAST_ACTIVITY, months=6),
    )


_words = st.text(alphabet="abcdeéëfgh ij", min_size=1, max_size=12).filter(lambda s: s.strip())


@st.composite
def _purposes(draw: st.DrawFn) -> tuple[Purpose, ...]:
    codes = draw(
        st.lists(st.from_regex(r"[a-z][a-z0-9_-]{0,10}", fullmatch=True), unique=True, max_size=5)
    )
    result = []
    for code in codes:
        anchor = draw(st.sampled_from(RetentionAnchor))
        basis = (
            LegalBasis.TOESTEMMING
            if anchor is RetentionAnchor.CONSENT
            else draw(st.sampled_from(LegalBasis))
        )
        result.append(
            Purpose(
                code=code,
                label_nl=draw(_words),
                label_en=draw(_words),
                basis=basis,
                rule=RetentionRule(anchor, draw(st.integers(0, 30)), draw(st.integers(0, 11))),
                marketing=draw(st.booleans()),
                soft_opt_in=draw(st.booleans()),
                description_nl=draw(st.text(max_size=20)),
                data_categories=tuple(draw(st.lists(_words, max_size=3))),
                recipients=tuple(draw(st.lists(_words, max_size=2))),
            )
        )
    return tuple(result)


@given(_purposes())
def test_any_valid_register_round_trips(purposes: tuple[Purpose, ...]) -> None:
    assert purposes_from_json(purposes_to_json(purposes)) == purposes
