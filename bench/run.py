"""Run the benchmarks: `python -m bench [--managers N] [--repeat R] [--only NAME] [--json]`.

Builds one demo programme (`booster demo FILE --managers N --seed S`) in a scratch folder,
then times every registered row, ours beside its bare baseline in the same run, and prints
the median of R runs of each side, their ratio and the row's target.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if not __package__:  # `python bench/run.py`: import `bench` from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from booster_desktop.cli.arguments import whole_number


def build_parser(names: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time each operation beside a bare baseline, in the same run, on one "
        "demo programme built once.",
    )
    parser.add_argument(
        "--managers", type=whole_number(1), default=10_000, metavar="N", help="demo size (10000)"
    )
    parser.add_argument(
        "--seed", type=whole_number(0), default=2018, metavar="S", help="demo seed (2018)"
    )
    parser.add_argument(
        "--repeat",
        type=whole_number(1),
        default=5,
        metavar="R",
        help="timed runs of each side; the table shows their median (5)",
    )
    parser.add_argument(
        "--warmup",
        type=whole_number(0),
        default=1,
        metavar="W",
        help="untimed runs before those (1)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=names,
        metavar="NAME",
        help=f"run only this row (repeatable): {', '.join(names)}",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--list", action="store_true", help="list the rows and exit")
    parser.add_argument(
        "--keep", action="store_true", help="keep the scratch folder (its path goes to stderr)"
    )
    return parser


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _demo_facts(path: Path) -> dict[str, Any]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:

        def count(table: str) -> int:
            return int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

        facts = {
            table: count(table)
            for table in ("manager", "tour", "tour_session", "enrolment", "topic_interest")
        }
    finally:
        connection.close()
    return {
        "managers": facts["manager"],
        "tours": facts["tour"],
        "sessions": facts["tour_session"],
        "enrolments": facts["enrolment"],
        "topic_ranks": facts["topic_interest"],
        "bytes": path.stat().st_size,
    }


def _table(lines: list[list[str]]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    rule = ["-" * w for w in widths]
    out = []
    for line in [lines[0], rule, *lines[1:]]:
        cells = [
            cell.ljust(width) if i == 0 or i >= 4 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    from bench.harness import ROWS, Context, ProcessError, Result, environment, measure
    from bench.rows import load_rows

    load_rows()
    args = build_parser(list(ROWS)).parse_args(argv)
    if args.list:
        for row in ROWS.values():
            print(f"{row.name}  [{row.target.describe(row.unit)}]  {row.description}")
        return 0
    selected = [ROWS[name] for name in (args.only or ROWS)]
    env = environment()  # the date is when the run started

    scratch = Path(tempfile.mkdtemp(prefix="booster-bench-"))
    try:
        demo_file = scratch / "demo.booster"
        ctx = Context(sys.executable, scratch, args.managers, args.seed, demo_file)
        _say(f"Building the {args.managers:,}-manager demo in {scratch} ...")
        try:
            built = ctx.run(
                [
                    sys.executable,
                    "-m",
                    "booster_desktop",
                    "demo",
                    demo_file,
                    "--managers",
                    str(args.managers),
                    "--seed",
                    str(args.seed),
                ]
            ).seconds
        except ProcessError as error:
            _say(f"Could not build the demo: {error}")
            return 1
        demo = {**_demo_facts(demo_file), "seed": args.seed, "built_seconds": round(built, 3)}

        results: list[Result] = []
        failed: list[str] = []
        for row in selected:
            _say(f"  {row.name}: {args.warmup} warm-up + {args.repeat} timed runs of each side")
            try:
                results.append(measure(row, ctx, repeat=args.repeat, warmup=args.warmup))
            except (ProcessError, OSError, ValueError) as error:
                _say(f"  {row.name}: failed: {error}")
                failed.append(row.name)
    finally:
        if args.keep:
            _say(f"Kept the scratch folder {scratch}")
        else:
            import shutil

            shutil.rmtree(scratch, ignore_errors=True)

    if args.json:
        document = {
            "environment": env,
            "demo": demo,
            "statistic": "median",
            "repeat": args.repeat,
            "warmup": args.warmup,
            "rows": [result.as_json() for result in results],
            "failed": failed,
        }
        json.dump(document, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(
            f"Booster Desktop benchmarks, {env['date']}: median of {args.repeat} timed "
            f"run{'s' * (args.repeat != 1)} of each side (after {args.warmup} untimed), "
            "wall time of whole processes"
        )
        usable = env["cpus_usable"]
        cpus = f"{env['cpus']} CPUs" + (f" ({usable} usable)" if usable != env["cpus"] else "")
        print(
            f"{env['python']} on {env['platform']}, {cpus}; SQLite {env['sqlite']}, "
            f"SQLAlchemy {env['sqlalchemy']}, booster-desktop {env['booster_desktop']}"
        )
        print(
            f"Demo: {demo['managers']:,} managers (seed {demo['seed']}), {demo['tours']} tours, "
            f"{demo['sessions']:,} sessions, {demo['enrolments']:,} enrolments, "
            f"{demo['topic_ranks']:,} topic ranks; {demo['bytes'] / 1e6:.1f} MB, "
            f"built in {built:.2f} s"
        )
        print()
        lines = [["operation", "ours (s)", "baseline (s)", "ratio", "target", "verdict"]]
        lines += [
            [
                r.row.name,
                f"{r.ours:.3f}" if r.row.unit == "s" else f"{r.ours:.1f} {r.row.unit}",
                f"{r.baseline:.3f}" if r.row.unit == "s" else f"{r.baseline:.1f} {r.row.unit}",
                f"{r.ratio:.2f}x",
                r.row.target.describe(r.row.unit),
                r.verdict,
            ]
            for r in results
        ]
        lines += [
            [name, "-", "-", "-", ROWS[name].target.describe(ROWS[name].unit), "error"]
            for name in failed
        ]
        print(_table(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
