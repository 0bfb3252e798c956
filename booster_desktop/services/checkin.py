"""Check-in at the door: scans read back, recorded durably, undone (counts: `attendance`).

A USB scanner types a badge token through the laptop's keyboard layout, often with stray
characters around it, a newline after it, or twice in a row. `read_candidates` turns what was
typed into the tokens it may be; a `CheckinDesk` (the door of one session) looks them up and
records the check-in in its own committed transaction (the file's `synchronous=FULL`) before
it says who came in. Check-ins are facts, not edits: undo voids one and keeps the record.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    SQLColumnExpression,
    Table,
    and_,
    bindparam,
    func,
    null,
    select,
    update,
)

from booster_desktop.domain.badge import (
    TOKEN_ALPHABET,
    TOKEN_LENGTH,
    BadgeToken,
    is_valid_token,
    read_scan,
    scan_may_go_on,
)
from booster_desktop.domain.base import utc_now
from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.session import TourSession
from booster_desktop.domain.tour import Tour
from booster_desktop.i18n import _
from booster_desktop.services.changes import current_device, report
from booster_desktop.services.text_checks import without_controls
from booster_desktop.store.programme_file import OneAdd, ProgrammeFile

if TYPE_CHECKING:
    from booster_desktop.services.attendance import HeadCount

# Scanners often send a code twice in quick succession: a second read of the same badge this
# soon after the first is the same arrival, counted once and shown as a welcome again.
DOUBLE_READ = timedelta(seconds=2)
# The device of check-ins typed in from a paper sign-in sheet.
PAPER_DEVICE = "paper"
# Longer than any scan a person could mean (a token pasted a few times over).
_LONGEST_SCAN = 400

_RUN = re.compile(f"[{TOKEN_ALPHABET}]+")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u2018\ufef5-\ufefc]")


class ScanState(StrEnum):
    """What the door says about one scan (the `booster checkin record` STATE column)."""

    WELCOME = "welcome"
    ALREADY = "already"
    NOT_REGISTERED = "not-registered"
    UNKNOWN = "unknown"
    REVOKED = "revoked"
    # Not a state of a person: the code was misread (wrong check letter, broken, empty).
    MISREAD = "misread"


# The states after which a person is in (the command's exit 0).
GOOD_STATES = frozenset({ScanState.WELCOME, ScanState.ALREADY})


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The outcome of one scan, as the door shows it.

    `recorded` is true when this scan added a check-in (committed before this was returned);
    `repeat` when it was the same badge read again within two seconds (counted once).
    """

    state: ScanState
    token: str
    message: str
    manager_id: int | None = None
    name: str = ""
    arabic_name: str | None = None
    country: str | None = None
    checkin_id: str | None = None
    recorded: bool = False
    repeat: bool = False
    admitted: bool = False
    first_at: datetime | None = None
    first_local: str | None = None  # HH:MM of the first check-in, in the tour's time zone

    @property
    def initials(self) -> str:
        return "".join(part[:1].upper() for part in self.name.split()[:3])


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """A session seen from the door: its tour, its day and hours, and the tour's time zone."""

    id: int
    tour_id: int
    tour_code: str
    kind: str
    title: str
    day: dt.date
    start: time
    end: time
    time_zone: str

    def starts_at(self) -> datetime:
        """The session's start as an aware UTC moment."""
        local = datetime.combine(self.day, self.start, tzinfo=ZoneInfo(self.time_zone))
        return local.astimezone(UTC)

    def local_date(self, now: datetime | None = None) -> dt.date:
        """Today's date in the tour's time zone."""
        return (now or utc_now()).astimezone(ZoneInfo(self.time_zone)).date()

    def is_today(self, now: datetime | None = None) -> bool:
        return bool(self.day == self.local_date(now))

    def label(self) -> str:
        return (
            f"{self.tour_code} {self.day.isoformat()} {self.start:%H:%M}-{self.end:%H:%M} "
            f"{self.title}"
        )


def default_device() -> str:
    """The name check-ins made here carry: this laptop's name (a setting, else its host name)."""
    return current_device()[:120]


def device_name(given: str | None) -> str:
    """The device a check-in carries: `given` without control characters or terminal escapes
    (it is shown on screens and in journals), else this laptop's."""
    name = " ".join(without_controls(given or "")[0].split())[:120]
    return name or default_device()


