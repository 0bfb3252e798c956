"""`booster check FILE`: integrity and schema; names the first problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.commands import Command


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.programme import check_programme

    problem = check_programme(args.file)
    if problem is not None:
        raise BoosterError(problem)
    print(f"{args.file}: ok")
    return 0


COMMAND = Command("check", "check the file's integrity and schema", _options, _run)
