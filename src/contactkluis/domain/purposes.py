"""The purpose register: why the institution holds personal data, on which legal basis, how long.

The register is configurable (stored in the vault as JSON); `DEFAULT_PURPOSES` is what a new
vault starts with. Retention, mailing and the art. 30 register all read their rules from here.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from contactkluis.domain.messages import CodedError, localized


@dataclass(frozen=True, slots=True)
class Message:
    """A user-facing statement with a stable code, in Dutch and English."""

    code: str
    text_nl: str
    text_en: str

    def text(self, lang: str = "nl") -> str:
        return localized(self.text_nl, self.text_en, lang)


class RuleError(CodedError, ValueError):
    """A rule of the AVG domain was broken: a code and its text in both languages.

    The texts are composed where the rule breaks (they name the purpose), so they travel
    with the error instead of sitting in the catalogue; str() is the Dutch text.
    """

    default_language = "nl"

    def __init__(self, code: str, text_nl: str, text_en: str) -> None:
        self.text_nl = text_nl
        self.text_en = text_en
        super().__init__(code)

    def message(self, lang: str | None = None) -> str:
        return localized(self.text_nl, self.text_en, lang)


def add_months(d: date, months: int) -> date:
    """Calendar arithmetic; a day past the end of the target month clamps (31 jan + 1 -> 28 feb)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


class LegalBasis(StrEnum):
    TOESTEMMING = "toestemming"
    OVEREENKOMST = "overeenkomst"
    WETTELIJKE_VERPLICHTING = "wettelijke_verplichting"
    GERECHTVAARDIGD_BELANG = "gerechtvaardigd_belang"

    @property
    def label_nl(self) -> str:
        return _BASIS_TEXT[self][0]

    @property
    def label_en(self) -> str:
        return _BASIS_TEXT[self][1]

    @property
    def letter(self) -> str:
        """The letter of AVG art. 6(1) this basis is."""
        return _BASIS_TEXT[self][2]

    @property
    def article_nl(self) -> str:
        return f"art. 6 lid 1 sub {self.letter} AVG"

    @property
    def article_en(self) -> str:
        return f"GDPR Art. 6(1)({self.letter})"


_BASIS_TEXT: dict[LegalBasis, tuple[str, str, str]] = {
    LegalBasis.TOESTEMMING: ("Toestemming", "Consent", "a"),
    LegalBasis.OVEREENKOMST: ("Uitvoering van een overeenkomst", "Performance of a contract", "b"),
    LegalBasis.WETTELIJKE_VERPLICHTING: ("Wettelijke verplichting", "Legal obligation", "c"),
    LegalBasis.GERECHTVAARDIGD_BELANG: ("Gerechtvaardigd belang", "Legitimate interests", "f"),
}


class RetentionAnchor(StrEnum):
    CONSENT = "consent"  # kept while consent stands
    RELATION_END = "relation_end"  # counted from the end of the relation (e.g. membership)
    LAST_ACTIVITY = "last_activity"  # counted from the last visit, booking, purchase or gift


def _term_nl(years: int, months: int) -> str:
    parts = []
    if years:
        parts.append(f"{years} jaar")
    if months:
        parts.append(f"{months} maand" if months == 1 else f"{months} maanden")
    return " en ".join(parts)


def _term_en(years: int, months: int) -> str:
    parts = []
    if years:
        parts.append(f"{years} year" if years == 1 else f"{years} years")
    if months:
        parts.append(f"{months} month" if months == 1 else f"{months} months")
    return " and ".join(parts)


@dataclass(frozen=True, slots=True)
class RetentionRule:
    anchor: RetentionAnchor
    years: int = 0
    months: int = 0

    def __post_init__(self) -> None:
        if self.years < 0 or self.months < 0:
            raise RuleError(
                "negative_term",
                "Een bewaartermijn kan niet negatief zijn.",
                "A retention term cannot be negative.",
            )

    @property
    def has_term(self) -> bool:
        return bool(self.years or self.months)

    def add_to(self, d: date) -> date:
        return add_months(d, self.years * 12 + self.months)

    def term_nl(self) -> str:
        """'2 jaar', '1 jaar en 6 maanden'; empty when there is no term."""
        return _term_nl(self.years, self.months)

    def term_en(self) -> str:
        return _term_en(self.years, self.months)

    def describe_nl(self) -> str:
        term = self.term_nl()
        if self.anchor is RetentionAnchor.CONSENT:
            base = "Zolang de toestemming geldt"
            return f"{base}; na intrekking nog {term}" if term else base
        if self.anchor is RetentionAnchor.RELATION_END:
            return f"{term} na het einde van de relatie" if term else "Tot het einde van de relatie"
        return f"{term} na de laatste activiteit" if term else "Tot de laatste activiteit"

    def describe_en(self) -> str:
        term = self.term_en()
        if self.anchor is RetentionAnchor.CONSENT:
            base = "While consent stands"
            return f"{base}; {term} after withdrawal" if term else base
        if self.anchor is RetentionAnchor.RELATION_END:
            return f"{term} after the relation ends" if term else "Until the relation ends"
        return f"{term} after the last activity" if term else "Until the last activity"


