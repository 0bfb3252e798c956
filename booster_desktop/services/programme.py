"""Opening, creating, checking and backing up programmes, for the window and the command.

A programme lives in a file or on a PostgreSQL server (`Location`); every function here takes
either, and `push_programme` / `pull_programme` move one between the two.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from booster_desktop.domain.disk import exists
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.services.output_paths import check_output_path, is_programme_file
from booster_desktop.store.location import (
    Location,
    ServerAddress,
    is_server_text,
    parse_location,
    parse_server,
    shown_location,
)
from booster_desktop.store.programme_file import (
    ProgrammeFile,
    backup_programme_to,
    create_on_server,
    create_programme_file,
    open_programme_file,
    pull_from_server,
    push_to_server,
)

__all__ = [
    "Location",
    "ProgrammeFile",
    "ServerAddress",
    "backup_folder",
    "backup_programme",
    "backup_programme_to",
    "check_programme",
    "explain_failure",
    "is_server_text",
    "new_programme",
    "open_programme",
    "parse_location",
    "parse_server",
    "programme_problems",
    "pull_programme",
    "push_programme",
    "same_location",
    "server_lost",
    "shown_location",
]

APP_NAME = "Booster Desktop"


def new_programme(path: Location, *, title: str | None = None, replace: bool = False) -> None:
    """Write an empty programme file (countries only), titled after the file unless told; or
    make one in a server's empty database.

    `replace` replaces another kind of file the user chose to overwrite; a programme file is
    never replaced by an empty one.
    """
    if isinstance(path, ServerAddress):
        create_on_server(path, title=title or path.database)
        return
    path = Path(path)
    if exists(path) and not replace:
        raise BoosterError(_("{path}: already exists").format(path=path))
    check_output_path(path)
    create_programme_file(path, title=title or path.stem, replace=replace)


def open_programme(
    path: Location | str,
    *,
    writable: bool = False,
    read_only_fallback: bool = False,
    door_may: bool = False,
) -> ProgrammeFile:
    """Open a programme (a file or on a server), validated and migrated; `writable` takes a
    file's lock.

    With `read_only_fallback`, a file on a read-only disk opens for reading, with the reason in
    `read_only_reason`, instead of being refused. A server address without a password gets
    the one kept for it in the keyring, if any (else libpq's own: its password file).

    A login that is door staff on the server (`ProgrammeFile.door_only`) is refused in one
    line unless the caller is check-in work (`door_may`): the server would refuse most of
    what another command does, halfway through.
    """
    location = parse_location(path)
    if isinstance(location, ServerAddress):
        from booster_desktop.services.passwords import with_kept_password

        location = with_kept_password(location)
    programme = open_programme_file(
        location, writable=writable, read_only_fallback=read_only_fallback
    )
    if programme.door_only and not door_may:
        programme.close()
        raise BoosterError(
            _(
                "{path}: {user} is door staff here and may only check people in (`booster "
                "checkin record`, `booster checkin send`, `booster list sessions`); ask a "
                "coordinator"
            ).format(path=programme.path, user=getattr(programme.path, "user", ""))
        )
    # A file's day's first backup, earlier ones moved into its folder. A server is backed up
    # by its administrator (pg_dump); bulk changes still pull a copy first (`backup_before`).
    if programme.writable and not programme.on_server:
        from booster_desktop.services.backups import after_opening

        after_opening(programme)
    return programme


def same_location(one: Location, other: Location) -> bool:
    """Whether two locations are the same programme (a file by any name; a server by its
    address without password)."""
    if isinstance(one, Path) and isinstance(other, Path):
        return one.resolve() == other.resolve()
    return str(one) == str(other)


def push_programme(source: Path, target: ServerAddress) -> dict[str, int]:
    """Copy a programme file into a server's empty database, every table with its ids, in
    one transaction; returns the rows copied per table."""
    from booster_desktop.services.passwords import with_kept_password

    with open_programme_file(Path(source), migrate=False) as programme:
        return push_to_server(programme, with_kept_password(target))


def pull_programme(source: ServerAddress, target: Path) -> dict[str, int]:
    """Write the programme on a server into a new programme file (never over a file)."""
    target = Path(target)
    if exists(target):
        raise BoosterError(
            _("{target}: already exists; pull into a new file").format(target=target)
        )
    check_output_path(target)
    with open_programme(source) as programme:
        return pull_from_server(programme, target)


def check_programme(path: Location) -> str | None:
    """The first problem of a programme file, or None when every check passes."""
    problems = programme_problems(path, limit=1)
    return problems[0] if problems else None


def programme_problems(path: Location, *, limit: int = 200) -> list[str]:
    """Every problem of a programme, one a line (at most `limit`); empty when it passes."""
    from booster_desktop.store.integrity import problems

    location = parse_location(path)
    if isinstance(location, ServerAddress):
        from booster_desktop.services.passwords import with_kept_password

        location = with_kept_password(location)
    return problems(location, limit=limit)


def server_lost(location: object, error: BaseException) -> BoosterError | None:
    """A read that failed because the programme's server went out of reach mid-way (stopped,
    the link dropped), said in one line as when it cannot be reached at all; None for any
    other error."""
    from booster_desktop.store.server import cannot_reach, is_unreachable

    if not isinstance(location, ServerAddress) or not is_unreachable(error):
        return None
    return BoosterError(cannot_reach(location, error))


def explain_failure(path: Location) -> BoosterError | None:
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


def backup_programme(path: Location, target: Path) -> None:
    """A consistent copy of the programme as a file at `target` (written aside, then renamed);
    of a programme on a server, a pull."""
    location, target = parse_location(path), Path(target)
    check_output_path(target, programme=location if isinstance(location, Path) else None)
    with open_programme(location) as programme:
        backup_programme_to(programme, target)


def backup_folder(path: Location, uuid: str | None = None) -> Path:
    """The folder in the user's data folder that keeps the backups of one programme: named
    after the programme's UUID when it has one, else after its name and place."""
    from platformdirs import user_data_path

    if uuid:
        key = uuid
    elif isinstance(path, ServerAddress):
        where = path.key.encode("utf-8")
        key = f"{path.database[:40]}-{hashlib.sha256(where).hexdigest()[:12]}"
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
