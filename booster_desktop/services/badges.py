"""Badges: who gets one, what each shows, the print log, and a lost badge's new token.

The service gathers `BadgeData` records (one shaped query per kind of row); the exporter draws
them. Printing is logged per manager and tour with the token printed, so a reprint is asked
about, `only_unprinted` knows who is left, and a token revoked and reissued makes its holder
"not yet printed" again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, and_, insert, select, update

from booster_desktop.domain.badge import BadgePrint, BadgeToken, new_token
from booster_desktop.domain.badge_data import BadgeData, WeekItem
from booster_desktop.domain.base import utc_now
from booster_desktop.domain.country import Country, country_name
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import BadgeEvent, EnrolmentStatus, ManagerStatus
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.person import Person
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.session import SessionPerson, TourSession
from booster_desktop.domain.tour import Tour
from booster_desktop.exports.badge_layout import BadgeLayout, PrinterCorrection
from booster_desktop.i18n import _
from booster_desktop.services.changes import report
from booster_desktop.services.progress import Progress, no_progress
from booster_desktop.store.programme_file import ProgrammeFile

__all__ = [
    "DEFAULT_LAYOUT",
    "BadgeRequest",
    "BadgeSet",
    "Printed",
    "PrinterCorrection",
    "export_badges",
    "export_calibration",
    "gather_badges",
    "layouts",
    "log_printed",
    "reissue_token",
    "token_status",
]

DEFAULT_LAYOUT = "a4-8-90x55"


@dataclass(frozen=True)
class BadgeRequest:
    """Who to print: a tour's expected managers (or everyone's, without a tour), or chosen
    managers; optionally the tour's experts and host contacts too."""

    tour: str | None = None
    managers: tuple[int, ...] = ()
    confirmed_only: bool = False
    include_staff: bool = False
    only_unprinted: bool = False


@dataclass(frozen=True)
class Printed:
    """A badge in the set that was printed before, with the same token."""

    manager_id: int
    name: str
    tour_code: str
    at: datetime
    layout: str

    def describe(self) -> str:
        return f"{self.name} ({self.at:%d %b %Y})"


@dataclass(frozen=True)
class BadgeSet:
    badges: tuple[BadgeData, ...]
    printed_before: tuple[Printed, ...] = ()
    tour_ids: dict[str, int] = field(default_factory=dict)


def layouts() -> list[tuple[str, str]]:
    """(name, title) of every shipped layout."""
    from booster_desktop.exports.badge_layout import shipped_layouts

    return [(name, layout.title) for name, layout in shipped_layouts().items()]


def find_layout(name: str) -> BadgeLayout:
    from booster_desktop.exports.badge_layout import find_layout as find

    return find(name)


def _tour(programme: ProgrammeFile, code: str) -> Tour:
    with programme.session() as session:
        tour = session.scalar(select(Tour).where(Tour.code == code.strip().upper()))
        if tour is None:
            codes = ", ".join(session.scalars(select(Tour.code).order_by(Tour.start_date)))
            raise BoosterError(
                _("tour {code!r} does not exist (tours: {value})").format(
                    code=code, value=codes or _("none yet")
                )
            )
        return tour


def _emergency_phone(programme: ProgrammeFile) -> str:
    with programme.engine.connect() as connection:
        row = connection.execute(
            select(Programme.emergency_phone, Programme.coordinator_phone)
        ).first()
    if row is None:
        return ""
    return str(row[0] or row[1] or "")


def _weeks(programme: ProgrammeFile, tour_ids: set[int]) -> dict[int, tuple[WeekItem, ...]]:
    weeks: dict[int, list[WeekItem]] = defaultdict(list)
    with programme.engine.connect() as connection:
        for row in connection.execute(
            select(
                TourSession.tour_id,
                TourSession.date,
                TourSession.start_time,
                TourSession.end_time,
                TourSession.title,
                TourSession.venue,
            )
            .where(TourSession.tour_id.in_(tour_ids))
            .order_by(TourSession.date, TourSession.start_time)
        ):
            weeks[row[0]].append(WeekItem(row[1], row[2], row[3], row[4], row[5] or ""))
    return {tour_id: tuple(items) for tour_id, items in weeks.items()}


def _check_managers(programme: ProgrammeFile, ids: tuple[int, ...]) -> None:
    if not ids:
        return
    with programme.engine.connect() as connection:
        known = set(connection.scalars(select(Manager.id).where(Manager.id.in_(ids))))
    for manager_id in ids:
        if manager_id not in known:
            raise BoosterError(
                _("manager {manager_id} does not exist").format(manager_id=manager_id)
            )


