"""What a command module declares: its name, help, options and handler, in one place."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from booster_desktop.i18n import _

PROG = "booster"
LANGUAGE_CHOICES = ("system", "en", "fr")


def add_language_option(parser: argparse.ArgumentParser, default: Any, shown: bool) -> None:
    """`--lang`: the language of messages and printed materials for this run."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGE_CHOICES,
        default=default,
        # Said once, in `booster --help`; each command takes it without repeating it.
        help=_(
            "the language of messages and printed materials, before or after the "
            "command (default: the language setting)"
        )
        if shown
        else argparse.SUPPRESS,
    )


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
            self.name, help=_(self.help), description=_(self.help)
        )
        self.options(parser)
        # Accepted after the command too (`booster export agenda ... --lang fr`); SUPPRESS
        # keeps a `--lang` given before the command when this one is absent.
        add_language_option(parser, argparse.SUPPRESS, shown=False)
        parser.set_defaults(command_declaration=self, command_parser=parser)
        return parser
