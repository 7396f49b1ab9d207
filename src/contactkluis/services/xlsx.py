"""Writing cells that are safe to open in Excel: no formula injection."""

from __future__ import annotations

from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Text that Excel would run as a formula gets a leading apostrophe-free quote mark."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