def gather_badges(programme: ProgrammeFile, request: BadgeRequest) -> BadgeSet:
    """The badges `request` asks for, in name order (managers first, then staff)."""
    _check_managers(programme, request.managers)
    tour = _tour(programme, request.tour) if request.tour is not None else None
    if request.include_staff and tour is None:
        raise BoosterError(_("--include-staff: whose staff? name the tour (--tour CODE)"))
    host = Organisation.__table__.alias("host")
    statuses = (EnrolmentStatus.CONFIRMED,) if request.confirmed_only else tuple(EnrolmentStatus)
    enrolment_filter = and_(
        Enrolment.manager_id == Manager.id, is_expected(), Enrolment.status.in_(statuses)
    )
    if tour is not None:
        enrolment_filter = and_(enrolment_filter, Enrolment.tour_id == tour.id)
    query = (
        select(
            Manager.id,
            Manager.given_name,
            Manager.family_name,
            Manager.arabic_name,
            country_name(),
            Organisation.name,
            BadgeToken.token,
            Tour.id,
            Tour.code,
            Tour.title,
            Tour.start_date,
            Tour.end_date,
            host.c.name,
        )
        .join(Country, Country.code == Manager.country_code)
        .outerjoin(Organisation, Organisation.id == Manager.organisation_id)
        .outerjoin(
            BadgeToken, and_(BadgeToken.manager_id == Manager.id, BadgeToken.revoked_at.is_(None))
        )
        .where(Manager.status == ManagerStatus.ACTIVE)
    )
    if tour is not None or request.confirmed_only:
        query = query.join(Enrolment, enrolment_filter)
    else:
        query = query.outerjoin(Enrolment, enrolment_filter)
    query = (
        query.outerjoin(Tour, Tour.id == Enrolment.tour_id)
        .outerjoin(host, host.c.id == Tour.host_agency_id)
        .order_by(Manager.family_name, Manager.given_name, Manager.id, Tour.start_date)
    )
    if request.managers:
        query = query.where(Manager.id.in_(request.managers))
    with programme.engine.connect() as connection:
        rows = connection.execute(query).all()
    if request.managers and tour is not None:
        expected = {row[0] for row in rows}
        for manager_id in request.managers:
            if manager_id not in expected:
                raise BoosterError(
                    _("manager {manager_id} is not expected on tour {code}").format(
                        manager_id=manager_id, code=tour.code
                    )
                )
    tour_ids = {row[7] for row in rows if row[7] is not None}
    if tour is not None:
        tour_ids.add(tour.id)
    weeks = _weeks(programme, tour_ids)
    phone = _emergency_phone(programme)
    badges: list[BadgeData] = []
    codes: dict[str, int] = {}
    for row in rows:
        if not row[6]:
            raise BoosterError(
                _("manager {value} has no badge token in force (run booster check)").format(
                    value=row[0]
                )
            )
        if row[7] is not None:
            codes[row[8]] = row[7]
        badges.append(
            BadgeData(
                given_name=row[1],
                family_name=row[2],
                arabic_name=row[3] or "",
                organisation=row[5] or "",
                country=row[4] or "",
                tour_code=row[8] or "",
                tour_title=row[9] or "",
                tour_start=row[10],
                tour_end=row[11],
                host_agency=row[12] or "",
                token=row[6],
                manager_id=row[0],
                week=weeks.get(row[7], ()) if row[7] is not None else (),
                emergency_phone=phone,
            )
        )
    printed = _printed(programme, badges, codes)
    if request.only_unprinted:
        done = {(p.manager_id, p.tour_code) for p in printed}
        badges = [b for b in badges if (b.manager_id, b.tour_code) not in done]
        printed = []
    if request.include_staff and tour is not None:
        badges += _staff(programme, tour, phone)
    if not badges:
        raise BoosterError(_nobody(tour, request))
    return BadgeSet(tuple(badges), tuple(printed), codes)


def _nobody(tour: Tour | None, request: BadgeRequest) -> str:
    where = _("tour {code}").format(code=tour.code) if tour is not None else _("the programme")
    if request.only_unprinted:
        return _(
            "{where}: every badge has been printed (without --only-unprinted, "
            "--reprint prints them again)"
        ).format(where=where)
    if request.confirmed_only:
        return _("{where}: nobody to print (no confirmed managers)").format(where=where)
    return _("{where}: nobody to print (no expected managers)").format(where=where)


