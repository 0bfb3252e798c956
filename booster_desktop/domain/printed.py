"""Sign-in sheets and certificates as plain records: what their PDFs are drawn from.

Built by services.signin and services.certificates; drawn by exports.signin_pdf and
exports.certificates_pdf, which do not query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class SigninPerson:
    """A row of a sign-in sheet: its number is the one the attendance grid shows (the tour's
    sign-in order), beside the manager's ID (the badge's)."""

    number: int
    manager_id: int
    name: str
    arabic_name: str
    organisation: str


@dataclass(frozen=True)
class SigninSession:
    """One section of the sign-in sheets: a session or visit, and who is expected there."""

    id: int
    tour_code: str
    tour_title: str
    kind: str  # a printed label
    title: str
    day: date
    start: time
    end: time
    venue: str
    address: str
    people: tuple[SigninPerson, ...]


@dataclass(frozen=True)
class SigninSheets:
    title: str
    sessions: tuple[SigninSession, ...]
    blank_rows: int


@dataclass(frozen=True)
class AttendedItem:
    """A session or visit a certificate lists."""

    day: date
    start: time
    end: time
    kind: str  # a printed label
    title: str
    minutes: int


@dataclass(frozen=True)
class CertificateData:
    """One certificate of attendance."""

    number: str
    manager_id: int
    name: str
    arabic_name: str
    tour_title: str
    region: str
    host_agency: str
    start: date
    end: date
    attended: int
    total: int
    items: tuple[AttendedItem, ...]
    coordinator_name: str
    coordinator_title: str
    programme_title: str
    signature: bytes | None = None
    logo: bytes | None = None

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)
