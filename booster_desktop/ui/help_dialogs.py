"""Help that works offline: the user guide shipped with the application, and the shortcuts.

The shortcuts are read from the window's own actions, so the list can never disagree with
the keys that work.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.i18n import language
from booster_desktop.package_data import resource
from booster_desktop.ui.translation import tr


def guide_page(code: str | None = None) -> Path:
    """The user guide in the window's language (`guide.<code>.html` beside the English
    `guide.html`), English when there is none in that language."""
    translated = resource("help", f"guide.{code or language()}.html")
    return translated if translated.is_file() else resource("help", "guide.html")


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to the wished size, never beyond the screen's available area (a
    900-pixel-high laptop screen must still show a dialog's buttons)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    available = screen.availableGeometry()
    window.resize(min(width, available.width() - 40), min(height, available.height() - 80))


class UserGuide(QDialog):
    """The user guide, a page shipped inside the package (no browser, no network)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Booster Desktop user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_page())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 820)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, in the platform's notation."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys:
            continue
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        what = what.removesuffix("…").removesuffix("...")
        native = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append((what, native))
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, read from its actions."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([tr("Action"), tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            keys_item = QTableWidgetItem(keys)
            keys_item.setTextAlignment(
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading
            )
            self.table.setItem(row, 1, keys_item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 640)
