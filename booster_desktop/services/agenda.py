"""A tour's agenda: the records its booklet and calendar are made of, and the checks shown
while the coordinator builds it. Exporters draw these records; they do not query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import time
from itertools import pairwise
from pathlib import Path

from sqlalchemy import select

from booster_desktop.domain.agenda import Agenda, AgendaCheck, AgendaItem, Participant, TourAgenda
from booster_desktop.domain.country import Country, country_name
from booster_desktop.domain.details import TourContacts
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import EnrolmentStatus, SessionKind, SessionRole
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.person import Person
from booster_desktop.domain.session import SessionPerson, TourSession, session_topic
from booster_desktop.domain.topic import Topic
from booster_desktop.domain.tour import Tour, tour_focus_topic
from booster_desktop.i18n import _
from booster_desktop.services.programme_details import TOUR_TEXT, programme_details
from booster_desktop.store.programme_file import ProgrammeFile


def _tour(programme: ProgrammeFile, code: str) -> Tour:
    with programme.session() as session:
        tour = session.scalar(select(Tour).where(Tour.code == code.strip().upper()))
        if tour is None:
            codes = ", ".join(
                session.scalars(select(Tour.code).order_by(Tour.start_date, Tour.code))
            )
            raise BoosterError(
                _("tour {code!r} does not exist (tours: {value})").format(
                    code=code, value=codes or _("none yet")
                )
            )
        return tour


def _transfer(mode: str | None, minutes: int | None) -> str:
    """ "coach, 20 min", "walk", "15 min" or ""."""
    return ", ".join(part for part in (mode or "", f"{minutes} min" if minutes else "") if part)


def tour_agenda(programme: ProgrammeFile, code: str) -> TourAgenda:
    """The agenda of the tour with `code`."""
    tour = _tour(programme, code)
    with programme.engine.connect() as connection:
        host = connection.scalar(
            select(Organisation.name).where(Organisation.id == tour.host_agency_id)
        )
        focus = tuple(
            connection.scalars(
                select(Topic.name)
                .join(tour_focus_topic, tour_focus_topic.c.topic_id == Topic.id)
                .where(tour_focus_topic.c.tour_id == tour.id)
                .order_by(Topic.name)
            )
        )
        with programme.session() as orm:
            sessions = orm.execute(
                select(TourSession, Organisation.name)
                .outerjoin(Organisation, Organisation.id == TourSession.visited_organisation_id)
                .where(TourSession.tour_id == tour.id)
            ).all()
        ids = [s.id for s, _ in sessions]
        people: dict[tuple[int, str], list[str]] = defaultdict(list)
        for session_id, role, name, phone in connection.execute(
            select(SessionPerson.session_id, SessionPerson.role, Person.name, Person.phone)
            .join(Person, Person.id == SessionPerson.person_id)
            .where(SessionPerson.session_id.in_(ids))
            .order_by(Person.name)
        ):
            shown = f"{name}, {phone}" if role == SessionRole.HOST_CONTACT and phone else name
            people[(session_id, role.value)].append(shown)
        topics: dict[int, list[str]] = defaultdict(list)
        for session_id, name in connection.execute(
            select(session_topic.c.session_id, Topic.name)
            .join(Topic, Topic.id == session_topic.c.topic_id)
            .where(session_topic.c.session_id.in_(ids))
            .order_by(Topic.name)
        ):
            topics[session_id].append(name)
        participants = connection.execute(
            select(
                Manager.id,
                Enrolment.status,
                Manager.given_name,
                Manager.family_name,
                Manager.arabic_name,
                country_name(),
                Organisation.name,
            )
            .join(Enrolment, Enrolment.manager_id == Manager.id)
            .join(Country, Country.code == Manager.country_code)
            .outerjoin(Organisation, Organisation.id == Manager.organisation_id)
            .where(Enrolment.tour_id == tour.id, is_expected())
            .order_by(Manager.family_name, Manager.given_name)
        ).all()
    items = tuple(
        AgendaItem(
            id=s.id,
            kind=s.kind.value,
            title=s.title,
            day=s.date,
            start=s.start_time,
            end=s.end_time,
            venue=s.venue or "",
            address=s.address or "",
            description=s.description or "",
            speakers=tuple(people[(s.id, SessionRole.SPEAKER.value)]),
            contacts=tuple(people[(s.id, SessionRole.HOST_CONTACT.value)]),
            topics=tuple(topics[s.id]),
            visited=visited or "",
            transfer=_transfer(s.transfer_mode, s.transfer_minutes),
            transfer_minutes=s.transfer_minutes or 0,
            uuid=s.uuid,
            revision=s.revision,
            modified_at=s.modified_at,
        )
        for s, visited in sessions
    )
    return TourAgenda(
        code=tour.code,
        title=tour.title,
        region=tour.region,
        city=tour.city or "",
        host_agency=host or "",
        start=tour.start_date,
        end=tour.end_date,
        time_zone=tour.time_zone,
        focus_topics=focus,
        items=items,
        stay=TourContacts(*(getattr(tour, name) or "" for name in TOUR_TEXT)),
        participants=tuple(
            Participant(
                f"{given} {family}",
                arabic or "",
                country,
                organisation or "",
                manager_id=manager_id,
                proposed=status == EnrolmentStatus.PROPOSED,
            )
            for manager_id, status, given, family, arabic, country, organisation in participants
        ),
    )


def agenda(programme: ProgrammeFile, tour: str | None = None, manager: int | None = None) -> Agenda:
    """A tour's agenda (`tour`), or a manager's personal agenda over the tours they are
    expected on (`manager`, optionally only `tour`)."""
    if manager is None:
        if tour is None:
            raise BoosterError(_("--tour: which tour's agenda? (or --manager ID)"))
        return Agenda((tour_agenda(programme, tour),), details=programme_details(programme))
    with programme.engine.connect() as connection:
        person = connection.execute(
            select(Manager.given_name, Manager.family_name, Manager.arabic_name).where(
                Manager.id == manager
            )
        ).first()
        if person is None:
            raise BoosterError(_("manager {manager} does not exist").format(manager=manager))
        codes = list(
            connection.scalars(
                select(Tour.code)
                .join(Enrolment, Enrolment.tour_id == Tour.id)
                .where(Enrolment.manager_id == manager, is_expected())
                .order_by(Tour.start_date)
            )
        )
    if tour is not None:
        wanted = tour.strip().upper()
        if wanted not in codes:
            raise BoosterError(
                _("manager {manager} is not expected on tour {wanted}").format(
                    manager=manager, wanted=wanted
                )
            )
        codes = [wanted]
    if not codes:
        raise BoosterError(
            _("manager {manager} is not expected on any tour").format(manager=manager)
        )
    return Agenda(
        tuple(tour_agenda(programme, code) for code in codes),
        for_manager=f"{person.given_name} {person.family_name}",
        for_manager_arabic=person.arabic_name,
        details=programme_details(programme),
    )


# -- checks --------------------------------------------------------------------------------------


def _span(item: AgendaItem) -> str:
    return f"{item.start:%H:%M}-{item.end:%H:%M}"


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def agenda_checks(programme: ProgrammeFile, code: str) -> list[AgendaCheck]:
    """The agenda's checks for one tour, all warnings (docs/programme-file.md lists them)."""
    agenda_ = tour_agenda(programme, code)
    checks: list[AgendaCheck] = []
    for day, items in agenda_.days():
        # Every pair that overlaps, not only neighbours: a long item can cover several.
        for position, first in enumerate(items):
            for second in items[position + 1 :]:
                if _minutes(second.start) < _minutes(first.end):
                    checks.append(
                        AgendaCheck(
                            "overlap",
                            _("{day}: '{title}' ({value}) overlaps '{title2}' ({value2})").format(
                                day=day.isoformat(),
                                title=first.title,
                                value=_span(first),
                                title2=second.title,
                                value2=_span(second),
                            ),
                            (first.id, second.id),
                        )
                    )
        for first, second in pairwise(items):
            if _minutes(second.start) < _minutes(first.end):
                continue  # an overlap, said above
            if (
                second.kind == SessionKind.VISIT
                and second.transfer_minutes
                and _minutes(second.start) - _minutes(first.end) < second.transfer_minutes
            ):
                gap = _minutes(second.start) - _minutes(first.end)
                checks.append(
                    AgendaCheck(
                        "transfer",
                        _(
                            "{day}: '{title}' needs {transfer_minutes} min to get there, but only "
                            "{gap} min follow '{title2}'"
                        ).format(
                            day=day.isoformat(),
                            title=second.title,
                            transfer_minutes=second.transfer_minutes,
                            gap=gap,
                            title2=first.title,
                        ),
                        (first.id, second.id),
                    )
                )
        if agenda_.start <= day <= agenda_.end and not any(
            i.kind == SessionKind.TRAINING for i in items
        ):
            checks.append(
                AgendaCheck(
                    "no-training", _("{day}: no training session").format(day=day.isoformat())
                )
            )
    for item in agenda_.items:
        if not agenda_.start <= item.day <= agenda_.end:
            checks.append(
                AgendaCheck(
                    "outside",
                    _("'{title}' on {day} is outside the tour ({start} to {end})").format(
                        title=item.title,
                        day=item.day.isoformat(),
                        start=agenda_.start.isoformat(),
                        end=agenda_.end.isoformat(),
                    ),
                    (item.id,),
                )
            )
    covered = {topic for item in agenda_.items for topic in item.topics}
    for topic in agenda_.focus_topics:
        if topic not in covered:
            checks.append(
                AgendaCheck(
                    "uncovered-topic",
                    _("focus topic '{topic}' has no session or visit").format(topic=topic),
                )
            )
    checks += _speakers_twice(programme, agenda_)
    return checks


