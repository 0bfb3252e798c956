"""Every window and dialog on the screen: none taller or wider than the screen's available
area (a 900-pixel-high laptop screen, less its panels, must still show a dialog's buttons),
none placed off it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What window managers' frames and title bars take, about.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def available_area(widget: QWidget) -> QRect | None:
    """The screen area a window may take (without panels and docks), or None headless."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return None if screen is None else screen.availableGeometry()


def keep_on_screen(window: QWidget) -> None:
    """Shrink `window` to the screen's available area if it is larger, and move it back onto
    the screen if it hangs off (a size remembered on a larger screen, a preview of a page)."""
    area = available_area(window)
    if area is None:
        return
    width = min(window.width(), area.width() - FRAME_WIDTH)
    height = min(window.height(), area.height() - FRAME_HEIGHT)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 100), max(height, 100))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), max(area.left(), area.right() - frame.width() + 1))
    y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() - frame.height() + 1))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class ScreenFit(QObject):
    """An application-wide event filter: each window is kept on the screen as it is shown,
    whichever code made it (the window's own dialogs, Qt's file and print dialogs)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            keep_on_screen(watched)
        return False


def install(application: QObject) -> ScreenFit:
    """Keep every window of `application` on its screen from now on."""
    fit = ScreenFit(application)
    application.installEventFilter(fit)
    return fit
