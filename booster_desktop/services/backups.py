"""Kept backups: made when a programme is opened (at most once a day), before an upgrade and
before every bulk change, kept in the user's data folder (a folder per programme), the last
`backup_count` of them, with an index of what each holds and why it was made.

The index (`backups.json` in the folder) is a record of the files, never the only one: a
backup file the index does not name is still listed (read from its name and counted), and an
entry whose file is gone is dropped, so a lost or stale index loses no backup.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import sys
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from booster_desktop.domain.disk import AlreadyExists
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import N_, _, ngettext
from booster_desktop.services.programme import backup_folder
from booster_desktop.store import kept_copies
from booster_desktop.store.programme_file import ProgrammeFile

__all__ = [
    "WHY",
    "KeptBackup",
    "adopt_earlier_backups",
    "backup_before",
    "backup_file_before_replacing",
    "backup_on_open",
    "delete_backup",
    "folder_of",
    "list_backups",
    "reindex_backup",
    "settle",
]

_log = logging.getLogger(__name__)

# Why a backup was made, and how the window says it.
WHY: dict[str, str] = {
    "open": N_("when the file was opened"),
    "migration": N_("before an upgrade"),
    "import": N_("before an import"),
    "allocation": N_("before an allocation"),
    "merge": N_("before a merge"),
    "delete-tour": N_("before a tour was deleted"),
    "erase": N_("before a person was erased"),
    "restore": N_("before a restore"),
    "demo": N_("before a fresh demo"),
}
INDEX = "backups.json"
SUFFIX = ".booster"
_STAMP = "%Y-%m-%d %H%M%S"
_NAME = re.compile(
    r"^(?P<title>.*) (?P<stamp>\d{4}-\d\d-\d\d \d{6})(?: (?P<number>\d+))? "
    r"(?P<why>[a-z]+(?:-[a-z]+)*)(?P<damaged> damaged)?\.booster$"
)
# The names earlier versions gave backups beside the programme (and the demo's, in the folder).
_EARLIER = re.compile(
    r"^(?P<stem>.*) \(before (?P<what>upgrade|allocation|a fresh demo) "
    r"(?P<stamp>\d{4}-\d\d-\d\d \d{6})(?: \d+)?\)(?: not applied)?(?P<suffix>\.[^.]*)?$"
)
_EARLIER_WHY = {"upgrade": "migration", "allocation": "allocation", "a fresh demo": "demo"}
# Within one process, one writer of an index at a time (the other processes: an OS lock).
_INDEX_LOCK = threading.RLock()
_NAMING = threading.Lock()
# The checks of backups made by this process, run one after another on a worker thread.
_PENDING: list[Future[None]] = []
_PENDING_LOCK = threading.Lock()
_WORKER: ThreadPoolExecutor | None = None


@dataclass(frozen=True)
class KeptBackup:
    """One kept backup: its file, when and why it was made, and what it holds."""

    path: Path
    made_at: datetime  # aware, local time
    why: str
    counts: Mapping[str, int] = field(default_factory=dict)
    damaged: bool = False  # copied byte for byte: SQLite could not read it whole

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def why_words(self) -> str:
        return _(WHY[self.why]) if self.why in WHY else self.why

    def counts_words(self) -> str:
        return counts_words(self.counts)


def counts_words(counts: Mapping[str, int]) -> str:
    """'24 managers, 4 tours, 48 enrolments, 0 check-ins' (what could be counted)."""

    def words(key: str, count: int) -> str:
        said = {
            "managers": ngettext("{count} manager", "{count} managers", count),
            "tours": ngettext("{count} tour", "{count} tours", count),
            "enrolments": ngettext("{count} enrolment", "{count} enrolments", count),
            "checkins": ngettext("{count} check-in", "{count} check-ins", count),
        }
        return said[key].format(count=f"{count:,}")

    keys = ("managers", "tours", "enrolments", "checkins")
    parts = [words(k, counts[k]) for k in keys if k in counts]
    return ", ".join(parts) if parts else _("not readable")


# -- the folder and its index -----------------------------------------------------------------


def keep_count() -> int:
    """How many backups of each programme are kept (the `backup_count` setting)."""
    from booster_desktop.services.settings import BACKUP_COUNT, laptop_value

    return laptop_value(BACKUP_COUNT)


def folder_of(uuid: str) -> Path:
    """The folder holding the backups of the programme with this UUID."""
    return backup_folder(Path(), uuid)


def list_backups(uuid: str) -> list[KeptBackup]:
    """The kept backups of a programme, newest first (those this process is still checking
    once checked)."""
    settle()
    return _scan(folder_of(uuid))


def _listing(folder: Path) -> list[str]:
    try:
        return sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.is_file() and not entry.name.startswith(".")
        )
    except OSError:
        return []


def _scan(folder: Path, known: Mapping[str, KeptBackup] | None = None) -> list[KeptBackup]:
    names = _listing(folder)
    indexed = _indexed(folder)
    found = []
    for name in names:
        if name == INDEX or name.endswith(("-wal", "-shm", "-journal")):
            continue
        backup = (known or {}).get(name) or indexed.get(name) or _from_name(folder / name)
        if backup is not None:
            found.append(backup)
    return sorted(found, key=_age, reverse=True)


def _age(backup: KeptBackup) -> tuple[datetime, int]:
    """Backups in the order they were made: by time, then by the number that tells apart
    two made in the same second."""
    match = _NAME.match(backup.name)
    return backup.made_at, int(match["number"]) if match and match["number"] else 1


def _indexed(folder: Path) -> dict[str, KeptBackup]:
    document = kept_copies.read_index(folder / INDEX)
    entries = document.get("backups")
    found: dict[str, KeptBackup] = {}
    for entry in entries if isinstance(entries, list) else []:
        try:
            name = str(entry["file"])
            counts = {str(k): int(v) for k, v in dict(entry.get("counts", {})).items()}
            found[name] = KeptBackup(
                folder / name,
                datetime.fromisoformat(str(entry["made_at"])).astimezone(),
                str(entry["why"]),
                counts,
                bool(entry.get("damaged", False)),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # an entry edited by hand: the file is still listed, from its name
    return found


def _from_name(path: Path) -> KeptBackup | None:
    """A backup file the index does not name (an index lost or written by another process,
    an earlier version's backup): what its name says, and its counts read afresh."""
    match = _NAME.match(path.name)
    if match is not None:
        why, damaged = match["why"], bool(match["damaged"])
    else:
        match = _EARLIER.match(path.name)
        if match is None:
            return None
        why, damaged = _EARLIER_WHY[match["what"]], False
    made_at = datetime.strptime(match["stamp"], _STAMP).astimezone()
    counts = {} if damaged else kept_copies.count_rows(path)
    return KeptBackup(path, made_at, why, counts, damaged)


def _entry(backup: KeptBackup) -> dict[str, object]:
    return {
        "file": backup.name,
        "made_at": backup.made_at.isoformat(timespec="seconds"),
        "why": backup.why,
        "damaged": backup.damaged,
        "counts": dict(backup.counts),
    }


@contextlib.contextmanager
def _index_locked(folder: Path) -> Iterator[None]:
    """One writer of a folder's index at a time, across threads and processes."""
    with _INDEX_LOCK:
        if sys.platform == "win32":  # the index heals itself from the files: no OS lock there
            yield
            return
        import fcntl

        descriptor = os.open(folder / ".backups.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)


def _record(
    folder: Path, uuid: str | None, added: KeptBackup | None, keep: int | None = None
) -> list[KeptBackup]:
    """Add `added` to the folder's index, prune to the kept number, rewrite the index.

    Good and damaged backups are counted apart, so a damaged copy never pushes a good
    backup out. The backup just made is never pruned.
    """
    keep = keep_count() if keep is None else keep
    with _index_locked(folder):
        known = {added.name: added} if added is not None else {}
        backups = _scan(folder, known)
        kept: list[KeptBackup] = []
        for damaged in (False, True):
            of_kind = [b for b in backups if b.damaged == damaged]
            for number, backup in enumerate(of_kind):
                if number < keep or (added is not None and backup.name == added.name):
                    kept.append(backup)
                    continue
                try:
                    kept_copies.delete_copy(backup.path)
                except BoosterError as error:
                    _log.warning("could not remove an old backup: %s", error)
                    kept.append(backup)
        kept.sort(key=_age, reverse=True)
        document: dict[str, object] = {"programme": uuid, "backups": [_entry(b) for b in kept]}
        kept_copies.write_index(folder / INDEX, document)
    return kept


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from booster_desktop.domain.disk import disk_error

        raise disk_error(folder / INDEX, error) from None


def _title_for_name(title: str | None, fallback: str) -> str:
    """The programme's title as a file name's start: no path separators or control
    characters, at most 60 characters."""
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title or "").strip(" .")
    text = " ".join(text.split())[:60].strip(" .")
    return text or fallback[:60] or "programme"


def _names(folder: Path, title: str, made_at: datetime, why: str) -> tuple[Path, Path]:
    """A new backup's name, and its name should the copy turn out damaged; never one in use."""
    stamp = made_at.strftime(_STAMP)
    # After the last one made in the same second, even if older ones were pruned since.
    numbers = [
        int(match["number"] or 1)
        for entry in _listing(folder)
        if (match := _NAME.match(entry)) and match["stamp"] == stamp
    ]
    number = max(numbers, default=0) + 1
    while True:
        middle = stamp if number == 1 else f"{stamp} {number}"
        good = folder / f"{title} {middle} {why}{SUFFIX}"
        bad = folder / f"{title} {middle} {why} damaged{SUFFIX}"
        # lexists: a dangling link holds a name too (a hard link onto it is refused).
        if not os.path.lexists(good) and not os.path.lexists(bad):
            return good, bad
        number += 1


# How many names a backup tries when other processes keep taking the one it chose first.
_NAME_ATTEMPTS = 100


def _make_under_a_new_name(
    folder: Path,
    title: str | None,
    stem: str,
    made_at: datetime,
    why: str,
    write: Callable[[Path, Path], Path],
) -> tuple[Path, Path]:
    """Write a backup with `write(good, bad)` (it returns where it went) under a name no file
    has. Another process (a second command on this laptop, in the same second) may take the
    name between choosing it and putting the copy there: the copy is never put over it
    (written aside, then linked exclusively into place) and is made again under the next
    name (two threads of this process take turns). The name starts with the programme's
    `title` (its file's `stem` when it has none). Returns where it went and its name should
    it turn out damaged."""
    start = _title_for_name(title, stem)
    with _NAMING:
        for _attempt in range(_NAME_ATTEMPTS):
            good, bad = _names(folder, start, made_at, why)
            try:
                return write(good, bad), bad
            except AlreadyExists as taken:
                if taken.path not in (good, bad):
                    raise
    raise AlreadyExists(good)


# -- making backups ---------------------------------------------------------------------------


# The UUID and title of each open programme, read once: a programme that goes bad while
# open is still backed up into its own folder.
_IDENTITIES: weakref.WeakKeyDictionary[Engine, tuple[str | None, str | None]] = (
    weakref.WeakKeyDictionary()
)


def _identity(programme: ProgrammeFile) -> tuple[str | None, str | None]:
    from sqlalchemy.exc import DBAPIError

    known = _IDENTITIES.get(programme.engine)
    if known is not None and known[0] is not None:
        return known
    try:
        with programme.engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT uuid, title FROM programme").one()
    except DBAPIError:  # a file from before programmes had one, or one gone bad
        return known or (None, None)
    identity = (str(row[0]) if row[0] else None), (str(row[1]) if row[1] else None)
    _IDENTITIES[programme.engine] = identity
    return identity


def backup_before(programme: ProgrammeFile, why: str) -> KeptBackup | None:
    """Back up the open programme into its backup folder before a change (`why`: one of
    `WHY`), keep the last `backup_count`, and return the backup.

    The change waits only for the copy to be on disk: checking it (SQLite's `quick_check`),
    counting what it holds, indexing it and pruning the oldest follow on a worker thread
    (`settle()` waits for them; listing does). A copy that fails the check is renamed to say
    it is damaged and counted apart from the good ones. None when the programme has no file
    on this computer to back up. Refused (a one-line BoosterError) when the copy cannot be
    written: the change that asked for it should not go ahead.
    """
    if why not in WHY:
        raise ValueError(f"unknown reason for a backup: {why!r}")
    path = programme.path
    if isinstance(path, Path) and not path.is_file():
        return None
    uuid, title = _identity(programme)
    folder = backup_folder(path, uuid)
    _make_folder(folder)
    made_at = datetime.now().astimezone().replace(microsecond=0)

    def write(good: Path, _bad: Path) -> Path:
        if isinstance(path, Path):
            kept_copies.back_up_online(programme.engine, good)
        else:  # a programme on a server: pulled into a file, which is the backup
            from booster_desktop.services.programme import backup_programme_to

            backup_programme_to(programme, good)
        return good

    good, bad = _make_under_a_new_name(folder, title, programme.stem, made_at, why, write)
    backup = KeptBackup(good, made_at, why)
    _later(_check, folder, uuid, backup, bad, keep_count())
    return backup


def _check(folder: Path, uuid: str | None, backup: KeptBackup, bad: Path, keep: int) -> None:
    sound, counts = kept_copies.check_and_count(backup.path)
    if sound:
        checked = replace(backup, counts=counts)
    else:
        kept_copies.rename_durably(backup.path, bad)
        checked = replace(backup, path=bad, damaged=True)
        _log.warning("a backup failed SQLite's check: kept as %s", bad)
    _record(folder, uuid, checked, keep)


def _later(work: Callable[..., None], *args: object) -> None:
    """Run `work(*args)` on the backups' worker thread (joined when the process exits)."""
    global _WORKER
    with _PENDING_LOCK:
        if _WORKER is None:
            _WORKER = ThreadPoolExecutor(1, thread_name_prefix="backup-check")
        _PENDING.append(_WORKER.submit(work, *args))


def settle() -> None:
    """Wait until every backup made by this process is checked, counted and indexed."""
    while True:
        with _PENDING_LOCK:
            if not _PENDING:
                return
            pending = _PENDING.pop(0)
        try:
            pending.result()
        except (BoosterError, OSError) as error:
            _log.warning("a backup could not be checked or indexed: %s", error)


def backup_file_before_replacing(path: Path, why: str, uuid: str | None = None) -> KeptBackup:
    """Back up the programme file at `path`, about to be replaced (a fresh demo, a restore):
    the caller holds its lock and has not opened it. A damaged file is copied byte for byte
    under a name that says so, into the folder of `uuid` when the file cannot say its own."""
    settle()
    found, title = kept_copies.read_identity(path)
    uuid = found or uuid
    folder = backup_folder(path, uuid)
    _make_folder(folder)
    made_at = datetime.now().astimezone().replace(microsecond=0)
    made, bad = _make_under_a_new_name(
        folder, title, path.stem, made_at, why, functools.partial(kept_copies.back_up_file, path)
    )
    counts = {} if made == bad else kept_copies.count_rows(made)
    backup = KeptBackup(made, made_at, why, counts, damaged=made == bad)
    _record(folder, uuid, backup)
    return backup


def backup_on_open(programme: ProgrammeFile) -> KeptBackup | None:
    """The backup made when a programme is opened for writing: at most one a day."""
    if not programme.writable:
        return None
    uuid, _title = _identity(programme)
    if uuid is None:
        return None
    today = datetime.now().astimezone().date()
    if any(b.why == "open" and b.made_at.date() == today for b in list_backups(uuid)):
        return None
    return backup_before(programme, "open")


def adopt_earlier_backups(programme: ProgrammeFile) -> list[KeptBackup]:
    """Move the backups earlier versions made beside the programme (before an upgrade,
    before an allocation) into its backup folder. Returns them, moved.

    Only files with this programme's name, that are programme files of this programme (or
    of one from before programmes had a UUID); anything else is left where it is.
    """
    path = programme.path
    if not isinstance(path, Path):
        return []  # nothing is ever kept beside a programme on a server
    uuid, title = _identity(programme)
    if uuid is None or not programme.writable:
        return []
    folder = backup_folder(path, uuid)
    try:
        candidates = [
            entry.name
            for entry in os.scandir(path.parent)
            if entry.is_file() and entry.name.startswith(f"{path.stem} (before ")
        ]
    except OSError:
        return []
    settle()
    moved: list[KeptBackup] = []
    for name in sorted(candidates):
        match = _EARLIER.match(name)
        if match is None or match["stem"] != path.stem or (match["suffix"] or "") != path.suffix:
            continue
        source = path.parent / name
        try:
            checked = kept_copies.check_copy(source)
        except BoosterError:
            continue  # not a sound programme file: not ours to move
        if checked.uuid not in (None, uuid):
            continue
        made_at = datetime.strptime(match["stamp"], _STAMP).astimezone()
        why = _EARLIER_WHY[match["what"]]
        _make_folder(folder)
        move = functools.partial(_moved, source)
        good, _bad = _make_under_a_new_name(folder, title, path.stem, made_at, why, move)
        moved.append(KeptBackup(good, made_at, why, kept_copies.count_rows(good)))
        if programme.backup_path is not None and programme.backup_path.name == name:
            programme.backup_path = good
    for backup in moved:
        _record(folder, uuid, backup)
    return moved


def _moved(source: Path, target: Path, _damaged: Path) -> Path:
    kept_copies.move_file(source, target)
    return target


def after_opening(programme: ProgrammeFile) -> None:
    """What opening a programme for writing does to its backups: earlier ones beside it
    (the one made before an upgrade just now included) move into its folder, and the day's
    first opening makes one. A backup that cannot be made does not stop the opening: it is
    logged, and the next bulk change (which refuses to go ahead without one) says why."""
    try:
        adopt_earlier_backups(programme)
        backup_on_open(programme)
    except BoosterError as error:
        _log.warning("no backup of %s on opening it: %s", programme.path, error)


# -- changing kept backups --------------------------------------------------------------------


def delete_backup(backup: KeptBackup) -> None:
    """Remove a kept backup and its entry in the index."""
    settle()
    folder = backup.path.parent
    kept_copies.delete_copy(backup.path)
    uuid = kept_copies.read_index(folder / INDEX).get("programme")
    _record(folder, str(uuid) if uuid else None, None)


def reindex_backup(backup: KeptBackup) -> KeptBackup:
    """Count a kept backup afresh after it was changed in place (a person erased from it)."""
    settle()
    if not backup.path.is_file():
        raise BoosterError(_("{path}: no such backup").format(path=backup.path))
    folder = backup.path.parent
    counted = replace(backup, counts=kept_copies.count_rows(backup.path))
    uuid = kept_copies.read_index(folder / INDEX).get("programme")
    with _index_locked(folder):
        kept = _scan(folder, {counted.name: counted})
        document: dict[str, object] = {
            "programme": str(uuid) if uuid else None,
            "backups": [_entry(b) for b in kept],
        }
        kept_copies.write_index(folder / INDEX, document)
    return counted


# -- restoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    """A restore done: the programme, what it was restored from, the backup of the state it
    replaced, and what it holds now."""

    path: Path
    source: Path
    replaced: KeptBackup
    counts: Mapping[str, int]


def find_backup(path: Path, reference: str | Path) -> Path:
    """The backup a user named: a file name `list_backups` gives for the programme at
    `path`, or the path of a backup file (an encrypted copy too)."""
    reference = Path(reference)
    if reference.is_file():
        return reference
    if reference.is_dir():
        raise BoosterError(_("{reference}: is a folder, not a backup").format(reference=reference))
    if reference.name == str(reference):  # a bare name: one from the programme's folder
        uuid = _uuid_of(path) if path.is_file() else None
        if uuid is not None:
            kept = folder_of(uuid) / reference.name
            if kept.is_file():
                return kept
    raise BoosterError(
        _("{reference}: no such backup of {path} (`booster backup list {path}` names them)").format(
            reference=reference, path=path
        )
    )


def restore_backup(path: Path, backup: Path, *, passphrase: str | None = None) -> Restored:
    """Put a backup (or an encrypted copy, with its passphrase) in place of the programme at
    `path`, after backing up the programme as it is (why `restore`).

    Refused in one line, with nothing changed: a backup that is not a sound programme, or
    is one of another programme, or is the programme itself; a programme that another window
    or command holds (its lock); an encrypted copy without its passphrase or with a wrong
    one. The programme must not be open in this process either: the window closes it first.
    """
    from booster_desktop.services.encrypted_copies import (
        PASSPHRASE_VARIABLE,
        decrypt_to_partial,
        is_encrypted_copy,
    )
    from booster_desktop.store.lock import ProgrammeLock

    path, backup = Path(path), Path(backup)
    if not path.is_file():
        raise BoosterError(
            _("{path}: no such file").format(path=path)
            if not path.is_dir()
            else _("{path}: is a folder").format(path=path)
        )
    if not backup.is_file():
        raise BoosterError(_("{backup}: no such backup").format(backup=backup))
    with contextlib.suppress(OSError):
        if path.samefile(backup):
            raise BoosterError(
                _("{backup}: is the programme itself, not a backup of it").format(backup=backup)
            )
    decrypted: Path | None = None
    try:
        source = backup
        if is_encrypted_copy(backup):
            if passphrase is None:
                raise BoosterError(
                    _(
                        "{backup}: is an encrypted copy; its passphrase is needed: give it "
                        "with --passphrase-file F or the {variable} environment variable, "
                        "or run the command in a terminal to be asked"
                    ).format(backup=backup, variable=PASSPHRASE_VARIABLE)
                )
            decrypted = source = decrypt_to_partial(backup, path, passphrase)
        try:
            checked = kept_copies.check_copy(source)
        except BoosterError as error:
            reason = str(error).removeprefix(f"{source}: ")
            raise BoosterError(
                _("{backup}: cannot be restored: {reason}").format(backup=backup, reason=reason)
            ) from None
        ours, _title = kept_copies.read_identity(path)
        if checked.uuid is not None and ours is not None and checked.uuid != ours:
            raise BoosterError(
                _(
                    "{backup}: is a backup of another programme ({value}); open it on its "
                    "own instead"
                ).format(backup=backup, value=checked.title or "untitled")
            )
        lock = ProgrammeLock.acquire(path)  # refused while another window or command has it
        try:
            replaced = backup_file_before_replacing(path, "restore", checked.uuid)
            kept_copies.put_in_place(source, path)
        finally:
            lock.release()
    finally:
        if decrypted is not None:
            from booster_desktop.store.durable import remove_database_files

            remove_database_files(decrypted)
    return Restored(path, backup, replaced, kept_copies.count_rows(path))


def backups_of(path: Path) -> list[KeptBackup]:
    """The kept backups of the programme file at `path`, newest first (it need not open: a
    damaged programme's backups are what its user wants)."""
    from booster_desktop.store.header import check_header

    path = Path(path)
    try:
        check_header(path)
    except BoosterError as error:
        if _("is damaged") not in str(error):
            raise
    settle()
    return _scan(backup_folder(path, _uuid_of(path)))


_UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_CHUNK = 1 << 20


def _uuid_of(path: Path) -> str | None:
    """The programme's UUID, read by SQLite; for a file too damaged for that (the page of its
    programme row, its schema), the one UUID written in its bytes that names a backup folder
    on this laptop: a damaged programme's backups are when a restore is most wanted."""
    uuid, _title = kept_copies.read_identity(path)
    if uuid is not None:
        return uuid
    root = folder_of("-").parent
    found: set[str] = set()
    try:
        with path.open("rb") as stream:
            tail = b""
            while chunk := stream.read(_CHUNK):
                found.update(m.decode() for m in _UUID.findall(tail + chunk))
                tail = chunk[-35:]  # a UUID split between two chunks
    except OSError:
        return None
    kept = [uuid for uuid in found if (root / uuid).is_dir()]
    return kept[0] if len(kept) == 1 else None
