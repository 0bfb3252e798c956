"""The agenda as an .ics calendar: parsed back with icalendar, events land at the right
local times with their time zones defined, UIDs stay put, and a failed write leaves nothing."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from io import StringIO
from pathlib import Path
from typing import Any, NoReturn

import pytest
from icalendar import Calendar

from booster_desktop.domain.agenda import Agenda, AgendaItem, TourAgenda
from booster_desktop.domain.details import ProgrammeDetails
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.calendar_ics import calendar_bytes, event_uid, write_calendar
from booster_desktop.services.agenda import agenda
from booster_desktop.services.programme import open_programme


def _agenda(path: Path, tour: str | None = None, manager: int | None = None) -> Agenda:
    with open_programme(path) as programme:
        return agenda(programme, tour=tour, manager=manager)


def _events(calendar: Calendar) -> list[Any]:
    return list(calendar.walk("VEVENT"))


def _tzids(calendar: Calendar) -> set[str]:
    return {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}


def test_the_tour_calendar_has_every_session_at_its_local_time(
    demo_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "cat.ics"
    write_calendar(_agenda(demo_file, tour="CAT"), target)

    calendar = Calendar.from_ical(target.read_bytes())
    assert str(calendar["PRODID"]) == "-//Booster Desktop//Agenda//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]).startswith("Inspiration and learning tour")  # title
    events = _events(calendar)
    assert len(events) == 11
    first = min(events, key=lambda e: e.decoded("DTSTART"))
    assert str(first["SUMMARY"]) == "Joint training: Strategy and governance"
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert first["DTSTART"].params["TZID"] == "Europe/Madrid"
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2018, 11, 19, 9, 30)
    assert start.utcoffset() is not None
    assert start.astimezone(UTC) == datetime(2018, 11, 19, 8, 30, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime(2018, 11, 19, 11, 30, tzinfo=UTC)
    assert "Passeig de Gràcia, 129, 08008 Barcelona" in str(first["LOCATION"])
    assert str(first["LOCATION"]).startswith("ACCIÓ headquarters, ")
    assert "Montserrat Ferrer Puig" in str(first["DESCRIPTION"])
    assert [str(c) for c in first["CATEGORIES"].cats] == ["training"]


def test_the_calendar_title_is_the_tour_title(demo_file: Path) -> None:
    tour_agenda = _agenda(demo_file, tour="CAT")
    calendar = Calendar.from_ical(calendar_bytes(tour_agenda))
    assert str(calendar["X-WR-CALNAME"]) == tour_agenda.tours[0].title


def test_a_visit_says_its_transfer_and_host_contact(demo_file: Path) -> None:
    calendar = Calendar.from_ical(calendar_bytes(_agenda(demo_file, tour="CAT")))
    (visit,) = [
        e
        for e in _events(calendar)
        if str(e["SUMMARY"]) == "Benchmarking visit: Catalan Packaging Cluster"
    ]
    description = str(visit["DESCRIPTION"])
    assert "Transfer: metro, 25 min" in description
    assert "Marta Soler Riera, +34 93 318 45 20" in description
    assert "" not in description.split("\n")  # no empty lines
    assert "Carrer de Pallars, 108, 08018 Barcelona" in str(visit["LOCATION"])


def test_the_time_zone_is_defined_with_its_summer_and_winter_rules(demo_file: Path) -> None:
    calendar = Calendar.from_ical(calendar_bytes(_agenda(demo_file, tour="CAT")))
    assert _tzids(calendar) == {"Europe/Madrid"}
    (zone,) = calendar.walk("VTIMEZONE")
    names = {sub.name for sub in zone.subcomponents}
    assert names == {"STANDARD", "DAYLIGHT"}
    assert calendar.get_missing_tzids() == set()


def test_uids_are_stable_across_exports_and_built_from_the_programmes_key(
    demo_file: Path,
) -> None:
    the_agenda = _agenda(demo_file, tour="CAT")
    once = Calendar.from_ical(calendar_bytes(the_agenda))
    again = Calendar.from_ical(calendar_bytes(_agenda(demo_file, tour="CAT")))
    uids = [str(e["UID"]) for e in _events(once)]
    assert uids == [str(e["UID"]) for e in _events(again)]
    assert len(set(uids)) == 11
    programme_key = the_agenda.details.uuid
    assert len(programme_key) == 36
    sessions = {item.uuid for item in the_agenda.tours[0].items}
    assert {uid.removesuffix(f"-{programme_key}@booster-desktop") for uid in uids} == sessions


def test_two_programmes_share_no_uid(demo_file: Path, tmp_path: Path) -> None:
    from booster_desktop.services.demo import write_demo

    other = tmp_path / "other.booster"
    write_demo(other)  # the same demo, written again: another programme
    first = Calendar.from_ical(calendar_bytes(_agenda(demo_file, tour="CAT")))
    second = Calendar.from_ical(calendar_bytes(_agenda(other, tour="CAT")))
    titles = sorted(str(e["SUMMARY"]) for e in _events(first))
    assert titles == sorted(str(e["SUMMARY"]) for e in _events(second))
    assert not {str(e["UID"]) for e in _events(first)} & {str(e["UID"]) for e in _events(second)}


def test_a_personal_agenda_has_both_tours_in_their_own_zones(demo_file: Path) -> None:
    personal = _agenda(demo_file, manager=1)
    assert [t.code for t in personal.tours] == ["CAT", "PIE"]
    calendar = Calendar.from_ical(calendar_bytes(personal))
    assert str(calendar["X-WR-CALNAME"]) == f"Agenda of {personal.for_manager}"
    events = _events(calendar)
    assert len(events) == sum(len(t.items) for t in personal.tours)
    zones = {tour.code: tour.time_zone for tour in personal.tours}
    by_uid = {
        event_uid(personal, tour, item): tour.code for tour in personal.tours for item in tour.items
    }
    for event in events:
        assert event["DTSTART"].params["TZID"] == zones[by_uid[str(event["UID"])]]
    assert _tzids(calendar) == {"Europe/Madrid", "Europe/Rome"}
    pie = [e for e in events if by_uid[str(e["UID"])] == "PIE"]
    first = min(pie, key=lambda e: e.decoded("DTSTART"))
    assert first.decoded("DTSTART").utcoffset() == timedelta(hours=1)  # Rome in February
    # The same session has the same UID in the tour's calendar and in the personal one.
    tour_uids = {
        str(e["UID"])
        for e in _events(Calendar.from_ical(calendar_bytes(_agenda(demo_file, tour="PIE"))))
    }
    assert tour_uids == {str(e["UID"]) for e in pie}


# -- re-sent calendars ---------------------------------------------------------------------------


def _event_of(path: Path, title: str) -> Any:
    (event,) = [
        e
        for e in _events(Calendar.from_ical(calendar_bytes(_agenda(path, tour="CAT"))))
        if str(e["SUMMARY"]) == title
    ]
    return event


def test_sequence_rises_when_a_session_moves_and_only_then(demo_file: Path) -> None:
    from dataclasses import replace

    from booster_desktop.services.sessions import save_session, session_details

    title = "Welcome dinner"
    before = _event_of(demo_file, title)
    assert int(before["SEQUENCE"]) == 0
    with open_programme(demo_file) as programme:
        (item,) = [i for i in _agenda(demo_file, tour="CAT").tours[0].items if i.title == title]
        details = session_details(programme, item.id)
        save_session(programme, replace(details, description="Dress code: none."), item.id)
    unchanged = _event_of(demo_file, title)
    assert int(unchanged["SEQUENCE"]) == 0  # a description is not what a calendar places
    with open_programme(demo_file) as programme:
        details = session_details(programme, item.id)
        save_session(programme, replace(details, start_time=time(20, 0)), item.id)
    moved = _event_of(demo_file, title)
    assert str(moved["UID"]) == str(before["UID"])
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").time() == time(20, 0)
    modified = moved.decoded("LAST-MODIFIED")
    assert modified.tzinfo is not None and abs(datetime.now(UTC) - modified) < timedelta(hours=1)
    with open_programme(demo_file) as programme:
        details = session_details(programme, item.id)
        save_session(programme, replace(details, venue="Casa Lola, Barcelona"), item.id)
        details = session_details(programme, item.id)  # read again: at its new version
        save_session(programme, replace(details, title="Dinner"), item.id)
    assert int(_event_of(demo_file, "Dinner")["SEQUENCE"]) == 3


# -- time zones, read back by two parsers --------------------------------------------------------


def _tour_across(zone: str, days: list[date]) -> Agenda:
    items = tuple(
        AgendaItem(
            id=n,
            kind="training",
            title=f"Session {n}",
            day=day,
            start=time(10),
            end=time(12),
            venue="",
            address="",
            description="",
            speakers=(),
            contacts=(),
            topics=(),
            visited="",
            transfer="",
            transfer_minutes=0,
            uuid=f"00000000-0000-4000-8000-{n:012d}",
        )
        for n, day in enumerate(days, 1)
    )
    tour = TourAgenda(
        code="TZ",
        title="Across a clock change",
        region="",
        city="",
        host_agency="",
        start=min(days),
        end=max(days),
        time_zone=zone,
        focus_topics=(),
        items=items,
        participants=(),
    )
    return Agenda((tour,), details=ProgrammeDetails(uuid="11111111-2222-4333-8444-555555555555"))


def _parsers(data: bytes, zone: str) -> list[Any]:
    """The zone as defined in the file, read by icalendar (not looked up by name) and by
    dateutil's tzical."""
    from dateutil.tz import tzical

    (block,) = Calendar.from_ical(data).walk("VTIMEZONE")
    ours = block.to_tz(lookup_tzid=False)
    return [ours, tzical(StringIO(data.decode())).get(zone)]


