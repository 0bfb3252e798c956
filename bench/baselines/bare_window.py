"""Baseline of the `start-up` row: the floor of the chosen stack for showing a window.

    python bare_window.py

A process that imports `sqlalchemy.orm`, shows a bare PySide6 main window with an empty
table, paints it once and quits: what any Qt + SQLAlchemy application pays before its work.
"""

from __future__ import annotations

import sys

import sqlalchemy.orm  # noqa: F401  (the floor: the window's data comes through SQLAlchemy)
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(QStandardItemModel(0, 13, table))
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    window.repaint()
    QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
