"""Render src/contactkluis/resources/icons/contactkluis.svg to a multi-size .ico (run on the build machine)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication(sys.argv)  # noqa: F841 - needed for rendering
    icon = QIcon(str(ROOT / "src" / "contactkluis" / "resources" / "icons" / "contactkluis.svg"))
    images = []
    for size in (16, 24, 32, 48, 64, 128, 256):
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        icon.pixmap(size, size).save(buf, "PNG")
        images.append((size, bytes(buf.data())))
    header = (
        (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(images).to_bytes(2, "little")
    )
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        dim = 0 if size == 256 else size
        entries += bytes([dim, dim, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(png).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(png)
        blobs += png
    (Path(__file__).parent / "contactkluis.ico").write_bytes(header + entries + blobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
