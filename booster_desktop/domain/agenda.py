"""A tour's agenda as plain records: what booklets and calendars are drawn from, and what the
checks report. Built by services.agenda; read by exports and the window."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from booster_desktop.domain.details import ProgrammeDetails, TourContacts


@dataclass(frozen=True)
class AgendaItem:
    """One session or visit, as printed and put in calendars (tour's local time)."""

    id: int
    kind: str
    title: str
    day: date
    start: time
    end: time
    venue: str
    address: str
    description: str
    speakers: tuple[str, ...]
    contacts: tuple[str, ...]  # "name, phone" of host contacts
    topics: tuple[str, ...]
    visited: str
    transfer: str  # "coach, 20 min" or ""
    transfer_minutes: int
    uuid: str = ""  # the same on every copy of the programme: the calendar event's key
    revision: int = 0  # raised by every change of time, place or title
    modified_at: datetime | None = None  # UTC


@dataclass(frozen=True)
class Participant:
    name: str
    arabic_name: str
    country: str
    organisation: str
    manager_id: int = 0
    proposed: bool = False  # expected on the tour, not yet confirmed


@dataclass(frozen=True)
class TourAgenda:
    """What one tour's booklet shows."""

    code: str
    title: str
    region: str
    city: str
    host_agency: str
    start: date
    end: date
    time_zone: str
    focus_topics: tuple[str, ...]
    items: tuple[AgendaItem, ...]
    participants: tuple[Participant, ...]
    stay: TourContacts = field(default_factory=TourContacts)

    def days(self) -> list[tuple[date, list[AgendaItem]]]:
        """Every day of the tour (and any day an item falls on), with its items in order."""
        by_day: dict[date, list[AgendaItem]] = defaultdict(list)
        for item in self.items:
            by_day[item.day].append(item)
        day, days = self.start, []
        while day <= self.end:
            days.append(day)
            day += timedelta(days=1)
        days += [d for d in by_day if d not in days]
        return [
            (d, sorted(by_day.get(d, []), key=lambda i: (i.start, i.end, i.id)))
            for d in sorted(days)
        ]


@dataclass(frozen=True)
class Agenda:
    """A booklet: one tour's agenda, or a manager's personal agenda over their tours."""

    tours: tuple[TourAgenda, ...]
    for_manager: str | None = None  # the manager's name on a personal agenda
    for_manager_arabic: str | None = None
    details: ProgrammeDetails = field(default_factory=ProgrammeDetails)


@dataclass(frozen=True)
class AgendaCheck:
    """Something worth a look in an agenda; `items` are the sessions concerned."""

    kind: str  # overlap, outside, transfer, no-training, uncovered-topic, speaker-twice
    message: str
    items: tuple[int, ...] = field(default=())
