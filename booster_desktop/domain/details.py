"""Who to call and where the group sleeps: the programme's contacts and identity, and a tour's
hotel and contact, as every printed material shows them (plain records, empty when unset)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProgrammeDetails:
    """The programme's identity and its coordinator, printed on every booklet and badge."""

    uuid: str = ""  # the programme's key in calendars and exchanged journals
    title: str = ""
    coordinator_name: str = ""
    coordinator_title: str = ""
    coordinator_email: str = ""
    coordinator_phone: str = ""
    emergency_phone: str = ""
    logo: bytes | None = None  # PNG or JPEG bytes
    # The programme record's version when read: saving over a later one is refused.
    version: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class TourContacts:
    """A tour's hotel and, when it differs from the coordinator, its own contact."""

    hotel_name: str = ""
    hotel_address: str = ""
    hotel_phone: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
