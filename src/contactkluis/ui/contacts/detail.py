"""The detail panel beside the contacts table: one person, everything we hold and why.

Banners on top (restricted, special-category, retention with its reasons and actions),
then tabs: fields, consents with full history, relations, provenance and audit history.
Writes go through services; the panel emits `changed(id)` after each, and never keeps a
contact once `clear()` is called (the vault locks).
"""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import SHARED_EMAIL_FIELD, ConsentStatus, Contact
from contactkluis.domain.messages import (
    current_language,
    format_date,
    format_datetime,
    localized,
    speaker,
)
from contactkluis.domain.normalize import format_phone_nl
from contactkluis.domain.roles import Permission
from contactkluis.domain.special import SPECIAL_LABELS, special_categories
from contactkluis.errors import UserError
from contactkluis.services import contacts as contact_service
from contactkluis.services import import_history
from contactkluis.services.session import Session
from contactkluis.ui.contacts.flags import FLAG_SYMBOLS, PILL_COLOURS, flag_icon
from contactkluis.ui.contacts.texts import action_label, field_label, relation_label, t
from contactkluis.ui.handbook import HelpLink

_T: dict[str, tuple[str, str]] = {
    "empty": ("Selecteer een contact.", "Select a contact."),
    "tab.fields": ("Gegevens", "Details"),
    "tab.consent": ("Toestemming", "Consent"),
    "tab.relations": ("Relaties", "Relations"),
    "tab.provenance": ("Herkomst", "Provenance"),
    "tab.audit": ("Geschiedenis", "History"),
    "edit": ("Bewerken…", "Edit…"),
    "give": ("Toestemming vastleggen…", "Record consent…"),
    "withdraw": ("Intrekken…", "Withdraw…"),
    "add_relation": ("Relatie toevoegen…", "Add relation…"),
    "anonymise": ("Anonimiseren", "Anonymise"),
    "delete": ("Verwijderen", "Delete"),
    "admin_only": ("Alleen een beheerder kan dit.", "Only an administrator can do this."),
    "restricted": (
        "Beperkt (AVG art. 18): dit contact is bevroren en alleen-lezen{why}.",
        "Restricted (GDPR art. 18): this contact is frozen and read-only{why}.",
    ),
    "restricted.why": (" — sinds {date} door {account}", " — since {date} by {account}"),
    "special": (
        "Let op: bijzondere persoonsgegevens ({labels}). Alleen gebruiken als daar een "
        "uitzonderingsgrond voor is (AVG art. 9).",
        "Caution: special-category data ({labels}). Use only where an exemption applies "
        "(GDPR art. 9).",
    ),
    "special.unknown": ("soort onbekend", "kind unknown"),
    "shared": (
        "Gedeeld e-mailadres: een ander contact gebruikt hetzelfde adres (gezin of "
        "kantoor). Toestemming of afmelding via dit adres geldt alleen voor wie hem gaf.",
        "Shared e-mail address: another contact uses the same address (family or "
        "office). Consent or unsubscribing via this address holds only for who gave it.",
    ),
    "deceased": (
        "Overleden — wordt nooit gemaild. Bewaar alleen wat nodig is (bijv. een"
        " nalatenschap of de geschiedenis van het lidmaatschap).",
        "Deceased — never mailed. Keep only what is needed (e.g. a bequest or the"
        " history of the membership).",
    ),
    "confirm.title": ("Bevestigen", "Confirm"),
    "confirm.anonymise": (
        "{name} anonimiseren? Naam, adres en contactgegevens verdwijnen definitief.",
        "Anonymise {name}? Name, address and contact details are removed for good.",
    ),
    "confirm.delete": (
        "{name} definitief verwijderen?",
        "Delete {name} for good?",
    ),
    "not_expired": (
        "Dit contact is niet (meer) verlopen; er is niets gedaan.",
        "This contact is not (or no longer) expired; nothing was done.",
    ),
    "h.purpose": ("Doel", "Purpose"),
    "h.status": ("Status", "Status"),
    "h.date": ("Datum", "Date"),
    "h.source": ("Bron", "Source"),
    "h.evidence": ("Bewijs", "Evidence"),
    "h.kind": ("Soort", "Kind"),
    "h.start": ("Begin", "Start"),
    "h.end": ("Einde", "End"),
    "h.last": ("Laatste activiteit", "Last activity"),
    "h.file": ("Bestand", "File"),
    "h.sheet": ("Blad", "Sheet"),
    "h.row": ("Rij", "Row"),
    "h.field": ("Veld", "Field"),
    "h.original": ("Origineel", "Original"),
    "h.when": ("Wanneer", "When"),
    "h.who": ("Wie", "Who"),
    "h.what": ("Actie", "Action"),
    "h.detail": ("Details", "Details"),
    "imported": ("Geïmporteerd", "Imported"),
    "imported_from": ("uit {rows}", "from {rows}"),
    "imported_row": ("{file} / {sheet} / rij {row}", "{file} / {sheet} / row {row}"),
    "f.name": ("Naam", "Name"),
    "f.organisation": ("Organisatie", "Organisation"),
    "f.emails": ("E-mail", "E-mail"),
    "f.phones": ("Telefoon", "Phone"),
    "f.address": ("Adres", "Address"),
    "f.birth": ("Geboortedatum", "Date of birth"),
    "f.notes": ("Notities", "Notes"),
    "f.objections": ("Bezwaar", "Objections"),
    "f.marketing": ("direct marketing", "direct marketing"),
    "f.profiling": ("profilering", "profiling"),
}


