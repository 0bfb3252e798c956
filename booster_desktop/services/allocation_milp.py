"""Side constraints that break the flow shape, as an integer programme (OR-Tools CP-SAT):
managers who must travel together (the same tours), and the maximin of each manager's total
rank loss (the worst-off manager's sum, not only their worst tour). Optional: the network
solver in services.allocation is exact and fast; this mode takes a time limit and reports
its gap.

Solved lexicographically, one stage after another: unmet seats, then (maximin) the largest
total rank loss of any manager, then the sum of (rank - 1) ** gamma with keeping previous
placements as its tie-break. Each stage gets a share of the time limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.preference import placement_cost
from booster_desktop.i18n import _
from booster_desktop.services.allocation import Allocation, Instance, _measure, why_unmet


@dataclass
class MilpAllocation:
    """An allocation from the integer programme, with how sure the solver is of it."""

    allocation: Allocation
    optimal: bool
    gap: float  # relative gap between the objective found and the solver's bound
    bound: float


def solve_with_side_constraints(
    instance: Instance,
    *,
    together: Sequence[Sequence[int]] = (),
    maximin: bool = False,
    time_limit: float = 30.0,
) -> MilpAllocation:
    """The best allocation under the flow's constraints plus `together` groups and maximin."""
    try:
        from ortools.sat.python import cp_model
    except ImportError as error:  # the desktop bundle leaves CP-SAT (and pandas) out
        raise BoosterError(
            _(
                "--together and --maximin need OR-Tools' CP-SAT with pandas, which "
                "this installation lacks ({name} is missing): install Booster Desktop "
                "with pip to use them; allocating without them works as it is"
            ).format(name=error.name)
        ) from None

    k, cap = instance.per_manager, instance.max_per_country
    managers = sorted(instance.managers)
    tours = list(instance.tours)
    forbidden = set(instance.forbidden)
    forced = {(m, c) for m, c in (*instance.kept, *instance.pinned) if m in instance.managers}
    for group in together:
        unknown = [m for m in group if m not in instance.managers]
        if unknown:
            raise BoosterError(
                _("--together: manager {value} is not an active manager").format(value=unknown[0])
            )
    model = cp_model.CpModel()
    x = {
        (m, c): model.new_bool_var(f"x_{m}_{c}")
        for m in managers
        for c in tours
        if (m, c) not in forbidden or (m, c) in forced
    }
    scale = 1 if float(instance.gamma).is_integer() else 1000
    cost = {
        pair: round(
            placement_cost(instance.managers[pair[0]].ranks[pair[1]], instance.gamma) * scale
        )
        for pair in x
    }
    for pair in forced:
        if pair in x:
            model.add(x[pair] == 1)
    placed = {m: sum(x[(m, c)] for c in tours if (m, c) in x) for m in managers}
    for m in managers:
        model.add(placed[m] <= k)
    for c in tours:
        model.add(sum(x[(m, c)] for m in managers if (m, c) in x) <= instance.tours[c])
        if cap is not None:
            for country in {w.country for w in instance.managers.values()}:
                model.add(
                    sum(
                        x[(m, c)]
                        for m in managers
                        if (m, c) in x and instance.managers[m].country == country
                    )
                    <= cap
                )
    for group in together:
        first, *others = list(group)
        for other in others:
            for c in tours:
                a, b = x.get((first, c)), x.get((other, c))
                if a is None or b is None:
                    for var in (a, b):
                        if var is not None:
                            model.add(var == 0)
                else:
                    model.add(a == b)
    if instance.top_m is not None:
        # At least one of each manager's top-m tours (when they are placed at all).
        for m in managers:
            top = [
                x[(m, c)]
                for c in tours
                if (m, c) in x and instance.managers[m].ranks[c] <= instance.top_m
            ]
            placed_any = model.new_bool_var(f"placed_{m}")
            model.add(placed[m] >= 1).only_enforce_if(placed_any)
            model.add(placed[m] == 0).only_enforce_if(~placed_any)
            model.add(sum(top) >= 1).only_enforce_if(placed_any)
    unmet = k * len(managers) - sum(placed.values())
    welfare = sum(cost[p] * v for p, v in x.items())
    previous = {(m, c) for m, codes in instance.previous.items() for c in codes}
    moved = sum(v for p, v in x.items() if p not in previous)
    seats = k * len(managers)
    # Solved level after level, each optimum then held as a constraint (this is an integer
    # programme, not a flow, so that is sound), rather than by weights that overflow int64.
    stages: list[object] = [unmet]
    if maximin:
        largest = model.new_int_var(
            0, max(1, len(tours) * max(cost.values(), default=0)), "largest"
        )
        for m in managers:
            model.add(largest >= sum(cost[(m, c)] * x[(m, c)] for c in tours if (m, c) in x))
        stages.append(largest)
    stages.append(welfare * (seats + 1) + moved)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    proven = True
    status = cp_model.UNKNOWN
    for number, objective in enumerate(stages):
        model.minimize(objective)  # type: ignore[arg-type]
        solver.parameters.max_time_in_seconds = time_limit / len(stages)
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            raise BoosterError(
                _(
                    "no allocation meets the side constraints within the time limit "
                    "({value}); try a longer --time-limit"
                ).format(value=solver.status_name(status).lower())
            )
        proven = proven and status == cp_model.OPTIMAL
        if number < len(stages) - 1:
            model.add(objective <= round(solver.objective_value))  # type: ignore[operator]
            model.clear_hints()  # type: ignore[no-untyped-call]
            for var in x.values():
                model.add_hint(var, solver.value(var))
    assignment = {
        m: [c for c in tours if (m, c) in x and solver.value(x[(m, c)])] for m in managers
    }
    for m, codes in assignment.items():
        ranks = instance.managers[m].ranks
        codes.sort(key=lambda c: (ranks[c], c))
    allocation = _measure(instance, assignment, 0)
    if allocation.unmet:
        allocation.status = "infeasible"
    elif not proven:
        allocation.status = "feasible"  # the time limit came first: not proven optimal
    value, bound = solver.objective_value, solver.best_objective_bound
    gap = 0.0 if proven else abs(value - bound) / max(1.0, abs(value))
    if allocation.unmet:
        from booster_desktop.services.allocation import _Network

        allocation.reasons = why_unmet(instance, _Network(instance), allocation)
        if together:
            allocation.reasons.append(
                _("managers who travel together need seats on the same tours")
            )
    return MilpAllocation(allocation, proven, gap, bound)
