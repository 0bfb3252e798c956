"""The programme's entities and plain rules: typed SQLAlchemy mappings, no Qt, no I/O.

Names are imported on first use (PEP 562), so that a quick command that only needs
`BoosterError` or a rule does not pay for mapping every entity; `domain.model` imports them
all, for whatever needs the complete schema.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names mypy and editors see; at run time __getattr__ imports them
    from booster_desktop.domain.badge import BadgePrint as BadgePrint
    from booster_desktop.domain.badge import BadgeToken as BadgeToken
    from booster_desktop.domain.base import Base as Base
    from booster_desktop.domain.checkin import CheckIn as CheckIn
    from booster_desktop.domain.country import Country as Country
    from booster_desktop.domain.enrolment import Enrolment as Enrolment
    from booster_desktop.domain.errors import BoosterError as BoosterError
    from booster_desktop.domain.errors import Cancelled as Cancelled
    from booster_desktop.domain.kinds import EXPECTED_STATUSES as EXPECTED_STATUSES
    from booster_desktop.domain.kinds import BadgeEvent as BadgeEvent
    from booster_desktop.domain.kinds import EnrolmentStatus as EnrolmentStatus
    from booster_desktop.domain.kinds import Gender as Gender
    from booster_desktop.domain.kinds import ManagerStatus as ManagerStatus
    from booster_desktop.domain.kinds import OrganisationKind as OrganisationKind
    from booster_desktop.domain.kinds import PersonKind as PersonKind
    from booster_desktop.domain.kinds import SessionKind as SessionKind
    from booster_desktop.domain.kinds import SessionRole as SessionRole
    from booster_desktop.domain.manager import Manager as Manager
    from booster_desktop.domain.manager import TravelDocument as TravelDocument
    from booster_desktop.domain.organisation import Organisation as Organisation
    from booster_desktop.domain.person import Person as Person
    from booster_desktop.domain.programme import Programme as Programme
    from booster_desktop.domain.session import SessionPerson as SessionPerson
    from booster_desktop.domain.session import TourSession as TourSession
    from booster_desktop.domain.session import session_topic as session_topic
    from booster_desktop.domain.topic import Topic as Topic
    from booster_desktop.domain.topic import TopicInterest as TopicInterest
    from booster_desktop.domain.tour import Tour as Tour
    from booster_desktop.domain.tour import tour_focus_topic as tour_focus_topic

_WHERE = {
    "BadgeEvent": "kinds",
    "BadgePrint": "badge",
    "BadgeToken": "badge",
    "Base": "model",
    "CheckIn": "checkin",
    "Country": "country",
    "EXPECTED_STATUSES": "kinds",
    "Enrolment": "enrolment",
    "EnrolmentStatus": "kinds",
    "BoosterError": "errors",
    "Cancelled": "errors",
    "Gender": "kinds",
    "Manager": "manager",
    "ManagerStatus": "kinds",
    "TravelDocument": "manager",
    "Organisation": "organisation",
    "OrganisationKind": "kinds",
    "Person": "person",
    "PersonKind": "kinds",
    "Programme": "programme",
    "SessionKind": "kinds",
    "SessionPerson": "session",
    "SessionRole": "kinds",
    "TourSession": "session",
    "session_topic": "session",
    "Topic": "topic",
    "TopicInterest": "topic",
    "Tour": "tour",
    "tour_focus_topic": "tour",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
