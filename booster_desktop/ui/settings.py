"""What the window remembers between runs (QSettings): recent files, geometry, columns."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "Booster Desktop"
APPLICATION = "Booster Desktop"
MAX_RECENT = 8


def app_settings() -> QSettings:
    """The application's settings (tests point QSettings at a temporary folder first)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def recent_files(settings: QSettings) -> list[Path]:
    value = settings.value("recent_files", [])
    # An INI file gives back a one-item list as a plain string.
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [Path(str(name)) for name in names if name]


def remember_file(settings: QSettings, path: Path) -> list[Path]:
    """Put `path` first in the recent files; returns the new list."""
    path = path.resolve()
    files = [path, *(p for p in recent_files(settings) if p != path)][:MAX_RECENT]
    settings.setValue("recent_files", [str(p) for p in files])
    settings.sync()
    return files


def forget_file(settings: QSettings, path: Path) -> None:
    settings.setValue("recent_files", [str(p) for p in recent_files(settings) if p != path])
    settings.sync()
