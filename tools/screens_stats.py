"""Screenshots of the statistics page, rendered offscreen from a synthetic vault.

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python tools/screens_stats.py [OUT_DIR]

`SCREENS` lists (name, render) pairs; render(out_dir) writes one PNG and returns its path.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

INVENTED_SURNAMES = ["Bakkerveld", "Dijkhorst", "Molenbeek", "Zandvliet", "Kortenhoef"]
CITIES = [
    ("3011 AB", "Rotterdam"),
    ("3521 CD", "Utrecht"),
    ("2611 EF", "Delft"),
    ("3111 GH", "Schiedam"),
    ("2801 JK", "Gouda"),
    ("1012 LM", "Amsterdam"),
]
SEGMENTS = [
    "Cultuurminnaars",
    "Actieve Cultuurliefhebbers",
    "Stedelijke Alleseters",
    "Kansrijke Belangstellenden",
    None,
]


def synthetic_session(folder: Path, people: int = 600) -> object:
    from contactkluis.services import states

    """A vault with invented people (no real names, addresses or e-mails)."""
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
    from contactkluis.services.accounts import create_vault
    from contactkluis.vault.keys import KdfParams

    session, _ = create_vault(
        folder / "demo.ckdb",
        "Museum Voorbeeld",
        "beheer",
        "paarse olifant op de fiets",
        kdf=KdfParams(),
    )
    session._today = lambda: date(2025, 12, 31)  # type: ignore[attr-defined]
    rnd = random.Random(3)
    kinds = list(RelationKind)
    with session.write() as conn:
        repo = session.repo(conn)
        ids = []
        for n in range(people):
            pc, city = rnd.choice(CITIES)
            chosen = rnd.sample(kinds, rnd.choice([1, 1, 2]))
            ids.append(
                repo.insert(
                    Contact(
                        name=PersonName(f"Demo{n}", None, None, rnd.choice(INVENTED_SURNAMES)),
                        address=Address("Voorbeeldstraat", str(n % 90 + 1), pc, city, None),
                        birth_year=rnd.randint(1935, 2008),
                        segment=rnd.choice(SEGMENTS),
                        relations=[
                            Relation(k, start=date(rnd.randint(2012, 2025), 1, 1)) for k in chosen
                        ],
                        consents=[
                            ConsentEvent(
                                "nieuwsbrief",
                                rnd.choice(list(ConsentStatus)[:2]),
                                date(2024, 1, 1),
                                "formulier",
                            )
                        ]
                        if rnd.random() < 0.6
                        else [],
                        sources=[
                            Provenance(rnd.choice(["vrienden.xlsx", "kassa.csv"]), None, n + 2)
                        ],
                    )
                )
            )
        states.refresh(session, conn, ids)
    return session


def render_stats(out_dir: Path, dims: tuple[str, str] = ("relation", "age")) -> Path:
    from PySide6.QtWidgets import QApplication

    from contactkluis.ui.context import AppContext
    from contactkluis.ui.stats.page import StatsPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        session = synthetic_session(Path(tmp))
        ctx = AppContext(Path(tmp) / "demo.ckdb")
        ctx.open_session(session)  # type: ignore[arg-type]
        page = StatsPage(ctx)
        page.resize(1280, 800)
        page.dim2.setCurrentIndex(page.dim2.findData(dims[1]))
        page.dim1.setCurrentIndex(page.dim1.findData(dims[0]))
        page.show()
        while ctx.tasks.pool.activeThreadCount() or page.model.rowCount() == 0:
            app.processEvents()
            ctx.tasks.wait(50)
        app.processEvents()
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"stats-{'-'.join(d for d in dims if d)}.png"
        page.grab().save(str(target))
        page.close()
        ctx.locked.emit()
        session.vault.close()  # type: ignore[attr-defined]
    return target


def render_stats_one_way(out_dir: Path) -> Path:
    return render_stats(out_dir, ("city", ""))


SCREENS: list[tuple[str, Callable[[Path], Path]]] = [
    ("stats", render_stats),
    ("stats-one-way", render_stats_one_way),
]


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screens")
    for name, render in SCREENS:
        print(name, render(out))
