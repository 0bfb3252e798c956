"""Allocation: hand-made instances with known optima, every level against a brute force,
stability when re-solving, explanations, and the demo programme.

Levels, in order (services/allocation.py): the most seats filled (unmet), then the lowest
worst rank, then the least welfare loss (sum of (rank - 1) ** gamma), then ties.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.preference import placement_cost, tour_ranks
from booster_desktop.services.allocation import (
    Allocation,
    Instance,
    Wish,
    comparison,
    cost_of_forcing,
    explain,
    serial_dictatorship,
    snake_draft,
    solve,
)
from booster_desktop.services.allocation_data import load_instance
from booster_desktop.services.programme import open_programme
from tests import programme_db

PROPERTY = settings(max_examples=60, deadline=None)


# -- helpers -------------------------------------------------------------------------------------


def wish(country: str = "MA", **ranks: int) -> Wish:
    """A manager's wish from tour ranks (competition ranking), with consistent scores."""
    top = max(ranks.values()) + 1
    scores = {code: float(top - rank) for code, rank in ranks.items()}
    assert tour_ranks(scores) == ranks, "ranks must be a competition ranking"
    return Wish(country=country, ranks=ranks, scores=scores)


def instance(
    tours: dict[str, int], managers: dict[int, Wish], k: int = 1, cap: int | None = None, **rest
) -> Instance:
    return Instance(per_manager=k, max_per_country=cap, tours=tours, managers=managers, **rest)


def levels(allocation: Allocation) -> tuple[int, int, float]:
    return allocation.unmet, allocation.worst_rank, allocation.welfare


def forced_pairs(inst: Instance) -> set[tuple[int, str]]:
    return {(m, c) for m, c in (*inst.kept, *inst.pinned) if m in inst.managers}


def check_constraints(
    inst: Instance, allocation: Allocation, *, in_rank_order: bool = True
) -> None:
    """Every hard constraint of the instance holds in the allocation."""
    k, cap = inst.per_manager, inst.max_per_country
    forbidden = set(inst.forbidden)
    forced = forced_pairs(inst)
    assert set(allocation.assignment) == set(inst.managers)
    placed = 0
    for manager, codes in allocation.assignment.items():
        ranks = inst.managers[manager].ranks
        assert len(codes) == len(set(codes)), "a tour twice"
        assert len(codes) <= k
        if allocation.unmet == 0:
            assert len(codes) == k
        assert all(code in inst.tours for code in codes)
        if in_rank_order:
            assert codes == sorted(codes, key=lambda c: (ranks[c], c)), "listed in rank order"
        for code in codes:
            assert (manager, code) not in forbidden or (manager, code) in forced
        placed += len(codes)
    for manager, code in forced:
        assert code in allocation.assignment[manager], "kept or pinned pair dropped"
    assert allocation.unmet == k * len(inst.managers) - placed
    load = Counter(c for codes in allocation.assignment.values() for c in codes)
    for code, capacity in inst.tours.items():
        assert load[code] <= capacity, f"tour {code} over capacity"
    if cap is not None:
        per_country = Counter(
            (c, inst.managers[m].country)
            for m, codes in allocation.assignment.items()
            for c in codes
        )
        assert max(per_country.values(), default=0) <= cap, "country cap broken"
    ranks = [inst.managers[m].ranks[c] for m, codes in allocation.assignment.items() for c in codes]
    assert allocation.worst_rank == max(ranks, default=0)
    assert allocation.welfare == pytest.approx(sum(placement_cost(r, inst.gamma) for r in ranks))
    assert allocation.status == ("optimal" if allocation.unmet == 0 else "infeasible")


def brute_force(inst: Instance) -> tuple[int, int, float]:
    """(unmet, worst rank, welfare) of the best allocation, by trying every one of them.

    Every manager gets any set of at most K tours (fewer means unmet seats) that holds their
    kept and pinned tours and no forbidden one; the allocations within every capacity and
    country cap are all enumerated; the best has the most placements, then among those the
    lowest worst rank, then among those the least welfare loss.
    """
    k, cap = inst.per_manager, inst.max_per_country
    forbidden = set(inst.forbidden)
    forced: dict[int, set[str]] = defaultdict(set)
    for m, c in forced_pairs(inst):
        forced[m].add(c)
    managers = sorted(inst.managers)
    options = []
    for m in managers:
        allowed = [c for c in inst.tours if (m, c) not in forbidden or c in forced[m]]
        options.append(
            [
                subset
                for size in range(k + 1)
                for subset in itertools.combinations(allowed, size)
                if forced[m] <= set(subset)
            ]
        )
    best: tuple[int, int, float] | None = None
    load: Counter[str] = Counter()
    per_country: Counter[tuple[str, str]] = Counter()
    chosen: list[tuple[int, tuple[str, ...]]] = []

    def visit(i: int) -> None:
        nonlocal best
        if i == len(managers):
            ranks = [inst.managers[m].ranks[c] for m, codes in chosen for c in codes]
            key = (
                k * len(managers) - len(ranks),
                max(ranks, default=0),
                sum(placement_cost(r, inst.gamma) for r in ranks),
            )
            if best is None or key < best:
                best = key
            return
        m = managers[i]
        country = inst.managers[m].country
        for subset in options[i]:
            if any(load[c] >= inst.tours[c] for c in subset):
                continue
            if cap is not None and any(per_country[(c, country)] >= cap for c in subset):
                continue
            for c in subset:
                load[c] += 1
                per_country[(c, country)] += 1
            chosen.append((m, subset))
            visit(i + 1)
            chosen.pop()
            for c in subset:
                load[c] -= 1
                per_country[(c, country)] -= 1

    visit(0)
    assert best is not None  # nobody placed is always within the constraints
    return best


