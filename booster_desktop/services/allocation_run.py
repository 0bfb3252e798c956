"""One allocation use-case, called by the window's allocation view and `booster allocate`.

It reads the instance from the programme (with the coordinator's pins and forbidden pairs,
checked first), chooses the solver (the flow solver, exact and fast; the integer programme
only for what breaks the flow shape: managers who travel together, and the maximin of each
manager's total), compares the result with the obvious methods, and says it in the
coordinator's words: places wanted, places offered, managers short of their K tours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import ManagerStatus
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.tour import Tour
from booster_desktop.i18n import N_, _, ngettext
from booster_desktop.services import allocation as allocator
from booster_desktop.services.allocation import Allocation, Instance, Pair
from booster_desktop.services.allocation_data import apply_allocation, load_instance, manager_names
from booster_desktop.services.progress import Progress, no_progress
from booster_desktop.store.programme_file import ProgrammeFile

# The word for sum((rank - 1) ** gamma) in every sentence, heading and message.
RANK_LOSS = N_("rank loss")


@dataclass(frozen=True)
class Method:
    """A way to allocate, named as a coordinator would; the technical name for tooltips."""

    label: str
    technical: str
    explanation: str


# The keys are those of `comparison` (and of `allocate --json`), in the order shown.
METHODS: dict[str, Method] = {
    "optimal": Method(
        N_("this allocation"),
        N_("lexicographic optimum of a capacitated b-matching (min-cost flows)"),
        N_("the most places given, then the lowest worst rank, then the least rank loss"),
    ),
    "serial_dictatorship": Method(
        N_("first come, first served in a random order"),
        N_("random serial dictatorship"),
        N_("managers in a random order each take their best tours with places left"),
    ),
    "snake_draft": Method(
        N_("a draft, in turns"),
        N_("snake draft"),
        N_("rounds of one pick each, the random order reversed every other round"),
    ),
}


@dataclass(frozen=True)
class AllocationRequest:
    """What the coordinator asks for: the same choices in the window and on the command line."""

    per_manager: int = 2
    max_per_country: int | None = None
    gamma: float = 1.0
    seed: int | None = None
    top_m: int | None = None
    pins: tuple[Pair, ...] = ()
    forbids: tuple[Pair, ...] = ()
    together: tuple[tuple[int, ...], ...] = ()
    maximin: bool = False
    time_limit: float = 30.0

    @property
    def integer_programme(self) -> bool:
        """Whether the request needs the integer programme (the flow cannot hold it)."""
        return bool(self.together) or self.maximin


@dataclass
class AllocationOutcome:
    """An allocation, what it was asked and solved with, and how it compares."""

    request: AllocationRequest
    instance: Instance
    allocation: Allocation
    comparison: dict[str, dict[str, Any]]
    names: dict[int, str] = field(default_factory=dict)
    gap: float = 0.0  # the integer programme's gap when its time limit came first
    bound: Any = None  # the integer programme's bound (None: the flow levels are proven)

    @property
    def summary(self) -> str:
        return summary(self.instance, self.allocation, self.gap)

    @property
    def stored_when_applied(self) -> bool:
        """Whether Apply stores it without --allow-partial (every place given)."""
        return self.allocation.status != "infeasible"

    def as_json(self, applied: bool) -> dict[str, Any]:
        """The `allocate --json` document (docs/command.md)."""
        result = self.allocation
        return {
            "status": result.status,
            "summary": self.summary,
            "levels": result.levels(),
            "gap": self.gap,
            # The flow levels are proven optimal; the integer programme reports its bound.
            "bound": result.levels() if self.bound is None else self.bound,
            "assignment": {str(m): codes for m, codes in result.assignment.items()},
            "comparison": {
                key: {"method": METHODS[key].label, **row} for key, row in self.comparison.items()
            },
            "reason": "; ".join(result.reasons) or None,
            "applied": applied,
            "instance": {
                **self.instance.as_json(),
                **(
                    {"together": [list(g) for g in self.request.together]}
                    if self.request.together
                    else {}
                ),
                **({"maximin": True} if self.request.maximin else {}),
            },
        }


def parse_pair(text: str) -> Pair:
    """`ID=CODE` (a manager's id and a tour's code, any case) as (id, CODE)."""
    manager, sep, code = text.partition("=")
    try:
        manager_id = int(manager.strip())
    except ValueError:
        manager_id = 0
    if not sep or manager_id < 1 or not code.strip():
        raise ValueError(_("{text!r} is not ID=CODE, e.g. 7=CAT").format(text=text))
    return manager_id, code.strip().upper()


def check_pairs(programme: ProgrammeFile, request: AllocationRequest) -> None:
    """A pin or forbidden pair names an active manager and a tour; never both on one pair."""
    with programme.engine.connect() as connection:
        codes = list(connection.scalars(select(Tour.code).order_by(Tour.start_date, Tour.code)))
        status = {
            manager: state
            for manager, state in connection.execute(select(Manager.id, Manager.status))
        }
    for word, pairs in (("pin", request.pins), ("forbid", request.forbids)):
        for manager, code in pairs:
            where = f"{word} {manager}={code}"
            if code not in codes:
                known = ", ".join(codes) or "none yet"
                raise BoosterError(
                    _("{where}: tour {code!r} does not exist (tours: {known})").format(
                        where=where, code=code, known=known
                    )
                )
            if manager not in status:
                raise BoosterError(
                    _("{where}: manager {manager} does not exist").format(
                        where=where, manager=manager
                    )
                )
            if status[manager] != ManagerStatus.ACTIVE:
                raise BoosterError(
                    _("{where}: manager {manager} is withdrawn (never allocated)").format(
                        where=where, manager=manager
                    )
                )
    both = sorted(set(request.pins) & set(request.forbids))
    if both:
        manager, code = both[0]
        raise BoosterError(
            _("{manager}={code} is both pinned and forbidden").format(manager=manager, code=code)
        )


def run_allocation(
    programme: ProgrammeFile,
    request: AllocationRequest,
    progress: Progress = no_progress,
    *,
    with_names: bool = False,
) -> AllocationOutcome:
    """Allocate as `request` asks: checked, solved by the right solver, compared, summed up
    (`with_names`: and each manager's name, for the window's grid)."""
    check_pairs(programme, request)
    instance = load_instance(
        programme,
        per_manager=request.per_manager,
        max_per_country=request.max_per_country,
        gamma=request.gamma,
        seed=request.seed,
        pinned=request.pins,
        forbidden=request.forbids,
        top_m=request.top_m,
    )
    gap, bound = 0.0, None
    if request.integer_programme:
        from booster_desktop.services.allocation_milp import solve_with_side_constraints

        progress(0, 1, _("Solving the integer programme"))
        milp = solve_with_side_constraints(
            instance,
            together=request.together,
            maximin=request.maximin,
            time_limit=request.time_limit,
        )
        result, gap, bound = milp.allocation, milp.gap, milp.bound
        progress(1, 1, _("Done"))
    else:
        result = allocator.solve(instance, progress=progress)
    compared = allocator.comparison(instance, result)
    names = manager_names(programme) if with_names else {}
    return AllocationOutcome(request, instance, result, compared, names, gap, bound)


def apply_outcome(
    programme: ProgrammeFile,
    outcome: AllocationOutcome,
    waiting: Callable[[], None] | None = None,
) -> Path:
    """Store the allocation as proposed enrolments, after a backup; returns the backup.
    `waiting()` is told before it waits for another coordinator's apply (on a server)."""
    return apply_allocation(programme, outcome.allocation, outcome.instance.basis, waiting)