# -- reading a scan ------------------------------------------------------------------------------


def clean_scan(typed: str) -> str:
    """What was typed, in capitals and without control characters (for messages and lookup)."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in typed)
    if _ARABIC.search(text):
        # Only a scan typed through an Arabic layout is mapped back: elsewhere the brackets
        # and slashes that layout types for some letters are stray characters, not letters.
        return read_scan(text)
    return text.upper().replace(" ", "").replace("-", "").strip()


def read_candidates(typed: str) -> list[str]:
    """The well-formed tokens a scan may hold, most likely first.

    A run of exactly one token comes first, then a run holding the same token several times
    (pasted twice), then every well-formed token inside a longer run (a stray letter stuck
    to it). Lookup decides between them: a random 21-letter stretch is well formed one time
    in 17, but a known token by chance essentially never.
    """
    text = clean_scan(typed)[: _LONGEST_SCAN * 2]
    exact: list[str] = []
    inside: list[str] = []
    for run in _RUN.findall(text):
        if len(run) < TOKEN_LENGTH:
            continue
        whole, rest = divmod(len(run), TOKEN_LENGTH)
        first = run[:TOKEN_LENGTH]
        if rest == 0 and run == first * whole and is_valid_token(first):
            exact.append(first)
            continue
        inside.extend(
            run[i : i + TOKEN_LENGTH]
            for i in range(len(run) - TOKEN_LENGTH + 1)
            if is_valid_token(run[i : i + TOKEN_LENGTH])
        )
    return list(dict.fromkeys(exact + inside))


def is_complete_scan(typed: str) -> bool:
    """Whether `typed` is one whole badge token with nothing of it still to come, so a scanner
    set to send no Enter is taken at once: every character reads as a letter of the token (an
    Arabic layout's two-character keys included), and the last is not the first half of one.

    The lam of an Arabic layout's lam-alef key already reads as a G: taken then, the token
    ending with G would be checked in and its alef left behind as a misread of its own.
    """
    text = typed.strip()
    if len(text) < TOKEN_LENGTH or text != typed or scan_may_go_on(text):
        return False
    candidates = read_candidates(text)
    return bool(candidates) and clean_scan(text) == candidates[0]


def _printable(text: str) -> str:
    """`text` safe to print on a terminal or a screen: no control characters, bounded."""
    kept = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    return kept[:60] + ("…" if len(kept) > 60 else "")


def _misread(typed: str, why: str) -> ScanResult:
    return ScanResult(ScanState.MISREAD, _printable(clean_scan(typed)), why)


def misread_scan(typed: str) -> ScanResult | None:
    """What the door says about a scan that holds no badge token at all (empty, far too
    long, no well-formed token), or None when it holds one to look up."""
    if not typed.strip():
        return _misread(typed, _("empty scan: scan again"))
    if len(typed) > _LONGEST_SCAN:
        return _misread(typed, _("too long for a badge: scan one badge at a time"))
    if not read_candidates(typed):
        text = clean_scan(typed)
        if any(letter in TOKEN_ALPHABET for letter in text):
            return _misread(typed, _("misread, scan again"))
        return _misread(typed, _("not a badge code: scan again"))
    return None


# -- sessions ------------------------------------------------------------------------------------


def _session_query() -> Select[*tuple[Any, ...]]:
    return select(
        TourSession.id,
        TourSession.tour_id,
        Tour.code,
        TourSession.kind,
        TourSession.title,
        TourSession.date,
        TourSession.start_time,
        TourSession.end_time,
        Tour.time_zone,
    ).join(Tour, Tour.id == TourSession.tour_id)


def _session_info(row: Row[*tuple[Any, ...]]) -> SessionInfo:
    sid, tour_id, code, kind, title, day, start, end, zone = row
    return SessionInfo(sid, tour_id, code, str(kind), title, day, start, end, zone)


def session_info(programme: ProgrammeFile, session_id: int, tour: str | None = None) -> SessionInfo:
    """The session `session_id` (of tour `tour` when given), or a message saying why not."""
    with programme.engine.connect() as connection:
        row = connection.execute(_session_query().where(TourSession.id == session_id)).first()
    if row is None:
        raise BoosterError(
            _("session {session_id} does not exist (booster list sessions FILE)").format(
                session_id=session_id
            )
        )
    info = _session_info(row)
    if tour is not None and info.tour_code != tour.strip().upper():
        raise BoosterError(
            _("session {session_id} belongs to tour {tour_code}, not {value}").format(
                session_id=session_id, tour_code=info.tour_code, value=tour.strip().upper()
            )
        )
    return info


def tour_sessions(programme: ProgrammeFile, tour: str) -> list[SessionInfo]:
    """The sessions of tour `tour` in agenda order."""
    code = tour.strip().upper()
    with programme.engine.connect() as connection:
        if connection.scalar(select(Tour.id).where(Tour.code == code)) is None:
            raise BoosterError(_("tour {tour!r} does not exist").format(tour=tour))
        rows = connection.execute(
            _session_query()
            .where(Tour.code == code)
            .order_by(TourSession.date, TourSession.start_time, TourSession.id)
        ).all()
    return [_session_info(row) for row in rows]


def session_now(
    programme: ProgrammeFile, tour: str, now: datetime | None = None
) -> SessionInfo | None:
    """The session of `tour` happening now in the tour's time zone.

    The one in progress; else the next one today (people arrive early); else the last one
    today; None when the tour has nothing today.
    """
    now = now or utc_now()
    sessions = tour_sessions(programme, tour)
    if not sessions:
        return None
    local = now.astimezone(ZoneInfo(sessions[0].time_zone))
    today = [s for s in sessions if s.day == local.date()]
    moment = local.time().replace(tzinfo=None)
    for session in today:
        if session.start <= moment < session.end:
            return session
    upcoming = [s for s in today if s.start > moment]
    if upcoming:
        return upcoming[0]
    return today[-1] if today else None


def tour_now(programme: ProgrammeFile, now: datetime | None = None) -> str | None:
    """The code of the tour running today in its own time zone (the first by date), if any."""
    now = now or utc_now()
    with programme.engine.connect() as connection:
        rows = connection.execute(
            select(Tour.code, Tour.start_date, Tour.end_date, Tour.time_zone).order_by(
                Tour.start_date, Tour.code
            )
        ).all()
    for code, start, end, zone in rows:
        if start <= now.astimezone(ZoneInfo(zone)).date() <= end:
            return str(code)
    return None


# -- the door ------------------------------------------------------------------------------------


def _local_hhmm(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%H:%M")


def standing_at(session_id: int, manager: SQLColumnExpression[int] | int) -> ColumnElement[bool]:
    """A check-in of `manager` at the session that stands (not voided)."""
    return and_(
        CheckIn.session_id == session_id,
        CheckIn.manager_id == manager,
        CheckIn.voided.is_(False),
    )


# What a scan adds (`ProgrammeFile.adding`: one statement on a server).
_CHECKINS: Table = CheckIn.__table__  # type: ignore[assignment]


class CheckinDesk:
    """The door of one session: reads scans, records check-ins, undoes the last one.

    Every recording is its own write transaction, committed (the file's `synchronous=FULL`)
    before the result is returned: what the door says is on disk.
    """

    def __init__(
        self,
        programme: ProgrammeFile,
        session_id: int,
        *,
        device: str | None = None,
        tour: str | None = None,
    ) -> None:
        if not programme.writable:
            raise BoosterError(
                _("{path}: is open read-only; check-in needs to write").format(path=programme.path)
            )
        self.programme = programme
        self.session = session_info(programme, session_id, tour)
        self.device = device_name(device)
        # The check-ins this desk recorded, newest last: what "undo last" voids.
        self._recorded: list[str] = []
        self._zone = self.session.time_zone
        # One query says everything the door needs about a badge: whose it is, whether it
        # was revoked, whether the tour expects them, and their standing check-ins here.
        self._by_token = select(
            BadgeToken.token,
            BadgeToken.manager_id,
            BadgeToken.revoked_at,
            *self._person(BadgeToken.manager_id),
        ).join(Manager, Manager.id == BadgeToken.manager_id)
        in_force = (
            select(BadgeToken.token)
            .where(BadgeToken.manager_id == Manager.id, BadgeToken.revoked_at.is_(None))
            .limit(1)
            .scalar_subquery()
        )
        self._by_manager = select(
            func.coalesce(in_force, "").label("token"),
            Manager.id.label("manager_id"),
            null().label("revoked_at"),
            *self._person(Manager.id),
        )
        # Built once: a door runs them for every scan, and building a statement anew costs
        # more than its round trip to a server.
        self._by_candidates = self._by_token.where(
            BadgeToken.token.in_(bindparam("candidates", expanding=True))
        )
        self._by_manager_id = self._by_manager.where(Manager.id == bindparam("manager_id"))

    def _person(self, manager: SQLColumnExpression[int]) -> tuple[SQLColumnExpression[Any], ...]:
        standing = standing_at(self.session.id, manager)
        return (
            Manager.given_name,
            Manager.family_name,
            Manager.arabic_name,
            Manager.country_code,
            # The columns named, not `*`: door staff's rights are per column (`store.roles`).
            select(Enrolment.manager_id)
            .where(
                Enrolment.manager_id == manager,
                Enrolment.tour_id == self.session.tour_id,
                is_expected(),
            )
            .exists()
            .label("expected"),
            select(func.min(CheckIn.recorded_at))
            .where(standing)
            .scalar_subquery()
            .label("first_at"),
            select(func.max(CheckIn.recorded_at))
            .where(standing)
            .scalar_subquery()
            .label("last_at"),
        )

    # -- scanning --------------------------------------------------------------------------------

    def record(
        self,
        typed: str,
        *,
        admit_unregistered: bool = False,
        now: datetime | None = None,
        checkin_id: str | None = None,
    ) -> ScanResult:
        """Read one scan and record the check-in it means; committed before returning.
        `checkin_id`: the id the check-in gets (a door draws it first, so that a retry of
        the same scan after a lost reply is the same check-in)."""
        misread = misread_scan(typed)
        if misread is not None:
            return misread
        candidates = read_candidates(typed)
        with self.programme.adding(_CHECKINS) as adding:
            connection = adding.connection
            rows = connection.execute(self._by_candidates, {"candidates": candidates}).all()
            known = {row.token: row for row in rows}
            found = [known[t] for t in candidates if t in known]
            if len({row.manager_id for row in found}) > 1:
                result = _misread(typed, _("two badges in one scan: scan one badge at a time"))
            elif not found:
                result = ScanResult(
                    ScanState.UNKNOWN, candidates[0], _("unknown badge: ask for a name")
                )
            else:
                result = self._decide(
                    adding,
                    found[0],
                    admit_unregistered,
                    now or utc_now(),
                    checkin_id=checkin_id,
                )
        return result

    def record_manager(
        self,
        manager_id: int,
        *,
        admit_unregistered: bool = False,
        now: datetime | None = None,
        device: str | None = None,
        checkin_id: str | None = None,
    ) -> ScanResult:
        """Check a manager in without a badge (a forgotten badge picked by name, a paper
        sheet): the same rules as a scan, the token in force shown if there is one."""
        with self.programme.adding(_CHECKINS) as adding:
            row = adding.connection.execute(self._by_manager_id, {"manager_id": manager_id}).first()
            if row is None:
                raise BoosterError(
                    _("manager {manager_id} does not exist").format(manager_id=manager_id)
                )
            result = self._decide(
                adding,
                row,
                admit_unregistered,
                now or utc_now(),
                device=device,
                by_hand=True,
                checkin_id=checkin_id,
            )
        return result

    def _decide(
        self,
        adding: OneAdd,
        row: Row[*tuple[Any, ...]],
        admit_unregistered: bool,
        now: datetime,
        *,
        device: str | None = None,
        by_hand: bool = False,
        checkin_id: str | None = None,
    ) -> ScanResult:
        r = row
        token = str(r.token)
        manager_id = int(r.manager_id)
        person = {
            "manager_id": manager_id,
            "name": f"{r.given_name} {r.family_name}",
            "arabic_name": r.arabic_name,
            "country": r.country_code,
        }
        if r.revoked_at is not None:
            return ScanResult(
                ScanState.REVOKED, token, _("revoked badge: a new one was issued"), **person
            )
        first_at = _utc(r.first_at)
        last_at = _utc(r.last_at)
        if first_at is not None and last_at is not None:
            hhmm = _local_hhmm(first_at, self._zone)
            if not by_hand and timedelta(0) <= now - last_at <= DOUBLE_READ:
                return ScanResult(
                    ScanState.WELCOME,
                    token,
                    "welcome",
                    repeat=True,
                    first_at=first_at,
                    first_local=hhmm,
                    **person,
                )
            return ScanResult(
                ScanState.ALREADY,
                token,
                _("already checked in at {hhmm}").format(hhmm=hhmm),
                first_at=first_at,
                first_local=hhmm,
                **person,
            )
        expected = bool(r.expected)
        if not expected and not admit_unregistered:
            return ScanResult(
                ScanState.NOT_REGISTERED,
                token,
                _("not registered for tour {tour_code}").format(tour_code=self.session.tour_code),
                **person,
            )
        checkin_id = checkin_id or str(uuid.uuid4())
        adding.add(
            {
                "id": checkin_id,
                "session_id": self.session.id,
                "manager_id": manager_id,
                "recorded_at": now,
                "device": device_name(device) if device else self.device,
                "voided": False,
                "admitted_unregistered": not expected,
            }
        )
        self._recorded.append(checkin_id)
        state = ScanState.WELCOME if expected else ScanState.NOT_REGISTERED
        return ScanResult(
            state,
            token,
            "welcome" if expected else _("admitted, although not registered for this tour"),
            checkin_id=checkin_id,
            recorded=True,
            admitted=not expected,
            first_at=now,
            first_local=_local_hhmm(now, self._zone),
            **person,
        )

    def admit(self, manager_id: int, *, now: datetime | None = None) -> ScanResult:
        """ "Admit anyway": record a manager who is not registered for this tour, as such."""
        return self.record_manager(manager_id, admit_unregistered=True, now=now)

    # -- undo ------------------------------------------------------------------------------------

    def void_last(self) -> ScanResult:
        """Void the last check-in this desk recorded that still stands (the record is kept)."""
        while self._recorded:
            checkin_id = self._recorded.pop()
            voided = void_checkin(self.programme, checkin_id)
            if voided is not None:
                return voided
        raise BoosterError(_("nothing to undo: no check-in recorded here since the door opened"))

    def head_count(self) -> HeadCount:
        from booster_desktop.services.attendance import head_count

        return head_count(self.programme, self.session.id)


def _utc(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    # Values read through a scalar subquery come back as SQLite's text.
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def void_checkin(programme: ProgrammeFile, checkin_id: str) -> ScanResult | None:
    """Void one check-in (undo at the door): kept in the file, no longer counted.

    None when it was already voided.
    """
    with programme.writing() as connection:
        row = connection.execute(
            select(
                CheckIn.manager_id,
                CheckIn.voided,
                Manager.given_name,
                Manager.family_name,
                Manager.arabic_name,
                Manager.country_code,
            )
            .join(Manager, Manager.id == CheckIn.manager_id)
            .where(CheckIn.id == checkin_id)
        ).first()
        if row is None:
            raise BoosterError(
                _("check-in {checkin_id} does not exist").format(checkin_id=checkin_id)
            )
        if row.voided:
            connection.rollback()  # nothing to write: no commit, no change to report
            return None
        report(connection, CheckIn.__tablename__, [checkin_id], ["voided"])
        connection.execute(update(CheckIn).where(CheckIn.id == checkin_id).values(voided=True))
    return ScanResult(
        ScanState.WELCOME,
        "",
        _("undone: {given_name} {family_name} is no longer checked in").format(
            given_name=row.given_name, family_name=row.family_name
        ),
        manager_id=row.manager_id,
        name=f"{row.given_name} {row.family_name}",
        arabic_name=row.arabic_name,
        country=row.country_code,
        checkin_id=checkin_id,
    )


__all__ = [
    "DOUBLE_READ",
    "GOOD_STATES",
    "PAPER_DEVICE",
    "CheckinDesk",
    "ScanResult",
    "ScanState",
    "SessionInfo",
    "clean_scan",
    "default_device",
    "device_name",
    "misread_scan",
    "read_candidates",
    "session_info",
    "session_now",
    "tour_now",
    "tour_sessions",
    "void_checkin",
]