def test_the_brute_force_itself_on_a_known_case() -> None:
    inst = instance({"A": 1, "B": 1}, {1: wish(A=1, B=2), 2: wish(A=1, B=2)})
    assert brute_force(inst) == (0, 2, 1.0)
    inst = instance({"A": 1, "B": 0}, {1: wish(A=1, B=2), 2: wish(A=1, B=2)})
    assert brute_force(inst) == (1, 1, 0.0)


# -- hand-made instances with known optima -------------------------------------------------------


def test_three_managers_two_tours_of_two_seats() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2), 2: wish(A=1, B=2), 3: wish(A=1, B=2)})
    result = solve(inst)
    check_constraints(inst, result)
    assert levels(result) == (0, 2, 1.0)
    assert Counter(c for codes in result.assignment.values() for c in codes) == {"A": 2, "B": 1}
    assert result.rank_profile(inst) == {1: 2, 2: 1}


def test_opposite_wishes_and_a_tie_cost_nothing() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2), 2: wish(A=2, B=1), 3: wish(A=1, B=1)})
    result = solve(inst)
    check_constraints(inst, result)
    assert result.assignment[1] == ["A"]
    assert result.assignment[2] == ["B"]
    assert levels(result) == (0, 1, 0.0)


def test_two_tours_each_in_rank_order() -> None:
    inst = instance(
        {"A": 2, "B": 2, "C": 2},
        {1: wish(A=3, B=1, C=2), 2: wish(A=1, B=2, C=3), 3: wish(A=2, B=3, C=1)},
        k=2,
    )
    result = solve(inst)
    check_constraints(inst, result)
    assert result.assignment == {1: ["B", "C"], 2: ["A", "B"], 3: ["C", "A"]}
    assert levels(result) == (0, 2, 3.0)
    assert result.status == "optimal" and result.reasons == []


# Found by a brute-force search: pure welfare puts manager 2 on D (rank 3) for a loss of 2;
# no allocation has a worst rank of 2 and a loss under 3.
BOTTLENECK = {
    1: wish(A=2, B=4, C=1, D=3),
    2: wish(A=3, B=1, C=2, D=3),
    3: wish(A=3, B=1, C=2, D=4),
    4: wish(A=1, B=3, C=3, D=2),
}


def test_the_worst_rank_comes_before_the_sum() -> None:
    inst = instance(dict.fromkeys("ABCD", 1), BOTTLENECK)
    sums = [
        sum(BOTTLENECK[m].ranks[c] - 1 for m, c in zip((1, 2, 3, 4), order, strict=True))
        for order in itertools.permutations("ABCD")
    ]
    assert min(sums) == 2  # the lowest sum needs a rank 3
    result = solve(inst)
    check_constraints(inst, result)
    assert levels(result) == (0, 2, 3.0)
    assert result.assignment[1] == ["A"] and result.assignment[4] == ["D"]
    assert sorted(result.assignment[2] + result.assignment[3]) == ["B", "C"]
    # On total rank loss alone, greedy methods can beat the optimum: it is lexicographic.
    assert comparison(inst, result)["optimal"]["total_rank_loss"] == 3


# Found by a brute-force search: the worst rank is 3 either way; gamma = 1 prefers two
# managers at rank 3 (loss 2 + 2), gamma = 3 one at rank 3 and three at rank 2 (8 + 3 < 16).
FAIRNESS = {
    1: wish(A=1, B=2, C=3, D=3),
    2: wish(A=1, B=2, C=3, D=3),
    3: wish(A=1, B=2, C=3, D=3),
    4: wish(A=2, B=2, C=2, D=1),
    5: wish(A=2, B=1, C=4, D=2),
}
FAIRNESS_TOURS = {"A": 1, "B": 1, "C": 2, "D": 1}


