"""The allocation view and `booster allocate` say the same sentence, in the coordinator's
words, and name the compared methods as a coordinator would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from booster_desktop.cli import main
from booster_desktop.ui.allocation_view import AllocationDialog
from booster_desktop.ui.main_window import MainWindow


@pytest.mark.parametrize("cap", [0, 1])
def test_the_window_says_what_the_command_says(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
    cap: int,
) -> None:
    args = ["allocate", str(demo_file)] + (["--max-per-country", str(cap)] if cap else [])
    main(args)
    printed = capsys.readouterr().out.splitlines()
    open_in(window, demo_file)
    dialog = AllocationDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.country_cap.setValue(cap)
    dialog.explanation.addItem("left over from before")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.allocation is not None, timeout=20000)
    assert dialog.summary.text() == printed[0]
    assert dialog.explanation.count() == 0  # the Why panel starts afresh with each run
    methods = [dialog.compare.item(row, 0).text() for row in range(3)]  # type: ignore[union-attr]
    assert methods == [
        "This allocation",
        "First come, first served in a random order",
        "A draft, in turns",
    ]
    tooltip = dialog.compare.item(1, 0).toolTip()  # type: ignore[union-attr]
    assert "random serial dictatorship" in tooltip
    assert "welfare" not in dialog.summary.text()
