"""A roster as plain records: what the roster workbook and its CSV variant are drawn from.

Built by services.rosters; drawn by exports.roster_xlsx. Times are the tour's local wall
times (naive datetimes): a spreadsheet has no time zones. Named tuples, not dataclasses: a
roster of 10,000 managers makes about 200,000 of them, and tuples are made several times
faster.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import NamedTuple

from booster_desktop.domain.kinds import Diet


class RosterPerson(NamedTuple):
    """A manager on the Participants sheet."""

    id: int
    given_name: str
    family_name: str
    arabic_name: str
    country: str
    city: str
    organisation: str
    email: str
    phone: str
    role: str
    gender: str
    diets: frozenset[Diet]
    dietary_needs: str
    accessibility_needs: str
    status: str  # the enrolment's status on the tour, or "CAT: confirmed; WAL: proposed"
    name: str  # given and family name, as shown


class TravelLine(NamedTuple):
    tour: str
    manager_id: int
    name: str
    arrival: datetime | None
    arrival_details: str
    departure: datetime | None
    departure_details: str
    hotel: str


class CateringLine(NamedTuple):
    """How many of the people present on a day keep a diet, and who."""

    tour: str
    day: date
    diet: str  # a printed label
    people: int
    names: tuple[str, ...]


class AgendaLine(NamedTuple):
    tour: str
    session_id: int
    day: date
    start: time
    end: time
    kind: str
    title: str
    venue: str
    address: str


class AttendanceSession(NamedTuple):
    id: int
    day: date
    start: time
    title: str


class AttendanceLine(NamedTuple):
    """A manager's row of the attendance grid: the check-in time at each session, or None."""

    manager_id: int
    name: str
    status: str
    times: tuple[datetime | None, ...]

    @property
    def attended(self) -> int:
        return sum(1 for moment in self.times if moment is not None)


class AllocationLine(NamedTuple):
    manager_id: int
    name: str
    country: str
    tour: str
    status: str
    rank: int | None  # the tour's rank among the manager's tours, by the topics they want
    score: float | None
    topics: str  # the tour's focus topics the manager ranked, "Funding (1), Export (3)"


class SensitiveLine(NamedTuple):
    manager_id: int
    name: str
    nationality: str
    passport_number: str
    passport_expiry: date | None
    date_of_birth: date | None


@dataclass(frozen=True)
class Roster:
    """Everything a roster workbook holds; `tour` None for the whole programme."""

    title: str
    tour: str | None
    people: tuple[RosterPerson, ...]
    travel: tuple[TravelLine, ...]
    catering: tuple[CateringLine, ...]
    agenda: tuple[AgendaLine, ...]
    attendance_sessions: tuple[AttendanceSession, ...] = ()
    attendance: tuple[AttendanceLine, ...] = ()
    allocation: tuple[AllocationLine, ...] = ()
    sensitive: tuple[SensitiveLine, ...] | None = None  # None: not asked for
