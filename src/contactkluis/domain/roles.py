"""Who may do what. Enforced in the services, so the CLI and the GUI cannot differ."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    BEHEERDER = "beheerder"
    MEDEWERKER = "medewerker"


class Permission(StrEnum):
    VIEW = "view"
    ADD = "add"
    EDIT = "edit"
    IMPORT = "import"
    RECORD_CONSENT = "record_consent"
    REQUESTS = "requests"  # register and follow up rights requests
    MAILING = "mailing"
    STATS = "stats"
    MERGE = "merge"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_POLICIES = "manage_policies"
    FULL_EXPORT = "full_export"
    ERASE = "erase"
    RETENTION_APPLY = "retention_apply"
    ROTATE_KEY = "rotate_key"
    BACKUP = "backup"
    ACCESS_EXPORT = "access_export"  # everything held about one person (art. 15/20)
    PROFILING = "profiling"  # segment export/import (Culturele Doelgroepenmodel)


_STAFF = frozenset(
    {
        Permission.VIEW,
        Permission.ADD,
        Permission.EDIT,
        Permission.IMPORT,
        Permission.RECORD_CONSENT,
        Permission.REQUESTS,
        Permission.MAILING,
        Permission.STATS,
        Permission.MERGE,
        Permission.BACKUP,
    }
)

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.MEDEWERKER: _STAFF,
    Role.BEHEERDER: frozenset(Permission),
}

LABELS: dict[Permission, tuple[str, str]] = {
    Permission.VIEW: ("contacten bekijken", "view contacts"),
    Permission.ADD: ("contacten toevoegen", "add contacts"),
    Permission.EDIT: ("contacten wijzigen", "edit contacts"),
    Permission.IMPORT: ("lijsten importeren", "import lists"),
    Permission.RECORD_CONSENT: ("toestemming vastleggen", "record consent"),
    Permission.REQUESTS: ("verzoeken van betrokkenen behandelen", "handle data subject requests"),
    Permission.MAILING: ("mailinglijst maken", "export a mailing list"),
    Permission.STATS: ("geanonimiseerde tellingen maken", "export anonymised counts"),
    Permission.MERGE: ("contacten samenvoegen", "merge contacts"),
    Permission.MANAGE_ACCOUNTS: ("accounts beheren", "manage accounts"),
    Permission.MANAGE_POLICIES: (
        "doelen en bewaartermijnen beheren",
        "manage purposes and retention",
    ),
    Permission.FULL_EXPORT: ("alle contacten exporteren", "export all contacts"),
    Permission.ERASE: ("contacten wissen", "erase contacts"),
    Permission.RETENTION_APPLY: ("verlopen gegevens opschonen", "act on expired records"),
    Permission.ROTATE_KEY: ("de sleutel vervangen", "rotate the key"),
    Permission.BACKUP: ("een back-up maken", "make a backup"),
    Permission.ACCESS_EXPORT: ("inzage-export maken", "export a person's data"),
    Permission.PROFILING: ("doelgroepsegmenten verwerken", "process audience segments"),
}


def allowed(role: str, permission: Permission) -> bool:
    try:
        return permission in GRANTS[Role(role)]
    except ValueError:
        return False
