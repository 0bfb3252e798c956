"""File > Connect to a shared programme…: the address from its fields, TLS by default beyond
this computer, the password in the keyring and nowhere else (title, label, recent files, logs)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from booster_desktop.cli import main
from booster_desktop.services.programme import parse_server
from booster_desktop.ui import connect_dialog
from booster_desktop.ui.connect_dialog import AUTOMATIC, ConnectDialog
from booster_desktop.ui.main_window import MainWindow

SECRET = "s3cret-Pa55-xyz"


class MemoryKeyring:
    """A keyring backend in memory, standing in for the system's."""

    priority = 1

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.kept.get((service, name))

    def set_password(self, service: str, name: str, password: str) -> None:
        self.kept[(service, name)] = password

    def delete_password(self, service: str, name: str) -> None:
        self.kept.pop((service, name), None)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    import keyring

    from booster_desktop.services import passwords

    kept = MemoryKeyring()
    monkeypatch.setattr(passwords, "_keyring", lambda: _Module(kept))
    monkeypatch.setattr(connect_dialog, "keyring_available", lambda: True)
    assert keyring  # the real library is installed; the backend is ours
    yield kept


class _Module:
    """What `passwords` calls on the keyring module, answered by a backend."""

    def __init__(self, backend: MemoryKeyring) -> None:
        self.backend = backend

    def __getattr__(self, name: str) -> Any:
        return getattr(self.backend, name)


