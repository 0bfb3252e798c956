"""Tours for the window: table rows, the editor's details, saving with the programme's rules."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, insert, select

from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.kinds import OrganisationKind
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.text import clean
from booster_desktop.domain.tour import Tour, is_time_zone, is_tour_code
from booster_desktop.i18n import _
from booster_desktop.services.organisations import organisation_id
from booster_desktop.services.validation import InvalidRecord
from booster_desktop.store.changes import changed_columns, report
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import versioned_update


@dataclass(frozen=True, slots=True)
class TourRow:
    """One line of the Tours tab."""

    id: int
    code: str
    title: str
    region: str
    city: str
    country_code: str
    host: str
    start: date
    end: date
    capacity: int
    expected: int
    time_zone: str
    # The version the row was read at: a delete of it over a later one is refused.
    version: int | None = field(default=None, compare=False)

    @property
    def seats(self) -> str:
        return f"{self.expected} / {self.capacity}"


def _expected_counts() -> Any:
    return (
        select(Enrolment.tour_id, func.count().label("expected"))
        .where(is_expected())
        .group_by(Enrolment.tour_id)
        .subquery()
    )


def tour_rows(programme: ProgrammeFile, ids: Collection[int] | None = None) -> list[TourRow]:
    expected = _expected_counts()
    query = (
        select(
            Tour.id,
            Tour.code,
            Tour.title,
            Tour.region,
            Tour.city,
            Tour.country_code,
            Organisation.name,
            Tour.start_date,
            Tour.end_date,
            Tour.capacity,
            func.coalesce(expected.c.expected, 0),
            Tour.time_zone,
            Tour.version,
        )
        .outerjoin(Organisation, Organisation.id == Tour.host_agency_id)
        .outerjoin(expected, expected.c.tour_id == Tour.id)
        .order_by(Tour.start_date, Tour.code)
    )
    if ids is not None:
        query = query.where(Tour.id.in_(list(ids)))
    with programme.engine.connect() as connection:
        return [
            TourRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4] or "",
                r[5],
                r[6] or "",
                r[7],
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
            )
            for r in connection.execute(query)
        ]


@dataclass(frozen=True)
class TourDetails:
    """What the tour editor shows and saves."""

    code: str = ""
    title: str = ""
    region: str = ""
    city: str = ""
    country_code: str = ""
    host_agency: str = ""
    start_date: date = date(2000, 1, 3)
    end_date: date = date(2000, 1, 7)
    capacity: int = 12
    time_zone: str = "Europe/Brussels"
    notes: str = ""
    # The version the details were read at: saving them over a later one is refused.
    version: int | None = field(default=None, compare=False)


def tour_details(programme: ProgrammeFile, tour_id: int) -> TourDetails:
    with programme.session() as session:
        tour = session.get_one(Tour, tour_id)
        host = session.get(Organisation, tour.host_agency_id) if tour.host_agency_id else None
        return TourDetails(
            code=tour.code,
            title=tour.title,
            region=tour.region,
            city=tour.city or "",
            country_code=tour.country_code,
            host_agency=host.name if host else "",
            start_date=tour.start_date,
            end_date=tour.end_date,
            capacity=tour.capacity,
            time_zone=tour.time_zone,
            notes=tour.notes or "",
            version=tour.version,
        )


def expected_managers(connection: Connection, tour_id: int) -> int:
    """How many managers a tour expects (proposed or confirmed): its seats taken."""
    return (
        connection.scalar(
            select(func.count())
            .select_from(Enrolment)
            .where(Enrolment.tour_id == tour_id, is_expected())
        )
        or 0
    )


def validate_tour(
    connection: Connection, details: TourDetails, tour_id: int | None
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not is_tour_code(details.code):
        problems["code"] = _("A code is 2 to 8 capital letters or digits, starting with a letter.")
    else:
        other = connection.scalar(
            select(Tour.id).where(Tour.code == details.code, Tour.id != (tour_id or -1))
        )
        if other is not None:
            problems["code"] = _("Another tour already has the code {code}.").format(
                code=details.code
            )
    if not details.title:
        problems["title"] = _("A tour needs a title.")
    if details.end_date < details.start_date:
        problems["dates"] = _("The tour must end on or after the day it starts.")
    if details.capacity < 0:
        problems["capacity"] = _("Capacity cannot be negative.")
    elif tour_id is not None:
        taken = expected_managers(connection, tour_id)
        if details.capacity < taken:
            problems["capacity"] = _(
                "{taken} managers are expected: capacity must be at least {taken}."
            ).format(taken=taken)
    if not is_time_zone(details.time_zone):
        problems["time_zone"] = _(
            "'{time_zone}' is not a known time zone (e.g. Europe/Madrid)."
        ).format(time_zone=details.time_zone)
    if not details.country_code:
        problems["country"] = _("Choose the host country.")
    return problems


def _cleaned(details: TourDetails) -> TourDetails:
    return TourDetails(
        code=clean(details.code).upper(),
        title=clean(details.title),
        region=clean(details.region),
        city=clean(details.city),
        country_code=details.country_code.upper(),
        host_agency=clean(details.host_agency),
        start_date=details.start_date,
        end_date=details.end_date,
        capacity=details.capacity,
        time_zone=details.time_zone.strip(),
        notes=details.notes.strip(),
        version=details.version,
    )


def save_tour(programme: ProgrammeFile, details: TourDetails, tour_id: int | None = None) -> int:
    details = _cleaned(details)
    with programme.writing() as connection:
        problems = validate_tour(connection, details, tour_id)
        if problems:
            raise InvalidRecord(problems)
        host = organisation_id(
            connection,
            details.host_agency,
            country=details.country_code,
            kind=OrganisationKind.HOST_AGENCY,
            city=details.city or None,
        )
        values = {
            "code": details.code,
            "title": details.title,
            "region": details.region or details.title,
            "city": details.city or None,
            "country_code": details.country_code,
            "host_agency_id": host,
            "start_date": details.start_date,
            "end_date": details.end_date,
            "capacity": details.capacity,
            "time_zone": details.time_zone,
            "notes": details.notes or None,
        }
        if tour_id is None:
            tour_id = connection.execute(
                insert(Tour).values(values).returning(Tour.id)
            ).scalar_one()
            report(connection, "tour", [tour_id], added=True)
            return tour_id
        columns = changed_columns(connection, Tour.__table__, tour_id, values)
        report(connection, "tour", [tour_id], columns)
        versioned_update(connection, Tour, tour_id, values, details.version)
        return tour_id


def tour_problems(
    programme: ProgrammeFile, details: TourDetails, tour_id: int | None = None
) -> dict[str, str]:
    with programme.engine.connect() as connection:
        return validate_tour(connection, _cleaned(details), tour_id)