@dataclass(frozen=True, slots=True)
class Purpose:
    code: str
    label_nl: str
    label_en: str
    basis: LegalBasis
    rule: RetentionRule
    marketing: bool = False  # direct marketing: consent or soft opt-in needed to e-mail
    description_nl: str = ""
    description_en: str = ""
    data_categories: tuple[str, ...] = ()
    people_categories: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    # Promotes the institution's own products similar to what it sells, so the
    # Telecommunicatiewet art. 11.7 customer exception (soft opt-in) may apply.
    soft_opt_in: bool = False
    retention_note_nl: str = ""  # why the term is what it is, e.g. "fiscale bewaarplicht"
    retention_note_en: str = ""

    def retention_nl(self) -> str:
        text = self.rule.describe_nl()
        return f"{text} ({self.retention_note_nl})" if self.retention_note_nl else text

    def retention_en(self) -> str:
        text = self.rule.describe_en()
        return f"{text} ({self.retention_note_en})" if self.retention_note_en else text


_COMMON_CONTACT = ("naam", "e-mailadres")

DEFAULT_PURPOSES: tuple[Purpose, ...] = (
    Purpose(
        code="nieuwsbrief",
        label_nl="Nieuwsbrief",
        label_en="Newsletter",
        basis=LegalBasis.TOESTEMMING,
        rule=RetentionRule(RetentionAnchor.CONSENT),
        marketing=True,
        description_nl="Versturen van de nieuwsbrief over programma en activiteiten.",
        description_en="Sending the newsletter about the programme and activities.",
        data_categories=(*_COMMON_CONTACT, "toestemmingsbewijs"),
        people_categories=("nieuwsbriefabonnees",),
        recipients=("e-mailverzendprovider (verwerker)",),
        soft_opt_in=True,
    ),
    Purpose(
        code="uitnodigingen",
        label_nl="Uitnodigingen",
        label_en="Invitations",
        basis=LegalBasis.TOESTEMMING,
        rule=RetentionRule(RetentionAnchor.CONSENT),
        marketing=True,
        description_nl="Uitnodigen voor openingen, voorstellingen en bijeenkomsten.",
        description_en="Inviting people to openings, performances and events.",
        data_categories=(*_COMMON_CONTACT, "adres", "toestemmingsbewijs"),
        people_categories=("genodigden", "relaties"),
        recipients=("e-mailverzendprovider (verwerker)", "drukker (verwerker)"),
        soft_opt_in=True,
    ),
    Purpose(
        code="vrienden",
        label_nl="Vriendenadministratie",
        label_en="Friends membership",
        basis=LegalBasis.OVEREENKOMST,
        rule=RetentionRule(RetentionAnchor.RELATION_END, years=2),
        description_nl=(
            "Administratie van het vriendenlidmaatschap: contributie, pas, vriendenpost."
        ),
        description_en="Administering the friends membership: fees, card, members' mailings.",
        data_categories=(*_COMMON_CONTACT, "adres", "telefoonnummer", "lidmaatschapsgegevens"),
        people_categories=("vrienden (leden)",),
        recipients=("bank (incasso)", "drukker (verwerker)"),
    ),
    Purpose(
        code="giften",
        label_nl="Giftenadministratie",
        label_en="Donations",
        basis=LegalBasis.WETTELIJKE_VERPLICHTING,
        rule=RetentionRule(RetentionAnchor.LAST_ACTIVITY, years=7),
        description_nl="Vastleggen van giften voor de financiële en fiscale administratie.",
        description_en="Recording donations for the financial and tax records.",
        data_categories=(*_COMMON_CONTACT, "adres", "giften (datum, bedrag)"),
        people_categories=("donateurs",),
        recipients=("accountant", "Belastingdienst (op verzoek)"),
        retention_note_nl="fiscale bewaarplicht, art. 52 AWR",
        retention_note_en="tax record-keeping duty, Art. 52 AWR",
    ),
    Purpose(
        code="groepsbezoek",
        label_nl="Groepsbezoeken",
        label_en="Group visits",
        basis=LegalBasis.OVEREENKOMST,
        rule=RetentionRule(RetentionAnchor.LAST_ACTIVITY, years=1),
        description_nl="Boeken en begeleiden van groepsbezoeken en rondleidingen.",
        description_en="Booking and hosting group visits and guided tours.",
        data_categories=(*_COMMON_CONTACT, "telefoonnummer", "organisatie", "boekingen"),
        people_categories=("contactpersonen van groepen",),
        recipients=("rondleiders",),
    ),
    Purpose(
        code="kassa",
        label_nl="Kassa en klanten",
        label_en="Ticketing and customers",
        # The sale itself is a contract; keeping the customer for two years after the last
        # visit (service, soft opt-in) rests on the institution's legitimate interest.
        basis=LegalBasis.GERECHTVAARDIGD_BELANG,
        rule=RetentionRule(RetentionAnchor.LAST_ACTIVITY, years=2),
        description_nl=(
            "Verkoop van tickets en producten (overeenkomst) en daarna de klantrelatie "
            "(gerechtvaardigd belang)."
        ),
        description_en=(
            "Selling tickets and products (contract) and afterwards the customer relationship "
            "(legitimate interests)."
        ),
        data_categories=(*_COMMON_CONTACT, "aankopen en bezoeken"),
        people_categories=("bezoekers", "klanten"),
        recipients=("kassasysteem-leverancier (verwerker)",),
    ),
)