def summary(instance: Instance, allocation: Allocation, gap: float = 0.0) -> str:
    """The result in the coordinator's words: places wanted, offered and given; managers
    short of their K tours; the worst rank given, the rank loss, what moved; why."""
    k = instance.per_manager
    managers = len(instance.managers)
    wanted = k * managers
    offered = sum(instance.tours.values())
    given = wanted - allocation.unmet
    short = sum(1 for m in instance.managers if len(allocation.assignment.get(m, ())) < k)
    tours = ngettext("{count} tour", "{count} tours", k).format(count=k)
    places = ngettext("{count} place", "{count} places", wanted).format(count=wanted)
    if short == 0:
        head = _(
            "Every manager has their {tours}: {places} wanted, {offered} offered, all given."
        ).format(tours=tours, places=places, offered=offered)
    else:
        head = _(
            "{places} wanted ({managers} x {tours}), {offered} offered, {given} given: "
            "{short} short of their {tours}."
        ).format(
            places=places,
            managers=ngettext("{count} manager", "{count} managers", managers).format(
                count=managers
            ),
            tours=tours,
            offered=offered,
            given=given,
            short=ngettext("{count} manager", "{count} managers", short).format(count=short),
        )
    fairness = (
        _(" (fairness {gamma:g})").format(gamma=instance.gamma) if instance.gamma != 1 else ""
    )
    parts = [
        head,
        _("Worst rank given: {worst}; {rank_loss} {welfare:g}{fairness}.").format(
            worst=allocation.worst_rank,
            rank_loss=_(RANK_LOSS),
            welfare=allocation.welfare,
            fairness=fairness,
        ),
        ngettext(
            "{count} placement differs from the current enrolments.",
            "{count} placements differ from the current enrolments.",
            allocation.moved,
        ).format(count=allocation.moved),
    ]
    if allocation.status == "feasible":
        parts.append(
            _("Not proven the best within the time limit (gap {gap:.2%}).").format(gap=gap)
        )
    if allocation.reasons:
        parts.append(_("Why: ") + "; ".join(allocation.reasons) + ".")
    return " ".join(parts)
