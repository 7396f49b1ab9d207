"""About: version, build information and the licences of the bundled components."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis import __version__
from contactkluis.ui.widgets.icons import app_icon

# (component, licence) of everything the installer bundles
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("PySide6 / Qt", "LGPL-3.0"),
    ("SQLCipher", "BSD-3-Clause"),
    ("argon2-cffi", "MIT"),
    ("cryptography", "Apache-2.0 / BSD-3-Clause"),
    ("openpyxl", "MIT"),
    ("XlsxWriter", "BSD-2-Clause"),
    ("python-calamine", "MIT"),
    ("phonenumbers", "Apache-2.0"),
    ("email-validator", "Unlicense"),
    ("platformdirs", "MIT"),
    ("rapidfuzz", "MIT"),
)


def build_info() -> str:
    import json

    import sqlcipher3

    from contactkluis.ui.widgets.icons import resources_dir

    frozen = getattr(sys, "frozen", False)
    text = (
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version},"
        f" SQLCipher (SQLite {sqlcipher3.sqlite_version}),"
        f" {platform.system()} {platform.release()}" + (" (bundle)" if frozen else "")
    )
    try:  # written by packaging/build.py into the bundle
        stamp = json.loads((resources_dir() / "build_info.json").read_text("utf-8"))
        text += f"; build {stamp.get('commit', '?')} {stamp.get('built', '')}"
    except (OSError, ValueError):
        pass
    return text


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over Contactkluis"))
        self.setMinimumSize(520, 460)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f"<h2>Contactkluis {__version__}</h2>")
        text = QLabel(
            self.tr(
                "Versleutelde contactenadministratie volgens de AVG voor kleine culturele"
                " instellingen. Uitgegeven onder de EUPL-1.2."
            )
        )
        text.setWordWrap(True)
        build = QLabel(build_info())
        build.setObjectName("buildInfo")
        build.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        build.setWordWrap(True)
        table = QTableWidget(len(COMPONENTS), 2)
        table.setObjectName("licences")
        table.setHorizontalHeaderLabels([self.tr("Onderdeel"), self.tr("Licentie")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, licence) in enumerate(COMPONENTS):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(licence))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(build)
        layout.addWidget(QLabel(self.tr("Gebruikte onderdelen:")))
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
