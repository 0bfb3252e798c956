"""The `booster` command: everything the window does, headless, for scripts, tests and benchmarks.

Exit codes: 0 success; 1 a user error or refused input (one line on stderr, no traceback);
2 a usage error (argparse's convention). Services are imported inside each command so that a
quick command never pays for what another needs (and headless commands never load Qt).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from booster_desktop import __version__

PROG = "booster"
LIST_KINDS = ("managers", "topics", "tours", "sessions")


# -- output helpers -----------------------------------------------------------------------------


def _print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> None:
    """Rows as aligned columns under a header; `columns` is (key, heading)."""
    cells = [[heading for _, heading in columns]]
    cells += [["" if row[key] is None else str(row[key]) for key, _ in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    for line in cells:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        sys.stdout.write("\n")


class _TerminalProgress:
    """A tqdm bar on stderr, created on first report, drawn only if the work lasts over 1 s."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, done: int, total: int, what: str) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, delay=1.0, file=sys.stderr, leave=False, unit="step")
        self._bar.total = total
        self._bar.n = done
        self._bar.set_description_str(what)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _progress(quiet: bool) -> _TerminalProgress | None:
    """A progress bar when stderr is a terminal and output is for a person, else None."""
    return None if quiet or not sys.stderr.isatty() else _TerminalProgress()


# -- commands -----------------------------------------------------------------------------------


