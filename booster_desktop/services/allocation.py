"""Allocating managers to tours: an optimal capacitated b-matching, solved as min-cost flows.

The network: source -> manager (K seats each) -> (tour, country) (one seat per pair) -> tour
(at most the country cap) -> sink (the tour's capacity). Kept (confirmed) enrolments and
pinned pairs are placed first and taken out of the network (their seats with them);
forbidden pairs (cancelled enrolments, visas...) have no arc. Withdrawn managers are not in
it. Levels, each kept a flow (docs/field-notes.md, Allocation solvers):
1. coverage: the most seats filled (a max flow); unmet seats are explained;
2. bottleneck: the lowest worst rank that still fills as many seats, applied by removing the
   arcs above it (a few max flows, by bisection);
3. welfare: the least sum of (rank - 1) ** gamma,
4. tie-break: the previous allocation kept where possible, then a seeded lottery;
   3 and 4 are one min-cost max flow, their costs folded into one integer by scaling, with
   the lottery's range shrunk until the product fits the solver (its limit is about 1e14).
OR-Tools' network solver, not an LP: 0.23 s against 5-9 s for HiGHS at 10,000 x 50 x 3 in
the measurements in docs/field-notes.md, and several solves are needed per allocation.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.preference import placement_cost
from booster_desktop.i18n import _, language, ngettext
from booster_desktop.services.progress import Progress, no_progress

Pair = tuple[int, str]
# OR-Tools refuses arc costs above a few times 1e14 (BAD_COST_RANGE): stay well below.
COST_LIMIT = 10**14


@dataclass(frozen=True)
class Wish:
    """One manager's view of every tour."""

    country: str
    ranks: dict[str, int]  # tour code -> rank, 1 = most wanted
    scores: dict[str, float]  # tour code -> how much wanted, higher is better


@dataclass(frozen=True)
class Instance:
    """Everything the allocation depends on, so anyone can solve it again and check."""

    per_manager: int
    max_per_country: int | None
    tours: dict[str, int]  # code -> capacity
    managers: dict[int, Wish]
    pinned: tuple[Pair, ...] = ()
    forbidden: tuple[Pair, ...] = ()
    kept: tuple[Pair, ...] = ()
    previous: dict[int, tuple[str, ...]] = field(default_factory=dict)
    gamma: float = 1.0
    seed: int = 0
    top_m: int | None = None  # each manager gets at least one of their top-m tours
    # The enrolments it was computed from (`allocation_data.enrolments_basis`): applying it
    # is refused on a server when they changed meanwhile. Not part of the problem itself.
    basis: str = field(default="", compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "per_manager": self.per_manager,
            "max_per_country": self.max_per_country,
            "tours": {code: {"capacity": capacity} for code, capacity in self.tours.items()},
            "managers": {
                str(i): {"country": w.country, "ranks": w.ranks, "scores": w.scores}
                for i, w in self.managers.items()
            },
            "pinned": [list(p) for p in self.pinned],
            "forbidden": [list(p) for p in self.forbidden],
            "kept": [list(p) for p in self.kept],
            "previous": {str(i): list(codes) for i, codes in self.previous.items()},
            "gamma": self.gamma,
            "seed": self.seed,
            # Only when used, so the plain document keeps docs/command.md's usual keys.
            **({"top_m": self.top_m} if self.top_m is not None else {}),
        }


@dataclass
class Allocation:
    """An allocation and what it achieves at each level."""

    assignment: dict[int, list[str]]  # manager id -> tour codes, in rank order
    unmet: int  # seats not filled (K x managers - placements)
    worst_rank: int
    welfare: float  # sum of (rank - 1) ** gamma
    moved: int  # placements not in the previous allocation
    status: str  # "optimal" or "infeasible" (the best partial allocation)
    reasons: list[str] = field(default_factory=list)
    lottery_range: int = 0  # lottery values drawn in 0..range (0: no lottery needed to fit)
    overbooked: bool = False  # kept or pinned placements alone exceed seats or a country cap

    def levels(self) -> dict[str, Any]:
        return {
            "unmet_seats": self.unmet,
            "worst_rank": self.worst_rank,
            "welfare": round(self.welfare, 6),
            "moved_from_previous": self.moved,
        }

    def rank_profile(self, instance: Instance) -> dict[int, int]:
        counts = Counter(
            instance.managers[m].ranks[code]
            for m, codes in self.assignment.items()
            for code in codes
        )
        return dict(sorted(counts.items()))


