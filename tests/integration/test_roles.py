"""Who may do what, checked through the services on a real vault for both roles.

The expected matrix is written out here on purpose (not read from domain.roles): a change
of the grants must show up as a failing test, not silently pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from contactkluis.domain.contact import ConsentStatus, Contact, PersonName
from contactkluis.domain.roles import Permission
from contactkluis.errors import UserError
from contactkluis.services import (
    access,
    accounts,
    contacts,
    erasure,
    export,
    importing,
    mailing,
    policies,
    retention,
    segments,
    stats,
)
from contactkluis.services.session import Session
from contactkluis.vault import keys
from contactkluis.vault.keyfile import key_path
from tests.support.vaults import ADMIN, ADMIN_PW, STAFF, STAFF_PW, Template, vault_template

STAFF_MAY = {
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
LOGIN = {"beheerder": (ADMIN, ADMIN_PW), "medewerker": (STAFF, STAFF_PW)}


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return vault_template(tmp_path_factory.mktemp("tpl"))


@dataclass
class World:
    """A vault with two contacts, opened as one role."""

    session: Session
    path: Path
    tmp: Path
    a: int
    b: int


@pytest.fixture(params=["beheerder", "medewerker"])
def world(request: pytest.FixtureRequest, template: Template, tmp_path: Path) -> Iterator[World]:
    path = template.copy_to(tmp_path / "vault")
    session = accounts.unlock(path, *LOGIN[request.param])
    a, b = template.contact_ids
    yield World(session, path, tmp_path, a, b)
    session.vault.close()


def _contact(w: World) -> Contact:
    found = w.session.repo().get(w.a)
    assert found is not None
    return found


def _audit_head(w: World) -> str | None:
    return w.session.vault.meta("audit_head")


def _edit(w: World) -> None:
    c = contacts.get_contact(w.session, w.a) if w.session.can(Permission.VIEW) else None
    assert c is not None
    contacts.update_contact(w.session, replace(c, notes="belt liever na tienen"))


def _consent(w: World) -> None:
    purpose = next(iter(w.session.purposes))
    contacts.record_consent(
        w.session, w.a, purpose, ConsentStatus.GIVEN, date(2024, 5, 1), "aanmeldformulier balie"
    )


OTHER_PW = "nieuw wachtwoord voor een ander"


def _other(w: World) -> str:
    return ADMIN if w.session.account == STAFF else STAFF


def _opens(w: World, account: str, password: str) -> bool:
    slot = w.session.vault.keyfile.slot(keys.account_slot_id(account))
    assert slot is not None
    keys.unwrap_private(slot, w.session.vault.vault_id, password)
    return True


# Each row: the permission, a use of a service that needs it, and a check of its effect.
SERVICE_USES: list[tuple[Permission, str, Callable[[World], object], Callable[[World], bool]]] = [
    (
        Permission.VIEW,
        "get_contact",
        lambda w: contacts.get_contact(w.session, w.a),
        lambda w: True,
    ),
    (Permission.VIEW, "details", lambda w: contacts.details(w.session, w.a), lambda w: True),
    (
        Permission.ADD,
        "create_contact",
        lambda w: contacts.create_contact(w.session, Contact(name=PersonName(last="Nieuwenkamp"))),
        lambda w: w.session.repo().count() == 3,
    ),
    (
        Permission.EDIT,
        "update_contact",
        _edit,
        lambda w: _contact(w).notes == "belt liever na tienen",
    ),
    (
        Permission.RECORD_CONSENT,
        "record_consent",
        _consent,
        lambda w: len(_contact(w).consents) == 1,
    ),
    (
        Permission.REQUESTS,
        "set_flag",
        lambda w: contacts.set_flag(w.session, w.a, "objects_marketing", True),
        lambda w: _contact(w).objects_marketing,
    ),
    (
        Permission.MERGE,
        "merge_contacts",
        lambda w: contacts.merge_contacts(w.session, w.a, w.b, contacts.MergeChoice()),
        lambda w: w.session.repo().count() == 1,
    ),
    (
        Permission.MANAGE_ACCOUNTS,
        "list_accounts",
        lambda w: accounts.list_accounts(w.session),
        lambda w: True,
    ),
    (
        Permission.MANAGE_ACCOUNTS,
        "set_role",
        lambda w: accounts.set_role(w.session, STAFF, "beheerder"),
        lambda w: (
            w.session.conn.execute("SELECT role FROM accounts WHERE name = ?", (STAFF,)).fetchone()[
                0
            ]
            == "beheerder"
        ),
    ),
    (
        Permission.MANAGE_ACCOUNTS,
        "change_password(other)",
        lambda w: accounts.change_password(w.session, _other(w), OTHER_PW),
        lambda w: _opens(w, _other(w), OTHER_PW),
    ),
    (
        Permission.MANAGE_POLICIES,
        "set_setting",
        lambda w: policies.set_setting(w.session, "soon_days", 45),
        lambda w: w.session.soon_days == 45,
    ),
    (
        Permission.ROTATE_KEY,
        "rotate_key",
        lambda w: accounts.rotate_key(w.session),
        lambda w: w.session.vault.keyfile.generation == 2,
    ),
    (
        Permission.BACKUP,
        "backup",
        lambda w: accounts.backup(w.session, w.tmp / "b.ckbak"),
        lambda w: (w.tmp / "b.ckbak").exists(),
    ),
]

SERVICE_USES += [
    (
        Permission.IMPORT,
        "import_files",
        lambda w: importing.import_files(w.session, [_sheet(w)]),
        lambda w: w.session.repo().count() == 3,
    ),
    (
        Permission.MAILING,
        "export_mailing",
        lambda w: mailing.export_mailing(w.session, "nieuwsbrief", w.tmp / "m.csv"),
        lambda w: (w.tmp / "m.csv").exists(),
    ),
    (
        Permission.STATS,
        "stats.export",
        lambda w: stats.export(w.session, w.tmp / "t.xlsx"),
        lambda w: (w.tmp / "t.xlsx").exists(),
    ),
    (
        Permission.FULL_EXPORT,
        "export_all",
        lambda w: export.export_all(w.session, w.tmp / "all.json"),
        lambda w: (w.tmp / "all.json").exists(),
    ),
    (
        Permission.ERASE,
        "erase",
        lambda w: erasure.erase(w.session, [w.a]),
        lambda w: w.session.repo().get(w.a) is None,
    ),
    (
        Permission.RETENTION_APPLY,
        "retention.apply",
        lambda w: retention.apply(w.session, "delete", [w.a]),
        lambda w: True,  # nothing is expired: allowed, but it changes nothing
    ),
    (
        Permission.ACCESS_EXPORT,
        "export_access",
        lambda w: access.export_access(w.session, [w.a], w.tmp / "inzage"),
        lambda w: any((w.tmp / "inzage").glob("inzage-*.json")),
    ),
    (
        Permission.PROFILING,
        "export_for_segmentation",
        lambda w: segments.export_for_segmentation(w.session, w.tmp / "seg.xlsx"),
        lambda w: (w.tmp / "seg.xlsx").exists(),
    ),
]


def _sheet(w: World) -> Path:
    path = w.tmp / "lijst.csv"
    path.write_text("Naam;E-mail\nAnna Nieuwkoop;anna.nieuwkoop@example.org\n", "utf-8")
    return path


def test_every_permission_is_covered_by_this_matrix() -> None:
    covered = {p for p, *_ in SERVICE_USES}
    assert covered == set(Permission)


@pytest.mark.parametrize(
    "permission, use, effect",
    [(p, u, e) for p, _n, u, e in SERVICE_USES],
    ids=[f"{p.value}-{n}" for p, n, *_ in SERVICE_USES],
)
def test_a_service_refuses_or_allows_by_role(
    world: World,
    permission: Permission,
    use: Callable[[World], object],
    effect: Callable[[World], bool],
) -> None:
    may = world.session.role == "beheerder" or permission in STAFF_MAY
    head, keyfile = _audit_head(world), key_path(world.path).read_bytes()
    if may:
        use(world)
        assert effect(world)
    else:
        with pytest.raises(UserError) as info:
            use(world)
        assert info.value.code == "forbidden"
        assert "medewerker" in info.value.message("nl")
        # Refused means nothing was written: no audit entry, no key slot changed.
        assert _audit_head(world) == head
        assert key_path(world.path).read_bytes() == keyfile
        assert not (world.tmp / "b.ckbak").exists()


def test_the_first_account_is_a_beheerder_and_the_last_one_stays(
    template: Template, tmp_path: Path
) -> None:
    path = template.copy_to(tmp_path / "vault")
    session = accounts.unlock(path, ADMIN, ADMIN_PW)
    try:
        assert session.role == "beheerder"
        listed = {a.name: a.role for a in accounts.list_accounts(session)}
        assert listed == {ADMIN: "beheerder", STAFF: "medewerker"}
        attempts: list[Callable[[], None]] = [
            lambda: accounts.remove_account(session, ADMIN),
            lambda: accounts.set_role(session, ADMIN, "medewerker"),
        ]
        for attempt in attempts:
            with pytest.raises(UserError) as info:
                attempt()
            assert info.value.code == "last_admin"
        assert accounts.list_accounts(session)[0].role == "beheerder"
        # With a second beheerder the first may step down.
        accounts.set_role(session, STAFF, "beheerder")
        accounts.set_role(session, ADMIN, "medewerker")
    finally:
        session.vault.close()
    staff = accounts.unlock(path, STAFF, STAFF_PW)
    try:
        assert staff.role == "beheerder"
        with pytest.raises(UserError) as info:
            accounts.remove_account(staff, STAFF)
        assert info.value.code == "last_admin"
        accounts.remove_account(staff, ADMIN)
    finally:
        staff.vault.close()
    # A removed account's slot is gone: its password no longer opens the vault.
    with pytest.raises(UserError) as info:
        accounts.unlock(path, ADMIN, ADMIN_PW)
    assert info.value.code == "wrong_password"