def _cmd_new(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import new_programme

    new_programme(args.file, title=args.title)
    print(f"Created {args.file}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.demo import write_demo
    from booster_desktop.services.progress import no_progress

    if args.file.exists() and not args.force:
        raise BoosterError(f"{args.file}: already exists (use --force to replace it)")
    bar = _progress(quiet=False)
    try:
        write_demo(
            args.file,
            managers=args.managers,
            seed=args.seed,
            replace=args.force,
            progress=bar or no_progress,
        )
    finally:
        if bar is not None:
            bar.close()
    print(f"Wrote the demo programme ({args.managers} managers) to {args.file}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from booster_desktop.services.overview import programme_counts
    from booster_desktop.services.programme import open_programme

    with open_programme(args.file) as programme:
        counts = programme_counts(programme)
    if args.json:
        _print_json({k: v for k, v in counts.items() if k != "title"})
        return 0
    print(counts["title"])
    for key, value in counts.items():
        if key != "title":
            print(f"  {key:<11} {value}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.programme import check_programme

    problem = check_programme(args.file)
    if problem is not None:
        raise BoosterError(problem)
    print(f"{args.file}: ok")
    return 0


_LIST_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "managers": (
        ("id", "ID"),
        ("given_name", "GIVEN NAME"),
        ("family_name", "FAMILY NAME"),
        ("arabic_name", "ARABIC NAME"),
        ("country", "COUNTRY"),
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


def _cmd_list(args: argparse.Namespace) -> int:
    from booster_desktop.services import listing
    from booster_desktop.services.programme import open_programme

    with open_programme(args.file) as programme:
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
        _print_json(rows)
    else:
        _print_table(rows, _LIST_COLUMNS[args.kind])
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import backup_programme

    backup_programme(args.file, args.output)
    print(f"Backed up {args.file} to {args.output}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from booster_desktop.services.importing import import_file
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.progress import no_progress

    bar = _progress(quiet=args.json)
    try:
        with open_programme(args.file, writable=not args.dry_run) as programme:
            report = import_file(
                programme,
                args.source,
                sheet=args.sheet,
                mapping=args.map,
                dry_run=args.dry_run,
                skip_invalid=args.skip_invalid,
                progress=bar or no_progress,
            )
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        _print_json(report.as_json())
    else:
        for problem in report.errors:
            print(problem, file=sys.stderr)
        for heading in report.ignored_columns:
            print(f"ignored column: {heading}", file=sys.stderr)
        print(report.summary(), file=sys.stderr if report.refused else sys.stdout)
    return 1 if report.refused else 0


def _cmd_demand(args: argparse.Namespace) -> int:
    from booster_desktop.services.demand import topic_demand
    from booster_desktop.services.programme import open_programme

    with open_programme(args.file) as programme:
        demand = topic_demand(programme)
    if args.json:
        _print_json([d.as_json() for d in demand])
        return 0
    ranks = sorted({r for d in demand for r in d.by_rank})[:5]
    rows = [
        {
            "name": d.name + (" (priority)" if d.is_priority else ""),
            "wanted_by": d.wanted_by,
            **{f"r{r}": d.by_rank.get(r, 0) for r in ranks},
            "score": f"{d.score:.2f}",
            "tours": ", ".join(d.tours) or ("none: uncovered" if d.uncovered else ""),
        }
        for d in demand
    ]
    ordinal = {1: "1ST", 2: "2ND", 3: "3RD"}
    _print_table(
        rows,
        [
            ("name", "TOPIC"),
            ("wanted_by", "WANTED BY"),
            *((f"r{r}", ordinal.get(r, f"{r}TH")) for r in ranks),
            ("score", "SCORE"),
            ("tours", "TOURS"),
        ],
    )
    uncovered = [d.name for d in demand if d.uncovered]
    if uncovered:
        print(f"Wanted, but no tour focuses on: {', '.join(uncovered)}")
    return 0


def _cmd_allocate(args: argparse.Namespace) -> int:
    from booster_desktop.services import allocation
    from booster_desktop.services.allocation_data import apply_allocation, load_instance
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.progress import no_progress

    bar = _progress(quiet=args.json)
    try:
        with open_programme(args.file, writable=args.apply) as programme:
            instance = load_instance(
                programme,
                per_manager=args.per_manager,
                max_per_country=args.max_per_country,
                gamma=args.gamma,
                seed=args.seed,
                top_m=args.top_m,
            )
            gap, bound = 0.0, None
            if args.together or args.maximin:
                from booster_desktop.services.allocation_milp import solve_with_side_constraints

                milp = solve_with_side_constraints(
                    instance,
                    together=args.together,
                    maximin=args.maximin,
                    time_limit=args.time_limit,
                )
                result, gap, bound = milp.allocation, milp.gap, milp.bound
            else:
                result = allocation.solve(instance, progress=bar or no_progress)
            compared = allocation.comparison(instance, result)
            applied = None
            if args.apply and (result.status != "infeasible" or args.allow_partial):
                applied = apply_allocation(programme, result)
    finally:
        if bar is not None:
            bar.close()
    reason = "; ".join(result.reasons)
    if args.json:
        _print_json(
            {
                "status": result.status,
                "levels": result.levels(),
                "gap": gap,
                # The flow levels are proven optimal; the integer programme reports its bound.
                "bound": result.levels() if bound is None else bound,
                "assignment": {str(m): codes for m, codes in result.assignment.items()},
                "comparison": compared,
                "reason": reason or None,
                "applied": applied is not None,
                "instance": {
                    **instance.as_json(),
                    **({"together": args.together} if args.together else {}),
                    **({"maximin": True} if args.maximin else {}),
                },
            }
        )
    else:
        _print_allocation(result, compared, applied)
    if gap:
        print(f"not proven optimal within the time limit: gap {gap:.2%}")
    if result.status == "infeasible":
        print(f"{PROG}: no full allocation: {reason}", file=sys.stderr)
        if args.apply and not args.allow_partial:
            print(
                f"{PROG}: nothing was written; --allow-partial stores the best partial allocation",
                file=sys.stderr,
            )
            return 1
        return 0 if applied is not None else 1
    return 0


def _print_allocation(result: Any, compared: dict[str, dict[str, Any]], applied: Any) -> None:
    levels = result.levels()
    print(
        f"{result.status}: {levels['unmet_seats']} unmet seats, worst rank "
        f"{levels['worst_rank']}, welfare {levels['welfare']:g}, "
        f"{levels['moved_from_previous']} placements differ from the current ones"
    )
    rows = [
        {
            "method": name.replace("_", " "),
            "complete": "yes" if row["complete"] else f"no ({row['unmet_seats']} unmet)",
            "loss": row["total_rank_loss"],
            "worst": row["worst_rank"],
            "profile": ", ".join(f"{n}x rank {r}" for r, n in row["rank_profile"].items()),
        }
        for name, row in compared.items()
    ]
    _print_table(
        rows,
        [
            ("method", "METHOD"),
            ("complete", "COMPLETE"),
            ("loss", "RANK LOSS"),
            ("worst", "WORST RANK"),
            ("profile", "RANK PROFILE"),
        ],
    )
    if applied is not None:
        print(f"Stored as proposed enrolments; the file as it was is at {applied}")


def _cmd_export(args: argparse.Namespace) -> int:
    from booster_desktop.services import agenda
    from booster_desktop.services.programme import open_programme

    if args.what == "badges":
        return export_badges_command(args)
    write = {"agenda": agenda.export_agenda, "ics": agenda.export_calendar}[args.what]
    manager = args.manager[-1] if args.manager else None
    with open_programme(args.file) as programme:
        written = write(programme, args.output, tour=args.tour, manager=manager)
    items = sum(len(t.items) for t in written.tours)
    print(f"Wrote {args.output} ({', '.join(t.code for t in written.tours)}, {items} items)")
    return 0


# -- booster export badges (self-contained: options and handler) --------------------------------


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


def add_badge_arguments(export: argparse.ArgumentParser) -> None:
    """The options of `booster export badges` (the other exports ignore them)."""
    badges = export.add_argument_group("badges")
    badges.add_argument("--layout", metavar="NAME", help="badge layout (default a4-8-90x55)")
    badges.add_argument("--confirmed-only", action="store_true", help="only confirmed managers")
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


def export_badges_command(args: argparse.Namespace) -> int:
    """`booster export badges FILE ... -o OUT.pdf`."""
    from dataclasses import replace

    from booster_desktop.domain.errors import BoosterError
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
    if args.reissue and not args.manager:
        raise BoosterError("--reissue: whose badge was lost? name them with --manager ID")
    request = badges.BadgeRequest(
        tour=args.tour,
        managers=tuple(args.manager or ()),
        confirmed_only=args.confirmed_only,
        include_staff=args.include_staff,
        only_unprinted=args.only_unprinted,
    )
    bar = _progress(quiet=False)
    try:
        with open_programme(args.file, writable=True) as programme:
            if args.reissue:
                for manager_id in request.managers:
                    badges.gather_badges(programme, replace(request, managers=(manager_id,)))
                for manager_id in request.managers:
                    badges.reissue_token(programme, manager_id)
            done = badges.export_badges(
                programme,
                args.output,
                request,
                layout=layout,
                correction=correction,
                back=args.back,
                reprint=args.reprint,
                progress=bar or no_progress,
            )
    finally:
        if bar is not None:
            bar.close()
    again = f", {len(done.reprinted)} reprinted" if done.reprinted else ""
    print(f"Wrote {args.output} ({done.badges} badges on {done.pages} pages, {done.layout}{again})")
    return 0


def _cmd_screenshot(args: argparse.Namespace) -> int:
    # The one command that loads Qt (DESIGN.md's layers), imported here and nowhere else.
    from booster_desktop.ui.screenshot import render_window

    render_window(args.file, args.output, args.tab)
    print(f"Wrote {args.output}")
    return 0


# -- the parser ---------------------------------------------------------------------------------


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `minimum` up (`python -m bench` uses it too)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{value} is not {minimum} or more")
        return number

    return parse


_positive = whole_number(1)


def _id_list(value: str) -> list[int]:
    try:
        ids = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not manager ids, e.g. 3,17") from None
    if len(ids) < 2:
        raise argparse.ArgumentTypeError(f"{value!r}: name at least two managers")
    return ids


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 < seconds <= 24 * 3600:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and a day (in seconds)")
    return seconds


def _gamma(value: str) -> float:
    try:
        gamma = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 < gamma <= 10:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 10")
    return gamma


def _map_argument(value: str) -> tuple[str, str]:
    from booster_desktop.services.importing import parse_maps

    try:
        ((column, field),) = parse_maps([value]).items()
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return column, field


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Booster Desktop, headless: keep a programme of inspiration and learning "
        "tours, allocate managers, print and check in.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> Any:
        sub = commands.add_parser(name, help=help_, description=help_)
        sub.set_defaults(handler=handler)
        return sub

    new = command("new", _cmd_new, "create an empty programme file")
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--title", help="the programme's title (default: the file's name)")

    demo = command("demo", _cmd_demo, "write the demo programme (or a scaled one) to FILE")
    demo.add_argument("file", type=Path, metavar="FILE")
    demo.add_argument(
        "--managers",
        type=_positive,
        default=24,
        metavar="N",
        help="how many managers (default 24, the reference programme)",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=2018,
        metavar="S",
        help="seed of the generated names, ranks and enrolments (default 2018)",
    )
    demo.add_argument("--force", action="store_true", help="replace FILE if it exists")

    info = command("info", _cmd_info, "count what the programme holds")
    info.add_argument("file", type=Path, metavar="FILE")
    info.add_argument("--json", action="store_true", help="one JSON object on stdout")

    check = command("check", _cmd_check, "check the file's integrity and schema")
    check.add_argument("file", type=Path, metavar="FILE")

    list_ = command("list", _cmd_list, "list managers, topics, tours or sessions")
    list_.add_argument("kind", choices=LIST_KINDS, metavar="|".join(LIST_KINDS))
    list_.add_argument("file", type=Path, metavar="FILE")
    list_.add_argument("--tour", metavar="CODE", help="only this tour (managers: expected ones)")
    list_.add_argument("--json", action="store_true", help="one JSON array on stdout")

    backup = command("backup", _cmd_backup, "copy the programme file safely, even while in use")
    backup.add_argument("file", type=Path, metavar="FILE")
    backup.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")

    import_ = command("import", _cmd_import, "import managers and their ranked topics")
    import_.add_argument("what", choices=("managers",), metavar="managers")
    import_.add_argument("file", type=Path, metavar="FILE")
    import_.add_argument(
        "source",
        type=Path,
        metavar="SOURCE",
        help="a .xlsx or .csv file (.xls and .ods are read too)",
    )
    import_.add_argument(
        "--sheet", metavar="NAME", help="the sheet to read (default: the first with a header row)"
    )
    import_.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        type=_map_argument,
        help="read COLUMN as FIELD: given_name, family_name, arabic_name, "
        "country, organisation, email, phone, role, gender, topics, "
        "topic:NAME or ignore",
    )
    import_.add_argument("--dry-run", action="store_true", help="report, write nothing")
    import_.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows and report the others"
    )
    import_.add_argument("--json", action="store_true", help="the report as one JSON object")

    demand = command("demand", _cmd_demand, "topic demand: who wants what, by rank")
    demand.add_argument("file", type=Path, metavar="FILE")
    demand.add_argument("--json", action="store_true", help="one JSON array on stdout")

    allocate = command(
        "allocate", _cmd_allocate, "allocate managers to tours by the topics they want (optimal)"
    )
    allocate.add_argument("file", type=Path, metavar="FILE")
    allocate.add_argument(
        "--per-manager",
        type=_positive,
        default=2,
        metavar="K",
        help="tours each manager joins (default 2)",
    )
    allocate.add_argument(
        "--max-per-country",
        type=_positive,
        default=None,
        metavar="N",
        help="at most N managers of one country per tour",
    )
    allocate.add_argument(
        "--gamma",
        type=_gamma,
        default=1.0,
        metavar="G",
        help="fairness: 1 weighs every rank step alike; more spares the worst-off (default 1)",
    )
    allocate.add_argument(
        "--seed",
        type=whole_number(0),
        default=None,
        metavar="S",
        help="the lottery's seed (default: the programme's own)",
    )
    allocate.add_argument(
        "--top-m",
        type=_positive,
        default=None,
        metavar="M",
        help="each manager gets at least one of their M most wanted tours",
    )
    allocate.add_argument(
        "--together",
        action="append",
        default=[],
        metavar="ID,ID[,...]",
        type=_id_list,
        help="these managers travel together (the same tours); solved as "
        "an integer programme with a time limit",
    )
    allocate.add_argument(
        "--maximin",
        action="store_true",
        help="also make the worst-off manager's total rank loss as small "
        "as possible (integer programme)",
    )
    allocate.add_argument(
        "--time-limit",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="for --together and --maximin (default 30)",
    )
    allocate.add_argument(
        "--apply",
        action="store_true",
        help="store the allocation as proposed enrolments (after a backup)",
    )
    allocate.add_argument(
        "--allow-partial",
        action="store_true",
        help="with --apply: store the best partial allocation too",
    )
    allocate.add_argument("--json", action="store_true", help="one JSON object on stdout")

    export = command(
        "export", _cmd_export, "badges, or a tour's agenda as a PDF booklet or a calendar"
    )
    export.add_argument("what", choices=("badges", "agenda", "ics"), metavar="badges|agenda|ics")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--tour", metavar="CODE", help="the tour")
    export.add_argument(
        "--manager",
        type=_positive,
        action="append",
        metavar="ID",
        help="a manager's personal agenda (their tours, their name); badges: these managers "
        "(repeat for several)",
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    add_badge_arguments(export)

    shot = command("screenshot", _cmd_screenshot, "render the main window headless to a PNG")
    shot.add_argument("file", type=Path, metavar="FILE")
    shot.add_argument(
        "--tab",
        type=str.lower,
        default="managers",
        choices=("managers", "topics", "tours", "visits"),
        metavar="NAME",
        help="managers, topics, tours or visits (any case; default managers)",
    )
    shot.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png")

    return parser


def _report_bug(error: BaseException) -> str:
    """Log the traceback of an unexpected error to the log file; say where it went."""
    import logging
    import traceback

    from platformdirs import user_log_dir

    folder = Path(user_log_dir("booster-desktop", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "booster.log"
        with log.open("a", encoding="utf-8") as stream:
            stream.write("".join(traceback.format_exception(error)))
        return f"details are in {log}"
    except OSError:
        logging.getLogger(__name__).exception("unexpected error")
        return "the details could not be logged"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `booster` command; returns the exit code."""
    from booster_desktop.domain.errors import BoosterError

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "map", None) is not None:
        args.map = dict(args.map)
    if args.command == "list" and args.tour is not None and args.kind in ("topics", "tours"):
        parser.error(f"--tour applies to managers and sessions, not {args.kind}")
    if args.command == "export" and args.what != "badges" and len(args.manager or ()) > 1:
        parser.error(f"export {args.what}: --manager takes one manager")
    if args.command == "allocate" and args.allow_partial and not args.apply:
        parser.error("--allow-partial goes with --apply")
    try:
        return int(args.handler(args))
    except BoosterError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`booster list ... | head`): not an error of ours. Point
        # stdout at nothing so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:
        print(
            f"{PROG}: unexpected error ({type(error).__name__}: {error}); {_report_bug(error)}",
            file=sys.stderr,
        )
        return 1
