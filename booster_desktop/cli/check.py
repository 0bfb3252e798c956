"""`booster check FILE [--verbose]`: integrity, schema and values; names the first problem
(every problem with `--verbose`)."""

from __future__ import annotations

import argparse

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import Command
from booster_desktop.i18n import N_, _, ngettext


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument(
        "--verbose", action="store_true", help=_("list every problem, not the first")
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.programme import programme_problems

    problems = programme_problems(args.file, limit=10_000 if args.verbose else 1)
    if problems and args.verbose:
        for problem in problems:
            print(problem)
        count = len(problems)
        raise BoosterError(
            ngettext("{file}: {count} problem", "{file}: {count} problems", count).format(
                file=args.file, count=count
            )
        )
    if problems:
        raise BoosterError(problems[0])
    print(_("{file}: ok").format(file=args.file))
    return 0


COMMAND = Command("check", N_("check the file's integrity and schema"), _options, _run)
