"""An agenda as an iCalendar file (.ics): one event per session or visit, in the tour's own
time zone, with the VTIMEZONE definitions Outlook needs to place them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from booster_desktop.domain.agenda import Agenda, AgendaItem, TourAgenda
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.files import write_atomically

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from icalendar import Event

PRODID = "-//Booster Desktop//Agenda//EN"


def write_calendar(agenda: Agenda, target: Path) -> None:
    """Write `agenda` as an .ics file at `target`, all of it or nothing."""
    data = calendar_bytes(agenda)

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomically(Path(target), write)


def calendar_bytes(agenda: Agenda) -> bytes:
    """`agenda` as iCalendar (RFC 5545) bytes."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _calendar_name(agenda))
    stamp = datetime.now(UTC)
    days: list[date] = []
    for tour in agenda.tours:
        zone = _zone(tour)
        for item in sorted(tour.items, key=lambda i: (i.day, i.start, i.end, i.id)):
            calendar.add_component(_event(tour, item, zone, stamp))
            days.append(item.day)
    if days:
        # Definitions spanning the agenda's years only: small, and right for every event.
        calendar.add_missing_timezones(
            first_date=date(min(days).year - 1, 1, 1), last_date=date(max(days).year + 2, 1, 1)
        )
    data: bytes = calendar.to_ical()
    return data


def _calendar_name(agenda: Agenda) -> str:
    if agenda.for_manager:
        return f"Agenda of {agenda.for_manager}"
    return " / ".join(tour.title for tour in agenda.tours) or "Agenda"


def _zone(tour: TourAgenda) -> ZoneInfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(tour.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise BoosterError(
            f"tour {tour.code}: unknown time zone {tour.time_zone!r} (expected e.g. Europe/Madrid)"
        ) from None


def _event(tour: TourAgenda, item: AgendaItem, zone: ZoneInfo, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"session-{item.id}-{tour.code}@booster-desktop")
    event.add("dtstamp", stamp)
    event.add("summary", item.title)
    event.add("dtstart", datetime.combine(item.day, item.start, tzinfo=zone))
    event.add("dtend", datetime.combine(item.day, item.end, tzinfo=zone))
    location = ", ".join(part for part in (item.venue.strip(), item.address.strip()) if part)
    if location:
        event.add("location", location)
    event.add("description", _description(item))
    event.add("categories", [item.kind])
    return event


def _description(item: AgendaItem) -> str:
    lines = [
        item.kind.capitalize(),
        f"Speakers: {', '.join(item.speakers)}" if item.speakers else "",
        f"Host contacts: {'; '.join(item.contacts)}" if item.contacts else "",
        f"Topics: {', '.join(item.topics)}" if item.topics else "",
        f"Transfer: {item.transfer}" if item.transfer else "",
        item.description.strip(),
    ]
    return "\n".join(line for line in lines if line)
