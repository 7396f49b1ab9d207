"""Legacy lists whose KIND and DATE a careful person reads off the file (issue 11).

Written the way such files look in a small institution: a friends list without any dates
next to a dated unsubscribe list, a tour list per year with a "Datum" and a "Groep /
organisatie" column, a members workbook with an "Opzeggers" sheet and a "Status" column,
a list under a dated title row, and a list nobody could say the purpose of. Synthetic
Faker nl_NL people (seeded); each writer returns the path and a truth a person would state.
"""

from __future__ import annotations

import csv
import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

from tests.fixtures_exports import SEED, _people

# The day the files were "copied" to the new laptop: later than anything in them.
COPIED_ON = datetime.date(2025, 6, 1)


@dataclass
class ListTruth:
    kind: str  # ListKind value
    emails: list[str] = field(default_factory=list)
    consents: list[str] = field(default_factory=list)  # newsletter consent stands
    withdrawals: list[str] = field(default_factory=list)
    ended: dict[str, datetime.date] = field(default_factory=dict)  # e-mail -> end date
    deceased: list[str] = field(default_factory=list)
    visits: dict[str, datetime.date] = field(default_factory=dict)  # e-mail -> last visit
    organisations: dict[str, str] = field(default_factory=dict)
    list_date: datetime.date | None = None
    date_source: str = ""


def _copied(path: Path) -> None:
    stamp = datetime.datetime.combine(COPIED_ON, datetime.time(9, 0)).timestamp()
    os.utime(path, (stamp, stamp))


def write_undated_friends(folder: Path) -> tuple[Path, ListTruth]:
    """A friends list with a newsletter "ja" column and not one date anywhere."""
    import openpyxl

    people = _people(4, SEED + 20)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Vrienden"
    ws.append(["Voornaam", "Achternaam", "E-mailadres", "Nieuwsbrief"])
    for first, last, email in people:
        ws.append([first, last, email, "ja"])
    path = folder / "vriendenlijst.xlsx"
    wb.save(path)
    _copied(path)
    return path, ListTruth(
        "vrienden",
        emails=[p[2] for p in people],
        # The first two unsubscribed in 2023 (write_dated_withdrawals): that stands.
        consents=[p[2] for p in people[2:]],
        withdrawals=[p[2] for p in people[:2]],
    )


def write_dated_withdrawals(folder: Path) -> tuple[Path, ListTruth]:
    """The unsubscribe list kept next to it, each with its date."""
    people = _people(4, SEED + 20)[:2]
    path = folder / "afmeldingen.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["E-mail", "Afgemeld op"])
        writer.writerow([people[0][2], "06-05-2023"])
        writer.writerow([people[1][2], "14-11-2023"])
    _copied(path)
    return path, ListTruth("afmeldingen", emails=[p[2] for p in people],
                           withdrawals=[p[2] for p in people])  # fmt: skip


def write_tours_2018(folder: Path) -> tuple[Path, ListTruth]:
    """Group tours of one year: 'Datum' is the visit, 'Groep / organisatie' who came."""
    import openpyxl

    people = _people(4, SEED + 21)
    orgs = ["OBS De Regenboog", "Zonnebloem afd. Noord", "Bedrijfsuitje Acme BV", "KBO Zuid"]
    dates = [datetime.datetime(2018, 3, 14), datetime.datetime(2018, 6, 2),
             datetime.datetime(2018, 10, 9), None]  # fmt: skip
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rondleidingen 2018"
    ws.append(["Datum", "Groep / organisatie", "Contactpersoon", "E-mail", "Aantal"])
    for (first, last, email), org, when in zip(people, orgs, dates, strict=True):
        ws.append([when, org, f"{first} {last}", email, 25])
    path = folder / "groepen.xlsx"
    wb.save(path)
    _copied(path)
    visits = {p[2]: d.date() for p, d in zip(people, dates, strict=True) if d is not None}
    visits[people[3][2]] = datetime.date(2018, 12, 31)  # undated row: the list's year
    return path, ListTruth(
        "rondleidingen",
        emails=[p[2] for p in people],
        visits=visits,
        organisations={p[2]: o for p, o in zip(people, orgs, strict=True)},
        list_date=datetime.date(2018, 12, 31),
        date_source="sheet_year",
    )


def write_members_with_status(folder: Path) -> tuple[Path, ListTruth]:
    """'Leden' with Status and Actief columns, and an 'Opzeggers' sheet with 'Reden opz.'."""
    import openpyxl

    people = _people(7, SEED + 22)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Leden"
    ws.append(["Naam", "E-mail", "Lid sinds", "Status", "Actief", "Opgezegd per"])
    rows = [
        ("actief", "ja", None),
        ("opgezegd", "nee", datetime.datetime(2022, 12, 31)),
        ("overleden", "nee", None),
        ("geroyeerd", "nee", None),
        (None, "0", None),
    ]
    for (first, last, email), (status, active, until) in zip(people, rows, strict=False):
        ws.append([f"{first} {last}", email, datetime.datetime(2010, 1, 1), status, active, until])
    ended = wb.create_sheet("Opzeggers")
    ended.append(["Naam", "E-mail", "Datum opzegging", "Reden opz."])
    ended.append([f"{people[5][0]} {people[5][1]}", people[5][2], datetime.datetime(2021, 3, 1),
                  "verhuisd"])  # fmt: skip
    ended.append([f"{people[6][0]} {people[6][1]}", people[6][2], None, "overleden"])
    path = folder / "ledenbestand.xlsx"
    wb.save(path)
    _copied(path)
    emails = [p[2] for p in people]
    # Without a date of their own: the list's date, its newest date (2022-12-31).
    list_day = datetime.date(2022, 12, 31)
    return path, ListTruth(
        "vrienden",
        emails=emails,
        ended={
            emails[1]: datetime.date(2022, 12, 31),
            emails[2]: list_day,
            emails[3]: list_day,
            emails[4]: list_day,
            emails[5]: datetime.date(2021, 3, 1),
            emails[6]: datetime.date(2021, 3, 1),
        },
        deceased=[emails[2], emails[6]],
    )


def write_titled_list(folder: Path) -> tuple[Path, ListTruth]:
    """A title row says what the list is and when it was last brought up to date."""
    import openpyxl

    people = _people(2, SEED + 23)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    ws.append(["Donateurslijst Stichting Museum, bijgewerkt 12-01-2020"])
    ws.append([])
    ws.append(["Naam", "E-mail", "Woonplaats"])
    for first, last, email in people:
        ws.append([f"{first} {last}", email, "Utrecht"])
    path = folder / "adressen.xlsx"
    wb.save(path)
    _copied(path)
    return path, ListTruth("donateurs", emails=[p[2] for p in people],
                           list_date=datetime.date(2020, 1, 12), date_source="title")  # fmt: skip


def write_unknown_list(folder: Path) -> tuple[Path, ListTruth]:
    """Names and e-mails, nothing that says why they were kept."""
    people = _people(3, SEED + 24)
    path = folder / "lijst_jan.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Naam", "E-mail"])
        for first, last, email in people:
            writer.writerow([f"{first} {last}", email])
    _copied(path)
    return path, ListTruth("onbekend", emails=[p[2] for p in people],
                           list_date=COPIED_ON, date_source="file_mtime")  # fmt: skip


def write_all_lists(folder: Path) -> dict[str, tuple[Path, ListTruth]]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "friends": write_undated_friends(folder),
        "withdrawals": write_dated_withdrawals(folder),
        "tours": write_tours_2018(folder),
        "members": write_members_with_status(folder),
        "titled": write_titled_list(folder),
        "unknown": write_unknown_list(folder),
    }
