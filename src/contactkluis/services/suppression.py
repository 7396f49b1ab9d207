"""The suppression list: keyed hashes that remember an erased person, not their address.

HMAC-SHA256 with a secret that lives only inside the encrypted vault: the list proves
"we were asked to forget this person" without holding their address or name, and the
hashes are worthless outside this vault.

Why per person and not per address: a household or a pair of colleagues often share one
e-mail address or landline. Suppressing the address itself (as this list first did) made
a later import silently drop the housemate's rows too, and left them out of every mailing:
erasing one person must not erase another's relationship with the institution. So an
erasure stores, per address, hashes of that address joined with the erased person's
folded last name, first given name and first initial (domain.names.identity_keys). A
row on that address is suppressed unless its name clearly belongs to someone else: an
other last name, or an other first given name. Whenever the row cannot be told apart
(no name, only a last name, an initial that fits) erasure wins: that errs towards not
re-creating the erased person, which is the harm that cannot be undone by a reply.
A person erased without any name suppresses the whole address, as before (entries of
kind 'email'/'phone' from older versions keep doing that too).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from contactkluis.domain.contact import PersonName
from contactkluis.domain.names import identity_keys
from contactkluis.services.session import Session
from contactkluis.vault import suppression_repo
from contactkluis.vault.db import Connection
from contactkluis.vault.vault import now_iso

Entry = tuple[str, str]  # (hash, kind)


def _secret(session: Session) -> bytes:
    secret = session.vault.meta("suppression_secret")
    assert secret is not None, "vault without suppression secret"
    return bytes.fromhex(secret)


def keyed_hash(session: Session, kind: str, value: str) -> str:
    return hmac.new(_secret(session), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _addresses(emails: Iterable[str], phones: Iterable[str]) -> list[tuple[str, str]]:
    """(kind, value) for already-normalised e-mails (lower case) and E.164 phones."""
    return [("email", e.lower()) for e in emails if e] + [("phone", p) for p in phones if p]


def hashes_for(session: Session, emails: Iterable[str], phones: Iterable[str]) -> list[Entry]:
    """The whole-address entries (an erased person without a name, or older versions)."""
    return [(keyed_hash(session, kind, value), kind) for kind, value in _addresses(emails, phones)]


def _h(session: Session, kind: str, *parts: str) -> str:
    return keyed_hash(session, kind, "|".join(parts))


def person_entries(
    session: Session, name: PersonName, emails: Iterable[str], phones: Iterable[str]
) -> list[Entry]:
    """What is remembered of an erased person: per address, who on it was erased."""
    last, given, initial = identity_keys(name)
    if not (last or given or initial):
        return hashes_for(session, emails, phones)  # nobody to tell apart: the address
    out: list[Entry] = []
    for kind, value in _addresses(emails, phones):
        at = f"{kind}:{value}"
        found = [
            ("erased_on", _h(session, "erased_on", at)),
            ("last", _h(session, "last", at, last)),
        ]
        if given:
            found.append(("given", _h(session, "given", at, last, given)))
        else:
            found.append(("no_first", _h(session, "no_first", at, last)))
        if initial:
            found.append(("initial", _h(session, "initial", at, last, initial)))
        else:
            found.append(("no_initial", _h(session, "no_initial", at, last)))
        found += [("word", _h(session, "word", at, w)) for w in {last, given} if w]
        out += [(h, k) for k, h in found]
    return out


def _same_person_at(session: Session, listed: set[str], at: str, name: PersonName) -> bool:
    """May the row with this name at address `at` be the person erased there?"""
    last, given, initial = identity_keys(name)
    if not (last or given or initial):
        return True  # a nameless row: nobody can tell whose it is
    if not last or not (given or initial):  # one word: the last name or the first name?
        words = [w for w in (last, given) if w]
        return not words or any(_h(session, "word", at, w) in listed for w in words)
    for surname in dict.fromkeys((last, "")):  # "" matches a person erased without a surname
        if _h(session, "last", at, surname) not in listed:
            continue
        no_first = _h(session, "no_first", at, surname) in listed
        if given and _h(session, "given", at, surname, given) in listed:
            return True
        if (not given or no_first) and _h(session, "initial", at, surname, initial) in listed:
            return True
        if no_first and _h(session, "no_initial", at, surname) in listed:
            return True  # the erased person had only a surname: this may be them
    return False


def matches(
    session: Session,
    listed: set[str],
    name: PersonName,
    emails: Iterable[str],
    phones: Iterable[str],
) -> bool:
    """Is this (a row, a contact) a person who was erased? `listed` is load_all()."""
    if not listed:
        return False
    for kind, value in _addresses(emails, phones):
        if keyed_hash(session, kind, value) in listed:
            return True
        at = f"{kind}:{value}"
        if _h(session, "erased_on", at) in listed and _same_person_at(session, listed, at, name):
            return True
    return False


def add(
    session: Session,
    conn: Connection,
    emails: Iterable[str],
    phones: Iterable[str],
    name: PersonName | None = None,
) -> int:
    """Remember an erased person; the number of addresses (e-mails + phones) listed."""
    emails, phones = list(emails), list(phones)
    entries = person_entries(session, name or PersonName(), emails, phones)
    suppression_repo.add_hashes(conn, [(h, kind, now_iso()) for h, kind in entries])
    return len(_addresses(emails, phones))


def is_suppressed(
    session: Session, conn: Connection, emails: Iterable[str], phones: Iterable[str]
) -> bool:
    """Was anyone with one of these addresses erased? (Not: is this that person.)"""
    found = [h for h, _ in hashes_for(session, emails, phones)]
    found += [_h(session, "erased_on", f"{k}:{v}") for k, v in _addresses(emails, phones)]
    return suppression_repo.any_listed(conn, found)


def is_erased_person(
    session: Session,
    conn: Connection,
    name: PersonName,
    emails: Iterable[str],
    phones: Iterable[str],
) -> bool:
    emails, phones = list(emails), list(phones)
    if not is_suppressed(session, conn, emails, phones):
        return False
    return matches(session, load_all(conn), name, emails, phones)


def load_all(conn: Connection) -> set[str]:
    """For bulk checks during an import: one query instead of one per row."""
    return suppression_repo.all_hashes(conn)
