"""request, access, forget, restrict, object, retention, mailing, register, consent.

A person is named on the command line by e-mail address, phone number or '#id'. Output
names record ids and counts, never a person's data: terminals end up in screenshots.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from contactkluis.cli.common import out, run_with_session, tr
from contactkluis.domain.contact import ConsentStatus
from contactkluis.domain.normalize import parse_date
from contactkluis.domain.requests import RequestKind, Urgency
from contactkluis.errors import UserError
from contactkluis.services import access, erasure, mailing, register_export, requests, retention
from contactkluis.services.contacts import record_consent
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
    out(
        tr(
            f"Verzoek {rid} geregistreerd; uiterste datum {deadline:%d-%m-%Y}.",
            f"Request {rid} registered; deadline {deadline:%d-%m-%Y}.",
        )
    )
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
        Urgency.OVERDUE: tr("TE LAAT", "OVERDUE"),
        Urgency.DUE_SOON: tr("binnenkort", "due soon"),
    }
    for r, urgency in rows:
        who = f"#{r.contact_id}" if r.contact_id is not None else "-"
        flag = labels.get(urgency, "") if urgency else ""
        out(
            f"{r.id}\t{r.kind}\t{who}\t{r.request.received:%d-%m-%Y}\t{r.deadline:%d-%m-%Y}"
            f"\t{r.status}\t{flag}".rstrip()
        )
    out(tr(f"{len(rows)} verzoek(en).", f"{len(rows)} request(s)."))
    return 0


def cmd_request_extend(args: argparse.Namespace) -> int:
    deadline = run_with_session(args, lambda s: requests.extend_request(s, args.id, args.reason))
    out(
        tr(
            f"Verzoek {args.id} verlengd tot {deadline:%d-%m-%Y}. Laat de persoon de reden weten.",
            f"Request {args.id} extended to {deadline:%d-%m-%Y}. Tell the person the reason.",
        )
    )
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
    out(tr(f"Verzoek {args.id}: {status}.", f"Request {args.id}: {status}."))
    return 0


# -- rights -------------------------------------------------------------------------------


def cmd_access(args: argparse.Namespace) -> int:
    result = run_with_session(
        args, lambda s: access.export_access(s, access.require_person(s, args.who), Path(args.out))
    )
    for path in result.files:
        out(str(path))
    out(
        tr(
            f"Inzage-export van {len(result.contact_ids)} record(s) geschreven.",
            f"Access export of {len(result.contact_ids)} record(s) written.",
        )
    )
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    result = run_with_session(
        args,
        lambda s: erasure.erase(s, access.require_person(s, args.who), request_id=args.request),
    )
    out(
        tr(
            f"{len(result.erased)} record(s) gewist; {result.hashes} adres(sen) op de afmeldlijst.",
            f"{len(result.erased)} record(s) erased; {result.hashes} address(es) suppressed.",
        )
    )
    return 0


def cmd_restrict(args: argparse.Namespace) -> int:
    def run(session: Session) -> int:
        ids = access.require_person(session, args.who)
        for contact_id in ids:
            erasure.restrict(session, contact_id, lift=args.lift)
        return len(ids)

    count = run_with_session(args, run)
    if args.lift:
        out(
            tr(
                f"Beperking opgeheven voor {count} record(s).",
                f"Restriction lifted for {count} record(s).",
            )
        )
    else:
        out(
            tr(
                f"{count} record(s) beperkt (AVG art. 18).",
                f"{count} record(s) restricted (GDPR art. 18).",
            )
        )
    return 0


def cmd_object(args: argparse.Namespace) -> int:
    def run(session: Session) -> int:
        ids = access.require_person(session, args.who)
        for contact_id in ids:
            erasure.object_to(session, contact_id, args.to, lift=args.lift)
        return len(ids)

    count = run_with_session(args, run)
    out(
        tr(
            f"Bezwaar tegen {args.to} {'ingetrokken' if args.lift else 'vastgelegd'} voor"
            f" {count} record(s).",
            f"Objection to {args.to} {'withdrawn' if args.lift else 'recorded'} for"
            f" {count} record(s).",
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
    out(
        tr(
            f"Toestemming ({args.status}) voor '{args.purpose}' vastgelegd bij {count} record(s).",
            f"Consent ({args.status}) for '{args.purpose}' recorded on {count} record(s).",
        )
    )
    return 0


# -- retention, mailing, register ---------------------------------------------------------


def cmd_retention(args: argparse.Namespace) -> int:
    if args.apply is None:
        found = run_with_session(args, retention.preview)
        for c in found:
            until = f"{c.until:%d-%m-%Y}" if c.until else "-"
            reason = (c.reasons_en if args.lang == "en" else c.reasons_nl) or ("",)
            out(f"#{c.id}\t{until}\t{reason[0]}")
        out(
            tr(
                f"{len(found)} verlopen record(s). Handel af met --apply anonymise|delete.",
                f"{len(found)} expired record(s). Act with --apply anonymise|delete.",
            )
        )
        return 0
    result = run_with_session(
        args, lambda s: retention.apply(s, args.apply, args.ids or None, dry_run=args.dry_run)
    )
    verb_nl = "geanonimiseerd" if args.apply == "anonymise" else "verwijderd"
    verb_en = "anonymised" if args.apply == "anonymise" else "deleted"
    if result.dry_run:
        out(
            tr(
                f"Proefdraai: {result.count} record(s) zouden worden {verb_nl}.",
                f"Dry run: {result.count} record(s) would be {verb_en}.",
            )
        )
    else:
        out(tr(f"{result.count} record(s) {verb_nl}.", f"{result.count} record(s) {verb_en}."))
    if result.skipped:
        out(
            tr(
                f"Niet verlopen, overgeslagen: {len(result.skipped)}.",
                f"Not expired, skipped: {len(result.skipped)}.",
            )
        )
    return 0


def cmd_mailing(args: argparse.Namespace) -> int:
    result = run_with_session(
        args,
        lambda s: mailing.export_mailing(
            s, args.purpose, Path(args.out), allow_reconfirm=args.allow_reconfirm
        ),
    )
    out(
        tr(
            f"{result.count} adres(sen) geschreven naar {args.out}.",
            f"{result.count} address(es) written to {args.out}.",
        )
    )
    if result.unsafe:
        out(
            tr(
                f"{result.unsafe} adres(sen) overgeslagen: begint met = + - of @.",
                f"{result.unsafe} address(es) skipped: starts with = + - or @.",
            )
        )
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    path = run_with_session(args, lambda s: register_export.export_register(s, Path(args.out)))
    out(tr(f"Verwerkingsregister geschreven: {path}", f"Processing register written: {path}"))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    who_help = tr("e-mailadres, telefoonnummer of #nummer", "e-mail address, phone or #id")

    rq = sub.add_parser("request", help=tr("verzoeken van betrokkenen", "data subject requests"))
    rs = rq.add_subparsers(dest="request_cmd", required=True)
    a = rs.add_parser("add", help=tr("verzoek registreren", "register a request"))
    a.add_argument("kind", choices=[k.value for k in RequestKind])
    a.add_argument("who", nargs="?", help=who_help)
    a.add_argument(
        "--received",
        help=tr("ontvangstdatum (standaard vandaag)", "date of receipt (default today)"),
    )
    a.add_argument("--identity-checked", action="store_true")
    a.add_argument("--note")
    a.set_defaults(func=cmd_request_add)
    ls = rs.add_parser("list", help=tr("verzoeken tonen", "list requests"))
    ls.add_argument("--open", action="store_true", help=tr("alleen open", "open only"))
    ls.add_argument(
        "--due",
        action="store_true",
        help=tr("alleen te laat of binnenkort", "overdue or due soon only"),
    )
    ls.add_argument("--warn-days", type=int, default=requests.DEFAULT_WARN_DAYS)
    ls.set_defaults(func=cmd_request_list)
    e = rs.add_parser(
        "extend", help=tr("termijn met twee maanden verlengen", "extend by two months")
    )
    e.add_argument("id", type=int)
    e.add_argument("--reason", required=True)
    e.set_defaults(func=cmd_request_extend)
    c = rs.add_parser("close", help=tr("verzoek afsluiten", "close a request"))
    c.add_argument("id", type=int)
    c.add_argument("--outcome")
    c.add_argument(
        "--refuse", metavar="REASON", help=tr("afwijzen met reden", "refuse with a reason")
    )
    c.add_argument("--identity-checked", action="store_true")
    c.set_defaults(func=cmd_request_close)

    p = sub.add_parser("access", help=tr("inzage-export (art. 15/20)", "access export"))
    p.add_argument("who", help=who_help)
    p.add_argument("--out", required=True, help=tr("doelmap", "target folder"))
    p.set_defaults(func=cmd_access)

    f = sub.add_parser(
        "forget",
        help=tr(
            "contact definitief wissen (art. 17, beheerder)",
            "erase a contact for good (administrator)",
        ),
    )
    f.add_argument("who", help=who_help)
    f.add_argument("--request", type=int, help=tr("bijbehorend verzoek", "related request"))
    f.set_defaults(func=cmd_forget)

    r = sub.add_parser("restrict", help=tr("verwerking beperken (art. 18)", "restrict processing"))
    r.add_argument("who", help=who_help)
    r.add_argument("--lift", action="store_true")
    r.set_defaults(func=cmd_restrict)

    o = sub.add_parser("object", help=tr("bezwaar vastleggen (art. 21)", "record an objection"))
    o.add_argument("who", help=who_help)
    o.add_argument("--to", required=True, choices=sorted(erasure.OBJECTIONS))
    o.add_argument("--lift", action="store_true")
    o.set_defaults(func=cmd_object)

    t = sub.add_parser(
        "retention",
        help=tr("verlopen records tonen of afhandelen", "show or act on expired records"),
    )
    t.add_argument("--apply", choices=[a.value for a in retention.Action])
    t.add_argument("--dry-run", action="store_true")
    t.add_argument(
        "--id",
        dest="ids",
        type=int,
        action="append",
        help=tr("alleen dit record (herhaalbaar)", "only this record (repeatable)"),
    )
    t.set_defaults(func=cmd_retention)

    m = sub.add_parser("mailing", help=tr("mailinglijst voor een doel", "mailing list"))
    m.add_argument("purpose")
    m.add_argument("--out", required=True)
    m.add_argument(
        "--allow-reconfirm",
        action="store_true",
        help=tr("ook toestemming uit oude lijsten", "include legacy consent"),
    )
    m.set_defaults(func=cmd_mailing)

    g = sub.add_parser("register", help=tr("verwerkingsregister (art. 30)", "record of processing"))
    g.add_argument("--out", required=True)
    g.set_defaults(func=cmd_register)

    n = sub.add_parser("consent", help=tr("toestemming vastleggen", "record consent"))
    n.add_argument("who", help=who_help)
    n.add_argument("purpose")
    n.add_argument("status", choices=[ConsentStatus.GIVEN.value, ConsentStatus.WITHDRAWN.value])
    n.add_argument("--source", required=True)
    n.add_argument("--evidence")
    n.add_argument("--date")
    n.set_defaults(func=cmd_consent)
