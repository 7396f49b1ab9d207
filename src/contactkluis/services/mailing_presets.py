"""Column layouts of the mailing file, one per mail service, so its import matches by itself.

The names of the standard fields are the ones each service documents for its import
(checked 2026-12-06; re-check when a service renames a field):
- Mailchimp: "Email Address" is the one required field; "First Name" and "Last Name" are the
  audience's default fields (merge tags FNAME, LNAME). No tussenvoegsel field: it goes with the
  last name. https://mailchimp.com/help/format-guidelines-for-your-import-file/
- Laposta: a list's fields are chosen per list and every column is assigned at import step 3;
  Dutch lists commonly keep voornaam, tussenvoegsel and achternaam apart, so this preset does.
  https://docs.laposta.nl/article/172-hoe-pas-ik-de-relatiegegevens-van-al-mijn-bestaande-relaties-aan
  https://docs.laposta.nl/article/400-hoe-werkt-de-uitwisseling-van-gegevens
- MailerLite: default fields Email, Name and Last name (API keys email, name, last_name); no
  tussenvoegsel field. https://www.mailerlite.com/help/how-to-import-subscribers
- Brevo: default attributes EMAIL, FIRSTNAME, LASTNAME (names may differ by account language);
  ; , or tab as separator, UTF-8 accepted; no tussenvoegsel attribute.
  https://help.brevo.com/hc/en-us/articles/208729849-Format-your-contact-import-file

Columns beyond those (the surname for a salutation, consent date and source) are custom
fields the user creates once in the service; their names follow the service's own style.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactkluis.domain.contact import PersonName


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    label: str
    email: str
    first: str
    last: str
    salutation: str  # "Van den Berg", for "Beste heer Van den Berg"
    consent_date: str
    consent_source: str
    infix: str | None = None  # a separate tussenvoegsel column where the service has one

    def headers(self, *, consent: bool) -> tuple[str, ...]:
        names = [self.email, self.first]
        if self.infix:
            names.append(self.infix)
        names += [self.last, self.salutation]
        if consent:
            names += [self.consent_date, self.consent_source]
        return tuple(names)

    def documented(self) -> tuple[str, ...]:
        """The service's own standard fields in this layout (see the module notes)."""
        return (self.email, self.first, *([self.infix] if self.infix else []), self.last)


PRESETS: dict[str, Preset] = {
    p.key: p
    for p in (
        Preset(
            "standaard",
            "Algemeen",
            "email",
            "first_name",
            "last_name",
            "salutation_last_name",
            "consent_date",
            "consent_source",
        ),
        Preset(
            "mailchimp",
            "Mailchimp",
            "Email Address",
            "First Name",
            "Last Name",
            "Aanhef Achternaam",
            "Toestemming Datum",
            "Toestemming Bron",
        ),
        Preset(
            "laposta",
            "Laposta",
            "E-mailadres",
            "Voornaam",
            "Achternaam",
            "Achternaam aanhef",
            "Toestemming datum",
            "Toestemming bron",
            infix="Tussenvoegsel",
        ),
        Preset(
            "mailerlite",
            "MailerLite",
            "Email",
            "Name",
            "Last name",
            "salutation_last_name",
            "consent_date",
            "consent_source",
        ),
        Preset(
            "brevo",
            "Brevo",
            "EMAIL",
            "FIRSTNAME",
            "LASTNAME",
            "AANHEF_ACHTERNAAM",
            "TOESTEMMING_DATUM",
            "TOESTEMMING_BRON",
        ),
    )
}


def salutation_surname(name: PersonName) -> str:
    """The surname as it follows "heer"/"mevrouw": the tussenvoegsel takes a capital
    ("Van den Berg"), as it does whenever no given name or initial precedes it."""
    if not name.infix:
        return name.last or ""
    infix = name.infix[:1].upper() + name.infix[1:]
    return " ".join(p for p in (infix, name.last) if p)


def name_columns(name: PersonName, preset: Preset) -> list[str]:
    """first, [infix,] last and salutation surname for one person in `preset`'s layout."""
    first = name.first or name.initials or ""
    if preset.infix:
        return [first, name.infix or "", name.last or "", salutation_surname(name)]
    last = " ".join(p for p in (name.infix, name.last) if p)
    return [first, last, salutation_surname(name)]
