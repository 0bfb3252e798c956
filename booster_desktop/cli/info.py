"""`booster info FILE`: what the programme holds, in numbers."""

from __future__ import annotations

import argparse

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import print_json
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument("--json", action="store_true", help=_("one JSON object on stdout"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.overview import programme_counts
    from booster_desktop.services.programme import open_programme

    with open_programme(args.file) as programme:
        counts = programme_counts(programme)
    if args.json:
        print_json({k: v for k, v in counts.items() if k != "title"})
        return 0
    print(counts["title"])
    for key, value in counts.items():
        if key != "title":
            print(f"  {key:<11} {value}")
    return 0


COMMAND = Command("info", N_("count what the programme holds"), _options, _run)
