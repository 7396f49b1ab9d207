"""A small rounded label that says ok / attention / problem, in colours that work in both
light and dark palettes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

_STYLES = {
    "ok": ("#1b5e20", "#c8e6c9"),
    "warn": ("#6d4c00", "#ffe082"),
    "bad": ("#ffffff", "#c62828"),
    "neutral": ("#263238", "#cfd8dc"),
}


class StatusPill(QLabel):
    def __init__(self, text: str = "", level: str = "neutral", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._level = ""
        self.set_level(level)

    @property
    def level(self) -> str:
        return self._level

    def set_level(self, level: str) -> None:
        self._level = level if level in _STYLES else "neutral"
        fg, bg = _STYLES[self._level]
        self.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border-radius: 8px; padding: 1px 8px; }}"
        )

    def set_status(self, text: str, level: str) -> None:
        self.setText(text)
        self.set_level(level)
