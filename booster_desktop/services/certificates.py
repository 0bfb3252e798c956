"""Certificates of attendance: who attended enough of a tour, and their numbered certificates.

A manager earns a certificate by attending at least the programme's minimum share (80% by
default) of the tour's training sessions and benchmarking visits, counted as sessions, from
standing check-ins (the door's and the paper sheets typed in). Those below are listed to the
coordinator and get no certificate unless granted one by name. A certificate's number is
drawn once and kept in the file, so a reprint carries the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, insert, or_, select

from booster_desktop.domain.certificate import Certificate, certificate_number
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.labels import label
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.printed import AttendedItem, CertificateData
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.session import TourSession
from booster_desktop.i18n import _
from booster_desktop.services.attendance_counts import (
    COUNTED_KINDS,
    attended_sessions,
    meets_minimum,
    percentage,
)
from booster_desktop.services.changes import report
from booster_desktop.services.rosters import check_target, find_tour
from booster_desktop.store.programme_file import ProgrammeFile


@dataclass(frozen=True)
class Attendee:
    """A manager of the tour (or someone checked in there) and how much they attended."""

    manager_id: int
    name: str
    arabic_name: str
    attended: int
    total: int
    expected: bool

    @property
    def percentage(self) -> int:
        return percentage(self.attended, self.total)


@dataclass(frozen=True)
class CertificateRun:
    """What `export_certificates` made: the certificates, and who was below the minimum."""

    tour: str
    minimum: int
    total: int
    certificates: tuple[CertificateData, ...]
    below: tuple[Attendee, ...]  # below the minimum and not granted: no certificate


def _minutes(start: object, end: object) -> int:
    from datetime import time

    assert isinstance(start, time) and isinstance(end, time)
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


@dataclass(frozen=True)
class TourAttendance:
    """A tour's counted sessions and each attendee's share of them."""

    tour_id: int
    code: str
    sessions: list[tuple[int, AttendedItem]]
    attendees: list[Attendee]
    attended: dict[int, set[int]]


def tour_attendance(connection: Connection, code: str) -> TourAttendance:
    """Who attended how many of the tour's training sessions and visits."""
    tour = find_tour(connection, code)
    sessions = [
        (
            row.id,
            AttendedItem(
                day=row.date,
                start=row.start_time,
                end=row.end_time,
                kind=label(f"kind.{row.kind.value}"),
                title=row.title,
                minutes=_minutes(row.start_time, row.end_time),
            ),
        )
        for row in connection.execute(
            select(
                TourSession.id,
                TourSession.date,
                TourSession.start_time,
                TourSession.end_time,
                TourSession.kind,
                TourSession.title,
            )
            .where(TourSession.tour_id == tour.id, TourSession.kind.in_(COUNTED_KINDS))
            .order_by(TourSession.date, TourSession.start_time, TourSession.id)
        )
    ]
    if not sessions:
        raise BoosterError(
            _("tour {code} has no training sessions or visits to attend").format(code=tour.code)
        )
    attended = attended_sessions(connection, [session_id for session_id, _ in sessions])
    expected = set(
        connection.scalars(
            select(Enrolment.manager_id).where(Enrolment.tour_id == tour.id, is_expected())
        )
    )
    people = connection.execute(
        select(Manager.id, Manager.given_name, Manager.family_name, Manager.arabic_name)
        .where(or_(Manager.id.in_(expected), Manager.id.in_(list(attended))))
        .order_by(Manager.family_name, Manager.given_name, Manager.id)
    )
    attendees = [
        Attendee(
            manager_id=manager_id,
            name=f"{given} {family}",
            arabic_name=arabic or "",
            attended=len(attended.get(manager_id, ())),
            total=len(sessions),
            expected=manager_id in expected,
        )
        for manager_id, given, family, arabic in people
    ]
    return TourAttendance(tour.id, tour.code, sessions, attendees, attended)


def _numbers(
    connection: Connection, tour_id: int, code: str, year: int, managers: list[int]
) -> tuple[dict[int, str], list[dict[str, object]]]:
    """Each manager's certificate number: the one kept, or a new one (returned to be stored)."""
    kept = dict(
        connection.execute(
            select(Certificate.manager_id, Certificate.number).where(Certificate.tour_id == tour_id)
        ).all()
    )
    sequence = int(
        connection.scalar(
            select(func.coalesce(func.max(Certificate.sequence), 0)).where(
                Certificate.tour_id == tour_id
            )
        )
        or 0
    )
    new: list[dict[str, object]] = []
    for manager_id in managers:
        if manager_id in kept:
            continue
        sequence += 1
        number = certificate_number(code, year, sequence)
        kept[manager_id] = number
        new.append(
            {"tour_id": tour_id, "manager_id": manager_id, "sequence": sequence, "number": number}
        )
    return {manager_id: kept[manager_id] for manager_id in managers}, new


