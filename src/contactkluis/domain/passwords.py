"""Password policy after NIST SP 800-63B: a length floor and an estimate of the guesses needed.

No composition rules and no deny-list of our own: zxcvbn estimates how many guesses an attacker
who knows the common passwords, words, names, keyboard patterns, dates and substitutions would
need, with the Dutch words our users reach for added. Whoever copies the key file can guess
offline without our delay, so the bar is 10^10 guesses (zxcvbn's top score): years of Argon2id
work per account. A phrase of a few words clears it easily.
"""

from __future__ import annotations

import re

MIN_LENGTH = 12
MIN_GUESSES = 10**10
# zxcvbn's limit (its matching grows fast with length); what follows only adds guesses.
_ESTIMATED_LENGTH = 72

# The Dutch words people build passwords from, most tempting first: zxcvbn's own lists are
# English. Seasons, months, days, cities, clubs, pets' and children's favourites, and the
# words of our own trade (museum, archief, kluis ...).
_DUTCH = """
wachtwoord welkom geheim hallo hoi doei liefde schat schatje lieverd museum theater archief
bibliotheek collectie depot galerie kunst expositie cultuur contactkluis kluis contact
contacten beheer beheerder medewerker admin gebruiker zomer winter lente herfst voorjaar
najaar vakantie zomervakantie kerst kerstmis pasen januari februari maart april mei juni
juli augustus september oktober november december maandag dinsdag woensdag donderdag vrijdag
zaterdag zondag weekend nederland holland oranje amsterdam rotterdam utrecht denhaag
eindhoven groningen haarlem leiden delft maastricht nijmegen arnhem zwolle tilburg breda
ajax feyenoord psv vitesse twente kaas fiets tulp molen klomp drop stroopwafel koffie thee
bier hond kat poes konijn paard vogel beer tijger leeuw zon maan ster water vuur aarde lucht
bloem boom mama papa oma opa kind kinderen familie vriend vriendin goed mooi lekker leuk
groot klein nieuw oud rood blauw groen geel zwart wit paars roze een twee drie vier vijf zes
zeven acht negen tien dertien twintig honderd duizend computer laptop internet kantoor werk
school thuis sleutel toegang inloggen login veilig beveiliging
"""
DUTCH_WORDS = tuple(_DUTCH.split())

# What zxcvbn found, in the order we mention it, with the (Dutch, English) reason.
_REASONS: tuple[tuple[str, tuple[str, str]], ...] = (
    (
        "context",
        (
            "het lijkt op de account- of instellingsnaam",
            "it resembles the account or institution name",
        ),
    ),
    (
        "dictionary",
        (
            "het bestaat uit veelgebruikte wachtwoorden, woorden of namen",
            "it is made of common passwords, words or names",
        ),
    ),
    (
        "spatial",
        (
            "toetsenbordpatronen zoals qwerty zijn snel geraden",
            "keyboard patterns such as qwerty are guessed quickly",
        ),
    ),
    (
        "repeat",
        (
            "herhalingen zoals aaa of abcabc zijn snel geraden",
            "repeats such as aaa or abcabc are guessed quickly",
        ),
    ),
    (
        "sequence",
        (
            "reeksen zoals abc of 1234 zijn snel geraden",
            "sequences such as abc or 1234 are guessed quickly",
        ),
    ),
    ("date", ("jaartallen en datums zijn snel geraden", "years and dates are guessed quickly")),
    (
        "l33t",
        (
            "vervangingen zoals @ voor a helpen nauwelijks",
            "substitutions such as @ for a hardly help",
        ),
    ),
)


def _context_words(*names: str) -> list[str]:
    """The names themselves and their parts: 'Museum Proef' gives museumproef, museum, proef."""
    words: list[str] = []
    for name in names:
        low = name.strip().lower()
        if not low:
            continue
        parts = [p for p in re.split(r"[\W_]+", low) if len(p) >= 3]
        words.extend([low, "".join(parts), *parts])
    return list(dict.fromkeys(w for w in words if w))


def _kinds(sequence: list[dict[str, object]], context: set[str]) -> set[str]:
    kinds: set[str] = set()
    for match in sequence:
        pattern = str(match.get("pattern"))
        if pattern == "dictionary":
            if (
                match.get("dictionary_name") == "user_inputs"
                and match.get("matched_word") in context
            ):
                kinds.add("context")
            else:
                kinds.add("dictionary")
            if match.get("l33t"):
                kinds.add("l33t")
        elif pattern == "regex":
            kinds.add("date")  # zxcvbn's only regex is "recent year"
        elif pattern in ("spatial", "repeat", "sequence", "date"):
            kinds.add(pattern)
    return kinds


def password_problem(
    password: str, *, account: str = "", institution: str = ""
) -> tuple[str, str] | None:
    """None when acceptable, else a (Dutch, English) explanation that says what to change."""
    if len(password) < MIN_LENGTH:
        return (
            f"Het wachtwoord moet minstens {MIN_LENGTH} tekens lang zijn; een zin van een paar"
            " woorden werkt goed.",
            f"The password must be at least {MIN_LENGTH} characters; a phrase of a few words works"
            " well.",
        )
    # Imported here: its word lists are 14 MB, only needed when a password is chosen.
    from zxcvbn import zxcvbn

    context = _context_words(account, institution)
    result = zxcvbn(password[:_ESTIMATED_LENGTH], user_inputs=[*context, *DUTCH_WORDS])
    if result["guesses"] >= MIN_GUESSES:
        return None
    sequence = [dict(m) for m in result["sequence"]]
    kinds = _kinds(sequence, set(context))
    reasons = [text for kind, text in _REASONS if kind in kinds][:2]
    nl_why = "; ".join(r[0] for r in reasons) or "het is te voorspelbaar"
    en_why = "; ".join(r[1] for r in reasons) or "it is too predictable"
    return (
        f"Dit wachtwoord is te makkelijk te raden: {nl_why}. Maak het langer met een paar"
        " ongewone woorden, bijvoorbeeld een korte zin.",
        f"This password is too easy to guess: {en_why}. Make it longer with a few uncommon"
        " words, for example a short phrase.",
    )