def test_gamma_3_spares_the_worst_off_where_gamma_1_does_not() -> None:
    efficient = solve(instance(FAIRNESS_TOURS, FAIRNESS, gamma=1.0))
    fair = solve(instance(FAIRNESS_TOURS, FAIRNESS, gamma=3.0))
    for gamma, result in ((1.0, efficient), (3.0, fair)):
        check_constraints(instance(FAIRNESS_TOURS, FAIRNESS, gamma=gamma), result)
    assert levels(efficient) == (0, 3, 4.0)
    assert efficient.rank_profile(instance(FAIRNESS_TOURS, FAIRNESS)) == {1: 3, 3: 2}
    assert efficient.assignment[4] == ["D"] and efficient.assignment[5] == ["B"]
    assert levels(fair) == (0, 3, 11.0)
    assert fair.rank_profile(instance(FAIRNESS_TOURS, FAIRNESS)) == {1: 1, 2: 3, 3: 1}
    assert fair.assignment[4] == ["C"] and fair.assignment[5] == ["D"]


def test_a_binding_country_cap() -> None:
    managers = {1: wish("MA", A=1, B=2), 2: wish("MA", A=1, B=2), 3: wish("TN", A=1, B=2)}
    free = solve(instance({"A": 3, "B": 3}, managers))
    assert levels(free) == (0, 1, 0.0)
    capped_instance = instance({"A": 3, "B": 3}, managers, cap=1)
    capped = solve(capped_instance)
    check_constraints(capped_instance, capped)
    assert levels(capped) == (0, 2, 1.0)
    assert capped.assignment[3] == ["A"]
    assert sorted(capped.assignment[1] + capped.assignment[2]) == ["A", "B"]


def test_a_forbidden_pair_is_never_used() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2), 2: wish(A=1, B=2)}, forbidden=((1, "A"),))
    result = solve(inst)
    check_constraints(inst, result)
    assert result.assignment == {1: ["B"], 2: ["A"]}
    assert levels(result) == (0, 2, 1.0)


def test_a_kept_pair_stays_even_if_a_better_tour_is_free() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2), 2: wish(A=1, B=2)}, kept=((1, "B"),))
    result = solve(inst)
    check_constraints(inst, result)
    assert result.assignment == {1: ["B"], 2: ["A"]}


def test_a_pinned_pair_takes_the_seat_from_someone_else() -> None:
    managers = {1: wish(A=1, B=3, C=2), 2: wish(A=1, B=2, C=3)}
    unpinned = solve(instance({"A": 1, "B": 1, "C": 1}, managers))
    assert unpinned.assignment == {1: ["C"], 2: ["A"]}  # worst 2, loss 1
    inst = instance({"A": 1, "B": 1, "C": 1}, managers, pinned=((1, "A"),))
    result = solve(inst)
    check_constraints(inst, result)
    assert result.assignment == {1: ["A"], 2: ["B"]}
    assert levels(result) == (0, 2, 1.0)


def test_a_pinned_pair_overrides_a_forbidden_one() -> None:
    managers = {1: wish(A=1, B=2), 2: wish(A=1, B=2)}
    inst = instance({"A": 1, "B": 1}, managers, pinned=((1, "B"),), forbidden=((1, "B"),))
    result = solve(inst)
    assert result.assignment == {1: ["B"], 2: ["A"]}


def test_kept_and_pinned_pairs_of_absent_managers_are_ignored() -> None:
    inst = instance({"A": 1, "B": 1}, {1: wish(A=1, B=2)}, kept=((99, "A"),), pinned=((98, "A"),))
    result = solve(inst)
    assert result.assignment == {1: ["A"]}
    assert result.status == "optimal"


def test_previous_allocation_is_kept_among_tied_optima() -> None:
    managers = {m: wish(A=1, B=1) for m in range(1, 5)}
    for previous in ({1: ("A",), 2: ("A",), 3: ("B",), 4: ("B",)}, {1: ("B",), 2: ("A",)}):
        result = solve(instance({"A": 2, "B": 2}, managers, previous=previous))
        for m, codes in previous.items():
            assert result.assignment[m] == list(codes)
        assert result.moved == 4 - len(previous)


def test_rank_loss_beats_keeping_the_previous_allocation() -> None:
    managers = {1: wish(A=1, B=2), 2: wish(A=2, B=1)}
    result = solve(instance({"A": 2, "B": 2}, managers, previous={1: ("B",), 2: ("A",)}))
    assert result.assignment == {1: ["A"], 2: ["B"]}
    assert result.moved == 2


# -- infeasible instances ------------------------------------------------------------------------


def test_too_few_seats() -> None:
    managers = {m: wish(A=1, B=2, C=3, D=4) for m in range(1, 25)}
    inst = instance({"A": 11, "B": 11, "C": 11, "D": 11}, managers, k=2)
    result = solve(inst)
    check_constraints(inst, result)
    assert result.status == "infeasible"
    assert result.unmet == 4
    assert "48 places wanted, 44 offered" in result.reasons
    small = instance({"A": 2, "B": 1}, {1: wish(A=1, B=2), 2: wish(A=1, B=2)}, k=2)
    assert levels(solve(small)) == brute_force(small) == (1, 2, 1.0)
    assert solve(small).reasons == ["4 places wanted, 3 offered"]


