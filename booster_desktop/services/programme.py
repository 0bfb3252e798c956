"""Opening, creating, checking and backing up programme files, for the window and the command."""

from __future__ import annotations

import hashlib
from pathlib import Path

from booster_desktop.domain.disk import exists
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.services.output_paths import check_output_path, is_programme_file
from booster_desktop.store.programme_file import (
    ProgrammeFile,
    backup_database,
    create_programme_file,
    open_programme_file,
)

__all__ = [
    "ProgrammeFile",
    "backup_folder",
    "backup_programme",
    "check_programme",
    "explain_failure",
    "new_programme",
    "open_programme",
    "programme_problems",
]

APP_NAME = "Booster Desktop"


def new_programme(path: Path, *, title: str | None = None, replace: bool = False) -> None:
    """Write an empty programme file (countries only), titled after the file unless told.

    `replace` replaces another kind of file the user chose to overwrite; a programme file is
    never replaced by an empty one.
    """
    path = Path(path)
    if exists(path) and not replace:
        raise BoosterError(_("{path}: already exists").format(path=path))
    check_output_path(path)
    create_programme_file(path, title=title or path.stem, replace=replace)


def open_programme(
    path: Path, *, writable: bool = False, read_only_fallback: bool = False
) -> ProgrammeFile:
    """Open a programme file, validated and migrated; `writable` takes the file's lock.

    With `read_only_fallback`, a file on a read-only disk opens for reading, with the reason in
    `read_only_reason`, instead of being refused.
    """
    programme = open_programme_file(
        Path(path), writable=writable, read_only_fallback=read_only_fallback
    )
    if programme.writable:
        from booster_desktop.services.backups import after_opening

        after_opening(programme)  # the day's first backup; earlier ones move into the folder
    return programme


def check_programme(path: Path) -> str | None:
    """The first problem of a programme file, or None when every check passes."""
    problems = programme_problems(path, limit=1)
    return problems[0] if problems else None


def programme_problems(path: Path, *, limit: int = 200) -> list[str]:
    """Every problem of a programme file, one a line (at most `limit`); empty when it passes."""
    from booster_desktop.store.integrity import problems

    return problems(Path(path), limit=limit)


def explain_failure(path: Path) -> BoosterError | None:
    """After an unforeseen error on a programme file: what `check` finds wrong with it, as
    the one-line message to show instead (None when the file passes every check)."""
    try:
        problem = check_programme(path)
    except Exception:  # the explanation must never hide the first error behind another
        return None
    if problem is None:
        return None
    return BoosterError(
        _("{problem}; `booster check --verbose` lists every problem").format(problem=problem)
    )


def backup_programme(path: Path, target: Path) -> None:
    """A consistent copy of the programme file at `target` (written aside, then renamed)."""
    path, target = Path(path), Path(target)
    check_output_path(target, programme=path)
    with open_programme_file(path) as programme:
        backup_database(programme.engine, target)


def backup_folder(path: Path, uuid: str | None = None) -> Path:
    """The folder in the user's data folder that keeps the backups of one programme: named
    after the programme's UUID when it has one, else after its name and place."""
    from platformdirs import user_data_path

    if uuid:
        key = uuid
    else:
        where = str(Path(path).resolve()).encode("utf-8", "surrogateescape")
        key = f"{Path(path).stem[:40]}-{hashlib.sha256(where).hexdigest()[:12]}"
    return user_data_path(APP_NAME, appauthor=False) / "backups" / key


def backup_before_replacing(path: Path, why: str) -> Path | None:
    """Back up the programme at `path` into its backup folder before it is replaced (`why`:
    a reason `services.backups.WHY` names); returns the backup (None when `path` holds no
    programme). Refused while another window or command holds the file; a damaged file is
    copied byte for byte under a name that says so."""
    from booster_desktop.services.backups import backup_file_before_replacing
    from booster_desktop.store.lock import ProgrammeLock

    path = Path(path)
    if not is_programme_file(path):
        return None
    lock = ProgrammeLock.acquire(path)
    try:
        return backup_file_before_replacing(path, why).path
    finally:
        lock.release()