def _utc(zone: Any, moment: datetime) -> datetime:
    local = zone.localize(moment) if hasattr(zone, "localize") else moment.replace(tzinfo=zone)
    return local.astimezone(UTC)


def test_the_time_zone_has_yearly_rules_with_the_onset_before_the_change() -> None:
    data = calendar_bytes(_tour_across("Europe/Madrid", [date(2026, 3, 27), date(2026, 3, 30)]))
    (block,) = Calendar.from_ical(data).walk("VTIMEZONE")
    observances = {sub.name: sub for sub in block.subcomponents}
    assert set(observances) == {"STANDARD", "DAYLIGHT"}
    summer, winter = observances["DAYLIGHT"], observances["STANDARD"]
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in summer.to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in winter.to_ical().decode()
    assert "RDATE" not in block.to_ical().decode()
    # RFC 5545: each onset in the local time before the change (02:00 CET, 03:00 CEST).
    assert summer.decoded("DTSTART") == datetime(2025, 3, 30, 2, 0)
    assert winter.decoded("DTSTART") == datetime(2025, 10, 26, 3, 0)
    assert summer.decoded("TZOFFSETFROM") == timedelta(hours=1)
    assert summer.decoded("TZOFFSETTO") == timedelta(hours=2)
    assert str(summer["TZNAME"]) == "CEST"


