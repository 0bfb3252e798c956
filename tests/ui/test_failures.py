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


def test_the_windows_log_is_this_users_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's log was made 0644: readable by every user of the laptop, while the
    tracebacks it keeps quote values (names, badge tokens)."""
    import logging

    from booster_desktop.ui.application import _log_to_file

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    before = list(logging.getLogger().handlers)
    try:
        log = _log_to_file()
        assert log is not None and log.stat().st_mode & 0o777 == 0o600
        log.chmod(0o644)  # made by an older version
        assert _log_to_file() == log and log.stat().st_mode & 0o777 == 0o600
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_the_window_logs_to_a_log_it_cannot_close_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log of another user's (a `sudo` run before) cannot be made this user's only: that
    turned the window's logging off altogether."""
    import logging

    from booster_desktop.ui.application import _log_to_file

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))

    def not_yours(path: Path, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(Path, "chmod", not_yours)
    before = list(logging.getLogger().handlers)
    try:
        log = _log_to_file()
        assert log is not None
        logging.getLogger("booster_desktop").error("still logged")
        assert "still logged" in log.read_text("utf-8")
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()
