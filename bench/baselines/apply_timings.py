"""An allocation applied at 10,000 managers, in-process: with the change history (ours) and
the same apply with the history switched off (the bare baseline; only a benchmark can).

    python apply_timings.py FILE WORKDIR

FILE is a programme whose proposed enrolments were cleared, so that applying writes every
place afresh (about 30,000 enrolments at 10,000 managers x 3). The allocation is solved once,
untimed, and applied once untimed (imports, compiled statements); each side then applies it
to its own fresh copy of FILE (copied untimed), backup before the apply included, as
`booster allocate --apply` does. Prints one JSON object.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from booster_desktop.services.allocation import solve
from booster_desktop.services.allocation_data import apply_allocation, load_instance
from booster_desktop.services.programme import open_programme


def _apply(source: Path, target: Path, allocation: object, history: bool) -> float:
    shutil.copyfile(source, target)
    with open_programme(target, writable=True) as programme:
        start = time.perf_counter()
        if history:
            apply_allocation(programme, allocation)  # type: ignore[arg-type]
        else:
            with programme.without_history():
                apply_allocation(programme, allocation)  # type: ignore[arg-type]
        return time.perf_counter() - start


def main(path: str, workdir: str) -> None:
    source, folder = Path(path), Path(workdir)
    with open_programme(source) as programme:
        allocation = solve(load_instance(programme))
    # Untimed, once: both sides then run with their imports done and statements compiled.
    _apply(source, folder / "apply-warm.booster", allocation, history=True)
    bare = _apply(source, folder / "apply-bare.booster", allocation, history=False)
    ours = _apply(source, folder / "apply-ours.booster", allocation, history=True)
    print(json.dumps({"ours": ours, "bare": bare}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
