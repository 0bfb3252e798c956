"""The preference model: a topic's worth, a tour's score and rank, a placement's cost.

And the one thing that must never drift: `load_instance` computes every score and rank at
once with numpy, and must give exactly what the domain functions give manager by manager.
"""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booster_desktop.domain.preference import (
    SCORE_DIGITS,
    placement_cost,
    topic_worth,
    tour_ranks,
    tour_score,
)
from booster_desktop.services.allocation import Instance
from booster_desktop.services.allocation_data import load_instance
from booster_desktop.services.programme import open_programme
from tests import programme_db

PROPERTY = settings(max_examples=60, deadline=None)

# -- topic_worth ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("rank", "worth"), [(1, 1.0), (2, 0.5), (4, 0.25), (10, 0.1)])
def test_a_topic_ranked_r_is_worth_one_over_r(rank: int, worth: float) -> None:
    assert topic_worth(rank) == worth


@pytest.mark.parametrize("rank", [0, -1])
def test_ranks_start_at_one(rank: int) -> None:
    with pytest.raises(ValueError, match="ranks start at 1"):
        topic_worth(rank)


@given(st.integers(1, 1000))
@PROPERTY
def test_a_better_ranked_topic_is_worth_more(rank: int) -> None:
    assert topic_worth(rank) > topic_worth(rank + 1) > 0


# -- tour_score ----------------------------------------------------------------------------------


def test_a_tour_scores_the_worth_of_the_focus_topics_the_manager_ranked() -> None:
    ranks = {10: 1, 20: 2, 30: 4}
    assert tour_score(ranks, [10, 20]) == 1.5
    assert tour_score(ranks, [20, 30, 99]) == 0.75  # 99 was not ranked: worth nothing
    assert tour_score(ranks, [99, 98]) == 0.0
    assert tour_score(ranks, []) == 0.0
    assert tour_score({}, [10, 20]) == 0.0


def test_a_focus_topic_listed_twice_counts_once() -> None:
    assert tour_score({10: 1, 20: 2}, [10, 10, 20]) == 1.5


@given(
    st.dictionaries(st.integers(1, 12), st.integers(1, 12), max_size=12),
    st.lists(st.integers(1, 14), max_size=6),
)
@PROPERTY
def test_a_score_does_not_depend_on_the_order_of_the_focus(
    ranks: dict[int, int], focus: list[int]
) -> None:
    forward = tour_score(ranks, focus)
    backward = tour_score(ranks, focus[::-1])
    assert round(forward, SCORE_DIGITS) == round(backward, SCORE_DIGITS)
    assert forward == pytest.approx(sum(1 / ranks[t] for t in set(focus) if t in ranks))


# -- tour_ranks ----------------------------------------------------------------------------------


def test_ties_share_a_rank_and_the_next_rank_is_skipped() -> None:
    # Competition ranking ("1224"): two tours tied first, the next is third.
    assert tour_ranks({"A": 2.0, "B": 2.0, "C": 1.0}) == {"A": 1, "B": 1, "C": 3}
    assert tour_ranks({"A": 3.0, "B": 1.0, "C": 1.0, "D": 0.0}) == {
        "A": 1,
        "B": 2,
        "C": 2,
        "D": 4,
    }
    assert tour_ranks({"A": 0.0, "B": 0.0}) == {"A": 1, "B": 1}
    assert tour_ranks({}) == {}


def test_equal_sums_in_another_order_share_a_rank() -> None:
    # 1/2 + 1/3 + 1/6 is 0.9999999999999999 in floating point, 1/6 + 1/3 + 1/2 is 1.0.
    assert 1 / 2 + 1 / 3 + 1 / 6 != 1 / 6 + 1 / 3 + 1 / 2
    ranks = {"X": 1 / 2 + 1 / 3 + 1 / 6, "Y": 1.0, "Z": 1 / 6 + 1 / 3 + 1 / 2, "W": 0.5}
    assert tour_ranks(ranks) == {"X": 1, "Y": 1, "Z": 1, "W": 4}


def test_ranks_from_the_score_of_topics_ranked_by_a_manager() -> None:
    interests = {1: 1, 2: 2, 3: 3, 6: 6}  # topic -> the manager's rank of it
    focus = {"ONE": [1], "SPLIT": [2, 3, 6], "HALF": [2], "NONE": [9]}
    scores = {code: tour_score(interests, topics) for code, topics in focus.items()}
    assert tour_ranks(scores) == {"ONE": 1, "SPLIT": 1, "HALF": 3, "NONE": 4}


@given(
    st.dictionaries(
        st.sampled_from(["A", "B", "C", "D", "E", "F"]),
        st.sampled_from([0.0, 0.25, 1 / 3, 0.5, 1.0, 1.5, 1 / 2 + 1 / 3 + 1 / 6, 2.0]),
        min_size=1,
    )
)
@PROPERTY
def test_rank_properties(scores: dict[str, float]) -> None:
    ranks = tour_ranks(scores)
    assert set(ranks) == set(scores)
    assert min(ranks.values()) == 1
    rounded = {c: round(s, SCORE_DIGITS) for c, s in scores.items()}
    for a in scores:
        # Competition ranking: 1 + the number of tours scoring strictly higher.
        assert ranks[a] == 1 + sum(1 for b in scores if rounded[b] > rounded[a])
        for b in scores:
            if ranks[a] < ranks[b]:
                assert scores[a] > scores[b]  # a better-ranked tour never scores lower
            if rounded[a] == rounded[b]:
                assert ranks[a] == ranks[b]  # ties share a rank
    # Every rank r is shared by exactly the tours ranked r; the next distinct rank is r + n.
    by_rank: dict[int, int] = defaultdict(int)
    for rank in ranks.values():
        by_rank[rank] += 1
    distinct = sorted(by_rank)
    for r, following in itertools.pairwise(distinct):
        assert following == r + by_rank[r]


