"""The privacy overview: the numbers the dashboard shows, each one a filtered list.

Counts go through services.listing with the same query the contacts page uses for the
filter, so a number on the dashboard is exactly the length of the list it opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from contactkluis.domain.roles import Permission
from contactkluis.services import listing
from contactkluis.services.backups import last_backup_date
from contactkluis.services.listing import ContactQuery
from contactkluis.services.requests import StoredRequest, list_requests
from contactkluis.services.session import Session
from contactkluis.vault import duplicates_repo


@dataclass(frozen=True)
class PrivacyOverview:
    expired: int
    soon: int
    reconfirm: dict[str, int]  # purpose code -> contacts whose consent needs reconfirming
    special: int
    restricted: int
    open_requests: list[StoredRequest] = field(default_factory=list)  # by deadline
    duplicate_pairs: list[tuple[int, int]] = field(default_factory=list)
    last_backup: date | None = None
    today: date = field(default_factory=date.today)

    @property
    def backup_age_days(self) -> int | None:
        return None if self.last_backup is None else max(0, (self.today - self.last_backup).days)


def count(session: Session, query: ContactQuery) -> int:
    return len(listing.find_ids(session, query))


def duplicate_pairs(session: Session) -> list[tuple[int, int]]:
    """Near-duplicate pairs found by imports and not yet merged or dismissed."""
    session.require(Permission.VIEW)
    return duplicates_repo.open_pairs(session.conn)


def privacy_overview(session: Session) -> PrivacyOverview:
    session.require(Permission.VIEW)
    reconfirm = {
        code: count(
            session, ContactQuery(consent_purpose=code, consent_flags=frozenset({"reconfirm"}))
        )
        for code in session.purposes
    }
    requests = list_requests(session, open_only=True) if session.can(Permission.REQUESTS) else []
    return PrivacyOverview(
        expired=count(session, ContactQuery(retention=frozenset({"expired"}))),
        soon=count(session, ContactQuery(retention=frozenset({"soon"}))),
        reconfirm=reconfirm,
        special=count(session, ContactQuery(special=True)),
        restricted=count(session, ContactQuery(restricted=True)),
        open_requests=requests,
        duplicate_pairs=duplicate_pairs(session),
        last_backup=last_backup_date(session),
        today=session.today(),
    )
