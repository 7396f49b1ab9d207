"""The dry-run summary and the running import: two steps of the import page.

ImportPage owns the workers and the step order; these widgets only show what a run is
doing and what the dry run found. Their buttons are wired by the page.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from contactkluis.services.import_plan import ImportReport, reason_text
from contactkluis.ui.import_wizard.outcomes import OutcomeTree
from contactkluis.ui.import_wizard.report_view import numbers_grid


def dry_run_notes(report: ImportReport) -> str:
    """Rich text naming files that failed and columns that hold data nobody mapped."""
    notes: list[str] = []
    for f in report.files:
        if f.error:
            notes.append(f"<span style='color:#b3261e'>{escape(f.file)}: {escape(f.error)}</span>")
        for col in f.unmapped_columns:
            if col.warning:
                where = escape(f"{f.file} [{col.sheet}] '{col.header}'")
                notes.append(
                    f"<span style='color:#b3261e'>{where}:"
                    f" {escape(reason_text(col.warning))}</span>"
                )
    return "<br>".join(notes)


class SummaryStep(QWidget):
    """Step 3: the dry run's numbers and notes, and the button that starts the import."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.numbers = QWidget()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.outcomes = OutcomeTree()  # per file and sheet, each number opens its rows
        self.outcomes.hide()
        self.progress = QProgressBar()
        self.back_button = QPushButton(self.tr("Terug naar de koppeling"))
        self.import_button = QPushButton(self.tr("Importeren"))
        self.import_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addWidget(self.title)
        self.main_layout.addWidget(self.progress)
        self.main_layout.addWidget(self.numbers)
        self.main_layout.addWidget(self.notes)
        self.main_layout.addWidget(self.outcomes, 1)
        self.main_layout.addLayout(row)

    def show_running(self) -> None:
        self.title.setText(self.tr("Proefimport: er wordt niets opgeslagen…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.notes.clear()
        self.outcomes.hide()
        self.import_button.setEnabled(False)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def show_report(self, report: ImportReport) -> None:
        self.progress.hide()
        self.title.setText(
            self.tr("Proefimport klaar: zo ziet de import eruit. Er is nog niets opgeslagen.")
        )
        pairs = [
            (self.tr("nieuwe personen"), report.created),
            (self.tr("samengevoegde rijen"), report.merged),
            (self.tr("niet te importeren rijen"), len(report.invalid)),
            (self.tr("gemarkeerd (bijzondere gegevens)"), len(report.flagged)),
            (self.tr("onderdrukt (eerder gewist)"), report.suppressed),
            (self.tr("mogelijke dubbelen"), len(report.near_duplicates)),
            (self.tr("overgeslagen rijen en bladen"), len(report.skipped)),
            (self.tr("waarschuwingen"), len(report.warnings)),
        ]
        old = self.numbers
        self.numbers = QWidget()
        self.numbers.setObjectName("dryRunNumbers")
        self.numbers.setLayout(numbers_grid(pairs))
        self.main_layout.replaceWidget(old, self.numbers)
        old.deleteLater()
        self.notes.setText(dry_run_notes(report))
        self.outcomes.show_report(report)
        self.outcomes.show()
        self.import_button.setEnabled(report.created + report.merged > 0)

    def show_cancelled(self) -> None:
        self.title.setText(
            self.tr("De import is geannuleerd. Er is niets opgeslagen; de kluis is ongewijzigd.")
        )
        self.progress.hide()


class RunStep(QWidget):
    """Step 4: the import's progress bar and its cancel button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Bezig met importeren…"))
        self.label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        note = QLabel(
            self.tr(
                "Annuleren laat de kluis precies zoals hij was: de import wordt"
                " in één keer opgeslagen of helemaal niet."
            )
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_started(self, rows: int) -> None:
        self.label.setText(self.tr("Bezig met importeren…"))
        self.progress.setRange(0, max(2 * rows, 1))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)

    def show_progress(self, done: int, total: int) -> None:
        """A real run's progress: reading and checking the rows is the first half of
        `total`, saving them in the vault the second (services.importing)."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if self.cancel_button.isEnabled() and total and 2 * done >= total:
            self.label.setText(self.tr("Opslaan in de kluis…"))

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Annuleren…"))
