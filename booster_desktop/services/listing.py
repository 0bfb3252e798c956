"""`booster list`: the programme's managers, topics, tours and sessions as plain records.

Each list is the window's own read model (`manager_rows`, `topic_rows`, `tour_rows`,
`session_rows`), turned into records with exactly the keys docs/command.md gives for
`list --json`, so the window and the command always give the same numbers. Dates are ISO
`YYYY-MM-DD` and times `HH:MM`, in the tour's own time zone (as they are stored).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.tour import Tour
from booster_desktop.i18n import _
from booster_desktop.services.manager_rows import manager_rows
from booster_desktop.services.sessions import session_rows
from booster_desktop.services.topics import topic_rows
from booster_desktop.services.tours import tour_rows
from booster_desktop.store.programme_file import ProgrammeFile

Record = dict[str, Any]


def tour_id(connection: Connection, code: str) -> int:
    """The id of the tour with `code` (any case), or a message listing the codes there are."""
    found = connection.scalar(select(Tour.id).where(Tour.code == code.strip().upper()))
    if found is None:
        codes = ", ".join(
            connection.scalars(select(Tour.code).order_by(Tour.start_date, Tour.code))
        )
        raise BoosterError(
            _("tour {code!r} does not exist (tours: {value})").format(
                code=code, value=codes or _("none yet")
            )
        )
    return found


def _tour_code(programme: ProgrammeFile, code: str) -> tuple[int, str]:
    with programme.engine.connect() as connection:
        found = tour_id(connection, code)
    return found, code.strip().upper()


def list_managers(programme: ProgrammeFile, tour: str | None = None) -> list[Record]:
    """Every manager (or a tour's expected managers) with the badge token in force."""
    code = None if tour is None else _tour_code(programme, tour)[1]
    return [
        {
            "id": row.id,
            "given_name": row.given_name,
            "family_name": row.family_name,
            # The JSON says "nothing" as null, where the table shows an empty cell.
            "arabic_name": row.arabic_name or None,
            "country": row.country_code,
            "city": row.city or None,
            "organisation": row.organisation or None,
            "email": row.email or None,
            "badge_token": row.badge_token or None,
        }
        for row in manager_rows(programme)
        if code is None or code in row.tour_codes
    ]


def list_topics(programme: ProgrammeFile) -> list[Record]:
    """Every topic with how many active managers ranked it."""
    return [
        {"id": row.id, "name": row.name, "wanted_by": row.wanted_by}
        for row in topic_rows(programme)
    ]


def list_tours(programme: ProgrammeFile) -> list[Record]:
    """Every tour with its dates, seats and expected managers, in date order."""
    return [
        {
            "code": row.code,
            "title": row.title,
            "start": row.start.isoformat(),
            "end": row.end.isoformat(),
            "capacity": row.capacity,
            "expected": row.expected,
        }
        for row in tour_rows(programme)
    ]


def list_sessions(programme: ProgrammeFile, tour: str | None = None) -> list[Record]:
    """Every session of every tour (or of one tour), in agenda order."""
    only = None if tour is None else _tour_code(programme, tour)[0]
    return [
        {
            "id": row.id,
            "tour": row.tour,
            "kind": row.kind,
            "title": row.title,
            "date": row.date.isoformat(),
            "start": row.start.strftime("%H:%M"),
            "end": row.end.strftime("%H:%M"),
            "venue": row.venue or None,
        }
        for row in session_rows(programme)
        if only is None or row.tour_id == only
    ]
