"""Help → Handleiding: the handbook, bundled with the program and shown offline.

The text is docs/handleiding.md, copied into the package (resources/handbook/) by
`python tools/bundle_handbook.py`; a test keeps the two the same. Qt renders the Markdown.
Pictures come from docs/screenshots/ when that folder is there (a source checkout); an
installed program shows their caption instead. "Wat betekent dit?" links open it at a
section by its heading.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextBlock, QTextCursor
from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout, QWidget

from contactkluis.domain.messages import current_language
from contactkluis.ui.widgets.icons import resources_dir

# Where a "Wat betekent dit?" link leads: a key for the widgets, a heading in the handbook.
SECTIONS = {
    "flags": "Wat de tekens betekenen",
    "retention": "OK, binnenkort, verlopen",
    "consent": '"Opnieuw bevestigen": toestemming uit de oude lijsten',
    "backup": "Een back-up maken",
    "requests": "De termijn en verlengen",
    "english": "English summary",
}

_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def handbook_path() -> Path:
    return resources_dir() / "handbook" / "handleiding.md"


def _pictures_dir() -> Path | None:
    docs = Path(__file__).resolve().parents[3] / "docs"
    return docs if (docs / "screenshots").is_dir() else None


def handbook_markdown() -> str:
    text = handbook_path().read_text("utf-8")
    docs = _pictures_dir()

    def picture(match: re.Match[str]) -> str:
        caption, target = match.group(1), match.group(2)
        if docs is not None and (docs / target).is_file():
            return f"![{caption}]({(docs / target).as_uri()})"
        return f"*{caption}*"

    return _IMAGE.sub(picture, text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: '2. De eerste keer: …' -> '2-de-eerste-keer-…'."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return text.replace(" ", "-")


class HandbookDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handleiding Contactkluis"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # anchors are ours; web links go to the browser
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setMarkdown(handbook_markdown())
        self._fit_pictures(720)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(820, 640)

    def _fit_pictures(self, width: int) -> None:
        """Screenshots are window-sized: scale them to the reading width, keep the ratio."""
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    size = QImage(QUrl(image.name()).toLocalFile()).size()
                    if size.width() > width:
                        image.setWidth(width)
                        image.setHeight(size.height() * width / size.width())
                        cursor = QTextCursor(self.browser.document())
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()

    def headings(self) -> list[QTextBlock]:
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block)
            block = block.next()
        return found

    def show_section(self, heading: str) -> bool:
        """Scroll so `heading` (its text, or its anchor slug) is at the top."""
        wanted = heading.lstrip("#")
        for block in self.headings():
            if block.text().strip() == wanted or slug(block.text()) == wanted:
                self.browser.moveCursor(QTextCursor.MoveOperation.End)
                self.browser.setTextCursor(QTextCursor(block))
                top = self.browser.document().documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return True
        return False

    def current_heading(self) -> str:
        """The heading at the top of the view (tests and screenshots read it)."""
        top = self.browser.verticalScrollBar().value()
        layout = self.browser.document().documentLayout()
        above = [b for b in self.headings() if layout.blockBoundingRect(b).top() <= top + 1]
        return above[-1].text() if above else ""

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() or url.toString().startswith("#"):
            self.show_section(url.fragment() or url.toString())


_open: dict[int, HandbookDialog] = {}


def open_handbook(parent: QWidget | None, section: str | None = None) -> HandbookDialog:
    """Show the handbook (one window per parent window), at `section` (a SECTIONS key)."""
    window = parent.window() if parent is not None else None
    key = id(window)
    dialog = _open.get(key)
    if dialog is None:
        dialog = HandbookDialog(window)
        dialog.destroyed.connect(lambda *_a, k=key: _open.pop(k, None))
        _open[key] = dialog
    if section is None and current_language() == "en":
        section = "english"
    dialog.show()
    dialog.raise_()
    if section is not None:
        dialog.show_section(SECTIONS.get(section, section))
    return dialog


class HelpLink(QLabel):
    """A small "Wat betekent dit?" link that opens the handbook at `section`."""

    def __init__(self, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"help_{section}")
        words = self.tr("Wat betekent dit?")
        self.setText(f'<a href="{section}">{words}</a>')
        self.setToolTip(self.tr("Opent de handleiding bij de uitleg"))
        self.linkActivated.connect(lambda key: open_handbook(self, key))
