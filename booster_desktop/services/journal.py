"""Check-in journals: what one laptop recorded, carried to another on a stick, merged offline.

A journal is JSON lines: a header naming the programme (its UUID, the same on every copy) and
the format's version, one line per check-in, and an end line with the count (so a cut file is
seen). Managers are named by badge token and sessions by their UUID, never by local ids, which
differ between copies that were edited apart.

Merging is a union of check-ins by their own id (drawn by the recording device), where a void
on either side wins: merging twice changes nothing, and the order of merges does not matter.
A person checked in on both laptops keeps both rows; counts take them once, at the earliest
time. A journal that is not one, is cut, comes from another programme or a newer version is
refused whole, before anything is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, Row, insert, select, update

from booster_desktop.domain.badge import BadgeToken
from booster_desktop.domain.base import utc_now
from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.moments import NoOffset, moment_with_offset
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.session import TourSession
from booster_desktop.domain.tour import Tour
from booster_desktop.exports.files import write_atomically
from booster_desktop.i18n import _
from booster_desktop.services.changes import Action, report
from booster_desktop.services.checkin import default_device
from booster_desktop.store.chunks import chunks
from booster_desktop.store.open_files import refuse_if_open_here
from booster_desktop.store.programme_file import ProgrammeFile

FORMAT = "booster-checkin-journal"
FORMAT_VERSION = 1
# A journal of a large programme's whole tour season is a few MB; a file far larger is not one.
LARGEST_JOURNAL = 200 * 1024 * 1024
_SQLITE_MAGIC = b"SQLite format 3\x00"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# JSON's true and false only (`x in (True, False)` would let 0 and 1 through; identity not).
_FLAGS = (True, False)


@dataclass(frozen=True, slots=True)
class Entry:
    """One check-in as a journal carries it, named by keys every copy shares."""

    id: str
    session: str  # the session's UUID
    tokens: tuple[str, ...]  # the manager's badge tokens, the one in force first
    at: datetime
    device: str
    voided: bool
    admitted_unregistered: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session": self.session,
            "manager": self.tokens[0],
            "tokens": list(self.tokens[1:]),
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "device": self.device,
            "voided": self.voided,
            "admitted_unregistered": self.admitted_unregistered,
        }


@dataclass
class MergeReport:
    """What a merge did, and the people both laptops checked in at the same session."""

    added: int = 0
    voided: int = 0
    unchanged: int = 0
    # (session id, manager id) checked in here and in the journal by different devices.
    on_both: list[Overlap] = field(default_factory=list)

    def summary(self) -> str:
        both = (
            _("; {count} checked in on both laptops").format(count=len(self.on_both))
            if self.on_both
            else ""
        )
        return _(
            "Merged: {added} check-ins added, {voided} voided, {unchanged} already here{both}"
        ).format(added=self.added, voided=self.voided, unchanged=self.unchanged, both=both)


@dataclass(frozen=True, slots=True)
class Overlap:
    """A person checked in at one session on both laptops: times and devices side by side."""

    session_id: int
    session_title: str
    manager_id: int
    name: str
    here: tuple[tuple[datetime, str], ...]
    there: tuple[tuple[datetime, str], ...]


# -- export --------------------------------------------------------------------------------------


def _programme_uuid(connection: Connection) -> str:
    return str(connection.scalar(select(Programme.uuid)))


def _token_lists(connection: Connection) -> dict[int, tuple[str, ...]]:
    """Every manager's badge tokens, the one in force first, then the newest revoked ones."""
    rows = connection.execute(
        select(BadgeToken.manager_id, BadgeToken.token).order_by(
            BadgeToken.manager_id, BadgeToken.revoked_at.is_not(None), BadgeToken.issued_at.desc()
        )
    )
    tokens: dict[int, list[str]] = {}
    for manager_id, token in rows:
        tokens.setdefault(manager_id, []).append(token)
    return {m: tuple(t) for m, t in tokens.items()}


