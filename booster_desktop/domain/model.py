"""Every entity, imported together: what needs the whole schema (creating a file, migrations,
`check`, following cascades) imports this, so `Base.metadata` has every table."""

from booster_desktop.domain import (  # noqa: F401 (imported for their tables)
    badge,
    certificate,
    checkin,
    country,
    enrolment,
    history,
    manager,
    organisation,
    person,
    programme,
    session,
    topic,
    tour,
)
from booster_desktop.domain.base import Base, add_length_checks

add_length_checks(Base.metadata)

__all__ = ["Base"]
