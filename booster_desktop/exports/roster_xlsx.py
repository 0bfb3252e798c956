"""The roster workbook, and the participant list as CSV, drawn from a `Roster`.

One sheet per concern (Participants, Travel, Catering, Agenda, then Attendance for a tour or
Allocation for the programme, and Sensitive only when asked for), each written by the one
spreadsheet writer, so every sheet is a real Excel table with print setup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from booster_desktop.domain.kinds import Diet
from booster_desktop.domain.labels import diet_label
from booster_desktop.domain.roster import Roster, RosterPerson
from booster_desktop.exports.spreadsheet_writer import (
    Column,
    Sheet,
    WorkbookWriter,
    list_separator,
    write_csv,
)
from booster_desktop.i18n import _, short_day

DIETS = tuple(Diet)


def participant_columns() -> tuple[Column, ...]:
    """The Participants sheet's columns, headed in the printing language."""
    return (
        Column("ID", "number", 7),
        Column(_("Given name")),
        Column(_("Family name")),
        Column(_("Name in Arabic")),
        Column(_("Country")),
        Column(_("City")),
        Column(_("Organisation")),
        Column(_("E-mail")),
        Column(_("Phone")),
        Column(_("Role")),
        Column(_("Gender")),
        Column(_("Diets")),
        Column(_("Dietary needs")),
        Column(_("Accessibility needs")),
        Column(_("Enrolment status")),
    )


def participant_row(person: RosterPerson) -> list[Any]:
    diets = ", ".join(diet_label(d) for d in DIETS if d in person.diets) if person.diets else ""
    return [
        person.id,
        person.given_name,
        person.family_name,
        person.arabic_name,
        person.country,
        person.city,
        person.organisation,
        person.email,
        person.phone,
        person.role,
        person.gender,
        diets,
        person.dietary_needs,
        person.accessibility_needs,
        person.status,
    ]


def roster_sheets(roster: Roster) -> list[Sheet]:
    """The workbook's sheets, in order."""
    sheets = [
        Sheet(
            _("Participants"), participant_columns(), [participant_row(p) for p in roster.people]
        ),
        Sheet(
            _("Travel"),
            (
                Column(_("Tour"), width=7),
                Column("ID", "number", 7),
                Column(_("Name")),
                Column(_("Arrival"), "datetime"),
                Column(_("Arrival details")),
                Column(_("Departure"), "datetime"),
                Column(_("Departure details")),
                Column(_("Hotel")),
            ),
            [
                [
                    t.tour,
                    t.manager_id,
                    t.name,
                    t.arrival,
                    t.arrival_details,
                    t.departure,
                    t.departure_details,
                    t.hotel,
                ]
                for t in roster.travel
            ],
        ),
        Sheet(
            _("Catering"),
            (
                Column(_("Tour"), width=7),
                Column(_("Day"), "date"),
                Column(_("Diet")),
                Column(_("People"), "number", 8),
                Column(_("Who"), width=80),
            ),
            [[c.tour, c.day, c.diet, c.people, "; ".join(c.names)] for c in roster.catering],
        ),
        Sheet(
            _("Agenda"),
            (
                Column(_("Tour"), width=7),
                Column(_("Session"), "number", 8),
                Column(_("Date"), "date"),
                Column(_("Start"), "time"),
                Column(_("End"), "time"),
                Column(_("Kind")),
                Column(_("Title")),
                Column(_("Venue")),
                Column(_("Address")),
            ),
            [
                [a.tour, a.session_id, a.day, a.start, a.end, a.kind, a.title, a.venue, a.address]
                for a in roster.agenda
            ],
        ),
    ]
    if roster.tour is not None:
        sessions = roster.attendance_sessions
        headings = [
            f"{short_day(s.day)} {s.start:%H:%M} {s.title}"[:60] + f" (#{s.id})" for s in sessions
        ]
        columns = (
            Column("ID", "number", 7),
            Column(_("Name")),
            Column(_("Status")),
            *(Column(h, "datetime", 17) for h in headings),
            Column(_("Sessions attended"), "number", 10),
        )
        rows = [
            [line.manager_id, line.name, line.status, *line.times, line.attended]
            for line in roster.attendance
        ]
        totals = [
            sum(1 for line in roster.attendance if line.times[n] is not None)
            for n in range(len(sessions))
        ]
        # Totals under the table: sorting the table must not move them.
        below = [[None, _("People per session"), None, *totals, sum(totals)]]
        sheets.append(Sheet(_("Attendance"), columns, rows, below))
    else:
        sheets.append(
            Sheet(
                _("Allocation"),
                (
                    Column("ID", "number", 7),
                    Column(_("Name")),
                    Column(_("Country")),
                    Column(_("Tour"), width=7),
                    Column(_("Status")),
                    Column(_("Rank"), "number", 7),
                    Column(_("Topic match"), "number", 9),
                    Column(_("Topics wanted on this tour (rank)"), width=60),
                ),
                [
                    [
                        a.manager_id,
                        a.name,
                        a.country,
                        a.tour,
                        a.status,
                        a.rank,
                        None if a.score is None else round(a.score, 3),
                        a.topics,
                    ]
                    for a in roster.allocation
                ],
            )
        )
    if roster.sensitive is not None:
        sheets.append(
            Sheet(
                _("Sensitive"),
                (
                    Column("ID", "number", 7),
                    Column(_("Name")),
                    Column(_("Nationality")),
                    Column(_("Passport number")),
                    Column(_("Passport expiry"), "date"),
                    Column(_("Date of birth"), "date"),
                ),
                [
                    [
                        s.manager_id,
                        s.name,
                        s.nationality,
                        s.passport_number,
                        s.passport_expiry,
                        s.date_of_birth,
                    ]
                    for s in roster.sensitive
                ],
            )
        )
    return sheets


def write_roster(roster: Roster, target: Path) -> None:
    """Write the roster workbook to `target` (all of it, or nothing)."""
    writer = WorkbookWriter(_("Roster · {title}").format(title=roster.title), subject=_("Roster"))
    for sheet in roster_sheets(roster):
        writer.add(sheet)
    writer.write(target)


def write_participants_csv(roster: Roster, target: Path, separator: str | None = None) -> None:
    """The Participants sheet as CSV: UTF-8 with BOM, the locale's separator."""
    rows = [participant_row(p) for p in roster.people]
    write_csv(target, participant_columns(), rows, separator or list_separator())