# -- placement_cost ------------------------------------------------------------------------------


def test_placement_cost() -> None:
    assert placement_cost(1, 1.0) == 0.0
    assert placement_cost(1, 3.0) == 0.0
    assert placement_cost(2, 1.0) == 1.0
    assert placement_cost(3, 1.0) == 2.0
    assert placement_cost(3, 3.0) == 8.0
    assert placement_cost(5, 2.0) == 16.0
    assert placement_cost(3, 0.5) == pytest.approx(math.sqrt(2))
    assert isinstance(placement_cost(2, 2), float)


@given(st.integers(1, 40), st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0, 10.0]))
@PROPERTY
def test_a_placement_further_down_costs_more(rank: int, gamma: float) -> None:
    assert placement_cost(rank + 1, gamma) > placement_cost(rank, gamma) >= 0.0


def test_a_larger_gamma_makes_far_placements_dearer_relative_to_near_ones() -> None:
    # gamma = 1: two steps down cost as much as two managers one step down; gamma = 3: 4x more.
    assert placement_cost(3, 1.0) == 2 * placement_cost(2, 1.0)
    assert placement_cost(3, 3.0) == 4 * (2 * placement_cost(2, 3.0))


# -- load_instance agrees with the domain functions -----------------------------------------------


def _domain_wishes(path: Path) -> dict[int, tuple[dict[str, int], dict[str, float]]]:
    """Each active manager's (ranks, scores), computed manager by manager with the domain."""
    with programme_db.connect(path) as connection:
        tours = dict(connection.execute("SELECT id, code FROM tour").fetchall())
        focus: dict[int, list[int]] = defaultdict(list)
        for tour_id, topic in connection.execute("SELECT tour_id, topic_id FROM tour_focus_topic"):
            focus[tour_id].append(topic)
        active = [
            m for (m,) in connection.execute("SELECT id FROM manager WHERE status = 'active'")
        ]
        interests: dict[int, dict[int, int]] = defaultdict(dict)
        for manager, topic, rank in connection.execute(
            "SELECT manager_id, topic_id, rank FROM topic_interest"
        ):
            interests[manager][topic] = rank
    wishes = {}
    for manager in active:
        scores = {
            code: tour_score(interests[manager], focus[tour_id]) for tour_id, code in tours.items()
        }
        wishes[manager] = (tour_ranks(scores), scores)
    return wishes


def _assert_same_as_domain(instance: Instance, path: Path) -> None:
    expected = _domain_wishes(path)
    assert set(instance.managers) == set(expected)
    for manager, (ranks, scores) in expected.items():
        wish = instance.managers[manager]
        assert wish.ranks == ranks, manager
        assert set(wish.scores) == set(scores)
        for code, score in scores.items():
            # The same score, to the digits scores are compared at (and closer still).
            assert round(wish.scores[code], SCORE_DIGITS) == round(score, SCORE_DIGITS)
            assert wish.scores[code] == pytest.approx(score, abs=10**-SCORE_DIGITS)
        # And the two are consistent: a better-ranked tour never scores lower.
        for a in ranks:
            for b in ranks:
                if ranks[a] < ranks[b]:
                    assert wish.scores[a] > wish.scores[b]


def test_load_instance_scores_the_demo_as_the_domain_does(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        instance = load_instance(programme)
    assert len(instance.managers) == 24
    _assert_same_as_domain(instance, demo_file)


def test_load_instance_scores_a_200_manager_demo_as_the_domain_does(tmp_path: Path) -> None:
    from booster_desktop.services.demo import write_demo

    path = tmp_path / "demo200.booster"
    write_demo(path, managers=200, seed=5)
    with open_programme(path) as programme:
        instance = load_instance(programme)
    assert len(instance.managers) == 200
    assert len(instance.tours) == 4
    _assert_same_as_domain(instance, path)


@pytest.mark.sqlite_only
def test_load_instance_with_ties_and_unranked_topics(demo_file: Path) -> None:
    # Make manager 1's interests produce a float tie (1/2 + 1/3 + 1/6 against 1) and a tour
    # with nothing the manager ranked, and withdraw manager 2 (not in the instance).
    with sqlite3.connect(demo_file) as connection:
        connection.execute("DELETE FROM tour_focus_topic")
        connection.execute("DELETE FROM topic_interest WHERE manager_id = 1")
        connection.executemany(
            "INSERT INTO topic_interest (manager_id, topic_id, rank) VALUES (1, ?, ?)",
            [(1, 1), (2, 2), (3, 3), (6, 6)],
        )
        tours = dict(connection.execute("SELECT code, id FROM tour").fetchall())
        connection.executemany(
            "INSERT INTO tour_focus_topic (tour_id, topic_id) VALUES (?, ?)",
            [
                (tours["CAT"], 6),
                (tours["CAT"], 3),
                (tours["CAT"], 2),
                (tours["WAL"], 1),
                (tours["SUD"], 2),
                (tours["PIE"], 12),
            ],
        )
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE id = 2")
    with open_programme(demo_file) as programme:
        instance = load_instance(programme)
    assert 2 not in instance.managers
    assert instance.managers[1].ranks == {"CAT": 1, "WAL": 1, "SUD": 3, "PIE": 4}
    assert instance.managers[1].scores == {"CAT": 1.0, "WAL": 1.0, "SUD": 0.5, "PIE": 0.0}
    _assert_same_as_domain(instance, demo_file)
