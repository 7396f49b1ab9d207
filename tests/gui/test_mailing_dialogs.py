"""The mailing and the service loop from the privacy page, on a real vault."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import ConsentEvent, ConsentStatus, Contact, PersonName
from contactkluis.services import contacts
from contactkluis.ui.context import AppContext
from contactkluis.ui.privacy.dashboard import PrivacyPage
from contactkluis.ui.privacy.mailing import MailingDialog, ServiceReturnDialog


def _legacy(ctx: AppContext, first: str, email: str) -> int:
    contact = Contact(
        name=PersonName(first, None, "van der", "Meer"),
        emails=[email],
        consents=[
            ConsentEvent(
                "nieuwsbrief", ConsentStatus.GIVEN, date(2021, 3, 1), "oude lijst", "", True
            )
        ],
    )
    return contacts.create_contact(ctx.unlocked_session, contact)


def test_mailing_dialog_says_why_and_the_loop_confirms(
    qtbot: object, ctx: AppContext, tmp_path: Path
) -> None:
    kim = _legacy(ctx, "Kim", "kim@voorbeeld.nl")
    _legacy(ctx, "Bo", "bo@voorbeeld.nl")
    page = PrivacyPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    assert page.findChild(QPushButton, "mailing_make") is not None
    assert page.findChild(QPushButton, "mailing_return") is not None

    dialog = MailingDialog(ctx, page)
    dialog.preset.setCurrentIndex(dialog.preset.findData("mailchimp"))
    result = dialog.write_to(tmp_path / "nieuwsbrief.csv")
    assert result is not None and result.count == 0
    text = dialog.report.text()
    assert "0 adres(sen) geschreven" in text
    assert "2 × Toestemming uit een oude lijst" in text and "herbevestigingsmail" in text

    dialog.reconfirm.setChecked(True)
    campaign = tmp_path / "herbevestigen.csv"
    assert dialog.write_to(campaign) is not None
    with open(campaign, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["Email Address"] for r in rows) == ["bo@voorbeeld.nl", "kim@voorbeeld.nl"]
    assert {r["Aanhef Achternaam"] for r in rows} == {"Van der Meer"}

    back = ServiceReturnDialog(ctx, page)
    back.service.setCurrentIndex(back.service.findData("mailchimp"))
    back.kind.setCurrentIndex(back.kind.findData("bevestigd"))
    confirmed = tmp_path / "subscribed_members_export.csv"
    confirmed.write_text(
        "Email Address,First Name,CONFIRM_TIME\nkim@voorbeeld.nl,Kim,2026-11-30 12:00:00\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(ctx.data_changed):  # type: ignore[attr-defined]
        loop = back.read_from(confirmed)
    assert loop is not None and loop.changed == 1
    assert "1 record(s) bijgewerkt" in back.report.text()
    stored = ctx.unlocked_session.repo().get(kim)
    assert stored is not None
    state = consent_state(stored.consents, "nieuwsbrief")
    assert state.status is ConsentStatus.GIVEN and not state.reconfirm
    assert state.source == "Mailchimp: herbevestiging" and state.since == date(2026, 11, 30)
