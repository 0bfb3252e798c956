"""What a command module declares: its name, help, options and handler, in one place."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PROG = "booster"


def _no_check(args: argparse.Namespace) -> None:
    return None


@dataclass(frozen=True)
class Command:
    """One `booster` sub-command.

    `options` adds the command's arguments to its sub-parser; `validate` raises
    `UsageError` for combinations argparse cannot express (exit 2, like argparse's own);
    `handler` does the work and returns the exit code (a `BoosterError` becomes exit 1).
    """

    name: str
    help: str
    options: Callable[[argparse.ArgumentParser], None]
    handler: Callable[[argparse.Namespace], int]
    validate: Callable[[argparse.Namespace], None] = _no_check

    def add_to(self, subparsers: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = subparsers.add_parser(
            self.name, help=self.help, description=self.help
        )
        self.options(parser)
        parser.set_defaults(command_declaration=self, command_parser=parser)
        return parser