def test_a_country_cap_that_cannot_be_met() -> None:
    managers = {m: wish("MA", A=1, B=2, C=3, D=4) for m in range(1, 8)}
    managers[8] = wish("TN", A=1, B=2, C=3, D=4)
    inst = instance(dict.fromkeys("ABCD", 10), managers, cap=1)
    result = solve(inst)
    check_constraints(inst, result)
    assert result.status == "infeasible"
    assert result.unmet == 3
    assert "Morocco has 7 managers, the cap of 1 per tour allows 4" in result.reasons
    assert not any("Tunisia" in reason for reason in result.reasons)


def test_a_country_cap_reason_counts_managers_at_k_tours_each() -> None:
    managers = {m: wish("EG", A=1, B=2, C=3) for m in range(1, 4)}
    result = solve(instance({"A": 9, "B": 9, "C": 9}, managers, k=2, cap=1))
    assert result.unmet == 3
    assert "Egypt has 3 managers, the cap of 1 per tour allows 1" in result.reasons


def test_a_manager_with_fewer_allowed_tours_than_k() -> None:
    managers = {1: wish(A=1, B=2, C=3), 2: wish(A=1, B=2, C=3)}
    inst = instance({"A": 2, "B": 2, "C": 2}, managers, k=2, forbidden=((1, "A"), (1, "B")))
    result = solve(inst)
    check_constraints(inst, result)
    assert result.status == "infeasible"
    assert result.unmet == 1
    assert result.assignment == {1: ["C"], 2: ["A", "B"]}
    assert "manager 1 may join only 1 tour (the others are forbidden)" in result.reasons


def test_seats_only_on_tours_a_manager_may_not_join() -> None:
    # Enough seats, no country over its cap overall: the last seats are where they may not go.
    managers = {1: wish("MA", A=1, B=2), 2: wish("MA", A=1, B=2), 3: wish("TN", A=1, B=2)}
    inst = instance({"A": 1, "B": 2}, managers, cap=1, forbidden=((3, "B"),))
    result = solve(inst)
    check_constraints(inst, result)
    assert result.unmet == 1
    assert len(result.reasons) == 1
    assert "cannot be given 1 tours" in result.reasons[0]


def test_more_kept_managers_than_seats() -> None:
    managers = {1: wish(A=1, B=2), 2: wish(A=1, B=2)}
    inst = instance({"A": 1, "B": 2}, managers, kept=((1, "A"), (2, "A")))
    result = solve(inst)
    assert result.status == "infeasible"
    assert result.assignment == {1: ["A"], 2: ["A"]}  # kept is kept: the coordinator decides
    assert "tour A has more kept or pinned managers than places" in result.reasons


def test_kept_managers_over_the_country_cap_are_explained() -> None:
    managers = {1: wish("MA", A=1, B=2), 2: wish("MA", A=1, B=2), 3: wish("TN", A=1, B=2)}
    inst = instance({"A": 3, "B": 3}, managers, cap=1, kept=((1, "A"), (2, "A")))
    result = solve(inst)
    assert result.status == "infeasible"
    assert result.reasons, "an infeasible allocation without a reason"
    assert any("A" in reason and "Morocco" in reason for reason in result.reasons)


def test_no_seats_at_all() -> None:
    inst = instance({"A": 0, "B": 0}, {1: wish(A=1, B=2)})
    result = solve(inst)
    assert result.assignment == {1: []}
    assert (result.unmet, result.worst_rank, result.welfare) == (1, 0, 0.0)
    assert result.reasons == ["1 place wanted, 0 offered"]


def test_no_managers() -> None:
    result = solve(instance({"A": 3}, {}))
    assert result.assignment == {}
    assert (result.unmet, result.worst_rank, result.status) == (0, 0, "optimal")


def test_a_manager_kept_on_more_tours_than_k_is_refused() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2)}, kept=((1, "A"), (1, "B")))
    with pytest.raises(BoosterError, match=r"manager 1 is kept or pinned on 2 tours \(A, B\)"):
        solve(inst)


def test_a_kept_pair_on_an_unknown_tour_is_refused() -> None:
    inst = instance({"A": 2}, {1: wish(A=1)}, pinned=((1, "ZZ"),))
    with pytest.raises(BoosterError, match="tour 'ZZ' does not exist"):
        solve(inst)


