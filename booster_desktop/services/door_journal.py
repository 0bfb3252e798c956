"""Doors without network: a door checking in straight on a server keeps going offline.

While the server answers, a `DoorDesk` records each scan on the server like any desk. When it
cannot be reached (or drops mid-scan), the scan is decided against the roster copy this door
keeps (badge tokens, names, who the tour expects, who is in already: refreshed while online)
and written to the offline journal in the user data folder, committed durably before the
door says welcome. A sender (`DoorSender`, a thread of its own) sends the waiting scans as soon
as the server answers again, in order and idempotently: the check-in id the door drew is the
key, and a resend after a lost acknowledgement adds nothing twice (the journal merge's rules:
a union by check-in id, a void wins). Scans stay in the journal until the server's commit is
acknowledged. While any wait, new scans go to the journal too, so that the server receives
them in the order they were made and the door's answers stay consistent.

A door can also START offline: every time its roster copy is kept, a small record of the last
door opened from this laptop on that server address (programme, session, tour, login, when the
copy was read; never the password) is kept beside it. When the address cannot be reached at
start and such a record exists, `open_offline_door` opens the door from the roster copy; its
sender keeps trying the server and, when it answers, the door goes online (`go_online`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.badge import BadgeToken
from booster_desktop.domain.base import utc_now
from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import ManagerStatus
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.moments import moment_with_offset
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.text import fold
from booster_desktop.i18n import _, ngettext
from booster_desktop.services.attendance import (
    Attendee,
    HeadCount,
    NameIndex,
    head_count,
    signin_sheet,
)
from booster_desktop.services.checkin import (
    DOUBLE_READ,
    CheckinDesk,
    ScanResult,
    ScanState,
    SessionInfo,
    clean_scan,
    device_name,
    misread_scan,
    read_candidates,
    void_checkin,
)
from booster_desktop.services.journal import Incoming, merge_checkins
from booster_desktop.store.chunks import chunks
from booster_desktop.store.door_file import (
    JOURNAL_NAME,
    ROSTER_NAME,
    JournalScan,
    OfflineJournal,
    load_roster,
    save_private,
    save_roster,
)
from booster_desktop.store.location import ServerAddress
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.server import (
    cannot_reach,
    is_unreachable,
    make_door_engine,
    server_problem,
)

# How often the sender tries the server while scans wait, and refreshes the roster copy.
RETRY_SECONDS = 2.0
REFRESH_SECONDS = 60.0
# How long the notes of scans sent straight to the server wait to be written together: a
# burst of scans is one journal write, not one each beside every scan (a crash meanwhile
# loses only these reminders; the server holds the scans).
NOTES_GATHER_SECONDS = 0.05


def door_folder(programme_uuid: str) -> Path:
    """Where a door keeps its offline journal and roster copy of one programme."""
    from platformdirs import user_data_path

    from booster_desktop.services.programme import APP_NAME

    return user_data_path(APP_NAME, appauthor=False) / "doors" / programme_uuid


def programme_uuid(programme: ProgrammeFile) -> str:
    with programme.engine.connect() as connection:
        return str(connection.scalar(select(Programme.uuid)))


def offline_journal(programme: ProgrammeFile, folder: Path | None = None) -> OfflineJournal:
    """The offline journal of `programme` on this laptop."""
    key = programme_uuid(programme)
    return OfflineJournal((folder or door_folder(key)) / JOURNAL_NAME, key)


def waiting_message(count: int) -> str:
    return ngettext(
        "offline: {count} scan waiting", "offline: {count} scans waiting", count
    ).format(count=count)


# -- sending -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sent:
    """What one send did: lines acknowledged, check-ins added and voided on the server."""

    lines: int
    added: int
    voided: int
    # Lines whose manager or session the server no longer has (deleted meanwhile): kept in
    # the journal, not sent, no longer waiting.
    set_aside: int = 0

    def aside_message(self) -> str | None:
        """One line about the lines set aside, or None."""
        if not self.set_aside:
            return None
        return ngettext(
            "{count} offline scan set aside: its manager or session was deleted on the "
            "server meanwhile (kept in this laptop's journal)",
            "{count} offline scans set aside: their manager or session was deleted on the "
            "server meanwhile (kept in this laptop's journal)",
            self.set_aside,
        ).format(count=self.set_aside)


def send_waiting(programme: ProgrammeFile, journal: OfflineJournal) -> Sent:
    """Send the journal's waiting lines to the server in one transaction, in their order; once
    the commit is acknowledged, mark them sent. A BoosterError when the server cannot be
    reached or refuses (the lines stay waiting)."""
    scans = journal.waiting()
    if not scans:
        return Sent(0, 0, 0)

    def refuse(why: str) -> BoosterError:
        return BoosterError(
            _("{path}: {why}; the offline scans wait").format(path=journal.path, why=why)
        )

    incoming = [
        Incoming(
            scan.seq,
            scan.checkin_id,
            scan.session_id,
            scan.manager_id,
            scan.recorded_at,
            scan.device,
            scan.voids,
            scan.admitted_unregistered,
        )
        for scan in scans
    ]
    try:
        with programme.writing() as connection:
            if str(connection.scalar(select(Programme.uuid))) != journal.programme_uuid:
                raise refuse(
                    _("belongs to another programme than {path}").format(path=programme.path)
                )
            incoming = _as_on_server(connection, incoming)
            incoming, aside = _without_orphans(connection, incoming)
            merged = merge_checkins(connection, incoming, refuse)
            if not (merged.added or merged.voided):
                connection.rollback()  # all there already (a lost acknowledgement)
    except DBAPIError as error:
        raise server_problem_of(programme, error) from error
    journal.mark_sent([scan.seq for scan in scans], utc_now(), set_aside=aside)
    return Sent(len(scans), merged.added, merged.voided, len(aside))


def _without_orphans(
    connection: Connection, incoming: list[Incoming]
) -> tuple[list[Incoming], list[int]]:
    """The lines whose manager and session the server still has, and the journal places of
    the others: a manager or session deleted while the door was offline would fail the whole
    send on its foreign key, holding back every other scan for ever."""
    from booster_desktop.domain.session import TourSession

    managers = sorted({entry.manager_id for entry in incoming})
    sessions = sorted({entry.session_id for entry in incoming})
    known_managers = set(connection.scalars(select(Manager.id).where(Manager.id.in_(managers))))
    known_sessions = set(
        connection.scalars(select(TourSession.id).where(TourSession.id.in_(sessions)))
    )
    kept: list[Incoming] = []
    aside: list[int] = []
    for entry in incoming:
        if entry.manager_id in known_managers and entry.session_id in known_sessions:
            kept.append(entry)
        else:
            aside.append(entry.number)
    return kept, aside


def _as_on_server(connection: Connection, incoming: list[Incoming]) -> list[Incoming]:
    """The lines of check-ins the server already holds, told as the server holds them: a
    scan whose reply was lost after the server's commit was journaled again under the same
    id, decided on the roster copy (which may differ in a detail, such as whether the person
    was expected); the server's record stands, and its void, if any, still applies."""
    ids = sorted({entry.id for entry in incoming})
    held = {
        str(row.id): row
        for chunk in chunks(ids)
        for row in connection.execute(
            select(
                CheckIn.id,
                CheckIn.session_id,
                CheckIn.manager_id,
                CheckIn.recorded_at,
                CheckIn.device,
                CheckIn.admitted_unregistered,
            ).where(CheckIn.id.in_(chunk))
        )
    }
    told: list[Incoming] = []
    for entry in incoming:
        found = held.get(entry.id)
        if found is not None:
            entry = dataclasses.replace(
                entry,
                session_id=int(found.session_id),
                manager_id=int(found.manager_id),
                at=found.recorded_at,
                device=str(found.device),
                admitted_unregistered=bool(found.admitted_unregistered),
            )
        told.append(entry)
    return told


