"""Rows for the window: start-up to a filled Managers tab, searching and sorting it."""

from __future__ import annotations

import json

from bench.harness import Context, row


@row(
    "start-up",
    target=(None, 1.75),
    description="`booster-desktop FILE` from process start to the main window painted with "
    "the Managers tab filled (offscreen), against a bare PySide6 window with an empty table "
    "in a process that has imported sqlalchemy.orm",
)
def start_up(ctx: Context) -> tuple[float, float]:
    # Offscreen, and settings in the scratch folder: the bench must not fill the user's
    # recent files with its temporary programmes.
    env_platform = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(ctx.path("config")),
        "XDG_DATA_HOME": str(ctx.path("data")),
    }
    ours = ctx.run(
        [ctx.python, "-m", "booster_desktop.app", ctx.demo_file, "--exit-when-ready"],
        extra_env=env_platform,
    ).seconds
    baseline = ctx.run([ctx.python, ctx.baseline("bare_window.py")], extra_env=env_platform).seconds
    return ours, baseline


def _table_timings(ctx: Context) -> dict[str, list[float]]:
    done = ctx.run_script("table_timings.py", ctx.demo_file)
    result: dict[str, list[float]] = json.loads(done.stdout)
    return result


@row(
    "search",
    target=(0.05, None),
    description="typing 'tunis' in the Managers search box (the proxy refilters on the "
    "model's folded texts) against a comprehension over the same texts",
)
def search(ctx: Context) -> tuple[float, float]:
    ours, bare = _table_timings(ctx)["search"]
    return ours, bare


@row(
    "sort",
    target=(0.1, None),
    description="sorting the Managers tab by family name through the view's proxy (the model "
    "sorts its own rows by key) against list.sort with the same key",
)
def sort(ctx: Context) -> tuple[float, float]:
    ours, bare = _table_timings(ctx)["sort"]
    return ours, bare
