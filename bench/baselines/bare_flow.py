"""Baseline of the allocation rows: one bare solve of the same instance by the same solver.

    python bare_flow.py INSTANCE.json

Reads the instance `booster allocate --json` printed, builds the flow network directly with
numpy (source -> manager, K; manager -> tour, 1, cost rank - 1; tour -> sink, capacity) and
solves one min-cost max flow with OR-Tools. Prints the number of arcs and the flow.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from ortools.graph.python import min_cost_flow


def main(path: str) -> None:
    with Path(path).open(encoding="utf-8") as stream:
        instance = json.load(stream)
    k = instance["per_manager"]
    tours = list(instance["tours"])
    managers = list(instance["managers"])
    tour_node = {code: 2 + len(managers) + i for i, code in enumerate(tours)}
    tails = [0] * len(managers) + [tour_node[c] for c in tours]
    heads = [2 + i for i in range(len(managers))] + [1] * len(tours)
    capacities = [k] * len(managers) + [instance["tours"][c]["capacity"] for c in tours]
    costs = [0] * (len(managers) + len(tours))
    for i, manager in enumerate(managers):
        ranks = instance["managers"][manager]["ranks"]
        for code in tours:
            tails.append(2 + i)
            heads.append(tour_node[code])
            capacities.append(1)
            costs.append(ranks[code] - 1)
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        np.array(tails), np.array(heads), np.array(capacities), np.array(costs)
    )
    solver.set_node_supply(0, k * len(managers))
    solver.set_node_supply(1, -k * len(managers))
    status = solver.solve_max_flow_with_min_cost()
    assert status == solver.OPTIMAL, status
    print(len(tails), solver.maximum_flow())


if __name__ == "__main__":
    main(sys.argv[1])
