"""Rosters: who comes, when they travel, what they eat, what they attend, as plain records.

`roster()` gathers a `Roster` (one query per sheet, light tuples, no object graphs: it must
stay quick at 10,000 managers); `export_roster()` writes it as a workbook, or the participant
list as CSV. Exporters draw these records; they do not query.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Row, and_, exists, select

from booster_desktop.domain.country import Country, country_name
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import Diet, EnrolmentStatus, Gender, ManagerStatus, parse_diets
from booster_desktop.domain.labels import diet_label, label
from booster_desktop.domain.manager import Manager, TravelDocument
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.preference import SCORE_DIGITS, topic_worth
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.roster import (
    AgendaLine,
    AllocationLine,
    AttendanceLine,
    AttendanceSession,
    CateringLine,
    Roster,
    RosterPerson,
    SensitiveLine,
    TravelLine,
)
from booster_desktop.domain.session import TourSession
from booster_desktop.domain.topic import Topic, TopicInterest
from booster_desktop.domain.tour import Tour, tour_focus_topic
from booster_desktop.i18n import _, language
from booster_desktop.services.attendance_counts import first_check_ins
from booster_desktop.services.progress import Progress, no_progress
from booster_desktop.store.programme_file import ProgrammeFile

ROSTER_SUFFIXES = (".xlsx", ".csv")


# An enum member's printed word by a dict lookup (`.value` and a catalogue look-up would cost
# a call each, 20,000 times), one dict per printing language.
@cache
def _status_words(language: str) -> dict[EnrolmentStatus, str]:
    return {status: label(f"status.{status.value}") for status in EnrolmentStatus}


@cache
def _gender_words(language: str) -> dict[Gender, str]:
    return {gender: label(f"gender.{gender.value}") for gender in Gender}


DIETS = tuple(Diet)  # iterating an enum class goes through a generator each time


def find_tour(connection: Connection, code: str) -> Row[Any]:
    """The tour with `code` (any case), or a BoosterError naming the tours there are."""
    tour = connection.execute(select(Tour).where(Tour.code == code.strip().upper())).first()
    if tour is None:
        codes = ", ".join(
            connection.scalars(select(Tour.code).order_by(Tour.start_date, Tour.code))
        )
        raise BoosterError(
            _("tour {code!r} does not exist (tours: {value})").format(
                code=code, value=codes or _("none yet")
            )
        )
    return tour


def check_target(programme: ProgrammeFile, target: Path, suffixes: Sequence[str]) -> None:
    """Refuse an output of a kind we do not write, then whatever the one output-path check
    refuses (the programme, its working files, any programme file, devices, folders)."""
    from booster_desktop.services.output_paths import check_output_path

    target = Path(target)
    if target.suffix.lower() not in suffixes:
        kinds = " or ".join(suffixes)
        raise BoosterError(_("{target}: name a {kinds} file").format(target=target, kinds=kinds))
    check_output_path(target, programme=programme.file)


@dataclass(frozen=True)
class _Scope:
    """The tours a roster covers and, per tour, the enrolments it counts."""

    tours: list[Row[Any]]
    people: list[RosterPerson]


def _people(
    connection: Connection, tour: Row[Any] | None, confirmed_only: bool
) -> list[RosterPerson]:
    query: Any = (
        select(
            Manager.id,
            Manager.given_name,
            Manager.family_name,
            Manager.arabic_name,
            country_name(),
            Manager.city,
            Organisation.name,
            Manager.email,
            Manager.phone,
            Manager.role,
            Manager.gender,
            Manager.diets,
            Manager.dietary_needs,
            Manager.accessibility_needs,
        )
        .join(Country, Country.code == Manager.country_code)
        .outerjoin(Organisation, Organisation.id == Manager.organisation_id)
        .order_by(Manager.family_name, Manager.given_name, Manager.id)
    )
    statuses: dict[int, str] = {}
    if tour is not None:
        query = query.add_columns(Enrolment.status).join(
            Enrolment, and_(Enrolment.manager_id == Manager.id, Enrolment.tour_id == tour.id)
        )
        query = query.where(is_expected())
        if confirmed_only:
            query = query.where(Enrolment.status == EnrolmentStatus.CONFIRMED)
    else:
        query = query.where(Manager.status == ManagerStatus.ACTIVE)
        if confirmed_only:
            query = query.where(
                exists().where(
                    Enrolment.manager_id == Manager.id,
                    Enrolment.status == EnrolmentStatus.CONFIRMED,
                )
            )
        summary: dict[int, list[str]] = defaultdict(list)
        for manager_id, code, state in connection.execute(
            select(Enrolment.manager_id, Tour.code, Enrolment.status)
            .join(Tour, Tour.id == Enrolment.tour_id)
            .order_by(Tour.start_date, Tour.code)
        ).all():
            summary[manager_id].append(f"{code}: {_status_words(language())[state]}")
        statuses = {manager_id: "; ".join(parts) for manager_id, parts in summary.items()}
    people = []
    words, genders = _status_words(language()), _gender_words(language())
    for row in connection.execute(query).all():
        status = words[row[14]] if tour is not None else statuses.get(row[0], "")
        people.append(
            RosterPerson(
                id=row[0],
                given_name=row[1],
                family_name=row[2],
                arabic_name=row[3] or "",
                country=row[4],
                city=row[5] or "",
                organisation=row[6] or "",
                email=row[7] or "",
                phone=row[8] or "",
                role=row[9] or "",
                gender=genders[row[10]] if row[10] else "",
                diets=parse_diets(row[11]),
                dietary_needs=row[12] or "",
                accessibility_needs=row[13] or "",
                status=status,
                name=f"{row[1]} {row[2]}",
            )
        )
    return people


def _enrolments(connection: Connection, scope: _Scope, confirmed_only: bool) -> list[Any]:
    """The expected enrolments of the people listed, on the tours covered."""
    ids = {person.id for person in scope.people}
    query = select(
        Enrolment.manager_id,
        Enrolment.tour_id,
        Enrolment.arrival_at,
        Enrolment.arrival_details,
        Enrolment.departure_at,
        Enrolment.departure_details,
        Enrolment.hotel,
    ).where(Enrolment.tour_id.in_([t.id for t in scope.tours]), is_expected())
    if confirmed_only:
        query = query.where(Enrolment.status == EnrolmentStatus.CONFIRMED)
    return [row for row in connection.execute(query).all() if row.manager_id in ids]


def _travel(scope: _Scope, enrolments: list[Row[Any]]) -> tuple[TravelLine, ...]:
    tours = {t.id: t for t in scope.tours}
    people = {p.id: p for p in scope.people}
    order = {p.id: n for n, p in enumerate(scope.people)}
    starts = {t.id: (t.start_date, t.code) for t in scope.tours}
    lines = []
    for row in sorted(enrolments, key=lambda r: (starts[r.tour_id], order[r.manager_id])):
        tour = tours[row.tour_id]
        lines.append(
            TravelLine(
                tour=tour.code,
                manager_id=row.manager_id,
                name=people[row.manager_id].name,
                arrival=row.arrival_at,
                arrival_details=row.arrival_details or "",
                departure=row.departure_at,
                departure_details=row.departure_details or "",
                hotel=row.hotel or tour.hotel_name or "",
            )
        )
    return tuple(lines)


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _catering(scope: _Scope, enrolments: list[Row[Any]]) -> tuple[CateringLine, ...]:
    """For each day of each tour, the people present (between arrival and departure when
    known) counted by diet, with their names; then the other needs in their own words."""
    people = {p.id: p for p in scope.people}
    order = {p.id: n for n, p in enumerate(scope.people)}
    by_tour: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in enrolments:
        by_tour[row.tour_id].append(row)
    lines: list[CateringLine] = []
    for tour in scope.tours:
        rows = sorted(by_tour.get(tour.id, []), key=lambda r: order[r.manager_id])
        for day in _days(tour.start_date, tour.end_date):
            present = [
                people[r.manager_id]
                for r in rows
                if (r.arrival_at is None or r.arrival_at.date() <= day)
                and (r.departure_at is None or r.departure_at.date() >= day)
            ]
            for diet in DIETS:
                names = tuple(p.name for p in present if diet in p.diets)
                lines.append(CateringLine(tour.code, day, diet_label(diet), len(names), names))
            plain = tuple(p.name for p in present if not p.diets and not p.dietary_needs)
            lines.append(CateringLine(tour.code, day, label("diet.none"), len(plain), plain))
            other = tuple(f"{p.name}: {p.dietary_needs}" for p in present if p.dietary_needs)
            lines.append(CateringLine(tour.code, day, label("diet.other"), len(other), other))
    return tuple(lines)


def _agenda(connection: Connection, scope: _Scope) -> tuple[AgendaLine, ...]:
    codes = {t.id: t.code for t in scope.tours}
    starts = {t.id: (t.start_date, t.code) for t in scope.tours}
    rows = list(
        connection.execute(
            select(
                TourSession.tour_id,
                TourSession.id,
                TourSession.date,
                TourSession.start_time,
                TourSession.end_time,
                TourSession.kind,
                TourSession.title,
                TourSession.venue,
                TourSession.address,
            ).where(TourSession.tour_id.in_(list(codes)))
        )
    )
    rows.sort(key=lambda r: (starts[r.tour_id], r.date, r.start_time, r.end_time, r.id))
    return tuple(
        AgendaLine(
            tour=codes[r.tour_id],
            session_id=r.id,
            day=r.date,
            start=r.start_time,
            end=r.end_time,
            kind=label(f"kind.{r.kind.value}"),
            title=r.title,
            venue=r.venue or "",
            address=r.address or "",
        )
        for r in rows
    )


def _attendance(
    connection: Connection, tour: Row[Any], people: list[RosterPerson]
) -> tuple[tuple[AttendanceSession, ...], tuple[AttendanceLine, ...]]:
    """The tour's managers (and anyone else checked in) x its sessions: local check-in times."""
    sessions = connection.execute(
        select(TourSession.id, TourSession.date, TourSession.start_time, TourSession.title)
        .where(TourSession.tour_id == tour.id)
        .order_by(TourSession.date, TourSession.start_time, TourSession.end_time, TourSession.id)
    ).all()
    seen = first_check_ins(connection, [s.id for s in sessions])
    zone = ZoneInfo(tour.time_zone)
    column = {s.id: n for n, s in enumerate(sessions)}
    times: dict[int, list[datetime | None]] = defaultdict(lambda: [None] * len(sessions))
    for (session_id, manager_id), moment in seen.items():
        times[manager_id][column[session_id]] = moment.astimezone(zone).replace(tzinfo=None)
    lines = [
        AttendanceLine(p.id, p.name, p.status, tuple(times.get(p.id, [None] * len(sessions))))
        for p in people
    ]
    listed = {p.id for p in people}
    others = sorted(set(times) - listed)
    if others:
        names = connection.execute(
            select(Manager.id, Manager.given_name, Manager.family_name)
            .where(Manager.id.in_(others))
            .order_by(Manager.family_name, Manager.given_name)
        )
        for manager_id, given, family in names:
            lines.append(
                AttendanceLine(
                    manager_id,
                    _("{given} {family}").format(given=given, family=family),
                    _("not on the list"),
                    tuple(times[manager_id]),
                )
            )
    return (
        tuple(AttendanceSession(s.id, s.date, s.start_time, s.title) for s in sessions),
        tuple(lines),
    )


