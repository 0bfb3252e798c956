"""Starting the window: the Qt application, fonts, logging, and what to open first."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from booster_desktop import __version__
from booster_desktop.package_data import resource
from booster_desktop.services.programme import Location
from booster_desktop.ui import screen_fit
from booster_desktop.ui.fonts import register_fonts
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.settings import APPLICATION, ORGANISATION, app_settings, recent_files
from booster_desktop.ui.translation import tr

log = logging.getLogger("booster_desktop")


def _log_to_file() -> Path | None:
    from platformdirs import user_log_path

    try:
        folder = user_log_path("booster-desktop", appauthor=False, ensure_exists=True)
    except OSError:
        return None
    path = folder / "booster-desktop.log"
    try:
        # This user's only: a traceback quotes values (names, badge tokens).
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    except OSError:
        return None
    # A log made readable by an older version too; one of another user's (a `sudo` run
    # before) cannot be, and the window logs to it all the same.
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return folder / "booster-desktop.log"


def _install_bug_handler(log_file: Path | None) -> None:
    """An unexpected error is logged with its traceback and told in one line, not a crash."""

    def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        where = tr(" Details are in {log_file}.").format(log_file=log_file) if log_file else ""
        QMessageBox.critical(
            None,
            "Booster Desktop",
            tr(
                "Something went wrong: {error}.{where}\nEvery change the window showed "
                "as made is saved; check the last one."
            ).format(error=error, where=where),
        )

    sys.excepthook = report


def run(
    file: Location | str | None,
    *,
    demo: bool = False,
    exit_when_ready: bool = False,
    opening: Future[Any] | None = None,
) -> int:
    """Show the window on `file` (its opening perhaps already under way), the demo, or the
    last file opened."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    register_fonts(app)
    screen_fit.install(app)
    app.setWindowIcon(QIcon(str(resource("icons", "booster.svg"))))
    _install_bug_handler(None if exit_when_ready else _log_to_file())

    # Changes made in this window carry this laptop's device name setting.
    from booster_desktop.services.changes import device_name_setting, use_device_name

    use_device_name(device_name_setting)
    # The window's words, Qt's own buttons, the locale's dates and numbers, and the messages
    # and printed materials, all in the language of the setting (or the system's).
    from booster_desktop.services.settings import LANGUAGE, laptop_value
    from booster_desktop.ui.translation import install

    install(laptop_value(LANGUAGE))
    settings = app_settings()
    window = MainWindow(settings)
    if exit_when_ready:

        def ready() -> None:
            window.repaint()  # painted with the Managers tab filled: that is the moment measured
            QTimer.singleShot(0, app.quit)

        window.programme_loaded.connect(ready)
        window.open_failed.connect(lambda message: (print(message, file=sys.stderr), app.exit(1)))
    window.show()
    if demo:
        window.open_demo()
    elif file is not None:
        window.open_file(file, opening)
    else:
        last = next(iter(recent_files(settings)), None)
        # A file reopens by itself; a server waits to be chosen (it may be out of reach).
        if isinstance(last, Path) and last.exists():
            window.open_file(last)
    return app.exec()
