"""init, user, backup, restore, verify, rotate-key, recovery-key."""

from __future__ import annotations

import argparse
from pathlib import Path

from contactkluis.cli.common import db_path, out, run_with_session, say, user_name
from contactkluis.config import save_config
from contactkluis.domain.roles import Permission
from contactkluis.services import accounts
from contactkluis.services.session import Session


def cmd_init(args: argparse.Namespace) -> int:
    path = db_path(args)
    admin = args.admin or user_name(args)
    pw = args.passwords.get(say("new_password"), confirm=True)
    session, recovery = accounts.create_vault(path, args.institution, admin, pw)
    session.vault.close()
    if not args.db:
        save_config({"vault_path": str(path)})
    out(say("vault_created", path=path))
    out(say("recovery_key_once"))
    out(f"    {recovery}")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    def run(session: Session) -> None:
        new_pw = args.passwords.get(
            say("password_for", name=args.name),
            env="CONTACTKLUIS_NEW_PASSWORD",
            confirm=True,
        )
        accounts.add_account(session, args.name, args.role, new_pw)

    run_with_session(args, run)
    out(say("account_added", name=args.name, role=args.role))
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    rows = run_with_session(args, accounts.list_accounts)
    for a in rows:
        state = "" if a.active else say("removed")
        out(f"{a.name}\t{a.role}\t{a.created_at[:10]}{state}")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    def run(session: Session) -> None:
        new_pw = args.passwords.get(
            say("new_password"),
            env="CONTACTKLUIS_NEW_PASSWORD",
            confirm=True,
        )
        accounts.change_password(session, args.name, new_pw)

    if args.recovery_key:
        session = accounts.unlock_with_recovery(db_path(args), args.recovery_key)
        try:
            new_pw = args.passwords.get(
                say("new_password"),
                env="CONTACTKLUIS_NEW_PASSWORD",
                confirm=True,
            )
            accounts.change_password(session, args.name, new_pw)
        finally:
            session.vault.close()
    else:
        run_with_session(args, run)
    out(say("password_changed"))
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    run_with_session(args, lambda s: accounts.remove_account(s, args.name))
    out(say("account_removed", name=args.name))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    written = run_with_session(args, lambda s: accounts.backup(s, Path(args.out)))
    out(say("backup_written", written=written))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from contactkluis.config import load_config
    from contactkluis.vault.vault import default_vault_path

    target = Path(args.target_db or args.db or default_vault_path())
    if args.recovery_key:
        accounts.restore(Path(args.file), target, recovery_key=args.recovery_key)
    else:
        pw = args.passwords.get(say("password"))
        accounts.restore(Path(args.file), target, account=user_name(args), password=pw)
    remembered = load_config().get("vault_path")
    if not remembered or not Path(remembered).exists():
        # A restore on a new computer: the program should find this vault at its next start.
        save_config({"vault_path": str(target)})
    out(say("vault_restored", target=target))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    problems, warnings = run_with_session(
        args,
        lambda s: (accounts.verify(s, [Path(p) for p in args.against]), list(s.vault.warnings)),
        read_only=args.read_only,
    )
    for w in warnings:
        out(say("warning", text=w))
    if problems:
        for p in problems:
            out(p)
        out(say("verify_failed", n_problems=len(problems)))
        return 3
    out(say("verify_ok"))
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    run_with_session(args, accounts.rotate_key)
    out(say("key_rotated"))
    return 0


def cmd_recovery(args: argparse.Namespace) -> int:
    key = run_with_session(args, accounts.new_recovery_key)
    out(say("recovery_key_new"))
    out(f"    {key}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help=say("create_new_vault"))
    p.add_argument(
        "--admin",
        help=say("name_first_administrator_account"),
    )
    p.add_argument(
        "--institution",
        default="Mijn instelling",
        help=say("name_institution"),
    )
    p.set_defaults(func=cmd_init)

    u = sub.add_parser("user", help=say("manage_accounts"))
    us = u.add_subparsers(dest="user_cmd", required=True)
    a = us.add_parser("add", help=say("add_account"))
    a.add_argument("name")
    a.add_argument("--role", choices=["beheerder", "medewerker"], default="medewerker")
    a.set_defaults(func=cmd_user_add)
    us.add_parser("list", help=say("list_accounts")).set_defaults(func=cmd_user_list)
    pw = us.add_parser("passwd", help=say("change_password"))
    pw.add_argument("name")
    pw.add_argument("--recovery-key", help=say("open_recovery_key"))
    pw.set_defaults(func=cmd_user_passwd)
    rm = us.add_parser("remove", help=say("remove_account"))
    rm.add_argument("name")
    rm.set_defaults(func=cmd_user_remove)

    b = sub.add_parser("backup", help=say("write_encrypted_backup"))
    b.add_argument("--out", required=True)
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser("restore", help=say("restore_backup"))
    r.add_argument("file")
    r.add_argument(
        "--to",
        dest="target_db",
        help=say("target_file_else_db"),
    )
    r.add_argument("--recovery-key")
    r.set_defaults(func=cmd_restore)

    v = sub.add_parser(
        "verify",
        help=say("check_integrity_audit_chain"),
    )
    v.add_argument("--read-only", action="store_true")
    v.add_argument(
        "--against",
        action="append",
        default=[],
        metavar="BACKUP",
        help=say("verify_against"),
    )
    v.set_defaults(func=cmd_verify)

    sub.add_parser(
        "rotate-key",
        help=say("replace_data_key_administrator"),
    ).set_defaults(func=cmd_rotate)
    sub.add_parser(
        "recovery-key",
        help=say("make_new_recovery_key"),
    ).set_defaults(func=cmd_recovery)
    register_show_key(sub)


def cmd_show_key(args: argparse.Namespace) -> int:
    """The raw data key, for opening the vault with the stock sqlcipher shell (no lock-in)."""
    from contactkluis.services.accounts import unlock, unlock_with_recovery

    if args.recovery_key:
        session = unlock_with_recovery(db_path(args), args.recovery_key)
    else:
        pw = args.passwords.get(say("password"))
        session = unlock(db_path(args), user_name(args), pw)
    try:
        session.require(Permission.ROTATE_KEY)
        with session.write() as conn:
            session.audit(conn, "key.show", None)
        key = session.vault.data_key().hex()
        out(key)  # the first line alone, for scripts
        out()
        out(say("key_how_to_open", hexkey=key, db=db_path(args).name))
    finally:
        session.vault.close()
    return 0


def register_show_key(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser(
        "show-key",
        help=say("print_raw_data_key"),
    )
    s.add_argument("--recovery-key")
    s.set_defaults(func=cmd_show_key)
