"""The privacy overview: what needs attention, each number a button to the filtered list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text, format_date, localized
from contactkluis.domain.purposes import LegalBasis
from contactkluis.domain.requests import Urgency
from contactkluis.services.backups import BACKUP_REMINDER_DAYS
from contactkluis.services.overview import PrivacyOverview, privacy_overview
from contactkluis.ui.context import AppContext
from contactkluis.ui.privacy.common import StalePage

COLOURS = {"bad": "#b3261e", "warn": "#8a5a00", "ok": "#1b6e2a", "none": "#555555"}
URGENCY_BG = {Urgency.OVERDUE: QColor("#f9dedc"), Urgency.DUE_SOON: QColor("#fff1c2")}


class Tile(QPushButton):
    """A big number with its caption; clicking opens the list behind the number."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.value = 0
        self.setMinimumSize(180, 84)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.number = QLabel("–")
        self.number.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label = QLabel(caption)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.label)

    def set_caption(self, caption: str) -> None:
        self.caption = caption
        self.label.setText(caption)

    def set_value(self, value: int, text: str | None = None, tone: str = "none") -> None:
        self.value = value
        self.number.setText(text if text is not None else str(value))
        self.number.setStyleSheet(f"font-size: 20pt; font-weight: 600; color: {COLOURS[tone]};")
        self.setAccessibleName(f"{self.caption}: {self.number.text()}")