def _speakers_twice(programme: ProgrammeFile, agenda_: TourAgenda) -> list[AgendaCheck]:
    """A speaker or host contact booked in two sessions at once (across every tour)."""
    ids = [item.id for item in agenda_.items]
    with programme.engine.connect() as connection:
        mine = connection.execute(
            select(
                SessionPerson.person_id,
                Person.name,
                TourSession.id,
                TourSession.title,
                TourSession.date,
                TourSession.start_time,
                TourSession.end_time,
            )
            .join(Person, Person.id == SessionPerson.person_id)
            .join(TourSession, TourSession.id == SessionPerson.session_id)
            .where(TourSession.id.in_(ids))
        ).all()
        people = {row.person_id for row in mine}
        theirs = connection.execute(
            select(
                SessionPerson.person_id,
                TourSession.id,
                TourSession.title,
                TourSession.date,
                TourSession.start_time,
                TourSession.end_time,
            )
            .join(TourSession, TourSession.id == SessionPerson.session_id)
            .where(SessionPerson.person_id.in_(people))
        ).all()
    checks, seen = [], set()
    for a in mine:
        for b in theirs:
            if a.person_id != b.person_id or a.id == b.id or a.date != b.date:
                continue
            if _minutes(a.start_time) < _minutes(b.end_time) and _minutes(b.start_time) < _minutes(
                a.end_time
            ):
                key = (a.person_id, *sorted((a.id, b.id)))
                if key in seen:
                    continue
                seen.add(key)
                checks.append(
                    AgendaCheck(
                        "speaker-twice",
                        _(
                            "{name} is booked in '{title}' and '{title2}' at the same time ({date})"
                        ).format(
                            name=a.name, title=a.title, title2=b.title, date=a.date.isoformat()
                        ),
                        (a.id, b.id),
                    )
                )
    return checks


