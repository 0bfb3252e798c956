"""Timings of the Managers table's search and sort, ours beside bare Python, in one process.

    python table_timings.py FILE

Loads the managers of FILE as the window does, then times, on the same rows:
- ours: typing "tunis" in the search box (the proxy refilters on the model's folded texts)
  against a comprehension over the same folded texts;
- ours: sorting the Family name column through the view's proxy (the model sorts its own
  rows, keeping selections) against `list.sort` with the same key.
Prints one JSON object of seconds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from booster_desktop.domain.text import fold
from booster_desktop.services.programme import open_programme
from booster_desktop.ui.entities import MANAGERS
from booster_desktop.ui.table_model import RecordTableModel, SearchProxy

FAMILY_NAME = 2


def main(path: str) -> None:
    app = QApplication(sys.argv[:1])
    with open_programme(Path(path)) as programme:
        rows = MANAGERS.rows(programme, None)
    model = RecordTableModel(MANAGERS.columns)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    model.set_rows(rows)
    model.prepare_search()  # the window does this in idle slices right after loading
    texts = [model.search_text(i) for i in range(model.rowCount())]

    start = time.perf_counter()
    proxy.set_search("tunis")
    shown = proxy.rowCount()
    search_ours = time.perf_counter() - start
    start = time.perf_counter()
    matches = [i for i, text in enumerate(texts) if "tunis" in text]
    search_bare = time.perf_counter() - start
    assert shown == len(matches), (shown, len(matches))
    proxy.set_search("")

    column = MANAGERS.columns[FAMILY_NAME]
    start = time.perf_counter()
    proxy.sort(FAMILY_NAME, Qt.SortOrder.AscendingOrder)
    sort_ours = time.perf_counter() - start
    bare = list(rows)
    start = time.perf_counter()
    bare.sort(key=lambda r: fold(column.text(r)))
    sort_bare = time.perf_counter() - start
    assert [model.record(i).id for i in range(len(bare))] == [r.id for r in bare]

    print(json.dumps({"search": [search_ours, search_bare], "sort": [sort_ours, sort_bare]}))
    del app


if __name__ == "__main__":
    main(sys.argv[1])