def _allocation(connection: Connection, people: list[RosterPerson]) -> tuple[AllocationLine, ...]:
    """Every enrolment of the people listed, with the tour's rank among the manager's tours
    by the topics they want (the allocator's model), and the topics that match."""
    import numpy as np

    tours = connection.execute(
        select(Tour.id, Tour.code).order_by(Tour.start_date, Tour.code)
    ).all()
    column = {tour_id: n for n, (tour_id, _) in enumerate(tours)}
    row_of = {p.id: n for n, p in enumerate(people)}
    topic_names = dict(connection.execute(select(Topic.id, Topic.name)).all())
    topic_row = {topic: n for n, topic in enumerate(topic_names)}
    interests = [
        (manager_id, topic, rank)
        for manager_id, topic, rank in connection.execute(
            select(TopicInterest.manager_id, TopicInterest.topic_id, TopicInterest.rank)
        ).all()
        if manager_id in row_of
    ]
    ranked: dict[int, dict[int, int]] = defaultdict(dict)
    for manager_id, topic, position in interests:
        ranked[manager_id][topic] = position
    # scores = worth (managers x topics) @ covers (topics x tours), as the allocator has it.
    worth = np.zeros((len(people), len(topic_names)))
    if interests:
        at = np.array([(row_of[m], topic_row[t], r) for m, t, r in interests])
        worth[at[:, 0], at[:, 1]] = [topic_worth(int(r)) for r in at[:, 2]]
    covers = np.zeros((len(topic_names), len(tours)))
    focus: dict[int, list[int]] = defaultdict(list)
    for tour_id, topic in connection.execute(
        select(tour_focus_topic.c.tour_id, tour_focus_topic.c.topic_id)
    ).all():
        covers[topic_row[topic], column[tour_id]] = 1.0
        focus[tour_id].append(topic)
    scores = np.round(worth @ covers, SCORE_DIGITS)
    pairs = [
        (manager_id, tour_id, _status_words(language())[status])
        for manager_id, tour_id, status in connection.execute(
            select(Enrolment.manager_id, Enrolment.tour_id, Enrolment.status)
        ).all()
        if manager_id in row_of
    ]
    if not pairs:
        return ()
    rows = np.array([row_of[m] for m, _, _ in pairs])
    columns = np.array([column[t] for _, t, _ in pairs])
    mine = scores[rows, columns]
    ranks = (1 + (scores[rows] > mine[:, None]).sum(axis=1)).tolist()
    scored = mine.tolist()
    codes = {tour_id: code for tour_id, code in tours}
    people_by_id = {p.id: p for p in people}
    lines = []
    rank: int | None
    score: float | None
    for n, (manager_id, tour_id, status) in enumerate(pairs):
        wants = ranked.get(manager_id)
        person = people_by_id[manager_id]
        if wants:
            matched = sorted((wants[t], topic_names[t]) for t in focus[tour_id] if t in wants)
            topics = ", ".join(f"{name} ({wanted})" for wanted, name in matched)
            rank, score = ranks[n], scored[n]
        else:
            topics, rank, score = "", None, None
        lines.append(
            AllocationLine(
                manager_id,
                person.name,
                person.country,
                codes[tour_id],
                status,
                rank,
                score,
                topics,
            )
        )
    lines.sort(key=lambda line: (row_of[line.manager_id], line.rank or 0, line.tour))
    return tuple(lines)


