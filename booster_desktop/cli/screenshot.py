"""`booster screenshot FILE --tab NAME -o OUT.png`: the main window rendered headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import Command
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument(
        "--tab",
        type=str.lower,
        default="managers",
        choices=("managers", "topics", "tours", "visits"),
        metavar="NAME",
        help=_("managers, topics, tours or visits (any case; default managers)"),
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png")


def _run(args: argparse.Namespace) -> int:
    # The one command that loads Qt, imported here and nowhere else, so that every other
    # command stays headless (docs/architecture.md, the layers).
    from booster_desktop.ui.screenshot import render_window

    render_window(args.file, args.output, args.tab)
    print(_("Wrote {output}").format(output=args.output))
    return 0


COMMAND = Command("screenshot", N_("render the main window headless to a PNG"), _options, _run)
