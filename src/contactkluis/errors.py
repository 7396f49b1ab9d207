"""Errors a user may see: a stable code, and one clear line in Dutch or English.

Messages name files by their base name, accounts and hosts, never a contact's data:
they end up on screens, in terminals and in bug reports.
"""

from __future__ import annotations

from contactkluis.domain.messages import CodedError, format_datetime, register, render
from contactkluis.domain.messages import current_language as current_language

MESSAGES: dict[str, tuple[str, str]] = {
    "wrong_password": (
        "Onjuist wachtwoord of onbekend account. Probeer het over {delay} {unit} opnieuw.",
        "Wrong password or unknown account. Try again in {delay} {unit}.",
    ),
    "wrong_secret": (
        "Onjuist wachtwoord of onbekend account.",
        "Wrong password or unknown account.",
    ),
    "wrong_recovery_key": (
        "Deze herstelsleutel past niet bij deze kluis.",
        "This recovery key does not fit this vault.",
    ),
    "throttled": (
        "Te veel mislukte pogingen. Wacht nog {delay} {unit}.",
        "Too many failed attempts. Wait {delay} more {unit}.",
    ),
    "not_a_vault": (
        "'{file}' is geen Contactkluis-kluis of de sleutelgegevens ontbreken. Het bestand is niet gewijzigd.",
        "'{file}' is not a Contactkluis vault or its key data is missing. The file was not changed.",
    ),
    "damaged": (
        "De kluis '{file}' is beschadigd en kan niet worden geopend. Het bestand is niet gewijzigd; "
        "zet een back-up terug.",
        "The vault '{file}' is damaged and cannot be opened. The file was not changed; restore a backup.",
    ),
    "no_vault": (
        "Er is geen kluis op '{file}'. Maak er een met 'contactkluis init'.",
        "There is no vault at '{file}'. Create one with 'contactkluis init'.",
    ),
    "vault_exists": (
        "Er staat al een kluis op '{file}'; die wordt niet overschreven.",
        "A vault already exists at '{file}'; it will not be overwritten.",
    ),
    "in_use": (
        "De kluis is in gebruik door {account} op {host} sinds {since}.",
        "The vault is in use by {account} on {host} since {since}.",
    ),
    "read_only": (
        "De kluis is alleen-lezen geopend; wijzigen kan niet.",
        "The vault is open read-only; changes are not possible.",
    ),
    "damaged_no_writes": (
        "De kluis '{file}' is beschadigd: wijzigen kan niet, zodat de schade niet wordt "
        "overschreven. Zet een back-up terug.",
        "The vault '{file}' is damaged: changes are refused so that the damage is not written "
        "over. Restore a backup.",
    ),
    "forbidden": (
        "Uw rol ({role}) mag dit niet: {action}.",
        "Your role ({role}) may not do this: {action}.",
    ),
    "account_exists": (
        "Het account '{account}' bestaat al.",
        "The account '{account}' already exists.",
    ),
    "no_account": (
        "Het account '{account}' bestaat niet.",
        "The account '{account}' does not exist.",
    ),
    "last_admin": (
        "Het laatste beheerdersaccount kan niet worden verwijderd of gedegradeerd.",
        "The last administrator account cannot be removed or demoted.",
    ),
    "weak_password": ("{reason}", "{reason}"),
    "bad_backup": (
        "'{file}' is geen geldige Contactkluis-back-up.",
        "'{file}' is not a valid Contactkluis backup.",
    ),
    "target_exists": (
        "'{file}' bestaat al; kies een ander doel, er wordt niets overschreven.",
        "'{file}' already exists; choose another target, nothing is overwritten.",
    ),
    "newer_schema": (
        "Deze kluis is gemaakt met een nieuwere versie van Contactkluis (schema {found}). "
        "Werk het programma bij.",
        "This vault was made by a newer version of Contactkluis (schema {found}). "
        "Update the program.",
    ),
    "no_password": (
        "Geen wachtwoord opgegeven (gebruik de prompt, --password-stdin of CONTACTKLUIS_PASSWORD).",
        "No password given (use the prompt, --password-stdin or CONTACTKLUIS_PASSWORD).",
    ),
    "not_found": ("Contact {id} bestaat niet (meer).", "Contact {id} does not exist (any more)."),
    "restricted": (
        "Dit contact is beperkt (AVG art. 18): wijzigen kan niet zolang de beperking geldt.",
        "This contact is restricted (GDPR art. 18): it cannot be changed while restricted.",
    ),
    "invalid": ("{reason}", "{reason}"),
    "io": (
        "Kan '{file}' niet schrijven of lezen: {reason}",
        "Cannot write or read '{file}': {reason}",
    ),
}


register(MESSAGES)


class UserError(CodedError):
    """A failure with a message fit for the person at the keyboard."""

    def message(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        params = dict(self.params)
        if "delay" in params:
            one = params["delay"] == 1
            params["unit"] = ("seconde", "second") if one else ("seconden", "seconds")
        if isinstance(params.get("since"), str):  # a lock's ISO moment, as a person reads it
            params["since"] = format_datetime(params["since"], lang)
        return render(self.code, lang, **params)

    def __str__(self) -> str:
        return self.message()
