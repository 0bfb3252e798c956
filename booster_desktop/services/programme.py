"""Opening, creating, checking and backing up programme files, for the window and the command."""

from __future__ import annotations

import hashlib
from datetime import datetime
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
    return open_programme_file(Path(path), writable=writable, read_only_fallback=read_only_fallback)


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
    """Back up the programme at `path` into its backup folder before it is replaced; returns
    the backup (None when `path` holds no programme). A damaged file is copied byte for byte."""
    import shutil

    path = Path(path)
    if not is_programme_file(path):
        return None
    stamp = datetime.now().strftime("%Y-%m-%d %H%M%S")
    try:
        programme = open_programme_file(path, writable=True)
    except BoosterError as error:
        if "in use" in str(error) or "read-only" in str(error):
            raise
        programme = None
    try:
        uuid = _uuid(programme) if programme is not None else None
        folder = backup_folder(path, uuid)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            from booster_desktop.domain.disk import disk_error

            raise disk_error(folder / path.name, error) from None
        target = folder / f"{path.stem} ({why} {stamp}){path.suffix}"
        number = 1
        while target.exists():
            number += 1
            target = folder / f"{path.stem} ({why} {stamp} {number}){path.suffix}"
        if programme is not None:
            backup_database(programme.engine, target)
        else:
            try:
                shutil.copyfile(path, target)
            except OSError as error:
                from booster_desktop.domain.disk import disk_error

                raise disk_error(target, error) from None
        return target
    finally:
        if programme is not None:
            programme.close()


def _uuid(programme: ProgrammeFile) -> str | None:
    from sqlalchemy.exc import DBAPIError

    try:
        with programme.engine.connect() as connection:
            value = connection.exec_driver_sql("SELECT uuid FROM programme").scalar()
    except DBAPIError:  # a file from before programmes had one
        return None
    return str(value) if value else None