# Kept (or pinned) placements count in the worst rank the allocation reports: minimising the
# free placements' worst rank below the kept ones' buys nothing at that level, and may cost
# welfare. Manager 5 is kept on E, their rank 5; the others are BOTTLENECK (best: worst 2,
# loss 3; or worst 3, loss 2). With the worst rank 5 anyway, the lexicographic optimum is
# worst 5, loss 4 + 2 = 6.
def test_the_bottleneck_level_counts_kept_placements() -> None:
    managers = {m: wish(**w.ranks, E=5) for m, w in BOTTLENECK.items()}
    managers[5] = wish(A=1, B=1, C=1, D=1, E=5)
    inst = instance(dict.fromkeys("ABCDE", 1), managers, kept=((5, "E"),))
    assert brute_force(inst) == (0, 5, 6.0)
    result = solve(inst)
    check_constraints(inst, result)
    assert levels(result) == (0, 5, 6.0)


# -- every level against a brute force, on random small instances ---------------------------------

CODES = ("A", "B", "C", "D")
COUNTRIES = ("MA", "TN", "EG")


def _options(tours: int, k: int) -> int:
    return sum(math.comb(tours, size) for size in range(k + 1))


@st.composite
def small_instances(draw: st.DrawFn, *, with_forced: bool = False) -> Instance:
    tour_count = draw(st.integers(2, 4))
    k = draw(st.integers(1, 2))
    options = _options(tour_count, k)
    # At most ~20,000 allocations for the brute force to try.
    most = max(m for m in range(2, 7) if options**m <= 20_000 or m == 2)
    n = draw(st.integers(2, most))
    codes = CODES[:tour_count]
    tours = {code: draw(st.integers(0, n)) for code in codes}
    cap = draw(st.sampled_from([None, 1, 2]))
    ids = sorted(draw(st.sets(st.integers(1, 99), min_size=n, max_size=n)))
    managers = {}
    for m in ids:
        scores = {code: float(draw(st.integers(0, 3))) for code in codes}  # ties are common
        managers[m] = Wish(draw(st.sampled_from(COUNTRIES)), tour_ranks(scores), scores)
    pairs = [(m, code) for m in ids for code in codes]
    forbidden = draw(st.lists(st.sampled_from(pairs), max_size=4, unique=True))
    kept: list[tuple[int, str]] = []
    pinned: list[tuple[int, str]] = []
    if with_forced:
        # Kept and pinned pairs within every constraint, so that a full allocation may exist.
        load: Counter[str] = Counter()
        per_country: Counter[tuple[str, str]] = Counter()
        per_manager: Counter[int] = Counter()
        for m, code in draw(st.lists(st.sampled_from(pairs), max_size=3, unique=True)):
            country = managers[m].country
            if (
                (m, code) in forbidden
                or per_manager[m] >= k
                or load[code] >= tours[code]
                or (cap is not None and per_country[(code, country)] >= cap)
            ):
                continue
            load[code] += 1
            per_country[(code, country)] += 1
            per_manager[m] += 1
            (kept if draw(st.booleans()) else pinned).append((m, code))
    previous = {
        m: tuple(draw(st.lists(st.sampled_from(codes), max_size=k, unique=True))) for m in ids
    }
    return Instance(
        per_manager=k,
        max_per_country=cap,
        tours=tours,
        managers=managers,
        pinned=tuple(pinned),
        forbidden=tuple(forbidden),
        kept=tuple(kept),
        previous=previous,
        gamma=draw(st.sampled_from([1.0, 2.0, 3.0])),
        seed=draw(st.integers(0, 2**31)),
    )


def _assert_levels_match_brute_force(inst: Instance) -> None:
    result = solve(inst)
    check_constraints(inst, result)
    unmet, worst, welfare = brute_force(inst)
    assert result.unmet == unmet
    assert result.worst_rank == worst
    assert result.welfare == pytest.approx(welfare, abs=1e-6)


@given(small_instances())
@PROPERTY
def test_every_level_equals_the_brute_force(inst: Instance) -> None:
    _assert_levels_match_brute_force(inst)


@given(small_instances(with_forced=True))
@PROPERTY
def test_constraints_hold_with_kept_and_pinned_pairs(inst: Instance) -> None:
    result = solve(inst)
    check_constraints(inst, result)
    # The first two levels are right even with kept and pinned pairs (welfare is not, when a
    # kept rank is worse than the free bottleneck: see the test above).
    unmet, worst, _ = brute_force(inst)
    assert (result.unmet, result.worst_rank) == (unmet, worst)


@given(small_instances(), st.sampled_from([1.5, 0.5, 2.5]))
@PROPERTY
def test_a_fractional_gamma_is_optimal_too(inst: Instance, gamma: float) -> None:
    _assert_levels_match_brute_force(replace(inst, gamma=gamma))


def _lexicographic(allocation: Allocation) -> tuple[int, int, float]:
    return allocation.unmet, allocation.worst_rank, round(allocation.welfare, 6)