@pytest.mark.parametrize(
    ("zone", "days", "utc_hours"),
    [
        # The last Sunday of March 2026 is the 29th: 10:00 is 09:00 UTC before, 08:00 after.
        ("Europe/Madrid", [date(2026, 3, 27), date(2026, 3, 30)], [9, 8]),
        # ... and of October the 25th: back to 09:00 UTC.
        ("Europe/Madrid", [date(2026, 10, 23), date(2026, 10, 26)], [8, 9]),
        # Morocco goes back an hour for Ramadan (about 15 February to 22 March 2026).
        ("Africa/Casablanca", [date(2026, 2, 10), date(2026, 3, 1), date(2026, 3, 25)], [9, 10, 9]),
    ],
)
def test_both_parsers_place_sessions_either_side_of_a_clock_change(
    zone: str, days: list[date], utc_hours: list[int]
) -> None:
    data = calendar_bytes(_tour_across(zone, days))
    events = sorted(_events(Calendar.from_ical(data)), key=lambda e: str(e["SUMMARY"]))
    for parser in _parsers(data, zone):
        for event, day, hour in zip(events, days, utc_hours, strict=True):
            local = event["DTSTART"].dt.replace(tzinfo=None)
            assert local == datetime.combine(day, time(10))
            assert _utc(parser, local) == datetime.combine(day, time(hour), tzinfo=UTC), (
                parser,
                day,
            )
    # And the zone database agrees with both.
    for event, hour in zip(events, utc_hours, strict=True):
        assert event.decoded("DTSTART").astimezone(UTC).hour == hour


def test_a_zone_without_a_yearly_rule_lists_its_changes() -> None:
    data = calendar_bytes(_tour_across("Africa/Casablanca", [date(2026, 3, 1)])).decode()
    block = data[data.index("BEGIN:VTIMEZONE") : data.index("END:VTIMEZONE")]
    assert "RDATE" in block and "RRULE" not in block


def test_a_zone_without_changes_has_one_observance() -> None:
    data = calendar_bytes(_tour_across("Africa/Tunis", [date(2026, 3, 1)]))
    (block,) = Calendar.from_ical(data).walk("VTIMEZONE")
    (only,) = block.subcomponents
    assert only.name == "STANDARD" and only.decoded("TZOFFSETTO") == timedelta(hours=1)
    for parser in _parsers(data, "Africa/Tunis"):
        assert _utc(parser, datetime(2026, 7, 1, 10)).hour == 9


def test_a_missing_folder_is_refused_and_nothing_is_written(
    demo_file: Path, tmp_path: Path
) -> None:
    before = sorted(tmp_path.iterdir())
    with pytest.raises(BoosterError, match="no such folder"):
        write_calendar(_agenda(demo_file, tour="CAT"), tmp_path / "missing" / "cat.ics")
    assert sorted(tmp_path.iterdir()) == before


def test_a_refused_rename_leaves_no_partial_file(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    the_agenda = _agenda(demo_file, tour="CAT")
    folder = tmp_path / "out"
    folder.mkdir()

    def refuse(self: Path, target: Path) -> NoReturn:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(BoosterError) as error:
        write_calendar(the_agenda, folder / "cat.ics")
    message = str(error.value)
    assert "\n" not in message
    assert "cat.ics" in message and "Permission denied" in message
    assert list(folder.iterdir()) == []


def test_importing_the_exporter_does_not_load_icalendar() -> None:
    code = "import sys, booster_desktop.exports.calendar_ics; sys.exit('icalendar' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