def journal_entries(programme: ProgrammeFile) -> tuple[str, list[Entry]]:
    """The programme's UUID and every check-in as a journal entry, oldest first."""
    with programme.engine.connect() as connection:
        programme_uuid = _programme_uuid(connection)
        tokens = _token_lists(connection)
        rows = connection.execute(
            select(
                CheckIn.id,
                TourSession.uuid,
                CheckIn.manager_id,
                CheckIn.recorded_at,
                CheckIn.device,
                CheckIn.voided,
                CheckIn.admitted_unregistered,
            )
            .join(TourSession, TourSession.id == CheckIn.session_id)
            .order_by(CheckIn.recorded_at, CheckIn.id)
        ).all()
    entries = []
    for checkin_id, session_uuid, manager_id, at, device, voided, admitted in rows:
        if manager_id not in tokens:
            raise BoosterError(
                _(
                    "manager {manager_id} has no badge token: issue one before exporting, "
                    "so that another laptop can tell who was checked in"
                ).format(manager_id=manager_id)
            )
        entries.append(
            Entry(
                checkin_id,
                session_uuid,
                tokens[manager_id],
                at,
                device,
                bool(voided),
                bool(admitted),
            )
        )
    return programme_uuid, entries


def write_journal(target: Path, programme_uuid: str, entries: list[Entry]) -> None:
    """Write `entries` as a journal at `target` (atomically)."""

    def write(stream: BinaryIO) -> None:
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "programme": programme_uuid,
            "exported_at": utc_now().isoformat(timespec="seconds"),
            "device": default_device(),
            "checkins": len(entries),
        }
        stream.write(_line(header))
        for entry in entries:
            stream.write(_line(entry.as_json()))
        stream.write(_line({"end": FORMAT, "checkins": len(entries)}))

    write_atomically(target, write)


