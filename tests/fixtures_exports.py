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
        rows.append(row)
    path = folder / "contacts.csv"
    _write_csv(path, GOOGLE_HEADER, rows)
    truth = ExportTruth(
        persons=5,
        emails=[p[2] for p in people],
        header_confirmed=False,
        notes=["row 1 holds two e-mails and two phones joined by ' ::: '",
               "no consent column: an address book is no newsletter consent"],
    )  # fmt: skip
    return path, truth


def write_outlook_en_csv(folder: Path) -> tuple[Path, ExportTruth]:
    people = _people(4, SEED + 2)
    rows = [
        {"First Name": f, "Last Name": last, "E-mail Address": e, "E-mail Type": "SMTP",
         "Mobile Phone": PHONES[i], "Birthday": "3/14/1975" if i == 0 else ""}
        for i, (f, last, e) in enumerate(people)
    ]  # fmt: skip
    path = folder / "OutlookContacts.csv"
    _write_csv(path, OUTLOOK_EN_HEADER, rows, quoting=csv.QUOTE_ALL)  # type: ignore[arg-type]
    truth = ExportTruth(
        persons=4,
        emails=[p[2] for p in people],
        notes=["Birthday 3/14/1975 is US M/D/YYYY (unconfirmed format): 14 March 1975"],
    )
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
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    path = folder / "contacten.vcf"
    path.write_bytes(("\r\n".join(cards) + "\r\n").encode("utf-8"))
    truth = ExportTruth(persons=3, emails=[p[2] for p in people],
                        notes=["card 2 has a folded ADR line and BDAY 1980-02-29"])  # fmt: skip
    return path, truth


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
    }
