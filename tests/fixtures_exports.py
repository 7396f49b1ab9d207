"""Files written the way real programs and services export contacts (see /work/notes/formats.md).

Only headers the research could confirm are used as given; where formats.md says UNCONFIRMED the
header follows the project brief and the truth says so (``header_confirmed=False``). Every
generator writes synthetic Faker nl_NL people with a fixed seed and returns the path(s) plus an
``ExportTruth``: what a careful human would conclude from the file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

SEED = 20261206

# Newer Google CSV, prefix confirmed (formats.md); a third-party writer's header.
GOOGLE_HEADER = [
    "Name Prefix", "First Name", "Middle Name", "Last Name", "Name Suffix",
    "Phonetic First Name", "Phonetic Middle Name", "Phonetic Last Name", "Nickname", "File As",
    "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value",
    "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value",
    "Address 1 - Label", "Address 1 - Country", "Address 1 - Street",
    "Address 1 - Extended Address", "Address 1 - City", "Address 1 - Region",
    "Address 1 - Postal Code", "Address 1 - PO Box",
]  # fmt: skip

# Outlook.com export as listed in michalbe/csv2vcard README.md (56 columns).
OUTLOOK_EN_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Given Name Yomi",
    "Family Name Yomi", "Home Street", "Home City", "Home State", "Home Postal Code",
    "Home Country", "Company", "Department", "Job Title", "Office Location", "Business Street",
    "Business City", "Business State", "Business Postal Code", "Business Country",
    "Other Street", "Other City", "Other State", "Other Postal Code", "Other Country",
    "Assistant's Phone", "Business Fax", "Business Phone", "Business Phone 2", "Callback",
    "Car Phone", "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN",
    "Mobile Phone", "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone",
    "TTY/TDD Phone", "Telex", "Anniversary", "Birthday", "E-mail Address", "E-mail Type",
    "E-mail 2 Address", "E-mail 2 Type", "E-mail 3 Address", "E-mail 3 Type", "Notes", "Spouse",
    "Web Page",
]  # fmt: skip

# Google's own export beyond the confirmed prefix: "Address 1 - Formatted" is named in
# krischimk/Google-Contacts-to-Google-Earth README.md; Birthday, Notes, Labels,
# Organization 1 - Name and the "Address 2" group are UNCONFIRMED (the brief).
GOOGLE_FULL_HEADER = [
    "First Name", "Middle Name", "Last Name", "Birthday", "Notes", "Labels",
    "E-mail 1 - Label", "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value",
    "Phone 2 - Label", "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted",
    "Address 1 - Street", "Address 1 - City", "Address 1 - Postal Code", "Address 1 - Country",
    "Address 2 - Label", "Address 2 - Formatted", "Address 2 - Street", "Address 2 - City",
    "Address 2 - Postal Code", "Address 2 - Country", "Organization 1 - Name",
]  # fmt: skip

# Dutch Outlook (UNCONFIRMED, formats.md): the program's Dutch column names as known, in
# Microsoft's English order; only "Titel, Voornaam, Middelste naam, Achternaam" were seen.
OUTLOOK_NL_HEADER = [
    "Titel", "Voornaam", "Middelste naam", "Achternaam", "Achtervoegsel", "Bedrijf",
    "Afdeling", "Functie", "Werkadres, straat", "Werkadres, plaats", "Werkadres, postcode",
    "Werkadres, land/regio", "Huisadres, straat", "Huisadres, plaats", "Huisadres, postcode",
    "Huisadres, land/regio", "Telefoon op werk", "Telefoon thuis", "Mobiele telefoon",
    "Verjaardag", "E-mailadres", "Weergavenaam e-mail", "E-mailadres 2", "Notities",
]  # fmt: skip

# Brevo contact export: attributes in capitals (developers.brevo.com); order UNCONFIRMED.
BREVO_HEADER = ["EMAIL", "FIRSTNAME", "LASTNAME", "SMS", "EMAIL_BLACKLISTED"]

# MailerLite: the subscriber fields of mailerlite/mailerlite-nodejs README.md; that the
# export's headers are these names is UNCONFIRMED.
MAILERLITE_HEADER = ["email", "name", "last_name", "phone", "city", "z_i_p", "subscribed_at"]

# A club's activity list with headers as seen in the corpus (issue 12): a name column
# called "Contactpersoon activiteit", "<field> <qualifier>" headers, and a phone column
# whose header says nothing.
CLUB_HEADER = [
    "Activiteit", "Contactpersoon activiteit", "Telefoonnummer contactpersoon", "E-mail ouder",
    "liddatum", "Nieuwsbrief_optin", "Kolom1",
]  # fmt: skip

# UNCONFIRMED column order (from the brief, formats.md).
MAILCHIMP_BASE = [
    "Email Address", "First Name", "Last Name", "Address", "Phone Number", "Birthday",
    "MEMBER_RATING", "OPTIN_TIME", "OPTIN_IP", "CONFIRM_TIME", "CONFIRM_IP", "LATITUDE",
]  # fmt: skip
MAILCHIMP_UNSUB = [*MAILCHIMP_BASE, "UNSUB_TIME", "UNSUB_CAMPAIGN_TITLE", "UNSUB_REASON"]
MAILCHIMP_CLEANED = [*MAILCHIMP_BASE, "CLEAN_TIME"]


@dataclass
class ExportTruth:
    persons: int
    emails: list[str] = field(default_factory=list)
    consents: list[str] = field(default_factory=list)  # e-mails with a valid newsletter consent
    withdrawals: list[str] = field(default_factory=list)  # e-mails that withdrew
    header_confirmed: bool = True
    notes: list[str] = field(default_factory=list)
    # What the column mapper must make of the file: header -> field (None: not imported),
    # the left-out columns the report must name as contact data, and per e-mail address
    # the phone numbers (E.164) the person must end up with.
    columns: dict[str, str | None] = field(default_factory=dict)
    warned: list[str] = field(default_factory=list)
    phones: dict[str, list[str]] = field(default_factory=dict)


def _fake(seed: int = SEED) -> Faker:
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    return fake


def _people(n: int, seed: int) -> list[tuple[str, str, str]]:
    fake = _fake(seed)
    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    while len(out) < n:
        first, last = fake.first_name(), fake.last_name()
        email = f"{first}.{last}{len(out)}@example.nl".lower().replace(" ", "")
        if email not in seen:
            seen.add(email)
            out.append((first, last, email))
    return out


def _write_csv(path: Path, header: list[str], rows: list[dict[str, str]], **kw: str) -> None:
    encoding = kw.pop("encoding", "utf-8")
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, restval="", **kw)  # type: ignore[arg-type]
        writer.writeheader()
        writer.writerows(rows)


# Mixed notations a real address book collects; the Belgian ones are 04xx mobiles and +32.
PHONES = ["06-12345678", "+31 6 23456789", "0031612345670", "+32 478 02 12 34", "0478/02 34 56"]


def write_google_csv(folder: Path) -> tuple[Path, ExportTruth]:
    people = _people(5, SEED + 1)
    rows = []
    for i, (first, last, email) in enumerate(people):
        row = {"First Name": first, "Last Name": last, "E-mail 1 - Label": "* Home",
               "E-mail 1 - Value": email, "Phone 1 - Label": "Mobile",
               "Phone 1 - Value": PHONES[i]}  # fmt: skip
        if i == 0:
            # Two addresses and two numbers in one cell, joined the way Google joins them.
            row["E-mail 1 - Value"] = f"{email} ::: werk.{email}"
            row["Phone 1 - Value"] = f"{PHONES[0]} ::: 020-1234567"
            row.update({"Address 1 - Street": "Lange Voorhout 1", "Address 1 - City": "Den Haag",
                        "Address 1 - Postal Code": "2514 EA",
                        "Address 1 - Country": "Nederland"})  # fmt: skip
        if i == 1:
            row.update({"Phone 2 - Label": "Home", "Phone 2 - Value": "030-2345678"})
        rows.append(row)
    path = folder / "contacts.csv"
    _write_csv(path, GOOGLE_HEADER, rows)
    truth = ExportTruth(
        persons=5,
        emails=[p[2] for p in people],
        header_confirmed=False,
        notes=["row 1 holds two e-mails and two phones joined by ' ::: '",
               "no consent column: an address book is no newsletter consent"],
        columns={"First Name": "first_name", "Last Name": "last_name",
                 "E-mail 1 - Value": "email", "Phone 1 - Value": "phone",
                 "Phone 2 - Value": "phone", "Address 1 - Street": "street_house",
                 "Address 1 - City": "city", "Address 1 - Postal Code": "postcode",
                 "Address 1 - Country": "country", "Phone 1 - Label": None},
        phones={people[0][2]: ["+31612345678", "+31201234567"],
                people[1][2]: ["+31623456789", "+31302345678"],
                people[2][2]: ["+31612345670"]},
    )  # fmt: skip
    return path, truth


def write_outlook_en_csv(folder: Path) -> tuple[Path, ExportTruth]:
    people = _people(4, SEED + 2)
    rows = [
        {"First Name": f, "Last Name": last, "E-mail Address": e, "E-mail Type": "SMTP",
         "Mobile Phone": PHONES[i], "Birthday": "3/14/1975" if i == 0 else "",
         "Company Main Phone": "020-5556677"}
        for i, (f, last, e) in enumerate(people)
    ]  # fmt: skip
    # Home and business address both filled: the home address is the person's.
    rows[1].update({"Home Street": "Kerkstraat 12", "Home City": "Utrecht",
                    "Home Postal Code": "3512 AB", "Home Phone": "030-2345678",
                    "Business Street": "Stationsplein 1", "Business City": "Amersfoort",
                    "Business Postal Code": "3818 LE", "Business Phone": "033-4567890"})  # fmt: skip
    path = folder / "OutlookContacts.csv"
    _write_csv(path, OUTLOOK_EN_HEADER, rows, quoting=csv.QUOTE_ALL)  # type: ignore[arg-type]
    truth = ExportTruth(
        persons=4,
        emails=[p[2] for p in people],
        notes=["Birthday 3/14/1975 is US M/D/YYYY (unconfirmed format): 14 March 1975",
               "row 2: home and business address; the home one is imported",
               "'Company Main Phone' is the employer's switchboard: not the person's"],
        columns={"First Name": "first_name", "Last Name": "last_name",
                 "E-mail Address": "email", "Mobile Phone": "phone", "Home Phone": "phone",
                 "Business Phone": "phone", "Home Street": "street_house",
                 "Home City": "city", "Home Postal Code": "postcode", "Birthday": "birth_date",
                 "Business Street": None, "Business Postal Code": None,
                 "Company Main Phone": None, "E-mail Type": None},
        warned=["Company Main Phone", "Business Postal Code", "Business Street"],
        phones={people[0][2]: ["+31612345678"],
                people[1][2]: ["+31623456789", "+31302345678", "+31334567890"]},
    )  # fmt: skip
    return path, truth


def write_vcf(folder: Path) -> tuple[Path, ExportTruth]:
    people = _people(3, SEED + 3)
    cards = []
    for i, (first, last, email) in enumerate(people):
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{last};{first};;;", f"FN:{first} {last}",
                 f"EMAIL;TYPE=INTERNET:{email}", f"TEL;TYPE=CELL:{PHONES[i]}"]  # fmt: skip
        if i == 1:
            # A folded line (RFC 2426: CRLF + one space continues the line).
            lines.append("ADR;TYPE=HOME:;;Lange Voorhout 1;Den Haag;;2514 EA;\r\n Nederland")
            lines.append("BDAY:1980-02-29")
            lines.append("TEL;TYPE=HOME,VOICE:070-1234567")
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    # vCard 2.1 as old phones and Outlook write it: bare types, quoted-printable Latin-1.
    cards.append("\r\n".join([
        "BEGIN:VCARD", "VERSION:2.1", "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Jans=E9n;Ren=E9",
        "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9 Jans=E9n",
        "TEL;CELL:06-11223344", "EMAIL;INTERNET:rene.jansen@example.nl",
        "NOTE;ENCODING=QUOTED-PRINTABLE:Eerste regel=0D=0A=", "tweede regel", "END:VCARD"]))  # fmt: skip
    # vCard 4.0 as iCloud writes it: quoted TYPE list, tel: URI, a group prefix.
    cards.append("\r\n".join([
        "BEGIN:VCARD", "VERSION:4.0", "FN:Sanne de Vries", "N:Vries;Sanne;de;;",
        'item1.TEL;VALUE=uri;TYPE="cell,voice":tel:+31-6-18765432',
        "EMAIL;TYPE=home:sanne.devries@example.nl",
        "ADR;TYPE=work:;;Stationsplein 1;Amersfoort;;3818 LE;Nederland",
        "ADR;TYPE=home:;;Dorpsstraat 3;Zeist;;3701 AA;Nederland",
        "ORG:Stichting Voorbeeld;Educatie", "END:VCARD"]))  # fmt: skip
    path = folder / "contacten.vcf"
    path.write_bytes(("\r\n".join(cards) + "\r\n").encode("utf-8"))
    emails = [p[2] for p in people] + ["rene.jansen@example.nl", "sanne.devries@example.nl"]
    truth = ExportTruth(persons=5, emails=emails,
                        notes=["card 2 has a folded ADR line and BDAY 1980-02-29",
                               "card 4 is vCard 2.1 with quoted-printable Latin-1: René Jansén",
                               "card 5 is vCard 4.0: home address Zeist, work address left out"],
                        columns={"Naam": "full_name", "Voornaam": "first_name",
                                 "Achternaam": "last_name", "E-mail": "email",
                                 "Mobiel": "phone", "Telefoon": "phone",
                                 "Straat en huisnummer": "street_house",
                                 "Geboortedatum": "birth_date", "Tweede adres": None},
                        warned=["Tweede adres"],
                        phones={people[1][2]: ["+31623456789", "+31701234567"],
                                "rene.jansen@example.nl": ["+31611223344"],
                                "sanne.devries@example.nl": ["+31618765432"]})  # fmt: skip
    return path, truth


def write_google_full_csv(folder: Path) -> tuple[Path, ExportTruth]:
    """Google's own export with a second address group: the first is imported, the second
    is named in the report as contact data left out."""
    people = _people(3, SEED + 7)
    rows = []
    for i, (first, last, email) in enumerate(people):
        rows.append({"First Name": first, "Last Name": last, "Birthday": f"19{60 + 10 * i}-05-0{i + 1}",
                     "Notes": "kwam via de open dag", "Labels": "* myContacts ::: Vrienden",
                     "E-mail 1 - Label": "* Home", "E-mail 1 - Value": email,
                     "Phone 1 - Label": "Mobile", "Phone 1 - Value": f"06-3000000{i}",
                     "Address 1 - Label": "Home",
                     "Address 1 - Formatted": f"Kerkstraat {i + 1}\n3512 AB Utrecht",
                     "Address 1 - Street": f"Kerkstraat {i + 1}", "Address 1 - City": "Utrecht",
                     "Address 1 - Postal Code": "3512 AB", "Address 1 - Country": "Nederland",
                     "Address 2 - Label": "Work", "Address 2 - Street": f"Marktplein {i + 2}",
                     "Address 2 - City": "Gouda", "Address 2 - Postal Code": "2801 JA",
                     "Organization 1 - Name": "Museum Voorbeeld"})  # fmt: skip
    path = folder / "google_contacts_volledig.csv"
    _write_csv(path, GOOGLE_FULL_HEADER, rows)
    return path, ExportTruth(
        persons=3, emails=[p[2] for p in people], header_confirmed=False,
        columns={"Birthday": "birth_date", "Notes": "notes", "Labels": None,
                 "Address 1 - Street": "street_house", "Address 1 - Postal Code": "postcode",
                 "Address 1 - Formatted": None, "Address 2 - Street": None,
                 "Address 2 - Postal Code": None, "Organization 1 - Name": "organisation"},
        warned=["Address 2 - Street", "Address 2 - Postal Code"],
        phones={p[2]: [f"+3163000000{i}"] for i, p in enumerate(people)},
        notes=["Address 2 (work) is not imported and must be named as contact data"],
    )  # fmt: skip


def write_outlook_nl_csv(folder: Path) -> tuple[Path, ExportTruth]:
    """Dutch Outlook: semicolons (Dutch Windows list separator) and Windows-1252."""
    people = _people(3, SEED + 8)
    rows = [
        {"Voornaam": f, "Achternaam": last, "E-mailadres": e, "Weergavenaam e-mail": f"{f} ({e})",
         "Mobiele telefoon": f"06-4000000{i}", "Telefoon thuis": "030-2345678" if i == 0 else "",
         "Huisadres, straat": f"Oudegracht {10 + i}", "Huisadres, plaats": "Utrecht",
         "Huisadres, postcode": "3511 AA", "Werkadres, straat": "Stationsplein 1",
         "Werkadres, plaats": "Amersfoort", "Werkadres, postcode": "3818 LE",
         "Verjaardag": "1-4-1970" if i == 1 else "", "Notities": "Café-bezoeker"}
        for i, (f, last, e) in enumerate(people)
    ]  # fmt: skip
    path = folder / "Outlook_contactpersonen.csv"
    _write_csv(path, OUTLOOK_NL_HEADER, rows, delimiter=";", encoding="cp1252")
    return path, ExportTruth(
        persons=3, emails=[p[2] for p in people], header_confirmed=False,
        columns={"Voornaam": "first_name", "Achternaam": "last_name", "E-mailadres": "email",
                 "Mobiele telefoon": "phone", "Telefoon thuis": "phone",
                 "Huisadres, straat": "street_house", "Huisadres, plaats": "city",
                 "Huisadres, postcode": "postcode", "Werkadres, straat": None,
                 "Werkadres, postcode": None, "Verjaardag": "birth_date",
                 "Notities": "notes", "Weergavenaam e-mail": None},
        warned=["Werkadres, straat", "Werkadres, postcode"],
        phones={people[0][2]: ["+31640000000", "+31302345678"],
                people[1][2]: ["+31640000001"]},
        notes=["UNCONFIRMED Dutch headers; the work address is not imported and is named"],
    )  # fmt: skip


def write_brevo_csv(folder: Path) -> tuple[Path, ExportTruth]:
    people = _people(3, SEED + 9)
    rows = [{"EMAIL": e, "FIRSTNAME": f, "LASTNAME": last, "SMS": f"+3165000000{i}",
             "EMAIL_BLACKLISTED": "false"} for i, (f, last, e) in enumerate(people)]  # fmt: skip
    path = folder / "brevo_contacts_export.csv"
    _write_csv(path, BREVO_HEADER, rows, delimiter=";")
    return path, ExportTruth(
        persons=3, emails=[p[2] for p in people], header_confirmed=False,
        columns={"EMAIL": "email", "FIRSTNAME": "first_name", "LASTNAME": "last_name",
                 "SMS": "phone", "EMAIL_BLACKLISTED": None},
        phones={p[2]: [f"+3165000000{i}"] for i, p in enumerate(people)},
    )  # fmt: skip


def write_mailerlite_csv(folder: Path) -> tuple[Path, ExportTruth]:
    people = _people(2, SEED + 11)
    rows = [{"email": e, "name": f, "last_name": last, "phone": f"06-5200000{i}",
             "city": "Haarlem", "z_i_p": "2011 AB", "subscribed_at": "2022-04-01 09:30:00"}
            for i, (f, last, e) in enumerate(people)]  # fmt: skip
    path = folder / "mailerlite_subscribers.csv"
    _write_csv(path, MAILERLITE_HEADER, rows)
    return path, ExportTruth(
        persons=2, emails=[p[2] for p in people], header_confirmed=False,
        columns={"email": "email", "name": "first_name", "last_name": "last_name",
                 "phone": "phone", "city": "city", "z_i_p": "postcode",
                 "subscribed_at": "signup_date"},
        phones={p[2]: [f"+3165200000{i}"] for i, p in enumerate(people)},
    )  # fmt: skip


def write_club_activities(folder: Path) -> tuple[Path, ExportTruth]:
    """Headers of the '<field> <qualifier>' kind, a name in 'Contactpersoon activiteit',
    a phone column headed 'Kolom1', two numbers in one cell, and an 'en' between two
    e-mail addresses."""
    people = _people(3, SEED + 10)
    rows = []
    for i, (first, last, email) in enumerate(people):
        rows.append({"Activiteit": ["Kinderatelier", "Rondleiding", "Workshop"][i],
                     "Contactpersoon activiteit": f"{first} {last}",
                     "Telefoonnummer contactpersoon": f"06-5100000{i}",
                     "E-mail ouder": email, "liddatum": f"0{i + 1}-02-2019",
                     "Nieuwsbrief_optin": "ja" if i != 1 else "nee",
                     "Kolom1": f"020-61000{i}0"})  # fmt: skip
    rows[0]["Telefoonnummer contactpersoon"] = "06-51000000 / 020-7654321"
    rows[2]["E-mail ouder"] = f"{people[2][2]} en tweede.{people[2][2]}"
    path = folder / "activiteiten_contactpersonen.csv"
    _write_csv(path, CLUB_HEADER, rows, delimiter=";")
    return path, ExportTruth(
        persons=3, emails=[p[2] for p in people], consents=[people[0][2], people[2][2]],
        columns={"Contactpersoon activiteit": "full_name",
                 "Telefoonnummer contactpersoon": "phone", "E-mail ouder": "email",
                 "liddatum": "member_since", "Nieuwsbrief_optin": "newsletter",
                 "Kolom1": "phone", "Activiteit": None},
        phones={people[0][2]: ["+31651000000", "+31207654321", "+31206100000"],
                people[1][2]: ["+31651000001", "+31206100010"]},
        notes=["'Kolom1' says nothing: its cells are phone numbers",
               "row 3 holds two e-mail addresses joined by 'en'"],
    )  # fmt: skip


def write_mailchimp(folder: Path) -> tuple[list[Path], ExportTruth]:
    people = _people(6, SEED + 4)

    def row(p: tuple[str, str, str]) -> dict[str, str]:
        return {"Email Address": p[2], "First Name": p[0], "Last Name": p[1],
                "MEMBER_RATING": "2", "OPTIN_TIME": "2021-03-04 10:11:12",
                "CONFIRM_TIME": "2021-03-04 10:15:00"}  # fmt: skip

    sub = folder / "subscribed_members_export_1a2b3c.csv"
    unsub = folder / "unsubscribed_members_export_1a2b3c.csv"
    cleaned = folder / "cleaned_members_export_1a2b3c.csv"
    _write_csv(sub, MAILCHIMP_BASE, [row(p) for p in people[:3]])
    _write_csv(unsub, MAILCHIMP_UNSUB,
               [{**row(p), "UNSUB_TIME": "2023-05-06 08:00:00",
                 "UNSUB_CAMPAIGN_TITLE": "Nieuwsbrief mei", "UNSUB_REASON": ""}
                for p in people[3:5]])  # fmt: skip
    _write_csv(
        cleaned, MAILCHIMP_CLEANED, [{**row(people[5]), "CLEAN_TIME": "2024-01-02 09:00:00"}]
    )
    truth = ExportTruth(
        persons=6,
        emails=[p[2] for p in people],
        consents=[p[2] for p in people[:3]],
        withdrawals=[p[2] for p in people[3:5]],
        header_confirmed=False,
        notes=["cleaned = bounced address: no withdrawal, but the address is unusable"],
    )
    return [sub, unsub, cleaned], truth


def write_newsletter_signups(folder: Path) -> tuple[Path, ExportTruth]:
    """Legacy sheet (issue 11): an 'Afgemeld' column, a 'Via' channel column, two numbers in
    one cell and junk rows."""
    import openpyxl

    people = _people(4, SEED + 5)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Aanmeldingen"
    ws.append(["Naam", "E-mail", "Telefoon", "Via", "Aangemeld", "Afgemeld"])
    ws.append([f"{people[0][0]} {people[0][1]}", people[0][2], "06-12345678 / 020-1234567",
               "balie", "12-03-2019", None])  # fmt: skip
    ws.append([f"{people[1][0]} {people[1][1]}", people[1][2], None, "website", "01-05-2020",
               "15-09-2022"])  # fmt: skip
    ws.append([f"{people[2][0]} {people[2][1]}", people[2][2], None, "beurs", "2021", "ja"])
    ws.append([f"{people[3][0]} {people[3][1]}", people[3][2], None, "website", None, None])
    for junk in ("zie tabblad 2", "Anoniem", "undefined undefined", "test", "n.v.t."):
        ws.append([junk, None, None, None, None, None])
    path = folder / "nieuwsbrief_aanmeldingen.xlsx"
    wb.save(path)
    truth = ExportTruth(
        persons=4,
        emails=[p[2] for p in people],
        consents=[people[0][2], people[3][2]],
        withdrawals=[people[1][2], people[2][2]],
        notes=["row 1 phone cell holds a mobile and a landline",
               "row 3 withdrew ('ja') without a date",
               "5 junk rows are no persons"],
    )  # fmt: skip
    return path, truth


def write_headerless_csv(folder: Path) -> tuple[Path, ExportTruth]:
    """First row is a person, not a header (issue 11)."""
    people = _people(3, SEED + 6)
    path = folder / "adressen_zonder_kop.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        for i, (first, last, email) in enumerate(people):
            writer.writerow([f"{first} {last}", email, PHONES[i]])
    return path, ExportTruth(persons=3, emails=[p[2] for p in people],
                             notes=["no header row; the first row is a person"])  # fmt: skip


def write_till_cp850(folder: Path) -> tuple[Path, ExportTruth]:
    """DOS till export in code page 850; some rows carry only a phone and an address."""
    path = folder / "kassa_dos.csv"
    rows = [
        ["Naam", "Telefoon", "Adres", "Postcode", "Plaats"],
        ["André Jansen", "06-11223344", "Dorpsstraat 1", "1234 AB", "Utrecht"],
        ["Geneviève de Wit", "", "Kerkplein 3", "2345 BC", "Leiden"],
        ["", "030-2345678", "Molenweg 12", "3456 CD", "Zeist"],
    ]
    with path.open("w", encoding="cp850", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(rows)
    return path, ExportTruth(persons=3, notes=["cp850: é/è must read back as é/è",
                                               "row 3 has no name: phone + address only"])  # fmt: skip


def write_flemish_members(folder: Path) -> tuple[Path, ExportTruth]:
    """Flemish member list: 'Voorvoeg', 'Geb.Dat', 'Post', 'GSM', 'LID v.a.', 4-digit postcodes,
    surname-first and double surnames."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Leden"
    ws.append(["Naam", "Voorvoeg", "Voornaam", "Geb.Dat", "Post", "Gemeente", "GSM", "Tel",
               "LID v.a."])  # fmt: skip
    ws.append(["Dyck", "Van", "Ineke", "12/03/1961", "2000", "Antwerpen", "0478/02 12 34",
               "03/827 12 34", "01/01/2015"])  # fmt: skip
    ws.append(["Voorst tot Voorst", "van", "Joris", "05/11/1970", "9000", "Gent", "0475 12 34 56",
               None, "15/06/2018"])  # fmt: skip
    ws.append(["Schimmelpenninck van der Oye", None, "Anna", None, "3000", "Leuven", None,
               "016/23 45 67", "2020"])  # fmt: skip
    path = folder / "ledenlijst_vl.xlsx"
    wb.save(path)
    return path, ExportTruth(persons=3, notes=["dates are DD/MM/YYYY", "postcodes are Belgian",
                                               "+32 numbers written 0478/.. and 03/.."])  # fmt: skip