def export_certificates(
    programme: ProgrammeFile,
    target: Path,
    *,
    tour: str,
    minimum: int | None = None,
    granted: tuple[int, ...] = (),
) -> CertificateRun:
    """`booster export certificates`: one A4 certificate per manager who attended enough (and
    per manager granted one by id), numbered once and for all, in one PDF."""
    from booster_desktop.exports.certificates_pdf import write_certificates

    check_target(programme, target, (".pdf",))
    if minimum is not None and not 0 <= minimum <= 100:
        raise BoosterError(_("--minimum: a percentage from 0 to 100"))
    if not programme.writable:
        raise BoosterError(
            _("{path}: open for writing to keep certificate numbers").format(path=programme.path)
        )
    with programme.engine.connect() as connection:
        details = connection.execute(
            select(
                Programme.title,
                Programme.coordinator_name,
                Programme.coordinator_title,
                Programme.signature,
                Programme.logo,
                Programme.attendance_minimum,
            )
        ).one()
        minimum = details.attendance_minimum if minimum is None else minimum
        assert minimum is not None
        attendance = tour_attendance(connection, tour)
        tour_row = find_tour(connection, tour)
        by_id = {a.manager_id: a for a in attendance.attendees}
        for manager_id in granted:
            if manager_id not in by_id:
                exists = connection.scalar(select(Manager.id).where(Manager.id == manager_id))
                where = (
                    _("does not exist")
                    if exists is None
                    else _("is not on tour {code}").format(code=tour_row.code)
                )
                raise BoosterError(
                    _("--grant {manager_id}: manager {manager_id} {where}").format(
                        manager_id=manager_id, where=where
                    )
                )
        chosen = [
            a
            for a in attendance.attendees
            if meets_minimum(a.attended, a.total, minimum) or a.manager_id in granted
        ]
        below = tuple(a for a in attendance.attendees if a not in chosen)
        if not chosen:
            best = max((a.attended for a in attendance.attendees), default=0)
            raise BoosterError(
                _(
                    "nobody on tour {code} attended {minimum}% of its {count} sessions and "
                    "visits (the most: {best}); nothing written (--grant ID certifies a "
                    "manager below the minimum)"
                ).format(
                    code=tour_row.code, minimum=minimum, count=len(attendance.sessions), best=best
                )
            )
        numbers, new = _numbers(
            connection,
            tour_row.id,
            tour_row.code,
            tour_row.start_date.year,
            [a.manager_id for a in chosen],
        )
        host = connection.scalar(
            select(Organisation.name).where(Organisation.id == tour_row.host_agency_id)
        )
        items = dict(attendance.sessions)
        certificates = tuple(
            CertificateData(
                number=numbers[a.manager_id],
                manager_id=a.manager_id,
                name=a.name,
                arabic_name=a.arabic_name,
                tour_title=tour_row.title,
                region=tour_row.region,
                host_agency=host or "",
                start=tour_row.start_date,
                end=tour_row.end_date,
                attended=a.attended,
                total=a.total,
                items=tuple(
                    items[session_id]
                    for session_id, _ in attendance.sessions
                    if session_id in attendance.attended.get(a.manager_id, ())
                ),
                coordinator_name=details.coordinator_name or "",
                coordinator_title=details.coordinator_title or "",
                programme_title=details.title,
                signature=details.signature,
                logo=details.logo,
            )
            for a in chosen
        )
    if not new:  # a reprint: every number is kept already
        write_certificates(certificates, Path(target))
    else:
        with programme.writing() as connection:
            ids = connection.execute(insert(Certificate).returning(Certificate.id), new).scalars()
            report(connection, "certificate", list(ids), added=True)
            # Written inside the transaction: a PDF that cannot be written keeps no new numbers.
            write_certificates(certificates, Path(target))
    return CertificateRun(
        tour=tour_row.code,
        minimum=minimum,
        total=len(attendance.sessions),
        certificates=certificates,
        below=below,
    )


def attendance_below(
    programme: ProgrammeFile, tour: str, minimum: int | None = None
) -> tuple[int, list[Attendee]]:
    """The minimum that applies and who is below it: the list the window shows before printing."""
    with programme.engine.connect() as connection:
        if minimum is None:
            minimum = int(connection.scalar(select(Programme.attendance_minimum)) or 0)
        attendance = tour_attendance(connection, tour)
    return minimum, [
        a for a in attendance.attendees if not meets_minimum(a.attended, a.total, minimum)
    ]