def test_the_fields_make_an_address_with_tls_required_beyond_this_computer(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("db.example.org")
    dialog.port.setValue(5433)
    dialog.database.setText("tours2027")
    dialog.user.setText("ana")
    dialog.password_edit.setText(SECRET)
    address = dialog.address()
    assert str(address) == "postgresql://ana@db.example.org:5433/tours2027"
    assert address.driver_url().query["sslmode"] == "require"
    assert dialog.address(with_password=True).password == SECRET
    assert SECRET not in str(dialog.address(with_password=True))
    dialog.tls.setCurrentIndex(dialog.tls.findData("disable"))  # the user says otherwise
    assert dialog.address().driver_url().query["sslmode"] == "disable"
    dialog.host.setText("localhost")
    dialog.tls.setCurrentIndex(dialog.tls.findData(AUTOMATIC))
    assert "sslmode" not in dialog.address().driver_url().query


def test_a_missing_database_is_said_and_the_dialog_stays(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.user.setText("ana")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.outcome.text() == "name the database that holds the programme"


def test_without_a_keyring_the_dialog_says_the_password_is_asked_each_time(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect_dialog, "keyring_available", lambda: False)
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "asked each time" in dialog.remember.text()


def test_without_a_keyring_a_chosen_password_file_gives_the_password_and_is_remembered(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from booster_desktop.services.settings import PASSWORD_FILE, laptop_value

    monkeypatch.setattr(connect_dialog, "keyring_available", lambda: False)
    path = tmp_path / "passwords"
    path.write_text(f"db.example.org:5432:tours2027:ana:{SECRET}\n", encoding="utf-8")
    path.chmod(0o600)
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.use_file.isVisible() and not dialog.use_file.isChecked()
    assert not dialog.password_file.isEnabled()
    dialog.host.setText("db.example.org")
    dialog.database.setText("tours2027")
    dialog.user.setText("ana")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_: (str(path), "")))
    dialog.use_file.setChecked(True)
    dialog.browse.click()
    assert dialog.password_file.text() == str(path)
    assert dialog.connecting_address().password == SECRET
    assert SECRET not in dialog.outcome.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert laptop_value(PASSWORD_FILE) == str(path)
    # The next time, the choice is there already.
    again = ConnectDialog()
    qtbot.addWidget(again)
    assert again.use_file.isChecked() and again.password_file.text() == str(path)


def test_a_malformed_password_file_keeps_the_dialog_open_saying_so_in_one_line(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from booster_desktop.services.settings import PASSWORD_FILE, laptop_value

    monkeypatch.setattr(connect_dialog, "keyring_available", lambda: False)
    path = tmp_path / "passwords"
    path.write_text(f"db.example.org:{SECRET}\n", encoding="utf-8")
    path.chmod(0o600)
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.database.setText("tours2027")
    dialog.user.setText("ana")
    dialog.use_file.setChecked(True)
    dialog.password_file.setText(str(path))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.outcome.text() == f"{path}: line 1 is not host:port:database:user:password"
    assert laptop_value(PASSWORD_FILE) == ""


def test_a_refused_connection_test_shows_one_line_without_the_password(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(9)  # nothing listens there
    dialog.database.setText("tours")
    dialog.user.setText("ana")
    dialog.password_edit.setText(SECRET)
    with qtbot.waitSignal(dialog.tested, timeout=15000) as tested:
        dialog.test_button.click()
    message, connected = tested.args
    assert not connected
    assert message == "cannot reach the server at 127.0.0.1:9: Connection refused"
    assert SECRET not in dialog.outcome.text()


def _everything_written(folders: list[Path]) -> str:
    texts = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


@pytest.mark.postgresql_only
def test_connecting_keeps_the_password_in_the_keyring_and_nowhere_else(
    make_window: Callable[[], MainWindow],
    qtbot: QtBot,
    demo_file: Any,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    settings_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    server = parse_server(os.environ["BOOSTER_TEST_DATABASE"])

    def fill_and_accept(dialog: ConnectDialog) -> int:
        dialog.host.setText(server.host)
        dialog.port.setValue(server.port or 5432)
        dialog.database.setText(demo_file.database)
        dialog.user.setText(server.user)
        dialog.password_edit.setText(SECRET)
        dialog.remember.setChecked(True)
        with qtbot.waitSignal(dialog.tested, timeout=15000) as tested:
            dialog.test_button.click()
        assert tested.args[1], tested.args[0]
        assert dialog.outcome.text().startswith("Connected to PostgreSQL")
        assert dialog.outcome.text().endswith(": a programme")
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ConnectDialog, "exec", fill_and_accept)
    window = make_window()
    with qtbot.waitSignal(window.programme_loaded, timeout=20000):
        window.connect_action.trigger()
    assert window.programme is not None and window.programme.on_server
    assert window.tabs["managers"].model.rowCount() == 24
    address = window.programme.path
    assert list(memory_keyring.kept.values()) == [SECRET]
    assert SECRET not in window.windowTitle()
    assert window.path_label.text() == address.shown and SECRET not in window.path_label.text()
    assert "%2F" not in window.path_label.text()  # a socket folder reads as a folder
    assert SECRET not in window.statusBar().currentMessage()
    window.settings.sync()
    recent = settings_path.read_text(encoding="utf-8")
    assert demo_file.database in recent and SECRET not in recent
    window.close()

    # Restarted: the recent entry (no password) opens, the password coming from the keyring.
    again = make_window()
    entry = again.recent_menu.actions()[0]
    assert SECRET not in entry.text() and SECRET not in str(entry.data())
    with qtbot.waitSignal(again.programme_loaded, timeout=20000):
        entry.trigger()
    assert again.programme is not None and again.programme.path.password == SECRET
    again.close()

    # The command finds it in the keyring too, and prints the address without it.
    assert main(["info", str(address)]) == 0
    assert main(["check", str(address)]) == 0
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err and address.shown in out.out

    written = _everything_written(
        [
            settings_path.parent,
            Path(os.environ["XDG_STATE_HOME"]),
            Path(os.environ["XDG_DATA_HOME"]),
            Path(os.environ["XDG_CONFIG_HOME"]),
        ]
    )
    assert SECRET not in written
    assert all(SECRET not in record.getMessage() for record in caplog.records)


@pytest.mark.postgresql_only
def test_booster_desktop_opens_an_address_and_keeps_it_without_its_password(
    demo_file: Any, tmp_path: Path
) -> None:
    import subprocess
    import sys

    with_password = demo_file.with_password(SECRET).url.render_as_string(hide_password=False)
    assert SECRET in with_password
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "booster_desktop.app", with_password, "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = _everything_written([tmp_path])
    assert str(demo_file) in written  # the recent programmes
    assert SECRET not in written + done.stdout + done.stderr

    missing = demo_file.url.set(database="no_such_programme", password=SECRET)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "booster_desktop.app",
            missing.render_as_string(hide_password=False),
            "--exit-when-ready",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "no_such_programme" in done.stderr and SECRET not in done.stderr


def test_two_servers_through_unix_sockets_keep_their_own_passwords(
    memory_keyring: MemoryKeyring,
) -> None:
    """The keyring files a password under the socket folder and port too; one kept by an
    earlier version (without them) is still found."""
    from booster_desktop.services.passwords import SERVICE, keep_password, kept_password
    from booster_desktop.services.programme import parse_server

    first = parse_server("postgresql://ana@/tours?host=/run/pg-a")
    second = parse_server("postgresql://ana@/tours?host=/run/pg-b")
    memory_keyring.set_password(SERVICE, first.legacy_key, "older")
    assert kept_password(first) == kept_password(second) == "older"
    keep_password(first, SECRET)
    keep_password(second, "other")
    assert (kept_password(first), kept_password(second)) == (SECRET, "other")
