"""`booster demand`: who wants which topic at which rank, its score, the tours focusing on
it, and the demand no tour covers, on a programme built by importing a small sheet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from booster_desktop.cli import main
from booster_desktop.services.demand import TopicDemand, topic_demand
from booster_desktop.services.programme import open_programme
from tests import programme_db

# Ranks are the order of the topics listed: Amal wants Funding first, then Strategy, ...
SHEET = (
    "First name,Last name,Country,Topics\n"
    'Amal,Haddad,Morocco,"Funding; Strategy; Digital"\n'
    'Sami,Ben Ali,Tunisia,"Strategy; Funding"\n'
    'Nour,Saleh,Egypt,"Strategy; Digital; Skills"\n'
    "Rami,Khalil,Jordan,Skills\n"
)


@pytest.fixture
def programme_file(empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Four managers imported from a sheet, two tours, and a topic nobody wants."""
    sheet = tmp_path / "managers.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert main(["import", "managers", str(empty_file), str(sheet)]) == 0
    capsys.readouterr()
    with programme_db.connect(empty_file) as connection:
        topics = dict(connection.execute("SELECT name, id FROM topic").fetchall())
        assert set(topics) == {"Funding", "Strategy", "Digital", "Skills"}
        connection.execute(
            "INSERT INTO topic (id, name, name_key, is_priority) VALUES (9, 'Clusters', "
            "'clusters', ?)",
            (False,),
        )
        connection.executemany(
            "INSERT INTO tour (id, code, title, region, country_code, start_date, end_date, "
            "capacity, time_zone) VALUES (?, ?, ?, ?, 'ES', ?, ?, 10, 'Europe/Madrid')",
            [
                (1, "ONE", "Tour one", "Catalonia", "2019-03-04", "2019-03-08"),
                (2, "TWO", "Tour two", "Andalusia", "2019-01-07", "2019-01-11"),
            ],
        )
        connection.executemany(
            "INSERT INTO tour_focus_topic (tour_id, topic_id) VALUES (?, ?)",
            [
                (1, topics["Funding"]),
                (1, topics["Strategy"]),
                (2, topics["Strategy"]),
                (2, 9),
            ],
        )
        connection.execute("UPDATE topic SET is_priority = ? WHERE name = 'Digital'", (True,))
    return empty_file


