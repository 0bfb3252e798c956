"""Rows for the roster workbook and the sign-in sheets of the 10,000-manager demo."""

from __future__ import annotations

import json
import sys

from bench.harness import Context, row
from bench.rows.agenda import _largest_tour

PEAK_MB = 500


@row(
    "roster xlsx",
    target=(None, 1.5),
    description="the whole programme's roster workbook (every sheet: participants, travel, "
    "catering, agenda, allocation) read and written aside and renamed, in-process, against a "
    f"bare openpyxl write-only loop appending the same cells; our peak memory under {PEAK_MB} MB",
)
def roster_xlsx(ctx: Context) -> tuple[float, float]:
    done = ctx.run_script("roster_timings.py", ctx.demo_file, ctx.workdir)
    timings = json.loads(done.stdout)
    if timings["peak_mb"] > PEAK_MB:
        raise ValueError(f"roster: peak memory {timings['peak_mb']:.0f} MB, over {PEAK_MB} MB")
    print(
        f"  roster: {timings['cells']:,} cells, peak memory {timings['peak_mb']:.0f} MB",
        file=sys.stderr,
    )
    return float(timings["ours"]), float(timings["bare"])


@row(
    "signin pdf",
    target=(None, 1.5),
    description="the sign-in sheets of every session and visit of the demo's largest tour "
    "(read, laid out, written aside and renamed), in-process, against a bare Platypus table "
    "of the same rows per session with the same embedded fonts",
)
def signin_pdf(ctx: Context) -> tuple[float, float]:
    code = ctx.once("largest tour", lambda: _largest_tour(ctx.demo_file))
    done = ctx.run_script("signin_timings.py", ctx.demo_file, code, ctx.workdir)
    timings = json.loads(done.stdout)
    return float(timings["ours"]), float(timings["bare"])
