"""Fixtures for the vault tests: the template vault (built once) and a copy per test.

Modules that define their own `template`/`vpath` keep them; new modules use these.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vaults import Template, vault_template


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return vault_template(tmp_path_factory.mktemp("tpl"))


@pytest.fixture
def vpath(template: Template, tmp_path: Path) -> Path:
    return template.copy_to(tmp_path / "vault")
