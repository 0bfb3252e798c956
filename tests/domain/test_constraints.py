"""The schema holds the programme's rules: what it refuses, read back from a real file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from booster_desktop.domain import (
    BadgeToken,
    Enrolment,
    Manager,
    Topic,
    TopicInterest,
    Tour,
    TourSession,
)
from booster_desktop.domain.badge import new_token
from booster_desktop.domain.kinds import SessionKind
from booster_desktop.domain.manager import person_key
from booster_desktop.services.programme import ProgrammeFile, open_programme


@pytest.fixture
def programme(empty_file: Path) -> Iterator[ProgrammeFile]:
    with open_programme(empty_file, writable=True) as opened:
        yield opened


def _manager(**overrides: object) -> Manager:
    values: dict[str, object] = {
        "given_name": "Rania",
        "family_name": "Ben Salah",
        "country_code": "TN",
        "person_key": person_key("Rania", "Ben Salah", "TN"),
    }
    values.update(overrides)
    return Manager(**values)


def _tour(**overrides: object) -> Tour:
    values: dict[str, object] = {
        "code": "CAT",
        "title": "Catalonia",
        "region": "Catalonia",
        "country_code": "ES",
        "start_date": date(2018, 11, 19),
        "end_date": date(2018, 11, 23),
        "capacity": 12,
        "time_zone": "Europe/Madrid",
    }
    values.update(overrides)
    return Tour(**values)


def _refused(programme: ProgrammeFile, *objects: object) -> None:
    with programme.session() as session, pytest.raises((IntegrityError, StatementError)):
        session.add_all(objects)
        session.commit()


def _saved(programme: ProgrammeFile, *objects: object) -> None:
    with programme.session() as session:
        session.add_all(objects)
        session.commit()


def test_a_valid_programme_is_saved_and_read_back(programme: ProgrammeFile) -> None:
    manager, tour = _manager(email="rania@agri.tn"), _tour()
    _saved(programme, manager, tour)
    _saved(programme, Enrolment(manager_id=manager.id, tour_id=tour.id))
    with Session(programme.engine) as session:
        enrolment = session.query(Enrolment).one()
        assert (enrolment.manager.family_name, enrolment.tour.code) == ("Ben Salah", "CAT")
        assert enrolment.status == "proposed"
        assert enrolment.created_at.tzinfo is not None


def test_tour_codes_are_unique(programme: ProgrammeFile) -> None:
    _saved(programme, _tour())
    _refused(programme, _tour(title="Another"))


@pytest.mark.parametrize(
    "overrides",
    [
        {"end_date": date(2018, 11, 18)},
        {"capacity": -1},
        {"code": "cat"},
        {"code": "C"},
        {"country_code": "XX"},
    ],
    ids=["ends-before-start", "negative-capacity", "lower-case-code", "short-code", "no-country"],
)
def test_tours_are_refused_when_malformed(
    programme: ProgrammeFile, overrides: dict[str, object]
) -> None:
    _refused(programme, _tour(**overrides))


def test_a_manager_is_enrolled_in_a_tour_at_most_once(programme: ProgrammeFile) -> None:
    manager, tour = _manager(), _tour()
    _saved(programme, manager, tour)
    _saved(programme, Enrolment(manager_id=manager.id, tour_id=tour.id))
    _refused(programme, Enrolment(manager_id=manager.id, tour_id=tour.id, status="confirmed"))


def test_enrolment_status_must_be_known(programme: ProgrammeFile) -> None:
    manager, tour = _manager(), _tour()
    _saved(programme, manager, tour)
    with programme.engine.connect() as connection, pytest.raises(IntegrityError):
        connection.execute(
            text(
                "INSERT INTO enrolment (manager_id, tour_id, status, created_at) "
                "VALUES (:m, :t, 'maybe', '2020-01-01 00:00:00')"
            ),
            {"m": manager.id, "t": tour.id},
        )


@pytest.mark.parametrize(
    "overrides",
    [
        {"given_name": "  "},
        {"email": "Rania@Agri.TN"},
        {"country_code": "ZZ"},
        {"given_name": "R" * 121},
        {"diets": "meat"},
        {"diets": "vegan,vegan"},
        {"diets": ""},
    ],
    ids=[
        "blank-name",
        "upper-case-email",
        "unknown-country",
        "name-over-its-limit",
        "unknown-diet",
        "repeated-diet",
        "empty-diets",
    ],
)
def test_managers_are_refused_when_malformed(
    programme: ProgrammeFile, overrides: dict[str, object]
) -> None:
    _refused(programme, _manager(**overrides))


def test_known_diets_are_kept_in_one_form(programme: ProgrammeFile) -> None:
    from booster_desktop.domain.kinds import Diet, diets_text, parse_diets

    stored = diets_text([Diet.NUT_ALLERGY, Diet.HALAL])
    assert stored == "halal,nut_allergy"
    _saved(programme, _manager(diets=stored))
    with programme.session() as session:
        diets = session.query(Manager.diets).scalar()
    assert parse_diets(diets) == {Diet.HALAL, Diet.NUT_ALLERGY}


def test_emails_are_unique(programme: ProgrammeFile) -> None:
    _saved(programme, _manager(email="rania@agri.tn"))
    _refused(programme, _manager(given_name="Other", email="rania@agri.tn"))


def test_ranks_start_at_one(programme: ProgrammeFile) -> None:
    manager, topic = _manager(), Topic(name="Funding", name_key="funding")
    _saved(programme, manager, topic)
    _refused(programme, TopicInterest(manager_id=manager.id, topic_id=topic.id, rank=0))
    _saved(programme, TopicInterest(manager_id=manager.id, topic_id=topic.id, rank=1))


def test_topic_names_are_unique_whatever_the_case_and_accents(programme: ProgrammeFile) -> None:
    _saved(programme, Topic(name="Stratégie", name_key="strategie"))
    _refused(programme, Topic(name="strategie", name_key="strategie"))


def test_a_session_ends_after_it_starts(programme: ProgrammeFile) -> None:
    tour = _tour()
    _saved(programme, tour)
    _refused(
        programme,
        TourSession(
            tour_id=tour.id,
            kind=SessionKind.TRAINING,
            title="Backwards",
            date=date(2018, 11, 19),
            start_time=time(12),
            end_time=time(9),
        ),
    )


def test_a_session_outside_its_tour_is_allowed(programme: ProgrammeFile) -> None:
    tour = _tour()
    _saved(programme, tour)
    _saved(
        programme,
        TourSession(
            tour_id=tour.id,
            kind=SessionKind.VISIT,
            title="A week later",
            date=date(2018, 11, 30),
            start_time=time(9),
            end_time=time(12),
        ),
    )


def test_one_badge_token_in_force_per_manager(programme: ProgrammeFile) -> None:
    manager = _manager()
    _saved(programme, manager)
    first = BadgeToken(token=new_token(), manager_id=manager.id)
    _saved(programme, first)
    _refused(programme, BadgeToken(token=new_token(), manager_id=manager.id))
    with programme.session() as session:
        revoked = session.get(BadgeToken, first.token)
        assert revoked is not None
        revoked.revoked_at = revoked.issued_at
        session.add(BadgeToken(token=new_token(), manager_id=manager.id))
        session.commit()
        assert session.query(BadgeToken).count() == 2


def test_deleting_a_manager_takes_their_enrolments_ranks_and_tokens(
    programme: ProgrammeFile,
) -> None:
    manager, tour, topic = _manager(), _tour(), Topic(name="Funding", name_key="funding")
    _saved(programme, manager, tour, topic)
    _saved(
        programme,
        Enrolment(manager_id=manager.id, tour_id=tour.id),
        TopicInterest(manager_id=manager.id, topic_id=topic.id, rank=1),
        BadgeToken(token=new_token(), manager_id=manager.id),
    )
    with programme.engine.begin() as connection:
        connection.execute(text("DELETE FROM manager WHERE id = :id"), {"id": manager.id})
        for table in ("enrolment", "topic_interest", "badge_token"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