def write_households(folder: Path) -> tuple[Path, ExportTruth]:
    """Shared addresses: parents and children, colleagues, and one true duplicate."""
    path = folder / "huishoudens.csv"
    rows = [
        ["Naam", "E-mail"],
        ["Karin Bakker", "fam.bakker@example.nl"],
        ["Tim Bakker", "fam.bakker@example.nl"],
        ["Sanne Visser", "info@atelier-example.nl"],
        ["Ahmed Yilmaz", "info@atelier-example.nl"],
        ["Altrahel Nader", "n.altrahel@example.nl"],
        ["Altrahel Nader", "n.altrahel@example.nl"],
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path, ExportTruth(
        persons=5,
        emails=["fam.bakker@example.nl", "info@atelier-example.nl", "n.altrahel@example.nl"],
        notes=["different names, same e-mail = different persons",
               "last two rows are one person; 'Altrahel Nader' is surname first"],
    )  # fmt: skip


def write_all(folder: Path) -> dict[str, tuple[Path | list[Path], ExportTruth]]:
    """Every fixture in one folder, keyed by a short name."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "google": write_google_csv(folder),
        "outlook_en": write_outlook_en_csv(folder),
        "vcf": write_vcf(folder),
        "mailchimp": write_mailchimp(folder),
        "newsletter": write_newsletter_signups(folder),
        "headerless": write_headerless_csv(folder),
        "till": write_till_cp850(folder),
        "flemish": write_flemish_members(folder),
        "households": write_households(folder),
        "google_full": write_google_full_csv(folder),
        "outlook_nl": write_outlook_nl_csv(folder),
        "brevo": write_brevo_csv(folder),
        "mailerlite": write_mailerlite_csv(folder),
        "club": write_club_activities(folder),
    }
