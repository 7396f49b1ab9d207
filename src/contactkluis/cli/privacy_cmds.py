"""request, access, forget, restrict, object, retention, mailing, register, consent.

A person is named on the command line by e-mail address, phone number or '#id'. Output
names record ids and counts, never a person's data: terminals end up in screenshots.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from contactkluis.cli.common import out, run_with_session, say
from contactkluis.cli.texts import TEXTS
from contactkluis.domain.contact import ConsentStatus
from contactkluis.domain.messages import format_date, localized, render
from contactkluis.domain.normalize import parse_date
from contactkluis.domain.requests import RequestKind, Urgency
from contactkluis.errors import UserError
from contactkluis.services import (
    access,
    erasure,
    mailing,
    mailing_loop,
    register_export,
    requests,
    retention,
)
from contactkluis.services.contacts import record_consent
from contactkluis.services.mailing_presets import PRESETS
from contactkluis.services.session import Session


def _date(text: str | None, session: Session) -> date | None:
    if not text:
        return None
    found = parse_date(text, today=session.today())
    if found is None:
        raise UserError(
            "invalid", reason=(f"Onleesbare datum '{text}'.", f"Unreadable date '{text}'.")
        )
    return found


def _one(session: Session, who: str) -> int:
    ids = access.require_person(session, who)
    if len(ids) > 1:
        listed = ", ".join(f"#{i}" for i in ids)
        raise UserError(
            "invalid",
            reason=(
                f"Meerdere contacten gevonden ({listed}); kies er één met #nummer.",
                f"Several contacts found ({listed}); pick one with #id.",
            ),
        )
    return ids[0]


# -- requests -----------------------------------------------------------------------------


def cmd_request_add(args: argparse.Namespace) -> int:
    def run(session: Session) -> tuple[int, date]:
        contact_id = _one(session, args.who) if args.who else None
        rid = requests.add_request(
            session,
            args.kind,
            contact_id=contact_id,
            received=_date(args.received, session),
            identity_checked=args.identity_checked,
            note=args.note or "",
        )
        return rid, requests.get_request(session, rid).deadline

    rid, deadline = run_with_session(args, run)
    out(say("request_registered", rid=rid, deadline=format_date(deadline)))
    return 0


def cmd_request_list(args: argparse.Namespace) -> int:
    def run(session: Session) -> list[tuple[requests.StoredRequest, Urgency | None]]:
        if args.due:
            return [(r, u) for r, u in requests.due_requests(session, args.warn_days)]
        today = session.today()
        return [
            (r, r.urgency(today, args.warn_days))
            for r in requests.list_requests(session, open_only=args.open)
        ]

    rows = run_with_session(args, run)
    labels = {
        Urgency.OVERDUE: say("overdue"),
        Urgency.DUE_SOON: say("due_soon"),
    }
    for r, urgency in rows:
        who = f"#{r.contact_id}" if r.contact_id is not None else "-"
        flag = labels.get(urgency, "") if urgency else ""
        out(
            f"{r.id}\t{r.kind}\t{who}\t{format_date(r.request.received)}\t{format_date(r.deadline)}"
            f"\t{r.status}\t{flag}".rstrip()
        )
    out(say("request_count", n_rows=len(rows)))
    return 0


def cmd_request_extend(args: argparse.Namespace) -> int:
    deadline = run_with_session(args, lambda s: requests.extend_request(s, args.id, args.reason))
    out(say("request_extended", id=args.id, deadline=format_date(deadline)))
    return 0


def cmd_request_close(args: argparse.Namespace) -> int:
    status = run_with_session(
        args,
        lambda s: requests.close_request(
            s,
            args.id,
            outcome=args.outcome or "",
            refuse_reason=args.refuse,
            identity_checked=args.identity_checked,
        ),
    )
    out(say("request_status", id=args.id, status=status))
    return 0


# -- rights -------------------------------------------------------------------------------


def cmd_access(args: argparse.Namespace) -> int:
    result = run_with_session(
        args, lambda s: access.export_access(s, access.require_person(s, args.who), Path(args.out))
    )
    for path in result.files:
        out(str(path))
    out(say("access_written", n_contact_ids=len(result.contact_ids)))
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    result = run_with_session(
        args,
        lambda s: erasure.erase(s, access.require_person(s, args.who), request_id=args.request),
    )
    out(say("records_erased", n_erased=len(result.erased), hashes=result.hashes))
    return 0


def cmd_restrict(args: argparse.Namespace) -> int:
    def run(session: Session) -> int:
        ids = access.require_person(session, args.who)
        for contact_id in ids:
            erasure.restrict(session, contact_id, lift=args.lift)
        return len(ids)

    count = run_with_session(args, run)
    if args.lift:
        out(say("restriction_lifted", count=count))
    else:
        out(say("records_restricted", count=count))
    return 0


# What `object --to` names, as the sentence says it (the option values stay stable codes).
_OBJECTION_WORDS = {
    "marketing": ("direct marketing", "direct marketing"),
    "profiling": ("profilering", "profiling"),
}


def cmd_object(args: argparse.Namespace) -> int:
    def run(session: Session) -> int:
        ids = access.require_person(session, args.who)
        for contact_id in ids:
            erasure.object_to(session, contact_id, args.to, lift=args.lift)
        return len(ids)

    count = run_with_session(args, run)
    out(
        say(
            "objection_recorded",
            to=_OBJECTION_WORDS[args.to],
            verb=("ingetrokken", "withdrawn") if args.lift else ("vastgelegd", "recorded"),
            count=count,
        )
    )
    return 0


def cmd_consent(args: argparse.Namespace) -> int:
    def run(session: Session) -> int:
        ids = access.require_person(session, args.who)
        on = _date(args.date, session) or session.today()
        for contact_id in ids:
            record_consent(
                session,
                contact_id,
                args.purpose,
                ConsentStatus(args.status),
                on,
                args.source,
                args.evidence or "",
            )
        return len(ids)

    count = run_with_session(args, run)
    status = (
        ("gegeven", "given")
        if args.status == ConsentStatus.GIVEN.value
        else ("ingetrokken", "withdrawn")
    )
    out(say("consent_recorded", status=status, purpose=args.purpose, count=count))
    return 0


# -- retention, mailing, register ---------------------------------------------------------


def cmd_retention(args: argparse.Namespace) -> int:
    if args.apply is None:
        found = run_with_session(args, retention.preview)
        for c in found:
            until = format_date(c.until, empty="-")
            reason = localized(c.reasons_nl, c.reasons_en) or ("",)
            out(f"#{c.id}\t{until}\t{reason[0]}")
        out(say("records_expired", n_found=len(found)))
        return 0
    result = run_with_session(
        args, lambda s: retention.apply(s, args.apply, args.ids or None, dry_run=args.dry_run)
    )
    verb = (
        ("geanonimiseerd", "anonymised") if args.apply == "anonymise" else ("verwijderd", "deleted")
    )
    if result.dry_run:
        out(say("records_would_be", count=result.count, verb=verb))
    else:
        out(say("records_done", count=result.count, verb=verb))
    if result.skipped:
        out(say("not_expired_skipped", n_skipped=len(result.skipped)))
    return 0


def cmd_mailing(args: argparse.Namespace) -> int:
    def run(s: Session) -> mailing.MailingResult:
        return mailing.export_mailing(
            s,
            args.purpose,
            Path(args.out),
            allow_reconfirm=args.allow_reconfirm,
            reconfirm=args.reconfirm,
            preset=args.preset,
            consent=args.with_consent,
        )

    result = run_with_session(args, run)
    out(say("addresses_written", count=result.count, out=args.out))
    left = result.left_out()
    if left:
        out(say("left_out_header", left=sum(left.values()), considered=result.considered))
        width = len(str(max(left.values())))
        for code, n in left.most_common():
            out(f"  {n:>{width}}  {mailing.reason_text(code)}")
    if left.get("reconfirm") and not args.reconfirm:
        out(say("reconfirm_hint", n=left["reconfirm"], purpose=args.purpose))
    return 0


def cmd_mailing_return(args: argparse.Namespace) -> int:
    result = run_with_session(
        args,
        lambda s: mailing_loop.import_returned(
            s,
            args.purpose,
            Path(args.file),
            service=args.service,
            kind=mailing_loop.ReturnKind(args.kind),
        ),
    )
    out(
        say(
            "mailing_return_done",
            rows=result.rows,
            file=Path(args.file).name,
            changed=result.changed,
        )
    )
    for key, n in result.outcomes.most_common():
        out(f"  {n:>6}  {render('loop.' + key)}")
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    contacts = (args.controller_contact, args.dpo_contact)
    if args.out is None and contacts == (None, None):
        raise UserError("invalid", reason=TEXTS["register_nothing_to_do"])

    def work(s: Session) -> Path | None:
        if contacts != (None, None):
            register_export.set_contacts(s, *contacts)
        return register_export.export_register(s, Path(args.out)) if args.out else None

    path = run_with_session(args, work)
    if contacts != (None, None):
        out(say("register_contacts_saved"))
    if path is not None:
        out(say("processing_register_written", path=path))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    who_help = say("e_mail_address_phone")

    rq = sub.add_parser("request", help=say("data_subject_requests"))
    rs = rq.add_subparsers(dest="request_cmd", required=True)
    a = rs.add_parser("add", help=say("register_request"))
    a.add_argument("kind", choices=[k.value for k in RequestKind])
    a.add_argument("who", nargs="?", help=who_help)
    a.add_argument(
        "--received",
        help=say("date_receipt_default_today"),
    )
    a.add_argument("--identity-checked", action="store_true")
    a.add_argument("--note")
    a.set_defaults(func=cmd_request_add)
    ls = rs.add_parser("list", help=say("list_requests"))
    ls.add_argument("--open", action="store_true", help=say("open_only"))
    ls.add_argument(
        "--due",
        action="store_true",
        help=say("overdue_due_soon_only"),
    )
    ls.add_argument("--warn-days", type=int, default=requests.DEFAULT_WARN_DAYS)
    ls.set_defaults(func=cmd_request_list)
    e = rs.add_parser("extend", help=say("extend_by_two_months"))
    e.add_argument("id", type=int)
    e.add_argument("--reason", required=True)
    e.set_defaults(func=cmd_request_extend)
    c = rs.add_parser("close", help=say("close_request"))
    c.add_argument("id", type=int)
    c.add_argument("--outcome")
    c.add_argument("--refuse", metavar="REASON", help=say("refuse_reason"))
    c.add_argument("--identity-checked", action="store_true")
    c.set_defaults(func=cmd_request_close)

    p = sub.add_parser("access", help=say("access_export"))
    p.add_argument("who", help=who_help)
    p.add_argument("--out", required=True, help=say("target_folder"))
    p.set_defaults(func=cmd_access)

    f = sub.add_parser(
        "forget",
        help=say("erase_contact_good_administrator"),
    )
    f.add_argument("who", help=who_help)
    f.add_argument("--request", type=int, help=say("related_request"))
    f.set_defaults(func=cmd_forget)

    r = sub.add_parser("restrict", help=say("restrict_processing"))
    r.add_argument("who", help=who_help)
    r.add_argument("--lift", action="store_true")
    r.set_defaults(func=cmd_restrict)

    o = sub.add_parser("object", help=say("record_objection"))
    o.add_argument("who", help=who_help)
    o.add_argument("--to", required=True, choices=sorted(erasure.OBJECTIONS))
    o.add_argument("--lift", action="store_true")
    o.set_defaults(func=cmd_object)

    t = sub.add_parser(
        "retention",
        help=say("show_act_expired_records"),
    )
    t.add_argument("--apply", choices=[a.value for a in retention.Action])
    t.add_argument("--dry-run", action="store_true")
    t.add_argument(
        "--id",
        dest="ids",
        type=int,
        action="append",
        help=say("only_this_record_repeatable"),
    )
    t.set_defaults(func=cmd_retention)

    m = sub.add_parser("mailing", help=say("mailing_list"))
    m.add_argument("purpose")
    m.add_argument("--out", required=True)
    m.add_argument(
        "--allow-reconfirm",
        action="store_true",
        help=say("include_legacy_consent"),
    )
    m.add_argument(
        "--preset", choices=sorted(PRESETS), default="standaard", help=say("mailing_preset")
    )
    m.add_argument("--with-consent", action="store_true", help=say("mailing_consent_columns"))
    m.add_argument("--reconfirm", action="store_true", help=say("mailing_reconfirm"))
    m.set_defaults(func=cmd_mailing)

    mr = sub.add_parser("mailing-return", help=say("mailing_return"))
    mr.add_argument("purpose")
    mr.add_argument("file")
    mr.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in mailing_loop.ReturnKind],
        help=say("mailing_return_kind"),
    )
    mr.add_argument(
        "--service",
        required=True,
        choices=sorted(mailing_loop.SERVICES),
        help=say("mailing_return_service"),
    )
    mr.set_defaults(func=cmd_mailing_return)

    g = sub.add_parser("register", help=say("record_processing"))
    g.add_argument("--out")
    g.add_argument("--controller-contact", help=say("register_controller_contact"))
    g.add_argument("--dpo-contact", help=say("register_dpo_contact"))
    g.set_defaults(func=cmd_register)

    n = sub.add_parser("consent", help=say("record_consent"))
    n.add_argument("who", help=who_help)
    n.add_argument("purpose")
    n.add_argument("status", choices=[ConsentStatus.GIVEN.value, ConsentStatus.WITHDRAWN.value])
    n.add_argument("--source", required=True)
    n.add_argument("--evidence")
    n.add_argument("--date")
    n.set_defaults(func=cmd_consent)
