"""The programme's vocabularies: statuses and kinds, as plain enums (no mapping, no I/O).

Kept apart from the mapped entities so the window can fill its filters and lists without
loading the ORM at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class EnrolmentStatus(StrEnum):
    """Proposed and confirmed managers are expected; waitlisted is a wish; cancelled forbids."""

    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class ManagerStatus(StrEnum):
    """Active managers are allocated and expected; withdrawn ones are kept for the record only."""

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


# The one rule of who a tour expects (what "seats taken" counts): an enrolment with one of
# these statuses, of a manager with this status. `domain.enrolment.is_expected` is its
# SQLAlchemy form; `expected_sql` below its plain-SQL form for the light start-up queries.
EXPECTED_STATUSES = (EnrolmentStatus.PROPOSED, EnrolmentStatus.CONFIRMED)
EXPECTED_MANAGER_STATUS = ManagerStatus.ACTIVE
# Whose ranked topics count as demand ("wanted by"): the same managers a tour may expect.
DEMAND_MANAGER_STATUS = ManagerStatus.ACTIVE


def expected_sql(enrolment: str = "e", manager: str = "m") -> str:
    """The expected-enrolment rule as SQL text, for queries that join `enrolment` as
    `enrolment` and its `manager` as `manager` (aliases; the values are our own enums)."""
    statuses = ", ".join(f"'{status.value}'" for status in EXPECTED_STATUSES)
    return (
        f"{enrolment}.status IN ({statuses}) "
        f"AND {manager}.status = '{EXPECTED_MANAGER_STATUS.value}'"
    )


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class OrganisationKind(StrEnum):
    CLUSTER = "cluster"
    HOST_AGENCY = "host_agency"
    COMPANY = "company"
    RESEARCH = "research"
    PUBLIC_BODY = "public_body"
    OTHER = "other"


class PersonKind(StrEnum):
    EXPERT = "expert"
    SPEAKER = "speaker"
    HOST_CONTACT = "host_contact"


class SessionKind(StrEnum):
    TRAINING = "training"
    VISIT = "visit"  # a benchmarking visit to a peer cluster in the host region
    TRANSFER = "transfer"
    MEAL = "meal"
    NETWORKING = "networking"
    OTHER = "other"


class SessionRole(StrEnum):
    """What a person does in a session."""

    SPEAKER = "speaker"
    HOST_CONTACT = "host_contact"


class Diet(StrEnum):
    """The common diets a caterer counts (besides a free-text note for anything else)."""

    VEGETARIAN = "vegetarian"
    VEGAN = "vegan"
    HALAL = "halal"
    NO_PORK = "no_pork"
    NO_ALCOHOL = "no_alcohol"
    GLUTEN_FREE = "gluten_free"
    LACTOSE_FREE = "lactose_free"
    NUT_ALLERGY = "nut_allergy"


def diets_text(diets: set[Diet] | frozenset[Diet] | list[Diet]) -> str | None:
    """How a manager's diets are stored: their codes in a fixed order, comma-separated."""
    chosen = [diet.value for diet in Diet if diet in set(diets)]
    return ",".join(chosen) or None


def parse_diets(text: str | None) -> frozenset[Diet]:
    """A stored diets text read back; unknown codes are an error (the CHECK keeps them out)."""
    if not text:
        return frozenset()
    return frozenset(Diet(code) for code in text.split(","))
