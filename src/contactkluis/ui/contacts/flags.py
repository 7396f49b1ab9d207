"""Consent flag icons and the retention pill: colour AND a symbol or word, so that every
state reads without colour vision."""

from __future__ import annotations

import math
from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from contactkluis.domain.messages import format_date
from contactkluis.ui.contacts.texts import t

FLAG_SYMBOLS = {"given": "✓", "reconfirm": "?", "withdrawn": "✗", "none": "–"}
FLAG_COLOURS = {
    "given": "#2e7d32",
    "reconfirm": "#b26a00",
    "withdrawn": "#c62828",
    "none": "#8a8a8a",
}
PILL_COLOURS = {
    "ok": ("#e3f1e4", "#1b5e20"),
    "soon": ("#fff0d6", "#8a4f00"),
    "expired": ("#fde2e1", "#a31515"),
}

_icons: dict[str, QIcon] = {}


def flag_icon(flag: str) -> QIcon:
    """A filled circle in the flag's colour with its symbol in white."""
    icon = _icons.get(flag)
    if icon is None:
        icon = QIcon(_flag_pixmap(flag, 16))
        _icons[flag] = icon
    return icon


def _flag_pixmap(flag: str, size: int) -> QPixmap:
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(FLAG_COLOURS.get(flag, "#8a8a8a")))
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setPixelSize(int(size * 0.7))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, FLAG_SYMBOLS.get(flag, ""))
    p.end()
    return pix


PILL_PADDING = 16  # text to pill edge, both sides together
PILL_INSET = 10  # pill to cell edge


def widest_pill_text() -> str:
    """The longest retention pill in the current language ("Binnenkort 28-12-2026")."""
    day = format_date(date(2026, 12, 28))  # two-digit day and month: the widest date
    return max((f"{t(f'ret.{s}')} {day}" for s in ("soon", "expired", "ok")), key=len)


def pill_width(metrics: QFontMetrics, text: str) -> int:
    return metrics.horizontalAdvance(text) + PILL_PADDING + PILL_INSET


_pills: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()
_PILL_CACHE = 512  # pills differ by status and date: a year of dates in three states


def _pill_pixmap(
    status: str, text: str, size: tuple[float, float], font: QFont, ratio: float
) -> QPixmap:
    """The pill with its text, drawn once per status, text, size and font, then copied:
    antialiased text and curves are most of a table paint's time."""
    key = (status, text, size, font.key(), ratio)
    pix = _pills.get(key)
    if pix is not None:
        _pills.move_to_end(key)
        return pix
    width, height = size
    # one pixel of margin all round for the outline's antialiasing
    pix = QPixmap(math.ceil((width + 2) * ratio), math.ceil((height + 2) * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    bg, fg = PILL_COLOURS.get(status, ("#eeeeee", "#333333"))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(font)
    p.setPen(QColor(fg))
    p.setBrush(QColor(bg))
    pill = QRectF(1, 1, width, height)
    p.drawRoundedRect(pill, height / 2, height / 2)
    p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    _pills[key] = pix
    while len(_pills) > _PILL_CACHE:
        _pills.popitem(last=False)
    return pix


class RetentionPillDelegate(QStyledItemDelegate):
    """Paints the retention cell as a coloured pill holding the status word and date."""

    def __init__(self, role: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._role = role

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        status = index.data(self._role)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not status or not text:
            super().paint(painter, option, index)
            return
        # Selection and row background first, so selected rows stay visibly selected. The
        # view's option carries the state; the cell's own text and icon are not drawn.
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        rect = option.rect
        width = min(metrics.horizontalAdvance(str(text)) + PILL_PADDING, rect.width() - 6)
        height = min(metrics.height() + 4, rect.height() - 4)
        if width <= 0 or height <= 0:
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pix = _pill_pixmap(str(status), str(text), (width, height), option.font, ratio)
        top = rect.center().y() - height / 2 + 1
        painter.drawPixmap(QPoint(rect.left() + 3, round(top) - 1), pix)