def _printed(
    programme: ProgrammeFile, badges: list[BadgeData], codes: dict[str, int]
) -> list[Printed]:
    """The badges of the set printed before with the token they carry now (latest print)."""
    ids = {b.manager_id for b in badges if b.manager_id is not None}
    if not ids:
        return []
    code_of = {tour_id: code for code, tour_id in codes.items()}
    latest: dict[tuple[int, str, str], tuple[datetime, str]] = {}
    with programme.engine.connect() as connection:
        for manager_id, tour_id, token, at, layout in connection.execute(
            select(
                BadgePrint.manager_id,
                BadgePrint.tour_id,
                BadgePrint.token,
                BadgePrint.at,
                BadgePrint.layout,
            ).where(BadgePrint.manager_id.in_(ids), BadgePrint.event == BadgeEvent.PRINTED)
        ):
            key = (manager_id, code_of.get(tour_id, "") if tour_id is not None else "", token)
            if tour_id is not None and tour_id not in code_of:
                continue
            if key not in latest or at > latest[key][0]:
                latest[key] = (at, layout or "")
    found = []
    for badge in badges:
        assert badge.manager_id is not None
        hit = latest.get((badge.manager_id, badge.tour_code, badge.token))
        if hit is not None:
            found.append(Printed(badge.manager_id, badge.name, badge.tour_code, hit[0], hit[1]))
    return found


