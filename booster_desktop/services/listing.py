"""`booster list`: the programme's managers, topics, tours and sessions as plain records.

Each record has exactly the keys DESIGN.md gives for `list --json`; dates are ISO
`YYYY-MM-DD` and times `HH:MM`, in the tour's own time zone (as they are stored).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from booster_desktop.domain.badge import BadgeToken
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.session import TourSession
from booster_desktop.domain.topic import Topic, TopicInterest
from booster_desktop.domain.tour import Tour
from booster_desktop.store.programme_file import ProgrammeFile

Record = dict[str, Any]


def tour_id(connection: Connection, code: str) -> int:
    """The id of the tour with `code` (any case), or a message listing the codes there are."""
    found = connection.scalar(select(Tour.id).where(Tour.code == code.strip().upper()))
    if found is None:
        codes = ", ".join(
            connection.scalars(select(Tour.code).order_by(Tour.start_date, Tour.code))
        )
        raise BoosterError(f"tour {code!r} does not exist (tours: {codes or 'none yet'})")
    return found


def list_managers(programme: ProgrammeFile, tour: str | None = None) -> list[Record]:
    """Every manager (or a tour's expected managers) with the badge token in force."""
    query = (
        select(
            Manager.id,
            Manager.given_name,
            Manager.family_name,
            Manager.arabic_name,
            Manager.country_code,
            Manager.city,
            Organisation.name,
            Manager.email,
            BadgeToken.token,
        )
        .outerjoin(Organisation, Organisation.id == Manager.organisation_id)
        .outerjoin(
            BadgeToken, (BadgeToken.manager_id == Manager.id) & BadgeToken.revoked_at.is_(None)
        )
        .order_by(Manager.id)
    )
    with programme.engine.connect() as connection:
        if tour is not None:
            query = query.join(Enrolment, Enrolment.manager_id == Manager.id).where(
                Enrolment.tour_id == tour_id(connection, tour),
                is_expected(),
            )
        rows = connection.execute(query).all()
    keys = (
        "id",
        "given_name",
        "family_name",
        "arabic_name",
        "country",
        "city",
        "organisation",
        "email",
        "badge_token",
    )
    return [dict(zip(keys, row, strict=True)) for row in rows]


def list_topics(programme: ProgrammeFile) -> list[Record]:
    """Every topic with how many managers ranked it."""
    wanted = (
        select(TopicInterest.topic_id, func.count().label("wanted_by"))
        .group_by(TopicInterest.topic_id)
        .subquery()
    )
    query = (
        select(Topic.id, Topic.name, func.coalesce(wanted.c.wanted_by, 0))
        .outerjoin(wanted, wanted.c.topic_id == Topic.id)
        .order_by(Topic.id)
    )
    with programme.engine.connect() as connection:
        rows = connection.execute(query).all()
    return [{"id": i, "name": name, "wanted_by": count} for i, name, count in rows]


def list_tours(programme: ProgrammeFile) -> list[Record]:
    """Every tour with its dates, seats and expected managers, in date order."""
    expected = (
        select(Enrolment.tour_id, func.count().label("expected"))
        .where(is_expected())
        .group_by(Enrolment.tour_id)
        .subquery()
    )
    query = (
        select(
            Tour.code,
            Tour.title,
            Tour.start_date,
            Tour.end_date,
            Tour.capacity,
            func.coalesce(expected.c.expected, 0),
        )
        .outerjoin(expected, expected.c.tour_id == Tour.id)
        .order_by(Tour.start_date, Tour.code)
    )
    with programme.engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        {
            "code": code,
            "title": title,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "capacity": capacity,
            "expected": count,
        }
        for code, title, start, end, capacity, count in rows
    ]


def list_sessions(programme: ProgrammeFile, tour: str | None = None) -> list[Record]:
    """Every session of every tour (or of one tour), in agenda order."""
    query = (
        select(
            TourSession.id,
            Tour.code,
            TourSession.kind,
            TourSession.title,
            TourSession.date,
            TourSession.start_time,
            TourSession.end_time,
            TourSession.venue,
        )
        .join(Tour, Tour.id == TourSession.tour_id)
        .order_by(
            Tour.start_date, Tour.code, TourSession.date, TourSession.start_time, TourSession.id
        )
    )
    with programme.engine.connect() as connection:
        if tour is not None:
            query = query.where(TourSession.tour_id == tour_id(connection, tour))
        rows = connection.execute(query).all()
    return [
        {
            "id": session_id,
            "tour": code,
            "kind": kind.value,
            "title": title,
            "date": day.isoformat(),
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
            "venue": venue,
        }
        for session_id, code, kind, title, day, start, end, venue in rows
    ]