_t = speaker(_T, "contacts.detail.")


def optional_service(name: str) -> ModuleType | None:
    """services.retention / services.erasure when installed; the actions hide otherwise."""
    try:
        return importlib.import_module(f"contactkluis.services.{name}")
    except ModuleNotFoundError:
        return None


def _tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    return tree


class ContactDetailPanel(QWidget):
    changed = Signal(int)  # the contact was written to
    removed = Signal(int)  # the contact was deleted (retention/erasure)
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.contact: Contact | None = None
        self.confirm = self._confirm  # tests may replace this with a preset answer
        self.dialog: Any = None  # the last dialog opened from the panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel(_t("empty"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        # First of all: nobody should write to a person who has died.
        self.deceased_banner = self._banner("#37474f", "#ffffff", "#000000")
        self.deceased_banner.setObjectName("deceasedBanner")
        self.restricted_banner = self._banner("#eceff1", "#263238", "#546e7a")
        self.special_banner = self._banner("#fff4e5", "#6d3d00", "#ef6c00")
        self.shared_banner = self._banner("#e8f0fe", "#1a3e72", "#4a78c2")
        self.retention_banner = QWidget(self)
        rb = QVBoxLayout(self.retention_banner)
        rb.setContentsMargins(8, 6, 8, 6)
        self.retention_text = QLabel(self.retention_banner)
        self.retention_text.setWordWrap(True)
        self.retention_text.setTextFormat(Qt.TextFormat.PlainText)
        rb.addWidget(self.retention_text)
        self.retention_help = HelpLink("retention", self.retention_banner)
        rb.addWidget(self.retention_help)
        # Destructive actions sit at the bottom right of the banner, far from the tab row:
        # a click meant for "Herkomst" must never land on "Verwijderen".
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.anonymise_button = QPushButton(_t("anonymise"), self.retention_banner)
        self.delete_button = QPushButton(_t("delete"), self.retention_banner)
        self.anonymise_button.clicked.connect(lambda: self._retention_action("anonymise"))
        self.delete_button.clicked.connect(lambda: self._retention_action("delete"))
        actions.addWidget(self.anonymise_button)
        actions.addWidget(self.delete_button)
        rb.addLayout(actions)

        # The tab row stays right under the name whatever banners show: banners go below
        # the tabs, so the row never moves with their height.
        self.tabs = QTabWidget(self)
        bar = self.tabs.tabBar()
        bar.setUsesScrollButtons(False)  # no "He…" or hidden tabs: the panel is as wide
        bar.setElideMode(Qt.TextElideMode.ElideNone)  # as its tab row (minimumSizeHint)
        layout.addWidget(self.tabs, 1)
        for banner in (
            self.deceased_banner,
            self.restricted_banner,
            self.special_banner,
            self.shared_banner,
            self.retention_banner,
        ):
            layout.addWidget(banner)
            banner.hide()
        self._build_fields_tab()
        self._build_consent_tab()
        self._build_relations_tab()
        self.provenance = _tree(self, [_t(k) for k in (
            "h.file", "h.sheet", "h.row", "h.field", "h.original")])  # fmt: skip
        self.tabs.addTab(self.provenance, _t("tab.provenance"))
        self.audit = _tree(self, [_t(k) for k in ("h.when", "h.who", "h.what", "h.detail")])
        self.tabs.addTab(self.audit, _t("tab.audit"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.tabs.setEnabled(False)

    def _banner(self, bg: str, fg: str, edge: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(
            f"background:{bg}; color:{fg}; padding:6px; border-left:4px solid {edge};"
        )
        return label

    def _build_fields_tab(self) -> None:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        self.fields: dict[str, QLabel] = {}
        for key in ("f.name", "f.organisation", "f.emails", "f.phones", "f.address", "f.birth", "f.notes",
                    "f.objections"):  # fmt: skip
            label = QLabel(page)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(_t(key) + ":", label)
            self.fields[key] = label
        self.edit_button = QPushButton(_t("edit"), page)
        self.edit_button.clicked.connect(self._request_edit)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.tabs.addTab(page, _t("tab.fields"))

    def _build_consent_tab(self) -> None:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        self.consents = _tree(page, [_t(k) for k in (
            "h.purpose", "h.status", "h.date", "h.source", "h.evidence")])  # fmt: skip
        self.consents.setRootIsDecorated(True)
        outer.addWidget(self.consents)
        row = QHBoxLayout()
        self.give_button = QPushButton(_t("give"), page)
        self.withdraw_button = QPushButton(_t("withdraw"), page)
        self.give_button.clicked.connect(lambda: self._consent(ConsentStatus.GIVEN))
        self.withdraw_button.clicked.connect(lambda: self._consent(ConsentStatus.WITHDRAWN))
        row.addWidget(self.give_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        self.flags_help = HelpLink("flags", page)
        row.addWidget(self.flags_help)
        outer.addLayout(row)
        self.tabs.addTab(page, _t("tab.consent"))

    def _build_relations_tab(self) -> None:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        self.relations = _tree(page, [_t(k) for k in (
            "h.kind", "h.start", "h.end", "h.last", "h.source")])  # fmt: skip
        outer.addWidget(self.relations)
        row = QHBoxLayout()
        self.add_relation_button = QPushButton(_t("add_relation"), page)
        self.add_relation_button.clicked.connect(self._add_relation)
        row.addWidget(self.add_relation_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.tabs.addTab(page, _t("tab.relations"))

    # -- showing --------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the contact and every text that showed it."""
        self.contact = None
        self.title.setText(_t("empty"))
        for banner in (
            self.deceased_banner,
            self.restricted_banner,
            self.special_banner,
            self.shared_banner,
        ):
            banner.clear()
            banner.hide()
        self.retention_text.clear()
        self.retention_banner.hide()
        for label in self.fields.values():
            label.clear()
        for tree in (self.consents, self.relations, self.provenance, self.audit):
            tree.clear()
        self.error.clear()
        self.tabs.setEnabled(False)

    def show_contact(self, session: Session | None, contact_id: int | None) -> None:
        self.session = session
        if session is None or contact_id is None:
            self.clear()
            return
        try:
            details = contact_service.details(session, contact_id)
        except UserError:
            self.clear()
            return
        self.error.clear()
        self.contact = c = details.contact
        self.tabs.setEnabled(True)
        self.title.setText(c.name.display() or (c.emails[0] if c.emails else f"#{c.id}"))
        self._show_banners(c, details.state, details.audit)
        a = c.address
        street = " ".join(p for p in (a.street, a.house_number) if p)
        town = "  ".join(p for p in (a.postcode, a.city) if p)
        objections = [_t("f.marketing")] if c.objects_marketing else []
        objections += [_t("f.profiling")] if c.objects_profiling else []
        values = {
            "f.name": c.name.display(),
            "f.organisation": c.organisation or "",
            "f.emails": "\n".join(c.emails),
            "f.phones": "\n".join(format_phone_nl(p) for p in c.phones),
            "f.address": "\n".join(p for p in (street, town, a.country or "") if p),
            "f.birth": format_date(c.birth_date) or (str(c.birth_year) if c.birth_year else ""),
            "f.notes": c.notes,
            "f.objections": ", ".join(objections),
        }
        for key, label in self.fields.items():
            label.setText(values[key])
        self._show_consents(session, c, details.consent_history)
        self._show_relations(c)
        self._show_provenance(c)
        self._show_audit(details.audit)
        self._show_imports(session, c.id)
        frozen = c.restricted
        self.edit_button.setEnabled(session.can(Permission.EDIT))
        self.give_button.setEnabled(session.can(Permission.RECORD_CONSENT) and not frozen)
        self.withdraw_button.setEnabled(session.can(Permission.RECORD_CONSENT))
        self.add_relation_button.setEnabled(session.can(Permission.EDIT) and not frozen)

    def _show_banners(self, c: Contact, state: dict[str, Any], audit: list[dict[str, Any]]) -> None:
        self.deceased_banner.setText(_t("deceased") if c.deceased else "")
        self.deceased_banner.setVisible(c.deceased)
        if c.restricted:
            why = ""
            for entry in audit:  # newest first
                if entry["action"] == "contact.restricted" and entry["detail"].get("value"):
                    why = _t("restricted.why", date=format_date(entry["ts"]),
                             account=entry["account"] or "?")  # fmt: skip
                    break
            self.restricted_banner.setText(_t("restricted", why=why))
        self.restricted_banner.setVisible(c.restricted)
        codes = special_categories(c.notes) or special_categories(c.special_note)
        if c.special_category or codes:
            labels = ", ".join(localized(*SPECIAL_LABELS[k]) for k in codes) or _t(
                "special.unknown"
            )
            self.special_banner.setText(_t("special", labels=labels))
        self.special_banner.setVisible(bool(c.special_category or codes))
        shared = any(s.field == SHARED_EMAIL_FIELD for s in c.sources)
        self.shared_banner.setText(_t("shared") if shared else "")
        self.shared_banner.setVisible(shared)

        status = str(state.get("status") or "ok")
        until = state.get("until")
        reasons = [str(r.get(current_language()) or "") for r in state.get("reasons", [])]
        head = t(f"ret.{status}")
        if until:
            head += " — " + t("ret.until", date=format_date(_iso_date(until)))
        self.retention_text.setText("\n".join([head, *(f"• {r}" for r in reasons)]))
        bg, fg = PILL_COLOURS.get(status, ("#eeeeee", "#333333"))
        self.retention_banner.setStyleSheet(
            # The light OK background needs its own dark text, or dark mode writes light on light.
            f"background:{bg}; color:{fg};"
            if status != "ok"
            else "background:#f3f7f3; color:#1b3a1d;"
        )
        self.retention_banner.setVisible(True)
        self._retention_actions(status)

    def _retention_actions(self, status: str) -> None:
        assert self.session is not None
        retention = optional_service("retention")
        erasure = optional_service("erasure")
        can_anonymise = retention is not None and hasattr(retention, "apply")
        can_delete = can_anonymise or (erasure is not None and hasattr(erasure, "erase"))
        admin = self.session.role == "beheerder"
        expired = status == "expired"
        self.anonymise_button.setVisible(can_anonymise and expired)
        self.delete_button.setVisible(can_delete and expired)
        self.anonymise_button.setEnabled(admin and self.session.can(Permission.RETENTION_APPLY))
        self.delete_button.setEnabled(admin)
        tip = "" if admin else _t("admin_only")
        self.anonymise_button.setToolTip(tip)
        self.delete_button.setToolTip(tip)

    def _show_consents(self, session: Session, c: Contact, history: dict[str, list[Any]]) -> None:
        self.consents.clear()
        codes = list(session.purposes) + [k for k in history if k not in session.purposes]
        for code in codes:
            purpose = session.purposes.get(code)
            label = localized(purpose.label_nl, purpose.label_en) if purpose else code
            state = consent_state(c.consents, code, today=session.today())
            flag = str(state.flag())
            top = QTreeWidgetItem([
                label, f"{FLAG_SYMBOLS[flag]} {t('flag.' + flag)}",
                format_date(state.since), state.source, state.evidence])  # fmt: skip
            top.setIcon(1, flag_icon(flag))
            top.setData(0, Qt.ItemDataRole.UserRole, code)
            for event in history.get(code, []):
                status = (
                    "withdrawn"
                    if event.status is ConsentStatus.WITHDRAWN
                    else ("reconfirm" if event.reconfirm else "given")
                )
                QTreeWidgetItem(top, [
                    "", f"{FLAG_SYMBOLS[status]} {t('flag.' + status)}",
                    format_date(event.on), event.source, event.evidence])  # fmt: skip
            self.consents.addTopLevelItem(top)
            top.setExpanded(bool(history.get(code)))
        for col in range(5):
            self.consents.resizeColumnToContents(col)

    def _show_relations(self, c: Contact) -> None:
        self.relations.clear()
        for r in c.relations:
            self.relations.addTopLevelItem(QTreeWidgetItem([
                relation_label(str(r.kind)), format_date(r.start), format_date(r.end),
                format_date(r.last_activity), r.source]))  # fmt: skip

    def _show_provenance(self, c: Contact) -> None:
        self.provenance.clear()
        for p in c.sources:
            self.provenance.addTopLevelItem(QTreeWidgetItem([
                p.file, p.sheet or "", "" if p.row is None else str(p.row),
                field_label(p.field) if p.field else "",
                p.original or ""]))  # fmt: skip

    def _show_audit(self, entries: list[dict[str, Any]]) -> None:
        self.audit.clear()
        for e in entries:
            detail = json.dumps(e["detail"], ensure_ascii=False) if e["detail"] else ""
            when = format_datetime(e["ts"])
            item = QTreeWidgetItem([when, e["account"] or "", action_label(e["action"]), detail])
            self.audit.addTopLevelItem(item)

    def _show_imports(self, session: Session, contact_id: int | None) -> None:
        """The import(s) the person came from, below the audit entries (oldest last)."""
        found = import_history.origins(session, contact_id) if contact_id is not None else []
        for origin in reversed(found):
            rows = "; ".join(
                _t("imported_row", file=f, sheet=s or "", row=r or "") for f, s, r in origin.rows
            )
            self.audit.addTopLevelItem(QTreeWidgetItem([
                format_datetime(origin.started_at), origin.account or "", _t("imported"),
                _t("imported_from", rows=rows)]))  # fmt: skip

    # -- actions --------------------------------------------------------------------------

    def _request_edit(self) -> None:
        if self.contact is not None and self.contact.id is not None:
            self.edit_requested.emit(self.contact.id)

    def selected_purpose(self) -> str | None:
        item = self.consents.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def consent_dialog(self, status: ConsentStatus) -> Any:
        from contactkluis.ui.contacts.consent_dialog import ConsentDialog

        assert self.session is not None and self.contact is not None
        assert self.contact.id is not None
        return ConsentDialog(self.session, self.contact.id, status, self.selected_purpose(), self)

    def _consent(self, status: ConsentStatus) -> None:
        self._open(self.consent_dialog(status))

    def _open(self, dialog: Any) -> None:
        # open(), not exec(): no nested event loop, so a lock can close the dialog cleanly.
        self.dialog = dialog
        dialog.accepted.connect(self._after_write)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_relation(self) -> None:
        from contactkluis.ui.contacts.consent_dialog import RelationDialog

        assert self.session is not None and self.contact is not None
        assert self.contact.id is not None
        self._open(RelationDialog(self.session, self.contact.id, self))

    def _after_write(self) -> None:
        assert self.contact is not None and self.contact.id is not None
        contact_id = self.contact.id
        self.show_contact(self.session, contact_id)
        self.changed.emit(contact_id)

    def _confirm(self, text: str) -> bool:
        from contactkluis.ui.dialogs import Button, MessageBox

        answer = MessageBox.question(self, _t("confirm.title"), text)
        return answer == Button.Yes

    def _retention_action(self, action: str) -> None:
        if self.session is None or self.contact is None or self.contact.id is None:
            return
        contact_id = self.contact.id
        name = self.contact.name.display() if self.contact is not None else ""
        if not self.confirm(_t(f"confirm.{action}", name=name)):
            return
        retention = optional_service("retention")
        try:
            if retention is not None and hasattr(retention, "apply"):
                outcome = retention.apply(self.session, action, [contact_id])
                if contact_id not in outcome.ids:
                    self.error.setText(_t("not_expired"))
                    return
            else:
                erasure = optional_service("erasure")
                assert erasure is not None
                erasure.erase(self.session, [contact_id])
        except UserError as exc:
            self.error.setText(exc.message())
            return
        if action == "delete":
            self.clear()
            self.removed.emit(contact_id)
        else:
            self._after_write()


def _iso_date(value: str) -> Any:
    from datetime import date

    return date.fromisoformat(value)
