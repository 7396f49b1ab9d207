"""A large address book as vCard: 2,000 cards with a 60 KB photo each (~167 MB), read
through `read_workbook` in the reader child under its memory cap.

    PYTHONPATH=src python tests/bench/bench_vcard.py [--cards 2000]
"""

from __future__ import annotations

import argparse
import base64
import os
import tempfile
import time
from pathlib import Path

from contactkluis.migration.readers import read_workbook


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=2000)
    args = parser.parse_args()
    photo = base64.b64encode(os.urandom(60000)).decode()
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    cards = [
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Persoon {i}\r\nN:Persoon;{i};;;\r\n"
        f"EMAIL:p{i}@example.nl\r\nTEL;TYPE=CELL:06-1234{i:04d}\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEND:VCARD"
        for i in range(args.cards)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "adresboek.vcf"
        path.write_bytes("\r\n".join(cards).encode())
        start = time.perf_counter()
        book = read_workbook(path)
        took = time.perf_counter() - start
        size = path.stat().st_size / 1e6
    print(f"{size:.0f} MB, {len(book.sheets[0].rows) - 1} cards read in {took:.2f} s")


if __name__ == "__main__":
    main()