def server_problem_of(programme: ProgrammeFile, error: BaseException) -> BoosterError:
    from booster_desktop.store.location import ServerAddress

    if isinstance(programme.path, ServerAddress):
        return server_problem(programme.path, error)
    return BoosterError(str(getattr(error, "orig", error)))


def session_problem(programme: ProgrammeFile, error: BaseException) -> BoosterError | None:
    """Why a door could not open a session, in one line (the server out of reach, or
    refusing), or None for an error that is not about the database (a bug: raised on)."""
    if isinstance(error, BoosterError):
        return error
    if isinstance(error, DBAPIError):
        return server_problem_of(programme, error)
    return None


# -- the roster copy -----------------------------------------------------------------------------


@dataclass
class Roster:
    """What a door needs to decide a scan without the server (no sensitive field)."""

    badges: dict[str, tuple[int, bool]] = field(default_factory=dict)  # token: manager, revoked
    in_force: dict[int, str] = field(default_factory=dict)  # manager: token in force
    people: dict[int, tuple[str, str, str | None, str | None]] = field(default_factory=dict)
    expected: set[int] = field(default_factory=set)  # managers the tour expects
    # Managers a door finds by name (the active ones, as online); the others are in `people`
    # for their badges' sake only.
    active: set[int] = field(default_factory=set)
    # Check-ins standing at the session: manager -> [(check-in id, when)].
    standing: dict[int, list[tuple[str, datetime]]] = field(default_factory=dict)
    sheet: list[Attendee] = field(default_factory=list)
    refreshed_at: datetime | None = None
    countries: dict[str, str] = field(default_factory=dict)  # code: name, of those here
    # The session itself (kept so that a door can start from the copy alone).
    info: SessionInfo | None = None

    def as_json(self, programme: str, session: int, tour: int) -> dict[str, Any]:
        info = self.info
        return {
            "programme": programme,
            "session": session,
            "tour": tour,
            "session_info": None
            if info is None
            else {
                "id": info.id,
                "tour_id": info.tour_id,
                "tour_code": info.tour_code,
                "kind": info.kind,
                "title": info.title,
                "day": info.day.isoformat(),
                "start": info.start.isoformat(),
                "end": info.end.isoformat(),
                "time_zone": info.time_zone,
            },
            "sheet": [dataclasses.astuple(a) for a in self.sheet],
            "countries": self.countries,
            "refreshed_at": self.refreshed_at.isoformat() if self.refreshed_at else None,
            "badges": {t: [m, r] for t, (m, r) in self.badges.items()},
            "people": {str(m): list(p) for m, p in self.people.items()},
            "expected": sorted(self.expected),
            "active": sorted(self.active),
            "standing": {
                str(m): [[i, at.isoformat()] for i, at in times]
                for m, times in self.standing.items()
            },
        }

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Roster:
        """The roster copy kept by `as_json` (ValueError, KeyError or TypeError when it is not
        one a door can start from: every value is checked, since a copy damaged or edited by
        hand must not fail later, at a scan)."""
        s = document["session_info"]
        info = SessionInfo(
            int(s["id"]),
            int(s["tour_id"]),
            _text(s["tour_code"]),
            _text(s["kind"]),
            _text(s["title"]),
            dt.date.fromisoformat(s["day"]),
            dt.time.fromisoformat(s["start"]),
            dt.time.fromisoformat(s["end"]),
            _zone(s["time_zone"]),
        )
        roster = cls(info=info, refreshed_at=moment_with_offset(document["refreshed_at"]))
        for token, (manager, revoked) in _mapping(document["badges"]).items():
            roster.badges[_text(token)] = (_whole(manager), _flag(revoked))
            if not revoked:
                roster.in_force[_whole(manager)] = token
        for manager, (given, family, arabic, country) in _mapping(document["people"]).items():
            roster.people[int(manager)] = (
                _text(given),
                _text(family),
                _text_or_none(arabic),
                _text_or_none(country),
            )
        roster.expected = {_whole(m) for m in _sequence(document["expected"])}
        # A copy kept by an earlier version has no list: everyone in it, as it then was.
        kept = document.get("active")
        roster.active = set(roster.people) if kept is None else {_whole(m) for m in _sequence(kept)}
        for manager, times in _mapping(document["standing"]).items():
            roster.standing[int(manager)] = [
                (_text(i), moment_with_offset(at)) for i, at in _sequence(times)
            ]
        roster.sheet = [
            Attendee(
                _whole(number),
                _whole(manager),
                _text(name),
                _text(family),
                _text(given),
                _text_or_none(arabic),
                _text(country),
                _text_or_none(token),
            )
            for number, manager, name, family, given, arabic, country, token in _sequence(
                document["sheet"]
            )
        ]
        roster.countries = {_text(c): _text(n) for c, n in _mapping(document["countries"]).items()}
        return roster

    def names(self) -> NameIndex:
        """Who a door may find by name from this copy: the active managers, as the online
        name search (`attendance.name_index`), sheet order first."""
        numbers = {a.manager_id: a.number for a in self.sheet}
        order = sorted(
            self.people.items(),
            key=lambda item: (numbers.get(item[0], 1 << 30), item[1][1].casefold(), item[0]),
        )
        return NameIndex(
            [
                (
                    fold(f"{given} {family} | {family} {given} | {arabic or ''}"),
                    Attendee(
                        numbers.get(manager, 0),
                        manager,
                        f"{given} {family}",
                        family,
                        given,
                        arabic,
                        country or "",
                        self.in_force.get(manager),
                    ),
                )
                for manager, (given, family, arabic, country) in order
                if manager in self.active
            ]
        )


