"""A small invented population with hand-countable statistics (stats and segment tests).

Reference date 2025-12-31. Names, e-mails and streets are invented and unique, so a test can
look for them in the written files.

  group        n  relation(s)          postcode  city       born  nieuwsbrief  source
  friends     12  vriend since 2019    3011 AB   Rotterdam  1980  given        vrienden.xlsx
  donors       7  donateur since 2021  2611 CD   Delft      1960  withdrawn    donateurs.xlsx
  both         3  vriend 2019+donateur 2611 CD   Delft      1960  -            both files
  customers    2  klant since 2024     2801 EF   Gouda      2001  -            kassa.csv
  restricted   1  vriend               3011 AB   Rotterdam  1980  -            (not counted)
  anonymised   1  bezoeker since 2022  "3011"    -          -     -            -

Relation counts (persons x kind): vriend 15, donateur 10, klant 2, bezoeker 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

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
from contactkluis.services import states
from contactkluis.services.session import Session
from contactkluis.vault import import_repo

REFERENCE = date(2025, 12, 31)
V, D, K, B = RelationKind.VRIEND, RelationKind.DONATEUR, RelationKind.KLANT, RelationKind.BEZOEKER


@dataclass
class Population:
    ids: dict[str, list[int]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)


def _person(
    n: int,
    group: str,
    kinds: list[tuple[RelationKind, date]],
    postcode: str | None,
    city: str | None,
    born: int | None,
    files: list[str],
    consent: ConsentStatus | None = None,
    house: str = "12",
) -> Contact:
    return Contact(
        name=PersonName(f"Proefnaam{group}{n}", None, None, f"Verzonnen{group}{n}"),
        emails=[f"proef.{group}{n}@voorbeeld.invalid"],
        address=Address(f"Bedachtelaan{group}{n}", house, postcode, city, None),
        birth_year=born,
        relations=[Relation(kind, start=start) for kind, start in kinds],
        consents=(
            [ConsentEvent("nieuwsbrief", consent, date(2023, 5, 1), "formulier")] if consent else []
        ),
        sources=[Provenance(f, "Blad1", n + 2) for f in files],
    )


def fill(session: Session) -> Population:
    """Insert the population in one transaction and refresh the derived state."""
    session._today = lambda: REFERENCE  # type: ignore[attr-defined]
    pop = Population()
    plan: list[tuple[str, Contact]] = []
    for i in range(12):
        plan.append(
            (
                "friends",
                _person(
                    i,
                    "vriend",
                    [(V, date(2019, 3, 1))],
                    "3011 AB",
                    "Rotterdam",
                    1980,
                    ["vrienden.xlsx"],
                    ConsentStatus.GIVEN,
                    house=str(10 + i),
                ),
            )
        )
    for i in range(7):
        plan.append(
            (
                "donors",
                _person(
                    i,
                    "donor",
                    [(D, date(2021, 6, 1))],
                    "2611 CD",
                    "Delft",
                    1960,
                    ["donateurs.xlsx"],
                    ConsentStatus.WITHDRAWN,
                    house=f"{i + 1}-A",
                ),
            )
        )
    for i in range(3):
        plan.append(
            (
                "both",
                _person(
                    i,
                    "beide",
                    [(V, date(2019, 1, 1)), (D, date(2021, 1, 1))],
                    "2611 CD",
                    "Delft",
                    1960,
                    ["vrienden.xlsx", "donateurs.xlsx"],
                    house=str(50 + i),
                ),
            )
        )
    for i in range(2):
        plan.append(
            (
                "customers",
                _person(
                    i,
                    "klant",
                    [(K, date(2024, 2, 1))],
                    "2801 EF",
                    "Gouda",
                    2001,
                    ["kassa.csv"],
                    house=str(70 + i),
                ),
            )
        )
    restricted = _person(
        0,
        "beperkt",
        [(V, date(2019, 3, 1))],
        "3011 AB",
        "Rotterdam",
        1980,
        ["vrienden.xlsx"],
        house="99",
    )
    restricted.restricted = True
    plan.append(("restricted", restricted))
    anonymous = Contact(
        address=Address(None, None, "3011", None, None),
        anonymised=True,
        relations=[Relation(B, start=date(2022, 1, 1))],
    )
    plan.append(("anonymised", anonymous))
    with session.write() as conn:
        repo = session.repo(conn)
        for group, contact in plan:
            pop.ids.setdefault(group, []).append(repo.insert(contact, recorded_by="test"))
            if contact.name.first:
                pop.names += [contact.name.first, contact.name.last or ""]
                pop.emails += contact.emails
                pop.streets.append(contact.address.street or "")
        states.refresh(session, conn, [i for ids in pop.ids.values() for i in ids])
        # What each list was, as an import records it: the source dimension counts list
        # kinds, never file names. kassa.csv's kind is not known.
        kinds = {"vrienden.xlsx": "vrienden", "donateurs.xlsx": "donateurs", "kassa.csv": ""}
        report = {
            "files": [
                {"file": f, "sheets": [{"sheet": "Blad1", "list_kind": kind}]}
                for f, kind in kinds.items()
            ]
        }
        import_repo.add_batch(conn, "test", json.dumps(report))
    return pop
