"""Argument types and usage errors shared by the commands (and by `python -m bench`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from booster_desktop.i18n import _


class UsageError(Exception):
    """A combination of options that cannot go together: exit 2, as argparse's own errors."""


def whole_number(minimum: int, maximum: int = 2**63 - 1) -> Callable[[str], int]:
    """An argparse type: a whole number from `minimum` up (`python -m bench` uses it too); at
    most `maximum` (by default the largest id a programme file can hold)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("{value!r} is not a whole number").format(value=value)
            ) from None
        if number < minimum:
            raise argparse.ArgumentTypeError(
                _("{value} is not {minimum} or more").format(value=value, minimum=minimum)
            )
        if number > maximum:
            raise argparse.ArgumentTypeError(
                _("{value} is too large (at most {maximum})").format(
                    value=value[:30], maximum=maximum
                )
            )
        return number

    return parse


positive = whole_number(1)


def programme_location(value: str) -> object:
    """A programme FILE, or a programme on a server: postgresql://user@host[:port]/database
    (a password in it is used, never shown; better kept in the keyring)."""
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.programme import parse_location

    try:
        return parse_location(value)
    except BoosterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def server_address(value: str) -> object:
    """A programme on a server only (push's target, pull's source)."""
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.programme import is_server_text, parse_server

    if not is_server_text(value):
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a server address: write postgresql://user@host/database").format(
                value=value
            )
        )
    try:
        return parse_server(value)
    except BoosterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def file_and_server(
    parser: argparse.ArgumentParser, *, server_first: bool, file_help: str, server_help: str
) -> None:
    """The two places of a push (FILE URL) or a pull (URL FILE), in the order it copies:
    a programme file (`args.file`) and a programme on a server (`args.url`)."""
    from pathlib import Path

    def add_file() -> None:
        parser.add_argument("file", type=Path, metavar="FILE", help=file_help)

    def add_url() -> None:
        parser.add_argument("url", type=server_address, metavar="URL", help=server_help)

    for add in (add_url, add_file) if server_first else (add_file, add_url):
        add()


def id_list(value: str) -> list[int]:
    """Manager ids separated by commas, at least two (`--together 3,17`)."""
    try:
        ids = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not manager ids, e.g. 3,17").format(value=value)
        ) from None
    if len(ids) < 2:
        raise argparse.ArgumentTypeError(
            _("{value!r}: name at least two managers").format(value=value)
        )
    return ids


def seconds(value: str) -> float:
    """A duration in seconds, up to a day."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a number of seconds").format(value=value)
        ) from None
    if not 0 < number <= 24 * 3600:
        raise argparse.ArgumentTypeError(
            _("{value} is not between 0 and a day (in seconds)").format(value=value)
        )
    return number


def gamma(value: str) -> float:
    """The allocation's fairness exponent, above 0 and at most 10."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a number").format(value=value)
        ) from None
    if not 0 < number <= 10:
        raise argparse.ArgumentTypeError(_("{value} is not between 0 and 10").format(value=value))
    return number
