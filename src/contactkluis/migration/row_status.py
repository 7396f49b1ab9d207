"""What a row's status columns say: membership ended, person deceased, address unsubscribed.

"Status" (opgezegd, overleden, geroyeerd; or a mailing service's unsubscribed/cleaned),
"Actief" (nee/0) and "Reden opz." (any reason given means the membership ended).
"""

from __future__ import annotations

from contactkluis.domain.normalize import clean_text, parse_yes_no

__all__ = ["row_status"]

_DECEASED_WORDS = ("overleden", "overl", "deceased", "\u2020")
_ENDED_STATUS = (
    "opgezegd",
    "opzegging",
    "beeindigd",
    "beëindigd",
    "geroyeerd",
    "royement",
    "oud lid",
    "ex lid",
    "inactief",
    "niet actief",
    "ended",
    "cancelled",
)
_UNSUB_STATUS = ("unsubscribed", "afgemeld", "uitgeschreven")
_CLEANED_STATUS = ("cleaned", "bounced", "junk", "onbestelbaar")


def _fold(value: object) -> str:
    text = clean_text(value)
    return " ".join(text.lower().replace("-", " ").split()) if text else ""


def row_status(status: object, active: object, end_reason: object) -> tuple[bool, bool, str | None]:
    """(ended, deceased, "unsubscribed" / "cleaned" / None) from the three cells."""
    ended = deceased = False
    mail_status: str | None = None
    folded = _fold(status)
    if folded:
        if any(w in folded for w in _DECEASED_WORDS):
            ended = deceased = True
        elif any(w in folded for w in _ENDED_STATUS):
            ended = True
        if folded in _UNSUB_STATUS:
            mail_status = "unsubscribed"
        elif folded in _CLEANED_STATUS:
            mail_status = "cleaned"
    if active is not None and parse_yes_no(active) is False:
        ended = True
    reason = _fold(end_reason)
    if reason:
        ended = True
        deceased = deceased or any(w in reason for w in _DECEASED_WORDS)
    return ended, deceased, mail_status
