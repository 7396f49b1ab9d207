"""Consent flag icons and the retention pill: colour AND a symbol or word, so that every
state reads without colour vision."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
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
        # Selection background first, so selected rows stay visibly selected.
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        bg, fg = PILL_COLOURS.get(str(status), ("#eeeeee", "#333333"))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        rect = option.rect
        width = min(metrics.horizontalAdvance(str(text)) + PILL_PADDING, rect.width() - 6)
        height = min(metrics.height() + 4, rect.height() - 4)
        pill = QRectF(rect.left() + 4, rect.center().y() - height / 2 + 1, width, height)
        painter.setPen(QColor(fg))
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()
