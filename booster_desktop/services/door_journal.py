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
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.badge import BadgeToken
from booster_desktop.domain.base import utc_now
from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.programme import Programme
from booster_desktop.i18n import _, ngettext
from booster_desktop.services.attendance import Attendee, HeadCount, head_count, signin_sheet
from booster_desktop.services.checkin import (
    DOUBLE_READ,
    CheckinDesk,
    ScanResult,
    ScanState,
    clean_scan,
    misread_scan,
    read_candidates,
    void_checkin,
)
from booster_desktop.services.journal import Incoming, merge_checkins
from booster_desktop.store.door_file import (
    JOURNAL_NAME,
    ROSTER_NAME,
    JournalScan,
    OfflineJournal,
    save_roster,
)
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.server import is_unreachable, make_door_engine, server_problem

# How often the sender tries the server while scans wait, and refreshes the roster copy.
RETRY_SECONDS = 2.0
REFRESH_SECONDS = 60.0


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
            merged = merge_checkins(connection, incoming, refuse)
            if not (merged.added or merged.voided):
                connection.rollback()  # all there already (a lost acknowledgement)
    except DBAPIError as error:
        raise server_problem_of(programme, error) from error
    journal.mark_sent([scan.seq for scan in scans], utc_now())
    return Sent(len(scans), merged.added, merged.voided)


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
    # Check-ins standing at the session: manager -> [(check-in id, when)].
    standing: dict[int, list[tuple[str, datetime]]] = field(default_factory=dict)
    sheet: list[Attendee] = field(default_factory=list)
    refreshed_at: datetime | None = None

    def as_json(self, programme: str, session: int, tour: int) -> dict[str, Any]:
        return {
            "programme": programme,
            "session": session,
            "tour": tour,
            "refreshed_at": self.refreshed_at.isoformat() if self.refreshed_at else None,
            "badges": {t: [m, r] for t, (m, r) in self.badges.items()},
            "people": {str(m): list(p) for m, p in self.people.items()},
            "expected": sorted(self.expected),
            "standing": {
                str(m): [[i, at.isoformat()] for i, at in times]
                for m, times in self.standing.items()
            },
        }


def read_roster(programme: ProgrammeFile, session_id: int, tour_id: int, tour: str) -> Roster:
    """The roster copy of one session, read from the server (raises DBAPIError offline)."""
    roster = Roster(refreshed_at=utc_now())
    with programme.engine.connect() as connection:
        for token, manager_id, revoked_at in connection.execute(
            select(BadgeToken.token, BadgeToken.manager_id, BadgeToken.revoked_at)
        ):
            roster.badges[token] = (int(manager_id), revoked_at is not None)
            if revoked_at is None:
                roster.in_force[int(manager_id)] = token
        for manager_id, given, family, arabic, country in connection.execute(
            select(
                Manager.id,
                Manager.given_name,
                Manager.family_name,
                Manager.arabic_name,
                Manager.country_code,
            )
        ):
            roster.people[int(manager_id)] = (given, family, arabic, country)
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
    return roster


# -- the door ------------------------------------------------------------------------------------


def _door_programme(programme: ProgrammeFile) -> ProgrammeFile:
    """The same programme through an engine that gives up quickly when the network drops;
    its writes reach the same listeners (the window's document hears the door's check-ins)."""
    from booster_desktop.store.location import ServerAddress

    assert isinstance(programme.path, ServerAddress)
    return dataclasses.replace(programme, engine=make_door_engine(programme.path, programme.sender))


