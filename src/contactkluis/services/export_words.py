"""The values exports show people: relation kinds, consent and retention statuses, ja/nee.

Stored codes ("given", "vriend", "expired") stay in the JSON (the documented contract); the
xlsx and HTML files for people show these words instead.
"""

from __future__ import annotations

from typing import Any

from contactkluis.domain.messages import CATALOGUE, speaker

_WORDS: dict[str, tuple[str, str]] = {
    "v.given": ("gegeven", "given"),
    "v.withdrawn": ("ingetrokken", "withdrawn"),
    "v.none": ("geen", "none"),
    "v.reconfirm": ("te herbevestigen", "to be reconfirmed"),
    "v.open": ("open", "open"),
    "v.verlengd": ("verlengd", "extended"),
    "v.afgehandeld": ("afgehandeld", "done"),
    "v.afgewezen": ("afgewezen", "refused"),
    "k.vriend": ("Vriend", "Friend"),
    "k.donateur": ("Donateur", "Donor"),
    "k.nieuwsbrief-abonnee": ("Nieuwsbriefabonnee", "Newsletter subscriber"),
    "k.bezoeker": ("Bezoeker", "Visitor"),
    "k.groepscontact": ("Contactpersoon groepsbezoek", "Group visit contact"),
    "k.klant": ("Klant", "Customer"),
    "r.ok": ("in orde", "fine"),
    "r.soon": ("verloopt binnenkort", "expires soon"),
    "r.expired": ("verlopen", "expired"),
    "f.special_category": ("bijzonder persoonsgegeven", "special category data"),
    "f.restricted": ("verwerking beperkt", "processing restricted"),
    "f.objects_marketing": ("bezwaar direct marketing", "objects to direct marketing"),
    "f.objects_profiling": ("bezwaar profilering", "objects to profiling"),
    "f.anonymised": ("geanonimiseerd", "anonymised"),
    "f.deceased": ("overleden", "deceased"),
}
_PREFIX = "export_words."
_say = speaker(_WORDS, _PREFIX)


def word(lang: str, group: str, code: Any) -> str:
    """The word for a stored code in `group` (v: status, k: relation kind, r: retention,
    f: flag); an unknown code is shown as it is rather than hidden."""
    key = f"{group}.{code}"
    return _say(key, lang=lang) if _PREFIX + key in CATALOGUE else str(code or "")
