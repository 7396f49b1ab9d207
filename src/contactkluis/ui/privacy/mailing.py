"""The mailing and the way back from the mail service, as two small dialogs.

MailingDialog writes the mailing file (or the reconfirmation campaign's list) in a service's
layout and then says how many addresses went in and, per reason, how many were left out.
ServiceReturnDialog reads what the service gives back: unsubscribes, bounced ("cleaned")
addresses, or the confirmed list after a reconfirmation mail. The work is in
services.mailing and services.mailing_loop; `write_to`/`read_from` are the file-dialog-free
entry points (the tests use them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.messages import error_text, localized, render, speaker
from contactkluis.services import mailing, mailing_loop
from contactkluis.services.mailing_loop import ReturnKind
from contactkluis.services.mailing_presets import PRESETS
from contactkluis.ui.context import AppContext

_T = {
    "mailing_title": ("Mailinglijst maken", "Make a mailing list"),
    "return_title": (
        "Bestand van de mailingdienst inlezen",
        "Read a file from the mail service",
    ),
    "purpose": ("Doel", "Purpose"),
    "layout": ("Indeling voor", "Layout for"),
    "consent": (
        "Datum en bron van de toestemming meenemen",
        "Include the consent's date and source",
    ),
    "reconfirm": (
        "Alleen wie toestemming uit een oude lijst opnieuw moet bevestigen "
        "(voor een herbevestigingsmail)",
        "Only people whose legacy consent must be reconfirmed (for a reconfirmation mail)",
    ),
    "save": ("Opslaan als…", "Save as…"),
    "save_filter": ("CSV (*.csv);;Excel (*.xlsx)", "CSV (*.csv);;Excel (*.xlsx)"),
    "written": ("{n} adres(sen) geschreven naar {file}.", "{n} address(es) written to {file}."),
    "left_out": (
        "Niet opgenomen: {left} van {total} record(s):",
        "Left out: {left} of {total} record(s):",
    ),
    "reconfirm_hint": (
        "{n} toestemming(en) uit oude lijsten moeten eerst opnieuw worden bevestigd: maak met "
        "het vinkje hierboven de lijst voor een herbevestigingsmail en lees daarna met "
        "'Bestand van de mailingdienst inlezen' in wie bevestigde.",
        "{n} consent(s) from old lists must be reconfirmed first: tick the box above to make "
        "the list for a reconfirmation mail, then read in who confirmed with 'Read a file "
        "from the mail service'.",
    ),
    "service": ("Mailingdienst", "Mail service"),
    "kind": ("Wat is het bestand", "What the file is"),
    "kind_afgemeld": ("Afmeldingen (unsubscribed)", "Unsubscribes"),
    "kind_onbestelbaar": ("Onbestelbare adressen (cleaned, bounced)", "Bounced addresses"),
    "kind_bevestigd": (
        "Wie bevestigde na de herbevestigingsmail (subscribed)",
        "Who confirmed after the reconfirmation mail",
    ),
    "kind_help": (
        "Afmeldingen worden ingetrokken toestemmingen, met de dienst als bron en het bestand "
        "als bewijs. Onbestelbare adressen worden uit de records gehaald. Een bevestiging "
        "wordt alleen nieuwe toestemming bij wie toestemming uit een oude lijst had.",
        "Unsubscribes become withdrawn consents, with the service as source and the file as "
        "evidence. Bounced addresses are removed from the records. A confirmation becomes "
        "fresh consent only for people whose consent came from an old list.",
    ),
    "open": ("Bestand kiezen en inlezen…", "Choose a file and read it…"),
    "open_filter": (
        "Exports (*.csv *.txt *.xlsx *.xls *.ods)",
        "Exports (*.csv *.txt *.xlsx *.xls *.ods)",
    ),
    "read": (
        "{rows} regel(s) gelezen uit {file}; {changed} record(s) bijgewerkt.",
        "{rows} row(s) read from {file}; {changed} record(s) updated.",
    ),
}
t = speaker(_T, "privacy.mailing.")


def _purposes(ctx: AppContext) -> QComboBox:
    box = QComboBox()
    session = ctx.session
    for code, purpose in (session.purposes if session else {}).items():
        box.addItem(localized(purpose.label_nl, purpose.label_en), code)
    index = box.findData("nieuwsbrief")
    if index >= 0:
        box.setCurrentIndex(index)
    return box


class _Base(QDialog):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.purpose = _purposes(ctx)
        self.form.addRow(t("purpose"), self.purpose)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setObjectName("mailing_result")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)


class MailingDialog(_Base):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, t("mailing_title"), parent)
        self.preset = QComboBox()
        for key, preset in PRESETS.items():
            self.preset.addItem(preset.label if key != "standaard" else render("mail.plain"), key)
        self.form.addRow(t("layout"), self.preset)
        self.consent = QCheckBox(t("consent"))
        self.reconfirm = QCheckBox(t("reconfirm"))
        self.form.addRow(self.consent)
        self.form.addRow(self.reconfirm)
        save = self.buttons.addButton(t("save"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.choose_and_write)

    def choose_and_write(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, t("save"), "mailing.csv", t("save_filter"))
        if name:
            self.write_to(Path(name))

    def write_to(self, path: Path) -> mailing.MailingResult | None:
        session = self.ctx.session
        if session is None:
            return None
        try:
            result = mailing.export_mailing(
                session,
                str(self.purpose.currentData()),
                path,
                reconfirm=self.reconfirm.isChecked(),
                preset=str(self.preset.currentData()),
                consent=self.consent.isChecked(),
            )
        except Exception as exc:
            self.report.setText(error_text(exc))
            return None
        lines = [t("written", n=result.count, file=path.name)]
        left = result.left_out()
        if left:
            lines.append(t("left_out", left=sum(left.values()), total=result.considered))
            lines += [f"  {n} × {mailing.reason_text(code)}" for code, n in left.most_common()]
        if left.get("reconfirm") and not self.reconfirm.isChecked():
            lines.append(t("reconfirm_hint", n=left["reconfirm"]))
        self.report.setText("\n".join(lines))
        return result


class ServiceReturnDialog(_Base):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, t("return_title"), parent)
        self.service = QComboBox()
        for key, label in mailing_loop.SERVICES.items():
            self.service.addItem(label if key != "anders" else render("mail.other"), key)
        self.kind = QComboBox()
        for kind in ReturnKind:
            self.kind.addItem(t(f"kind_{kind.value}"), kind.value)
        help_text = QLabel(t("kind_help"))
        help_text.setWordWrap(True)
        self.form.addRow(t("service"), self.service)
        self.form.addRow(t("kind"), self.kind)
        self.form.addRow(help_text)
        read = self.buttons.addButton(t("open"), QDialogButtonBox.ButtonRole.ActionRole)
        read.clicked.connect(self.choose_and_read)

    def choose_and_read(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, t("open"), "", t("open_filter"))
        if name:
            self.read_from(Path(name))

    def read_from(self, path: Path) -> mailing_loop.LoopResult | None:
        session = self.ctx.session
        if session is None:
            return None
        try:
            result = mailing_loop.import_returned(
                session,
                str(self.purpose.currentData()),
                path,
                service=str(self.service.currentData()),
                kind=ReturnKind(self.kind.currentData()),
            )
        except Exception as exc:
            self.report.setText(error_text(exc))
            return None
        lines = [t("read", rows=result.rows, file=path.name, changed=result.changed)]
        lines += [f"  {n} × {render('loop.' + k)}" for k, n in result.outcomes.most_common()]
        self.report.setText("\n".join(lines))
        if result.changed:
            self.ctx.data_changed.emit()
        return result
