"""One cell, several e-mail addresses or phone numbers: split them into values.

Google joins the values of one label with " ::: "; people write "06-... / 020-...",
"a@x.nl; b@y.nl", "06-... en 06-...". A "/" or "," also occurs inside one number
("0478/02 12 34", "03/827 12 34"), so a soft separator splits only between two parts that
are each a whole value: an e-mail address, or at least eight digits.
"""

from __future__ import annotations

import re

_HARD = re.compile(r"\s+:::\s+|:::|\s*[\r\n;]+\s*")
_SOFT = re.compile(r"(\s*/\s*|\s*,\s*|\s*&\s*|\s+(?:en|of|or|and)\s+)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_MIN_DIGITS = 8


def _whole(part: str) -> bool:
    return "@" in part or len(_DIGIT.findall(part)) >= _MIN_DIGITS


def _soft_split(chunk: str) -> list[str]:
    """Cut at the soft separators so that every part is a whole value, with as many parts
    as possible; without such a cut the chunk stays one value, as written."""
    pieces = _SOFT.split(chunk)  # [text, sep, text, sep, ...]
    texts, seps = pieces[0::2], pieces[1::2]

    def joined(i: int, j: int) -> str:
        return texts[i] + "".join(seps[k] + texts[k + 1] for k in range(i, j - 1))

    # parts[j]: how many wholes texts[:j] cuts into (-1: it cannot); start[j]: where the
    # last of them begins.
    size = len(texts)
    parts = [0] + [-1] * size
    start = [0] * (size + 1)
    for j in range(1, size + 1):
        for i in range(j):
            if parts[i] >= 0 and parts[i] + 1 > parts[j] and _whole(joined(i, j)):
                parts[j], start[j] = parts[i] + 1, i
    if parts[size] < 0:
        return [chunk]
    values: list[str] = []
    end = size
    while end > 0:
        values.append(joined(start[end], end))
        end = start[end]
    return values[::-1]


def split_values(text: str) -> list[str]:
    """The values in one cell, stripped, empty ones left out, in the order written."""
    text = (text or "").strip()
    if not _HARD.search(text) and not _SOFT.search(text) and text.count("@") < 2:
        return [text] if text else []  # the common case: one value, nothing to cut
    out: list[str] = []
    for chunk in _HARD.split(text):
        for value in _soft_split(chunk.strip()):
            value = value.strip()
            if value.count("@") > 1:
                # "a@x.nl b@y.nl": addresses separated by spaces only.
                out.extend(v for v in value.split() if v)
            elif value:
                out.append(value)
    return out
