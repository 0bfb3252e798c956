"""What the window remembers between runs, declared in one place: recent files, the window's
geometry, each tab's column widths. This is the window's own state, kept in QSettings; the
settings a person chooses (this laptop's and the programme's) are declared without Qt in
`services/settings.py`, where the `booster` command reads them too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.programme import Location, parse_location

ORGANISATION = "Booster Desktop"
APPLICATION = "Booster Desktop"
MAX_RECENT = 8


@dataclass(frozen=True)
class UiState:
    """One thing the window remembers: its key in QSettings and what it is."""

    key: str
    description: str


RECENT_FILES = UiState("recent_files", f"The last {MAX_RECENT} programmes opened, newest first")
WINDOW_GEOMETRY = UiState("window/geometry", "The main window's size and place on the screen")
COLUMNS = UiState("columns/{tab}", "A tab's column widths, order and hidden columns")
UI_STATE = (RECENT_FILES, WINDOW_GEOMETRY, COLUMNS)


def app_settings() -> QSettings:
    """The application's settings (tests point QSettings at a temporary folder first)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def recent_files(settings: QSettings) -> list[Location]:
    """The programmes opened last, files and servers (an address kept without password)."""
    value = settings.value(RECENT_FILES.key, [])
    # An INI file gives back a one-item list as a plain string.
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    found: list[Location] = []
    for name in names:
        try:
            found.append(parse_location(str(name)))
        except BoosterError:
            continue
    return [location for location in found if str(location)]


def remember_file(settings: QSettings, path: Location) -> list[Location]:
    """Put `path` first in the recent files (a server's address without its password);
    returns the new list."""
    path = path.resolve() if isinstance(path, Path) else parse_location(str(path))
    files = [path, *(p for p in recent_files(settings) if str(p) != str(path))][:MAX_RECENT]
    settings.setValue(RECENT_FILES.key, [str(p) for p in files])
    settings.sync()
    return files


def forget_file(settings: QSettings, path: Location) -> None:
    settings.setValue(
        RECENT_FILES.key, [str(p) for p in recent_files(settings) if str(p) != str(path)]
    )
    settings.sync()


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def window_geometry(settings: QSettings) -> QByteArray | None:
    return _bytes(settings.value(WINDOW_GEOMETRY.key))


def save_window_geometry(settings: QSettings, geometry: QByteArray) -> None:
    settings.setValue(WINDOW_GEOMETRY.key, geometry)


def column_state(settings: QSettings, tab: str) -> QByteArray | None:
    return _bytes(settings.value(COLUMNS.key.format(tab=tab)))


def save_column_state(settings: QSettings, tab: str, state: QByteArray) -> None:
    settings.setValue(COLUMNS.key.format(tab=tab), state)
