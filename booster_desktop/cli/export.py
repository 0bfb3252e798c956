"""`booster export badges|agenda|ics FILE --tour CODE -o OUT`: printed and calendar materials."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import UsageError, positive
from booster_desktop.cli.commands import Command


def _offset(value: str) -> tuple[float, float]:
    try:
        x, y = (float(part) for part in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not X,Y in millimetres, e.g. 1.5,-2"
        ) from None
    return x, y


def _percentage(value: str) -> float:
    try:
        return float(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a percentage, e.g. 101.5") from None


def add_badge_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `booster export badges` (the other exports refuse them)."""
    badges = parser.add_argument_group("badges")
    badges.add_argument("--layout", metavar="NAME", help="badge layout (default a4-8-90x55)")
    badges.add_argument(
        "--include-staff", action="store_true", help="the tour's experts and host contacts too"
    )
    badges.add_argument(
        "--only-unprinted", action="store_true", help="only badges not printed before"
    )
    badges.add_argument("--reprint", action="store_true", help="print badges printed before")
    badges.add_argument("--back", action="store_true", help="backs for long-edge duplex")
    badges.add_argument(
        "--offset", type=_offset, metavar="X,Y", help="printer offset in mm (right, down)"
    )
    badges.add_argument("--scale", type=_percentage, metavar="PCT", help="printer scale in %%")
    badges.add_argument(
        "--calibration", action="store_true", help="the layout's calibration page instead"
    )
    badges.add_argument(
        "--reissue",
        action="store_true",
        help="lost badges: revoke the --manager's tokens, print with new ones",
    )


BADGE_ONLY = (
    "layout",
    "include_staff",
    "only_unprinted",
    "reprint",
    "back",
    "offset",
    "scale",
    "calibration",
    "reissue",
)


def badge_options_given(args: argparse.Namespace) -> list[str]:
    """The badge options given on a command line (for refusing them on other exports)."""
    return [
        "--" + name.replace("_", "-")
        for name in BADGE_ONLY
        if getattr(args, name) not in (None, False)
    ]


def export_badges(args: argparse.Namespace) -> int:
    """`booster export badges FILE ... -o OUT.pdf`."""
    from booster_desktop.cli.output import terminal_progress
    from booster_desktop.services import badges
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.progress import no_progress

    offset = args.offset or (0.0, 0.0)
    correction = badges.PrinterCorrection(
        offset[0], offset[1], 100.0 if args.scale is None else args.scale
    )
    layout = args.layout or badges.DEFAULT_LAYOUT
    if args.calibration:
        chosen = badges.export_calibration(args.output, layout, correction)
        print(f"Wrote {args.output} (calibration page of {chosen.name})")
        return 0
    request = badges.BadgeRequest(
        tour=args.tour,
        managers=tuple(args.manager or ()),
        confirmed_only=args.confirmed_only,
        include_staff=args.include_staff,
        only_unprinted=args.only_unprinted,
    )
    bar = terminal_progress(quiet=False)
    try:
        with open_programme(args.file, writable=True) as programme:
            done = badges.export_badges(
                programme,
                args.output,
                request,
                layout=layout,
                correction=correction,
                back=args.back,
                reprint=args.reprint,
                reissue=args.reissue,
                progress=bar or no_progress,
            )
    finally:
        if bar is not None:
            bar.close()
    again = f", {len(done.reprinted)} reprinted" if done.reprinted else ""
    print(f"Wrote {args.output} ({done.badges} badges on {done.pages} pages, {done.layout}{again})")
    for note in done.shortened:
        print(f"Note: {note}")
    return 0


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=("badges", "agenda", "ics"), metavar="badges|agenda|ics")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--tour", metavar="CODE", help="the tour")
    parser.add_argument(
        "--manager",
        type=positive,
        action="append",
        metavar="ID",
        help="a manager's personal agenda (their tours, their name); badges: these managers "
        "(repeat for several)",
    )
    parser.add_argument(
        "--confirmed-only",
        action="store_true",
        help="agenda: list only confirmed participants (proposed ones are marked otherwise); "
        "badges: only confirmed managers",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    add_badge_arguments(parser)


def _validate(args: argparse.Namespace) -> None:
    if args.what == "badges":
        return
    given = badge_options_given(args)
    if given:
        raise UsageError(f"{given[0]} is for badges, not {args.what}")
    if args.manager is not None and len(args.manager) > 1:
        raise UsageError(f"export {args.what}: --manager takes one manager")
    if args.tour is None and args.manager is None:
        raise UsageError("--tour CODE is required (or --manager ID for a personal agenda)")


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services import agenda
    from booster_desktop.services.programme import open_programme

    if args.what == "badges":
        return export_badges(args)
    write = {"agenda": agenda.export_agenda, "ics": agenda.export_calendar}[args.what]
    manager = args.manager[0] if args.manager else None
    with open_programme(args.file) as programme:
        written = write(
            programme,
            args.output,
            tour=args.tour,
            manager=manager,
            confirmed_only=args.confirmed_only,
        )
    items = sum(len(t.items) for t in written.tours)
    print(f"Wrote {args.output} ({', '.join(t.code for t in written.tours)}, {items} items)")
    for note in written.shortened:
        print(f"Note: {note}")
    return 0


COMMAND = Command(
    "export",
    "badges, or a tour's agenda as a PDF booklet or a calendar",
    _options,
    _run,
    _validate,
)