def _demand(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    assert main(["demand", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list)
    return {row["name"]: row for row in rows}


def test_demand_json(programme_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demand", str(programme_file), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # The most wanted (by score) first; equal scores by name.
    assert [row["name"] for row in rows] == [
        "Strategy",
        "Funding",
        "Skills",
        "Digital",
        "Clusters",
    ]
    by_name = {row["name"]: row for row in rows}
    assert set(rows[0]) == {
        "id",
        "name",
        "priority",
        "wanted_by",
        "by_rank",
        "score",
        "tours",
        "uncovered",
    }
    strategy = by_name["Strategy"]
    assert strategy["by_rank"] == {"1": 2, "2": 1}
    assert strategy["wanted_by"] == 3
    assert strategy["score"] == 2.5  # 2 x 1/1 + 1 x 1/2
    assert strategy["tours"] == ["TWO", "ONE"]  # by start date
    assert strategy["uncovered"] is False
    assert by_name["Funding"]["by_rank"] == {"1": 1, "2": 1}
    assert by_name["Funding"]["score"] == 1.5
    assert by_name["Funding"]["tours"] == ["ONE"]
    skills = by_name["Skills"]
    assert skills["by_rank"] == {"1": 1, "3": 1}
    assert skills["score"] == round(1 + 1 / 3, 6)
    assert (skills["tours"], skills["uncovered"]) == ([], True)
    digital = by_name["Digital"]
    assert digital["by_rank"] == {"2": 1, "3": 1}
    assert digital["score"] == round(1 / 2 + 1 / 3, 6)
    assert digital["priority"] is True
    assert (digital["tours"], digital["uncovered"]) == ([], True)
    # Nobody wants it: not "uncovered", however many tours focus on it.
    clusters = by_name["Clusters"]
    assert clusters["wanted_by"] == 0 and clusters["by_rank"] == {} and clusters["score"] == 0
    assert (clusters["tours"], clusters["uncovered"]) == (["TWO"], False)
    assert all(row["priority"] is False for row in rows if row["name"] != "Digital")


def test_withdrawn_managers_are_not_demand(
    programme_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with programme_db.connect(programme_file) as connection:
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE family_name = 'Khalil'")
    by_name = _demand(programme_file, capsys)
    assert by_name["Skills"]["by_rank"] == {"3": 1}
    assert by_name["Skills"]["score"] == round(1 / 3, 6)
    assert by_name["Strategy"]["wanted_by"] == 3


def test_a_tour_covering_a_topic_makes_it_covered(
    programme_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with programme_db.connect(programme_file) as connection:
        connection.execute(
            "INSERT INTO tour_focus_topic (tour_id, topic_id) "
            "SELECT 1, id FROM topic WHERE name = 'Skills'"
        )
    by_name = _demand(programme_file, capsys)
    assert (by_name["Skills"]["tours"], by_name["Skills"]["uncovered"]) == (["ONE"], False)
    assert by_name["Digital"]["uncovered"] is True


def test_demand_for_people(programme_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demand", str(programme_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["TOPIC", "WANTED", "BY", "1ST", "2ND", "3RD", "SCORE", "TOURS"]
    assert lines[1].split() == ["Strategy", "3", "2", "1", "0", "2.50", "TWO,", "ONE"]
    assert "Digital (priority)" in out
    assert "none: uncovered" in out
    assert lines[-1] == "Wanted, but no tour focuses on: Skills, Digital"


def test_topic_demand_service(programme_file: Path) -> None:
    with open_programme(programme_file) as programme:
        demand = topic_demand(programme)
    assert all(isinstance(d, TopicDemand) for d in demand)
    strategy = next(d for d in demand if d.name == "Strategy")
    assert strategy.by_rank == {1: 2, 2: 1}
    assert strategy.wanted_by == 3
    assert strategy.score == pytest.approx(2.5)
    assert strategy.tours == ("TWO", "ONE")
    assert not strategy.uncovered
    assert [d.score for d in demand] == sorted((d.score for d in demand), reverse=True)


def test_an_empty_programme_has_no_demand(
    empty_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demand", str(empty_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["demand", str(empty_file)]) == 0
    out = capsys.readouterr().out
    assert "Wanted, but no tour" not in out


def test_the_demo_demand(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(_demand(demo_file, capsys).values())
    assert len(rows) == 12
    with programme_db.connect(demo_file) as connection:
        interests = connection.execute("SELECT COUNT(*) FROM topic_interest").fetchone()[0]
        focus = connection.execute("SELECT COUNT(*) FROM tour_focus_topic").fetchone()[0]
    assert sum(row["wanted_by"] for row in rows) == interests
    assert sum(len(row["tours"]) for row in rows) == focus
    for row in rows:
        assert row["wanted_by"] == sum(row["by_rank"].values())
        assert row["score"] == pytest.approx(
            sum(count / int(rank) for rank, count in row["by_rank"].items()), abs=1e-6
        )
        assert row["uncovered"] == (row["wanted_by"] > 0 and not row["tours"])


def test_the_expected_rule_in_sql_text_and_in_sqlalchemy_counts_alike(demo_file: Path) -> None:
    """`domain.kinds.expected_sql` (the light start-up queries) and `is_expected` (the ORM
    queries) are one rule: the same count after a withdrawal, a cancellation, a waitlisting."""
    from sqlalchemy import func, select, text

    from booster_desktop.domain.enrolment import Enrolment, is_expected
    from booster_desktop.domain.kinds import expected_sql
    from booster_desktop.services.programme import open_programme

    with programme_db.connect(demo_file) as connection:
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE id = 3")
        connection.execute("UPDATE enrolment SET status = 'cancelled' WHERE id = 10")
        connection.execute("UPDATE enrolment SET status = 'waitlisted' WHERE id = 11")
        connection.execute("UPDATE enrolment SET status = 'confirmed' WHERE id = 12")
    with open_programme(demo_file) as programme, programme.engine.connect() as connection:
        orm = connection.scalar(select(func.count()).select_from(Enrolment).where(is_expected()))
        plain = connection.scalar(
            text(
                "SELECT count(*) FROM enrolment e JOIN manager m ON m.id = e.manager_id "
                f"WHERE {expected_sql('e', 'm')}"
            )
        )
    assert orm == plain == 48 - 2 - 2
