"""A recovery key shown once: large, selectable, with print and save-as-PDF.

Used by the first-run wizard and by Settings' "Nieuwe herstelsleutel…"; the paper version
says the same thing in both places.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contactkluis.domain.messages import format_date
from contactkluis.ui.dialogs import FileDialog


class RecoveryKeyView(QWidget):
    """The key, Afdrukken…, Opslaan als PDF… and a line saying where the PDF went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.institution = ""
        self.key = QLabel()
        self.key.setObjectName("recoveryKey")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(16, font.pointSize() + 6))
        font.setBold(True)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setWordWrap(True)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 16px; }")
        self.print_button = QPushButton(self.tr("Afdrukken…"))
        self.print_button.clicked.connect(self.print_key)
        self.pdf_button = QPushButton(self.tr("Opslaan als PDF…"))
        self.pdf_button.setObjectName("savePdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.saved_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.key)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_label)

    def set_key(self, key: str, institution: str = "") -> None:
        self.key.setText(key)
        self.institution = institution
        self.saved_label.clear()

    def clear(self) -> None:
        """The key leaves the screen (and this widget) once the person has stored it."""
        self.key.clear()
        self.saved_label.clear()

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        institution = self.institution.replace("&", "&amp;").replace("<", "&lt;")
        doc.setHtml(
            "<h1>" + self.tr("Herstelsleutel Contactkluis") + "</h1>"
            f"<p>{institution} — {format_date(date.today())}</p>"
            # One line: a key broken at one of its dashes reads as two keys. At 16 pt the 39
            # characters fit A4's text width with Qt's 2 cm print margins; nowrap keeps it so.
            f"<p style='font-family: monospace; font-size: 16pt; font-weight: bold;"
            f" white-space: nowrap'>"
            f"{self.key.text()}</p>"
            "<p>"
            + self.tr(
                "Bewaar dit papier op een veilige plek, gescheiden van de computer met de kluis."
                " Wie deze sleutel en het kluisbestand heeft, kan alle gegevens lezen."
            )
            + "</p>"
        )
        return doc

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def save_pdf(self) -> Path | None:
        chosen = FileDialog.save_file(
            self,
            self.tr("Herstelsleutel opslaan als PDF"),
            str(Path.home() / "contactkluis-herstelsleutel.pdf"),
            self.tr("PDF-bestand (*.pdf)"),
        )
        if not chosen:
            return None
        if not chosen.lower().endswith(".pdf"):
            chosen += ".pdf"
        writer = QPdfWriter(chosen)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setTitle(self.tr("Herstelsleutel Contactkluis"))
        self.document().print_(writer)
        self.saved_label.setWordWrap(True)
        self.saved_label.setText(
            self.tr("Opgeslagen als %1 in de map %2")
            .replace("%1", Path(chosen).name)
            .replace("%2", str(Path(chosen).resolve().parent))
        )
        return Path(chosen)
