"""Topic demand: who wants what, by rank, and the demand no tour covers (`booster demand`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select

from booster_desktop.domain.preference import topic_worth
from booster_desktop.domain.topic import Topic
from booster_desktop.domain.tour import Tour, tour_focus_topic
from booster_desktop.services.topics import topic_rows
from booster_desktop.store.changes import report
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import versioned_update


@dataclass(frozen=True)
class TopicDemand:
    """How much one topic is wanted, and which tours focus on it."""

    id: int
    name: str
    is_priority: bool
    by_rank: dict[int, int]  # rank -> managers who gave it
    score: float  # the sum of what each manager's rank makes it worth (preference model)
    tours: tuple[str, ...]  # codes of the tours that focus on it

    @property
    def wanted_by(self) -> int:
        return sum(self.by_rank.values())

    @property
    def uncovered(self) -> bool:
        """Wanted, but no tour focuses on it."""
        return self.wanted_by > 0 and not self.tours

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "priority": self.is_priority,
            "wanted_by": self.wanted_by,
            "by_rank": {str(rank): count for rank, count in sorted(self.by_rank.items())},
            "score": round(self.score, 6),
            "tours": list(self.tours),
            "uncovered": self.uncovered,
        }


def topic_demand(programme: ProgrammeFile) -> list[TopicDemand]:
    """Every topic's demand among active managers, the most wanted (by score) first: the
    Topics tab's rows (`services.topics.topic_rows`) with their score and focus tours."""
    rows = topic_rows(programme)
    with programme.engine.connect() as connection:
        focus = connection.execute(
            select(tour_focus_topic.c.topic_id, Tour.code)
            .join(Tour, Tour.id == tour_focus_topic.c.tour_id)
            .order_by(Tour.start_date, Tour.code)
        ).all()
    tours: dict[int, list[str]] = defaultdict(list)
    for topic_id, code in focus:
        tours[topic_id].append(code)
    demand = [
        TopicDemand(
            id=row.id,
            name=row.name,
            is_priority=row.is_priority,
            by_rank=dict(row.by_rank),
            score=sum(count * topic_worth(rank) for rank, count in row.by_rank.items()),
            tours=tuple(tours[row.id]),
        )
        for row in rows
    ]
    return sorted(demand, key=lambda d: (-d.score, d.name.casefold()))


def tour_focus(programme: ProgrammeFile) -> tuple[list[tuple[int, str]], set[tuple[int, int]]]:
    """The tours (id, code) in date order, and which (tour id, topic id) pairs are focused."""
    with programme.engine.connect() as connection:
        tours = [
            (tour_id, code)
            for tour_id, code in connection.execute(
                select(Tour.id, Tour.code).order_by(Tour.start_date, Tour.code)
            )
        ]
        pairs = {
            (tour_id, topic_id)
            for tour_id, topic_id in connection.execute(
                select(tour_focus_topic.c.tour_id, tour_focus_topic.c.topic_id)
            )
        }
    return tours, pairs


def set_focus(programme: ProgrammeFile, tour_id: int, topic_id: int, focused: bool) -> None:
    """Make a topic one of a tour's focus topics, or not."""
    with programme.writing() as connection:
        report(connection, "tour_focus_topic", [tour_id])
        connection.execute(
            delete(tour_focus_topic).where(
                tour_focus_topic.c.tour_id == tour_id, tour_focus_topic.c.topic_id == topic_id
            )
        )
        if focused:
            connection.execute(insert(tour_focus_topic).values(tour_id=tour_id, topic_id=topic_id))


def set_priority(programme: ProgrammeFile, topic_id: int, priority: bool) -> int:
    """Mark a topic as a priority topic of the programme, or not; returns the topic's version
    written (the window's next save of the topic starts from it)."""
    with programme.writing() as connection:
        report(connection, "topic", [topic_id], ["is_priority"])
        # A yes/no set from the demand view, not from a reading of the whole topic: written
        # whatever the version, which it raises (a topic editor open meanwhile is refused).
        return versioned_update(connection, Topic, topic_id, {"is_priority": priority}, None)