def _staff(programme: ProgrammeFile, tour: Tour, phone: str) -> list[BadgeData]:
    """The tour's experts, speakers and host contacts: a role band, no code."""
    with programme.engine.connect() as connection:
        host = connection.scalar(
            select(Organisation.name).where(Organisation.id == tour.host_agency_id)
        )
        rows = connection.execute(
            select(Person.id, Person.name, Person.kind, Organisation.name, country_name())
            .join(SessionPerson, SessionPerson.person_id == Person.id)
            .join(TourSession, TourSession.id == SessionPerson.session_id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .outerjoin(Country, Country.code == Organisation.country_code)
            .where(TourSession.tour_id == tour.id)
            .distinct()
            .order_by(Person.name, Person.id)
        ).all()
    badges = []
    for _id, name, kind, organisation, country in rows:
        given, _space, family = name.partition(" ")
        badges.append(
            BadgeData(
                given_name=given,
                family_name=family,
                organisation=organisation or "",
                country=country or "",
                tour_code=tour.code,
                tour_title=tour.title,
                tour_start=tour.start_date,
                tour_end=tour.end_date,
                host_agency=host or "",
                role=kind.value,
                emergency_phone=phone,
            )
        )
    return badges


def _refuse_programme_path(programme: ProgrammeFile, target: Path) -> None:
    from booster_desktop.services.output_paths import check_output_path

    check_output_path(Path(target), programme=programme.file)


@dataclass(frozen=True)
class BadgeExport:
    badges: int
    pages: int
    reprinted: tuple[Printed, ...]
    layout: str
    shortened: tuple[str, ...] = ()  # details shortened to fit their badge


def export_badges(
    programme: ProgrammeFile,
    target: Path,
    request: BadgeRequest,
    *,
    layout: str = DEFAULT_LAYOUT,
    correction: PrinterCorrection | None = None,
    back: bool = False,
    reprint: bool = False,
    record: bool = True,
    reissue: bool = False,
    progress: Progress = no_progress,
) -> BadgeExport:
    """`booster export badges`: the PDF at `target`, and (with `record`) the print log.

    Refuses to print again a badge printed before with the same token unless `reprint`; a
    refused or failed export writes no PDF and logs nothing. With `reissue` (lost badges),
    the chosen managers' tokens are revoked and new ones printed, once everything else has
    been checked.
    """
    _refuse_programme_path(programme, target)
    chosen = find_layout(layout)
    correction = correction or PrinterCorrection()
    chosen.check_correction(correction)
    found = gather_badges(programme, request)
    if reissue:
        if not request.managers:
            raise BoosterError(_("--reissue: whose badge was lost? name them with --manager ID"))
        for manager_id in request.managers:
            reissue_token(programme, manager_id)
        found = gather_badges(programme, request)
    if found.printed_before and not reprint and record:
        names = [p.describe() for p in found.printed_before]
        shown = ", ".join(names[:3]) + (
            _(" and {count} more").format(count=len(names) - 3) if len(names) > 3 else ""
        )
        raise BoosterError(
            _("already printed: {shown}; --reprint prints them again").format(shown=shown)
        )
    from booster_desktop.exports.badges import write_badges

    title = "Badges" + (f" · {request.tour.upper()}" if request.tour else "")
    notes: list[str] = []

    def draw() -> int:
        return write_badges(
            found.badges,
            chosen,
            target,
            correction=correction,
            back=back,
            title=title,
            progress=progress,
            notes=notes,
        )

    if not record:
        pages = draw()
        return BadgeExport(
            len(found.badges), pages, found.printed_before, chosen.name, tuple(notes)
        )
    if not programme.writable:
        raise BoosterError(
            _("{path}: opened read-only; the print log cannot be kept").format(path=programme.path)
        )
    if all(badge.manager_id is None for badge in found.badges):  # staff only: nothing to log
        pages = draw()
        return BadgeExport(len(found.badges), pages, (), chosen.name, tuple(notes))
    # The log and the PDF stand or fall together: the PDF is written inside the transaction.
    with programme.writing() as connection:
        _log_prints(connection, found, chosen.name)
        pages = draw()
    return BadgeExport(len(found.badges), pages, found.printed_before, chosen.name, tuple(notes))


def _log_prints(connection: Connection, found: BadgeSet, layout: str) -> None:
    now = utc_now()
    rows = [
        {
            "manager_id": badge.manager_id,
            "tour_id": found.tour_ids.get(badge.tour_code),
            "token": badge.token,
            "event": BadgeEvent.PRINTED,
            "layout": layout,
            "at": now,
        }
        for badge in found.badges
        if badge.manager_id is not None
    ]
    if rows:
        ids = connection.execute(insert(BadgePrint).returning(BadgePrint.id), rows).scalars()
        report(connection, "badge_print", list(ids), added=True)


def log_printed(programme: ProgrammeFile, found: BadgeSet, layout: str) -> None:
    """Record `found` as printed with `layout` (the window prints through Qt, then logs)."""
    if all(badge.manager_id is None for badge in found.badges):
        return
    with programme.writing() as connection:
        _log_prints(connection, found, layout)


def export_calibration(
    target: Path, layout: str = DEFAULT_LAYOUT, correction: PrinterCorrection | None = None
) -> BadgeLayout:
    """The calibration page of `layout`, with the printer's correction applied."""
    from booster_desktop.exports.badges import write_calibration
    from booster_desktop.services.output_paths import check_output_path

    check_output_path(Path(target))
    chosen = find_layout(layout)
    write_calibration(chosen, target, correction or PrinterCorrection())
    return chosen


def reissue_token(programme: ProgrammeFile, manager_id: int) -> str:
    """A lost badge: revoke the manager's token (scans of it are then refused as revoked),
    issue a new one, and record both in the print log. Returns the new token."""
    now = utc_now()
    with programme.writing() as connection:
        exists = connection.scalar(select(Manager.id).where(Manager.id == manager_id))
        if exists is None:
            raise BoosterError(
                _("manager {manager_id} does not exist").format(manager_id=manager_id)
            )
        old = connection.scalar(
            select(BadgeToken.token).where(
                BadgeToken.manager_id == manager_id, BadgeToken.revoked_at.is_(None)
            )
        )
        report(connection, "badge_token", [manager_id])  # the manager's tokens, old and new
        if old is not None:
            connection.execute(
                update(BadgeToken).where(BadgeToken.token == old).values(revoked_at=now)
            )
        token = new_token()
        connection.execute(insert(BadgeToken).values(token=token, manager_id=manager_id))
        logged = connection.execute(
            insert(BadgePrint)
            .values(
                manager_id=manager_id,
                tour_id=None,
                token=old or token,
                event=BadgeEvent.REISSUED,
                layout=None,
                at=now,
            )
            .returning(BadgePrint.id)
        ).scalar_one()
        report(connection, "badge_print", [logged], added=True)
    return token


def token_status(programme: ProgrammeFile, token: str) -> tuple[int, bool] | None:
    """Whose badge `token` is and whether it was revoked; None for a token never issued."""
    with programme.engine.connect() as connection:
        row = connection.execute(
            select(BadgeToken.manager_id, BadgeToken.revoked_at).where(BadgeToken.token == token)
        ).first()
    if row is None:
        return None
    return int(row[0]), row[1] is not None
