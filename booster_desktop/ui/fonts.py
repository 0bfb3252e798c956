"""The fonts that ship with the application, registered with Qt so every laptop renders
Latin and Arabic names alike, even one with no fonts of its own."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from booster_desktop.package_data import resource

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoNaskhArabic-Regular.ttf")


def register_fonts(app: QGuiApplication) -> None:
    """Add the shipped fonts; use Noto Sans (with Arabic falling back to Noto Naskh) when the
    system has no usable default (the offscreen platform, a bare machine)."""
    families = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if "Noto Sans" in families and app.platformName() in ("offscreen", "minimal"):
        font = QFont("Noto Sans", 10)
        QFont.insertSubstitution("Noto Sans", "Noto Naskh Arabic")
        app.setFont(font)
