"""Who is who (issue 11): households and offices sharing one address, junk rows from web
forms, and a header-less sheet, written the way such lists look (same style as
tests/fixtures_exports.py: Faker nl_NL with a fixed seed, synthetic people only).

Each writer returns the path and a truth: what a careful person with the file in front of
them concludes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from tests.fixtures_exports import SEED, _fake

HOUSEHOLD_FILE = "leden_huishoudens.xlsx"
HEADERLESS_FILE = "deelnemers_zonder_kop.xlsx"
SIGNUP_FILE = "webformulier_aanmeldingen.csv"


@dataclass
class PeopleTruth:
    persons: int
    merged_rows: int = 0
    # Pairs of people sharing an address, as (display name, display name, reason).
    shared: list[tuple[str, str, str]] = field(default_factory=list)
    # Merged rows whose names were written differently: (name kept, row number merged).
    renamed: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)
    consenting: list[str] = field(default_factory=list)  # display names with a consent
    phones: dict[str, str] = field(default_factory=dict)  # display name -> the phone written
    secrets: list[str] = field(default_factory=list)  # cell texts no output may show


def write_household_members(folder: Path) -> tuple[Path, PeopleTruth]:
    """A members' list where families and an office share addresses, with one person entered
    twice (initials once, full first name once) and a father and son of the same name."""
    import openpyxl

    fake = _fake(SEED + 11)
    bakker, smit, berg = fake.last_name(), fake.last_name(), fake.last_name()
    office = [(fake.first_name(), fake.last_name()) for _ in range(4)]
    family = f"fam.{bakker.lower().replace(' ', '')}@example.nl"
    atelier = "info@atelier-voorbeeld.nl"
    smits = f"{smit.lower().replace(' ', '')}@example.nl"
    pieter = f"p.{berg.lower().replace(' ', '')}@example.nl"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Leden"
    ws.append(["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail", "Telefoon",
               "Geboortedatum", "Nieuwsbrief"])  # fmt: skip
    rows = [
        ["Karin", None, bakker, family, "06-11112222", "12-03-1975", "ja"],  # 2
        ["Tim", None, bakker, family, "06-33334444", "01-09-2010", "nee"],  # 3
        [office[0][0], None, office[0][1], atelier, None, None, "ja"],  # 4
        [office[1][0], None, office[1][1], atelier, None, None, None],  # 5
        [office[2][0], None, office[2][1], atelier, None, None, None],  # 6
        [office[3][0], None, office[3][1], atelier, "020-5556677", None, None],  # 7
        ["Pieter", "van den", berg, pieter, "06-55556666", None, None],  # 8
        ["P.", None, f"Van Den {berg}", pieter.upper(), None, None, "ja"],  # 9
        ["Jan", None, smit, smits, None, "05-05-1950", None],  # 10
        ["Jan", None, smit, smits, None, "07-07-1980", "ja"],  # 11
        [None, None, None, family, None, None, None],  # 12: whose row? nobody can tell
    ]
    for row in rows:
        ws.append(row)
    path = folder / HOUSEHOLD_FILE
    wb.save(path)
    names = [f"{o[0]} {o[1]}" for o in office]
    shared = [
        (f"Karin {bakker}", f"Tim {bakker}", "shared_email"),
        # Each colleague is paired with the address's first user, not with everyone.
        *[(names[0], b, "shared_email") for b in names[1:]],
        (f"Jan {smit}", f"Jan {smit}", "shared_email_birth_date"),
        (f"Karin {bakker}", "", "shared_email"),
    ]
    truth = PeopleTruth(
        persons=10,  # 2 Bakkers, 4 colleagues, Pieter, 2 Smits, the nameless family row
        merged_rows=1,
        shared=shared,
        renamed=[(f"Pieter van den {berg}", 9)],
        consenting=[f"Karin {bakker}", names[0], f"Pieter van den {berg}", f"Jan {smit}"],
        phones={f"Karin {bakker}": "+31611112222", f"Tim {bakker}": "+31633334444"},
    )
    return path, truth


def write_headerless_sheet(folder: Path) -> tuple[Path, PeopleTruth]:
    """Participants typed straight into a sheet, no header row; the first person has a
    health note (a special category), which must not leak into any output."""
    import openpyxl

    fake = _fake(SEED + 12)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deelnemers"
    secrets: list[str] = []
    phones = ["06-24681357", "0612345670", "010-4567890"]
    for i in range(3):
        first, last = fake.first_name(), fake.last_name()
        email = f"{first}.{last}.{i}@example.nl".lower().replace(" ", "")
        street = f"{fake.street_name()} {i + 3}"
        postcode = f"{1011 + i * 111} {'AB' if i else 'CD'}"
        note = "diabetes, graag pauze" if i == 0 else None
        ws.append([f"{first} {last}", email, phones[i], street, postcode, fake.city(), note])
        if i == 0:
            secrets = [first, last, email, phones[i], "0624681357", street, "diabetes"]
    path = folder / HEADERLESS_FILE
    wb.save(path)
    return path, PeopleTruth(persons=3, secrets=secrets)


def write_web_signups(folder: Path) -> tuple[Path, PeopleTruth]:
    """A web form's sign-up export: JavaScript-empty names, test entries, placeholders."""
    fake = _fake(SEED + 13)
    people = [(fake.first_name(), fake.last_name()) for _ in range(3)]
    rows = [
        ["Voornaam", "Achternaam", "E-mailadres", "Datum"],
        [people[0][0], people[0][1], f"{people[0][0]}.x@example.nl".lower(), "2024-02-01"],  # 2
        ["undefined", "undefined", "form.lost.name@example.nl", "2024-02-02"],  # 3: a person
        ["Anoniem", "", "", "2024-02-03"],  # 4
        ["test", "test", "test@test.nl", "2024-02-04"],  # 5
        ["onbekend", "", "", ""],  # 6
        ["zie tabblad 2", "", "", ""],  # 7
        ["", "", "", ""],  # 8: empty, between people
        ["n.v.t.", "n.v.t.", "", ""],  # 9
        ["-", "-", "-", "-"],  # 10
        [
            people[1][0],
            people[1][1],
            f"{people[1][1]}@example.nl".lower().replace(" ", ""),
            "2024-03-01",
        ],  # 11
        [people[2][0], people[2][1], "", ""],  # 12: a name is enough
    ]
    path = folder / SIGNUP_FILE
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    truth = PeopleTruth(
        persons=4,
        skipped=[
            (4, "junk"),
            (5, "junk"),
            (6, "junk"),
            (7, "cross_reference"),
            (8, "empty"),
            (9, "junk"),
            (10, "junk"),
        ],
    )
    return path, truth


def write_people_fixtures(folder: Path) -> dict[str, tuple[Path, PeopleTruth]]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "households": write_household_members(folder),
        "headerless": write_headerless_sheet(folder),
        "signups": write_web_signups(folder),
    }
