"""Password policy after NIST SP 800-63B: length and a deny-list, no composition rules."""

from __future__ import annotations

MIN_LENGTH = 12

# The most common passwords and their obvious stretches to 12+ characters. A short list
# on purpose: anything of 12+ characters that is not a known favourite or a trivial
# pattern is accepted, as NIST advises.
_COMMON = frozenset(
    [
        "123456789012",
        "1234567890123",
        "12345678910",
        "111111111111",
        "000000000000",
        "123123123123",
        "qwertyuiopas",
        "qwertyuiop12",
        "qwerty123456",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "azertyuiop12",
        "password1234",
        "password123!",
        "passw0rd1234",
        "wachtwoord12",
        "wachtwoord123",
        "wachtwoord1234",
        "welkom123456",
        "welkom12345!",
        "welkomwelkom",
        "iloveyou1234",
        "abcdefghijkl",
        "abcdef123456",
        "letmein12345",
        "administrator",
        "admin1234567",
        "changeme1234",
        "trustno12345",
        "sunshine1234",
        "football1234",
        "princess1234",
        "dragondragon",
        "monkey123456",
        "baseball1234",
        "superman1234",
        "zomer2024!!!",
        "zomer2025!!!",
        "winter2024!!!",
        "voorjaar2025",
        "contactkluis",
        "contactkluis1",
        "museummuseum",
        "museum123456",
        "theater12345",
        "geheimgeheim",
        "geheim123456",
        "wachtwoordje",
    ]
)


def _is_trivial(pw: str) -> bool:
    low = pw.lower()
    if len(set(low)) <= 2:
        return True
    digits = "01234567890123456789"
    letters = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
    keyboard = "qwertyuiopasdfghjklzxcvbnmqwertyuiop"
    return any(low in seq or low in seq[::-1] for seq in (digits, letters, keyboard))


def password_problem(
    password: str, *, account: str = "", institution: str = ""
) -> tuple[str, str] | None:
    """None when acceptable, else (Dutch, English) explanation."""
    if len(password) < MIN_LENGTH:
        return (
            f"Het wachtwoord moet minstens {MIN_LENGTH} tekens lang zijn; een zin van een paar"
            " woorden werkt goed.",
            f"The password must be at least {MIN_LENGTH} characters; a phrase of a few words works"
            " well.",
        )
    low = password.lower()
    if low in _COMMON or _is_trivial(password):
        return (
            "Dit wachtwoord staat op de lijst van veelgebruikte of voorspelbare wachtwoorden.",
            "This password is on the list of common or predictable passwords.",
        )
    for word in (account, institution):
        if word and len(word) >= 4 and word.lower() in low and len(low) - len(word) < 6:
            return (
                "Het wachtwoord lijkt te veel op de account- of instellingsnaam.",
                "The password is too close to the account or institution name.",
            )
    return None
