"""Constraints beyond the plain flow: at least one top-m tour (still a flow), travelling
together and the maximin of each manager's total (an integer programme)."""

from __future__ import annotations

from booster_desktop.services.allocation import Instance, Wish, solve
from booster_desktop.services.allocation_milp import solve_with_side_constraints


def _instance(tours: dict[str, int], ranks: dict[int, dict[str, int]], **extra: object) -> Instance:
    managers = {
        m: Wish("MA", r, {c: float(len(tours) - rank) for c, rank in r.items()})
        for m, r in ranks.items()
    }
    return Instance(
        per_manager=2, max_per_country=None, tours=tours, managers=managers, seed=1, **extra
    )  # type: ignore[arg-type]


def _total(instance: Instance, codes: list[str], manager: int) -> int:
    return sum(instance.managers[manager].ranks[c] - 1 for c in codes)


MAXIMIN_CASE = _instance(
    {"A": 3, "B": 2, "C": 2, "D": 2},
    {
        1: {"C": 1, "B": 2, "D": 3, "A": 4},
        2: {"A": 1, "C": 2, "B": 3, "D": 4},
        3: {"C": 1, "A": 2, "D": 3, "B": 4},
        4: {"B": 1, "A": 2, "D": 3, "C": 4},
    },
)


def test_maximin_spares_the_worst_off_manager_where_the_flow_cannot() -> None:
    flow = solve(MAXIMIN_CASE)
    milp = solve_with_side_constraints(MAXIMIN_CASE, maximin=True)
    worst = lambda a: max(_total(MAXIMIN_CASE, codes, m) for m, codes in a.assignment.items())  # noqa: E731
    assert (worst(flow), worst(milp.allocation)) == (3, 2)
    assert milp.allocation.welfare == flow.welfare  # no rank loss traded for it here
    assert milp.optimal and milp.gap == 0.0


def test_managers_who_travel_together_get_the_same_tours() -> None:
    instance = _instance(
        {"A": 3, "B": 3, "C": 3},
        {1: {"A": 1, "B": 2, "C": 3}, 2: {"C": 1, "B": 2, "A": 3}, 3: {"B": 1, "A": 2, "C": 3}},
    )
    apart = solve(instance)
    assert apart.assignment[1] != apart.assignment[2]
    together = solve_with_side_constraints(instance, together=[[1, 2]]).allocation
    assert sorted(together.assignment[1]) == sorted(together.assignment[2])
    assert together.unmet == 0
    for code, seats in instance.tours.items():
        assert sum(code in codes for codes in together.assignment.values()) <= seats


def test_at_least_one_of_the_top_tours_keeps_the_flow_and_binds() -> None:
    # Manager 1's top tour A is wanted by everyone; without the constraint the welfare
    # optimum leaves 1 with B and C (their 2nd and 3rd).
    instance = _instance(
        {"A": 2, "B": 2, "C": 2},
        {1: {"A": 1, "B": 2, "C": 3}, 2: {"A": 1, "C": 2, "B": 3}, 3: {"A": 1, "B": 2, "C": 3}},
    )
    free = solve(instance)
    assert all(free.assignment[m] for m in (1, 2, 3))
    constrained = solve(
        Instance(**{**instance.__dict__, "top_m": 1})  # type: ignore[arg-type]
    )
    # With two seats on A and three managers, one of them cannot have A: infeasible, said so.
    assert constrained.unmet > 0 and constrained.status == "infeasible"
    relaxed = solve(Instance(**{**instance.__dict__, "top_m": 2}))  # type: ignore[arg-type]
    assert relaxed.unmet == 0
    for m, codes in relaxed.assignment.items():
        assert any(instance.managers[m].ranks[c] <= 2 for c in codes)


def test_the_integer_programme_keeps_the_top_m_constraint_too() -> None:
    # A has one seat; managers 2 and 3 travel together, so neither can have A, their top
    # tour: with top_m=1 that leaves them unplaced rather than silently on B.
    instance = _instance(
        {"A": 1, "B": 3, "C": 3},
        {1: {"A": 1, "B": 2, "C": 3}, 2: {"A": 1, "B": 2, "C": 3}, 3: {"A": 1, "B": 2, "C": 3}},
        top_m=1,
    )
    result = solve_with_side_constraints(instance, together=[[2, 3]]).allocation
    for m, codes in result.assignment.items():
        if codes:
            assert any(instance.managers[m].ranks[c] <= 1 for c in codes), (m, codes)
    assert result.status == "infeasible" and result.unmet > 0
