"""The agenda as an .ics calendar: parsed back with icalendar, events land at the right
local times with their time zones defined, UIDs stay put, and a failed write leaves nothing."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

import pytest
from icalendar import Calendar

from booster_desktop.domain.agenda import Agenda
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.calendar_ics import calendar_bytes, write_calendar
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
    (visit,) = [e for e in _events(calendar) if str(e["UID"]).startswith("session-2-")]
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


def test_uids_are_stable_across_exports(demo_file: Path) -> None:
    once = Calendar.from_ical(calendar_bytes(_agenda(demo_file, tour="CAT")))
    again = Calendar.from_ical(calendar_bytes(_agenda(demo_file, tour="CAT")))
    uids = [str(e["UID"]) for e in _events(once)]
    assert uids == [str(e["UID"]) for e in _events(again)]
    assert len(set(uids)) == 11
    assert all(u.startswith("session-") and u.endswith("-CAT@booster-desktop") for u in uids)


def test_a_personal_agenda_has_both_tours_in_their_own_zones(demo_file: Path) -> None:
    personal = _agenda(demo_file, manager=1)
    assert [t.code for t in personal.tours] == ["CAT", "PIE"]
    calendar = Calendar.from_ical(calendar_bytes(personal))
    assert str(calendar["X-WR-CALNAME"]) == f"Agenda of {personal.for_manager}"
    events = _events(calendar)
    assert len(events) == sum(len(t.items) for t in personal.tours)
    by_tour: dict[str, set[str]] = {}
    for event in events:
        code = str(event["UID"]).split("@")[0].rsplit("-", 1)[1]
        by_tour.setdefault(code, set()).add(event["DTSTART"].params["TZID"])
    assert by_tour == {"CAT": {"Europe/Madrid"}, "PIE": {"Europe/Rome"}}
    assert _tzids(calendar) == {"Europe/Madrid", "Europe/Rome"}
    pie = [e for e in events if str(e["UID"]).endswith("-PIE@booster-desktop")]
    first = min(pie, key=lambda e: e.decoded("DTSTART"))
    assert first.decoded("DTSTART").utcoffset() == timedelta(hours=1)  # Rome in February


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
