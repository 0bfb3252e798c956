"""The desktop bundle's start-up against the same start from the virtual environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.harness import Context, row

ROOT = Path(__file__).resolve().parent.parent.parent


def _bundle(ctx: Context) -> Path:
    """The bundle folder: `BOOSTER_BUNDLE` when set (a folder `packaging/build` made),
    else built now into the scratch folder (a minute or two, untimed)."""
    given = os.environ.get("BOOSTER_BUNDLE")
    if given:
        return Path(given)
    out = ctx.path("bundle")
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build"), "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out / "dist" / "booster-desktop"


@row(
    "bundle start-up",
    target=(None, 1.5),
    description="the Linux bundle's `booster-desktop FILE --exit-when-ready` (offscreen) from "
    "process start to the window painted with the Managers tab filled, against the same start "
    "from the virtual environment (`python -m booster_desktop.app`)",
)
def bundle_start_up(ctx: Context) -> tuple[float, float]:
    bundle = ctx.once("bundle", lambda: _bundle(ctx))
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(ctx.path("config")),
        "XDG_DATA_HOME": str(ctx.path("data")),
    }
    ours = ctx.run(
        [bundle / "booster-desktop", ctx.demo_file, "--exit-when-ready"], extra_env=env
    ).seconds
    venv = ctx.run(
        [ctx.python, "-m", "booster_desktop.app", ctx.demo_file, "--exit-when-ready"],
        extra_env=env,
    ).seconds
    return ours, venv
