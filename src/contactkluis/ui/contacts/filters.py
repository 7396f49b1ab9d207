"""The filter bar above the contacts table: retention, consent per purpose, relation,
source file, special category, restriction and "naam onbekend". Emits `changed`; the page builds the query."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import localized
from contactkluis.services.listing import ContactQuery, FilterValues
from contactkluis.ui.contacts.texts import relation_label, t

_FLAGS = ("given", "reconfirm", "withdrawn", "none")
_FLAG_LABELS = {
    "given": ("✓ gegeven", "✓ given"),
    "reconfirm": ("? te herbevestigen", "? to reconfirm"),
    "withdrawn": ("✗ ingetrokken", "✗ withdrawn"),
    "none": ("– geen", "– none"),
}


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        # Two rows: in one, the labels and choices need ~1500 px, wider than a 1280 screen.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        layout, second = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(layout)
        rows.addLayout(second)

        self.retention = self._combo(t("f.retention"))
        for status in ("ok", "soon", "expired"):
            self.retention.addItem(t(f"ret.{status}"), status)

        self.purpose = self._combo(t("f.consent"), first=t("f.any_purpose"))
        self.flag = QComboBox(self)
        self.flag.setAccessibleName(t("f.consent"))
        _compact(self.flag)
        for flag in _FLAGS:
            self.flag.addItem(localized(*_FLAG_LABELS[flag]), flag)
        self.flag.currentIndexChanged.connect(self._emit)
        self.flag.setEnabled(False)

        self.relation = self._combo(t("f.relation"))
        self.source = self._combo(t("f.source"))
        self.special = self._combo(t("f.special"))
        self.restricted = self._combo(t("f.restricted"))
        for combo in (self.special, self.restricted):
            combo.addItem(t("f.yes"), True)
            combo.addItem(t("f.no"), False)

        layout.addWidget(QLabel(t("f.retention") + ":"))
        layout.addWidget(self.retention)
        layout.addWidget(QLabel(t("f.consent") + ":"))
        layout.addWidget(self.purpose)
        layout.addWidget(self.flag)
        layout.addWidget(QLabel(t("f.relation") + ":"))
        layout.addWidget(self.relation)
        layout.addStretch(1)
        second.addWidget(QLabel(t("f.source") + ":"))
        second.addWidget(self.source)
        second.addWidget(QLabel(t("f.special") + ":"))
        second.addWidget(self.special)
        second.addWidget(QLabel(t("f.restricted") + ":"))
        second.addWidget(self.restricted)
        # The review list of people an import kept without a name (issue 12): shown in the
        # table itself, where they can be opened, completed or removed.
        self.nameless = QCheckBox(t("f.nameless"), self)
        self.nameless.setObjectName("namelessFilter")
        self.nameless.setToolTip(t("f.nameless.tip"))
        self.nameless.toggled.connect(self._emit)
        second.addWidget(self.nameless)
        self.reset_button = QPushButton(t("btn.reset"), self)
        self.reset_button.clicked.connect(self.reset)
        second.addWidget(self.reset_button)
        second.addStretch(1)
        self.purpose.currentIndexChanged.connect(
            lambda _i: self.flag.setEnabled(self.purpose.currentData() is not None)
        )

    def _combo(self, name: str, first: str | None = None) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        _compact(combo)
        combo.addItem(first or t("f.all"), None)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def _emit(self, *_args: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def set_values(self, values: FilterValues) -> None:
        """Fill the choices (purposes, relation kinds, files) keeping the current picks."""
        self._loading = True
        try:
            for combo, items in (
                (self.purpose, values.purposes),
                (self.relation, [(k, relation_label(k)) for k in values.relation_kinds]),
                (self.source, [(f, f) for f in values.source_files]),
            ):
                keep = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for code, label in items:
                    combo.addItem(label, code)
                _select(combo, keep)
        finally:
            self._loading = False

    def clear_choices(self) -> None:
        """Forget file names and the like (the vault is locked)."""
        self._loading = True
        try:
            for combo in (self.purpose, self.relation, self.source):
                while combo.count() > 1:
                    combo.removeItem(1)
                combo.setCurrentIndex(0)
        finally:
            self._loading = False

    def apply(self, query: ContactQuery) -> ContactQuery:
        """`query` with this bar's filters."""
        purpose = self.purpose.currentData()
        flag = self.flag.currentData() if purpose else None
        retention = self.retention.currentData()
        return replace(
            query,
            retention=frozenset({retention}) if retention else frozenset(),
            consent_purpose=purpose,
            consent_flags=frozenset({flag}) if flag else frozenset(),
            relation_kind=self.relation.currentData(),
            source_file=self.source.currentData(),
            special=self.special.currentData(),
            restricted=self.restricted.currentData(),
            name_unknown=self.nameless.isChecked(),
        )

    def show_query(self, query: ContactQuery) -> None:
        """Set the widgets to the filters of `query` without emitting `changed`."""
        self._loading = True
        try:
            _select(self.retention, next(iter(query.retention), None))
            _select(self.purpose, query.consent_purpose)
            self.flag.setEnabled(query.consent_purpose is not None)
            _select(self.flag, next(iter(query.consent_flags), "given"))
            _select(self.relation, query.relation_kind)
            _select(self.source, query.source_file)
            _select(self.special, query.special)
            _select(self.restricted, query.restricted)
            self.nameless.setChecked(query.name_unknown)
        finally:
            self._loading = False

    def reset(self) -> None:
        self.show_query(ContactQuery())
        self.changed.emit()


def _compact(combo: QComboBox) -> None:
    # Sized to its longest item, one long file name made the window wider than the screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(9)


def _select(combo: QComboBox, value: object) -> None:
    for n in range(combo.count()):
        if combo.itemData(n) == value:
            combo.setCurrentIndex(n)
            return
    combo.setCurrentIndex(0)
