"""An unexpected error in the GUI shows a plain message and prints no personal data."""

from __future__ import annotations

import sys

from contactkluis.ui import crash


def _fail_with_a_name() -> None:
    raise ValueError("kan 'Geertruida Zwanenburg' niet verwerken")


def test_the_report_names_the_code_not_the_data(qapp, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(crash.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    try:
        _fail_with_a_name()
    except ValueError:
        crash._hook(*sys.exc_info())  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert "ValueError" in err and "test_crash_hook.py" in err and "_fail_with_a_name" in err
    assert "Zwanenburg" not in err
    assert shown and "Zwanenburg" not in shown[0] and "ValueError" in shown[0]