class PrivacyPage(StalePage):
    """The dashboard.

    Signals for the shell:
      show_contacts(filter: dict) -- open the contacts page with this filter. Keys (one per
          dict, combine freely): "retention": "expired" | "soon"; "consent":
          "<purpose code>:<flag>" (flag one of given, reconfirm, withdrawn, none);
          "special": True; "restricted": True. These map one-to-one onto
          services.listing.ContactQuery (retention, consent_purpose + consent_flags,
          special, restricted).
      open_contacts(ids: list[int]) -- show these contacts (the near-duplicate pairs).
      show_page(key: str) -- switch to another page, e.g. "requests", "retention".
    """

    show_contacts = Signal(dict)
    open_contacts = Signal(list)
    show_page = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: PrivacyOverview | None = None
        self._stale = True

        title = QLabel(self.tr("Privacy-overzicht"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        specs: list[tuple[str, str]] = [
            ("expired", self.tr("bewaartermijn verlopen")),
            ("soon", self.tr("verloopt binnenkort")),
            ("requests", self.tr("open verzoeken van betrokkenen")),
            ("special", self.tr("met bijzondere persoonsgegevens")),
            ("restricted", self.tr("verwerking beperkt")),
            ("duplicates", self.tr("mogelijke dubbelen om na te kijken")),
            ("backup", self.tr("dagen sinds de laatste back-up")),
        ]
        for i, (key, caption) in enumerate(specs):
            tile = Tile(caption)
            tile.setObjectName(f"tile_{key}")
            tile.clicked.connect(lambda _c=False, k=key: self.open_tile(k))
            self.tiles[key] = tile
            grid.addWidget(tile, i // 4, i % 4)

        self.reconfirm_box = QWidget()
        self.reconfirm_layout = QHBoxLayout(self.reconfirm_box)
        self.reconfirm_layout.setContentsMargins(0, 0, 0, 0)
        self.reconfirm_tiles: dict[str, Tile] = {}

        self.requests = QTableWidget(0, 5)
        self.requests.setHorizontalHeaderLabels(
            [
                self.tr("Nr."),
                self.tr("Soort"),
                self.tr("Ontvangen"),
                self.tr("Uiterlijk"),
                self.tr("Nog"),
            ]
        )
        self.requests.verticalHeader().setVisible(False)
        self.requests.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.requests.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.requests.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.requests.horizontalHeader().setStretchLastSection(True)
        self.requests.setMinimumHeight(140)
        self.requests.doubleClicked.connect(lambda _i: self.show_page.emit("requests"))

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        self.reconfirm_title = QLabel(self.tr("Toestemming opnieuw te bevestigen (per doel)"))
        self.reconfirm_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.reconfirm_title)
        layout.addWidget(self.reconfirm_box)
        layout.addLayout(self._mailing_buttons())
        self.requests_title = QLabel(self.tr("Open verzoeken en hun termijnen"))
        self.requests_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.requests_title)
        layout.addWidget(self.requests, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.follow_vault()
        ctx.backup_made.connect(self._mark_stale)

    def _mailing_buttons(self) -> QHBoxLayout:
        """The mailing and the way back from the mail service (ui.privacy.mailing)."""
        from contactkluis.ui.privacy.mailing import MailingDialog, ServiceReturnDialog, t

        row = QHBoxLayout()
        for name, text, dialog in (
            ("mailing_make", t("mailing_title") + "…", MailingDialog),
            ("mailing_return", t("return_title") + "…", ServiceReturnDialog),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, d=dialog: d(self.ctx, self).exec())
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- refreshing -----------------------------------------------------------------------

    def clear(self) -> None:
        self.overview = None
        self._stale = True
        for tile in self.tiles.values():
            tile.set_value(0, "–")
        self._set_reconfirm({})
        self.requests.setRowCount(0)
        self.status.clear()

    def refresh(self) -> None:
        session = self.ctx.session
        if session is None:
            self.clear()
            return
        try:
            overview = privacy_overview(session)
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        self._stale = False
        self.show_overview(overview)

    def show_overview(self, o: PrivacyOverview) -> None:
        self.overview = o
        overdue = sum(1 for r in o.open_requests if r.urgency(o.today) is Urgency.OVERDUE)
        self.tiles["expired"].set_value(o.expired, tone="bad" if o.expired else "ok")
        self.tiles["soon"].set_value(o.soon, tone="warn" if o.soon else "ok")
        self.tiles["requests"].set_value(
            len(o.open_requests), tone="bad" if overdue else ("warn" if o.open_requests else "ok")
        )
        self.tiles["special"].set_value(o.special, tone="warn" if o.special else "ok")
        self.tiles["restricted"].set_value(o.restricted)
        self.tiles["duplicates"].set_value(
            len(o.duplicate_pairs), tone="warn" if o.duplicate_pairs else "ok"
        )
        self._show_backup(o.backup_age_days)
        self._set_reconfirm(o.reconfirm)
        self._fill_requests(o)
        self.requests_title.setVisible(self.ctx.session is not None and bool(o.open_requests))
        if overdue:
            self.status.setText(self.tr("Let op: %n verzoek(en) over de termijn.", "", overdue))
            self.status.setStyleSheet(f"color: {COLOURS['bad']}; font-weight: 600;")
        elif o.expired:
            self.status.setText(
                self.tr("Er zijn records over hun bewaartermijn; bekijk ze bij Bewaartermijnen.")
            )
            self.status.setStyleSheet(f"color: {COLOURS['warn']};")
        else:
            self.status.setText(self.tr("Niets over de termijn."))
            self.status.setStyleSheet(f"color: {COLOURS['ok']};")

    def _set_reconfirm(self, counts: dict[str, int]) -> None:
        for tile in self.reconfirm_tiles.values():
            self.reconfirm_layout.removeWidget(tile)
            tile.deleteLater()
        self.reconfirm_tiles = {}
        session = self.ctx.session
        purposes = session.purposes if session else {}
        for code, value in counts.items():
            purpose = purposes.get(code)
            if not value and purpose is not None and purpose.basis is not LegalBasis.TOESTEMMING:
                continue  # zero tiles for purposes without consent pushed the page off-screen
            label = (localized(purpose.label_nl, purpose.label_en)) if purpose else code
            tile = Tile(label)
            tile.setObjectName(f"reconfirm_{code}")
            tile.set_value(value, tone="warn" if value else "ok")
            tile.clicked.connect(
                lambda _c=False, k=code: self.show_contacts.emit({"consent": f"{k}:reconfirm"})
            )
            self.reconfirm_tiles[code] = tile
            self.reconfirm_layout.addWidget(tile)
        self.reconfirm_layout.addStretch(1)
        self.reconfirm_title.setVisible(bool(counts))

    def _fill_requests(self, o: PrivacyOverview) -> None:
        self.requests.setRowCount(len(o.open_requests))
        for row, stored in enumerate(o.open_requests):
            days = (stored.deadline - o.today).days
            if days < 0:
                left = self.tr("%n dag(en) te laat", "", -days)
            else:
                left = self.tr("%n dag(en)", "", days)
            values = [
                str(stored.id),
                localized(stored.kind.label_nl, stored.kind.label_en),
                format_date(stored.request.received),
                format_date(stored.deadline),
                left,
            ]
            urgency = stored.urgency(o.today)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if urgency in URGENCY_BG:
                    item.setBackground(QBrush(URGENCY_BG[urgency]))
                if urgency is Urgency.OVERDUE:
                    item.setForeground(QBrush(QColor(COLOURS["bad"])))
                self.requests.setItem(row, column, item)

    # -- opening --------------------------------------------------------------------------

    def filter_for(self, key: str) -> dict[str, Any] | None:
        filters: dict[str, dict[str, Any]] = {
            "expired": {"retention": "expired"},
            "soon": {"retention": "soon"},
            "special": {"special": True},
            "restricted": {"restricted": True},
        }
        return filters.get(key)

    def _show_backup(self, age: int | None) -> None:
        """Number and caption read as one phrase: "nooit een back-up gemaakt", "vandaag de
        laatste back-up gemaakt", "3 dagen sinds de laatste back-up"."""
        tile = self.tiles["backup"]
        if age is None:
            tile.set_caption(self.tr("een back-up gemaakt"))
            tile.set_value(0, self.tr("nooit"), "bad")
        elif age == 0:
            tile.set_caption(self.tr("de laatste back-up gemaakt"))
            tile.set_value(0, self.tr("vandaag"), "ok")
        else:
            tile.set_caption(self.tr("sinds de laatste back-up"))
            tone = "bad" if age > BACKUP_REMINDER_DAYS else "ok"
            tile.set_value(age, self.tr("%n dag(en)", "", age), tone)

    def open_tile(self, key: str) -> None:
        wanted = self.filter_for(key)
        if wanted is not None:
            self.show_contacts.emit(wanted)
        elif key == "requests":
            self.show_page.emit("requests")
        elif key == "duplicates" and self.overview and self.overview.duplicate_pairs:
            ids = list(dict.fromkeys(i for pair in self.overview.duplicate_pairs for i in pair))
            self.open_contacts.emit(ids)
        elif key == "backup":
            self.show_page.emit("settings")
