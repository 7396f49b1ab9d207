"""The mailing list for one purpose: only the people domain.mailing finds eligible.

The file is laid out for the institution's mail service (services.mailing_presets: Mailchimp,
Laposta, MailerLite, Brevo, or a plain layout), so the service's import matches the columns
by itself. CSV is UTF-8 with a BOM, so Dutch Excel shows "Féline" and not "FÃ©line" (the four
services read UTF-8 with or without one); every field is quoted and no field can start a
formula, whether the line is split on ',' or ';' (services.files.csv_bytes). The xlsx variant
holds text cells only. An address that itself starts with a formula character is left out
and counted, not mangled: a mail tool would send to the mangled address.

The result says why people were left out, one count per reason, so "0 adressen" after an
import explains itself (typically: consents from old lists still to be reconfirmed).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from contactkluis.domain.consent import consent_state
from contactkluis.domain.contact import Contact, PersonName
from contactkluis.domain.mailing import mailing_eligible
from contactkluis.domain.messages import register, render
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import suppression
from contactkluis.services.files import csv_bytes, safe_cell, write_atomic
from contactkluis.services.mailing_presets import PRESETS, Preset, name_columns
from contactkluis.services.session import Session
from contactkluis.vault import review_repo

COLUMNS = PRESETS["standaard"].headers(consent=False)
FORMATS = ("csv", "xlsx")

# Why a person is not in the file, beyond domain.mailing's codes.
DUPLICATE = "duplicate"  # a second record with the same mailbox: one mail is enough
UNSAFE = "unsafe_address"  # the address itself starts with = + - @
NOTHING_TO_RECONFIRM = "nothing_to_reconfirm"  # reconfirmation list: consent already fresh
# An unsubscribe without a name on a mailbox several people use: whose was it? Until a
# person decides (merges it into the right record or deletes it), nobody on that mailbox
# is mailed for the purpose. Not mailing someone who wanted the mail can be put right
# with one reply; mailing someone who unsubscribed cannot.
SHARED_WITHDRAWAL = "shared_withdrawal"

register(
    {
        DUPLICATE: (
            "Zelfde e-mailadres als een ander record (één mail is genoeg).",
            "Same e-mail address as another record (one mail is enough).",
        ),
        UNSAFE: (
            "E-mailadres begint met = + - of @ (zou als formule worden gelezen).",
            "E-mail address starts with = + - or @ (would be read as a formula).",
        ),
        "plain": (
            "Algemeen (email, first_name, last_name)",
            "General (email, first_name, last_name)",
        ),
        "other": ("Andere dienst", "Other service"),
        SHARED_WITHDRAWAL: (
            "Afmelding zonder naam op dit gedeelde e-mailadres: niemand op dit adres wordt"
            " gemaild tot iemand bepaalt voor wie die geldt (voeg het record zonder naam"
            " samen met die persoon, of verwijder het).",
            "Unsubscribe without a name on this shared e-mail address: nobody on it is"
            " mailed until someone decides whose it was (merge the nameless record into"
            " that person, or delete it).",
        ),
        NOTHING_TO_RECONFIRM: (
            "Niets opnieuw te bevestigen: de toestemming is al actueel of niet nodig.",
            "Nothing to reconfirm: consent is already current or not needed.",
        ),
    },
    prefix="mail.",
)


def split_name(name: PersonName) -> tuple[str, str]:
    """(first_name, last_name) for a mail tool: the infix belongs to the last name."""
    first, last, _ = name_columns(name, PRESETS["standaard"])
    return first, last


@dataclass(frozen=True, slots=True)
class MailingRow:
    email: str
    name: PersonName
    consent_on: date | None = None
    consent_source: str = ""


@dataclass
class MailingResult:
    purpose: str
    rows: list[MailingRow] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)  # verdict code -> people
    considered: int = 0  # records looked at

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def unsafe(self) -> int:
        return self.left_out().get(UNSAFE, 0)

    def left_out(self) -> Counter[str]:
        """Reason -> people not in the file; with `count` it adds up to `considered`."""
        return Counter({k: v for k, v in self.reasons.items() if not k.startswith("ok_") and v})


def reason_text(code: str) -> str:
    """A left-out reason in the chosen language (the codes never reach a person)."""
    return render(f"mail.{code}")


def _suppressed(session: Session, contact: Contact, hashes: set[str]) -> bool:
    return suppression.matches(session, hashes, contact.name, contact.emails, contact.phones)


def mailing_list(
    session: Session,
    purpose_code: str,
    *,
    allow_reconfirm: bool = False,
    only_reconfirm: bool = False,
) -> MailingResult:
    """Everyone eligible for `purpose_code` today, one row per mailbox, sorted by name.

    `only_reconfirm` selects the opposite: the people left out only because their consent
    from an old list must be reconfirmed (the reconfirmation campaign's list)."""
    session.require(Permission.MAILING)
    purpose = session.purposes.get(purpose_code)
    if purpose is None:
        raise UserError(
            "invalid",
            reason=(f"Onbekend doel '{purpose_code}'.", f"Unknown purpose '{purpose_code}'."),
        )
    repo = session.repo()
    hashes = suppression.load_all(session.conn)
    undecided = review_repo.unresolved_withdrawals(session.conn, purpose_code)
    today = session.today()
    result = MailingResult(purpose_code)
    seen: set[str] = set()
    ids = repo.all_ids()
    for start in range(0, len(ids), 1000):
        for contact in repo.get_many(ids[start : start + 1000]):
            result.considered += 1
            verdict = mailing_eligible(
                contact,
                purpose,
                today=today,
                suppressed=_suppressed(session, contact, hashes),
                allow_reconfirm=allow_reconfirm or only_reconfirm,
            )
            code = verdict.code
            if only_reconfirm and verdict.ok:
                state = consent_state(contact.consents, purpose_code, today=today)
                if not state.reconfirm:
                    code = NOTHING_TO_RECONFIRM
            if not verdict.ok or verdict.email is None or code == NOTHING_TO_RECONFIRM:
                result.reasons[code] += 1
                continue
            email = verdict.email.lower()
            if email in undecided:
                result.reasons[SHARED_WITHDRAWAL] += 1
                continue
            if email in seen:
                result.reasons[DUPLICATE] += 1
                continue
            if safe_cell(email) != email:  # an address a spreadsheet would run as a formula
                result.reasons[UNSAFE] += 1
                continue
            seen.add(email)
            result.reasons[code] += 1
            state = consent_state(contact.consents, purpose_code, today=today)
            given = state.stands
            result.rows.append(
                MailingRow(
                    email,
                    contact.name,
                    state.since if given else None,
                    state.source if given else "",
                )
            )
    result.rows.sort(key=lambda r: (r.name.sort_key(), r.email))
    return result


def table(result: MailingResult, preset: Preset, *, consent: bool) -> list[list[object]]:
    """Header and rows in `preset`'s layout; dates stay dates (ISO text in CSV)."""
    rows: list[list[object]] = [list(preset.headers(consent=consent))]
    for r in result.rows:
        row: list[object] = [r.email, *name_columns(r.name, preset)]
        if consent:
            row += [r.consent_on, r.consent_source]
        rows.append(row)
    return rows


def _csv(rows: list[list[object]]) -> bytes:
    text_rows = [[v.isoformat() if isinstance(v, date) else v for v in row] for row in rows]
    return csv_bytes(text_rows, delimiter=",", bom=True)


def _xlsx(rows: list[list[object]]) -> bytes:
    import xlsxwriter  # only the xlsx variant needs it

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("Mailing")
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "dd-mm-yyyy"})
    widths = [len(str(v)) * 6 // 5 for v in rows[0]]  # the header is bold: wider glyphs
    for y, row in enumerate(rows):
        for x, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(y, x, value, day)
                width = 10
            else:
                # write_string: never a formula, never a number (an address stays text)
                sheet.write_string(
                    y, x, "" if value is None else str(value), bold if y == 0 else None
                )
                width = len(str(value or ""))
            widths[x] = max(widths[x], width)
    for x, width in enumerate(widths):
        sheet.set_column(x, x, min(width + 2, 60))
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()  # printed for a check: every column on one page width
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.autofilter(0, 0, max(len(rows) - 1, 0), len(rows[0]) - 1)
    book.close()
    return buffer.getvalue()


def _check_target(out: Path) -> str:
    kind = out.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise UserError(
            "invalid",
            reason=(
                "Kies een bestandsnaam die eindigt op .csv of .xlsx.",
                "Choose a file name ending in .csv or .xlsx.",
            ),
        )
    return kind


def write_mailing_file(
    session: Session, result: MailingResult, out: Path, *, preset: str, consent: bool, action: str
) -> None:
    """Write `result` atomically; the audit log gets the purpose and the count only."""
    layout = PRESETS.get(preset)
    if layout is None:
        raise UserError(
            "invalid",
            reason=(f"Onbekende indeling '{preset}'.", f"Unknown layout '{preset}'."),
        )
    rows = table(result, layout, consent=consent)
    data = _xlsx(rows) if _check_target(out) == "xlsx" else _csv(rows)

    def write(fh: IO[bytes]) -> None:
        fh.write(data)

    with session.write() as conn:
        write_atomic(out, write)
        session.audit(conn, action, None, purpose=result.purpose, count=result.count)


def export_mailing(
    session: Session,
    purpose_code: str,
    out: Path,
    *,
    allow_reconfirm: bool = False,
    reconfirm: bool = False,
    preset: str = "standaard",
    consent: bool = False,
) -> MailingResult:
    """The mailing file (.csv or .xlsx) for `purpose_code` in `preset`'s layout.

    `reconfirm` writes the reconfirmation campaign's list instead: people whose consent came
    from an old list and who are otherwise mailable. The service's list of who confirmed
    comes back through services.mailing_loop (CONFIRMED) as fresh consents."""
    out = Path(out)
    _check_target(out)
    result = mailing_list(
        session, purpose_code, allow_reconfirm=allow_reconfirm, only_reconfirm=reconfirm
    )
    action = "mailing.reconfirm" if reconfirm else "mailing.export"
    write_mailing_file(session, result, out, preset=preset, consent=consent, action=action)
    return result