def _line(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def export_journal(programme: ProgrammeFile, target: Path) -> int:
    """Write the programme's check-ins and voids as a journal; returns how many."""
    from booster_desktop.services.output_paths import check_output_path

    target = check_output_path(Path(target), programme=programme.file)
    if programme.file and target.exists() and target.resolve() == programme.file.resolve():
        raise BoosterError(
            _("{target}: is the programme file itself; choose another name").format(target=target)
        )
    if target.is_file():
        with target.open("rb") as stream:
            if stream.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC:
                raise BoosterError(
                    _("{target}: is a database (a programme?); choose another name").format(
                        target=target
                    )
                )
    programme_uuid, entries = journal_entries(programme)
    write_journal(target, programme_uuid, entries)
    return len(entries)


# -- reading -------------------------------------------------------------------------------------


def _refuse(path: Path, why: str) -> BoosterError:
    return BoosterError(_("{path}: {why}; nothing was merged").format(path=path, why=why))


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    if not path.exists():
        raise BoosterError(_("{path}: no such file").format(path=path))
    if path.is_dir():
        raise BoosterError(_("{path}: is a folder, not a check-in journal").format(path=path))
    refuse_if_open_here(path, _("a check-in journal"))
    try:
        if path.stat().st_size > LARGEST_JOURNAL:
            raise _refuse(path, _("is far too large to be a check-in journal"))
        data = path.read_bytes()
    except OSError as error:
        raise BoosterError(
            _("{path}: cannot be read ({value})").format(path=path, value=error.strerror or error)
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(path, _("is not a check-in journal (not UTF-8 text)")) from None
    if not text:
        raise _refuse(path, _("is empty, not a check-in journal"))
    if not text.endswith("\n"):
        raise _refuse(path, _("is cut short (its last line is incomplete)"))
    yield from enumerate(text.splitlines(), 1)


def _object(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        document = json.loads(line)
    except (ValueError, RecursionError):  # nested past Python's limit: not a journal line
        raise _refuse(path, _("line {number} is not valid JSON").format(number=number)) from None
    if not isinstance(document, dict):
        raise _refuse(path, _("line {number} is not a JSON object").format(number=number))
    return document


def _text(path: Path, number: int, document: dict[str, Any], key: str, limit: int) -> str:
    value = document.get(key)
    if type(value) is not str or not 0 < len(value) <= limit or value.isspace():
        raise _refuse(
            path, _("line {number}: {key!r} is missing or not valid").format(number=number, key=key)
        )
    return value


def read_journal(path: Path) -> tuple[str, list[Entry]]:
    """The programme UUID a journal names and its entries, or a refusal saying why."""
    path = Path(path)
    header: dict[str, Any] | None = None
    entries: list[Entry] = []
    ended = False
    for number, line in _lines(path):
        if ended:
            raise _refuse(
                path, _("line {number} comes after the journal's end").format(number=number)
            )
        document = _object(path, number, line)
        if header is None:
            header = _header(path, document)
            continue
        if "end" in document:
            if document.get("checkins") != len(entries) or document.get("end") != FORMAT:
                raise _refuse(path, _("is damaged (its end line does not match its check-ins)"))
            ended = True
            continue
        entries.append(_entry(path, number, document))
    if header is None:
        raise _refuse(path, _("is empty, not a check-in journal"))
    if not ended:
        announced = header.get("checkins")
        if isinstance(announced, int) and len(entries) > announced:
            raise _refuse(
                path,
                _(
                    "is damaged ({count} check-ins where its header says {announced}, and "
                    "no end line); export it again"
                ).format(count=len(entries), announced=announced),
            )
        raise _refuse(
            path,
            _("is cut short ({count} of {value} check-ins, no end line); export it again").format(
                count=len(entries), value=announced if announced is not None else "?"
            ),
        )
    if header.get("checkins") != len(entries):
        raise _refuse(path, _("is damaged (its header and its check-ins disagree)"))
    return str(header["programme"]), entries


def _header(path: Path, document: dict[str, Any]) -> dict[str, Any]:
    if document.get("format") != FORMAT:
        raise _refuse(path, _("is not a check-in journal (booster checkin export writes them)"))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(path, _("is damaged (its format version is not valid)"))
    if version > FORMAT_VERSION:
        raise _refuse(
            path,
            _(
                "was written by a newer version of Booster Desktop (journal format "
                "{version}); update Booster Desktop to merge it"
            ).format(version=version),
        )
    _text(path, 1, document, "programme", 36)
    if not isinstance(document.get("checkins"), int):
        raise _refuse(path, _("is damaged (its header has no count of check-ins)"))
    return document


def _entry(path: Path, number: int, document: dict[str, Any]) -> Entry:
    checkin_id = document.get("id")
    if not isinstance(checkin_id, str) or not _UUID.match(checkin_id):
        raise _refuse(
            path, _("line {number}: 'id' is missing or not a check-in id").format(number=number)
        )
    others = document.get("tokens", [])
    if not isinstance(others, list) or not all(isinstance(t, str) for t in others):
        raise _refuse(
            path, _("line {number}: 'tokens' must be a list of badge tokens").format(number=number)
        )
    at_text = _text(path, number, document, "at", 40)
    try:
        at = moment_with_offset(at_text)
    except NoOffset:
        raise _refuse(
            path,
            _("line {number}: {at_text!r} has no time zone").format(number=number, at_text=at_text),
        ) from None
    except ValueError:
        raise _refuse(
            path,
            _("line {number}: {at_text!r} is not a moment in time").format(
                number=number, at_text=at_text
            ),
        ) from None
    voided, admitted = document.get("voided"), document.get("admitted_unregistered")
    if voided not in _FLAGS or admitted not in _FLAGS:
        raise _refuse(
            path,
            _("line {number}: 'voided' and 'admitted_unregistered' are true or false").format(
                number=number
            ),
        )
    return Entry(
        checkin_id,
        _text(path, number, document, "session", 36),
        (_text(path, number, document, "manager", 40), *others),
        at if at.tzinfo is UTC else at.astimezone(UTC),
        _text(path, number, document, "device", 120),
        bool(voided),
        bool(admitted),
    )


# -- merge ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Incoming:
    """A check-in to merge, its session and manager found here; `number` says where it came
    from (a journal's line) in a refusal."""

    number: int
    id: str
    session_id: int
    manager_id: int
    at: datetime
    device: str
    voided: bool
    admitted_unregistered: bool


def merge_journal(programme: ProgrammeFile, path: Path) -> MergeReport:
    """Merge another laptop's journal into the programme (a file or a server), in one
    transaction."""
    path = Path(path)
    journal_programme, entries = read_journal(path)
    from booster_desktop.services.backups import backup_before

    def refuse(why: str) -> BoosterError:
        return _refuse(path, why)

    with programme.writing(Action.MERGE) as connection:
        ours = _programme_uuid(connection)
        if journal_programme != ours:
            raise refuse(
                _("comes from another programme (its check-ins name other people and sessions)")
            )
        # (Comprehensions, not dict(): a result has keys(), so dict() would take it for a mapping.)
        sessions = {u: i for u, i in connection.execute(select(TourSession.uuid, TourSession.id))}
        managers = {
            t: m for t, m in connection.execute(select(BadgeToken.token, BadgeToken.manager_id))
        }
        incoming = []
        for number, entry in enumerate(entries, 2):
            session_id = sessions.get(entry.session)
            if session_id is None:
                raise refuse(
                    _("line {number}: session {session} is not in this file").format(
                        number=number, session=entry.session
                    )
                )
            manager_id = next((managers[t] for t in entry.tokens if t in managers), None)
            if manager_id is None:
                raise refuse(
                    _("line {number}: badge {value} is nobody here").format(
                        number=number, value=entry.tokens[0]
                    )
                )
            incoming.append(
                Incoming(
                    number,
                    entry.id,
                    session_id,
                    manager_id,
                    entry.at,
                    entry.device,
                    entry.voided,
                    entry.admitted_unregistered,
                )
            )
        merged = merge_checkins(connection, incoming, refuse)
        if not (merged.added or merged.voided):
            connection.rollback()  # nothing new: no commit, no change for the screens
        else:
            # Only now that the merge is known to write (a refused or empty one makes no
            # backup), from another connection: the programme as committed, before it.
            backup_before(programme, "merge")
    return merged


def merge_checkins(
    connection: Connection, incoming: list[Incoming], refuse: Callable[[str], BoosterError]
) -> MergeReport:
    """The merge itself, inside the caller's write transaction: a union by check-in id where
    a void wins. A check-in already here with the same facts is left as it is, so sending
    the same ones twice (an acknowledgement lost on the way) adds nothing the second time."""
    ids = sorted({row.id for row in incoming})
    columns = (
        CheckIn.id,
        CheckIn.session_id,
        CheckIn.manager_id,
        CheckIn.recorded_at,
        CheckIn.device,
        CheckIn.voided,
        CheckIn.admitted_unregistered,
    )
    existing = {
        row.id: row
        for chunk in chunks(ids)
        for row in connection.execute(select(*columns).where(CheckIn.id.in_(chunk)))
    }
    merged = MergeReport()
    new_rows: dict[str, dict[str, Any]] = {}
    to_void: set[str] = set()
    for entry in incoming:
        number = entry.number
        facts = (
            entry.session_id,
            entry.manager_id,
            entry.at,
            entry.device,
            entry.admitted_unregistered,
        )
        if entry.id in new_rows:  # the same check-in twice in one journal
            row = new_rows[entry.id]
            if _facts(row) != facts:
                raise refuse(
                    _("line {number}: check-in {id} appears twice, unlike").format(
                        number=number, id=entry.id
                    )
                )
            row["voided"] = row["voided"] or entry.voided
            continue
        here = existing.get(entry.id)
        if here is None:
            new_rows[entry.id] = {
                "id": entry.id,
                "session_id": entry.session_id,
                "manager_id": entry.manager_id,
                "recorded_at": entry.at,
                "device": entry.device,
                "voided": entry.voided,
                "admitted_unregistered": entry.admitted_unregistered,
            }
        elif _facts(here._asdict()) != facts:
            raise refuse(
                _("line {number}: check-in {id} is recorded differently here").format(
                    number=number, id=entry.id
                )
            )
        elif entry.voided and not here.voided:
            to_void.add(entry.id)
        else:
            merged.unchanged += 1
    before = _standing_where(connection, new_rows.values())
    report(connection, CheckIn.__tablename__, sorted(to_void), ["voided"])
    if new_rows:
        connection.execute(insert(CheckIn), list(new_rows.values()))
        report(connection, CheckIn.__tablename__, list(new_rows), added=True)
    if to_void:
        connection.execute(
            update(CheckIn).where(CheckIn.id.in_(sorted(to_void))).values(voided=True)
        )
    merged.added, merged.voided = len(new_rows), len(to_void)
    merged.on_both = _overlaps(connection, before, new_rows.values())
    return merged


def _standing_where(
    connection: Connection, new_rows: Iterable[dict[str, Any]]
) -> list[Row[*tuple[Any, ...]]]:
    """The check-ins already here that stand at a (session, manager) the merge brings."""
    pairs = {(r["session_id"], r["manager_id"]) for r in new_rows if not r["voided"]}
    if not pairs:
        return []
    sessions = sorted({s for s, _ in pairs})
    found: list[Row[*tuple[Any, ...]]] = []
    for chunk in chunks(sessions):
        found.extend(
            connection.execute(
                select(
                    CheckIn.session_id,
                    CheckIn.manager_id,
                    CheckIn.recorded_at,
                    CheckIn.device,
                    CheckIn.voided,
                ).where(
                    CheckIn.session_id.in_(chunk),
                    CheckIn.voided.is_(False),
                )
            )
        )
    return [row for row in found if (row.session_id, row.manager_id) in pairs]


def _facts(row: dict[str, Any]) -> tuple[Any, ...]:
    """What a check-in says, apart from whether it was voided (which a merge may change)."""
    return (
        row["session_id"],
        row["manager_id"],
        row["recorded_at"],
        row["device"],
        bool(row["admitted_unregistered"]),
    )


def _overlaps(
    connection: Connection,
    before: Iterable[Row[*tuple[Any, ...]]],
    new_rows: Iterable[dict[str, Any]],
) -> list[Overlap]:
    """People the journal checked in where this file already had them standing."""
    arrived: dict[tuple[int, int], list[tuple[datetime, str]]] = {}
    for row in new_rows:
        if not row["voided"]:
            key = (row["session_id"], row["manager_id"])
            arrived.setdefault(key, []).append((row["recorded_at"], row["device"]))
    here: dict[tuple[int, int], list[tuple[datetime, str]]] = {}
    for old in before:
        key = (old.session_id, old.manager_id)
        if key in arrived and not old.voided:
            here.setdefault(key, []).append((old.recorded_at, old.device))
    if not here:
        return []
    sessions = {s for s, _ in here}
    managers = {m for _, m in here}
    titles = {
        i: f"{code} {title}"
        for i, code, title in connection.execute(
            select(TourSession.id, Tour.code, TourSession.title)
            .join(Tour, Tour.id == TourSession.tour_id)
            .where(TourSession.id.in_(sessions))
        )
    }
    names = {
        i: f"{given} {family}"
        for i, given, family in connection.execute(
            select(Manager.id, Manager.given_name, Manager.family_name).where(
                Manager.id.in_(managers)
            )
        )
    }
    return [
        Overlap(s, titles[s], m, names[m], tuple(sorted(times)), tuple(sorted(arrived[(s, m)])))
        for (s, m), times in sorted(here.items())
    ]
