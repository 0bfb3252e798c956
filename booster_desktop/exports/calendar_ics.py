"""An agenda as an iCalendar file (.ics): one event per session or visit, in the tour's own
time zone, with the VTIMEZONE definitions calendar programs need to place them.

The time zones are written the way Outlook and Google write theirs: a STANDARD and a DAYLIGHT
observance, each with a yearly rule (RRULE) and its onset in the local time before the change
(RFC 5545: CET becomes CEST at 02:00). They are worked out here from the zone's transitions
(the icalendar library writes only lists of dates, with the onset in the new local time, which
Outlook desktop is reported to misread). A zone whose changes follow no yearly rule (Morocco's
follow Ramadan) gets its dates listed (RDATE).

Each event's UID is built from the programme's key and the session's, so two programmes never
share one; SEQUENCE is the session's revision (raised by every change of its time, place or
title) so that a calendar re-sent after a change updates the events already imported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from booster_desktop.domain.agenda import Agenda, AgendaItem, TourAgenda
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.files import write_atomically
from booster_desktop.i18n import _

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from icalendar import Event, Timezone

PRODID = "-//Booster Desktop//Agenda//EN"
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def write_calendar(agenda: Agenda, target: Path) -> None:
    """Write `agenda` as an .ics file at `target`, all of it or nothing."""
    data = calendar_bytes(agenda)

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomically(Path(target), write)


def calendar_bytes(agenda: Agenda, *, now: datetime | None = None) -> bytes:
    """`agenda` as iCalendar (RFC 5545) bytes."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _calendar_name(agenda))
    stamp = now or datetime.now(UTC)
    years: dict[str, set[int]] = defaultdict(set)
    zones: dict[str, ZoneInfo] = {}
    events = []
    for tour in agenda.tours:
        zone = _zone(tour)
        zones[zone.key] = zone
        for item in sorted(tour.items, key=lambda i: (i.day, i.start, i.end, i.id)):
            events.append(_event(agenda, tour, item, zone, stamp))
            years[zone.key].add(item.day.year)
    # Definitions spanning the events' years only (and one either side): small, and right
    # for every event in the file.
    for key in sorted(years):
        calendar.add_component(vtimezone(zones[key], min(years[key]) - 1, max(years[key]) + 1))
    for event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _calendar_name(agenda: Agenda) -> str:
    if agenda.for_manager:
        return _("Agenda of {for_manager}").format(for_manager=agenda.for_manager)
    return " / ".join(tour.title for tour in agenda.tours) or _("Agenda")


def _zone(tour: TourAgenda) -> ZoneInfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(tour.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise BoosterError(
            _("tour {code}: unknown time zone {time_zone!r} (expected e.g. Europe/Madrid)").format(
                code=tour.code, time_zone=tour.time_zone
            )
        ) from None


def event_uid(agenda: Agenda, tour: TourAgenda, item: AgendaItem) -> str:
    """The event's key: the session's and the programme's, the same in every export."""
    if item.uuid and agenda.details.uuid:
        return f"{item.uuid}-{agenda.details.uuid}@booster-desktop"
    # A record built without keys (never from a programme file): still unique in the file.
    return f"session-{item.id}-{tour.code}@booster-desktop"


def _event(
    agenda: Agenda, tour: TourAgenda, item: AgendaItem, zone: ZoneInfo, stamp: datetime
) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", event_uid(agenda, tour, item))
    event.add("dtstamp", stamp)
    event.add("sequence", item.revision)
    if item.modified_at is not None:
        event.add("last-modified", item.modified_at.astimezone(UTC))
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
        _("Speakers: {value}").format(value=", ".join(item.speakers)) if item.speakers else "",
        _("Host contacts: {value}").format(value="; ".join(item.contacts)) if item.contacts else "",
        _("Topics: {value}").format(value=", ".join(item.topics)) if item.topics else "",
        _("Transfer: {transfer}").format(transfer=item.transfer) if item.transfer else "",
        item.description.strip(),
    ]
    return "\n".join(line for line in lines if line)


