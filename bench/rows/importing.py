"""Rows for imports: 10,000 managers with 10 topic-rank columns from a workbook, timed and
weighed (peak memory) beside openpyxl merely reading it."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from bench.harness import Context, row

TOPICS = (
    "Strategy",
    "Services to members",
    "Internationalisation",
    "Innovation",
    "Funding",
    "Branding",
    "Digital",
    "Skills",
    "Evaluation",
    "Start-ups",
)
COUNTRIES = ("Maroc", "Tunisia", "DZ", "Égypte", "Jordan", "Liban", "Palestine")


def make_workbook(path: Path, rows: int, seed: int) -> Path:
    """A diagnosis workbook as coordinators send it: a title row, then 17 columns."""
    from openpyxl import Workbook

    chance = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Diagnostic")
    sheet.append(["Cluster Booster: diagnosis results"])
    sheet.append(
        ["Prénom", "Nom", "Nom (arabe)", "Pays", "Cluster", "Courriel", "Téléphone", *TOPICS]
    )
    for number in range(rows):
        ranks = list(range(1, len(TOPICS) + 1))
        chance.shuffle(ranks)
        sheet.append(
            [
                f"Given{number}",
                f"Family{number}",
                "رانيا بن صالح",
                chance.choice(COUNTRIES),
                f"Cluster {number % 500}",
                f"manager{number}@cluster{number % 500}.example",
                f"+216 9{number % 10_000_000:07d}",  # a possible Tunisian mobile
                *ranks,
            ]
        )
    workbook.save(path)
    return path


@row(
    "import",
    target=(None, 2.0),
    description="`booster import managers FILE SOURCE.xlsx` (10,000 rows, 10 topic-rank "
    "columns, into an empty programme) against openpyxl reading the same workbook in "
    "read-only mode",
)
def import_managers(ctx: Context) -> tuple[float, float]:
    source = ctx.once(
        "import workbook",
        lambda: make_workbook(ctx.path("diagnosis.xlsx"), ctx.managers, ctx.seed),
    )
    empty = ctx.once("empty programme", lambda: _empty(ctx))
    target = ctx.path("import-target.booster")
    shutil.copyfile(empty, target)
    ours = ctx.time_booster("import", "managers", target, source)
    baseline = ctx.time_script("read_xlsx.py", source)
    return ours, baseline


def _empty(ctx: Context) -> Path:
    path = ctx.path("empty.booster")
    ctx.run([ctx.python, "-m", "booster_desktop", "new", path])
    return path


@row(
    "import memory",
    target=(500.0, None),
    unit="MB",
    description="peak memory (the child's ru_maxrss) of `booster import managers FILE "
    "SOURCE.xlsx` (the import row's workbook, into an empty programme) beside openpyxl "
    "reading the same workbook in read-only mode; the import's limit is 500 MB",
)
def import_memory(ctx: Context) -> tuple[float, float]:
    source = ctx.once(
        "import workbook",
        lambda: make_workbook(ctx.path("diagnosis.xlsx"), ctx.managers, ctx.seed),
    )
    empty = ctx.once("empty programme", lambda: _empty(ctx))
    target = ctx.path("import-memory.booster")
    shutil.copyfile(empty, target)
    ours = ctx.peak_memory(
        [ctx.python, "-m", "booster_desktop", "import", "managers", target, source]
    )
    baseline = ctx.peak_memory([ctx.python, ctx.baseline("read_xlsx.py"), source])
    return ours, baseline