# -- the network -------------------------------------------------------------------------------


class _Network:
    """The flow network of an instance, as arrays the solvers take."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        k = instance.per_manager
        tours = list(instance.tours)
        self.tour_index = {code: i for i, code in enumerate(tours)}
        forbidden = set(instance.forbidden)
        forced: dict[int, list[str]] = defaultdict(list)
        for manager, code in (*instance.kept, *instance.pinned):
            if code not in instance.tours:
                raise BoosterError(_("tour {code!r} does not exist").format(code=code))
            if manager in instance.managers and code not in forced[manager]:
                forced[manager].append(code)
        self.forced = {m: codes for m, codes in forced.items() if codes}
        for manager, codes in self.forced.items():
            if len(codes) > k:
                raise BoosterError(
                    f"manager {manager} is kept or pinned on {len(codes)} tours "
                    f"({', '.join(codes)}), more than the {k} each manager joins"
                )
        seats_left = dict(instance.tours)
        per_country_left: dict[tuple[str, str], int] = {}
        cap = instance.max_per_country
        for manager, codes in self.forced.items():
            country = instance.managers[manager].country
            for code in codes:
                seats_left[code] -= 1
                if cap is not None:
                    key = (code, country)
                    per_country_left[key] = per_country_left.get(key, cap) - 1
        self.overfull = [c for c, left in seats_left.items() if left < 0]
        self.over_cap = [key for key, left in per_country_left.items() if left < 0]
        countries = sorted({w.country for w in instance.managers.values()})
        managers = sorted(instance.managers)
        self.managers = managers
        # Nodes: 0 source, 1 sink, managers, tours, then (tour, country) when capped.
        self.manager_node = {m: 2 + i for i, m in enumerate(managers)}
        tour_base = 2 + len(managers)
        self.tour_node = {code: tour_base + i for i, code in enumerate(tours)}
        pair_base = tour_base + len(tours)
        pair_node: dict[tuple[str, str], int] = {}
        if cap is not None:
            for i, (code, country) in enumerate((c, n) for c in tours for n in countries):
                pair_node[(code, country)] = pair_base + i
        tails: list[int] = []
        heads: list[int] = []
        capacities: list[int] = []
        # Fixed arcs: source -> manager, tour -> sink, (tour, country) -> tour.
        for m in managers:
            tails.append(0)
            heads.append(self.manager_node[m])
            capacities.append(max(0, k - len(self.forced.get(m, ()))))
        for code in tours:
            tails.append(self.tour_node[code])
            heads.append(1)
            capacities.append(max(0, seats_left[code]))
        for (code, country), node in pair_node.items():
            tails.append(node)
            heads.append(self.tour_node[code])
            capacities.append(max(0, per_country_left.get((code, country), cap or 0)))
        # "At least one of my top-m tours": each manager's seats go through two nodes, one
        # to their top-m tours, one to the rest, which gets one seat fewer (still a flow).
        top_m = instance.top_m
        top_node: dict[int, int] = {}
        rest_node: dict[int, int] = {}
        if top_m is not None:
            base = pair_base + len(pair_node)
            for i, m in enumerate(managers):
                top_node[m], rest_node[m] = base + 2 * i, base + 2 * i + 1
                wish = instance.managers[m]
                left = max(0, k - len(self.forced.get(m, ())))
                has_top = any(wish.ranks[c] <= top_m for c in self.forced.get(m, ()))
                for node, seats in (
                    (top_node[m], left),
                    (rest_node[m], left if has_top else max(0, left - 1)),
                ):
                    tails.append(self.manager_node[m])
                    heads.append(node)
                    capacities.append(seats)
        self.fixed_arcs = len(tails)
        # Placement arcs: manager -> tour (or its country node), one seat each.
        pair_manager: list[int] = []
        pair_tour: list[int] = []
        for m in managers:
            wish = instance.managers[m]
            taken = set(self.forced.get(m, ()))
            for code in tours:
                if code in taken or (m, code) in forbidden:
                    continue
                pair_manager.append(m)
                pair_tour.append(self.tour_index[code])
                if top_m is None:
                    tails.append(self.manager_node[m])
                else:
                    top = wish.ranks[code] <= top_m
                    tails.append(top_node[m] if top else rest_node[m])
                heads.append(
                    pair_node[(code, wish.country)] if cap is not None else self.tour_node[code]
                )
                capacities.append(1)
        self.tails = np.array(tails, dtype=np.int32)
        self.heads = np.array(heads, dtype=np.int32)
        self.capacities = np.array(capacities, dtype=np.int64)
        self.pair_manager = np.array(pair_manager, dtype=np.int64)
        self.pair_tour = np.array(pair_tour, dtype=np.int32)
        self.tours = tours
        ranks = (
            np.array(
                [
                    instance.managers[m].ranks[tours[t]]
                    for m, t in zip(pair_manager, pair_tour, strict=True)
                ],
                dtype=np.int64,
            )
            if pair_manager
            else np.zeros(0, dtype=np.int64)
        )
        self.pair_rank = ranks

    @property
    def needed(self) -> int:
        k = self.instance.per_manager
        return sum(max(0, k - len(self.forced.get(m, ()))) for m in self.managers)

    def max_flow(self, allowed: np.ndarray | None = None) -> int:
        from ortools.graph.python import max_flow

        solver = max_flow.SimpleMaxFlow()
        capacities = self.capacities.copy()
        if allowed is not None:
            capacities[self.fixed_arcs :] = np.where(allowed, capacities[self.fixed_arcs :], 0)
        solver.add_arcs_with_capacity(self.tails, self.heads, capacities)
        status = solver.solve(0, 1)
        if status != solver.OPTIMAL:
            raise BoosterError(_("the flow solver failed (status {status})").format(status=status))
        return int(solver.optimal_flow())

    def min_cost_max_flow(self, allowed: np.ndarray, costs: np.ndarray) -> np.ndarray | None:
        """Placement arcs carrying flow in a max flow of least cost; None if costs overflow."""
        from ortools.graph.python import min_cost_flow

        solver = min_cost_flow.SimpleMinCostFlow()
        capacities = self.capacities.copy()
        capacities[self.fixed_arcs :] = np.where(allowed, capacities[self.fixed_arcs :], 0)
        unit_costs = np.zeros(len(capacities), dtype=np.int64)
        unit_costs[self.fixed_arcs :] = costs
        solver.add_arcs_with_capacity_and_unit_cost(self.tails, self.heads, capacities, unit_costs)
        # The source offers every seat, the sink takes them: the solver sends the most it
        # can (a max flow) at the least cost.
        solver.set_node_supply(0, self.needed)
        solver.set_node_supply(1, -self.needed)
        status = solver.solve_max_flow_with_min_cost()
        if status == solver.BAD_COST_RANGE:
            return None
        if status != solver.OPTIMAL:
            raise BoosterError(_("the flow solver failed (status {status})").format(status=status))
        flows = solver.flows(np.arange(self.fixed_arcs, len(capacities), dtype=np.int32))
        return np.asarray(flows) > 0


# -- solving -----------------------------------------------------------------------------------


def _lottery(instance: Instance, count: int, top: int) -> np.ndarray:
    """Seeded lottery values 0..top for the placement arcs (the same for the same seed)."""
    if top == 0:
        return np.zeros(count, dtype=np.int64)
    generator = np.random.default_rng(instance.seed)
    return generator.integers(0, top + 1, size=count, dtype=np.int64)


def solve(
    instance: Instance, progress: Progress = no_progress, forced: Collection[Pair] = ()
) -> Allocation:
    """The lexicographically best allocation of the instance (see the module's docstring)."""
    if forced:
        instance = _with_pins(instance, forced)
    network = _Network(instance)
    steps = 4
    progress(0, steps, _("Filling the seats"))
    every = np.ones(len(network.pair_manager), dtype=bool)
    best_flow = network.max_flow()
    progress(1, steps, _("Finding the lowest worst rank"))
    # The worst rank already fixed by kept and pinned placements needs no improving on:
    # limiting the free ones below it would cost welfare for no gain at this level.
    fixed_worst = max(
        (instance.managers[m].ranks[c] for m, codes in network.forced.items() for c in codes),
        default=0,
    )
    bottleneck = max(_bottleneck(network, best_flow), fixed_worst)
    allowed = network.pair_rank <= bottleneck if len(network.pair_rank) else every
    progress(2, steps, _("Minimising rank loss"))
    chosen, lottery_top = _welfare_and_ties(network, allowed)
    progress(3, steps, _("Checking the result"))
    assignment: dict[int, list[str]] = {
        m: list(network.forced.get(m, ())) for m in network.managers
    }
    for arc in np.flatnonzero(chosen):
        assignment[int(network.pair_manager[arc])].append(network.tours[network.pair_tour[arc]])
    for m, codes in assignment.items():
        ranks = instance.managers[m].ranks
        codes.sort(key=lambda c: (ranks[c], c))
    allocation = _measure(instance, assignment, lottery_top)
    allocation.overbooked = bool(network.overfull or network.over_cap)
    if allocation.overbooked or allocation.unmet:
        allocation.status = "infeasible"
        allocation.reasons = why_unmet(instance, network, allocation)
    progress(steps, steps, _("Done"))
    return allocation


def _bottleneck(network: _Network, best_flow: int) -> int:
    ranks = network.pair_rank
    if best_flow == 0 or not len(ranks):
        return 0
    low, high = 1, int(ranks.max())
    while low < high:
        middle = (low + high) // 2
        if network.max_flow(ranks <= middle) == best_flow:
            high = middle
        else:
            low = middle + 1
    return low


def _welfare_and_ties(network: _Network, allowed: np.ndarray) -> tuple[np.ndarray, int]:
    instance = network.instance
    gamma = instance.gamma
    scale = 1 if float(gamma).is_integer() else 1000
    # Arcs the worst-rank level removed carry no flow: their cost is set to 0 so that a
    # large gamma on far-down ranks never overflows nor trips the solver's cost range.
    main = np.array(
        [
            round(placement_cost(int(r), gamma) * scale) if keep else 0
            for r, keep in zip(network.pair_rank, allowed, strict=True)
        ],
        dtype=np.int64,
    )
    previous = {(m, c) for m, codes in instance.previous.items() for c in codes}
    moved = np.array(
        [
            0 if (int(m), network.tours[t]) in previous else 1
            for m, t in zip(network.pair_manager, network.pair_tour, strict=True)
        ],
        dtype=np.int64,
    )
    seats = max(1, network.needed)
    worst_main = int(main[allowed].max()) if allowed.any() else 0
    for top in (999, 99, 9, 1, 0):
        # tie = moved x (most lottery a whole allocation can add + 1) + lottery: keeping a
        # previous placement always beats any lottery draw.
        lottery_span = seats * top + 1
        tie_limit = seats * (lottery_span + top)
        multiplier = tie_limit + 1
        if worst_main * multiplier + tie_limit > COST_LIMIT and top > 0:
            continue
        costs = main * multiplier + moved * lottery_span + _lottery(instance, len(main), top)
        chosen = network.min_cost_max_flow(allowed, costs)
        if chosen is not None:
            return chosen, top
    # Even without a lottery the folded cost does not fit: welfare alone, ties as they fall.
    chosen = network.min_cost_max_flow(allowed, main)
    if chosen is None:
        raise BoosterError(_("the costs are too large for the flow solver (lower gamma)"))
    return chosen, 0


def _measure(instance: Instance, assignment: dict[int, list[str]], lottery_top: int) -> Allocation:
    k = instance.per_manager
    placed = sum(len(codes) for codes in assignment.values())
    ranks = [instance.managers[m].ranks[c] for m, codes in assignment.items() for c in codes]
    previous = {(m, c) for m, codes in instance.previous.items() for c in codes}
    moved = sum(1 for m, codes in assignment.items() for c in codes if (m, c) not in previous)
    return Allocation(
        assignment=assignment,
        unmet=k * len(instance.managers) - placed,
        worst_rank=max(ranks, default=0),
        welfare=sum(placement_cost(r, instance.gamma) for r in ranks),
        moved=moved,
        status="optimal",
        lottery_range=lottery_top,
    )


def _with_pins(instance: Instance, pins: Iterable[Pair]) -> Instance:
    pins = tuple(pins)
    return Instance(
        per_manager=instance.per_manager,
        max_per_country=instance.max_per_country,
        tours=instance.tours,
        managers=instance.managers,
        pinned=(*instance.pinned, *pins),
        forbidden=tuple(p for p in instance.forbidden if p not in pins),
        kept=instance.kept,
        previous=instance.previous,
        gamma=instance.gamma,
        seed=instance.seed,
        top_m=instance.top_m,
    )


# -- saying why ---------------------------------------------------------------------------------


def why_unmet(instance: Instance, network: _Network, allocation: Allocation) -> list[str]:
    """Why seats stay unmet, in the coordinator's words, the most binding first."""
    k = instance.per_manager
    reasons: list[str] = []
    needed = k * len(instance.managers)
    offered = sum(instance.tours.values())
    if offered < needed:
        reasons.append(
            ngettext(
                "{count} place wanted, {offered} offered",
                "{count} places wanted, {offered} offered",
                needed,
            ).format(count=needed, offered=offered)
        )
    for code in network.overfull:
        reasons.append(
            _("tour {code} has more kept or pinned managers than places").format(code=code)
        )
    for code, country in network.over_cap:
        reasons.append(
            _(
                "tour {code} has more kept or pinned managers from {value} than the "
                "cap of {max_per_country} per country"
            ).format(
                code=code, value=_country_name(country), max_per_country=instance.max_per_country
            )
        )
    cap = instance.max_per_country
    if cap is not None:
        by_country = Counter(w.country for w in instance.managers.values())
        allowed_places = len(instance.tours) * cap
        for country, count in sorted(by_country.items()):
            if count * k > allowed_places:
                reasons.append(
                    _(
                        "{value} has {count} managers, the cap of {cap} per tour allows {value2}"
                    ).format(
                        value=_country_name(country),
                        count=count,
                        cap=cap,
                        value2=allowed_places // k,
                    )
                )
    forbidden = set(instance.forbidden)
    for manager in instance.managers:
        possible = sum(1 for code in instance.tours if (manager, code) not in forbidden)
        if possible < k:
            reasons.append(
                ngettext(
                    "manager {manager} may join only {count} tour (the others are forbidden)",
                    "manager {manager} may join only {count} tours (the others are forbidden)",
                    possible,
                ).format(manager=manager, count=possible)
            )
    short = [m for m, codes in allocation.assignment.items() if len(codes) < k]
    if not reasons and short:
        shown = ", ".join(str(m) for m in short[:10]) + (" ..." if len(short) > 10 else "")
        reasons.append(
            ngettext(
                "{count} manager ({shown}) cannot be given {k} tours: the places left are on "
                "tours they may not join (forbidden, or their country's cap)",
                "{count} managers ({shown}) cannot be given {k} tours: the places left are on "
                "tours they may not join (forbidden, or their country's cap)",
                len(short),
            ).format(count=len(short), shown=shown, k=k)
        )
    return reasons


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if language() == "fr":  # pycountry's own French names, as the country table has them
        import gettext

        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
        return french.gettext(country.name).removesuffix(", État de")
    return str(getattr(country, "common_name", None) or country.name).removesuffix(", State of")


# -- explanations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForcingCost:
    """What giving one manager one tour would cost the others."""

    welfare_before: float
    welfare_after: float
    moved: dict[int, tuple[list[str], list[str]]]  # manager -> (tours before, tours after)
    feasible: bool

    @property
    def extra(self) -> float:
        return self.welfare_after - self.welfare_before


def cost_of_forcing(
    instance: Instance, allocation: Allocation, manager: int, code: str
) -> ForcingCost:
    """Re-solve with (manager, tour) forced and say who else would move, and how far."""
    try:
        forced = solve(instance, forced=[(manager, code)])
    except BoosterError:
        return ForcingCost(allocation.welfare, math.inf, {}, False)
    moved = {
        m: (allocation.assignment.get(m, []), codes)
        for m, codes in forced.assignment.items()
        if m != manager and sorted(codes) != sorted(allocation.assignment.get(m, []))
    }
    feasible = not forced.overbooked and forced.unmet <= allocation.unmet
    return ForcingCost(allocation.welfare, forced.welfare, moved, feasible)


def explain(instance: Instance, allocation: Allocation, manager: int) -> list[str]:
    """For one manager: the tours given and, for each better tour not given, why not."""
    wish = instance.managers[manager]
    given = allocation.assignment.get(manager, [])
    lines = [
        _("given {code} (rank {value})").format(code=code, value=wish.ranks[code]) for code in given
    ]
    worst = max((wish.ranks[c] for c in given), default=len(instance.tours) + 1)
    forbidden = set(instance.forbidden)
    pinned_elsewhere = {c for m, c in (*instance.kept, *instance.pinned) if m == manager}
    load = Counter(c for codes in allocation.assignment.values() for c in codes)
    country_load = Counter(
        (c, instance.managers[m].country)
        for m, codes in allocation.assignment.items()
        for c in codes
    )
    for code in sorted(instance.tours, key=lambda c: (wish.ranks[c], c)):
        if code in given or wish.ranks[code] >= worst:
            continue
        if (manager, code) in forbidden:
            why = _("forbidden for this manager")
        elif pinned_elsewhere and len(pinned_elsewhere) >= instance.per_manager:
            why = _("the manager's places are pinned or kept on other tours")
        elif load[code] >= instance.tours[code]:
            seats = instance.tours[code]
            why = ngettext("full ({count} place)", "full ({count} places)", seats).format(
                count=seats
            )
        elif (
            instance.max_per_country is not None
            and country_load[(code, wish.country)] >= instance.max_per_country
        ):
            why = _("the cap of {max_per_country} per country is reached").format(
                max_per_country=instance.max_per_country
            )
        else:
            why = _("placing the manager there would cost the others more")
        lines.append(
            _("not {code} (rank {value}): {why}").format(code=code, value=wish.ranks[code], why=why)
        )
    return lines


# -- the obvious methods, for comparison --------------------------------------------------------


def serial_dictatorship(instance: Instance) -> Allocation:
    """Managers in a random (seeded) order each take their best tours with seats left."""
    order = sorted(instance.managers)
    random.Random(instance.seed).shuffle(order)
    return _greedy(instance, [order] * instance.per_manager, one_round=True)


def snake_draft(instance: Instance) -> Allocation:
    """Rounds of one pick each, the (seeded random) order reversed every other round."""
    order = sorted(instance.managers)
    random.Random(instance.seed).shuffle(order)
    rounds = [order if r % 2 == 0 else order[::-1] for r in range(instance.per_manager)]
    return _greedy(instance, rounds, one_round=False)


def _greedy(instance: Instance, rounds: list[list[int]], *, one_round: bool) -> Allocation:
    k, cap = instance.per_manager, instance.max_per_country
    seats = dict(instance.tours)
    per_country: Counter[tuple[str, str]] = Counter()
    forbidden = set(instance.forbidden)
    assignment: dict[int, list[str]] = {m: [] for m in instance.managers}
    for m, code in (*instance.kept, *instance.pinned):
        if m in assignment and code not in assignment[m]:
            assignment[m].append(code)
            seats[code] -= 1
            per_country[(code, instance.managers[m].country)] += 1

    def pick(m: int) -> bool:
        wish = instance.managers[m]
        for code in sorted(instance.tours, key=lambda c: (wish.ranks[c], c)):
            if (
                code in assignment[m]
                or (m, code) in forbidden
                or seats[code] <= 0
                or (cap is not None and per_country[(code, wish.country)] >= cap)
            ):
                continue
            assignment[m].append(code)
            seats[code] -= 1
            per_country[(code, wish.country)] += 1
            return True
        return False

    if one_round:
        for m in rounds[0]:
            for _ in range(k - len(assignment[m])):
                if not pick(m):
                    break
    else:
        for order in rounds:
            for m in order:
                if len(assignment[m]) < k:
                    pick(m)
    for m, codes in assignment.items():
        ranks = instance.managers[m].ranks
        codes.sort(key=lambda c: (ranks[c], c))
    allocation = _measure(instance, assignment, 0)
    allocation.status = "optimal" if allocation.unmet == 0 else "infeasible"
    return allocation


def comparison(instance: Instance, allocation: Allocation) -> dict[str, dict[str, Any]]:
    """The optimum beside serial dictatorship and a snake draft, on the same data."""
    table = {}
    for name, result in (
        ("optimal", allocation),
        ("serial_dictatorship", serial_dictatorship(instance)),
        ("snake_draft", snake_draft(instance)),
    ):
        ranks = [
            instance.managers[m].ranks[c] for m, codes in result.assignment.items() for c in codes
        ]
        table[name] = {
            "complete": result.unmet == 0,
            "unmet_seats": result.unmet,
            "total_rank_loss": sum(r - 1 for r in ranks),
            "worst_rank": result.worst_rank,
            "welfare": round(result.welfare, 6),
            "rank_profile": {str(r): n for r, n in result.rank_profile(instance).items()},
        }
    return table
