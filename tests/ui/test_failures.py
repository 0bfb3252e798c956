"""A change that cannot be written is told, leaves nothing behind, and stays off the undo
stack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from booster_desktop.store import engine
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.ui.conftest import Dialogs


@pytest.mark.sqlite_only
def test_a_delete_the_file_refuses_is_reported_and_not_undoable(
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    dialogs: Dialogs,
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    open_in(window, demo_file)
    tab = window.show_tab("managers")
    tab.select_ids([3])
    other = programme_db.connect(demo_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the file
    try:
        window.delete_selected()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert any("was not saved" in text and "locked" in text for text in dialogs.critical)
    assert window.undo_stack.count() == 0
    assert tab.model.row_of(3) is not None
    with programme_db.connect(demo_file) as connection:
        assert connection.execute("SELECT count(*) FROM manager").fetchone() == (24,)
