"""Synthetic data for the screenshots: a small museum's vault, a statistics population and the
legacy spreadsheets of a first migration. Every person is invented (Faker nl_NL with a fixed
seed, or made-up names and voorbeeld.nl addresses); nothing here resembles a real person.

Used by tools/render_screenshots.py; the pictures in docs/handleiding.md are made from it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import os
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.synthetic_contacts, tests.fixtures_legacy
sys.path.insert(0, str(ROOT / "tools"))

MUSEUM_PEOPLE = 60


@dataclass
class Seeded:
    """Ids of the records the screens point at."""

    detail: int = 0  # legacy consent to reconfirm plus a fresh one with evidence
    plain: int = 0  # an ordinary friend, for the edit dialog
    restricted: int = 0
    special: int = 0
    requests: dict[str, int] = field(default_factory=dict)
    duplicates: tuple[int, int] = (0, 0)


def _person(
    first: str,
    infix: str | None,
    last: str,
    postcode: str,
    city: str,
    *,
    relation: Any,
    consents: list[Any] | None = None,
    notes: str = "",
    segment: str | None = None,
    born: int | None = None,
    source: tuple[str, str, int] = ("ledenlijst_2019.xlsx", "Leden", 12),
) -> Any:
    from contactkluis.domain.contact import Address, Contact, PersonName, Provenance

    slug = f"{_ascii(first)}.{_ascii((infix or '') + last)}"
    n = sum(map(ord, slug))
    return Contact(
        name=PersonName(first, f"{first[0]}.", infix, last),
        emails=[f"{slug}@voorbeeld.nl"],
        phones=[f"+3162{n * 7919 % 10_000_000:07d}"],  # 06-2…: a valid mobile number
        address=Address("Museumlaan", str(n % 140 + 1), postcode, city, None),
        birth_year=born,
        notes=notes,
        segment=segment,
        consents=consents or [],
        relations=[relation],
        sources=[Provenance(*source)],
    )


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain)


def museum_people(session: Any, count: int, seed: int = 11) -> list[int]:
    from contactkluis.services import states

    """tests/synthetic_contacts' people (every consent and retention state) with the
    e-mail addresses people really have: no digits, accents or apostrophes."""
    from faker import Faker
    from tests.synthetic_contacts import make_contact

    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rnd = random.Random(seed)
    today = session.today()
    segments = ["Cultuurminnaars", "Stedelijke Alleseters", "Kansrijke Belangstellenden", None]
    used: set[str] = set()
    with session.write() as conn:
        repo = session.repo(conn)
        ids = []
        for n in range(count):
            c = make_contact(fake, rnd, today, n)
            if c.name.infix in ("'t", "in 't"):  # rare in real names, odd before any surname
                c.name = dataclasses.replace(c.name, infix=None)
            local = (
                f"{_ascii(c.name.first or '')}.{_ascii((c.name.infix or '') + (c.name.last or ''))}"
            )
            local = local if local not in used else f"{local}{n}"
            used.add(local)
            c.emails = [f"{local}@{rnd.choice(['voorbeeld.nl', 'example.nl', 'mail.example'])}"]
            c.segment = segments[n % len(segments)]
            ids.append(repo.insert(c, recorded_by="import"))
        states.refresh(session, conn, ids)
    return ids


def seed_museum(session: Any) -> Seeded:
    """~60 Faker people in every consent and retention state, plus the named cases below."""
    from contactkluis.domain.contact import ConsentEvent, ConsentStatus, Relation, RelationKind
    from contactkluis.services import contacts, erasure, requests

    museum_people(session, MUSEUM_PEOPLE - 6)
    today = session.today()
    given, withdrawn = ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN
    friend = Relation(RelationKind.VRIEND, start=date(2016, 3, 1), source="ledenlijst")
    out = Seeded()
    out.detail = contacts.create_contact(
        session,
        _person(
            "Carla", None, "Bosman", "3512 JK", "Utrecht",
            relation=Relation(RelationKind.VRIEND, start=date(2014, 9, 1),
                              end=today - timedelta(days=700), source="ledenlijst"),
            consents=[
                ConsentEvent("nieuwsbrief", given, date(2019, 3, 12), "nieuwsbrief_abonnees.xlsx",
                             "Nieuwsbrief: ja", reconfirm=True),
                ConsentEvent("uitnodigingen", given, today - timedelta(days=40),
                             "aanmeldformulier balie", "formulier nr. 117"),
            ],
            segment="Cultuurminnaars", born=1958,
        ),
    )  # fmt: skip
    out.special = contacts.create_contact(
        session,
        _person(
            "Bart", None, "Achterberg", "3581 KL", "Utrecht", relation=friend,
            notes="Rolstoelgebruiker, graag een plek bij de lift", segment="Cultuurminnaars",
            consents=[ConsentEvent("nieuwsbrief", given, date(2024, 5, 2), "aanmeldformulier")],
        ),
    )  # fmt: skip
    out.restricted = contacts.create_contact(
        session,
        _person("Anneke", "van den", "Akker", "3811 MN", "Amersfoort", relation=friend,
                segment="Stedelijke Alleseters"),
    )  # fmt: skip
    erasure.restrict(session, out.restricted)
    out.plain = contacts.create_contact(
        session,
        _person(
            "Daan", None, "Aalbers", "3013 AL", "Rotterdam", relation=friend,
            notes="Komt altijd naar de opening van een nieuwe tentoonstelling",
            consents=[
                ConsentEvent("nieuwsbrief", given, date(2021, 1, 5), "aanmeldformulier"),
                ConsentEvent("nieuwsbrief", withdrawn, date(2024, 11, 2), "afmeldlink"),
            ],
        ),
    )  # fmt: skip
    out.duplicates = _near_duplicate_pair(session)

    rq = out.requests
    rq["overdue"] = requests.add_request(
        session, "inzage", contact_id=out.restricted, received=today - timedelta(days=40),
        note="Per e-mail, 2e herinnering ontvangen",
    )  # fmt: skip
    rq["soon"] = requests.add_request(
        session, "verwijdering", contact_id=None, received=today - timedelta(days=26),
        note="Telefonisch aan de balie",
    )  # fmt: skip
    rq["extended"] = requests.add_request(
        session, "inzage", contact_id=out.detail, received=today - timedelta(days=20),
        identity_checked=True,
    )  # fmt: skip
    requests.extend_request(session, rq["extended"], "Gegevens staan ook in het oude archief")
    rq["objection"] = requests.add_request(
        session, "bezwaar", contact_id=out.special, received=today - timedelta(days=2),
        identity_checked=True,
    )  # fmt: skip
    closed = requests.add_request(
        session, "intrekking", contact_id=None, received=today - timedelta(days=60)
    )
    requests.close_request(session, closed, outcome="Afgemeld voor alle mailings")
    with session.write() as conn:
        session.vault.set_meta(conn, "last_backup", (today - timedelta(days=3)).isoformat())
    return out


def _near_duplicate_pair(session: Any) -> tuple[int, int]:
    """Through a real import, as in practice: the till list spells a friend differently."""
    import tempfile

    from contactkluis.services.importing import import_files

    folder = Path(tempfile.mkdtemp(prefix="ck-seed-"))
    path = folder / "kassa_2024.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Klantnaam", "Postcode", "E-mail", "Aankoopdatum"])
        writer.writerow(["Karel Verhoeckx", "1017 BS", "k.verhoeckx@voorbeeld.nl", "12-10-2025"])
        writer.writerow(["K. Verhoekx", "1017 BS", "karel.verhoekx@voorbeeld.nl", "03-05-2026"])
        writer.writerow(["Sevda Yilmaz", "2511 CV", "sevda.yilmaz@voorbeeld.nl", "14-06-2026"])
    report = import_files(session, [path])
    pairs = session.conn.execute(
        "SELECT a, b FROM duplicate_candidates WHERE status = 'open'"
    ).fetchall()
    path.unlink()
    folder.rmdir()
    if not pairs:  # the importer's rules changed: the screens still render, without the pair
        print(f"note: no near-duplicate pair found ({report.created} created)", file=sys.stderr)
        return (0, 0)
    return int(pairs[0][0]), int(pairs[0][1])


def seed_population(session: Any, people: int = 360, seed: int = 5) -> None:
    from contactkluis.services import states

    """A few hundred invented people with birth years and relations, for the statistics."""
    from faker import Faker

    from contactkluis.domain.contact import (
        Address,
        ConsentEvent,
        ConsentStatus,
        Contact,
        PersonName,
        Provenance,
        Relation,
        RelationKind,
    )

    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rnd = random.Random(seed)
    kinds = [k for k in RelationKind if k is not RelationKind.ONBEKEND]
    weights = [30, 12, 25, 18, 4, 11]  # many friends and subscribers, few group contacts
    today = session.today()
    with session.write() as conn:
        repo = session.repo(conn)
        ids = []
        for n in range(people):
            chosen = set(rnd.choices(kinds, weights, k=rnd.choice([1, 1, 1, 2])))
            relations = [
                Relation(k, start=date(rnd.randint(2012, 2025), rnd.randint(1, 12), 1),
                         last_activity=today - timedelta(days=rnd.randrange(5, 500)))
                for k in chosen
            ]  # fmt: skip
            consents = (
                [ConsentEvent("nieuwsbrief", ConsentStatus.GIVEN, date(2024, 1, 1), "formulier")]
                if rnd.random() < 0.55
                else []
            )
            ids.append(
                repo.insert(
                    Contact(
                        name=PersonName(fake.first_name(), None, None, fake.last_name()),
                        address=Address(
                            fake.street_name(), str(n % 120 + 1), fake.postcode(), fake.city(), None
                        ),
                        birth_year=int(rnd.triangular(1935, 2008, 1962)),
                        relations=relations,
                        consents=consents,
                        sources=[Provenance("ledenlijst_2019.xlsx", "Leden", n + 2)],
                    ),
                    recorded_by="seed",
                )
            )
        states.refresh(session, conn, ids)
        session.vault.set_meta(conn, "last_backup", (today - timedelta(days=2)).isoformat())


def legacy_files(folder: Path) -> list[Path]:
    """Four old lists for the import screens: a friends list with a title above the header,
    a bank column and a newsletter yes/no column; the later friends list, the newsletter list
    and the visitors' list of tests/fixtures_legacy (people in two lists, a near duplicate)."""
    from screens_import_privacy import _spreadsheet
    from tests.fixtures_legacy import build_legacy_set

    folder.mkdir(parents=True, exist_ok=True)
    friends = _spreadsheet(folder / "vrienden_2019.xlsx", rows=60)
    # The day the list was last saved is the date of its consents (as the importer reads it).
    saved = datetime.datetime(2019, 12, 20, 12, 0).timestamp()
    os.utime(friends, (saved, saved))
    legacy = build_legacy_set(folder / "oud")
    return [friends, *(legacy.files[k] for k in ("friends", "newsletter", "visitors"))]