class DoorDesk:
    """The door of one session of a programme on a server, online or not (what `CheckinDesk`
    does, plus the offline journal). Made while the server answers."""

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
        self.door = _door_programme(programme)
        try:
            self.desk = CheckinDesk(self.door, session_id, device=device, tour=tour)
            self.journal = offline_journal(self.door, folder)
        except DBAPIError as error:
            self.door.engine.dispose()
            raise server_problem_of(programme, error) from None
        self.session = self.desk.session
        self.device = self.desk.device
        self._lock = threading.RLock()
        self._sending = threading.Lock()
        # This door's standing check-ins, newest last: what "undo last" voids.
        self._recorded: list[JournalScan] = []
        self.roster = Roster()
        self.journal_problem: BoosterError | None = None
        self.last_problem: str | None = None
        try:
            self.journal.check()
            self._waiting = self.journal.count_waiting()
        except BoosterError as error:
            self.journal_problem = error  # said at the first offline scan; online goes on
            self._waiting = 0
        self.refresh()
        if self._waiting:
            self.send_now()

    # -- state -----------------------------------------------------------------------------------

    @property
    def waiting(self) -> int:
        """Scans recorded offline that the server has not acknowledged yet."""
        with self._lock:
            return self._waiting

    def refresh(self) -> None:
        """Read the roster copy again from the server and keep it (quietly kept as it was when
        the server cannot be reached)."""
        try:
            roster = read_roster(
                self.door, self.session.id, self.session.tour_id, self.session.tour_code
            )
        except (DBAPIError, BoosterError) as error:
            if is_unreachable(error):
                return
            raise
        with self._lock:
            for scan in self._recorded:  # what this door recorded and the server lacks yet
                times = roster.standing.setdefault(scan.manager_id, [])
                if all(i != scan.checkin_id for i, _ in times):
                    times.append((scan.checkin_id, scan.recorded_at))
            if self.journal_problem is None:
                try:
                    for scan in self.journal.waiting():
                        self._apply(roster, scan)
                except BoosterError as error:
                    # Unreadable since the door opened: said on the screen, and no offline
                    # scan is acknowledged from a journal that may not keep it.
                    self.journal_problem = error
            self.roster = roster
        # The copy in memory serves this door; the file is kept for a look after the event.
        with contextlib.suppress(OSError):
            save_roster(
                self.journal.path.with_name(ROSTER_NAME),
                roster.as_json(self.journal.programme_uuid, self.session.id, self.session.tour_id),
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
            try:
                sent = send_waiting(self.door, self.journal)
            except BoosterError as error:
                self.last_problem = str(error)
                return None
            self.last_problem = None
            with self._lock:
                try:
                    self._waiting = self.journal.count_waiting()
                except BoosterError:
                    self._waiting = max(0, self._waiting - sent.lines)
            return sent

    # -- scanning --------------------------------------------------------------------------------

    def _online(self) -> bool:
        with self._lock:
            return self._waiting == 0

    def record(
        self, typed: str, *, admit_unregistered: bool = False, now: datetime | None = None
    ) -> ScanResult:
        """Read one scan and record it: on the server, else durably in the offline journal."""
        now = now or utc_now()
        if self._online():
            try:
                result = self.desk.record(typed, admit_unregistered=admit_unregistered, now=now)
            except BoosterError as error:
                if not is_unreachable(error):
                    raise
            else:
                self._remember(result, now)
                return result
        return self._record_offline(typed, admit_unregistered, now)

    def record_manager(
        self, manager_id: int, *, admit_unregistered: bool = False, now: datetime | None = None
    ) -> ScanResult:
        """A manager checked in by name (no badge): on the server, else offline."""
        now = now or utc_now()
        if self._online():
            try:
                result = self.desk.record_manager(
                    manager_id, admit_unregistered=admit_unregistered, now=now
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
        return self._decide(token, manager_id, False, admit_unregistered, now, by_hand=True)

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

    def _record_offline(self, typed: str, admit_unregistered: bool, now: datetime) -> ScanResult:
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
        return self._decide(token, manager_id, revoked, admit_unregistered, now)

    def _decide(
        self,
        token: str,
        manager_id: int,
        revoked: bool,
        admit_unregistered: bool,
        now: datetime,
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
            str(uuid.uuid4()), False, self.session.id, manager_id, now, self.device, not expected
        )
        self._write(scan)  # on disk before the door says welcome
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

    def _write(self, scan: JournalScan) -> None:
        if self.journal_problem is not None:
            raise self.journal_problem
        with self._lock:
            self.journal.add(scan)
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
            if self._online():
                try:
                    voided = void_checkin(self.door, scan.checkin_id)
                except BoosterError as error:
                    if not is_unreachable(error):
                        raise
                else:
                    with self._lock:
                        self._apply(self.roster, dataclasses.replace(scan, voids=True))
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
        if self._online():
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
        self.door.engine.dispose()


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
    attempt that had scans waiting (on the sender's thread)."""

    def __init__(
        self,
        desk: DoorDesk,
        on_change: Callable[[int, int], None] | None = None,
        *,
        retry: float = RETRY_SECONDS,
        refresh: float = REFRESH_SECONDS,
    ) -> None:
        self.desk = desk
        self.on_change = on_change
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
    "Roster",
    "Sent",
    "door_folder",
    "offline_journal",
    "open_desk",
    "send_waiting",
    "session_problem",
    "waiting_message",
]
