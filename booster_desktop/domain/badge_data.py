"""What a badge shows, as plain records: built by services.badges, drawn by exports.badges.

Exporters draw these; they do not query (as pretix's and Indico's badge renderers do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time


@dataclass(frozen=True)
class WeekItem:
    """One item of the manager's week, printed on the back of the badge."""

    day: date
    start: time
    end: time
    title: str
    venue: str


@dataclass(frozen=True)
class BadgeData:
    """One badge: a manager (with a token to scan) or a member of staff (a role, no code)."""

    given_name: str
    family_name: str
    arabic_name: str = ""
    organisation: str = ""
    country: str = ""
    tour_code: str = ""
    tour_title: str = ""
    tour_start: date | None = None
    tour_end: date | None = None
    host_agency: str = ""
    token: str = ""  # empty for staff: check-in is for managers
    role: str = ""  # "", or a PersonKind value for staff ("expert", "speaker", "host_contact")
    manager_id: int | None = None
    week: tuple[WeekItem, ...] = field(default=())
    emergency_phone: str = ""

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)
