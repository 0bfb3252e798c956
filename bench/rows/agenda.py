"""Row for the agenda booklet: the 10,000-manager demo's largest tour, with its participants."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bench.harness import Context, row


def _largest_tour(demo: Path) -> str:
    with sqlite3.connect(demo) as connection:
        (code,) = connection.execute(
            "SELECT t.code FROM tour t JOIN enrolment e ON e.tour_id = t.id "
            "WHERE e.status IN ('proposed', 'confirmed') GROUP BY t.id "
            "ORDER BY count(*) DESC, t.code LIMIT 1"
        ).fetchone()
    return str(code)


@row(
    "agenda pdf",
    target=(5.0, 1.5),
    description="the 10,000-manager demo's largest tour's booklet with its participant list "
    "(read, laid out, written aside and renamed), in-process, against a bare Platypus layout "
    "of the same paragraphs and tables with the same embedded fonts",
)
def agenda_pdf(ctx: Context) -> tuple[float, float]:
    code = ctx.once("largest tour", lambda: _largest_tour(ctx.demo_file))
    done = ctx.run_script("agenda_timings.py", ctx.demo_file, code, ctx.workdir)
    timings = json.loads(done.stdout)
    return float(timings["ours"]), float(timings["bare"])
