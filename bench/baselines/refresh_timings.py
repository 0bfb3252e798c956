"""One edit heard by every open screen, ours beside the bare write and one cell set, in-process.

    python refresh_timings.py FILE SCRATCH

Copies FILE into SCRATCH, opens the copy in the main window (offscreen) and fills every
screen: the four tabs (each shown once, so each is loaded), the agenda editor on the first
tour and the topic demand view, both open beside the window. Then, EDITS times over:

- ours: a manager's given name and e-mail changed through the window's undoable command
  (the service validates and writes it through the write gate, fsynced; the change record
  reaches the document; every screen decides whether it shows it and refreshes), until the
  event loop is idle again (deferred redraws included), and the new name is checked in the
  Managers tab;
- bare: the same two columns written with one UPDATE in a transaction with the same
  durability (WAL, synchronous=FULL, BEGIN IMMEDIATE) on a plain sqlite3 connection, the row
  read back by id and its name set in one QStandardItemModel cell.

Prints one JSON object: the median seconds of each side.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from booster_desktop.services.managers import manager_details
from booster_desktop.services.overview import tour_codes
from booster_desktop.ui.agenda_editor import AgendaEditor
from booster_desktop.ui.commands import EditRecord
from booster_desktop.ui.demand_view import DemandDialog
from booster_desktop.ui.entities import ENTITIES, MANAGERS
from booster_desktop.ui.main_window import MainWindow

EDITS = 7
MANAGER = 5  # any manager; the same one each time, its name alternating


def main(source: str, scratch: str) -> None:
    app = QApplication(sys.argv[:1])
    path = Path(scratch) / "refresh.booster"
    shutil.copyfile(source, path)
    window = MainWindow(QSettings(str(Path(scratch) / "refresh.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    window.open_file_now(path)
    for entity in ENTITIES:
        window.show_tab(entity.key)
    window.show_tab(MANAGERS.key)
    document = window.document
    programme = document.programme
    assert programme is not None
    agenda = AgendaEditor(document, tour_codes(programme)[0][0], window)
    agenda.show()
    demand = DemandDialog(document, window)
    demand.show()
    app.processEvents()
    tab = window.tabs[MANAGERS.key]

    ours: list[float] = []
    for number in range(EDITS):
        old = manager_details(programme, MANAGER)
        name = f"Edited {number}"
        new = replace(old, given_name=name, email=f"edited.{number}@example.org")
        start = time.perf_counter()
        document.push(EditRecord(MANAGER, old, new, document, MANAGERS))
        app.processEvents()
        ours.append(time.perf_counter() - start)
        row = tab.model.row_of(MANAGER)
        assert row is not None and tab.model.record(row).given_name == name

    bare_model = QStandardItemModel(1, 1)
    bare_model.setItem(0, 0, QStandardItem(""))
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    bare: list[float] = []
    for number in range(EDITS):
        name = f"Bare {number}"
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "UPDATE manager SET given_name = ?, email = ? WHERE id = ?",
            (name, f"bare.{number}@example.org", MANAGER),
        )
        connection.execute("COMMIT")
        (given,) = connection.execute(
            "SELECT given_name FROM manager WHERE id = ?", (MANAGER,)
        ).fetchone()
        item = bare_model.item(0, 0)
        assert item is not None
        item.setText(given)
        bare.append(time.perf_counter() - start)
    connection.close()

    agenda.close()
    demand.close()
    window.close()
    print(json.dumps({"ours": statistics.median(ours), "bare": statistics.median(bare)}))
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
