"""Vault life cycle and staff accounts: init, unlock, users, backup, restore, verify, rotate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from contactkluis.domain.passwords import password_problem
from contactkluis.domain.roles import Permission, Role
from contactkluis.errors import UserError
from contactkluis.services import states
from contactkluis.services.session import Session
from contactkluis.vault import accounts_repo, keys
from contactkluis.vault.backup import read_backup_keys, restore_backup
from contactkluis.vault.vault import Vault, now_iso


def check_password(password: str, account: str = "", institution: str = "") -> None:
    problem = password_problem(password, account=account, institution=institution)
    if problem:
        raise UserError("weak_password", reason=problem)


def create_vault(
    path: Path,
    institution: str,
    admin: str,
    password: str,
    *,
    kdf: keys.KdfParams | None = None,
) -> tuple[Session, str]:
    """First run: the vault, its first beheerder, and the recovery key to show once."""
    if not admin.strip():
        raise UserError("invalid", reason=("Geef een accountnaam op.", "Enter an account name."))
    check_password(password, admin, institution)
    vault, recovery = Vault.create(path, institution.strip(), admin.strip(), password, kdf=kdf)
    return Session(vault), recovery


def unlock(
    path: Path,
    account: str,
    password: str,
    *,
    read_only: bool = False,
    check_pages: bool = True,
    on_upgrade: Callable[[], None] | None = None,
) -> Session:
    """check_pages=False: the whole file's check is left to `session.vault.check_all_pages()`
    (the app runs it on a worker once its window is up; see Vault.open). on_upgrade: called
    when this unlock first upgrades the vault to the program's schema (it takes longer)."""
    vault = Vault.open(
        path, account, password, read_only=read_only, check_pages=check_pages,
        on_upgrade=on_upgrade,
    )  # fmt: skip
    session = Session(vault)
    if session.vault.account is None:
        session.vault.close()
        raise UserError("wrong_secret")
    states.roll_to_today(session)
    return session


def unlock_with_recovery(path: Path, recovery_key: str) -> Session:
    session = Session(Vault.open_with_recovery(path, recovery_key))
    states.roll_to_today(session)
    return session


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: str
    created_at: str
    active: bool


def list_accounts(session: Session) -> list[AccountInfo]:
    session.require(Permission.MANAGE_ACCOUNTS)
    return [AccountInfo(*r) for r in accounts_repo.all_rows(session.conn)]


def add_account(session: Session, name: str, role: str, password: str) -> None:
    session.require(Permission.MANAGE_ACCOUNTS)
    name = name.strip()
    if role not in (Role.BEHEERDER, Role.MEDEWERKER):
        raise UserError("invalid", reason=(f"Onbekende rol '{role}'.", f"Unknown role '{role}'."))
    if not name:
        raise UserError("invalid", reason=("Geef een accountnaam op.", "Enter an account name."))
    if accounts_repo.stored_name(session.conn, name) is not None:
        raise UserError("account_exists", account=name)
    check_password(password, name, session.vault.meta("institution") or "")
    with session.write() as conn:
        accounts_repo.insert(conn, name, role, now_iso())
        session.audit(conn, "account.add", f"account:{name}", role=role)
        # The slot is written inside the transaction: if it fails, the account row rolls back.
        session.vault.set_password_slot(name, password, role)


def _known(session: Session, name: str) -> str:
    stored = accounts_repo.stored_name(session.conn, name)
    if stored is None:
        raise UserError("no_account", account=name)
    return stored


def change_password(session: Session, name: str, new_password: str) -> None:
    """Own password for everyone; another account's only for a beheerder."""
    name = _known(session, name)
    if name.casefold() != session.account.casefold():
        session.require(Permission.MANAGE_ACCOUNTS)
    check_password(new_password, name, session.vault.meta("institution") or "")
    with session.write() as conn:
        session.audit(conn, "account.password", f"account:{name}")
        session.vault.set_password_slot(name, new_password)


def _admins(session: Session) -> int:
    return accounts_repo.active_admins(session.conn)


def remove_account(session: Session, name: str) -> None:
    """Removes the account and its key slot, and replaces the data key in the same step: a
    copy of the key file kept from before opens nothing written after. A crash between the
    two is finished at the next beheerder's unlock (Vault._finish_interrupted)."""
    session.require(Permission.MANAGE_ACCOUNTS)
    name = _known(session, name)
    role = accounts_repo.role_of(session.conn, name)
    if role == Role.BEHEERDER and _admins(session) <= 1:
        raise UserError("last_admin")
    with session.write() as conn:
        accounts_repo.deactivate(conn, name)
        session.audit(conn, "account.remove", f"account:{name}")
    session.vault.remove_slot(name)


def set_role(session: Session, name: str, role: str) -> None:
    session.require(Permission.MANAGE_ACCOUNTS)
    name = _known(session, name)
    if role not in (Role.BEHEERDER, Role.MEDEWERKER):
        raise UserError("invalid", reason=(f"Onbekende rol '{role}'.", f"Unknown role '{role}'."))
    current = accounts_repo.role_of(session.conn, name)
    if current == Role.BEHEERDER and role != Role.BEHEERDER and _admins(session) <= 1:
        raise UserError("last_admin")
    # Key file first (signed, with a pending marker), then the database: crash-safe.
    session.vault.change_role(name, role)


def backup(session: Session, out: Path) -> Path:
    session.require(Permission.BACKUP)
    return session.vault.backup(out)


def restore(
    backup_file: Path,
    target: Path,
    *,
    account: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
) -> None:
    restore_backup(
        backup_file, target, account=account, password=password, recovery_key=recovery_key
    )


def verify(session: Session, against: list[Path] | None = None) -> list[str]:
    """Problems found; `against` are backups whose audit head the log must still hold (the
    one check that catches a tail cut together with the key file's head)."""
    problems = session.vault.verify()
    for backup_file in against or []:
        problems.extend(session.vault.verify_against(read_backup_keys(backup_file)))
    return problems


@dataclass(frozen=True)
class IntegrityWarning:
    """What a beheerder is told at unlock. `kind`: "unsigned" (roles and slots not signed
    yet), "keys" (a slot, role or signing key not as signed) or "audit" (the log cut,
    rewritten or unprotected); `details` name what, as `verify` does."""

    kind: str
    details: tuple[str, ...]


def unlock_warnings(session: Session) -> list[IntegrityWarning]:
    """The cheap checks of `verify` (signatures, the key file's audit head, the triggers), run
    at a beheerder's unlock so that tampering is seen without anyone running `verify`."""
    if not session.can(Permission.MANAGE_ACCOUNTS):
        return []
    vault = session.vault
    found: list[IntegrityWarning] = []
    if vault.keyfile.authority is None:
        found.append(IntegrityWarning("unsigned", tuple(vault.warnings)))
    problems = vault.quick_problems()
    for kind, wanted in (("keys", False), ("audit", True)):
        details = tuple(p for p in problems if p.startswith("audit:") == wanted)
        if details:
            found.append(IntegrityWarning(kind, details))
    return found


def rotate_key(session: Session) -> None:
    session.require(Permission.ROTATE_KEY)
    session.vault.rotate_key()


def new_recovery_key(session: Session) -> str:
    session.require(Permission.ROTATE_KEY)
    key = session.vault.new_recovery_key()
    with session.write() as conn:
        session.audit(conn, "recovery_key.replace", None)
    return key
