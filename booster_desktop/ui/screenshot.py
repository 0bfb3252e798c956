"""`booster screenshot`: the main window rendered headless to a PNG (documentation, checks)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from booster_desktop.domain.disk import disk_error, partial_path
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.programme import Location

TAB_NAMES = ("managers", "topics", "tours", "visits")
SIZE = (1280, 800)


def render_window(programme: Location, out: Path, tab: str = "managers") -> None:
    """Open `programme` read-only in a 1280x800 window showing `tab`, and save it as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from booster_desktop.services.output_paths import check_output_path
    from booster_desktop.ui.fonts import register_fonts
    from booster_desktop.ui.main_window import MainWindow

    check_output_path(out, programme=programme)
    from PySide6.QtCore import qInstallMessageHandler

    # The offscreen platform's notices ("does not support propagateSizeHints") are not the
    # user's business on a command line.
    qInstallMessageHandler(lambda _kind, _context, _message: None)
    app = QApplication.instance() or QApplication(["booster"])
    assert isinstance(app, QApplication)
    register_fonts(app)
    # The language `booster --lang` (or the setting) chose for this run.
    from booster_desktop.i18n import language
    from booster_desktop.ui.translation import install, tr

    install(language())
    if tab not in TAB_NAMES:
        raise BoosterError(
            tr("--tab: {tab} is not one of {names}").format(
                tab=repr(tab), names=", ".join(TAB_NAMES)
            )
        )
    failures: list[BaseException] = []
    previous_hook = sys.excepthook
    # An error in a slot (say, a tab that cannot load) must fail the command, not leave a
    # half-empty picture behind.
    sys.excepthook = lambda kind, error, tb: failures.append(error)
    with tempfile.TemporaryDirectory() as folder:
        # The user's own settings (geometry, hidden columns) must not change the picture.
        settings = QSettings(str(Path(folder) / "screenshot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        try:
            window.open_file_now(programme, writable=False)
            window.resize(*SIZE)
            window.show_tab(tab)
            window.show()
            app.processEvents()
            if failures:
                raise BoosterError(
                    tr("{programme}: the {tab} tab could not be shown ({error})").format(
                        programme=programme, tab=tab, error=failures[0]
                    )
                )
            image = window.grab()
            partial = partial_path(out).with_suffix(".partial.png")
            try:
                if not image.save(str(partial), "PNG"):
                    raise BoosterError(tr("{path}: cannot be written").format(path=out))
                partial.replace(out)
            except OSError as error:
                raise disk_error(out, error) from None
            finally:
                partial.unlink(missing_ok=True)
        finally:
            sys.excepthook = previous_hook
            window.close()
            window.deleteLater()
