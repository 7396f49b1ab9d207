"""Icons from resources/icons/*.svg, tinted to the palette so they read in dark mode too.

The SVGs draw with the literal colour `currentColor`; it is replaced by the palette's text
colour before rendering (Qt's SVG renderer does not resolve currentColor itself).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer


def resources_dir() -> Path:
    """resources/ of a PyInstaller bundle, or the package's own resources/ (package data of
    an installed wheel, or the source checkout: the same folder)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


@cache
def _svg_text(name: str) -> str:
    try:
        return icon_path(name).read_text("utf-8")
    except OSError:
        return ""


def _render(svg: str, size: int, colour: str) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode("utf-8")))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def icon(name: str, colour: str | None = None) -> QIcon:
    """A QIcon for resources/icons/NAME.svg; an empty icon if the file is missing."""
    svg = _svg_text(name)
    if not svg:
        return QIcon()
    if colour is None:
        palette = QGuiApplication.palette()
        colour = palette.color(QPalette.ColorRole.WindowText).name()
    result = QIcon()
    for size in (16, 24, 32, 48, 64):
        result.addPixmap(_render(svg, size, colour))
    return result


def app_icon() -> QIcon:
    """The application icon keeps its own colours."""
    path = icon_path("contactkluis")
    return QIcon(str(path)) if path.exists() else QIcon()
