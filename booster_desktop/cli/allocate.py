"""`booster allocate FILE`: managers to tours by the topics they want, optimally."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from booster_desktop.cli.arguments import (
    UsageError,
    gamma,
    id_list,
    positive,
    seconds,
    whole_number,
)
from booster_desktop.cli.commands import PROG, Command
from booster_desktop.cli.output import print_json, print_table, terminal_progress


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--per-manager",
        type=positive,
        default=2,
        metavar="K",
        help="tours each manager joins (default 2)",
    )
    parser.add_argument(
        "--max-per-country",
        type=positive,
        default=None,
        metavar="N",
        help="at most N managers of one country per tour",
    )
    parser.add_argument(
        "--gamma",
        type=gamma,
        default=1.0,
        metavar="G",
        help="fairness: 1 weighs every rank step alike; more spares the worst-off (default 1)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number(0),
        default=None,
        metavar="S",
        help="the lottery's seed (default: the programme's own)",
    )
    parser.add_argument(
        "--top-m",
        type=positive,
        default=None,
        metavar="M",
        help="each manager gets at least one of their M most wanted tours",
    )
    parser.add_argument(
        "--together",
        action="append",
        default=[],
        metavar="ID,ID[,...]",
        type=id_list,
        help="these managers travel together (the same tours); solved as "
        "an integer programme with a time limit",
    )
    parser.add_argument(
        "--maximin",
        action="store_true",
        help="also make the worst-off manager's total rank loss as small "
        "as possible (integer programme)",
    )
    parser.add_argument(
        "--time-limit",
        type=seconds,
        default=30.0,
        metavar="SECONDS",
        help="for --together and --maximin (default 30)",
    )
    parser.add_argument(
        "--apply",
        action="store_true",
        help="store the allocation as proposed enrolments (after a backup)",
    )
    parser.add_argument(
        "--allow-partial",
        action="store_true",
        help="with --apply: store the best partial allocation too",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")


def _validate(args: argparse.Namespace) -> None:
    if args.allow_partial and not args.apply:
        raise UsageError("--allow-partial goes with --apply")


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services import allocation
    from booster_desktop.services.allocation_data import apply_allocation, load_instance
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.progress import no_progress

    bar = terminal_progress(quiet=args.json)
    try:
        with open_programme(args.file, writable=args.apply) as programme:
            instance = load_instance(
                programme,
                per_manager=args.per_manager,
                max_per_country=args.max_per_country,
                gamma=args.gamma,
                seed=args.seed,
                top_m=args.top_m,
            )
            gap, bound = 0.0, None
            if args.together or args.maximin:
                from booster_desktop.services.allocation_milp import solve_with_side_constraints

                milp = solve_with_side_constraints(
                    instance,
                    together=args.together,
                    maximin=args.maximin,
                    time_limit=args.time_limit,
                )
                result, gap, bound = milp.allocation, milp.gap, milp.bound
            else:
                result = allocation.solve(instance, progress=bar or no_progress)
            compared = allocation.comparison(instance, result)
            applied = None
            if args.apply and (result.status != "infeasible" or args.allow_partial):
                applied = apply_allocation(programme, result)
    finally:
        if bar is not None:
            bar.close()
    reason = "; ".join(result.reasons)
    if args.json:
        print_json(
            {
                "status": result.status,
                "levels": result.levels(),
                "gap": gap,
                # The flow levels are proven optimal; the integer programme reports its bound.
                "bound": result.levels() if bound is None else bound,
                "assignment": {str(m): codes for m, codes in result.assignment.items()},
                "comparison": compared,
                "reason": reason or None,
                "applied": applied is not None,
                "instance": {
                    **instance.as_json(),
                    **({"together": args.together} if args.together else {}),
                    **({"maximin": True} if args.maximin else {}),
                },
            }
        )
    else:
        _print_allocation(result, compared, applied)
    if gap:
        print(f"not proven optimal within the time limit: gap {gap:.2%}")
    if result.status == "infeasible":
        print(f"{PROG}: no full allocation: {reason}", file=sys.stderr)
        if args.apply and not args.allow_partial:
            print(
                f"{PROG}: nothing was written; --allow-partial stores the best partial allocation",
                file=sys.stderr,
            )
            return 1
        return 0 if applied is not None else 1
    return 0


def _print_allocation(result: Any, compared: dict[str, dict[str, Any]], applied: Any) -> None:
    levels = result.levels()
    print(
        f"{result.status}: {levels['unmet_seats']} unmet seats, worst rank "
        f"{levels['worst_rank']}, welfare {levels['welfare']:g}, "
        f"{levels['moved_from_previous']} placements differ from the current ones"
    )
    rows = [
        {
            "method": name.replace("_", " "),
            "complete": "yes" if row["complete"] else f"no ({row['unmet_seats']} unmet)",
            "loss": row["total_rank_loss"],
            "worst": row["worst_rank"],
            "profile": ", ".join(f"{n}x rank {r}" for r, n in row["rank_profile"].items()),
        }
        for name, row in compared.items()
    ]
    print_table(
        rows,
        [
            ("method", "METHOD"),
            ("complete", "COMPLETE"),
            ("loss", "RANK LOSS"),
            ("worst", "WORST RANK"),
            ("profile", "RANK PROFILE"),
        ],
    )
    if applied is not None:
        print(f"Stored as proposed enrolments; the file as it was is at {applied}")


COMMAND = Command(
    "allocate",
    "allocate managers to tours by the topics they want (optimal)",
    _options,
    _run,
    _validate,
)
