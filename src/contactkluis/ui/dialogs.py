"""Message boxes and file dialogs that a test can answer in advance.

Like KeePassXC's MessageBox::setNextAnswer: a test presets the answer, the next call
returns it without showing anything; the real dialog is used otherwise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Button = QMessageBox.StandardButton


class MessageBox:
    _next_answer: Button | None = None
    #: Tests switch this on: a box nobody preset answers with its default instead of
    #: waiting for a click that never comes.
    non_interactive = False
    #: (kind, title, text) of every box shown or answered, newest last; tests read it.
    history: list[tuple[str, str, str]] = []

    @classmethod
    def set_next_answer(cls, answer: Button | None) -> None:
        cls._next_answer = answer

    @classmethod
    def _show(
        cls,
        kind: str,
        icon: QMessageBox.Icon,
        parent: QWidget | None,
        title: str,
        text: str,
        buttons: Button,
        default: Button,
    ) -> Button:
        cls.history.append((kind, title, text))
        del cls.history[:-50]
        if cls._next_answer is not None:
            answer, cls._next_answer = cls._next_answer, None
            return answer
        if cls.non_interactive:
            return default
        box = QMessageBox(icon, title, text, buttons, parent)
        box.setDefaultButton(default)
        result = box.exec()
        return Button(result)

    @classmethod
    def information(cls, parent: QWidget | None, title: str, text: str) -> Button:
        return cls._show(
            "information", QMessageBox.Icon.Information, parent, title, text, Button.Ok, Button.Ok
        )

    @classmethod
    def warning(cls, parent: QWidget | None, title: str, text: str) -> Button:
        return cls._show(
            "warning", QMessageBox.Icon.Warning, parent, title, text, Button.Ok, Button.Ok
        )

    @classmethod
    def critical(cls, parent: QWidget | None, title: str, text: str) -> Button:
        return cls._show(
            "critical", QMessageBox.Icon.Critical, parent, title, text, Button.Ok, Button.Ok
        )

    @classmethod
    def question(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        buttons: Button = Button.Yes | Button.No,
        default: Button = Button.No,
    ) -> Button:
        return cls._show(
            "question", QMessageBox.Icon.Question, parent, title, text, buttons, default
        )


def in_documents(start: str) -> str:
    """A bare file name is offered in the user's Documents folder: relative to the working
    directory it landed in the program's folder (issue 16)."""
    if not start or Path(start).is_absolute():
        return start
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(docs or Path.home()) / start)


class FileDialog:
    """File choosers with a preset answer for tests ("" means: the user cancelled)."""

    _next: list[str] = []
    non_interactive = False  # tests: no preset means "cancelled", never a blocking dialog

    @classmethod
    def set_next_path(cls, path: str) -> None:
        cls._next.append(path)

    @classmethod
    def _preset(cls) -> str | None:
        if cls._next:
            return cls._next.pop(0)
        return "" if cls.non_interactive else None

    @classmethod
    def save_file(cls, parent: QWidget | None, title: str, start: str, filters: str) -> str:
        preset = cls._preset()
        if preset is not None:
            return preset
        path, _ = QFileDialog.getSaveFileName(parent, title, in_documents(start), filters)
        return path

    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, start: str, filters: str) -> str:
        preset = cls._preset()
        if preset is not None:
            return preset
        path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
        return path

    @classmethod
    def directory(cls, parent: QWidget | None, title: str, start: str) -> str:
        preset = cls._preset()
        if preset is not None:
            return preset
        return QFileDialog.getExistingDirectory(parent, title, start)
