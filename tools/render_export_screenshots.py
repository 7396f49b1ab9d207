"""Render the files people open (access export, register, statistics) as LibreOffice prints them.

    PYTHONPATH=src python tools/render_export_screenshots.py [--out docs/screenshots]

Needs `soffice` (libreoffice-calc-nogui, libreoffice-writer-nogui) and `pdftoppm`
(poppler-utils). Builds a throw-away vault with invented people (Faker nl_NL), writes the
exports through the real services, converts each to PDF with LibreOffice headless (HTML
through Writer's HTML import, as a user opening the file in LibreOffice gets it) and keeps
the pages named below as 60 dpi PNGs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

# (file written by the services, page number, PNG name)
PAGES = (
    ("inzage/inzage-1.xlsx", 1, "export_access_overzicht.png"),
    ("inzage/inzage-1.xlsx", 3, "export_access_toestemmingen.png"),
    ("inzage/inzage-1.html", 1, "export_access_html.png"),
    ("register.html", 1, "export_register_html.png"),
    ("register.xlsx", 1, "export_register_xlsx.png"),
    ("cijfers.xlsx", 1, "export_stats_relatie.png"),
    ("cijfers.xlsx", 11, "export_stats_relatie_leeftijd.png"),
)


def build(folder: Path) -> None:
    from faker import Faker
    from tests.conftest import ADMIN, ADMIN_PW, FAST_KDF
    from tests.support.people import add_person, give, withdraw

    from contactkluis.domain.contact import Address, Contact, PersonName, Relation, RelationKind
    from contactkluis.domain.messages import set_language
    from contactkluis.services import access, contacts, register_export, requests, stats
    from contactkluis.services.accounts import create_vault

    set_language("nl")
    fake = Faker("nl_NL")
    Faker.seed(7)
    rng = random.Random(7)
    session, _ = create_vault(folder / "kluis.ckdb", "Museum Proef", ADMIN, ADMIN_PW, kdf=FAST_KDF)
    register_export.set_contacts(
        session,
        "Museum Proef, Kerkplein 1, 3511 AB Utrecht, privacy@museumproef.nl, 030-1234567",
        "mr. J. de Vries (FG), fg@museumproef.nl, 030-1234568",
    )
    cid = add_person(
        session, "Hendrikje", "Kloosterboer", infix="van", phone="+31201234567",
        notes="Komt graag naar rondleidingen.",
    )  # fmt: skip
    give(session, cid)
    withdraw(session, cid)
    give(session, cid, on=date(2024, 9, 12), evidence="e-mail 12-09-2024")
    requests.add_request(session, "inzage", contact_id=cid, identity_checked=True)
    access.export_access(session, [cid], folder / "inzage")
    register_export.export_register(session, folder / "register.html")
    register_export.export_register(session, folder / "register.xlsx")
    kinds = list(RelationKind)
    for i in range(300):
        start = date(rng.randint(2010, 2025), rng.randint(1, 12), 1)
        postcode = f"{rng.choice([1011, 1012, 3511, 3512, 2511, 9711])} AB"
        person = Contact(
            name=PersonName(fake.first_name(), None, None, fake.last_name()),
            emails=[f"persoon{i}@voorbeeld.nl"],
            address=Address("Kerkstraat", "1", postcode, "Utrecht", None),
            birth_date=date(rng.randint(1935, 2008), 5, 1),
            relations=[Relation(rng.choice(kinds), start=start)],
        )
        contacts.create_contact(session, person)
    stats.export(session, folder / "cijfers.xlsx")
    session.vault.close()


def render(source: Path, page: int, target: Path) -> None:
    pdf_dir = source.parent / f"pdf-{source.stem}-{source.suffix[1:]}"
    pdf = pdf_dir / f"{source.stem}.pdf"
    if not pdf.exists():
        html = source.suffix == ".html"
        filters = ["--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export"]
        subprocess.run(
            ["soffice", "--headless", *(filters if html else ["--convert-to", "pdf"]),
             "--outdir", str(pdf_dir), str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    stem = pdf_dir / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    shutil.copyfile(stem.with_suffix(".png"), target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ck-exports-") as tmp:
        os.environ["CONTACTKLUIS_STATE_DIR"] = str(Path(tmp) / "state")
        build(Path(tmp))
        for name, page, png in PAGES:
            render(Path(tmp) / name, page, args.out / png)
            print(args.out / png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
