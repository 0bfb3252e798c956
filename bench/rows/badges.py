"""Row for badges: 1,000 badges with their QR codes and Code 128 barcodes."""

from __future__ import annotations

import json

from bench.harness import Context, row


@row(
    "badges pdf",
    target=(None, 1.5),
    description="1,000 badges of the demo's first managers on the default layout (read, names "
    "fitted, QR and Code 128 drawn, written aside and renamed, prints logged), in-process, "
    "against a bare reportlab canvas loop drawing the same strings, the same segno matrices "
    "and Code 128 bars as paths, with the same embedded fonts",
)
def badges_pdf(ctx: Context) -> tuple[float, float]:
    done = ctx.run_script("badge_timings.py", ctx.demo_file, ctx.workdir, "1000")
    timings = json.loads(done.stdout)
    return float(timings["ours"]), float(timings["bare"])