# -- reading a kept copy: each value of the type written, or a ValueError/TypeError ----------------


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _text_or_none(value: object) -> str | None:
    return None if value is None else _text(value)


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value


def _mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return value


def _sequence(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _zone(value: object) -> str:
    """A time zone this laptop knows (the door shows times in it at every scan)."""
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(_text(value))
    except (KeyError, OSError) as error:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError("not a time zone") from error
    return _text(value)


def read_roster(
    programme: ProgrammeFile,
    session_id: int,
    tour_id: int,
    tour: str,
    info: SessionInfo | None = None,
) -> Roster:
    """The roster copy of one session, read from the server (raises DBAPIError offline)."""
    from booster_desktop.services.choices import countries

    roster = Roster(refreshed_at=utc_now(), info=info)
    with programme.engine.connect() as connection:
        for token, manager_id, revoked_at in connection.execute(
            select(BadgeToken.token, BadgeToken.manager_id, BadgeToken.revoked_at)
        ):
            roster.badges[token] = (int(manager_id), revoked_at is not None)
            if revoked_at is None:
                roster.in_force[int(manager_id)] = token
        for manager_id, given, family, arabic, country, status in connection.execute(
            select(
                Manager.id,
                Manager.given_name,
                Manager.family_name,
                Manager.arabic_name,
                Manager.country_code,
                Manager.status,
            )
        ):
            roster.people[int(manager_id)] = (given, family, arabic, country)
            if status == ManagerStatus.ACTIVE:
                roster.active.add(int(manager_id))
        roster.expected = {
            int(m)
            for m in connection.scalars(
                select(Enrolment.manager_id).where(Enrolment.tour_id == tour_id, is_expected())
            )
        }
        for checkin_id, manager_id, at in connection.execute(
            select(CheckIn.id, CheckIn.manager_id, CheckIn.recorded_at).where(
                CheckIn.session_id == session_id, CheckIn.voided.is_(False)
            )
        ):
            roster.standing.setdefault(int(manager_id), []).append((checkin_id, at))
    roster.sheet = signin_sheet(programme, tour)
    here = {p[3] for p in roster.people.values()}
    roster.countries = {code: name for code, name in countries(programme) if code in here}
    return roster


# -- the last door opened from this laptop -------------------------------------------------------


def last_door_path(address: ServerAddress) -> Path:
    """Where the record of the last door opened from this laptop on `address` is kept (one
    per address without its password, beside the programmes' roster copies)."""
    return _door_record_path(address.key)


def _door_record_path(key: str) -> Path:
    from platformdirs import user_data_path

    from booster_desktop.services.programme import APP_NAME

    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    return user_data_path(APP_NAME, appauthor=False) / "doors" / f"last-door-{digest}.json"


def _legacy_door_path(address: ServerAddress) -> Path | None:
    """Where earlier versions kept it: under a key without the socket folder and port, which
    two servers on one machine shared (None when the address has neither)."""
    if address.legacy_key == address.key:
        return None
    return _door_record_path(address.legacy_key)


@dataclass(frozen=True, slots=True)
class LastDoor:
    """The last door opened from this laptop on one server address."""

    address: str  # without password
    programme_uuid: str
    session_id: int
    tour_id: int
    login: str
    roster_at: datetime


def remember_door(address: ServerAddress, door: LastDoor) -> None:
    save_private(
        last_door_path(address),
        {
            "address": door.address,
            "programme": door.programme_uuid,
            "session": door.session_id,
            "tour": door.tour_id,
            "login": door.login,
            "roster_at": door.roster_at.isoformat(),
        },
    )
    legacy = _legacy_door_path(address)
    if legacy is not None:
        # A record an earlier version kept under the shared key is this server's when it names
        # this door's programme: moved (the new one replaces it), so that another server on
        # this machine never starts from it. Another programme's is left to its own server.
        earlier = _door_at(legacy, address.legacy_key, address.user)
        if earlier is not None and earlier.programme_uuid == door.programme_uuid:
            with contextlib.suppress(OSError):
                legacy.unlink()


def last_door(address: ServerAddress) -> LastDoor | None:
    """The record of the last door opened from here on `address`, or None (none, unreadable,
    or of another address or login). A record kept by an earlier version, under a key that
    left out the socket folder and port, still serves until this address keeps its own."""
    door = _door_at(last_door_path(address), address.key, address.user)
    legacy = _legacy_door_path(address)
    if door is None and legacy is not None:
        door = _door_at(legacy, address.legacy_key, address.user)
    return door


def _door_at(path: Path, key: str, login: str) -> LastDoor | None:
    document = load_roster(path)
    if document is None:
        return None
    try:
        door = LastDoor(
            str(document["address"]),
            str(uuid.UUID(str(document["programme"]))),
            int(document["session"]),
            int(document["tour"]),
            str(document["login"]),
            datetime.fromisoformat(str(document["roster_at"])),
        )
    except (KeyError, TypeError, ValueError):
        return None
    if door.address != key or door.login != login:
        return None
    return door


def server_unreachable(error: BaseException) -> bool:
    """Whether opening a programme failed because its server cannot be reached."""
    return is_unreachable(error)


def offline_message(desk: DoorDesk) -> str:
    """What a door started offline says: the server unreachable, and the copy's time."""
    at = desk.offline_since
    hhmm = "?" if at is None else at.astimezone().strftime("%H:%M")
    return _("server unreachable: working from the roster copy of {hhmm}").format(hhmm=hhmm)


def waiting_here(address: ServerAddress) -> int | None:
    """How many scans wait in this laptop's offline journal of the programme last opened as
    a door on `address` (None when none was, or its journal cannot be read)."""
    door = last_door(address)
    if door is None:
        return None
    path = door_folder(door.programme_uuid) / JOURNAL_NAME
    if not path.is_file():
        return 0
    try:
        return OfflineJournal(path, door.programme_uuid).count_waiting()
    except BoosterError:
        return None


def open_offline_door(
    address: ServerAddress,
    error: BaseException,
    *,
    session_id: int | None = None,
    device: str | None = None,
) -> DoorDesk:
    """The door last opened from this laptop on `address`, from its roster copy, since the
    server cannot be reached (`error`, said in the refusal); a BoosterError in one line when
    this laptop has no roster copy to work from (or one of another session than asked)."""
    door = last_door(address)
    roster: Roster | None = None
    if door is not None:
        folder = door_folder(door.programme_uuid)
        # The copy of the session asked for, else of the last door's session (said below),
        # else the one copy per programme kept by older versions.
        wanted = [door.session_id] if session_id is None else [session_id, door.session_id]
        kept = [(roster_path(folder, s), s) for s in wanted]
        for path, session in [*kept, (folder / ROSTER_NAME, door.session_id)]:
            roster = _copy_at(path, door.programme_uuid)
            if roster is not None and roster.info is not None and roster.info.id == session:
                break
            roster = None
    if door is None or roster is None or roster.info is None:
        raise BoosterError(
            _("{problem}; this laptop has no roster copy to work offline from").format(
                problem=cannot_reach(address, error)
            )
        )
    if session_id is not None and session_id != roster.info.id:
        raise BoosterError(
            _("{problem}; this laptop's roster copy is of session {kept}, not {session_id}").format(
                problem=cannot_reach(address, error), kept=roster.info.id, session_id=session_id
            )
        )
    return DoorDesk.from_copy(address, door.programme_uuid, roster, device=device)


def roster_path(folder: Path, session_id: int) -> Path:
    """Where the roster copy of one session is kept in a programme's door folder."""
    return folder / f"roster-{session_id}.json"


def _copy_at(path: Path, programme: str) -> Roster | None:
    """The roster copy in `path` if it is one of `programme`'s sessions, else None (none,
    damaged, or another programme's)."""
    document = load_roster(path)
    if document is None or document.get("programme") != programme:
        return None
    try:
        roster = Roster.from_json(document)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None  # damaged: as if there were none
    return roster if roster.info is not None else None


# -- the door ------------------------------------------------------------------------------------


def _door_programme(programme: ProgrammeFile) -> ProgrammeFile:
    """The same programme through an engine that gives up quickly when the network drops;
    its writes reach the same listeners (the window's document hears the door's check-ins)."""
    from booster_desktop.store.location import ServerAddress

    assert isinstance(programme.path, ServerAddress)
    return dataclasses.replace(programme, engine=make_door_engine(programme.path, programme.sender))


class DoorDesk:
    """The door of one session of a programme on a server, online or not (what `CheckinDesk`
    does, plus the offline journal). Made while the server answers, or from the roster copy
    when it did not answer at start (`from_copy`: then `desk` is None until `go_online`)."""

    programme: ProgrammeFile | None
    door: ProgrammeFile | None
    desk: CheckinDesk | None

    def __init__(
        self,
        programme: ProgrammeFile,
        session_id: int,
        *,
        device: str | None = None,
        tour: str | None = None,
        folder: Path | None = None,
    ) -> None:
        self.programme = programme
        assert isinstance(programme.path, ServerAddress)
        self.address: ServerAddress = programme.path
        door = _door_programme(programme)
        self.door = door
        try:
            desk = CheckinDesk(door, session_id, device=device, tour=tour)
            self.journal = offline_journal(door, folder)
        except DBAPIError as error:
            door.engine.dispose()
            raise server_problem_of(programme, error) from None
        self.desk = desk
        self.session = desk.session
        self.device = desk.device
        self._started(None)
        self.refresh()
        if self._waiting:
            self.send_now()

    @classmethod
    def from_copy(
        cls,
        address: ServerAddress,
        programme_uuid: str,
        roster: Roster,
        *,
        device: str | None = None,
        folder: Path | None = None,
    ) -> DoorDesk:
        """A door started while the server cannot be reached, from the roster copy kept here:
        every scan is decided on the copy and journaled until `go_online` succeeds."""
        assert roster.info is not None
        desk = cls.__new__(cls)
        desk.programme = desk.door = desk.desk = None
        desk.address = address.with_password(address.password)
        desk.journal = OfflineJournal(
            (folder or door_folder(programme_uuid)) / JOURNAL_NAME, programme_uuid
        )
        desk.session = roster.info
        desk.device = device_name(device)
        desk._started(roster)
        return desk

    def _started(self, roster: Roster | None) -> None:
        self._lock = threading.RLock()
        self._sending = threading.Lock()
        # The journal's I/O, which may wait for another door process here (up to 2 s), holds
        # this lock, never `_lock` (the screen's, held only for the counters and the copy):
        # a line and its count change together. Taken before `_lock`, never inside it.
        self._journal_lock = threading.RLock()
        # This door's standing check-ins, newest last: what "undo last" voids.
        self._recorded: list[JournalScan] = []
        self.roster = roster or Roster()
        # Started from the roster copy: the copy's time (the screen says it) until online.
        self.offline_since: datetime | None = None if roster is None else roster.refreshed_at
        self.journal_problem: BoosterError | None = None
        self.last_problem: str | None = None
        # What the last send that set lines aside said (shown until the door closes).
        self.set_aside_message: str | None = None
        # Journal lines this door sent (when it started online, or on going online, too): a
        # screen says "All offline scans are on the server." by it.
        self.sent_lines = 0
        self._own_programme = False  # opened by `go_online`: closed with the door
        # Notes of what went straight to the server, written off the scan's path, in order.
        self._notes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="door notes")
        self._sent_notes = self.journal.notes()  # used on the notes' thread only
        # What `_online` counts on every scan through (under the journal's lock).
        self._counting = self.journal.kept()
        # Notes not written yet, oldest first: written together by the next `_write_notes`.
        self._unwritten: list[tuple[JournalScan, datetime]] = []
        self._unwritten_lock = threading.Lock()
        self._closing = threading.Event()  # set: notes are written at once
        waiting: list[JournalScan] = []
        known: list[JournalScan] = []
        try:
            self.journal.check()
            # Read back line by line: a damaged line is said now, not met by the sender.
            waiting = self.journal.waiting()
            if roster is not None and roster.refreshed_at is not None:
                # Sent after the copy was kept (by `checkin send`, or a door that was killed
                # before it refreshed): on the server, so not to be welcomed twice.
                known = self.journal.sent_since(roster.refreshed_at)
        except BoosterError as error:
            self.journal_problem = error  # said on the screen; online goes on
        self._waiting = len(waiting)
        if roster is not None:
            for scan in sorted([*known, *waiting], key=lambda scan: scan.seq):
                self._apply(self.roster, scan)

    @property
    def online(self) -> bool:
        """Whether the door has its server (False while started offline)."""
        return self.desk is not None

    def go_online(self) -> bool:
        """Started offline: open the programme on the server if it answers now, send what
        waits and refresh the copy (True once online; `last_problem` says why not)."""
        if self.desk is not None:
            return True
        from booster_desktop.services.programme import open_programme

        try:
            programme = open_programme(self.address, writable=True, door_may=True)
        except BoosterError as error:
            self.last_problem = (
                cannot_reach(self.address, error) if is_unreachable(error) else str(error)
            )
            return False
        door: ProgrammeFile | None = None
        try:
            if programme_uuid(programme) != self.journal.programme_uuid:
                raise BoosterError(
                    _("{path}: holds another programme than this door's roster copy").format(
                        path=self.address
                    )
                )
            door = _door_programme(programme)
            desk = CheckinDesk(door, self.session.id, device=self.device)
        except (BoosterError, DBAPIError) as error:
            if door is not None:
                door.engine.dispose()
            programme.close()
            self.last_problem = str(session_problem(programme, error) or error)
            return False
        with self._lock:
            self.programme, self.door, self.desk = programme, door, desk
            self.session = desk.session
            self._own_programme = True
        self.offline_since = None
        self.last_problem = None
        try:
            if self.waiting:
                self.send_now()
            self.refresh()
        except (BoosterError, DBAPIError) as error:
            # Online all the same (the server answered): the problem is said, and the sender
            # tries again.
            self.last_problem = " ".join(str(error).split()) or type(error).__name__
        return True

    # -- state -----------------------------------------------------------------------------------

    @property
    def waiting(self) -> int:
        """Scans recorded offline that the server has not acknowledged yet."""
        with self._lock:
            return self._waiting

    def refresh(self) -> None:
        """Read the roster copy again from the server and keep it (quietly kept as it was when
        the server cannot be reached), with the record that lets this laptop start the door
        offline."""
        if self.door is None:
            return
        try:
            roster = read_roster(
                self.door,
                self.session.id,
                self.session.tour_id,
                self.session.tour_code,
                self.session,
            )
        except (DBAPIError, BoosterError) as error:
            if is_unreachable(error):
                return
            raise
        # Held until the copy is replaced: a line journaled meanwhile is either read here or
        # applied (by its scan) to the new copy.
        with self._journal_lock:
            waiting: list[JournalScan] = []
            unreadable: BoosterError | None = None
            if self.journal_problem is None:
                try:
                    waiting = self.journal.waiting()
                except BoosterError as error:
                    unreadable = error
            with self._lock:
                for scan in self._recorded:  # what this door recorded and the server lacks yet
                    times = roster.standing.setdefault(scan.manager_id, [])
                    if all(i != scan.checkin_id for i, _ in times):
                        times.append((scan.checkin_id, scan.recorded_at))
                if unreadable is not None:
                    # Unreadable since the door opened: said on the screen, and no offline
                    # scan is acknowledged from a journal that may not keep it.
                    self.journal_problem = unreadable
                for scan in waiting:
                    self._apply(roster, scan)
                self.roster = roster
        self._keep_copy(roster)

    def _keep_copy(self, roster: Roster) -> None:
        """The copy in memory serves this door; the file lets it start offline next time."""
        if roster.refreshed_at is None:
            return
        with self._lock:
            session = self.session  # one session for the copy and the record that names it
            document = roster.as_json(self.journal.programme_uuid, session.id, session.tour_id)
        with contextlib.suppress(OSError):
            # One copy per session: doors of other sessions on this laptop keep theirs.
            save_roster(roster_path(self.journal.path.parent, session.id), document)
            remember_door(
                self.address,
                LastDoor(
                    self.address.key,
                    self.journal.programme_uuid,
                    session.id,
                    session.tour_id,
                    self.address.user,
                    roster.refreshed_at,
                ),
            )

    def _apply(self, roster: Roster, scan: JournalScan) -> None:
        if scan.session_id != self.session.id:
            return
        times = roster.standing.setdefault(scan.manager_id, [])
        if scan.voids:
            times[:] = [(i, at) for i, at in times if i != scan.checkin_id]
        elif all(i != scan.checkin_id for i, _ in times):
            times.append((scan.checkin_id, scan.recorded_at))

    def send_now(self) -> Sent | None:
        """Send the waiting scans now (on the caller's thread); None when the server cannot be
        reached or refused them (`last_problem` says why)."""
        with self._sending:
            if self.door is None:
                return None
            try:
                sent = send_waiting(self.door, self.journal)
            except BoosterError as error:
                self.last_problem = (
                    cannot_reach(self.address, error) if is_unreachable(error) else str(error)
                )
                return None
            self.last_problem = None
            self.sent_lines += sent.lines
            if sent.set_aside:
                self.set_aside_message = sent.aside_message()
            with self._journal_lock:  # no line journaled between the count and its use
                try:
                    waiting: int | None = self.journal.count_waiting()
                except BoosterError:
                    waiting = None
                with self._lock:
                    self._waiting = (
                        max(0, self._waiting - sent.lines) if waiting is None else waiting
                    )
            return sent

    # -- scanning --------------------------------------------------------------------------------

    def _online(self) -> bool:
        with self._lock:
            if self.desk is None or self._waiting:
                return False
        if self.journal_problem is not None:
            return True
        # Another door process on this laptop shares the journal: while its lines wait, a
        # check-in here goes by the journal too, or the send would add a second one.
        # The journal's lock (always before the screen's): a line written between the count
        # and the counter would otherwise be counted twice.
        with self._journal_lock:
            try:
                waiting = self.journal.count_waiting(self._counting)
            except BoosterError:
                return True
            if not waiting:
                return True
            with self._lock:
                self._waiting = max(self._waiting, waiting)
        return False

    def record(
        self, typed: str, *, admit_unregistered: bool = False, now: datetime | None = None
    ) -> ScanResult:
        """Read one scan and record it: on the server, else durably in the offline journal."""
        now = now or utc_now()
        # Drawn before the server is asked: a reply lost after its commit, and the scan
        # journaled again offline, is the same check-in (the send skips it).
        checkin_id = str(uuid.uuid4())
        desk = self.desk
        if self._online() and desk is not None:
            try:
                result = desk.record(
                    typed, admit_unregistered=admit_unregistered, now=now, checkin_id=checkin_id
                )
            except BoosterError as error:
                if not is_unreachable(error):
                    raise
            else:
                self._remember(result, now)
                return result
        return self._record_offline(typed, admit_unregistered, now, checkin_id)

    def record_manager(
        self, manager_id: int, *, admit_unregistered: bool = False, now: datetime | None = None
    ) -> ScanResult:
        """A manager checked in by name (no badge): on the server, else offline."""
        now = now or utc_now()
        checkin_id = str(uuid.uuid4())
        desk = self.desk
        if self._online() and desk is not None:
            try:
                result = desk.record_manager(
                    manager_id,
                    admit_unregistered=admit_unregistered,
                    now=now,
                    checkin_id=checkin_id,
                )
            except BoosterError as error:
                if not is_unreachable(error):
                    raise
            else:
                self._remember(result, now)
                return result
        if manager_id not in self.roster.people:
            raise BoosterError(
                _("manager {manager_id} does not exist").format(manager_id=manager_id)
            )
        token = self.roster.in_force.get(manager_id, "")
        return self._decide(
            token, manager_id, False, admit_unregistered, now, checkin_id, by_hand=True
        )

    def admit(self, manager_id: int, *, now: datetime | None = None) -> ScanResult:
        return self.record_manager(manager_id, admit_unregistered=True, now=now)

    def _remember(self, result: ScanResult, now: datetime) -> None:
        if not result.recorded or result.checkin_id is None or result.manager_id is None:
            return
        scan = JournalScan(
            result.checkin_id,
            False,
            self.session.id,
            result.manager_id,
            now,
            self.device,
            result.admitted,
        )
        with self._lock:
            self._recorded.append(scan)
            self._apply(self.roster, scan)
        self._note_sent(scan)

    def _note_sent(self, scan: JournalScan) -> None:
        """Keep in the journal what went straight to the server: the roster copy is kept only
        now and then, and a door killed meanwhile starts offline from an older one."""
        if self.journal_problem is None:
            with self._unwritten_lock:
                self._unwritten.append((scan, utc_now()))
                if len(self._unwritten) > 1:
                    return  # a write is already on its way: it takes this one too
            with contextlib.suppress(RuntimeError):  # the door closed meanwhile
                self._notes.submit(self._write_notes)

    def _write_notes(self) -> None:
        self._closing.wait(NOTES_GATHER_SECONDS)
        with self._unwritten_lock:
            notes, self._unwritten = self._unwritten, []
        with contextlib.suppress(BoosterError):  # a reminder only: the server has it
            self._sent_notes.write(notes)

    def _record_offline(
        self, typed: str, admit_unregistered: bool, now: datetime, checkin_id: str
    ) -> ScanResult:
        misread = misread_scan(typed)
        if misread is not None:
            return misread
        candidates = read_candidates(typed)
        found = [(t, self.roster.badges[t]) for t in candidates if t in self.roster.badges]
        if len({manager for _, (manager, _) in found}) > 1:
            return ScanResult(
                ScanState.MISREAD,
                clean_scan(typed)[:60],
                _("two badges in one scan: scan one badge at a time"),
            )
        if not found:
            return ScanResult(ScanState.UNKNOWN, candidates[0], _("unknown badge: ask for a name"))
        token, (manager_id, revoked) = found[0]
        return self._decide(token, manager_id, revoked, admit_unregistered, now, checkin_id)

    def _decide(
        self,
        token: str,
        manager_id: int,
        revoked: bool,
        admit_unregistered: bool,
        now: datetime,
        checkin_id: str,
        *,
        by_hand: bool = False,
    ) -> ScanResult:
        """The rules of `CheckinDesk`, on the roster copy; a check-in goes to the journal."""
        given, family, arabic, country = self.roster.people.get(manager_id, ("?", "", None, None))
        person: dict[str, Any] = {
            "manager_id": manager_id,
            "name": f"{given} {family}",
            "arabic_name": arabic,
            "country": country,
        }
        if revoked:
            return ScanResult(
                ScanState.REVOKED, token, _("revoked badge: a new one was issued"), **person
            )
        zone = self.session.time_zone
        with self._lock:
            times = sorted(at for _, at in self.roster.standing.get(manager_id, []))
        if times:
            hhmm = _hhmm(times[0], zone)
            if (
                not by_hand
                and DOUBLE_READ.total_seconds() >= (now - times[-1]).total_seconds() >= 0
            ):
                return ScanResult(
                    ScanState.WELCOME,
                    token,
                    "welcome",
                    repeat=True,
                    first_at=times[0],
                    first_local=hhmm,
                    **person,
                )
            return ScanResult(
                ScanState.ALREADY,
                token,
                _("already checked in at {hhmm}").format(hhmm=hhmm),
                first_at=times[0],
                first_local=hhmm,
                **person,
            )
        expected = manager_id in self.roster.expected
        if not expected and not admit_unregistered:
            return ScanResult(
                ScanState.NOT_REGISTERED,
                token,
                _("not registered for tour {tour_code}").format(tour_code=self.session.tour_code),
                **person,
            )
        scan = JournalScan(
            checkin_id, False, self.session.id, manager_id, now, self.device, not expected
        )
        elsewhere = self._write(scan)  # on disk before the door says welcome
        if elsewhere:
            # Another door process on this laptop checked them in meanwhile. Not put into
            # this copy: that door may undo it, and only the journal would know.
            first = min(at for _, at in elsewhere)
            hhmm = _hhmm(first, zone)
            return ScanResult(
                ScanState.ALREADY,
                token,
                _("already checked in at {hhmm}").format(hhmm=hhmm),
                first_at=first,
                first_local=hhmm,
                **person,
            )
        with self._lock:
            self._recorded.append(scan)
            self._apply(self.roster, scan)
        state = ScanState.WELCOME if expected else ScanState.NOT_REGISTERED
        return ScanResult(
            state,
            token,
            "welcome" if expected else _("admitted, although not registered for this tour"),
            checkin_id=scan.checkin_id,
            recorded=True,
            admitted=not expected,
            first_at=now,
            first_local=_hhmm(now, zone),
            **person,
        )

    def _write(self, scan: JournalScan) -> list[tuple[str, datetime]]:
        """Journal one line; a check-in is not written when another door process here has
        one waiting for the same manager (those are returned instead)."""
        if self.journal_problem is not None:
            raise self.journal_problem
        with self._journal_lock:  # durably written before the caller says welcome
            if scan.voids:
                self.journal.add(scan)
                self._one_more_waiting()
                return []
            elsewhere = self.journal.add_checkin(scan, since=self.roster.refreshed_at)
            if not elsewhere:
                self._one_more_waiting()
            return elsewhere

    def _one_more_waiting(self) -> None:
        with self._lock:
            self._waiting += 1

    # -- undo ------------------------------------------------------------------------------------

    def void_last(self) -> ScanResult:
        """Void the last check-in this door recorded that still stands: on the server, else
        in the offline journal (sent with the rest)."""
        while True:
            with self._lock:
                if not self._recorded:
                    break
                scan = self._recorded.pop()
            if self._online() and self.door is not None:
                try:
                    voided = void_checkin(self.door, scan.checkin_id)
                except BoosterError as error:
                    if not is_unreachable(error):
                        raise
                else:
                    with self._lock:
                        self._apply(self.roster, dataclasses.replace(scan, voids=True))
                    self._note_sent(dataclasses.replace(scan, voids=True))
                    if voided is None:
                        continue
                    return voided
            try:
                self._write(dataclasses.replace(scan, voids=True))
            except BoosterError:
                with self._lock:
                    self._recorded.append(scan)  # still standing: undo may be asked again
                raise
            with self._lock:
                self._apply(self.roster, dataclasses.replace(scan, voids=True))
            given, family, arabic, country = self.roster.people.get(
                scan.manager_id, ("?", "", None, None)
            )
            return ScanResult(
                ScanState.WELCOME,
                "",
                _("undone: {given_name} {family_name} is no longer checked in").format(
                    given_name=given, family_name=family
                ),
                manager_id=scan.manager_id,
                name=f"{given} {family}",
                arabic_name=arabic,
                country=country,
                checkin_id=scan.checkin_id,
            )
        raise BoosterError(_("nothing to undo: no check-in recorded here since the door opened"))

    def head_count(self) -> HeadCount:
        """The server's head count; with scans waiting or offline, the roster copy's, which
        counts the waiting scans."""
        if self._online() and self.door is not None:
            try:
                return head_count(self.door, self.session.id)
            except (DBAPIError, BoosterError) as error:
                if not isinstance(error, DBAPIError) and not is_unreachable(error):
                    raise
        with self._lock:
            present = {m for m, times in self.roster.standing.items() if times}
            sheet = list(self.roster.sheet)
        expected = {a.manager_id for a in sheet}
        return HeadCount(
            checked_in=len(present & expected),
            expected=len(sheet),
            admitted=len(present - expected),
            missing=[a for a in sheet if a.manager_id not in present],
        )

    def close(self) -> None:
        """Stop using the server; the roster copy is kept as this door last knew it (with
        the check-ins it recorded since the last refresh), for a start offline later."""
        self._closing.set()
        with contextlib.suppress(RuntimeError):  # closed before
            self._notes.submit(self._sent_notes.close)
        self._notes.shutdown(wait=True)
        with self._journal_lock:
            self._counting.close()
        if self.door is not None:
            self._keep_copy(self.roster)
            self.door.engine.dispose()
        if self._own_programme and self.programme is not None:
            self.programme.close()

    def hand_over(self) -> ProgrammeFile | None:
        """The programme `go_online` opened, now the caller's to close (a window that opens
        the door again on it)."""
        self._own_programme = False
        return self.programme


