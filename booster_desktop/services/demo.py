"""The demo programme: the reference programme (24 managers, 4 tours), or a scaled one.

Deterministic for a seed, so tests and benchmarks get the same programme every time (badge
tokens excepted: they are always random, never derived from anything). Rows are written
with bulk inserts and explicit ids, in the file's one creating transaction.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from sqlalchemy import Insert, insert, update
from sqlalchemy.orm import Session

from booster_desktop.domain.badge import BadgeToken, new_token
from booster_desktop.domain.enrolment import Enrolment
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import (
    EnrolmentStatus,
    ManagerStatus,
    OrganisationKind,
    PersonKind,
    SessionKind,
    SessionRole,
)
from booster_desktop.domain.manager import Manager, TravelDocument, person_key
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.person import Person
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.session import SessionPerson, TourSession, session_topic
from booster_desktop.domain.text import fold
from booster_desktop.domain.topic import Topic, TopicInterest
from booster_desktop.domain.tour import Tour, tour_focus_topic
from booster_desktop.i18n import _
from booster_desktop.services import demo_data
from booster_desktop.services.demo_data import DemoExpert, DemoManager, DemoTour, DemoVisit
from booster_desktop.services.progress import Progress, no_progress
from booster_desktop.store.location import Location, ServerAddress
from booster_desktop.store.programme_file import create_on_server, create_programme_file

DEFAULT_SEED = 2018
REFERENCE_MANAGERS = 24
TOURS_PER_MANAGER = 2
INTERESTS_PER_SCALED_MANAGER = 10
DEMO_TITLE = "Cluster Booster: inspiration and learning tours"
MAX_MANAGERS = 1_000_000


def demo_shape(managers: int) -> tuple[int, int]:
    """(tours, capacity of each) for a demo of `managers` (docs/architecture.md, Speed).

    The reference programme has 4 tours of 12; a scaled one max(4, min(50, N // 50)) tours of
    ceil(1.1 x 3N / tours), so that every K up to 3 tours each fits.
    """
    if managers <= REFERENCE_MANAGERS:
        return 4, 12
    tours = max(4, min(50, managers // 50))
    return tours, -(-33 * managers // (10 * tours))  # the ceiling, in integers: 1.1 is inexact


def demo_phone(country: str, draw: int, *, mobile: bool = True) -> str:
    """A made-up phone number of `country` as stored (E.164): the country's calling code and
    a number its plan allows, the last four digits taken from `draw` (libphonenumber's example
    number for the country, varied, is valid by construction of its metadata)."""
    kind = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(country, kind)
    if example is None:
        raise BoosterError(
            _("no phone numbering plan for the country {country}").format(country=country)
        )
    national = str(example.national_number)
    for step in range(10):
        tail = f"{(draw + step) % 10_000:04d}"
        number = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return phonenumbers.format_number(example, PhoneNumberFormat.E164)


def write_demo(
    path: Location,
    *,
    managers: int = REFERENCE_MANAGERS,
    seed: int = DEFAULT_SEED,
    replace: bool = False,
    progress: Progress = no_progress,
) -> Path | None:
    """Write the demo programme to `path` (built aside, renamed into place when complete).

    With `replace`, a programme already at `path` is backed up first into its backup folder
    (refused while another window or command holds it); returns that backup, if one was made.
    """
    from booster_desktop.services.output_paths import check_output_path
    from booster_desktop.services.programme import backup_before_replacing

    if not 1 <= managers <= MAX_MANAGERS:
        raise BoosterError(
            _("--managers: {managers} is not between 1 and {MAX_MANAGERS:,}").format(
                managers=managers, MAX_MANAGERS=MAX_MANAGERS
            )
        )
    if isinstance(path, ServerAddress):  # into the server's empty database, never replacing
        from booster_desktop.services.passwords import with_kept_password

        builder = _DemoBuilder(managers, seed, progress)
        create_on_server(
            with_kept_password(path), title=DEMO_TITLE, fill=builder.fill, lottery_seed=seed
        )
        return None
    path = Path(path)
    if path.is_symlink():  # the programme is where the link points: the link stays a link
        path = path.resolve()
    path = check_output_path(path, replacing_programme=replace)
    backup = backup_before_replacing(path, "demo") if replace else None
    builder = _DemoBuilder(managers, seed, progress)
    create_programme_file(
        path, title=DEMO_TITLE, replace=replace, fill=builder.fill, lottery_seed=seed
    )
    return backup


def demo_path() -> Path:
    """Where the window keeps the demo programme: the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("Booster Desktop", appauthor=False, ensure_exists=True) / "demo.booster"


def open_or_write_demo(*, fresh: bool = False) -> tuple[Path, Path | None]:
    """The demo programme's file, written only when there is none (or `fresh` is asked for:
    the old one is backed up first). Returns the file and the backup made, if any."""
    path = demo_path()
    if path.exists() and not fresh:
        return path, None
    return path, write_demo(path, replace=path.exists())


def _slug(text: str, separator: str = ".") -> str:
    return re.sub(r"[^a-z0-9]+", separator, fold(text)).strip(separator)


@dataclass
class _Rows:
    """The rows of one table, with the next id to give."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, **values: Any) -> int:
        values.setdefault("id", len(self.rows) + 1)
        self.rows.append(values)
        return int(values["id"])


class _DemoBuilder:
    def __init__(self, managers: int, seed: int, progress: Progress) -> None:
        self.managers = managers
        self.random = random.Random(seed)
        self.progress = progress
        self.tour_count, self.capacity = demo_shape(managers)
        self.topic_ids = {topic.name: i for i, topic in enumerate(demo_data.TOPICS, 1)}
        self.organisations = _Rows()
        self.organisation_ids: dict[tuple[str, str], int] = {}
        self.people = _Rows()
        self.sessions = _Rows()
        self.session_topics: list[dict[str, Any]] = []
        self.session_people: list[dict[str, Any]] = []
        self.tours = _Rows()
        self.focus: list[dict[str, Any]] = []
        self.tour_topics: dict[int, tuple[int, ...]] = {}

    # -- the whole programme ------------------------------------------------------------------

    def fill(self, session: Session) -> None:
        steps = 6
        self.progress(0, steps, _("Writing topics and tours"))
        session.execute(
            insert(Topic),
            [
                {"id": i, "name": t.name, "name_key": fold(t.name), "description": t.description}
                for i, t in enumerate(demo_data.TOPICS, 1)
            ],
        )
        session.execute(update(Programme).values(demo_data.COORDINATOR))
        for tour in self._tour_plans():
            self._add_tour(tour)
        self.progress(1, steps, _("Writing managers"))
        managers = list(self._manager_plans())
        manager_rows = [self._manager_row(i, plan) for i, plan in enumerate(managers, 1)]
        self._insert(session, insert(Organisation), self.organisations.rows)
        self._insert(session, insert(Person), self.people.rows)
        self._insert(session, insert(Tour), self.tours.rows)
        self._insert(session, insert(tour_focus_topic), self.focus)
        self._insert(session, insert(TourSession), self.sessions.rows)
        self._insert(session, insert(session_topic), self.session_topics)
        self._insert(session, insert(SessionPerson), self.session_people)
        self._insert(session, insert(Manager), manager_rows)
        self.progress(2, steps, _("Writing topic ranks"))
        interests = [
            {"manager_id": i, "topic_id": self.topic_ids[name], "rank": rank}
            for i, plan in enumerate(managers, 1)
            for rank, name in enumerate(plan.topics, 1)
        ]
        self._insert(session, insert(TopicInterest), interests)
        self.progress(3, steps, _("Issuing badge tokens"))
        self._insert(
            session,
            insert(BadgeToken),
            [{"token": new_token(), "manager_id": i} for i in range(1, len(managers) + 1)],
        )
        self._insert(session, insert(TravelDocument), self._travel_rows(managers))
        self.progress(4, steps, _("Enrolling managers in tours"))
        self._insert(session, insert(Enrolment), self._enrolments(managers))
        self.progress(5, steps, _("Saving"))
        session.commit()
        self.progress(6, steps, _("Done"))

    @staticmethod
    def _insert(session: Session, statement: Insert, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            session.execute(statement, list(rows))

    # -- tours, sessions and visits -------------------------------------------------------------

    def _tour_plans(self) -> list[DemoTour]:
        plans = list(demo_data.TOURS[: self.tour_count])
        extra = self.tour_count - len(plans)
        regions = demo_data.EXTRA_REGIONS
        topic_names = [t.name for t in demo_data.TOPICS]
        for n in range(extra):
            code, region, country, city, zone = regions[n % len(regions)]
            lap = n // len(regions)
            if lap:
                code = f"{code}{lap + 1}"
            reference = demo_data.TOURS[n % len(demo_data.TOURS)]
            start = date(2019, 1, 7) + timedelta(weeks=2 * n + 1)
            focus = tuple(self.random.sample(topic_names, 3))
            sectors = self.random.sample(list(demo_data.SECTORS), 4)
            visits = tuple(
                DemoVisit(
                    organisation=f"{region} {sector} Cluster",
                    sector=sector,
                    address=f"{10 + 7 * i} Innovation Avenue, {city}",
                    city=city,
                    topics=(focus[i % 3],),
                    contact_name=self._european_name(),
                    contact_phone=demo_phone(country, self.random.randint(100_000, 999_999)),
                    transfer_mode="coach",
                    transfer_minutes=self.random.choice((15, 20, 30, 40)),
                )
                for i, sector in enumerate(sectors)
            )
            plans.append(
                DemoTour(
                    code=code,
                    title=f"Inspiration and learning tour: {region}"
                    + (f" ({lap + 1})" if lap else ""),
                    region=region,
                    country=country,
                    city=city,
                    host_agency=f"{region} Trade and Investment Agency",
                    host_agency_website=f"https://{_slug(region, '-')}.example",
                    start=start,
                    time_zone=zone,
                    focus_topics=focus,
                    training_venue=f"{region} Business Centre",
                    training_address=f"1 Enterprise Square, {city}",
                    experts=reference.experts,
                    visits=visits,
                )
            )
        return plans

    def _european_name(self) -> str:
        given, family = demo_data.EUROPEAN_GIVEN_NAMES, demo_data.EUROPEAN_FAMILY_NAMES
        return f"{self.random.choice(given)} {self.random.choice(family)}"

    def _organisation(self, name: str, country: str, kind: OrganisationKind, **extra: Any) -> int:
        key = (name, country)
        if key not in self.organisation_ids:
            self.organisation_ids[key] = self.organisations.add(
                name=name, country_code=country, kind=kind, **extra
            )
        return self.organisation_ids[key]

    def _expert(self, expert: DemoExpert, tour: DemoTour) -> int:
        organisation = self._organisation(expert.organisation, tour.country, OrganisationKind.OTHER)
        return self.people.add(
            name=expert.name,
            kind=PersonKind.EXPERT,
            job_title=expert.job_title,
            organisation_id=organisation,
        )

    def _add_tour(self, plan: DemoTour) -> None:
        host = self._organisation(
            plan.host_agency,
            plan.country,
            OrganisationKind.HOST_AGENCY,
            city=plan.city,
            website=plan.host_agency_website,
            sector="Internationalisation of enterprises",
        )
        tour_id = self.tours.add(
            code=plan.code,
            title=plan.title,
            region=plan.region,
            host_agency_id=host,
            city=plan.city,
            country_code=plan.country,
            start_date=plan.start,
            end_date=plan.start + timedelta(days=4),
            capacity=self.capacity,
            time_zone=plan.time_zone,
            **self._stay(plan),
        )
        focus = tuple(self.topic_ids[name] for name in plan.focus_topics)
        self.tour_topics[tour_id] = focus
        self.focus.extend({"tour_id": tour_id, "topic_id": t} for t in focus)
        experts = [self._expert(expert, plan) for expert in plan.experts]
        for day in range(5):
            when = plan.start + timedelta(days=day)
            topic = plan.focus_topics[day % len(plan.focus_topics)]
            training = self._session(
                tour_id,
                SessionKind.TRAINING,
                f"Joint training: {topic}",
                when,
                (9, 30),
                (12, 30),
                venue=plan.training_venue,
                address=plan.training_address,
                description="Methods and tools shared by European cluster managers and experts, "
                "worked through on practical cases brought by the participants.",
            )
            self.session_topics.append({"session_id": training, "topic_id": self.topic_ids[topic]})
            self.session_people.append(
                {
                    "session_id": training,
                    "person_id": experts[day % len(experts)],
                    "role": SessionRole.SPEAKER,
                }
            )
            if day < len(plan.visits):
                self._add_visit(tour_id, plan, plan.visits[day], when)
        self._session(
            tour_id,
            SessionKind.MEAL,
            "Welcome dinner",
            plan.start,
            (19, 30),
            (21, 30),
            venue=f"Restaurant in {plan.city}",
            address=None,
        )
        self._session(
            tour_id,
            SessionKind.NETWORKING,
            "Wrap-up, action plans and networking",
            plan.start + timedelta(days=4),
            (14, 0),
            (16, 0),
            venue=plan.training_venue,
            address=plan.training_address,
        )

    @staticmethod
    def _stay(plan: DemoTour) -> dict[str, str]:
        """The tour's hotel and on-site contact: the reference tours' own, a plain one else."""
        stay = demo_data.STAYS.get(plan.code)
        if stay is not None:
            return asdict(stay)
        return {
            "hotel_name": f"Hotel {plan.city} Centre",
            "hotel_address": f"2 Station Square, {plan.city}",
            "hotel_phone": demo_phone(plan.country, 100, mobile=False),
            "contact_name": f"{plan.region} tour desk",
            "contact_phone": demo_phone(plan.country, 199),
            "contact_email": f"tours@{_slug(plan.region, '-')}.example",
        }

    def _add_visit(self, tour_id: int, plan: DemoTour, visit: DemoVisit, when: date) -> None:
        visited = self._organisation(
            visit.organisation,
            plan.country,
            OrganisationKind.CLUSTER,
            city=visit.city,
            sector=visit.sector,
        )
        session_id = self._session(
            tour_id,
            SessionKind.VISIT,
            f"Benchmarking visit: {visit.organisation}",
            when,
            (14, 30),
            (17, 0),
            venue=visit.organisation,
            address=visit.address,
            visited_organisation_id=visited,
            transfer_mode=visit.transfer_mode,
            transfer_minutes=visit.transfer_minutes,
        )
        contact = self.people.add(
            name=visit.contact_name,
            kind=PersonKind.HOST_CONTACT,
            organisation_id=visited,
            phone=visit.contact_phone,
        )
        self.session_people.append(
            {"session_id": session_id, "person_id": contact, "role": SessionRole.HOST_CONTACT}
        )
        self.session_topics.extend(
            {"session_id": session_id, "topic_id": self.topic_ids[name]} for name in visit.topics
        )

    def _session(
        self,
        tour_id: int,
        kind: SessionKind,
        title: str,
        day: date,
        start: tuple[int, int],
        end: tuple[int, int],
        **details: Any,
    ) -> int:
        return self.sessions.add(
            tour_id=tour_id,
            kind=kind,
            title=title,
            date=day,
            start_time=time(*start),
            end_time=time(*end),
            **details,
        )

    # -- managers -------------------------------------------------------------------------------

    def _manager_plans(self) -> list[DemoManager]:
        if self.managers <= REFERENCE_MANAGERS:
            return list(demo_data.REFERENCE_MANAGERS[: self.managers])
        plans = list(demo_data.REFERENCE_MANAGERS)
        countries = sorted(demo_data.GIVEN_NAMES)
        topic_names = [t.name for t in demo_data.TOPICS]
        # Skewed popularity, as in real diagnoses: a few topics are wanted by most managers.
        weights = {name: 1.0 / (i + 1) ** 0.7 for i, name in enumerate(topic_names)}
        for _draw in range(self.managers - REFERENCE_MANAGERS):
            country = self.random.choice(countries)
            female, male = demo_data.GIVEN_NAMES[country]
            gender = self.random.choice(("female", "male"))
            given, given_ar = self.random.choice(female if gender == "female" else male)
            family, family_ar = self.random.choice(demo_data.FAMILY_NAMES[country])
            city = self.random.choice(demo_data.CITIES[country])
            sector = self.random.choice(demo_data.SECTORS)
            # Weighted order without replacement (Efraimidis-Spirakis keys).
            order = sorted(topic_names, key=lambda n: -(self.random.random() ** (1 / weights[n])))
            plans.append(
                DemoManager(
                    given_name=given,
                    family_name=family,
                    arabic_name=f"{given_ar} {family_ar}",
                    gender=gender,
                    country=country,
                    cluster=f"{sector} Cluster {city}",
                    sector=sector,
                    city=city,
                    role=self.random.choice(demo_data.ROLES),
                    topics=tuple(order[:INTERESTS_PER_SCALED_MANAGER]),
                )
            )
        return plans

    def _manager_row(self, manager_id: int, plan: DemoManager) -> dict[str, Any]:
        organisation = self._organisation(
            plan.cluster,
            plan.country,
            OrganisationKind.CLUSTER,
            city=plan.city,
            sector=plan.sector,
        )
        domain = _slug(plan.cluster, "-")
        email = f"{_slug(plan.given_name)}.{_slug(plan.family_name)}.{manager_id}@{domain}.example"
        return {
            "id": manager_id,
            "status": ManagerStatus.ACTIVE,
            "given_name": plan.given_name,
            "family_name": plan.family_name,
            "arabic_name": plan.arabic_name,
            "person_key": person_key(plan.given_name, plan.family_name, plan.country),
            "gender": plan.gender,
            "email": email,
            # Two draws as before, so the rest of a seeded demo stays the same.
            "phone": demo_phone(
                plan.country, self.random.randint(200, 999) + self.random.randint(10**7, 10**8 - 1)
            ),
            "organisation_id": organisation,
            "country_code": plan.country,
            "city": plan.city,
            "role": plan.role,
        }

    def _travel_rows(self, managers: Sequence[DemoManager]) -> list[dict[str, Any]]:
        rows = []
        for i, plan in enumerate(managers, 1):
            born = date(1965, 1, 1) + timedelta(days=self.random.randint(0, 365 * 30))
            rows.append(
                {
                    "manager_id": i,
                    "nationality": plan.country,
                    "passport_number": f"{plan.country}{self.random.randint(1_000_000, 9_999_999)}",
                    "passport_expiry": date(2027, 1, 1)
                    + timedelta(days=self.random.randint(0, 2000)),
                    "date_of_birth": born,
                }
            )
        return rows

    def _enrolments(self, managers: Sequence[DemoManager]) -> list[dict[str, Any]]:
        """Two tours each that fit the manager's topics, within every tour's seats.

        Managers in random order take, topic by topic (most wanted first), the tour focusing
        on it with the most seats left; a manager left short then swaps with someone who can
        move to a tour with seats left. No optimality is claimed: allocation is the allocator's.
        """
        tours_by_topic: dict[int, list[int]] = {}
        for tour_id, topics in self.tour_topics.items():
            for topic in topics:
                tours_by_topic.setdefault(topic, []).append(tour_id)
        seats = dict.fromkeys(self.tour_topics, self.capacity)
        chosen: dict[int, list[int]] = {}
        order = list(range(1, len(managers) + 1))
        self.random.shuffle(order)
        for manager_id in order:
            picks: list[int] = []
            for name in managers[manager_id - 1].topics:
                candidates = [
                    t for t in tours_by_topic.get(self.topic_ids[name], ()) if t not in picks
                ]
                candidates = [t for t in candidates if seats[t] > 0]
                if candidates:
                    best = max(candidates, key=lambda t: (seats[t], -t))
                    picks.append(best)
                    seats[best] -= 1
                if len(picks) == TOURS_PER_MANAGER:
                    break
            chosen[manager_id] = picks
        for manager_id in order:
            while len(chosen[manager_id]) < TOURS_PER_MANAGER:
                self._complete(manager_id, chosen, seats)
        return [
            {"manager_id": m, "tour_id": t, "status": EnrolmentStatus.PROPOSED}
            for m in sorted(chosen)
            for t in sorted(chosen[m])
        ]

    @staticmethod
    def _complete(manager_id: int, chosen: dict[int, list[int]], seats: dict[int, int]) -> None:
        mine = chosen[manager_id]
        free = [t for t in seats if seats[t] > 0 and t not in mine]
        if free:
            best = max(free, key=lambda t: (seats[t], -t))
            mine.append(best)
            seats[best] -= 1
            return
        # Every free seat is in a tour this manager already has: someone in another tour moves
        # to the free seat, and this manager takes their place.
        for theirs in chosen.values():
            for taken in theirs:
                if taken in mine:
                    continue
                for target in seats:
                    if seats[target] > 0 and target not in theirs:
                        theirs[theirs.index(taken)] = target
                        seats[target] -= 1
                        mine.append(taken)
                        return
        raise BoosterError(
            _("demo: cannot place manager {manager_id} in {TOURS_PER_MANAGER} tours").format(
                manager_id=manager_id, TOURS_PER_MANAGER=TOURS_PER_MANAGER
            )
        )
