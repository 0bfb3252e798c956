"""`booster demand FILE`: topic demand, who wants what, by rank."""

from __future__ import annotations

import argparse

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import print_json, print_table
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument("--json", action="store_true", help=_("one JSON array on stdout"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.demand import topic_demand
    from booster_desktop.services.programme import open_programme

    with open_programme(args.file) as programme:
        demand = topic_demand(programme)
    if args.json:
        print_json([d.as_json() for d in demand])
        return 0
    ranks = sorted({r for d in demand for r in d.by_rank})[:5]
    rows = [
        {
            "name": d.name + (_(" (priority)") if d.is_priority else ""),
            "wanted_by": d.wanted_by,
            **{f"r{r}": d.by_rank.get(r, 0) for r in ranks},
            "score": f"{d.score:.2f}",
            "tours": ", ".join(d.tours) or (_("none: uncovered") if d.uncovered else ""),
        }
        for d in demand
    ]
    ordinal = {1: "1ST", 2: "2ND", 3: "3RD"}
    print_table(
        rows,
        [
            ("name", "TOPIC"),
            ("wanted_by", "WANTED BY"),
            *((f"r{r}", ordinal.get(r, f"{r}TH")) for r in ranks),
            ("score", "SCORE"),
            ("tours", "TOURS"),
        ],
    )
    uncovered = [d.name for d in demand if d.uncovered]
    if uncovered:
        print(_("Wanted, but no tour focuses on: {value}").format(value=", ".join(uncovered)))
    return 0


COMMAND = Command("demand", N_("topic demand: who wants what, by rank"), _options, _run)
