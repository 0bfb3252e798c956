"""Sessions (training, visits, ...) for the window's Visits tab, the editor, and their warnings."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import Connection, delete, insert, select

from booster_desktop.domain.base import utc_now
from booster_desktop.domain.kinds import OrganisationKind, PersonKind, SessionKind, SessionRole
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.person import Person
from booster_desktop.domain.session import SessionPerson, TourSession, session_topic
from booster_desktop.domain.text import clean, fold
from booster_desktop.domain.topic import Topic
from booster_desktop.domain.tour import Tour
from booster_desktop.i18n import _
from booster_desktop.services.organisations import organisation_id
from booster_desktop.services.validation import InvalidRecord
from booster_desktop.store.changes import changed_columns, report
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import versioned_update

# What a calendar shows of a session: a change to any raises the session's revision.
CALENDAR_FIELDS = ("title", "date", "start_time", "end_time", "venue", "address")


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
    # The version the row was read at: a delete of it over a later one is refused.
    version: int | None = field(default=None, compare=False)


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
            TourSession.version,
        )
        .join(Tour, Tour.id == TourSession.tour_id)
        .order_by(
            Tour.start_date, Tour.code, TourSession.date, TourSession.start_time, TourSession.id
        )
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
                r[12],
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
    visited_organisation: str = ""
    contact_name: str = ""  # the host contact who receives the group
    contact_phone: str = ""
    topics: tuple[str, ...] = ()  # names of the topics the session or visit illustrates
    # The version the details were read at: saving them over a later one is refused.
    version: int | None = field(default=None, compare=False)


def session_details(programme: ProgrammeFile, session_id: int) -> SessionDetails:
    with programme.session() as session:
        item = session.get_one(TourSession, session_id)
        visited = (
            session.get(Organisation, item.visited_organisation_id)
            if item.visited_organisation_id
            else None
        )
        contact = session.execute(
            select(Person.name, Person.phone)
            .join(SessionPerson, SessionPerson.person_id == Person.id)
            .where(
                SessionPerson.session_id == session_id,
                SessionPerson.role == SessionRole.HOST_CONTACT,
            )
            .order_by(Person.id)
        ).first()
        topics = tuple(
            session.scalars(
                select(Topic.name)
                .join(session_topic, session_topic.c.topic_id == Topic.id)
                .where(session_topic.c.session_id == session_id)
                .order_by(Topic.name)
            )
        )
        return SessionDetails(
            visited_organisation=visited.name if visited else "",
            contact_name=contact.name if contact else "",
            contact_phone=(contact.phone or "") if contact else "",
            topics=topics,
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
            version=item.version,
        )


def validate_session(connection: Connection, details: SessionDetails) -> dict[str, str]:
    problems: dict[str, str] = {}
    if connection.scalar(select(Tour.id).where(Tour.id == details.tour_id)) is None:
        problems["tour"] = _("Choose the tour this session belongs to.")
    if not details.title:
        problems["title"] = _("A session needs a title.")
    if details.end_time <= details.start_time:
        problems["time"] = _("The session must end after it starts.")
    if details.kind not in {k.value for k in SessionKind}:
        problems["kind"] = _("'{kind}' is not a kind of session.").format(kind=details.kind)
    return problems


def session_warnings(connection: Connection, details: SessionDetails) -> dict[str, str]:
    """What is allowed but worth a look: a session dated outside its tour
    (docs/programme-file.md)."""
    tour = connection.execute(
        select(Tour.code, Tour.start_date, Tour.end_date).where(Tour.id == details.tour_id)
    ).first()
    if tour is not None and not tour.start_date <= details.date <= tour.end_date:
        return {
            "date": _(
                "{date} is outside tour {code} ({start_date} to {end_date}); it is saved anyway."
            ).format(
                date=details.date.isoformat(),
                code=tour.code,
                start_date=tour.start_date.isoformat(),
                end_date=tour.end_date.isoformat(),
            )
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
        visited = organisation_id(
            connection,
            clean(details.visited_organisation),
            country=connection.scalar(select(Tour.country_code).where(Tour.id == details.tour_id)),
            kind=OrganisationKind.CLUSTER,
        )
        values["visited_organisation_id"] = visited
        columns: set[str] | None = None  # a new session's
        if session_id is None:
            values["modified_at"] = utc_now()
            session_id = connection.execute(
                insert(TourSession).values(values).returning(TourSession.id)
            ).scalar_one()
            report(connection, "tour_session", [session_id], added=True)
        else:
            columns = changed_columns(connection, TourSession.__table__, session_id, values)
            if columns & set(CALENDAR_FIELDS):
                # A calendar program updates an imported event only when its SEQUENCE rises.
                values["revision"] = TourSession.revision + 1
                values["modified_at"] = utc_now()
                columns |= {"revision", "modified_at"}
            report(connection, "tour_session", [session_id], columns)
        report(connection, "session_person", [session_id])
        report(connection, "session_topic", [session_id])
        phoned = _set_contact(connection, session_id, details, visited)
        _set_topics(connection, session_id, details.topics)
        if columns is not None:
            # After what hangs on the session: a save that changes nothing keeps the version.
            versioned_update(
                connection,
                TourSession,
                session_id,
                values,
                details.version,
                hanging=("session_person", "session_topic"),
                changed=phoned,
            )
        return session_id


def _set_contact(
    connection: Connection, session_id: int, details: SessionDetails, organisation: int | None
) -> bool:
    """The session's host contact: the named person (found or created), their phone; whether
    an existing contact's phone changed."""
    connection.execute(
        delete(SessionPerson).where(
            SessionPerson.session_id == session_id, SessionPerson.role == SessionRole.HOST_CONTACT
        )
    )
    name = clean(details.contact_name)
    if not name:
        return False
    phone = clean(details.contact_phone) or None
    phoned = False
    person = connection.scalar(
        select(Person.id).where(Person.name == name, Person.kind == PersonKind.HOST_CONTACT)
    )
    if person is None:
        person = connection.execute(
            insert(Person)
            .values(
                name=name, kind=PersonKind.HOST_CONTACT, phone=phone, organisation_id=organisation
            )
            .returning(Person.id)
        ).scalar_one()
    else:
        # The contact's phone as the session's editor gives it, not from a reading of the
        # person: written whatever the version, which it raises (when it changes).
        before = connection.scalar(select(Person.phone).where(Person.id == person))
        report(connection, "person", [person], ["phone"])  # before: the history reads it
        versioned_update(connection, Person, person, {"phone": phone}, None)
        phoned = before != phone
    connection.execute(
        insert(SessionPerson).values(
            session_id=session_id, person_id=person, role=SessionRole.HOST_CONTACT
        )
    )
    return phoned


def _set_topics(connection: Connection, session_id: int, names: tuple[str, ...]) -> None:
    connection.execute(delete(session_topic).where(session_topic.c.session_id == session_id))
    wanted = {fold(name) for name in names}
    ids = [
        topic_id
        for topic_id, key in connection.execute(select(Topic.id, Topic.name_key))
        if key in wanted
    ]
    if ids:
        connection.execute(
            insert(session_topic), [{"session_id": session_id, "topic_id": t} for t in ids]
        )


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
