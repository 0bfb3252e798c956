"""The programme's entities and plain rules: typed SQLAlchemy mappings, no Qt, no I/O."""

from booster_desktop.domain.badge import BadgeToken
from booster_desktop.domain.base import Base
from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.country import Country
from booster_desktop.domain.enrolment import EXPECTED_STATUSES, Enrolment, EnrolmentStatus
from booster_desktop.domain.errors import BoosterError, Cancelled
from booster_desktop.domain.manager import Gender, Manager, ManagerStatus, TravelDocument
from booster_desktop.domain.organisation import Organisation, OrganisationKind
from booster_desktop.domain.person import Person, PersonKind
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.session import (
    SessionKind,
    SessionPerson,
    SessionRole,
    TourSession,
    session_topic,
)
from booster_desktop.domain.topic import Topic, TopicInterest
from booster_desktop.domain.tour import Tour, tour_focus_topic

__all__ = [
    "EXPECTED_STATUSES",
    "BadgeToken",
    "Base",
    "BoosterError",
    "Cancelled",
    "CheckIn",
    "Country",
    "Enrolment",
    "EnrolmentStatus",
    "Gender",
    "Manager",
    "ManagerStatus",
    "Organisation",
    "OrganisationKind",
    "Person",
    "PersonKind",
    "Programme",
    "SessionKind",
    "SessionPerson",
    "SessionRole",
    "Topic",
    "TopicInterest",
    "Tour",
    "TourSession",
    "TravelDocument",
    "session_topic",
    "tour_focus_topic",
]
