"""The accounts table: names, roles and whether an account is still active."""

from __future__ import annotations

from contactkluis.vault.db import Connection


def all_rows(conn: Connection) -> list[tuple[str, str, str, bool]]:
    """(name, role, created_at, active), ordered by name regardless of case."""
    return [
        (str(r[0]), str(r[1]), str(r[2]), bool(r[3]))
        for r in conn.execute(
            "SELECT name, role, created_at, active FROM accounts ORDER BY name COLLATE NOCASE"
        )
    ]


def stored_name(conn: Connection, name: str) -> str | None:
    row = conn.execute("SELECT name FROM accounts WHERE name = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def role_of(conn: Connection, name: str) -> str | None:
    row = conn.execute("SELECT role FROM accounts WHERE name = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def active_admins(conn: Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM accounts WHERE role = 'beheerder' AND active = 1"
    ).fetchone()
    return int(row[0])


def insert(conn: Connection, name: str, role: str, created_at: str) -> None:
    conn.execute(
        "INSERT INTO accounts (name, role, created_at) VALUES (?, ?, ?)", (name, role, created_at)
    )


def deactivate(conn: Connection, name: str) -> None:
    conn.execute("UPDATE accounts SET active = 0 WHERE name = ?", (name,))


def set_role(conn: Connection, name: str, role: str) -> None:
    conn.execute("UPDATE accounts SET role = ? WHERE name = ?", (role, name))
