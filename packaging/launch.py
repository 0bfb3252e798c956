"""The bundle's one entry script: `booster` runs the command, `booster-desktop` the window.

Both executables are made from this script (one analysis, one shared folder of libraries);
each knows which it is by its own file name.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable).stem.lower().startswith("booster-desktop"):
        from booster_desktop.app import main as window

        return window()
    from booster_desktop.cli import main as command

    return command()


if __name__ == "__main__":
    raise SystemExit(main())
