"""What a programme holds, in numbers (`booster info`, the window's status bar)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select

from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.enrolment import EXPECTED_STATUSES, Enrolment
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.session import SessionKind, TourSession
from booster_desktop.domain.topic import Topic
from booster_desktop.domain.tour import Tour
from booster_desktop.store import ProgrammeFile


def programme_counts(programme: ProgrammeFile) -> dict[str, Any]:
    """The counts DESIGN.md names for `info --json`, with the programme's title and schema.

    `enrolments` counts expected ones (proposed or confirmed); `checkins` counts standing
    check-ins, a person once per session however many devices recorded them.
    """
    standing = (
        select(CheckIn.session_id, CheckIn.manager_id)
        .where(CheckIn.voided.is_(False))
        .distinct()
        .subquery()
    )
    query = select(
        select(Programme.title).scalar_subquery(),
        select(func.count()).select_from(Manager).scalar_subquery(),
        select(func.count(distinct(Manager.country_code))).scalar_subquery(),
        select(func.count()).select_from(Topic).scalar_subquery(),
        select(func.count()).select_from(Tour).scalar_subquery(),
        select(func.count()).select_from(TourSession).scalar_subquery(),
        select(func.count())
        .select_from(TourSession)
        .where(TourSession.kind == SessionKind.VISIT)
        .scalar_subquery(),
        select(func.count())
        .select_from(Enrolment)
        .where(Enrolment.status.in_(EXPECTED_STATUSES))
        .scalar_subquery(),
        select(func.count()).select_from(standing).scalar_subquery(),
    )
    with programme.engine.connect() as connection:
        row = connection.execute(query).one()
    title, managers, countries, topics, tours, sessions, visits, enrolments, checkins = row
    return {
        "title": title,
        "managers": managers,
        "countries": countries,
        "topics": topics,
        "tours": tours,
        "sessions": sessions,
        "visits": visits,
        "enrolments": enrolments,
        "checkins": checkins,
        "schema": programme.revision,
    }
