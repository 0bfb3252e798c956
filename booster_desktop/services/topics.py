"""Topics for the window: how many managers want each, by rank; the editor's details; saving."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, case, func, insert, select, update

from booster_desktop.domain.text import clean, fold
from booster_desktop.domain.topic import Topic, TopicInterest
from booster_desktop.services.validation import InvalidRecord
from booster_desktop.store.changes import changed_columns, report
from booster_desktop.store.programme_file import ProgrammeFile


@dataclass(frozen=True, slots=True)
class TopicRow:
    """One line of the Topics tab: the topic and its demand by rank."""

    id: int
    name: str
    is_priority: bool
    wanted_by: int
    first: int
    second: int
    third: int


def topic_rows(programme: ProgrammeFile, ids: Collection[int] | None = None) -> list[TopicRow]:
    def ranked(rank: int) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((TopicInterest.rank == rank, 1), else_=0)), 0)

    query = (
        select(
            Topic.id,
            Topic.name,
            Topic.is_priority,
            func.count(TopicInterest.manager_id),
            ranked(1),
            ranked(2),
            ranked(3),
        )
        .outerjoin(TopicInterest, TopicInterest.topic_id == Topic.id)
        .group_by(Topic.id, Topic.name, Topic.is_priority)
        .order_by(Topic.id)
    )
    if ids is not None:
        query = query.where(Topic.id.in_(list(ids)))
    with programme.engine.connect() as connection:
        return [TopicRow(*row) for row in connection.execute(query)]


@dataclass(frozen=True)
class TopicDetails:
    name: str = ""
    description: str = ""
    is_priority: bool = False


def topic_details(programme: ProgrammeFile, topic_id: int) -> TopicDetails:
    with programme.session() as session:
        topic = session.get_one(Topic, topic_id)
        return TopicDetails(topic.name, topic.description or "", topic.is_priority)


def validate_topic(
    connection: Connection, details: TopicDetails, topic_id: int | None
) -> dict[str, str]:
    if not details.name:
        return {"name": "A topic needs a name."}
    other = connection.scalar(
        select(Topic.name).where(Topic.name_key == fold(details.name), Topic.id != (topic_id or -1))
    )
    if other is not None:
        return {"name": f"The topic '{other}' already exists."}
    return {}


def save_topic(programme: ProgrammeFile, details: TopicDetails, topic_id: int | None = None) -> int:
    details = TopicDetails(clean(details.name), details.description.strip(), details.is_priority)
    with programme.writing() as connection:
        problems = validate_topic(connection, details, topic_id)
        if problems:
            raise InvalidRecord(problems)
        values = {
            "name": details.name,
            "name_key": fold(details.name),
            "description": details.description or None,
            "is_priority": details.is_priority,
        }
        if topic_id is None:
            topic_id = connection.execute(
                insert(Topic).values(values).returning(Topic.id)
            ).scalar_one()
            report(connection, "topic", [topic_id])
            return topic_id
        columns = changed_columns(connection, Topic.__table__, topic_id, values)
        connection.execute(update(Topic).where(Topic.id == topic_id).values(values))
        report(connection, "topic", [topic_id], columns)
        return topic_id


def topic_problems(
    programme: ProgrammeFile, details: TopicDetails, topic_id: int | None = None
) -> dict[str, str]:
    with programme.engine.connect() as connection:
        return validate_topic(connection, TopicDetails(clean(details.name)), topic_id)
