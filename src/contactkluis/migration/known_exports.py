"""The headers of the exports people bring: address books, Outlook, mailing services, clubs.

`headers.field_for_header` asks here first, so a header written exactly as a program
writes it is never left to fuzzy matching. Each entry gives the field and a rank: where an
export holds the same field more than once (Outlook's home and business address, Google's
"Address 1" and "Address 2"), the lowest rank wins and the others are named in the report
as columns with contact data that were not imported.

Where each header set came from (the `search` tool, 2026-12-06; see /work/notes/formats.md):
- Google Contacts CSV, new format: a public vobject -> Google CSV converter lists
  "Name Prefix, First Name, Middle Name, Last Name, ..., E-mail 1 - Label, E-mail 1 - Value,
  Phone 1 - Label, Phone 1 - Value, Address 1 - Label, Address 1 - Country, Address 1 -
  Street, ..., Address 1 - Postal Code, Address 1 - PO Box"; "Address 1 - Formatted" is named
  in krischimk/Google-Contacts-to-Google-Earth README.md. "Birthday", "Notes", "Labels",
  "Organization 1 - Name": UNCONFIRMED (from the brief).
- Google Contacts CSV, old format: "Name, Given Name, Additional Name, Family Name, ...,
  Phone 1 - Type, Phone 1 - Value" (a public converter script, "convert_g.py").
- Outlook CSV (English): Microsoft's "Create or edit .csv files to import into Outlook"
  column list (Business Street ... Home Street ... Home Postal Code, Home Country/Region) and
  the older Outlook.com 56-column export in michalbe/csv2vcard README.md (Mobile Phone, Home
  Phone, Business Phone, E-mail Address, E-mail 2 Address, Birthday, Notes).
- Outlook CSV (Dutch): UNCONFIRMED; the search found only a Dutch PHP importer noting
  "Titel, Voornaam, Middelste naam, Achternaam". The rest is Dutch Outlook's wording as
  known from the program ("Mobiele telefoon", "Telefoon thuis", "Huisadres, straat") plus
  the shorter variants from the brief ("Straat (thuis)", "Plaats (thuis)").
- Mailchimp audience export: "Email Address, First Name, Last Name, Address, Phone Number,
  Birthday" then MEMBER_RATING, OPTIN_TIME, CONFIRM_TIME, ... (formats.md; order unconfirmed).
- Brevo: attributes are written in capitals (developers.brevo.com "Manage your contacts":
  "The attribute's parameter should be passed in capital letter"); EMAIL, FIRSTNAME,
  LASTNAME, SMS are Brevo's default attributes (brief; FNAME/LNAME seen in its changelog).
- MailerLite: the subscriber field names in mailerlite/mailerlite-nodejs
  src/modules/subscribers/README.md ("name", "last_name", "company", "country", "city",
  "phone", "state", "z_i_p", "subscribed_at", "opted_in_at", "unsubscribed_at"); that an
  export's headers are these names is UNCONFIRMED.
- Laposta: UNCONFIRMED (no documentation in the search corpus); its default fields are
  "E-mailadres", "Voornaam", "Achternaam", which the Dutch variants in headers.py know.
- Dutch/Flemish club and till exports: the headers seen in the project's corpus (issue 12):
  Voorvoeg, Geb.Dat, Post, GSM, LID v.a., liddatum, Nieuwsbrief_optin, Forename,
  Contactpersoon activiteit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# (field or None, rank). None: a known column that holds no contact data of ours
# (a label, a type, a group), so the report need not warn about it.
Known = tuple[str | None, int]

_EXACT: dict[str, Known] = {
    # Google, new and old format
    "name prefix": (None, 0),
    "name suffix": (None, 0),
    "first name": ("first_name", 0),
    "middle name": ("infix", 0),
    "last name": ("last_name", 0),
    "given name": ("first_name", 0),
    "additional name": ("infix", 0),
    "family name": ("last_name", 0),
    "nickname": (None, 0),
    "file as": (None, 0),
    "labels": (None, 0),
    "group membership": (None, 0),
    "birthday": ("birth_date", 0),
    "notes": ("notes", 0),
    "organization name": ("organisation", 0),
    "organization 1 name": ("organisation", 0),
    "organization 1 title": (None, 0),
    "organization 1 type": (None, 0),
    # Outlook (English)
    "title": (None, 0),
    "suffix": (None, 0),
    "e mail address": ("email", 0),
    "e mail 2 address": ("email", 1),
    "e mail 3 address": ("email", 2),
    "e mail type": (None, 0),
    "e mail 2 type": (None, 0),
    "e mail 3 type": (None, 0),
    "e mail display name": (None, 0),
    "e mail 2 display name": (None, 0),
    "e mail 3 display name": (None, 0),
    "mobile phone": ("phone", 0),
    "home phone": ("phone", 1),
    "home phone 2": ("phone", 2),
    "primary phone": ("phone", 1),
    "business phone": ("phone", 3),
    "business phone 2": ("phone", 4),
    "other phone": ("phone", 5),
    # Someone else's line or no voice line: not the person's number. Left out, and
    # named in the report because the cells look like phone numbers.
    "assistant s phone": (None, 0),
    "company main phone": (None, 0),
    "callback": (None, 0),
    "radio phone": (None, 0),
    "tty tdd phone": (None, 0),
    "business fax": (None, 0),
    "home fax": (None, 0),
    "other fax": (None, 0),
    "pager": (None, 0),
    "telex": (None, 0),
    "isdn": (None, 0),
    "company": ("organisation", 0),
    "job title": (None, 0),
    "department": (None, 0),
    "web page": (None, 0),
    "spouse": (None, 0),
    "anniversary": (None, 0),
    "given name yomi": (None, 0),
    "family name yomi": (None, 0),
    # Outlook (Dutch)
    "titel": (None, 0),
    "middelste naam": ("infix", 0),
    "achtervoegsel": (None, 0),
    "e mailadres": ("email", 0),
    "e mailadres 2": ("email", 1),
    "e mailadres 3": ("email", 2),
    "weergavenaam e mail": (None, 0),
    "mobiele telefoon": ("phone", 0),
    "telefoon thuis": ("phone", 1),
    "telefoon thuis 2": ("phone", 2),
    "telefoon op werk": ("phone", 3),
    "telefoon op werk 2": ("phone", 4),
    "andere telefoon": ("phone", 5),
    "hoofdtelefoon": ("phone", 1),
    "verjaardag": ("birth_date", 0),
    "notities": ("notes", 0),
    "bedrijf": ("organisation", 0),
    "functie": (None, 0),
    "afdeling": (None, 0),
    # Mailchimp
    "email address": ("email", 0),
    "phone number": ("phone", 0),
    "address": ("street_house", 0),
    "member rating": (None, 0),
    "optin ip": (None, 0),
    "confirm ip": (None, 0),
    "latitude": (None, 0),
    "longitude": (None, 0),
    "gmtoff": (None, 0),
    "dstoff": (None, 0),
    "timezone": (None, 0),
    "cc": (None, 0),
    "region": (None, 0),
    "leid": (None, 0),
    "euid": (None, 0),
    "unsub campaign title": (None, 0),
    "unsub campaign id": (None, 0),
    "unsub reason": (None, 0),
    "unsub reason other": (None, 0),
    "tags": (None, 0),
    # Brevo (attributes in capitals fold to lower case)
    "firstname": ("first_name", 0),
    "lastname": ("last_name", 0),
    "fname": ("first_name", 0),
    "lname": ("last_name", 0),
    "sms": ("phone", 0),
    "whatsapp": ("phone", 1),
    "landline number": ("phone", 1),
    "email blacklisted": (None, 0),
    "sms blacklisted": (None, 0),
    "subscribed": ("newsletter", 0),
    # MailerLite ("name" next to "last_name" is the given name: headers.auto_map)
    "z i p": ("postcode", 0),
    "state": (None, 0),
    "opted in at": ("signup_date", 1),
    # Dutch and Flemish clubs, tills, ticketing
    "voorvoeg": ("infix", 0),
    "geb dat": ("birth_date", 0),
    "gebdat": ("birth_date", 0),
    "post": ("postcode", 0),
    "gsm": ("phone", 0),
    "gsm nr": ("phone", 0),
    "lid v a": ("member_since", 0),
    "lid va": ("member_since", 0),
    "liddatum": ("member_since", 0),
    "nieuwsbrief optin": ("newsletter", 0),
    "nieuwsbrief opt in": ("newsletter", 0),
    "forename": ("first_name", 0),
    "contactpersoon activiteit": ("full_name", 0),
}

# Columns that only repeat what another column holds ("Jan (jan@x.nl)" next to the
# address itself): left out without a warning.
REPEATS = frozenset(
    {
        "e mail display name", "e mail 2 display name", "e mail 3 display name",
        "weergavenaam e mail", "weergavenaam e mail 2", "weergavenaam e mail 3",
        "address 1 formatted", "address 2 formatted", "address 3 formatted",
    }
)  # fmt: skip

# Numbered groups: Google's "Phone 2 - Value", "Address 1 - Postal Code", Outlook's
# "Home Street", "Business Postal Code", Dutch Outlook's "Huisadres, plaats".
_GOOGLE_VALUE = re.compile(r"^(e mail|phone) (\d+) (value|label|type)$")
_GOOGLE_ADDRESS = re.compile(r"^address (\d+) (.+)$")
_GOOGLE_PARTS: dict[str, str | None] = {
    "street": "street_house",
    "city": "city",
    "postal code": "postcode",
    "country": "country",
    "formatted": None,
    "label": None,
    "type": None,
    "region": None,
    "extended address": None,
    "po box": None,
    "neighborhood": None,
}
_OUTLOOK_ADDRESS = re.compile(
    r"^(home|business|other) (street|city|postal code|country(?: region)?)$"
)
_OUTLOOK_PARTS = {"street": "street_house", "city": "city", "postal code": "postcode"}
_OUTLOOK_RANK = {"home": 0, "business": 1, "other": 2}
_DUTCH_ADDRESS = re.compile(
    r"^(?:(huisadres|werkadres|ander adres) (straat|plaats|postcode|land(?: regio)?)"
    r"|(straat|plaats|postcode|land) (thuis|werk|overig))$"
)
_DUTCH_PARTS = {"straat": "street_house", "plaats": "city", "postcode": "postcode"}
_DUTCH_RANK = {"huisadres": 0, "thuis": 0, "werkadres": 1, "werk": 1, "ander adres": 2, "overig": 2}


def known_header(folded: str) -> Known | None:
    """The field and rank of a header as an export program writes it (folded), or None."""
    if folded in _EXACT:
        return _EXACT[folded]
    if match := _GOOGLE_VALUE.match(folded):
        kind, number, part = match.groups()
        if part != "value":
            return None, 0
        return ("email" if kind == "e mail" else "phone"), int(number) - 1
    if match := _GOOGLE_ADDRESS.match(folded):
        number, part = match.groups()
        if part in _GOOGLE_PARTS:
            return _GOOGLE_PARTS[part], int(number) - 1
    if match := _OUTLOOK_ADDRESS.match(folded):
        group, part = match.groups()
        target = _OUTLOOK_PARTS.get(part, "country")
        return target, _OUTLOOK_RANK[group]
    if match := _DUTCH_ADDRESS.match(folded):
        group = match.group(1) or match.group(4)
        part = match.group(2) or match.group(3)
        target = _DUTCH_PARTS.get(part, "country")
        return target, _DUTCH_RANK[group]
    return None


# Fields a qualifier may name instead of the field in front of it: "E-mail opt-in" is the
# newsletter answer, not an address. Person fields never do: "Telefoon contactpersoon" is
# a phone number.
_QUALIFIER_WINS = frozenset({"newsletter", "invitations", "signup_date", "unsubscribed"})
# Contact data that may also be named last, the English way: "Home Phone", "Ouder e-mail".
_TRAILING_FIELDS = frozenset({"email", "phone", "postcode", "city", "birth_date"})


def qualified_field(folded: str, lookup: Mapping[str, str]) -> str | None:
    """'<field> <qualifier>' ("Telefoonnummer contactpersoon", "E-mail ouder") or
    '<qualifier> <field>' ("Home Phone"): the field named, or None. `lookup` holds the
    folded header names that name a field outright."""
    words = folded.split()
    for cut in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        target = lookup.get(head)
        if target is None or len(head) < 3:
            continue
        about = lookup.get(rest)
        if about in _QUALIFIER_WINS:
            return about
        if head in ("naam", "name") and about == "organisation":
            return about  # "Naam school" is the school's name, not a person's
        return target
    for cut in range(1, len(words)):
        target = lookup.get(" ".join(words[cut:]))
        if target in _TRAILING_FIELDS:
            return target
    return None