# -- time zones ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Onset:
    """A change of a zone's offset: when (UTC, and local time before it), from and to what."""

    at: datetime  # UTC
    before: timedelta
    after: timedelta
    name: str  # the abbreviation after the change
    daylight: bool  # summer time (or any offset away from the standard one) after it

    @property
    def local(self) -> datetime:
        """The onset in the local time in force before it, as RFC 5545 wants it (naive)."""
        return (self.at + self.before).replace(tzinfo=None)


def _state(zone: ZoneInfo, moment: datetime) -> tuple[timedelta, timedelta, str]:
    local = moment.astimezone(zone)
    return (
        local.utcoffset() or timedelta(0),
        local.dst() or timedelta(0),
        local.tzname() or "",
    )


def onsets(zone: ZoneInfo, first_year: int, last_year: int) -> list[Onset]:
    """Every change of `zone` from the start of `first_year` to the end of `last_year`."""
    found: list[Onset] = []
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    state = _state(zone, moment)
    step = timedelta(hours=12)  # no zone changes twice within half a day
    while moment < end:
        following = moment + step
        new = _state(zone, following)
        if new != state:
            low, high = moment, following  # the change is after `low`, at or before `high`
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            at = high.replace(microsecond=0)
            found.append(Onset(at, state[0], new[0], new[2], new[1] != timedelta(0)))
            state = new
        moment = following
    return found


def _yearly_rule(group: list[Onset]) -> dict[str, Any] | None:
    """The RRULE every onset of `group` follows (one a year, same month, weekday and time,
    the n-th or last such weekday), or None."""
    locals_ = [onset.local for onset in group]
    years = [moment.year for moment in locals_]
    if len(group) < 2 or years != list(range(years[0], years[0] + len(years))):
        return None
    first = locals_[0]
    if any(
        (m.month, m.weekday(), m.time()) != (first.month, first.weekday(), first.time())
        for m in locals_
    ):
        return None
    weekday = _DAYS[first.weekday()]
    if all((m + timedelta(days=7)).month != m.month for m in locals_):
        return {"freq": "yearly", "bymonth": first.month, "byday": f"-1{weekday}"}
    ordinals = {(m.day - 1) // 7 + 1 for m in locals_}
    if len(ordinals) == 1:
        return {"freq": "yearly", "bymonth": first.month, "byday": f"{ordinals.pop()}{weekday}"}
    return None


def vtimezone(zone: ZoneInfo, first_year: int, last_year: int) -> Timezone:
    """`zone` as a VTIMEZONE for events from `first_year` to `last_year`: a yearly rule per
    kind of change where one holds, the dates listed where none does."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    block = Timezone()
    block.add("tzid", zone.key)
    changes = onsets(zone, first_year, last_year)
    if not changes:
        offset, _dst, name = _state(zone, datetime(first_year, 1, 1, tzinfo=UTC))
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", name)
        block.add_component(standard)
        return block
    groups: dict[tuple[bool, timedelta, timedelta, str], list[Onset]] = defaultdict(list)
    for onset in changes:
        groups[(onset.daylight, onset.before, onset.after, onset.name)].append(onset)
    for (daylight, before, after, name), group in sorted(
        groups.items(), key=lambda entry: entry[1][0].at
    ):
        observance = TimezoneDaylight() if daylight else TimezoneStandard()
        observance.add("dtstart", group[0].local)
        observance.add("tzoffsetfrom", before)
        observance.add("tzoffsetto", after)
        observance.add("tzname", name)
        rule = _yearly_rule(group)
        if rule is not None:
            if group[-1].local.year < last_year:
                rule["until"] = group[-1].at  # the rule stopped within the years written
            observance.add("rrule", rule)
        elif len(group) > 1:
            observance.add("rdate", [onset.local for onset in group[1:]])
        block.add_component(observance)
    return block