@given(small_instances(with_forced=True))
@PROPERTY
def test_never_worse_than_serial_dictatorship_or_a_snake_draft(inst: Instance) -> None:
    result = solve(inst)
    for method in (serial_dictatorship, snake_draft):
        greedy = method(inst)
        # The greedy methods list kept and pinned tours first, not in rank order.
        check_constraints(inst, greedy, in_rank_order=False)
        # Lexicographically (unmet, then worst rank, then welfare): on the total rank loss
        # alone, serial dictatorship can win (see test_the_worst_rank_comes_before_the_sum).
        assert _lexicographic(result) <= _lexicographic(greedy)


def test_serial_dictatorship_can_have_a_lower_total_rank_loss() -> None:
    inst = instance(dict.fromkeys("ABCD", 1), BOTTLENECK)
    optimal = solve(inst)
    losses = {
        seed: comparison(replace(inst, seed=seed), optimal)["serial_dictatorship"]
        for seed in range(40)
    }
    assert any(row["total_rank_loss"] < 3 for row in losses.values())
    assert all((row["unmet_seats"], row["worst_rank"]) >= (0, 2) for row in losses.values())


def test_comparison_table() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2), 2: wish(A=1, B=2), 3: wish(A=1, B=2)})
    table = comparison(inst, solve(inst))
    assert set(table) == {"optimal", "serial_dictatorship", "snake_draft"}
    assert table["optimal"] == {
        "complete": True,
        "unmet_seats": 0,
        "total_rank_loss": 1,
        "worst_rank": 2,
        "welfare": 1.0,
        "rank_profile": {"1": 2, "2": 1},
    }


# -- re-solving, seeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> Instance:
    from booster_desktop.services.demo import write_demo

    path = tmp_path_factory.mktemp("thousand") / "demo1000.booster"
    write_demo(path, managers=1000, seed=3)
    with open_programme(path) as programme:
        return load_instance(programme)


def _changed(before: dict[int, list[str]], after: dict[int, list[str]]) -> int:
    """Placements made in `after` that `before` did not have (managers in both)."""
    return sum(len(set(after[m]) - set(before[m])) for m in after if m in before)


def test_re_solving_after_one_more_seat_moves_a_handful(thousand: Instance) -> None:
    first = solve(thousand)
    assert first.status == "optimal"
    check_constraints(thousand, first)
    previous = {m: tuple(codes) for m, codes in first.assignment.items()}
    base = replace(thousand, previous=previous)
    again = solve(base)
    assert again.assignment == first.assignment and again.moved == 0
    load = Counter(c for codes in first.assignment.values() for c in codes)
    full = [code for code, capacity in thousand.tours.items() if load[code] == capacity]
    assert full, "the test needs a full tour"
    for code in full[:2]:
        tours = dict(thousand.tours)
        tours[code] += 1
        changed = replace(base, tours=tours)
        result = solve(changed)
        check_constraints(changed, result)
        assert result.welfare <= first.welfare
        assert _changed(first.assignment, result.assignment) == result.moved <= 10


def test_re_solving_after_a_withdrawal_moves_a_handful(thousand: Instance) -> None:
    first = solve(thousand)
    base = replace(thousand, previous={m: tuple(c) for m, c in first.assignment.items()})
    for gone in (1, 500, 999):
        managers = {m: w for m, w in base.managers.items() if m != gone}
        result = solve(replace(base, managers=managers))
        assert result.status == "optimal"
        assert _changed(first.assignment, result.assignment) == result.moved <= 10


def test_the_same_seed_gives_the_same_assignment(thousand: Instance) -> None:
    assert solve(thousand).assignment == solve(thousand).assignment


def test_another_seed_only_picks_another_tied_optimum(thousand: Instance) -> None:
    first = solve(thousand)
    other = solve(replace(thousand, seed=thousand.seed + 1))
    check_constraints(thousand, other)
    assert levels(other) == levels(first)
    # The demo has ties: a different lottery does pick other optima.
    assert other.assignment != first.assignment


# -- explanations --------------------------------------------------------------------------------


def test_explain_names_full_forbidden_and_capped_tours() -> None:
    ranks = {"A": 1, "B": 2, "C": 3, "D": 4}
    managers = {1: wish("MA", **ranks), 8: wish("TN", C=1, A=2, B=3, D=4), 9: wish("TN", **ranks)}
    inst = instance(
        {"A": 1, "B": 5, "C": 5, "D": 5},
        managers,
        cap=1,
        pinned=((1, "A"), (8, "C")),
        forbidden=((9, "B"),),
    )
    result = solve(inst)
    assert result.assignment[9] == ["D"]
    assert explain(inst, result, 9) == [
        "given D (rank 4)",
        "not A (rank 1): full (1 place)",
        "not B (rank 2): forbidden for this manager",
        "not C (rank 3): the cap of 1 per country is reached",
    ]
    assert explain(inst, result, 1) == ["given A (rank 1)"]


