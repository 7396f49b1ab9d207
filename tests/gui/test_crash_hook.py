"""An unexpected error in the GUI shows a plain message and prints no personal data."""

from __future__ import annotations

import sys

from contactkluis.ui import crash


def _fail_with_a_name() -> None:
    raise ValueError("kan 'Geertruida Zwanenburg' niet verwerken")


def test_the_report_names_the_code_not_the_data(qapp, capsys) -> None:  # type: ignore[no-untyped-def]
    # The conftest makes MessageBox non-interactive: the dialog is recorded, not shown.
    from contactkluis.ui.dialogs import MessageBox

    try:
        _fail_with_a_name()
    except ValueError:
        crash._hook(*sys.exc_info())  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert "ValueError" in err and "test_crash_hook.py" in err and "_fail_with_a_name" in err
    assert "Zwanenburg" not in err
    kind, _title, text = MessageBox.history[-1]
    assert kind == "critical" and "ValueError" in text and "Zwanenburg" not in text
