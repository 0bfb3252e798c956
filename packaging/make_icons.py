"""Render resources/icons/booster.svg into the PNG sizes desktops use (the hicolor theme's
folders), and a Windows .ico holding several of them. Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

The results are committed (package data: pip installs need them as much as the bundles do).
macOS's .icns is made on a Mac from the same PNGs (packaging/README.md says how).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.boosterdesktop.BoosterDesktop"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "booster.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/booster.svg does not render")
    for size in SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "PNG"):
            raise SystemExit(f"{target}: could not write")
    # Qt's ICO writer stores one image per call; write the largest, as Windows scales it.
    writer = QImageWriter(str(ICONS / "booster-desktop.ico"), b"ico")
    if not writer.write(render(renderer, 256)):
        raise SystemExit(f"booster-desktop.ico: {writer.errorString()}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
