"""From the Enter key of a scan to the state painted on the check-in screen, offscreen Qt.

    python checkin_paint_timings.py FILE SCRATCH [SCANS]

Ours: the real `CheckinScreen` on a copy of FILE, at the first session of the largest tour:
the token's characters are typed into its input as key events, then the time runs from the
Enter key press (sent to the input) until the screen has recorded the check-in and repainted
itself (`repaint()`, synchronous). Bare: a window with a line edit and one big label; Enter
runs the same bare sqlite3 lookup, INSERT and COMMIT (same durability settings) on its own
copy, sets the label's text and colour and repaints. Prints the median seconds of each side.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkin_timings import badges

from booster_desktop.services.programme import open_programme
from booster_desktop.ui.checkin_screen import CheckinScreen


def type_into(widget: QWidget, text: str) -> None:
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key(ord(character))
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.ShiftModifier, character)
            )


def enter(widget: QWidget) -> None:
    QApplication.sendEvent(
        widget,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"),
    )


def ours(path: Path, session: int, tokens: list[str]) -> list[float]:
    times = []
    with open_programme(path, writable=True) as programme:
        screen = CheckinScreen(programme)
        screen.session.setCurrentIndex(screen.session.findData(session))
        screen._session_chosen()
        screen.resize(1280, 800)
        screen.show()
        QApplication.processEvents()
        for token in tokens:
            # The last letter waits for Enter: the time runs from the Enter key press.
            type_into(screen.input, token[:-1])
            screen.input.insert(token[-1])
            start = time.perf_counter()
            enter(screen.input)
            screen.repaint()
            times.append(time.perf_counter() - start)
            assert screen.last is not None and screen.last.recorded, screen.headline.text()
        screen.leaving_allowed = True
        screen.close()
    return times


class Bare(QWidget):
    def __init__(self, path: Path, session: int) -> None:
        super().__init__()
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA synchronous = FULL")
        self.session = session
        self.input = QLineEdit()
        self.label = QLabel()
        self.label.setStyleSheet("font-size: 54pt; color: white; background: #2f3b4a;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.input)
        self.input.returnPressed.connect(self.scan)

    def scan(self) -> None:
        token = self.input.text().strip().upper()
        self.input.clear()
        self.connection.execute("BEGIN IMMEDIATE")
        row = self.connection.execute(
            "SELECT b.manager_id, m.given_name || ' ' || m.family_name FROM badge_token b "
            "JOIN manager m ON m.id = b.manager_id WHERE b.token = ?",
            (token,),
        ).fetchone()
        self.connection.execute(
            "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, "
            "admitted_unregistered) VALUES (?, ?, ?, ?, 'bench', 0, 0)",
            (str(uuid.uuid4()), self.session, row[0], datetime.now(UTC).replace(tzinfo=None)),
        )
        self.connection.execute("COMMIT")
        self.label.setText(f"Welcome\n{row[1]}")
        self.label.setStyleSheet("font-size: 54pt; color: white; background: #1b7f3b;")


def bare(path: Path, session: int, tokens: list[str]) -> list[float]:
    window = Bare(path, session)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    times = []
    for token in tokens:
        type_into(window.input, token[:-1])
        window.input.insert(token[-1])
        start = time.perf_counter()
        enter(window.input)
        window.repaint()
        times.append(time.perf_counter() - start)
    window.connection.close()
    return times


def main() -> None:
    source, scratch = Path(sys.argv[1]), Path(sys.argv[2])
    scans = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    app = QApplication([])
    session, tokens = badges(source, scans)
    files = []
    for name in ("paint-ours.booster", "paint-bare.booster"):
        copy = scratch / name
        for suffix in ("-wal", "-shm"):
            copy.with_name(copy.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(source, copy)
        files.append(copy)
    ours_times = ours(files[0], session, tokens)
    bare_times = bare(files[1], session, tokens)
    medians = {"ours": statistics.median(ours_times), "bare": statistics.median(bare_times)}
    print(json.dumps(medians))
    app.quit()


if __name__ == "__main__":
    main()