def test_explain_a_better_tour_that_is_full_or_barred_by_kept_places() -> None:
    inst = instance(dict.fromkeys("ABCD", 1), BOTTLENECK)
    result = solve(inst)
    lines = explain(inst, result, 1)
    assert lines[0] == "given A (rank 2)"
    assert lines[1] == "not C (rank 1): full (1 place)"
    # Room on a better tour, yet not given: moving there would cost the others more.
    roomy = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2), 2: wish(A=1, B=2)}, kept=((1, "B"),))
    assert explain(roomy, solve(roomy), 1) == [
        "given B (rank 2)",
        "not A (rank 1): the manager's places are pinned or kept on other tours",
    ]


def test_explain_a_manager_left_without_a_tour() -> None:
    inst = instance({"A": 1}, {1: wish(A=1), 2: wish(A=1)}, kept=((2, "A"),))
    result = solve(inst)
    assert explain(inst, result, 1) == ["not A (rank 1): full (1 place)"]


def test_cost_of_forcing_a_pair_that_moves_someone() -> None:
    managers = {
        1: wish(A=1, B=2, C=3),
        2: wish(A=2, B=1, C=3),
        3: wish(A=2, B=3, C=1),
    }
    inst = instance({"A": 1, "B": 1, "C": 1}, managers)
    result = solve(inst)
    assert result.assignment == {1: ["A"], 2: ["B"], 3: ["C"]}
    cost = cost_of_forcing(inst, result, 1, "B")
    forced = solve(inst, forced=[(1, "B")])
    assert forced.assignment == {1: ["B"], 2: ["A"], 3: ["C"]}
    assert cost.welfare_before == result.welfare == 0.0
    assert cost.welfare_after == forced.welfare == 2.0
    assert cost.extra == 2.0
    assert cost.moved == {2: (["B"], ["A"])}
    assert cost.feasible


def test_cost_of_forcing_matches_a_forced_solve_on_the_demo(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        inst = load_instance(programme)
    result = solve(inst)
    for manager in (1, 7, 19):
        wish_ = inst.managers[manager]
        worst = max(wish_.ranks, key=lambda c: (wish_.ranks[c], c))
        cost = cost_of_forcing(inst, result, manager, worst)
        forced = solve(inst, forced=[(manager, worst)])
        assert worst in forced.assignment[manager]
        assert cost.welfare_after == forced.welfare
        assert cost.welfare_before == result.welfare
        assert cost.extra == forced.welfare - result.welfare >= 0
        differ = {
            m
            for m in inst.managers
            if m != manager and sorted(forced.assignment[m]) != sorted(result.assignment[m])
        }
        assert set(cost.moved) == differ
        for m, (before, after) in cost.moved.items():
            assert before == result.assignment[m] and after == forced.assignment[m]
        assert cost.feasible == (forced.unmet <= result.unmet)


def test_cost_of_forcing_a_forbidden_pair_lifts_the_ban() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2)}, forbidden=((1, "A"),))
    result = solve(inst)
    assert result.assignment == {1: ["B"]}
    cost = cost_of_forcing(inst, result, 1, "A")
    assert (cost.welfare_before, cost.welfare_after, cost.moved, cost.feasible) == (
        1.0,
        0.0,
        {},
        True,
    )


def test_cost_of_forcing_a_manager_already_kept_elsewhere() -> None:
    inst = instance({"A": 2, "B": 2}, {1: wish(A=1, B=2)}, kept=((1, "B"),))
    result = solve(inst)
    cost = cost_of_forcing(inst, result, 1, "A")
    assert not cost.feasible
    assert cost.welfare_after == math.inf and cost.moved == {}


def test_forcing_onto_a_tour_full_of_kept_managers_is_not_feasible() -> None:
    inst = instance({"A": 1, "B": 1}, {1: wish(A=1, B=2), 2: wish(A=1, B=2)}, kept=((2, "A"),))
    result = solve(inst)
    assert result.assignment == {1: ["B"], 2: ["A"]}
    forced = solve(inst, forced=[(1, "A")])
    assert forced.status == "infeasible"  # tour A: 2 managers for 1 seat
    cost = cost_of_forcing(inst, result, 1, "A")
    assert not cost.feasible


# -- the demo programme --------------------------------------------------------------------------


