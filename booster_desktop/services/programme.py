"""Opening, creating, checking and backing up programme files, for the window and the command."""

from __future__ import annotations

from pathlib import Path

from booster_desktop.domain.errors import BoosterError
from booster_desktop.store.programme_file import (
    ProgrammeFile,
    backup_database,
    create_programme_file,
    open_programme_file,
)

__all__ = [
    "ProgrammeFile",
    "backup_programme",
    "check_programme",
    "new_programme",
    "open_programme",
]


def new_programme(path: Path, *, title: str | None = None, replace: bool = False) -> None:
    """Write an empty programme file (countries only), titled after the file unless told."""
    create_programme_file(path, title=title or Path(path).stem, replace=replace)


def open_programme(path: Path, *, writable: bool = False) -> ProgrammeFile:
    """Open a programme file, validated and migrated; `writable` takes the file's lock."""
    return open_programme_file(Path(path), writable=writable)


def check_programme(path: Path) -> str | None:
    """The first problem of a programme file, or None when every check passes."""
    from booster_desktop.store.integrity import first_problem

    return first_problem(Path(path))


def backup_programme(path: Path, target: Path) -> None:
    """A consistent copy of the programme file at `target` (written aside, then renamed)."""
    path, target = Path(path), Path(target)
    if target.resolve() == path.resolve():
        raise BoosterError(f"{target}: is the programme file itself; choose another name")
    with open_programme_file(path) as programme:
        backup_database(programme.engine, target)
