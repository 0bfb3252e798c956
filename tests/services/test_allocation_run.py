"""The allocation use-case: the solver chosen, pins and forbidden pairs checked, and the
result said in the coordinator's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.allocation import Instance, Wish, solve
from booster_desktop.services.allocation_run import (
    METHODS,
    AllocationRequest,
    parse_pair,
    run_allocation,
    summary,
)
from booster_desktop.services.programme import open_programme


def _instance(managers: int, capacities: dict[str, int]) -> Instance:
    codes = list(capacities)
    return Instance(
        per_manager=2,
        max_per_country=None,
        tours=capacities,
        managers={
            m: Wish("TN", {c: 1 + (i + m) % len(codes) for i, c in enumerate(codes)}, {})
            for m in range(1, managers + 1)
        },
    )


def test_more_places_wanted_than_offered_is_said_as_such() -> None:
    # The new user's case: 53 managers want 2 tours each (106 places), 4 tours of 12 offer
    # 48, and all 48 are given: not "58 unmet seats".
    inst = _instance(53, {"A": 12, "B": 12, "C": 12, "D": 12})
    result = solve(inst)
    sentence = summary(inst, result)
    short = sum(1 for m in inst.managers if len(result.assignment[m]) < 2)
    assert sentence.startswith(
        f"106 places wanted (53 managers x 2 tours), 48 offered, 48 given: {short} managers "
        "short of their 2 tours."
    )
    assert short >= 29  # at most 24 managers can have both their tours
    assert "Why: 106 places wanted, 48 offered." in sentence
    assert "unmet" not in sentence and "welfare" not in sentence


def test_everyone_placed_is_said_in_one_sentence() -> None:
    inst = _instance(4, {"A": 4, "B": 4})
    sentence = summary(inst, solve(inst))
    assert sentence.startswith(
        "Every manager has their 2 tours: 8 places wanted, 8 offered, all given. "
        "Worst rank given: 2; rank loss 4. 8 placements differ"
    )


def test_every_compared_method_has_a_coordinators_name_and_a_technical_one() -> None:
    assert METHODS["serial_dictatorship"].label == "first come, first served in a random order"
    assert METHODS["snake_draft"].label == "a draft, in turns"
    assert all(m.technical and m.technical != m.label for m in METHODS.values())


@pytest.mark.parametrize(("text", "pair"), [("7=CAT", (7, "CAT")), (" 12 = wal ", (12, "WAL"))])
def test_parse_pair(text: str, pair: tuple[int, str]) -> None:
    assert parse_pair(text) == pair


@pytest.mark.parametrize("text", ["CAT", "=CAT", "7=", "-1=CAT", "seven=CAT"])
def test_parse_pair_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not ID=CODE"):
        parse_pair(text)


def test_the_integer_programme_is_chosen_only_for_what_the_flow_cannot_hold(
    demo_file: Path,
) -> None:
    with open_programme(demo_file) as programme:
        flow = run_allocation(programme, AllocationRequest())
        together = run_allocation(programme, AllocationRequest(together=((1, 2),), time_limit=10))
    assert not AllocationRequest().integer_programme
    assert AllocationRequest(maximin=True).integer_programme
    assert flow.bound is None and flow.allocation.status == "optimal"
    assert together.bound is not None
    assert sorted(together.allocation.assignment[1]) == sorted(together.allocation.assignment[2])
    assert together.as_json(False)["instance"]["together"] == [[1, 2]]


def test_pins_are_checked_against_the_programme(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        with pytest.raises(BoosterError, match=r"^pin 1=NOPE: tour 'NOPE' does not exist"):
            run_allocation(programme, AllocationRequest(pins=((1, "NOPE"),)))
        outcome = run_allocation(programme, AllocationRequest(forbids=((1, "CAT"),)))
    assert "CAT" not in outcome.allocation.assignment[1]
    assert (1, "CAT") in outcome.instance.forbidden