def _hhmm(moment: datetime, zone: str) -> str:
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(zone)).strftime("%H:%M")


Desk = CheckinDesk | DoorDesk


def open_desk(
    programme: ProgrammeFile,
    session_id: int,
    *,
    device: str | None = None,
    tour: str | None = None,
) -> Desk:
    """The door of a session: a `DoorDesk` (which keeps going offline) for a programme on a
    server, a `CheckinDesk` for a file."""
    if programme.on_server and programme.writable:
        return DoorDesk(programme, session_id, device=device, tour=tour)
    return CheckinDesk(programme, session_id, device=device, tour=tour)


# -- the sender ----------------------------------------------------------------------------------


class DoorSender:
    """Sends a door's waiting scans from a thread of its own as soon as the server answers,
    and refreshes its roster copy while online. `on_change(waiting, sent)` is told after each
    attempt that had scans waiting (on the sender's thread). A door started offline is first
    brought online (`DoorDesk.go_online`): `on_online()` is told once it is."""

    def __init__(
        self,
        desk: DoorDesk,
        on_change: Callable[[int, int], None] | None = None,
        *,
        retry: float = RETRY_SECONDS,
        refresh: float = REFRESH_SECONDS,
        on_online: Callable[[], None] | None = None,
    ) -> None:
        self.desk = desk
        self.on_change = on_change
        self.on_online = on_online
        self.retry = retry
        self.refresh = refresh
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="door sender", daemon=True)

    def start(self) -> DoorSender:
        self._thread.start()
        return self

    def wake(self) -> None:
        """Try now (a scan was just journaled)."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        since_refresh = 0.0
        while not self._stop.is_set():
            self._wake.wait(self.retry)
            self._wake.clear()
            if self._stop.is_set():
                return
            since_refresh += self.retry
            try:
                if not self.desk.online:
                    before = self.desk.sent_lines
                    online = self.desk.go_online()
                    if self.on_change is not None:
                        # What going online sent is told as any send is ("All offline scans
                        # are on the server."), before the door is said to be online.
                        self.on_change(self.desk.waiting, self.desk.sent_lines - before)
                    if online:
                        since_refresh = 0.0
                        if self.on_online is not None:
                            self.on_online()
                    continue
                if self.desk.waiting:
                    sent = self.desk.send_now()
                    if self.on_change is not None:
                        self.on_change(self.desk.waiting, sent.lines if sent else 0)
                    if sent is not None and not self.desk.waiting:
                        self.desk.refresh()
                        since_refresh = 0.0
                elif since_refresh >= self.refresh:
                    since_refresh = 0.0
                    self.desk.refresh()
            except Exception as error:  # the sender outlives any one failure; said, tried again
                self.desk.last_problem = " ".join(str(error).split()) or type(error).__name__


__all__ = [
    "Desk",
    "DoorDesk",
    "DoorSender",
    "LastDoor",
    "Roster",
    "Sent",
    "cannot_reach",
    "door_folder",
    "last_door",
    "offline_journal",
    "offline_message",
    "open_desk",
    "open_offline_door",
    "send_waiting",
    "server_unreachable",
    "session_problem",
    "waiting_here",
    "waiting_message",
]