@dataclass(frozen=True)
class ExportedAgenda:
    """What an export wrote: the agenda, and a note for each value shortened to fit."""

    agenda: Agenda
    shortened: tuple[str, ...] = ()

    @property
    def tours(self) -> tuple[TourAgenda, ...]:
        return self.agenda.tours


def export_agenda(
    programme: ProgrammeFile,
    target: Path,
    *,
    tour: str | None = None,
    manager: int | None = None,
    confirmed_only: bool = False,
) -> ExportedAgenda:
    """`booster export agenda`: the A4 booklet of a tour, or a manager's personal one
    (`confirmed_only`: without the participants not yet confirmed)."""
    from booster_desktop.exports.agenda_pdf import write_agenda
    from booster_desktop.services.output_paths import check_output_path

    check_output_path(Path(target), programme=programme.file)
    chosen = agenda(programme, tour, manager)
    notes = write_agenda(chosen, target, confirmed_only=confirmed_only)
    return ExportedAgenda(chosen, tuple(notes))


def export_calendar(
    programme: ProgrammeFile,
    target: Path,
    *,
    tour: str | None = None,
    manager: int | None = None,
    confirmed_only: bool = False,
) -> ExportedAgenda:
    """`booster export ics`: the agenda as iCalendar events in the tour's time zone."""
    from booster_desktop.exports.calendar_ics import write_calendar
    from booster_desktop.services.output_paths import check_output_path

    check_output_path(Path(target), programme=programme.file)
    del confirmed_only  # a calendar lists no participants
    chosen = agenda(programme, tour, manager)
    write_calendar(chosen, target)
    return ExportedAgenda(chosen)
