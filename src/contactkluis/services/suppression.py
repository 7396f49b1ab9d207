"""The suppression list: keyed hashes of erased people's e-mail addresses and phones.

HMAC-SHA256 with a secret that lives only inside the encrypted vault: the list proves
"we were asked to forget this address" without holding the address, and the hashes are
worthless outside this vault.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from contactkluis.services.session import Session
from contactkluis.vault import suppression_repo
from contactkluis.vault.db import Connection
from contactkluis.vault.vault import now_iso


def _secret(session: Session) -> bytes:
    secret = session.vault.meta("suppression_secret")
    assert secret is not None, "vault without suppression secret"
    return bytes.fromhex(secret)


def keyed_hash(session: Session, kind: str, value: str) -> str:
    return hmac.new(_secret(session), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def hashes_for(
    session: Session, emails: Iterable[str], phones: Iterable[str]
) -> list[tuple[str, str]]:
    """(hash, kind) for already-normalised e-mails (lower case) and E.164 phones."""
    out = [(keyed_hash(session, "email", e.lower()), "email") for e in emails if e]
    out += [(keyed_hash(session, "phone", p), "phone") for p in phones if p]
    return out


def add(session: Session, conn: Connection, emails: Iterable[str], phones: Iterable[str]) -> int:
    rows = [(h, kind, now_iso()) for h, kind in hashes_for(session, emails, phones)]
    suppression_repo.add_hashes(conn, rows)
    return len(rows)


def is_suppressed(
    session: Session, conn: Connection, emails: Iterable[str], phones: Iterable[str]
) -> bool:
    return suppression_repo.any_listed(conn, (h for h, _ in hashes_for(session, emails, phones)))


def load_all(conn: Connection) -> set[str]:
    """For bulk checks during an import: one query instead of one per row."""
    return suppression_repo.all_hashes(conn)