def _sensitive(connection: Connection, people: list[RosterPerson]) -> tuple[SensitiveLine, ...]:
    documents = {
        row.manager_id: row
        for row in connection.execute(
            select(
                TravelDocument.manager_id,
                country_name(),
                TravelDocument.passport_number,
                TravelDocument.passport_expiry,
                TravelDocument.date_of_birth,
            ).outerjoin(Country, Country.code == TravelDocument.nationality)
        )
    }
    lines = []
    for person in people:
        document = documents.get(person.id)
        lines.append(
            SensitiveLine(
                manager_id=person.id,
                name=person.name,
                nationality=(document.country_name or "") if document else "",
                passport_number=(document.passport_number or "") if document else "",
                passport_expiry=document.passport_expiry if document else None,
                date_of_birth=document.date_of_birth if document else None,
            )
        )
    return tuple(lines)


def roster(
    programme: ProgrammeFile,
    *,
    tour: str | None = None,
    confirmed_only: bool = False,
    include_sensitive: bool = False,
    progress: Progress = no_progress,
) -> Roster:
    """The roster of one tour (`tour`), or of the whole programme."""
    steps = 7
    with programme.engine.connect() as connection:
        progress(0, steps, _("Reading participants"))
        chosen = find_tour(connection, tour) if tour is not None else None
        tours = (
            [chosen]
            if chosen is not None
            else list(connection.execute(select(Tour).order_by(Tour.start_date, Tour.code)))
        )
        people = _people(connection, chosen, confirmed_only)
        if not people:
            where = (
                _("tour {code}").format(code=chosen.code)
                if chosen is not None
                else _("the programme")
            )
            who = _("confirmed managers") if confirmed_only else _("managers expected")
            raise BoosterError(
                _("{where} has no {who}: nothing to list").format(where=where, who=who)
            )
        scope = _Scope(tours, people)
        progress(1, steps, _("Reading travel"))
        enrolments = _enrolments(connection, scope, confirmed_only)
        travel = _travel(scope, enrolments)
        progress(2, steps, _("Counting diets"))
        catering = _catering(scope, enrolments)
        progress(3, steps, _("Reading the agenda"))
        agenda = _agenda(connection, scope)
        progress(
            4, steps, _("Reading attendance") if chosen is not None else _("Reading allocation")
        )
        sessions: tuple[AttendanceSession, ...] = ()
        attendance: tuple[AttendanceLine, ...] = ()
        allocation: tuple[AllocationLine, ...] = ()
        if chosen is not None:
            sessions, attendance = _attendance(connection, chosen, people)
        else:
            allocation = _allocation(connection, people)
        progress(5, steps, _("Reading travel documents"))
        sensitive = _sensitive(connection, people) if include_sensitive else None
        title = (
            f"{chosen.title} ({chosen.code})"
            if chosen is not None
            else str(connection.scalar(select(Programme.title)) or "Programme")
        )
    return Roster(
        title=title,
        tour=chosen.code if chosen is not None else None,
        people=tuple(people),
        travel=travel,
        catering=catering,
        agenda=agenda,
        attendance_sessions=sessions,
        attendance=attendance,
        allocation=allocation,
        sensitive=sensitive,
    )


