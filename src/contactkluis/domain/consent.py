"""Consent for one purpose, and the Dutch soft opt-in for e-mail marketing.

Consent is a history of statements (given / withdrawn), never a single boolean: the state
in force is derived from the history by fixed precedence rules, so the same history always
gives the same answer whatever order the events were stored in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from contactkluis.domain.contact import ConsentEvent, ConsentStatus, Relation, RelationKind
from contactkluis.domain.messages import register
from contactkluis.domain.purposes import Message, Purpose


class ConsentFlag(StrEnum):
    """What the GUI shows next to a purpose."""

    GIVEN = "given"
    RECONFIRM = "reconfirm"  # consent taken over from a legacy list, not yet confirmed anew
    WITHDRAWN = "withdrawn"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ConsentState:
    status: ConsentStatus
    since: date | None  # date of the statement in force
    source: str
    evidence: str
    reconfirm: bool
    history: tuple[ConsentEvent, ...]  # this purpose's events, oldest first

    def flag(self) -> ConsentFlag:
        if self.status is ConsentStatus.GIVEN:
            return ConsentFlag.RECONFIRM if self.reconfirm else ConsentFlag.GIVEN
        if self.status is ConsentStatus.WITHDRAWN:
            return ConsentFlag.WITHDRAWN
        return ConsentFlag.NONE

    @property
    def stands(self) -> bool:
        """Consent is in force (possibly still to be reconfirmed)."""
        return self.status is ConsentStatus.GIVEN


def _precedence(event: ConsentEvent) -> tuple[int, date, int, str, str, bool]:
    # Later in this order wins. On one date a withdrawal beats any consent (the safe side),
    # and a legacy consent beats a fresh one, so a legacy consent is only cleared by a fresh
    # consent on a strictly later date. Source, evidence and the legacy mark only make the
    # order total (two withdrawals may differ in nothing else), so the history never depends
    # on the order the events were stored in.
    # An undated consent (dated by its list: "no later than") cannot be ordered against any
    # other statement, so it ranks below all of them: a withdrawal, dated or not, and a
    # reconfirmation recorded since always win over it.
    if event.status is ConsentStatus.WITHDRAWN:
        rank = 2
    elif event.reconfirm:
        rank = 1
    else:
        rank = 0
    tier = 0 if event.undated and event.status is ConsentStatus.GIVEN else 1
    return (tier, event.on, rank, event.source, event.evidence, event.reconfirm)


def consent_state(
    events: Sequence[ConsentEvent], purpose: str, *, today: date | None = None
) -> ConsentState:
    """The consent in force for `purpose`; events after `today` (if given) do not count yet."""
    relevant = sorted(
        (
            e
            for e in events
            if e.purpose == purpose
            and e.status is not ConsentStatus.NONE
            and (today is None or e.on <= today)
        ),
        key=_precedence,
    )
    if not relevant:
        return ConsentState(ConsentStatus.NONE, None, "", "", False, ())
    winner = relevant[-1]
    return ConsentState(
        status=winner.status,
        since=winner.on,
        source=winner.source,
        evidence=winner.evidence,
        reconfirm=winner.status is ConsentStatus.GIVEN and winner.reconfirm,
        history=tuple(relevant),
    )


def consent_states(
    events: Iterable[ConsentEvent], *, today: date | None = None
) -> dict[str, ConsentState]:
    """The state per purpose code for every purpose the history mentions."""
    listed = list(events)
    return {code: consent_state(listed, code, today=today) for code in {e.purpose for e in listed}}


# ---------------------------------------------------------------- soft opt-in (Tw art. 11.7)

# Kinds that are a sale by nature, and kinds that are one only when paid for. A friend
# membership or a donation is never a sale of products similar to what is then advertised.
_SALE_BY_NATURE = frozenset({RelationKind.KLANT})
_SALE_WHEN_PAID = frozenset({RelationKind.BEZOEKER, RelationKind.GROEPSCONTACT})

SOFT_OPT_IN_MESSAGES: dict[str, Message] = {
    m.code: m
    for m in (
        Message(
            "not_marketing",
            "Dit doel is geen direct marketing; de klantuitzondering is niet van toepassing.",
            "This purpose is not direct marketing; the customer exception does not apply.",
        ),
        Message(
            "not_similar",
            "Dit doel gaat niet over eigen, soortgelijke producten of diensten.",
            "This purpose is not about the institution's own similar products or services.",
        ),
        Message(
            "no_sale",
            "Het e-mailadres is niet verkregen bij een aankoop, ticket of betaalde boeking.",
            "The e-mail address was not obtained in a purchase, ticket or paid booking.",
        ),
        Message(
            "membership_or_gift_only",
            "Alleen een vriendenlidmaatschap of gift: dat is geen verkoop van soortgelijke "
            "producten, dus toestemming is nodig.",
            "Only a friends membership or donation: that is not a sale of similar products, "
            "so consent is needed.",
        ),
        Message(
            "opt_out_not_offered",
            "Bij het verkrijgen van het e-mailadres is geen afmeldmogelijkheid geboden "
            "(of dat is niet vastgelegd).",
            "No opt-out was offered (or recorded) when the e-mail address was collected.",
        ),
        Message(
            "no_opt_out_in_message",
            "Elk bericht moet een afmeldmogelijkheid bevatten.",
            "Every message must offer a way to opt out.",
        ),
        Message(
            "objected",
            "De persoon heeft bezwaar gemaakt tegen direct marketing.",
            "The person has objected to direct marketing.",
        ),
        Message(
            "opted_out",
            "De persoon heeft zich afgemeld voor dit doel.",
            "The person has opted out of this purpose.",
        ),
        Message(
            "suppressed",
            "Het e-mailadres staat op de afmeldlijst.",
            "The e-mail address is on the suppression list.",
        ),
    )
}
register({m.code: (m.text_nl, m.text_en) for m in SOFT_OPT_IN_MESSAGES.values()}, prefix="soft.")


@dataclass(frozen=True, slots=True)
class SoftOptInResult:
    ok: bool
    reasons: tuple[Message, ...]  # why not; empty when ok
    sale: Relation | None = None  # the qualifying sale, when there is one


def is_sale(relation: Relation) -> bool:
    if relation.kind in _SALE_BY_NATURE:
        return True
    return relation.kind in _SALE_WHEN_PAID and relation.paid


def soft_opt_in(
    relations: Sequence[Relation],
    purpose: Purpose,
    *,
    consents: Sequence[ConsentEvent] = (),
    objects_marketing: bool = False,
    suppressed: bool = False,
    opt_out_in_every_message: bool = True,
    today: date | None = None,
) -> SoftOptInResult:
    """May the institution e-mail this person for `purpose` without consent (customer exception)?

    Telecommunicatiewet art. 11.7 lid 3: the address was obtained in a sale, it is used for the
    institution's own similar products, a free opt-out was offered at collection and is offered
    in every message, and the person has not opted out. Every failed condition is reported.
    """
    reasons: list[Message] = []

    def fail(code: str) -> None:
        reasons.append(SOFT_OPT_IN_MESSAGES[code])

    if not purpose.marketing:
        fail("not_marketing")
    elif not purpose.soft_opt_in:
        fail("not_similar")

    sales = [r for r in relations if is_sale(r)]
    qualifying = [r for r in sales if r.opt_out_offered]
    if not sales:
        only_member_or_gift = bool(relations) and all(
            r.kind in (RelationKind.VRIEND, RelationKind.DONATEUR) for r in relations
        )
        fail("membership_or_gift_only" if only_member_or_gift else "no_sale")
    elif not qualifying:
        fail("opt_out_not_offered")

    if not opt_out_in_every_message:
        fail("no_opt_out_in_message")
    if objects_marketing:
        fail("objected")
    if consent_state(consents, purpose.code, today=today).status is ConsentStatus.WITHDRAWN:
        fail("opted_out")
    if suppressed:
        fail("suppressed")

    if reasons:
        return SoftOptInResult(False, tuple(reasons))
    latest = max(qualifying, key=_sale_recency)
    return SoftOptInResult(True, (), latest)


def _sale_recency(r: Relation) -> date:
    return r.last_activity or r.end or r.start or date.min
