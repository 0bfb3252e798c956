"""Topics: how many managers want each, by rank (the one read model of the Topics tab, `booster
list topics` and the demand); the editor's details; saving."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, insert, select

from booster_desktop.domain.kinds import DEMAND_MANAGER_STATUS
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.text import clean, fold
from booster_desktop.domain.topic import Topic, TopicInterest
from booster_desktop.i18n import _
from booster_desktop.services.validation import InvalidRecord
from booster_desktop.store.changes import changed_columns, report
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import versioned_update


@dataclass(frozen=True, slots=True)
class TopicRow:
    """One topic and its demand by rank: the Topics tab's line, `booster list topics` and the
    demand view are all read from these rows, so they give the same numbers."""

    id: int
    name: str
    is_priority: bool
    by_rank: dict[int, int]  # rank -> active managers who gave the topic that rank
    # The version the row was read at: a delete of it over a later one is refused.
    version: int | None = field(default=None, compare=False)

    @property
    def wanted_by(self) -> int:
        """Active managers who ranked the topic (a withdrawn manager's wishes are kept for
        the record, never counted)."""
        return sum(self.by_rank.values())

    @property
    def first(self) -> int:
        return self.by_rank.get(1, 0)

    @property
    def second(self) -> int:
        return self.by_rank.get(2, 0)

    @property
    def third(self) -> int:
        return self.by_rank.get(3, 0)


def topic_rows(programme: ProgrammeFile, ids: Collection[int] | None = None) -> list[TopicRow]:
    """Every topic (or those with `ids`) with its demand among active managers, by id."""
    topics = select(Topic.id, Topic.name, Topic.is_priority, Topic.version).order_by(Topic.id)
    ranks = (
        select(TopicInterest.topic_id, TopicInterest.rank, func.count())
        .join(Manager, Manager.id == TopicInterest.manager_id)
        .where(Manager.status == DEMAND_MANAGER_STATUS)
        .group_by(TopicInterest.topic_id, TopicInterest.rank)
    )
    if ids is not None:
        topics = topics.where(Topic.id.in_(list(ids)))
        ranks = ranks.where(TopicInterest.topic_id.in_(list(ids)))
    by_rank: defaultdict[int, dict[int, int]] = defaultdict(dict)
    with programme.engine.connect() as connection:
        for topic_id, rank, count in connection.execute(ranks):
            by_rank[topic_id][rank] = count
        return [
            TopicRow(topic_id, name, priority, dict(sorted(by_rank[topic_id].items())), version)
            for topic_id, name, priority, version in connection.execute(topics)
        ]


@dataclass(frozen=True)
class TopicDetails:
    name: str = ""
    description: str = ""
    is_priority: bool = False
    # The version the details were read at: saving them over a later one is refused.
    version: int | None = field(default=None, compare=False)


def topic_details(programme: ProgrammeFile, topic_id: int) -> TopicDetails:
    with programme.session() as session:
        topic = session.get_one(Topic, topic_id)
        return TopicDetails(
            topic.name, topic.description or "", topic.is_priority, version=topic.version
        )


def validate_topic(
    connection: Connection, details: TopicDetails, topic_id: int | None
) -> dict[str, str]:
    if not details.name:
        return {"name": _("A topic needs a name.")}
    other = connection.scalar(
        select(Topic.name).where(Topic.name_key == fold(details.name), Topic.id != (topic_id or -1))
    )
    if other is not None:
        return {"name": _("The topic '{other}' already exists.").format(other=other)}
    return {}


def save_topic(programme: ProgrammeFile, details: TopicDetails, topic_id: int | None = None) -> int:
    details = TopicDetails(
        clean(details.name), details.description.strip(), details.is_priority, details.version
    )
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
            report(connection, "topic", [topic_id], added=True)
            return topic_id
        columns = changed_columns(connection, Topic.__table__, topic_id, values)
        report(connection, "topic", [topic_id], columns)
        versioned_update(connection, Topic, topic_id, values, details.version)
        return topic_id


def topic_problems(
    programme: ProgrammeFile, details: TopicDetails, topic_id: int | None = None
) -> dict[str, str]:
    with programme.engine.connect() as connection:
        return validate_topic(connection, TopicDetails(clean(details.name)), topic_id)