def export_roster(
    programme: ProgrammeFile,
    target: Path,
    *,
    tour: str | None = None,
    confirmed_only: bool = False,
    include_sensitive: bool = False,
    locale: str | None = None,
    progress: Progress = no_progress,
) -> Roster:
    """`booster export roster`: the workbook (.xlsx), or the participant list (.csv) with the
    separator spreadsheets expect in `locale` (e.g. "fr_FR"; None: the system's)."""
    target = Path(target)
    check_target(programme, target, ROSTER_SUFFIXES)
    with _no_cycle_collection():
        return _export_roster(
            programme, target, tour, confirmed_only, include_sensitive, locale, progress
        )


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: a roster is some 200,000 records and 500,000 cells,
    none of them in a cycle, and each collection walks them all (about 5% of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _export_roster(
    programme: ProgrammeFile,
    target: Path,
    tour: str | None,
    confirmed_only: bool,
    include_sensitive: bool,
    locale: str | None,
    progress: Progress,
) -> Roster:
    chosen = roster(
        programme,
        tour=tour,
        confirmed_only=confirmed_only,
        include_sensitive=include_sensitive,
        progress=progress,
    )
    progress(6, 7, _("Writing the workbook"))
    if target.suffix.lower() == ".csv":
        from booster_desktop.exports.roster_xlsx import write_participants_csv
        from booster_desktop.exports.spreadsheet_writer import list_separator

        write_participants_csv(chosen, target, list_separator(locale))
    else:
        from booster_desktop.exports.roster_xlsx import write_roster

        write_roster(chosen, target)
    progress(7, 7, "Done")
    return chosen


def proposed_file_name(programme: ProgrammeFile, tour: str | None, what: str) -> str:
    """The file name the window proposes: what it is and the tour's name, safe on every OS."""
    import re

    with programme.engine.connect() as connection:
        if tour is not None:
            row = find_tour(connection, tour)
            name = f"{row.code} {row.title}"
        else:
            name = str(connection.scalar(select(Programme.title)) or "Programme")
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", f"{what} - {name}")
    return re.sub(r"\s+", " ", safe).strip(" .")[:120]
