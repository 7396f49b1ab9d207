"""Synthetic people (Faker nl_NL) for tests and screenshots: varied names with
tussenvoegsels, consents in every state and retention ok / soon / expired."""

from __future__ import annotations

import random
from datetime import date, timedelta

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
from contactkluis.domain.normalize import normalize_postcode
from contactkluis.services import states

FILES = ("ledenlijst_2019.xlsx", "nieuwsbrief.csv", "kassa_export.xls")
INFIXES = ("van", "de", "van der", "van den", "ten", "'t", "in 't")


def make_contact(fake: Faker, rnd: random.Random, today: date, n: int) -> Contact:
    infix = rnd.choice(INFIXES) if rnd.random() < 0.3 else None
    last = fake.last_name()
    if " " in last and infix:
        infix = None
    first = fake.first_name()
    email = f"{first.lower()}.{last.lower().replace(' ', '')}{n}@example.nl"
    phone = f"+316{rnd.randrange(10_000_000, 99_999_999)}"
    kind = rnd.choice(list(RelationKind))
    roll = rnd.random()
    # Retention spread: bezoeker/klant/groep run from last activity; vary it to hit all states.
    if roll < 0.15:
        last_activity = today - timedelta(days=365 * 3)  # expired
    elif roll < 0.3:
        last_activity = today - timedelta(days=365 * 2 - 10)  # soon
    else:
        last_activity = today - timedelta(days=rnd.randrange(10, 300))
    relation = Relation(
        kind,
        start=last_activity - timedelta(days=400),
        last_activity=last_activity,
        source="import",
    )
    consents: list[ConsentEvent] = []
    for purpose in ("nieuwsbrief", "uitnodigingen"):
        r = rnd.random()
        if roll < 0.3:  # a standing consent would keep them open-ended: only none/withdrawn
            r = 0.55 + r * 0.45
        on = today - timedelta(days=rnd.randrange(30, 900))
        if r < 0.35:
            consents.append(ConsentEvent(purpose, ConsentStatus.GIVEN, on, "aanmeldformulier"))
        elif r < 0.55:
            consents.append(
                ConsentEvent(purpose, ConsentStatus.GIVEN, on, "oude lijst", reconfirm=True)
            )
        elif r < 0.7:
            consents.append(
                ConsentEvent(
                    purpose, ConsentStatus.GIVEN, on - timedelta(days=90), "aanmeldformulier"
                )
            )
            consents.append(ConsentEvent(purpose, ConsentStatus.WITHDRAWN, on, "afmeldlink"))
    src = rnd.choice(FILES)
    return Contact(
        name=PersonName(first=first, initials=first[0] + ".", infix=infix, last=last),
        emails=[email],
        phones=[phone],
        address=Address(
            fake.street_name(),
            str(rnd.randrange(1, 300)),
            normalize_postcode(fake.postcode()),
            fake.city(),
        ),
        consents=consents,
        relations=[relation],
        sources=[Provenance(src, "Blad1", n + 2)],
    )


def populate(session: object, count: int, seed: int = 7) -> list[int]:
    """Insert `count` synthetic contacts in one transaction; returns their ids."""
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rnd = random.Random(seed)
    today = session.today()  # type: ignore[attr-defined]
    ids: list[int] = []
    with session.write() as conn:  # type: ignore[attr-defined]
        repo = session.repo(conn)  # type: ignore[attr-defined]
        for n in range(count):
            ids.append(repo.insert(make_contact(fake, rnd, today, n), recorded_by="test"))
        for start in range(0, len(ids), 1000):
            states.refresh(session, conn, ids[start : start + 1000])  # type: ignore[arg-type]
    return ids
