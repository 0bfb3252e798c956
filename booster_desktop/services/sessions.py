"""Sessions (training, visits, ...) for the window's Visits tab, the editor, and their warnings."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import Connection, insert, select, update

from booster_desktop.domain.kinds import SessionKind
from booster_desktop.domain.session import TourSession
from booster_desktop.domain.text import clean
from booster_desktop.domain.tour import Tour
from booster_desktop.services.validation import InvalidRecord
from booster_desktop.store.programme_file import ProgrammeFile


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of the Visits tab: a session of a tour, in the tour's local time."""

    id: int
    tour_id: int
    tour: str
    kind: str
    title: str
    date: date
    start: time
    end: time
    venue: str
    address: str
    outside_tour: bool


def session_rows(programme: ProgrammeFile, ids: Collection[int] | None = None) -> list[SessionRow]:
    query = (
        select(
            TourSession.id,
            TourSession.tour_id,
            Tour.code,
            TourSession.kind,
            TourSession.title,
            TourSession.date,
            TourSession.start_time,
            TourSession.end_time,
            TourSession.venue,
            TourSession.address,
            Tour.start_date,
            Tour.end_date,
        )
        .join(Tour, Tour.id == TourSession.tour_id)
        .order_by(Tour.start_date, Tour.code, TourSession.date, TourSession.start_time)
    )
    if ids is not None:
        query = query.where(TourSession.id.in_(list(ids)))
    with programme.engine.connect() as connection:
        return [
            SessionRow(
                r[0],
                r[1],
                r[2],
                r[3].value,
                r[4],
                r[5],
                r[6],
                r[7],
                r[8] or "",
                r[9] or "",
                not (r[10] <= r[5] <= r[11]),
            )
            for r in connection.execute(query)
        ]


@dataclass(frozen=True)
class SessionDetails:
    tour_id: int = 0
    kind: str = SessionKind.TRAINING.value
    title: str = ""
    date: date = date(2000, 1, 3)
    start_time: time = time(9, 30)
    end_time: time = time(12, 30)
    venue: str = ""
    address: str = ""
    transfer_mode: str = ""
    transfer_minutes: int = 0
    description: str = ""


def session_details(programme: ProgrammeFile, session_id: int) -> SessionDetails:
    with programme.session() as session:
        item = session.get_one(TourSession, session_id)
        return SessionDetails(
            tour_id=item.tour_id,
            kind=item.kind.value,
            title=item.title,
            date=item.date,
            start_time=item.start_time,
            end_time=item.end_time,
            venue=item.venue or "",
            address=item.address or "",
            transfer_mode=item.transfer_mode or "",
            transfer_minutes=item.transfer_minutes or 0,
            description=item.description or "",
        )


def validate_session(connection: Connection, details: SessionDetails) -> dict[str, str]:
    problems: dict[str, str] = {}
    if connection.scalar(select(Tour.id).where(Tour.id == details.tour_id)) is None:
        problems["tour"] = "Choose the tour this session belongs to."
    if not details.title:
        problems["title"] = "A session needs a title."
    if details.end_time <= details.start_time:
        problems["time"] = "The session must end after it starts."
    if details.kind not in {k.value for k in SessionKind}:
        problems["kind"] = f"'{details.kind}' is not a kind of session."
    return problems


def session_warnings(connection: Connection, details: SessionDetails) -> dict[str, str]:
    """What is allowed but worth a look: a session dated outside its tour (DESIGN.md)."""
    tour = connection.execute(
        select(Tour.code, Tour.start_date, Tour.end_date).where(Tour.id == details.tour_id)
    ).first()
    if tour is not None and not tour.start_date <= details.date <= tour.end_date:
        return {
            "date": f"{details.date.isoformat()} is outside tour {tour.code} "
            f"({tour.start_date.isoformat()} to {tour.end_date.isoformat()}); it is saved anyway."
        }
    return {}


def save_session(
    programme: ProgrammeFile, details: SessionDetails, session_id: int | None = None
) -> int:
    with programme.writing() as connection:
        problems = validate_session(connection, details)
        if problems:
            raise InvalidRecord(problems)
        values = {
            "tour_id": details.tour_id,
            "kind": SessionKind(details.kind),
            "title": clean(details.title),
            "date": details.date,
            "start_time": details.start_time,
            "end_time": details.end_time,
            "venue": clean(details.venue) or None,
            "address": clean(details.address) or None,
            "transfer_mode": clean(details.transfer_mode) or None,
            "transfer_minutes": details.transfer_minutes or None,
            "description": details.description.strip() or None,
        }
        if session_id is None:
            return connection.execute(
                insert(TourSession).values(values).returning(TourSession.id)
            ).scalar_one()
        connection.execute(update(TourSession).where(TourSession.id == session_id).values(values))
        return session_id


def session_problems(
    programme: ProgrammeFile, details: SessionDetails, session_id: int | None = None
) -> dict[str, str]:
    del session_id  # a session's rules do not depend on the other sessions
    with programme.engine.connect() as connection:
        return validate_session(connection, details)


def session_notes(programme: ProgrammeFile, details: SessionDetails) -> dict[str, str]:
    """Warnings that do not stop a save (a session dated outside its tour)."""
    with programme.engine.connect() as connection:
        return session_warnings(connection, details)
