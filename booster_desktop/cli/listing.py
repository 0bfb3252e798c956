"""`booster list managers|topics|tours|sessions FILE`: the programme's lists."""

from __future__ import annotations

import argparse
from typing import Any

from booster_desktop.cli.arguments import UsageError, programme_location
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import print_json, print_table
from booster_desktop.i18n import N_, _

LIST_KINDS = ("managers", "topics", "tours", "sessions")
DOOR_KINDS = ("sessions",)

_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "managers": (
        ("id", "ID"),
        ("given_name", "GIVEN NAME"),
        ("family_name", "FAMILY NAME"),
        ("arabic_name", "ARABIC NAME"),
        ("country", "COUNTRY"),
        ("city", "CITY"),
        ("organisation", "ORGANISATION"),
        ("email", "E-MAIL"),
        ("badge_token", "BADGE TOKEN"),
    ),
    "topics": (("id", "ID"), ("name", "TOPIC"), ("wanted_by", "WANTED BY")),
    "tours": (
        ("code", "CODE"),
        ("title", "TITLE"),
        ("start", "START"),
        ("end", "END"),
        ("capacity", "CAPACITY"),
        ("expected", "EXPECTED"),
    ),
    "sessions": (
        ("id", "ID"),
        ("tour", "TOUR"),
        ("kind", "KIND"),
        ("date", "DATE"),
        ("start", "START"),
        ("end", "END"),
        ("title", "TITLE"),
        ("venue", "VENUE"),
    ),
}


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=LIST_KINDS, metavar="|".join(LIST_KINDS))
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument(
        "--tour", metavar="CODE", help=_("only this tour (managers: expected ones)")
    )
    parser.add_argument("--json", action="store_true", help=_("one JSON array on stdout"))


def _validate(args: argparse.Namespace) -> None:
    if args.tour is not None and args.kind in ("topics", "tours"):
        raise UsageError(
            _("--tour applies to managers and sessions, not {kind}").format(kind=args.kind)
        )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services import listing
    from booster_desktop.services.programme import open_programme

    # Door staff may list the sessions they check people in to.
    with open_programme(args.file, door_may=args.kind in DOOR_KINDS) as programme:
        rows: list[dict[str, Any]]
        if args.kind == "managers":
            rows = listing.list_managers(programme, args.tour)
        elif args.kind == "sessions":
            rows = listing.list_sessions(programme, args.tour)
        elif args.kind == "topics":
            rows = listing.list_topics(programme)
        else:
            rows = listing.list_tours(programme)
    if args.json:
        print_json(rows)
    else:
        print_table(rows, _COLUMNS[args.kind])
    return 0


COMMAND = Command("list", N_("list managers, topics, tours or sessions"), _options, _run, _validate)
