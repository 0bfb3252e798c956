"""`booster new FILE`: an empty programme file."""

from __future__ import annotations

import argparse

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import Command
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument("--title", help=_("the programme's title (default: the file's name)"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import new_programme

    new_programme(args.file, title=args.title)
    print(_("Created {file}").format(file=args.file))
    return 0


COMMAND = Command("new", N_("create an empty programme file"), _options, _run)
