"""`booster export agenda|ics FILE --tour CODE -o OUT`: printed and calendar materials."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import UsageError, positive
from booster_desktop.cli.commands import Command


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=("agenda", "ics"), metavar="agenda|ics")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--tour", metavar="CODE", help="the tour")
    parser.add_argument(
        "--manager",
        type=positive,
        metavar="ID",
        help="a manager's personal agenda (their tours, their name)",
    )
    parser.add_argument(
        "--confirmed-only",
        action="store_true",
        help="agenda: list only confirmed participants (proposed ones are marked otherwise)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")


def _validate(args: argparse.Namespace) -> None:
    if args.tour is None and args.manager is None:
        raise UsageError("--tour CODE is required (or --manager ID for a personal agenda)")


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services import agenda
    from booster_desktop.services.programme import open_programme

    write = {"agenda": agenda.export_agenda, "ics": agenda.export_calendar}[args.what]
    with open_programme(args.file) as programme:
        written = write(
            programme,
            args.output,
            tour=args.tour,
            manager=args.manager,
            confirmed_only=args.confirmed_only,
        )
    items = sum(len(t.items) for t in written.tours)
    print(f"Wrote {args.output} ({', '.join(t.code for t in written.tours)}, {items} items)")
    for note in written.shortened:
        print(f"Note: {note}")
    return 0


COMMAND = Command(
    "export", "a tour's agenda as a PDF booklet or a calendar", _options, _run, _validate
)
