"""The checks shown while a tour's agenda is built, each caught on a copy of the demo changed
in one way, and the refusals of `agenda()`."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from booster_desktop.domain.agenda import AgendaCheck
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.agenda import agenda, agenda_checks, tour_agenda
from booster_desktop.services.programme import open_programme
from booster_desktop.services.sessions import save_session, session_details, session_notes
from tests import programme_db

# The demo's CAT (2018-11-19 to 2018-11-23, Europe/Madrid), by session id: each day a training
# 09:30-12:30 (1, 3, 5, 7, 9) and a visit 14:30-17:00 (2 after 25 min by metro, 4, 6, 8), a
# welcome dinner (10) on the first day and the wrap-up (11) on the last. Focus topics are ids 1,
# 2, 3 and 12. Session 12 is WAL's first training (2019-05-13 09:30-12:30), given by person 8.


def _change(path: Path, *statements: str) -> None:
    with programme_db.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def _checks(path: Path, code: str = "CAT") -> list[AgendaCheck]:
    with open_programme(path) as programme:
        return agenda_checks(programme, code)


def _kinds(checks: list[AgendaCheck]) -> list[str]:
    return [check.kind for check in checks]


def test_the_demo_tour_has_nothing_to_check(demo_file: Path) -> None:
    assert _checks(demo_file) == []


def test_overlapping_items(demo_file: Path) -> None:
    _change(demo_file, "UPDATE tour_session SET start_time = '12:00:00.000000' WHERE id = 2")
    (check,) = _checks(demo_file)
    assert check.kind == "overlap"
    assert check.items == (1, 2)
    assert check.message.startswith("2018-11-19: 'Joint training: Strategy and governance'")
    assert "(09:30-12:30) overlaps" in check.message and "(12:00-17:00)" in check.message


def test_an_item_overlapping_two_others_is_reported_twice(demo_file: Path) -> None:
    # The training of the first day now runs to 22:00: over the visit and the dinner.
    _change(demo_file, "UPDATE tour_session SET end_time = '22:00:00.000000' WHERE id = 1")
    checks = _checks(demo_file)
    assert _kinds(checks) == ["overlap", "overlap"]
    assert {check.items for check in checks} == {(1, 2), (1, 10)}


def test_an_item_outside_the_tour_is_saved_and_reported(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        moved = dataclasses.replace(session_details(programme, 11), date=date(2018, 11, 25))
        assert "outside tour CAT" in session_notes(programme, moved)["date"]
        assert save_session(programme, moved, 11) == 11  # allowed: saved with a warning
        assert session_details(programme, 11).date == date(2018, 11, 25)
        checks = agenda_checks(programme, "CAT")
    assert checks == [
        AgendaCheck(
            "outside",
            "'Wrap-up, action plans and networking' on 2018-11-25 is outside the tour "
            "(2018-11-19 to 2018-11-23)",
            (11,),
        )
    ]


def test_a_visit_with_no_time_for_its_transfer(demo_file: Path) -> None:
    # 25 min by metro to the visit, which now starts 15 min after the training ends.
    _change(demo_file, "UPDATE tour_session SET start_time = '12:45:00.000000' WHERE id = 2")
    (check,) = _checks(demo_file)
    assert check.kind == "transfer"
    assert check.items == (1, 2)
    assert "needs 25 min" in check.message and "only 15 min" in check.message


def test_a_visit_with_just_enough_time_for_its_transfer(demo_file: Path) -> None:
    _change(demo_file, "UPDATE tour_session SET start_time = '12:55:00.000000' WHERE id = 2")
    assert _checks(demo_file) == []


def test_a_day_with_no_training(demo_file: Path) -> None:
    _change(demo_file, "UPDATE tour_session SET kind = 'other' WHERE id = 3")
    assert _checks(demo_file) == [
        AgendaCheck("no-training", "2018-11-20: no training session"),
    ]


def test_a_focus_topic_no_session_covers(demo_file: Path) -> None:
    # Communication and branding (6): no CAT session or visit is about it.
    _change(demo_file, "INSERT INTO tour_focus_topic (tour_id, topic_id) VALUES (1, 6)")
    assert _checks(demo_file) == [
        AgendaCheck(
            "uncovered-topic", "focus topic 'Communication and branding' has no session or visit"
        ),
    ]


def test_a_speaker_booked_twice_at_once_across_two_tours(demo_file: Path) -> None:
    # CAT's first training moves onto WAL's first day, at the same hours as WAL's training,
    # and WAL's speaker gives it too.
    _change(
        demo_file,
        "UPDATE tour_session SET date = '2019-05-13' WHERE id = 1",
        "INSERT INTO session_person (session_id, person_id, role) VALUES (1, 8, 'speaker')",
    )
    cat = _checks(demo_file, "CAT")
    twice = [check for check in cat if check.kind == "speaker-twice"]
    assert len(twice) == 1
    assert twice[0].items == (1, 12)
    assert twice[0].message == (
        "Sophie Lambert is booked in 'Joint training: Strategy and governance' and "
        "'Joint training: Collaborative innovation' at the same time (2019-05-13)"
    )
    # The move itself is reported too; nothing else is.
    assert sorted(_kinds(cat)) == ["no-training", "outside", "speaker-twice"]
    # And WAL sees the same clash from its side.
    wal = _checks(demo_file, "WAL")
    assert [(c.kind, c.items) for c in wal] == [("speaker-twice", (12, 1))]


def test_a_speaker_in_sessions_at_different_hours_is_fine(demo_file: Path) -> None:
    _change(
        demo_file,
        "UPDATE tour_session SET date = '2019-05-13' WHERE id = 2",  # 14:30-17:00
        "INSERT INTO session_person (session_id, person_id, role) VALUES (2, 8, 'speaker')",
    )
    assert "speaker-twice" not in _kinds(_checks(demo_file))


def test_an_unknown_tour_is_refused(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, pytest.raises(BoosterError) as error:
        agenda(programme, tour="XYZ")
    assert str(error.value) == "tour 'XYZ' does not exist (tours: CAT, WAL, SUD, PIE)"
    with open_programme(demo_file) as programme, pytest.raises(BoosterError, match="'XYZ'"):
        agenda_checks(programme, "XYZ")


def test_an_unknown_manager_is_refused(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, pytest.raises(BoosterError) as error:
        agenda(programme, manager=9999)
    assert str(error.value) == "manager 9999 does not exist"


def test_a_manager_not_expected_on_the_tour_is_refused(demo_file: Path) -> None:
    # Manager 1 is expected on CAT and PIE only.
    with open_programme(demo_file) as programme:
        assert [t.code for t in agenda(programme, manager=1).tours] == ["CAT", "PIE"]
        assert [t.code for t in agenda(programme, tour="pie", manager=1).tours] == ["PIE"]
        with pytest.raises(BoosterError) as error:
            agenda(programme, tour="WAL", manager=1)
    assert str(error.value) == "manager 1 is not expected on tour WAL"


def test_an_agenda_needs_a_tour_or_a_manager(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, pytest.raises(BoosterError, match="--tour"):
        agenda(programme)


def test_a_visit_keeps_its_organisation_contact_topics_and_transfer(demo_file: Path) -> None:
    """What a visit holds (the agenda issue): saved through the editor's service, read back."""
    from dataclasses import replace

    from booster_desktop.services.sessions import save_session, session_details

    with open_programme(demo_file, writable=True) as programme:
        visit = next(i for i in tour_agenda(programme, "CAT").items if i.kind == "visit")
        details = session_details(programme, visit.id)
        assert details.visited_organisation and details.contact_name and details.topics
        changed = replace(
            details,
            visited_organisation="Barcelona Health Cluster",
            contact_name="Núria Vidal",
            contact_phone="+34 93 555 01 02",
            topics=("Funding and financial sustainability", "Internationalisation"),
            transfer_mode="walk",
            transfer_minutes=10,
        )
        save_session(programme, changed, visit.id)
        assert session_details(programme, visit.id) == changed
        again = next(i for i in tour_agenda(programme, "CAT").items if i.id == visit.id)
        assert again.visited == "Barcelona Health Cluster"
        assert again.contacts == ("Núria Vidal, +34 93 555 01 02",)
        assert again.topics == ("Funding and financial sustainability", "Internationalisation")
        assert again.transfer == "walk, 10 min"
