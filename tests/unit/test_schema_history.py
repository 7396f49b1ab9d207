"""A released migration never changes: vaults out there ran it as it was, and a fresh vault
must come out the same. Version 10's text is built from stats_schema's constants, so an edit
there would change history without touching schema.py; this catches that too."""

from __future__ import annotations

import hashlib

from contactkluis.vault.schema import MIGRATIONS

# sha256 (first 16 hex digits) of each migration as released.
RELEASED = {
    1: "8d3848ff1187b56a",
    2: "01e2f5b7a5c76a7c",
    3: "46ffe4767365b372",
    4: "9e053278db04ef63",
    5: "ece3f2607ea23442",
    6: "11fe98948692378b",
    7: "fa56bb276986a726",
    8: "040faeb355e852f8",
    9: "bb04ebfae854beaf",
    10: "b848e49005015c2e",
    11: "04d726097b43ec2f",
    12: "53967cc02864672a",
    13: "b67f3d9a27a0f9fb",
    14: "76cdb0e0cec2474a",
}


def test_released_migrations_are_unchanged() -> None:
    changed = [
        version
        for version, digest in RELEASED.items()
        if hashlib.sha256(MIGRATIONS[version - 1].encode()).hexdigest()[:16] != digest
    ]
    assert changed == [], f"released migrations edited: {changed}; add a new one instead"
    assert len(MIGRATIONS) >= len(RELEASED)
