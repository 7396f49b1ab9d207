"""Synthetic but realistic legacy contact lists, the way Dutch institutions keep them.

Five files in five formats, written with the real libraries (openpyxl, xlwt, odfpy, the csv
module in Windows-1252), seeded so that every run writes the same people. A handful of
invented "anchor" people carry the cases the tests assert one by one (cross-file duplicates,
a near duplicate, unsubscribes, a special-category note, ended memberships); Faker nl_NL fills
the lists around them with people who share no surname, e-mail or postcode with anyone, so
that the expected counts are exact.

Every file's modification time is set to FILE_DATE: that is "the day the list was true", the
fallback date of consents and ended memberships without a date of their own.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

FILE_DATE = datetime.date(2024, 1, 15)

FRIENDS_FILE = "vrienden_2023.xlsx"
NEWSLETTER_FILE = "nieuwsbrief_abonnees.xlsx"
TOURS_FILE = "rondleidingen_2018.xls"
TILL_FILE = "kassa_export.csv"
VISITORS_FILE = "bezoekers_2019.ods"

# How many Faker people each list holds besides the anchors.
FILLERS = {
    "Vrienden": 20,
    "Opgezegd": 4,
    "Abonnees": 20,
    "Rondleidingen": 6,
    "Kassa": 8,
    "Bezoekers": 6,
}

IBANS = (
    "NL91ABNA0417164300",
    "NL20INGB0001234567",
    "NL39RABO0300065264",
    "NL02ABNA0123456789",
    "NL44RABO0123456789",
)

FRIENDS_HEADER = [
    "Nr.",
    "Voorl.",
    "Tussenv.",
    "Achternaam",
    "Straat + huisnr",
    "Postcode",
    "Woonplaats",
    "E-mailadres",
    "Tel.",
    "Lid sinds",
    "Opgezegd per",
    "IBAN",
    "Opmerkingen",
]
NEWSLETTER_HEADER = ["Naam", "E-mail", "Nieuwsbrief", "Aangemeld op", "Afgemeld"]
TOURS_HEADER = ["Contactpersoon", "Organisatie", "Tel.", "E-mail", "Datum rondleiding", "Aantal"]
TILL_HEADER = ["Klantnaam", "Postcode", "Telefoon", "E-mail", "Optin", "Aankoopdatum"]
VISITORS_HEADER = ["Naam", "Postcode", "E-mail", "E-mail (werk)", "Telefoon"]

SPECIAL_NOTE = "Rolstoelgebruiker, graag parkeerplek dichtbij"
ORDINARY_NOTE = "Komt altijd naar de opening"

# Anchor surnames are invented: Faker's nl_NL list holds none of them.
ANCHOR_SURNAMES = frozenset(
    {
        "brinkhorst",
        "oosterwijk",
        "verhoeckx",
        "verhoekx",
        "zuidbroek",
        "hazelaar",
        "haarbrink",
        "walsteijn",
        "kwartelhof",
        "ommerenbos",
        "hovestadt",
        "zandvoortman",
        "knoppersma",
        "lindeboomsma",
        "vermeulenhof",
        "slootmaekers",
        "wijngaarde",
    }
)

# Row numbers as the user sees them in each sheet (asserted by the tests).
ROWS = {
    "friends_title": 1,
    "friends_header": 3,
    "friends_first": 4,
}


@dataclass
class LegacySet:
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)  # short name -> path
    # (file, sheet, row, reason) of rows that must be skipped / reported invalid
    skipped: list[tuple[str, str, int, str]] = field(default_factory=list)
    invalid: list[tuple[str, str, int, str]] = field(default_factory=list)
    rows: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # anchor -> where
    filler_emails: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return list(self.files.values())


# -- Faker people -------------------------------------------------------------------------

_INFIXES = ("van der", "van den", "van de", "van", "de", "den", "ter", "ten", "te", "in 't")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


@dataclass
class Filler:
    first: str
    infix: str | None
    last: str
    street: str
    postcode: str
    city: str
    email: str
    phone: str

    @property
    def initials(self) -> str:
        return self.first[0].upper() + "."

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.first, self.infix, self.last) if p)


class People:
    """Unique Faker people: no shared surname, e-mail or postcode, so no accidental merges."""

    def __init__(self, seed: int) -> None:
        self.fake = Faker("nl_NL")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)
        self.surnames: set[str] = set(ANCHOR_SURNAMES)
        self.postcodes: set[str] = set()
        self.count = 0

    def _surname(self) -> tuple[str | None, str]:
        while True:
            raw = self.fake.last_name()
            infix = next((i for i in _INFIXES if raw.lower().startswith(i + " ")), None)
            last = raw[len(infix) + 1 :] if infix else raw
            key = _fold(last)
            if " " in last or not key or key in self.surnames:
                continue
            self.surnames.add(key)
            return infix, last

    def _postcode(self) -> str:
        letters = "BCEGHJKLMNPRTVWXZ"
        while True:
            code = (
                f"{self.rng.randint(1000, 9999)} "
                f"{self.rng.choice(letters)}{self.rng.choice(letters)}"
            )
            if code not in self.postcodes:
                self.postcodes.add(code)
                return code

    def next(self) -> Filler:
        self.count += 1
        first = self.fake.first_name()
        infix, last = self._surname()
        email = f"{_fold(first)}.{_fold(last)}.{self.count}@voorbeeld.nl"
        phone = f"06-2{self.rng.randint(0, 9_999_999):07d}"
        return Filler(
            first,
            infix,
            last,
            self.fake.street_name() + f" {self.rng.randint(1, 200)}",
            self._postcode(),
            self.fake.city(),
            email,
            phone,
        )


# -- writers ------------------------------------------------------------------------------


def _friends_row(
    nr: int, p: Filler, since: datetime.date, until: datetime.date | None, iban: str
) -> list[object]:
    return [
        nr,
        p.initials,
        p.infix,
        p.last,
        p.street,
        p.postcode.replace(" ", ""),
        p.city,
        p.email,
        p.phone,
        since,
        until,
        iban,
        None,
    ]


def write_friends(path: Path, people: People, legacy: LegacySet) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Vrienden"
    sheet = "Vrienden"
    ws.append(["Vriendenlijst Museum Proef, stand december 2023"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(FRIENDS_HEADER))
    ws.append([])
    ws.append(FRIENDS_HEADER)
    anchors: list[tuple[str, list[object]]] = [
        (
            "brink",
            [
                1,
                "M.",
                "van der",
                "Brinkhorst",
                "Lindelaan 12",
                "3511ab",
                "UTRECHT",
                "M.vanderBrinkhorst@Voorbeeld.NL",
                "06-11223344",
                datetime.date(2015, 3, 1),
                None,
                IBANS[0],
                ORDINARY_NOTE,
            ],
        ),
        (
            "oost",
            [
                2,
                "H.",
                None,
                "Oosterwijk",
                "Prinsegracht 4",
                "2512 CD",
                "Den Haag",
                None,
                "070-3456789",
                datetime.date(2010, 9, 1),
                datetime.date(2025, 1, 31),
                IBANS[1],
                None,
            ],
        ),
        (
            "verh",
            [
                3,
                "K.",
                None,
                "Verhoeckx",
                "Keizersgracht 100",
                "1017 BS",
                "Amsterdam",
                "k.verhoeckx@voorbeeld.nl",
                "0612345670",
                datetime.date(2018, 1, 1),
                None,
                IBANS[2],
                None,
            ],
        ),
        (
            "zuid",
            [
                4,
                "W.",
                None,
                "Zuidbroek",
                "Dorpsstraat 7",
                "9711 AA",
                "Groningen",
                "w.zuidbroek@voorbeeld.nl",
                None,
                datetime.date(2012, 5, 5),
                None,
                IBANS[3],
                SPECIAL_NOTE,
            ],
        ),
        (
            "haze",
            [
                5,
                "R.",
                None,
                "Hazelaar",
                "Molenweg 3",
                "6511 XY",
                "Nijmegen",
                "ria.hazelaar@voorbeeld.nl",
                "024-3601234",
                datetime.date(2019, 2, 2),
                None,
                IBANS[4],
                None,
            ],
        ),
    ]
    row = 4
    for key, values in anchors:
        ws.append(values)
        legacy.rows[key] = (FRIENDS_FILE, sheet, row)
        row += 1
    nr = 6
    for i in range(FILLERS["Vrienden"]):
        if i == 7:
            ws.append([])  # a blank line someone left in the middle
            legacy.skipped.append((FRIENDS_FILE, sheet, row, "empty"))
            row += 1
        if i == 12:
            ws.append(
                [None, None, None, "test", None, None, None, "n.v.t.", None, None, None, None, None]
            )
            legacy.invalid.append((FRIENDS_FILE, sheet, row, "junk"))
            row += 1
            ws.append(
                [
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    "Leiden",
                    None,
                    # No phone: a row with a phone but no name is a person (issue 12).
                    None,
                    None,
                    None,
                    None,
                    None,
                ]
            )
            legacy.invalid.append((FRIENDS_FILE, sheet, row, "no_name_no_email"))
            row += 1
        p = people.next()
        legacy.filler_emails.append(p.email)
        since = datetime.date(2005 + i % 15, 1 + i % 12, 1 + i % 27)
        ws.append(_friends_row(nr, p, since, None, IBANS[i % len(IBANS)]))
        nr += 1
        row += 1
    ws.append(["Totaal", None, None, nr - 1])
    legacy.skipped.append((FRIENDS_FILE, sheet, row, "totals"))
    ws.column_dimensions["L"].hidden = True  # the IBAN column nobody should see

    ended = wb.create_sheet("Opgezegd")
    ended.append(FRIENDS_HEADER)
    ended.append(
        [
            None,
            "G.",
            "ter",
            "Haarbrink",
            "Veldweg 1",
            "7411 AB",
            "Deventer",
            "g.terhaarbrink@voorbeeld.nl",
            None,
            datetime.date(2005, 1, 1),
            datetime.date(2024, 12, 31),
            None,
            None,
        ]
    )
    legacy.rows["drie"] = (FRIENDS_FILE, "Opgezegd", 2)
    ended.append(
        [
            None,
            "L.",
            None,
            "Walsteijn",
            "Melkmarkt 9",
            "8011 AB",
            "Zwolle",
            "l.walsteijn@voorbeeld.nl",
            None,
            datetime.date(2008, 1, 1),
            None,
            None,
            None,
        ]
    )
    legacy.rows["nodate"] = (FRIENDS_FILE, "Opgezegd", 3)
    for i in range(FILLERS["Opgezegd"]):
        p = people.next()
        legacy.filler_emails.append(p.email)
        ended.append(
            _friends_row(
                100 + i, p, datetime.date(2001 + i, 3, 1), datetime.date(2023, 1 + i, 1), ""
            )
        )

    info = wb.create_sheet("Lees mij")
    for line in (
        "Deze lijst bevat alle vrienden van het museum en wordt bijgehouden door het secretariaat.",
        "Vul bij een nieuwe vriend altijd de voorletters en de achternaam in, en het e-mailadres.",
        "Opzeggingen worden naar het tabblad Opgezegd verplaatst met de datum van opzegging erbij.",
        "Vragen over deze lijst kunnen naar de penningmeester van de vriendenstichting.",
    ):
        info.append([line])
    legacy.skipped.append((FRIENDS_FILE, "Lees mij", 0, "instructions"))
    wb.save(path)


def write_newsletter(path: Path, people: People, legacy: LegacySet) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Abonnees"
    sheet = "Abonnees"
    ws.append(NEWSLETTER_HEADER)
    anchors: list[tuple[str, list[object]]] = [
        (
            "n_brink",
            [
                "Brinkhorst, Maarten van der",
                "m.vanderbrinkhorst@voorbeeld.nl",
                "ja",
                "12-3-2019",
                None,
            ],
        ),
        ("kwart", ["Jorien de Kwartelhof", "jorien@kwartelhof-voorbeeld.nl", "ja", 43466, None]),
        (
            "omm",
            [
                "T. van Ommerenbos",
                "t.vanommerenbos@voorbeeld.nl",
                "nee",
                datetime.datetime(2020, 6, 1),
                None,
            ],
        ),
        ("hove", ["FEMKE TEN HOVESTADT", "femke.tenhovestadt@voorbeeld.nl", None, None, None]),
        (
            "zand",
            [
                "Pieter Zandvoortman",
                "p.zandvoortman@voorbeeld.nl",
                "ja",
                datetime.datetime(2016, 5, 1),
                datetime.datetime(2022, 11, 15),
            ],
        ),
    ]
    row = 2
    for key, values in anchors:
        ws.append(values)
        legacy.rows[key] = (NEWSLETTER_FILE, sheet, row)
        row += 1
    forms = ("plain", "comma", "initials", "caps")
    answers = ("ja", "j", "x", "nee", None)
    for i in range(FILLERS["Abonnees"]):
        if i == 10:
            ws.append(NEWSLETTER_HEADER)  # two lists glued together
            legacy.skipped.append((NEWSLETTER_FILE, sheet, row, "repeated_header"))
            row += 1
            ws.append(["n.v.t.", None, "nee", None, None])
            legacy.invalid.append((NEWSLETTER_FILE, sheet, row, "junk"))
            row += 1
        p = people.next()
        legacy.filler_emails.append(p.email)
        form = forms[i % len(forms)]
        infix = f" {p.infix}" if p.infix else ""
        name = {
            "plain": p.full,
            "comma": f"{p.last}, {p.first}{infix}",
            "initials": f"{p.initials}{infix} {p.last}",
            "caps": p.full.upper(),
        }[form]
        signup: object = (
            f"{1 + i % 27}-{1 + i % 12}-{2012 + i % 10}"
            if i % 3 == 0
            else 43000 + i * 17
            if i % 3 == 1
            else datetime.datetime(2014, 1 + i % 12, 3)
        )
        ws.append([name, p.email, answers[i % len(answers)], signup, None])
        row += 1
    wb.save(path)


def write_tours(path: Path, people: People, legacy: LegacySet) -> None:
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("Rondleidingen")
    date_style = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    for col, text in enumerate(TOURS_HEADER):
        ws.write(0, col, text)
    rows: list[list[object]] = [
        [
            "Gerda Knoppersma",
            "OBS De Regenboog",
            "020-1234567",
            "g.knoppersma@voorbeeld.nl",
            datetime.date(2018, 4, 12),
            24,
        ],
        # The leading zero went when someone typed the number into a number cell.
        [
            "Bram Lindeboomsma",
            "Seniorenvereniging Zonnehoek",
            612345678,
            None,
            datetime.date(2018, 9, 27),
            15,
        ],
    ]
    legacy.rows["knop"] = (TOURS_FILE, "Rondleidingen", 2)
    legacy.rows["linde"] = (TOURS_FILE, "Rondleidingen", 3)
    for i in range(FILLERS["Rondleidingen"]):
        p = people.next()
        legacy.filler_emails.append(p.email)
        rows.append(
            [
                p.full,
                f"{p.city} Leest",
                p.phone,
                p.email,
                datetime.date(2018, 1 + i, 10 + i),
                10 + i,
            ]
        )
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            if isinstance(value, datetime.date):
                ws.write(r, c, value, date_style)
            elif value is not None:
                ws.write(r, c, value)
    book.save(str(path))


def write_till(path: Path, people: People, legacy: LegacySet) -> None:
    rows: list[list[str]] = [
        TILL_HEADER,
        ["H. Oosterwijk", "2512CD", "06-29887766", "", "no", "3-1-2024"],
        ["Chloë Vermeulenhof", "5611 AB", "", "chloe@vermeulenhof-voorbeeld.nl", "yes", "2-1-2024"],
        [
            "Renée Slootmaekers",
            "3011 BC",
            "010-7654321",
            "renee.s@voorbeeld.nl",
            "yes",
            "28-12-2023",
        ],
        ["Loïs van Wijngaarde", "4811 DE", "", "lois.vw@voorbeeld.nl", "no", "27-12-2023"],
        ["n.v.t.", "", "", "", "no", ""],
    ]
    legacy.rows["k_oost"] = (TILL_FILE, "kassa_export", 2)
    legacy.rows["chloe"] = (TILL_FILE, "kassa_export", 3)
    legacy.rows["renee"] = (TILL_FILE, "kassa_export", 4)
    legacy.rows["lois"] = (TILL_FILE, "kassa_export", 5)
    legacy.invalid.append((TILL_FILE, "kassa_export", 6, "junk"))
    for i in range(FILLERS["Kassa"]):
        p = people.next()
        legacy.filler_emails.append(p.email)
        rows.append(
            [p.full, p.postcode, p.phone, p.email, ("yes", "no")[i % 2], f"{1 + i}-12-2023"]
        )
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("cp1252"))


def write_visitors(path: Path, people: People, legacy: LegacySet) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Bezoekers")
    rows: list[list[str | None]] = [
        list[str | None](VISITORS_HEADER),
        [
            "Ria Hazelaar",
            "6511XY",
            "RIA.HAZELAAR@voorbeeld.nl",
            "r.hazelaar@gemeente-voorbeeld.nl",
            "06-55667788",
        ],
        ["Karel Verhoekx", "1017 BS", "karel.verhoekx@voorbeeld.nl", None, None],
    ]
    legacy.rows["d_haze"] = (VISITORS_FILE, "Bezoekers", 2)
    legacy.rows["d_verh"] = (VISITORS_FILE, "Bezoekers", 3)
    for i in range(FILLERS["Bezoekers"]):
        p = people.next()
        legacy.filler_emails.append(p.email)
        work = f"{_fold(p.last)}.{i}@werk-voorbeeld.nl" if i < 3 else None
        rows.append([p.full, p.postcode, p.email, work, p.phone])
    for values in rows:
        tr = TableRow()
        for value in values:
            cell = TableCell(valuetype="string") if value is not None else TableCell()
            if value is not None:
                cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def build_legacy_set(folder: Path, seed: int = 20240115) -> LegacySet:
    """Write the five legacy lists into `folder` and say what the tests should find."""
    folder.mkdir(parents=True, exist_ok=True)
    people = People(seed)
    legacy = LegacySet(folder)
    for short, name, writer in (
        ("friends", FRIENDS_FILE, write_friends),
        ("newsletter", NEWSLETTER_FILE, write_newsletter),
        ("tours", TOURS_FILE, write_tours),
        ("till", TILL_FILE, write_till),
        ("visitors", VISITORS_FILE, write_visitors),
    ):
        path = folder / name
        writer(path, people, legacy)
        stamp = datetime.datetime.combine(FILE_DATE, datetime.time(12, 0)).timestamp()
        os.utime(path, (stamp, stamp))
        legacy.files[short] = path
    return legacy
