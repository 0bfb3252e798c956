"""The 24-manager allocation in-process: ours (load, all levels) beside one bare solve.

    python allocation_timings.py FILE

Prints one JSON object: seconds for ours (load_instance + solve, every level) and for one
bare min-cost flow solve of the same instance built directly.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
from ortools.graph.python import min_cost_flow

from booster_desktop.services.allocation import solve
from booster_desktop.services.allocation_data import load_instance
from booster_desktop.services.programme import open_programme


def bare(instance: object) -> None:
    k = instance.per_manager  # type: ignore[attr-defined]
    tours = list(instance.tours)  # type: ignore[attr-defined]
    managers = list(instance.managers)  # type: ignore[attr-defined]
    node = {code: 2 + len(managers) + i for i, code in enumerate(tours)}
    tails = [0] * len(managers) + [node[c] for c in tours]
    heads = [2 + i for i in range(len(managers))] + [1] * len(tours)
    capacities = [k] * len(managers) + [instance.tours[c] for c in tours]  # type: ignore[attr-defined]
    costs = [0] * len(tails)
    for i, manager in enumerate(managers):
        for code in tours:
            tails.append(2 + i)
            heads.append(node[code])
            capacities.append(1)
            costs.append(instance.managers[manager].ranks[code] - 1)  # type: ignore[attr-defined]
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        np.array(tails), np.array(heads), np.array(capacities), np.array(costs)
    )
    solver.set_node_supply(0, k * len(managers))
    solver.set_node_supply(1, -k * len(managers))
    solver.solve_max_flow_with_min_cost()


def main(path: str) -> None:
    with open_programme(Path(path)) as programme:
        load_instance(programme)  # warm: imports, first queries
        start = time.perf_counter()
        instance = load_instance(programme)
        solve(instance)
        ours = time.perf_counter() - start
    start = time.perf_counter()
    bare(instance)
    print(json.dumps({"ours": ours, "bare": time.perf_counter() - start}))


if __name__ == "__main__":
    main(sys.argv[1])
