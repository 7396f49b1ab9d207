"""Save dialogs start in the user's Documents folder, not in the program's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from contactkluis.ui.dialogs import in_documents


def test_a_bare_file_name_is_offered_in_documents(qapp: object) -> None:
    offered = Path(in_documents("tellingen.xlsx"))
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert offered.is_absolute()
    assert offered == Path(docs) / "tellingen.xlsx"


def test_a_chosen_folder_is_kept(qapp: object, tmp_path: Path) -> None:
    target = tmp_path / "verslag.json"
    assert in_documents(str(target)) == str(target)
