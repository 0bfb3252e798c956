"""The window and the `booster` command read one model per list: after withdrawals and
cancellations, the Managers, Topics and Tours tabs, the demand view, `booster list` and
`booster demand` give the same numbers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from booster_desktop.cli import main
from booster_desktop.ui.demand_view import FIXED_COLUMNS, DemandDialog
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db


def _command(args: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def _column(window: MainWindow, key: str, heading: str) -> list[str]:
    """What the tab `key` shows in the column `heading`, row by row (every row loaded)."""
    tab = window.show_tab(key)
    model = tab.model
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == heading
    )
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]


def _withdraw_and_cancel(path: Path) -> tuple[int, int]:
    """Withdraw the manager who ranked the most topics; cancel another one's first
    enrolment. Returns (withdrawn id, manager whose enrolment was cancelled)."""
    with programme_db.connect(path) as connection:
        withdrawn = connection.execute(
            "SELECT manager_id FROM topic_interest GROUP BY manager_id "
            "ORDER BY count(*) DESC, manager_id LIMIT 1"
        ).fetchone()[0]
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE id = ?", (withdrawn,))
        cancelled, enrolment = connection.execute(
            "SELECT manager_id, id FROM enrolment WHERE manager_id != ? AND status = 'proposed' "
            "ORDER BY id LIMIT 1",
            (withdrawn,),
        ).fetchone()
        connection.execute("UPDATE enrolment SET status = 'cancelled' WHERE id = ?", (enrolment,))
    return withdrawn, cancelled


def test_the_window_and_the_command_give_the_same_numbers(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
) -> None:
    withdrawn, cancelled = _withdraw_and_cancel(demo_file)
    file = str(demo_file)
    topics = _command(["list", "topics", file, "--json"], capsys)
    demand = _command(["demand", file, "--json"], capsys)
    tours = _command(["list", "tours", file, "--json"], capsys)
    info = _command(["info", file, "--json"], capsys)
    sessions = _command(["list", "sessions", file, "--json"], capsys)
    on_tour = {
        tour["code"]: {
            m["id"]
            for m in _command(["list", "managers", file, "--tour", tour["code"], "--json"], capsys)
        }
        for tour in tours
    }

    open_in(window, demo_file)

    # Topics: "wanted by" counts active managers only, in the tab, the list and the demand.
    wanted_in_tab = dict(
        zip(_column(window, "topics", "Topic"), _column(window, "topics", "Wanted by"), strict=True)
    )
    wanted_in_list = {t["name"]: str(t["wanted_by"]) for t in topics}
    wanted_in_demand = {d["name"]: str(d["wanted_by"]) for d in demand}
    assert wanted_in_tab == wanted_in_list == wanted_in_demand
    with programme_db.connect(demo_file) as connection:
        everyone = dict(
            connection.execute(
                "SELECT p.name, count(i.manager_id) FROM topic p "
                "LEFT JOIN topic_interest i ON i.topic_id = p.id GROUP BY p.id"
            ).fetchall()
        )
        theirs = {
            name
            for (name,) in connection.execute(
                "SELECT p.name FROM topic p JOIN topic_interest i ON i.topic_id = p.id "
                "WHERE i.manager_id = ?",
                (withdrawn,),
            )
        }
    # The withdrawn manager's topics are each wanted by one fewer (the test can fail).
    assert theirs
    assert {n for n, c in wanted_in_list.items() if int(c) == everyone[n] - 1} == theirs

    dialog = DemandDialog(window.document, window)
    qtbot.addWidget(dialog)
    shown = {}
    for row in range(dialog.table.rowCount()):
        name = dialog.table.item(row, FIXED_COLUMNS.index("Topic"))
        count = dialog.table.item(row, FIXED_COLUMNS.index("Wanted by"))
        assert name is not None and count is not None
        shown[name.text()] = count.text()
    assert shown == wanted_in_list

    # Tours: seats taken are the expected managers, without the withdrawn or the cancelled.
    seats = dict(
        zip(_column(window, "tours", "Code"), _column(window, "tours", "Seats taken"), strict=True)
    )
    assert seats == {t["code"]: f"{t['expected']} / {t['capacity']}" for t in tours}
    assert sum(t["expected"] for t in tours) == info["enrolments"] < 48

    # Managers: the tours each one is expected on, in the tab and in `list managers --tour`.
    ids = [int(i) for i in _column(window, "managers", "ID")]
    tours_in_tab = {
        manager: set(filter(None, codes.split(", ")))
        for manager, codes in zip(ids, _column(window, "managers", "Tours"), strict=True)
    }
    from_list = {m: {code for code, ids in on_tour.items() if m in ids} for m in ids}
    assert tours_in_tab == from_list
    assert tours_in_tab[withdrawn] == set()
    assert len(tours_in_tab[cancelled]) == 1

    # Sessions: the Visits tab and `list sessions` hold the same sessions in the same order.
    assert [int(i) for i in _column(window, "visits", "ID")] == [s["id"] for s in sessions]
    assert len(sessions) == info["sessions"]
