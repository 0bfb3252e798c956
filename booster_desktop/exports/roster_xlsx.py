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

DIETS = tuple(Diet)

PARTICIPANT_COLUMNS = (
    Column("ID", "number", 7),
    Column("Given name"),
    Column("Family name"),
    Column("Name in Arabic"),
    Column("Country"),
    Column("City"),
    Column("Organisation"),
    Column("E-mail"),
    Column("Phone"),
    Column("Role"),
    Column("Gender"),
    Column("Diets"),
    Column("Dietary needs"),
    Column("Accessibility needs"),
    Column("Enrolment status"),
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
        Sheet("Participants", PARTICIPANT_COLUMNS, [participant_row(p) for p in roster.people]),
        Sheet(
            "Travel",
            (
                Column("Tour", width=7),
                Column("ID", "number", 7),
                Column("Name"),
                Column("Arrival", "datetime"),
                Column("Arrival details"),
                Column("Departure", "datetime"),
                Column("Departure details"),
                Column("Hotel"),
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
            "Catering",
            (
                Column("Tour", width=7),
                Column("Day", "date"),
                Column("Diet"),
                Column("People", "number", 8),
                Column("Who", width=80),
            ),
            [[c.tour, c.day, c.diet, c.people, "; ".join(c.names)] for c in roster.catering],
        ),
        Sheet(
            "Agenda",
            (
                Column("Tour", width=7),
                Column("Session", "number", 8),
                Column("Date", "date"),
                Column("Start", "time"),
                Column("End", "time"),
                Column("Kind"),
                Column("Title"),
                Column("Venue"),
                Column("Address"),
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
            f"{s.day:%d %b} {s.start:%H:%M} {s.title}"[:60] + f" (#{s.id})" for s in sessions
        ]
        columns = (
            Column("ID", "number", 7),
            Column("Name"),
            Column("Status"),
            *(Column(h, "datetime", 17) for h in headings),
            Column("Sessions attended", "number", 10),
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
        below = [[None, "People per session", None, *totals, sum(totals)]]
        sheets.append(Sheet("Attendance", columns, rows, below))
    else:
        sheets.append(
            Sheet(
                "Allocation",
                (
                    Column("ID", "number", 7),
                    Column("Name"),
                    Column("Country"),
                    Column("Tour", width=7),
                    Column("Status"),
                    Column("Rank", "number", 7),
                    Column("Topic match", "number", 9),
                    Column("Topics wanted on this tour (rank)", width=60),
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
                "Sensitive",
                (
                    Column("ID", "number", 7),
                    Column("Name"),
                    Column("Nationality"),
                    Column("Passport number"),
                    Column("Passport expiry", "date"),
                    Column("Date of birth", "date"),
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
    writer = WorkbookWriter(f"Roster · {roster.title}", subject="Roster")
    for sheet in roster_sheets(roster):
        writer.add(sheet)
    writer.write(target)


def write_participants_csv(roster: Roster, target: Path, separator: str | None = None) -> None:
    """The Participants sheet as CSV: UTF-8 with BOM, the locale's separator."""
    rows = [participant_row(p) for p in roster.people]
    write_csv(target, PARTICIPANT_COLUMNS, rows, separator or list_separator())
