"""The demo programme has the reference shape, and scales as docs/architecture.md (Speed) says."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from booster_desktop.cli import main
from booster_desktop.domain import (
    Enrolment,
    Manager,
    Organisation,
    Person,
    SessionKind,
    SessionPerson,
    Topic,
    TopicInterest,
    Tour,
    TourSession,
)
from booster_desktop.domain.badge import is_valid_token
from booster_desktop.services.demo import demo_shape, write_demo
from booster_desktop.services.programme import open_programme
from tests import programme_db

SOUTH_MED = {"DZ", "EG", "JO", "LB", "MA", "PS", "TN"}


def test_the_reference_programme(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, programme.session() as session:
        managers = session.scalars(select(Manager)).all()
        assert len(managers) == 24
        assert {m.country_code for m in managers} == SOUTH_MED
        assert all(m.arabic_name and m.given_name and m.family_name for m in managers)
        assert 8 <= session.scalar(select(func.count()).select_from(Topic)) <= 12

        tours = session.scalars(select(Tour).order_by(Tour.start_date)).all()
        assert [t.code for t in tours] == ["CAT", "WAL", "SUD", "PIE"]
        catalonia = tours[0]
        assert catalonia.city == "Barcelona" and catalonia.start_date.year == 2018
        assert catalonia.start_date.month == 11 and catalonia.time_zone == "Europe/Madrid"
        host = session.get_one(Organisation, catalonia.host_agency_id)
        assert host.name.startswith("ACCIÓ") and host.kind == "host_agency"
        for tour in tours:
            assert tour.end_date - tour.start_date == timedelta(days=4)
            assert tour.capacity == 12
        assert all(2019 <= t.start_date.year <= 2020 for t in tours[1:])

        per_manager = Counter(e.manager_id for e in session.scalars(select(Enrolment)))
        assert set(per_manager.values()) == {2} and len(per_manager) == 24
        per_tour = Counter(e.tour_id for e in session.scalars(select(Enrolment)))
        assert all(count <= 12 for count in per_tour.values())
        assert {e.status for e in session.scalars(select(Enrolment))} == {"proposed"}


def test_each_manager_goes_on_tours_that_fit_their_topics(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, programme.session() as session:
        focus = {
            t.id: {topic for topic in _focus(session, t.id)} for t in session.scalars(select(Tour))
        }
        for manager in session.scalars(select(Manager)):
            wanted = {
                i.topic_id
                for i in session.scalars(
                    select(TopicInterest).where(TopicInterest.manager_id == manager.id)
                )
            }
            for enrolment in manager.enrolments:
                assert focus[enrolment.tour_id] & wanted, (manager.display_name, enrolment.tour_id)


def _focus(session: object, tour_id: int) -> set[int]:
    from booster_desktop.domain import tour_focus_topic

    rows = session.execute(
        select(tour_focus_topic.c.topic_id).where(tour_focus_topic.c.tour_id == tour_id)
    )  # type: ignore[attr-defined]
    return {row[0] for row in rows}


def test_every_tour_day_has_training_and_visits_with_people(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, programme.session() as session:
        for tour in session.scalars(select(Tour)):
            sessions = session.scalars(
                select(TourSession).where(TourSession.tour_id == tour.id)
            ).all()
            days = {tour.start_date + timedelta(days=d) for d in range(5)}
            training_days = {s.date for s in sessions if s.kind == SessionKind.TRAINING}
            assert training_days == days
            visits = [s for s in sessions if s.kind == SessionKind.VISIT]
            assert len(visits) >= 4
            assert all(
                v.visited_organisation_id and v.address and v.transfer_minutes for v in visits
            )
            assert all(tour.start_date <= s.date <= tour.end_date for s in sessions)
        kinds = Counter(p.kind for p in session.scalars(select(Person)))
        assert kinds["expert"] >= 3 and kinds["host_contact"] >= 4
        assert session.scalar(select(func.count()).select_from(SessionPerson)) >= 36


def test_badge_tokens_are_valid_and_unique(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "managers", str(demo_file), "--json"]) == 0
    tokens = [m["badge_token"] for m in json.loads(capsys.readouterr().out)]
    assert len(set(tokens)) == 24 and all(is_valid_token(t) for t in tokens)


def test_the_demo_is_the_same_for_the_same_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listings = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.booster"
        write_demo(path, managers=60, seed=7 if name != "c" else 8)
        assert main(["list", "managers", str(path), "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        listings.append([{k: v for k, v in r.items() if k != "badge_token"} for r in rows])
    assert listings[0] == listings[1]
    assert listings[0] != listings[2]


@pytest.mark.parametrize(("managers", "tours", "capacity"), [(25, 4, 21), (1000, 20, 165)])
def test_scaled_demos_have_the_designed_shape(
    managers: int, tours: int, capacity: int, tmp_path: Path
) -> None:
    path = tmp_path / "scaled.booster"
    write_demo(path, managers=managers, seed=3)
    assert demo_shape(managers) == (tours, capacity)
    with open_programme(path) as programme, programme.session() as session:
        assert session.scalar(select(func.count()).select_from(Manager)) == managers
        assert session.scalar(select(func.count(func.distinct(Tour.code)))) == tours
        assert set(session.scalars(select(Tour.capacity))) == {capacity}
        per_manager = Counter(session.scalars(select(Enrolment.manager_id)))
        assert set(per_manager.values()) == {2} and len(per_manager) == managers
        assert max(Counter(session.scalars(select(Enrolment.tour_id))).values()) <= capacity
        ranks = session.execute(
            select(TopicInterest.manager_id, func.count()).group_by(TopicInterest.manager_id)
        ).all()
        assert {count for manager_id, count in ranks if manager_id > 24} == {10}
    assert main(["check", str(path)]) == 0


def test_scaled_shapes_at_a_thousand_and_ten_thousand() -> None:
    assert demo_shape(1000) == (20, 165)
    assert demo_shape(10_000) == (50, 660)
    assert demo_shape(24) == (4, 12)
    assert demo_shape(2000) == (40, 165)


def test_a_smaller_demo_takes_the_first_reference_managers(tmp_path: Path) -> None:
    path = tmp_path / "small.booster"
    write_demo(path, managers=5)
    with open_programme(path) as programme, programme.session() as session:
        assert session.scalar(select(func.count()).select_from(Manager)) == 5
        assert session.scalar(select(func.count()).select_from(Enrolment)) == 10
        assert min(session.scalars(select(Tour.start_date))) == date(2018, 11, 19)


@pytest.mark.parametrize("managers", [24, 300])
def test_every_demo_phone_is_valid_with_its_countrys_calling_code(
    tmp_path: Path, managers: int
) -> None:

    import phonenumbers

    from booster_desktop.services.demo import write_demo

    path = tmp_path / "demo.booster"
    write_demo(path, managers=managers)

    def valid(phone: str, country: str | None = None) -> bool:
        number = phonenumbers.parse(phone, None)
        return phonenumbers.is_valid_number(number) and (
            country is None or phonenumbers.region_code_for_number(number) == country
        )

    with programme_db.connect(path) as connection:
        rows = connection.execute(
            "SELECT phone, country_code FROM manager WHERE phone IS NOT NULL"
        ).fetchall()
        others = [
            phone
            for sql in (
                "SELECT phone FROM person",
                "SELECT hotel_phone FROM tour UNION ALL SELECT contact_phone FROM tour",
                "SELECT coordinator_phone FROM programme UNION ALL "
                "SELECT emergency_phone FROM programme",
            )
            for (phone,) in connection.execute(sql)
            if phone
        ]
    assert len(rows) == managers
    wrong = [(phone, country) for phone, country in rows if not valid(phone, country)]
    assert wrong == []
    assert all(phone.startswith("+") and " " not in phone for phone, _ in rows)  # E.164
    assert [phone for phone in others if not valid(phone)] == []
