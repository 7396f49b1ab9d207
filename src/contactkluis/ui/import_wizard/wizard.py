"""The import page: the one-time migration as five steps.

Files -> mapping per file and sheet -> dry-run summary -> the import -> report. Reading,
the dry run and the import run on ctx.tasks; the import uses its own vault connection and
is one transaction, so "Annuleren" leaves the vault exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text
from contactkluis.services import import_history, importing, review
from contactkluis.services.backups import backup_state
from contactkluis.services.import_plan import (
    SPREADSHEET_SUFFIXES,
    FilePlan,
    ImportReport,
    apply_mapping,
    mapping_set,
    plan_files,
    rows_to_import,
)
from contactkluis.services.importing import (
    Cancelled,
    ImportProgress,
    ImportRequest,
    run_import_task,
)
from contactkluis.ui.context import AppContext
from contactkluis.ui.dialogs import MessageBox
from contactkluis.ui.import_wizard.history import PastImports
from contactkluis.ui.import_wizard.mapping_view import SheetEditor
from contactkluis.ui.import_wizard.report_view import ReportView
from contactkluis.ui.import_wizard.steps import RunStep, SummaryStep
from contactkluis.ui.tasks import CancelToken

FILE_FILTER = " ".join(f"*{suffix}" for suffix in SPREADSHEET_SUFFIXES)


class Step:
    FILES, MAPPING, SUMMARY, RUN, REPORT = range(5)


class ImportPage(QWidget):
    """Signals: open_contacts(ids) asks the shell to show these contacts (near duplicates)."""

    open_contacts = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files: list[FilePlan] = []
        self.reading = 0  # files still being read
        self.token: CancelToken | None = None
        self.dry_report: ImportReport | None = None
        self.report: ImportReport | None = None
        self.busy = False

        self.steps_label = QLabel()
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._files_step())
        self.stack.addWidget(self._mapping_step())
        self.summary = SummaryStep()
        self.summary.back_button.clicked.connect(lambda: self.go(Step.MAPPING))
        self.summary.import_button.clicked.connect(self.start_import)
        self.stack.addWidget(self.summary)
        self.run_step = RunStep()
        self.run_step.cancel_button.clicked.connect(self.cancel)
        self.stack.addWidget(self.run_step)
        # callers and tests reach these widgets through the page
        self.summary_title = self.summary.title
        self.summary_notes = self.summary.notes
        self.dry_progress = self.summary.progress
        self.import_button = self.summary.import_button
        self.run_label = self.run_step.label
        self.run_progress = self.run_step.progress
        self.cancel_button = self.run_step.cancel_button
        self.report_view = ReportView()
        self.report_view.open_contacts.connect(self.open_contacts)
        self.report_view.new_import.connect(self.reset)
        self.stack.addWidget(self.report_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.stack, 1)
        ctx.locked.connect(self.reset)
        ctx.locked.connect(lambda: self.past_imports.refresh(None))  # nothing shown while locked
        ctx.unlocked.connect(lambda: self.past_imports.refresh(self.ctx.session))
        ctx.backup_made.connect(self._show_backup_state)
        self.go(Step.FILES)

    # -- steps ----------------------------------------------------------------------------

    def step_names(self) -> list[str]:
        return [
            self.tr("Bestanden"),
            self.tr("Koppeling"),
            self.tr("Proefimport"),
            self.tr("Importeren"),
            self.tr("Verslag"),
        ]

    def go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        parts = []
        for i, name in enumerate(self.step_names()):
            text = f"{i + 1}. {name}"
            parts.append(
                f"<b>{text}</b>" if i == step else f"<span style='color:#777'>{text}</span>"
            )
        self.steps_label.setText(" &nbsp;›&nbsp; ".join(parts))

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _files_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Kies de oude Excel- en CSV-lijsten die naar de kluis moeten, of sleep ze op dit"
                " venster. Er wordt pas iets opgeslagen als u op de laatste stap op Importeren"
                " klikt."
            )
        )
        intro.setWordWrap(True)
        self.file_list = QListWidget()
        self.choose_button = QPushButton(self.tr("Bestanden kiezen…"))
        self.choose_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Verwijderen uit de lijst"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.read_progress = QProgressBar()
        self.read_progress.setRange(0, 0)
        self.read_progress.setMaximumWidth(200)
        self.read_progress.hide()
        self.files_next = QPushButton(self.tr("Volgende: koppeling"))
        self.files_next.setDefault(True)
        self.files_next.clicked.connect(lambda: self.go_mapping())
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.read_progress)
        row.addStretch(1)
        row.addWidget(self.files_next)
        # Earlier imports: their reports stay in the vault and open again after a restart.
        self.past_imports = PastImports()
        self.past_imports.open_report.connect(self.open_past_report)
        self.past_imports.refresh(self.ctx.session)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.file_list, 2)
        layout.addLayout(row)
        layout.addWidget(self.past_imports, 1)
        return page

    def _mapping_step(self) -> QWidget:
        page = QWidget()
        self.sheet_tree = QTreeWidget()
        self.sheet_tree.setHeaderLabels([self.tr("Bestand / werkblad"), self.tr("Rijen")])
        header = self.sheet_tree.header()  # "Rijen" whole, the names take what is left
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.sheet_tree.currentItemChanged.connect(self._sheet_chosen)
        self.editor = SheetEditor()
        self.editor.changed.connect(self._plans_changed)
        split = QSplitter()
        split.addWidget(self.sheet_tree)
        split.addWidget(self.editor)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 800])
        self.save_mapping_button = QPushButton(self.tr("Koppeling opslaan…"))
        self.save_mapping_button.clicked.connect(self._ask_save_mapping)
        self.mapping_combo = QComboBox()
        self.mapping_combo.setMinimumWidth(160)
        self.load_mapping_button = QPushButton(self.tr("Koppeling laden"))
        self.load_mapping_button.clicked.connect(
            lambda: self.load_mapping(self.mapping_combo.currentText())
        )
        back = QPushButton(self.tr("Terug"))
        back.clicked.connect(lambda: self.go(Step.FILES))
        self.mapping_next = QPushButton(self.tr("Volgende: proefimport"))
        self.mapping_next.setDefault(True)
        self.mapping_next.clicked.connect(self.start_dry_run)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(self.save_mapping_button)
        row.addWidget(self.mapping_combo)
        row.addWidget(self.load_mapping_button)
        row.addStretch(1)
        row.addWidget(self.mapping_next)
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        return page

    # -- files ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Bestanden kiezen"),
            "",
            self.tr("Spreadsheets (%1)").replace("%1", FILE_FILTER),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Read and plan these files in the background (also used for drops on the window)."""
        if self.ctx.session is None or self.busy:
            return
        known = {f.path for f in self.files}
        new = [Path(p) for p in dict.fromkeys(paths) if Path(p) not in known]
        if not new:
            return
        if self.step == Step.REPORT:
            self.reset()
        elif self.step != Step.FILES:
            self.go(Step.FILES)
        self.reading += 1
        self._update_files()
        self.ctx.tasks.run(
            lambda _token, progress: plan_files(new, progress=progress),
            self._files_read,
            self._files_failed,
        )

    def _files_read(self, loaded: list[FilePlan]) -> None:
        self.reading -= 1
        if self.ctx.session is None:
            return  # locked meanwhile: drop what was read
        self.files.extend(loaded)
        self._update_files()

    def _files_failed(self, exc: BaseException) -> None:
        self.reading -= 1
        self._update_files()
        MessageBox.critical(self, self.tr("Lezen mislukt"), error_text(exc))

    def remove_selected(self) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            self._update_files()

    def usable_files(self) -> list[FilePlan]:
        return [f for f in self.files if f.error is None]

    def _update_files(self) -> None:
        self.file_list.clear()
        for loaded in self.files:
            if loaded.error is not None:
                item = QListWidgetItem(f"{loaded.name} — {loaded.error.message()}")
                item.setForeground(QBrush(QColor("#b3261e")))
            else:
                rows = sum(len(p.table.rows) for p in loaded.sheets)
                item = QListWidgetItem(
                    f"{loaded.name} — "
                    + self.tr("%n werkblad(en)", "", len(loaded.sheets))
                    + ", "
                    + self.tr("%n rij(en)", "", rows)
                )
            self.file_list.addItem(item)
        reading = self.reading > 0
        self.read_progress.setVisible(reading)
        self.files_next.setEnabled(not reading and bool(self.usable_files()))

    # -- mapping --------------------------------------------------------------------------

    def go_mapping(self) -> None:
        self.sheet_tree.clear()
        first: QTreeWidgetItem | None = None
        for f_index, loaded in enumerate(self.usable_files()):
            top = QTreeWidgetItem([loaded.name, ""])
            self.sheet_tree.addTopLevelItem(top)
            for s_index, plan in enumerate(loaded.sheets):
                child = QTreeWidgetItem([plan.sheet, str(len(plan.table.rows))])
                child.setData(0, Qt.ItemDataRole.UserRole, (f_index, s_index))
                top.addChild(child)
                first = first or child
            top.setExpanded(True)
        self._refresh_tree()
        self._refresh_mapping_names()
        self.go(Step.MAPPING)
        if first is not None:
            self.sheet_tree.setCurrentItem(first)

    def select_sheet(self, file_index: int, sheet_index: int) -> None:
        top = self.sheet_tree.topLevelItem(file_index)
        item = top.child(sheet_index) if top else None
        if item is not None:
            self.sheet_tree.setCurrentItem(item)

    def _sheet_chosen(self, item: QTreeWidgetItem | None, _old: object = None) -> None:
        where = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not where:
            return
        f_index, s_index = where
        self.editor.show_sheet(self.usable_files()[f_index], s_index)

    def _refresh_tree(self) -> None:
        for f_index, loaded in enumerate(self.usable_files()):
            top = self.sheet_tree.topLevelItem(f_index)
            for s_index, plan in enumerate(loaded.sheets):
                child = top.child(s_index) if top else None
                if child is None:
                    continue
                child.setText(1, str(len(plan.table.rows)))
                skipped = not plan.include or bool(plan.table.skip_reason)
                child.setForeground(0, QBrush(QColor("#888888")) if skipped else QBrush())
        self.mapping_next.setEnabled(rows_to_import(self.usable_files()) > 0)

    def _plans_changed(self) -> None:
        self._refresh_tree()

    def _refresh_mapping_names(self) -> None:
        session = self.ctx.session
        names = importing.mapping_names(session) if session else []
        self.mapping_combo.clear()
        self.mapping_combo.addItems(names)
        self.mapping_combo.setEnabled(bool(names))
        self.load_mapping_button.setEnabled(bool(names))

    def _ask_save_mapping(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Koppeling opslaan"), self.tr("Naam van de koppeling:")
        )
        if ok and name.strip():
            self.save_mapping_as(name.strip())

    def save_mapping_as(self, name: str) -> bool:
        try:
            importing.save_mapping(
                self.ctx.unlocked_session, name, mapping_set(self.usable_files())
            )
        except Exception as exc:
            MessageBox.critical(self, self.tr("Opslaan mislukt"), error_text(exc))
            return False
        self._refresh_mapping_names()
        self.mapping_combo.setCurrentText(name)
        return True

    def load_mapping(self, name: str) -> int:
        """Apply a saved mapping to the files now open; the number of sheets it changed."""
        if not name:
            return 0
        try:
            mapping = importing.load_mapping(self.ctx.unlocked_session, name)
        except Exception as exc:
            MessageBox.critical(self, self.tr("Laden mislukt"), error_text(exc))
            return 0
        if mapping is None:
            return 0
        changed = sum(apply_mapping(f, mapping) for f in self.usable_files())
        if changed == 0:
            MessageBox.information(
                self,
                self.tr("Koppeling laden"),
                self.tr(
                    "Deze koppeling hoort bij andere bestanden of werkbladen; er is niets"
                    " veranderd."
                ),
            )
        self._refresh_tree()
        self.editor.refresh()
        return changed

    # -- dry run and import ---------------------------------------------------------------

    def plans(self) -> list[FilePlan]:
        return list(self.files)

    def _worker(
        self, dry_run: bool
    ) -> Callable[[CancelToken, Callable[[int, int], None]], ImportReport]:
        """The import as a task on ctx.tasks: the token's cancel and the progress signal
        reach the service through one ImportProgress."""
        task = run_import_task(self.ctx.unlocked_session, ImportRequest(self.plans(), dry_run))
        return lambda token, progress: task(ImportProgress(progress, lambda: token.cancelled))

    def start_dry_run(self) -> None:
        self.dry_report = None
        self.busy = True
        self.summary.show_running()
        self.go(Step.SUMMARY)
        self.token = self.ctx.tasks.run(
            self._worker(True), self._dry_done, self._failed, self.summary.show_progress
        )

    def _dry_done(self, report: ImportReport) -> None:
        self.busy = False
        self.token = None
        if self.ctx.session is None:
            return
        self.dry_report = report
        self.summary.show_report(report)

    def start_import(self) -> None:
        self.busy = True
        self.report = None
        self.run_step.show_started(rows_to_import(self.usable_files()))
        self.go(Step.RUN)
        self.token = self.ctx.tasks.run(
            self._worker(False), self._import_done, self._failed, self.run_step.show_progress
        )

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.run_step.show_cancelling()

    def _import_done(self, report: ImportReport) -> None:
        self.busy = False
        self.token = None
        if self.ctx.session is None:
            return
        self.report = report
        session = self.ctx.session
        self.report_view.show_report(report, lambda cid: review.name_of(session, cid))
        self._show_backup_state()
        self.go(Step.REPORT)
        self.past_imports.refresh(session)
        self.ctx.data_changed.emit()

    def open_past_report(self, batch_id: int) -> bool:
        """Show the stored report of an earlier import (also after a restart)."""
        session = self.ctx.session
        if session is None or self.busy:
            return False
        found = import_history.stored_report(session, batch_id)
        if found is None:
            return False
        when, report = found
        self.report = report
        self.report_view.show_report(report, lambda cid: review.name_of(session, cid), when=when)
        self.go(Step.REPORT)
        return True

    def _show_backup_state(self) -> None:
        session = self.ctx.session
        if session is not None:
            self.report_view.show_backup_state(backup_state(session).exists)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.token = None
        if self.ctx.session is None:
            return
        if isinstance(exc, Cancelled):
            self.go(Step.SUMMARY)
            self.summary.show_cancelled()
            return
        self.go(Step.MAPPING if self.dry_report is None else Step.SUMMARY)
        MessageBox.critical(
            self,
            self.tr("Importeren mislukt"),
            self.tr("Er is niets opgeslagen; de kluis is ongewijzigd.") + "\n\n" + error_text(exc),
        )

    # -- lock / reset ---------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every file, plan and report (also on lock: they hold personal data)."""
        if self.token is not None:
            self.token.cancel()
        self.token = None
        self.busy = False
        self.files = []
        self.dry_report = None
        self.report = None
        self.file_list.clear()
        self.sheet_tree.clear()
        self.editor.clear()
        self.report_view.clear()
        self.summary_notes.clear()
        self._update_files()
        self.past_imports.refresh(self.ctx.session)
        self.go(Step.FILES)
