"""Damage one page of a closed vault that unlocking does not read (as a disk or copy fault
would), so that only the whole file's page check can find it."""

from __future__ import annotations

from pathlib import Path

from tests.support.insider import sql


def damage_unread_page(db: Path, key: bytes, table: str = "mappings") -> None:
    """Flip bytes in the middle of `table`'s root page (the import wizard's saved mappings:
    nothing reads them at unlock)."""
    [[(root,)], [(page_size,)]] = sql(
        db,
        key,
        f"SELECT rootpage FROM sqlite_master WHERE name = '{table}'",
        "PRAGMA page_size",
    )
    data = bytearray(db.read_bytes())
    start = (int(root) - 1) * int(page_size) + 1000
    for i in range(start, start + 16):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))