def purposes_by_code(purposes: Iterable[Purpose]) -> dict[str, Purpose]:
    return {p.code: p for p in purposes}


# ---------------------------------------------------------------- JSON (stored in the vault)

JSON_VERSION = 1
_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def _purpose_to_dict(p: Purpose) -> dict[str, Any]:
    return {
        "code": p.code,
        "label_nl": p.label_nl,
        "label_en": p.label_en,
        "basis": p.basis.value,
        "rule": {"anchor": p.rule.anchor.value, "years": p.rule.years, "months": p.rule.months},
        "marketing": p.marketing,
        "soft_opt_in": p.soft_opt_in,
        "description_nl": p.description_nl,
        "description_en": p.description_en,
        "data_categories": list(p.data_categories),
        "people_categories": list(p.people_categories),
        "recipients": list(p.recipients),
        "retention_note_nl": p.retention_note_nl,
        "retention_note_en": p.retention_note_en,
    }


def purposes_to_json(purposes: Sequence[Purpose]) -> str:
    payload = {"version": JSON_VERSION, "purposes": [_purpose_to_dict(p) for p in purposes]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _bad(n: int | str, what_nl: str, what_en: str, code: str = "invalid_purpose") -> RuleError:
    return RuleError(code, f"Doel {n}: {what_nl}", f"Purpose {n}: {what_en}")


def _text(raw: Mapping[str, Any], key: str, n: int, *, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise _bad(n, f"'{key}' moet tekst zijn.", f"'{key}' must be text.")
    if required and not value.strip():
        raise _bad(n, f"'{key}' ontbreekt.", f"'{key}' is missing.", "missing_field")
    return value


def _texts(raw: Mapping[str, Any], key: str, n: int) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(
            n, f"'{key}' moet een lijst met teksten zijn.", f"'{key}' must be a list of text."
        )
    return tuple(value)


def _flag(raw: Mapping[str, Any], key: str, n: int) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise _bad(n, f"'{key}' moet waar of onwaar zijn.", f"'{key}' must be true or false.")
    return value


def _term(rule: Mapping[str, Any], key: str, n: int | str) -> int:
    value = rule.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(
            n,
            f"termijn '{key}' moet een geheel getal zijn.",
            f"term '{key}' must be a whole number.",
        )
    if value < 0:
        raise _bad(
            n,
            f"bewaartermijn '{key}' is negatief ({value}).",
            f"retention term '{key}' is negative ({value}).",
            "negative_term",
        )
    if value > 100 * 12:
        raise _bad(
            n,
            f"bewaartermijn '{key}' is onredelijk lang.",
            f"retention term '{key}' is unreasonably long.",
        )
    return value


def _purpose_from_dict(raw: Any, n: int) -> Purpose:
    if not isinstance(raw, dict):
        raise _bad(n, "moet een object zijn.", "must be an object.")
    code = _text(raw, "code", n, required=True)
    if not _CODE_RE.match(code):
        raise _bad(
            n,
            "code mag alleen kleine letters, cijfers, '-' en '_' bevatten (max. 40).",
            "code may only hold lower-case letters, digits, '-' and '_' (max. 40).",
            "invalid_code",
        )
    where = f"{n} ('{code}')"
    basis_raw = raw.get("basis")
    if basis_raw not in {b.value for b in LegalBasis}:
        choices = ", ".join(b.value for b in LegalBasis)
        raise _bad(
            where,
            f"onbekende grondslag {basis_raw!r} (kies uit {choices}).",
            f"unknown legal basis {basis_raw!r} (choose from {choices}).",
            "unknown_basis",
        )
    basis = LegalBasis(str(basis_raw))
    rule_raw = raw.get("rule")
    if not isinstance(rule_raw, dict):
        raise _bad(
            where,
            "bewaarregel ('rule') ontbreekt.",
            "retention rule ('rule') is missing.",
            "missing_field",
        )
    anchor_raw = rule_raw.get("anchor")
    if anchor_raw not in {a.value for a in RetentionAnchor}:
        raise _bad(
            where,
            f"onbekend ankerpunt {anchor_raw!r} voor de bewaartermijn.",
            f"unknown retention anchor {anchor_raw!r}.",
            "unknown_anchor",
        )
    anchor = RetentionAnchor(str(anchor_raw))
    rule = RetentionRule(anchor, _term(rule_raw, "years", where), _term(rule_raw, "months", where))
    if anchor is RetentionAnchor.CONSENT and basis is not LegalBasis.TOESTEMMING:
        raise _bad(
            where,
            "'bewaren zolang de toestemming geldt' past alleen bij de grondslag toestemming.",
            "'keep while consent stands' only fits the legal basis consent.",
            "anchor_basis_mismatch",
        )
    return Purpose(
        code=code,
        label_nl=_text(raw, "label_nl", n, required=True),
        label_en=_text(raw, "label_en", n) or _text(raw, "label_nl", n),
        basis=basis,
        rule=rule,
        marketing=_flag(raw, "marketing", n),
        soft_opt_in=_flag(raw, "soft_opt_in", n),
        description_nl=_text(raw, "description_nl", n),
        description_en=_text(raw, "description_en", n),
        data_categories=_texts(raw, "data_categories", n),
        people_categories=_texts(raw, "people_categories", n),
        recipients=_texts(raw, "recipients", n),
        retention_note_nl=_text(raw, "retention_note_nl", n),
        retention_note_en=_text(raw, "retention_note_en", n),
    )


def purposes_from_json(text: str) -> tuple[Purpose, ...]:
    """Load and validate a purpose register; any flaw raises RuleError (a ValueError)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleError(
            "invalid_json",
            f"Het doelenregister is geen geldige JSON (regel {exc.lineno}).",
            f"The purpose register is not valid JSON (line {exc.lineno}).",
        ) from None
    items = data.get("purposes") if isinstance(data, dict) else data
    if isinstance(data, dict) and data.get("version", JSON_VERSION) != JSON_VERSION:
        raise RuleError(
            "unknown_version",
            f"Onbekende versie van het doelenregister: {data.get('version')!r}.",
            f"Unknown purpose register version: {data.get('version')!r}.",
        )
    if not isinstance(items, list):
        raise RuleError(
            "invalid_register",
            "Het doelenregister moet een lijst met doelen bevatten.",
            "The purpose register must hold a list of purposes.",
        )
    purposes = tuple(_purpose_from_dict(raw, n) for n, raw in enumerate(items, start=1))
    seen: set[str] = set()
    for p in purposes:
        if p.code in seen:
            raise RuleError(
                "duplicate_code",
                f"Het doel '{p.code}' staat meer dan eens in het register.",
                f"The purpose '{p.code}' appears more than once in the register.",
            )
        seen.add(p.code)
    return purposes
