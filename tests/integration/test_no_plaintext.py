"""Nothing personal in plaintext on disk: not in the vault, its WAL, the key file, a backup,
temp files, settings or state. A unique marker goes in through the public API; then every
file that could hold it is searched, in UTF-8 and UTF-16-LE, upper and lower case."""

from __future__ import annotations

import os
import secrets
import string
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from contactkluis.domain.contact import Address, Contact, PersonName
from contactkluis.services import accounts, contacts
from tests.support.vaults import ADMIN, ADMIN_PW, Template, vault_template

CHUNK = 1 << 20


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return vault_template(tmp_path_factory.mktemp("tpl"))


def _marker() -> str:
    return "Mrk" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))


def _needles(*texts: str) -> list[bytes]:
    out: list[bytes] = []
    for text in texts:
        for variant in {text, text.lower(), text.upper()}:
            out += [variant.encode("utf-8"), variant.encode("utf-16-le")]
    return out


def _files(roots: Iterable[Path]) -> Iterable[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            for folder, _dirs, names in os.walk(root):
                for name in names:
                    yield Path(folder) / name


def _written_since(path: Path, since: float | None) -> bool:
    if since is None:
        return True
    st = path.stat()
    # ctime moves on creation, rename and chmod and cannot be set back, unlike mtime.
    return max(st.st_mtime, st.st_ctime) >= since


def files_containing(
    roots: Iterable[Path], needles: list[bytes], since: float | None = None
) -> list[str]:
    """Every file under the roots that holds a needle, read in overlapping chunks; with
    `since`, only files created or changed from then on."""
    overlap = max(len(n) for n in needles)
    hits: list[str] = []
    for path in _files(roots):
        try:
            if not _written_since(path, since):
                continue
            with open(path, "rb") as fh:
                tail = b""
                while chunk := fh.read(CHUNK):
                    window = tail + chunk
                    if any(n in window for n in needles):
                        hits.append(str(path))
                        break
                    tail = window[-overlap:]
        except OSError:
            continue  # another process's file that vanished or is not readable
    return hits


def test_no_personal_data_in_plaintext_anywhere(template: Template, tmp_path: Path) -> None:
    first, last = _marker(), _marker()
    email = f"{first.lower()}@{last.lower()}.invalid"
    city = _marker()
    needles = _needles(first, last, email, city)

    # A shared machine's temp folder holds every other test's files: only what was
    # written there from now on can be this test's leak.
    started = time.time() - 1
    vpath = template.copy_to(tmp_path / "vault")
    session = accounts.unlock(vpath, ADMIN, ADMIN_PW)
    try:
        cid = contacts.create_contact(
            session,
            Contact(
                name=PersonName(first=first, last=last),
                emails=[email],
                address=Address(
                    street="Dorpsstraat", house_number="1", postcode="1234 AB", city=city
                ),
                notes=f"Belde over {first}",
            ),
        )
        assert contacts.get_contact(session, cid).emails == [email]
        backup = accounts.backup(session, tmp_path / "backups" / "kluis")
        # While the vault is open its WAL holds the fresh pages: still ciphertext.
        assert files_containing([vpath.parent], needles) == []
        accounts.rotate_key(session)
        assert contacts.get_contact(session, cid).name.last == last
    finally:
        session.vault.close()

    roots = [
        vpath.parent,
        backup,
        *(
            Path(os.environ[v])
            for v in ("CONTACTKLUIS_CONFIG_DIR", "CONTACTKLUIS_STATE_DIR", "CONTACTKLUIS_HOME")
        ),
    ]
    temp = Path(tempfile.gettempdir())
    assert backup.stat().st_size > 0
    assert files_containing(roots, needles) == []
    assert files_containing([temp], needles, since=started) == []
    # The search itself works: a plaintext copy would have been found, in the temp folder too.
    leak = tmp_path / "leak.txt"
    leak.write_bytes(email.upper().encode("utf-16-le"))
    assert files_containing([tmp_path], needles) == [str(leak)]
    with tempfile.NamedTemporaryFile(dir=temp, suffix=".txt") as temp_leak:
        temp_leak.write(last.encode("utf-8"))
        temp_leak.flush()
        assert temp_leak.name in files_containing([temp], needles, since=started)
