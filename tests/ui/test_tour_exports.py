"""Tour > Export roster… and Certificates… in the window: the questions asked, the name
proposed, the work done off the UI thread, and the files read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from booster_desktop.ui import tour_exports
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.services.test_rosters import check_in
from tests.ui.conftest import Dialogs

OpenIn = Callable[[MainWindow, Path], None]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """The tour and file dialogs, answered from this dict, recording what they proposed."""
    seen: dict[str, Any] = {"tour": "CAT", "folder": tmp_path / "out"}
    seen["folder"].mkdir()

    def get_item(
        _parent: Any, _title: str, _label: str, items: list[str], current: int, _editable: bool
    ) -> tuple[str, bool]:
        seen["items"], seen["current"] = items, current
        if seen["tour"] is None:
            return items[0], True
        return next(i for i in items if i.startswith(f"{seen['tour']} ")), True

    def save_name(_parent: Any, _title: str, proposed: str, filters: str) -> tuple[str, str]:
        seen["proposed"] = proposed
        name = Path(proposed).name
        return str(seen["folder"] / name), filters.split(";;")[0]

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    return seen


def test_export_roster_asks_about_sensitive_data_and_proposes_the_tours_name(
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    asked: dict[str, Any],
) -> None:
    open_in(window, demo_file)
    assert window.tour_exports.roster_action.isEnabled()
    dialogs.answer = QMessageBox.StandardButton.No
    with qtbot.waitSignal(window.tour_exports.finished, timeout=20000) as done:
        window.tour_exports.roster_action.trigger()
    assert len(dialogs.questions) == 1 and "passport" in dialogs.questions[0].lower()
    assert asked["items"][0] == tour_exports.WHOLE_PROGRAMME
    proposed = Path(asked["proposed"])
    assert proposed.name == "Roster - CAT Inspiration and learning tour Catalonia.xlsx"
    written = asked["folder"] / proposed.name
    assert str(written) in done.args[0]
    book = load_workbook(written)
    assert "Sensitive" not in book.sheetnames and "Attendance" in book.sheetnames
    assert window.statusBar().currentMessage().startswith("Roster written to")

    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(window.tour_exports.finished, timeout=20000):
        window.tour_exports.roster_action.trigger()
    assert "Sensitive" in load_workbook(written).sheetnames
    assert dialogs.critical == []


def test_the_tour_selected_in_the_tours_tab_is_proposed_first(
    window: MainWindow, open_in: OpenIn, demo_file: Path, qtbot: QtBot, asked: dict[str, Any]
) -> None:
    open_in(window, demo_file)
    tab = window.show_tab("tours")
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 0).data() == "WAL")
    tab.view.selectRow(row)
    asked["tour"] = "WAL"
    with qtbot.waitSignal(window.tour_exports.finished, timeout=20000):
        window.tour_exports.signin_action.trigger()
    assert asked["items"][asked["current"]].startswith("WAL ")
    assert Path(asked["proposed"]).name.startswith("Sign-in sheets - WAL ")
    assert len(PdfReader(asked["folder"] / Path(asked["proposed"]).name).pages) >= 1


def test_certificates_list_those_below_the_minimum_and_certify_only_those_ticked(
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    asked: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    with programme_db.connect(demo_file) as connection:
        managers = [
            m
            for (m,) in connection.execute(
                "SELECT manager_id FROM enrolment WHERE tour_id = 1 ORDER BY manager_id"
            )
        ]
    for session in range(1, 10):
        check_in(demo_file, session, managers[0], "2018-11-19 08:00:00.000000")
    check_in(demo_file, 1, managers[1], "2018-11-19 08:00:00.000000")
    open_in(window, demo_file)
    shown: list[list[str]] = []

    def tick_second(dialog: QDialog) -> int:
        items = [dialog.people.item(n) for n in range(dialog.people.count())]  # type: ignore[attr-defined]
        shown.append([item.text() for item in items])
        for item in items:
            if f"(ID {managers[1]})" in item.text():
                item.setCheckState(Qt.CheckState.Checked)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(tour_exports.BelowMinimumDialog, "exec", tick_second)
    with qtbot.waitSignal(window.tour_exports.finished, timeout=20000) as done:
        window.tour_exports.certificates_action.trigger()
    assert done.args[0].startswith("2 certificates written to")
    (listed,) = shown
    assert len(listed) == len(managers) - 1
    assert any(f"(ID {managers[1]}): 1 of 9 sessions, 11%" in text for text in listed)
    pdf = asked["folder"] / Path(asked["proposed"]).name
    assert (
        Path(asked["proposed"]).name
        == "Certificates - CAT Inspiration and learning tour Catalonia.pdf"
    )
    assert len(PdfReader(pdf).pages) == 2


def test_a_failed_export_says_why_and_writes_nothing(
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    asked: dict[str, Any],
) -> None:
    open_in(window, demo_file)
    asked["folder"] = asked["folder"] / "gone"  # a folder that does not exist
    with qtbot.waitSignal(window.tour_exports.failed, timeout=20000) as failed:
        window.tour_exports.signin_action.trigger()
    assert "no such folder" in failed.args[0]
    assert dialogs.critical and "no such folder" in dialogs.critical[0]


def test_diets_ticked_in_the_manager_editor_reach_the_file_and_the_catering_sheet(
    window: MainWindow, open_in: OpenIn, demo_file: Path, qtbot: QtBot, editors: Any, tmp_path: Path
) -> None:

    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.rosters import roster

    with programme_db.connect(demo_file) as connection:
        (manager,) = connection.execute(
            "SELECT manager_id FROM enrolment WHERE tour_id = 1 ORDER BY manager_id LIMIT 1"
        ).fetchone()
    open_in(window, demo_file)
    window.show_tab("managers")

    def tick(editor: Any) -> None:
        assert not editor.form.diet_vegan.isChecked()
        qtbot.mouseClick(editor.form.diet_vegan, Qt.MouseButton.LeftButton)
        editor.form.diet_halal.setChecked(True)
        editor.form.dietary_needs.setText("no fish")

    editors.will(tick)
    window.edit_record(manager)
    with programme_db.connect(demo_file) as connection:
        diets, needs = connection.execute(
            "SELECT diets, dietary_needs FROM manager WHERE id = ?", (manager,)
        ).fetchone()
    assert (diets, needs) == ("vegan,halal", "no fish")
    editors.will(
        lambda editor: (
            (editor.form.diet_vegan.isChecked() and editor.form.diet_halal.isChecked())
            or pytest.fail("ticks not shown")
        ),
        save=False,
    )
    window.edit_record(manager)
    with open_programme(demo_file) as programme:
        lines = roster(programme, tour="CAT").catering
    counts = {line.diet: line.people for line in lines if line.day == lines[0].day}
    assert counts["Vegan"] == 1 and counts["Halal"] == 1 and counts["Other needs (as written)"] == 1
    window.undo_action.trigger()
    with programme_db.connect(demo_file) as connection:
        assert connection.execute(
            "SELECT diets FROM manager WHERE id = ?", (manager,)
        ).fetchone() == (None,)