def test_the_demo_allocates_24_managers_to_2_of_4_tours(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        inst = load_instance(programme)
    assert inst.per_manager == 2
    assert inst.tours == {"CAT": 12, "PIE": 12, "SUD": 12, "WAL": 12}
    assert len(inst.managers) == 24
    assert inst.seed == 2018  # the programme's lottery seed
    result = solve(inst)
    check_constraints(inst, result)
    assert result.status == "optimal"
    assert result.unmet == 0
    assert result.reasons == []
    load = Counter(c for codes in result.assignment.values() for c in codes)
    assert all(count <= 12 for count in load.values())
    assert load == dict.fromkeys(inst.tours, 12)  # 48 seats for 48 places: every tour full
    assert all(len(codes) == 2 for codes in result.assignment.values())
    # Too large for the brute force (15^24 choices); a bound proves it instead: nobody can do
    # better than their own K best tours, and the optimum reaches that bound.
    bound = sum(
        sum(sorted(placement_cost(r, inst.gamma) for r in w.ranks.values())[: inst.per_manager])
        for w in inst.managers.values()
    )
    assert result.welfare == bound == 24.0
    assert result.worst_rank == 2
    assert any(sorted(w.ranks.values())[1] == 2 for w in inst.managers.values())


def test_load_instance_reads_kept_cancelled_previous_and_withdrawn(demo_file: Path) -> None:

    with programme_db.connect(demo_file) as connection:
        rows = connection.execute(
            "SELECT e.id, e.manager_id, t.code FROM enrolment e JOIN tour t ON t.id = e.tour_id "
            "ORDER BY e.id"
        ).fetchall()
        by_manager: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for enrolment_id, manager, code in rows:
            by_manager[manager].append((enrolment_id, code))
        confirmed = by_manager[1][0]
        cancelled = by_manager[2][0]
        waitlisted = by_manager[3][0]
        connection.execute("UPDATE enrolment SET status = 'confirmed' WHERE id = ?", confirmed[:1])
        connection.execute("UPDATE enrolment SET status = 'cancelled' WHERE id = ?", cancelled[:1])
        connection.execute(
            "UPDATE enrolment SET status = 'waitlisted' WHERE id = ?", waitlisted[:1]
        )
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE id = 4")
        connection.execute("UPDATE programme SET lottery_seed = 77")
    with open_programme(demo_file) as programme:
        inst = load_instance(programme, per_manager=1, max_per_country=3, gamma=2.0)
        seeded = load_instance(programme, seed=5)
    assert (inst.per_manager, inst.max_per_country, inst.gamma, inst.seed) == (1, 3, 2.0, 77)
    assert seeded.seed == 5
    assert 4 not in inst.managers and len(inst.managers) == 23
    assert inst.kept == ((1, confirmed[1]),)
    assert inst.forbidden == ((2, cancelled[1]),)
    assert inst.previous[1] == tuple(sorted(code for _, code in by_manager[1]))
    assert inst.previous[2] == (by_manager[2][1][1],)  # the cancelled one is not previous
    assert inst.previous[3] == (by_manager[3][1][1],)  # nor the waitlisted one
    assert 4 not in inst.previous
    assert inst.pinned == ()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"per_manager": 0}, "--per-manager: must be 1 or more"),
        ({"per_manager": 5}, "each manager joins 5 tours (--per-manager), but the programme has 4"),
        ({"max_per_country": 0}, "--max-per-country: must be 1 or more"),
        ({"gamma": 0.0}, "--gamma: must be more than 0"),
    ],
)
def test_load_instance_refuses_bad_options(
    demo_file: Path, options: dict[str, float], message: str
) -> None:
    with (
        open_programme(demo_file) as programme,
        pytest.raises(BoosterError, match=re.escape(message)),
    ):
        load_instance(programme, **options)  # type: ignore[arg-type]


def test_instance_as_json_round_trips_through_json() -> None:
    import json

    inst = instance(
        {"A": 1, "B": 2},
        {1: wish(A=1, B=2), 2: wish("TN", A=2, B=1)},
        k=1,
        cap=2,
        pinned=((1, "A"),),
        forbidden=((2, "A"),),
        kept=((2, "B"),),
        previous={1: ("A",)},
        gamma=3.0,
        seed=9,
    )
    document = json.loads(json.dumps(inst.as_json()))
    assert document == {
        "per_manager": 1,
        "max_per_country": 2,
        "tours": {"A": {"capacity": 1}, "B": {"capacity": 2}},
        "managers": {
            "1": {"country": "MA", "ranks": {"A": 1, "B": 2}, "scores": {"A": 2.0, "B": 1.0}},
            "2": {"country": "TN", "ranks": {"A": 2, "B": 1}, "scores": {"A": 1.0, "B": 2.0}},
        },
        "pinned": [[1, "A"]],
        "forbidden": [[2, "A"]],
        "kept": [[2, "B"]],
        "previous": {"1": ["A"]},
        "gamma": 3.0,
        "seed": 9,
    }


def test_progress_is_reported_to_the_end() -> None:
    steps: list[tuple[int, int, str]] = []
    solve(
        instance({"A": 1}, {1: wish(A=1)}),
        progress=lambda done, total, what: steps.append((done, total, what)),
    )
    assert steps[0][0] == 0 and steps[-1] == (4, 4, "Done")
    assert [done for done, _, _ in steps] == sorted(done for done, _, _ in steps)
