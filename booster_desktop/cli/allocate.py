"""`booster allocate FILE`: managers to tours by the topics they want, optimally."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from booster_desktop.cli.arguments import (
    UsageError,
    gamma,
    id_list,
    positive,
    programme_location,
    seconds,
    whole_number,
)
from booster_desktop.cli.commands import PROG, Command
from booster_desktop.cli.output import print_json, print_table, terminal_progress
from booster_desktop.i18n import N_, _


def _pair(value: str) -> tuple[int, str]:
    """`ID=CODE`, for --pin and --forbid."""
    from booster_desktop.services.allocation_run import parse_pair

    try:
        return parse_pair(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument(
        "--per-manager",
        type=positive,
        default=2,
        metavar="K",
        help=_("tours each manager joins (default 2)"),
    )
    parser.add_argument(
        "--max-per-country",
        type=positive,
        default=None,
        metavar="N",
        help=_("at most N managers of one country per tour"),
    )
    parser.add_argument(
        "--gamma",
        type=gamma,
        default=1.0,
        metavar="G",
        help=_("fairness: 1 weighs every rank step alike; more spares the worst-off (default 1)"),
    )
    parser.add_argument(
        "--seed",
        type=whole_number(0),
        default=None,
        metavar="S",
        help=_("the lottery's seed (default: the programme's own)"),
    )
    parser.add_argument(
        "--top-m",
        type=positive,
        default=None,
        metavar="M",
        help=_("each manager gets at least one of their M most wanted tours"),
    )
    parser.add_argument(
        "--pin",
        action="append",
        default=[],
        type=_pair,
        metavar="ID=CODE",
        help=_("give manager ID tour CODE whatever it costs the others (repeatable)"),
    )
    parser.add_argument(
        "--forbid",
        action="append",
        default=[],
        type=_pair,
        metavar="ID=CODE",
        help=_("never give manager ID tour CODE (repeatable)"),
    )
    parser.add_argument(
        "--together",
        action="append",
        default=[],
        metavar="ID,ID[,...]",
        type=id_list,
        help=_(
            "these managers travel together (the same tours); solved as an integer "
            "programme with a time limit"
        ),
    )
    parser.add_argument(
        "--maximin",
        action="store_true",
        help=_(
            "also make the worst-off manager's total rank loss as small as "
            "possible (integer programme)"
        ),
    )
    parser.add_argument(
        "--time-limit",
        type=seconds,
        default=30.0,
        metavar="SECONDS",
        help=_("for --together and --maximin (default 30)"),
    )
    parser.add_argument(
        "--apply",
        action="store_true",
        help=_("store the allocation as proposed enrolments (after a backup)"),
    )
    parser.add_argument(
        "--allow-partial",
        action="store_true",
        help=_("with --apply: store the best partial allocation too"),
    )
    parser.add_argument("--json", action="store_true", help=_("one JSON object on stdout"))


def _validate(args: argparse.Namespace) -> None:
    if args.allow_partial and not args.apply:
        raise UsageError(_("--allow-partial goes with --apply"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.allocation_run import (
        AllocationRequest,
        apply_outcome,
        run_allocation,
    )
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.progress import no_progress

    request = AllocationRequest(
        per_manager=args.per_manager,
        max_per_country=args.max_per_country,
        gamma=args.gamma,
        seed=args.seed,
        top_m=args.top_m,
        pins=tuple(args.pin),
        forbids=tuple(args.forbid),
        together=tuple(tuple(group) for group in args.together),
        maximin=args.maximin,
        time_limit=args.time_limit,
    )
    with open_programme(args.file, writable=args.apply) as programme:
        bar = terminal_progress(quiet=args.json)
        try:
            outcome = run_allocation(programme, request, progress=bar or no_progress)
        finally:
            if bar is not None:
                bar.close()  # before the line an apply that waits says
        applied = None
        if args.apply and (outcome.stored_when_applied or args.allow_partial):
            applied = apply_outcome(programme, outcome, waiting=_say_waiting)
    if args.json:
        print_json(outcome.as_json(applied is not None))
    else:
        _print_allocation(outcome, applied)
    if outcome.allocation.status == "infeasible":
        reason = "; ".join(outcome.allocation.reasons)
        print(
            _("{PROG}: no full allocation: {reason}").format(PROG=PROG, reason=reason),
            file=sys.stderr,
        )
        if args.apply and not args.allow_partial:
            print(
                _(
                    "{PROG}: nothing was written; --allow-partial stores the best partial "
                    "allocation"
                ).format(PROG=PROG),
                file=sys.stderr,
            )
            return 1
        return 0 if applied is not None else 1
    return 0


def _say_waiting() -> None:
    """Said before an apply waits for another coordinator's (a programme on a server): the
    command may sit silent for as long as the other one takes."""
    print(
        _("{PROG}: waiting for another coordinator's allocation to finish…").format(PROG=PROG),
        file=sys.stderr,
        flush=True,
    )


def _print_allocation(outcome: Any, applied: Any) -> None:
    from booster_desktop.services.allocation_run import METHODS, RANK_LOSS

    # The same sentence the window's allocation view shows.
    print(outcome.summary)
    rows = [
        {
            "method": METHODS[key].label,
            "complete": _("yes")
            if row["complete"]
            else _("no, {value} places not given").format(value=row["unmet_seats"]),
            "loss": f"{row['welfare']:g}",  # the rank loss of the summary, gamma included
            "worst": row["worst_rank"],
            "profile": ", ".join(
                _("{n}x rank {r}").format(n=n, r=r) for r, n in row["rank_profile"].items()
            ),
        }
        for key, row in outcome.comparison.items()
    ]
    print_table(
        rows,
        [
            ("method", "METHOD"),
            ("complete", "EVERY PLACE GIVEN"),
            ("loss", RANK_LOSS.upper()),
            ("worst", "WORST RANK"),
            ("profile", "RANK PROFILE"),
        ],
    )
    if applied is not None:
        print(
            _("Stored as proposed enrolments; the file as it was is at {applied}").format(
                applied=applied
            )
        )


COMMAND = Command(
    "allocate",
    N_("allocate managers to tours by the topics they want (optimal)"),
    _options,
    _run,
    _validate,
)
