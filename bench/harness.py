"""The benchmark harness: a registry of rows, the context they run in, and the measuring.

A row is a small function that, given a `Context`, runs one operation our way and the bare
baseline way once each and returns `(ours_seconds, baseline_seconds)`. The harness calls it
once to warm up (untimed), then `repeat` times, and reports the median of each side.

    @row("sort managers", target=(0.05, 2.0), description="...")
    def sort_managers(ctx: Context) -> tuple[float, float]:
        rows = ctx.once("manager rows", lambda: load_rows(ctx.demo_file))  # untimed setup
        ours = ctx.time_booster("list", "managers", ctx.demo_file, "--json")
        baseline = ctx.time_script("list_managers.py", ctx.demo_file)
        return ours, baseline
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

BENCH_DIR = Path(__file__).resolve().parent
BASELINES_DIR = BENCH_DIR / "baselines"

T = TypeVar("T")


class Target(NamedTuple):
    """What a row must meet: our median at most `seconds`, and at most `ratio` x the baseline.

    Either may be None (no bound on that side).
    """

    seconds: float | None
    ratio: float | None

    def describe(self, unit: str = "s") -> str:
        parts = []
        if self.seconds is not None:
            parts.append(f"<= {self.seconds:g} {unit}")
        if self.ratio is not None:
            parts.append(f"<= {self.ratio:g}x")
        return ", ".join(parts) or "-"

    def met(self, ours: float, ratio: float) -> bool:
        return (self.seconds is None or ours <= self.seconds) and (
            self.ratio is None or ratio <= self.ratio
        )


@dataclass
class Context:
    """What a row gets: the interpreter, a scratch folder, and the demo built once for all rows."""

    python: str
    workdir: Path
    managers: int
    seed: int
    demo_file: Path
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def path(self, name: str) -> Path:
        """A path in the run's scratch folder (deleted at the end unless `--keep`)."""
        return self.workdir / name

    def once(self, key: str, make: Callable[[], T]) -> T:
        """`make()` the first time `key` is asked for, the same value after: untimed setup."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]  # type: ignore[no-any-return]

    def baseline(self, name: str) -> Path:
        """The bare script `bench/baselines/NAME`."""
        return BASELINES_DIR / name

    def run(self, argv: Sequence[str | Path], extra_env: dict[str, str] | None = None) -> Timed:
        """Run a process to completion (cwd: the scratch folder); its wall time and stdout.

        A process that fails raises `ProcessError`: a broken row is an error, never a time.
        """
        command = [str(part) for part in argv]
        start = time.perf_counter()
        done = subprocess.run(
            command,
            cwd=self.workdir,
            env={**self.environment(), **(extra_env or {})},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise ProcessError(command, done.returncode, done.stderr)
        return Timed(seconds, done.stdout)

    def environment(self) -> dict[str, str]:
        """The environment of timed processes: bytecode cached, as an installed wheel has it.

        Compiled modules go to a folder in the scratch folder (`PYTHONPYCACHEPREFIX`), written
        by the first run and read by the next, even where `PYTHONDONTWRITEBYTECODE` is set; the
        source tree is left untouched.
        """
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.workdir / "pycache")
        return env

    def time_booster(self, *args: str | Path) -> float:
        """Wall time of `python -m booster_desktop ARGS...` (the `booster` command)."""
        return self.run([self.python, "-m", "booster_desktop", *args]).seconds

    def peak_memory(self, argv: Sequence[str | Path]) -> float:
        """Run a process to completion; its peak resident memory (`ru_maxrss`) in MB.

        `os.wait4` reads that child's own usage, not the maximum over every child so far.
        """
        command = [str(part) for part in argv]
        child = subprocess.Popen(
            command,
            cwd=self.workdir,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert child.stderr is not None
        stderr = child.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise ProcessError(command, child.returncode, stderr)
        return usage.ru_maxrss / 1024  # KiB on Linux

    def time_script(self, name: str, *args: str | Path) -> float:
        """Wall time of the bare script `bench/baselines/NAME` run with ARGS."""
        return self.run_script(name, *args).seconds

    def run_script(self, name: str, *args: str | Path) -> Timed:
        """Like `time_script`, with the script's stdout too."""
        return self.run([self.python, BASELINES_DIR / name, *args])


class Timed(NamedTuple):
    seconds: float
    stdout: str


class ProcessError(RuntimeError):
    def __init__(self, command: Sequence[str], code: int, stderr: str) -> None:
        last = stderr.strip().splitlines()[-1:] or ["(no output on stderr)"]
        super().__init__(f"`{' '.join(command)}` exited {code}: {last[0]}")
        self.stderr = stderr


RowFunction = Callable[[Context], tuple[float, float]]


@dataclass(frozen=True)
class Row:
    name: str
    function: RowFunction
    target: Target
    description: str
    unit: str = "s"  # what the row measures: seconds, or "MB" of peak memory


ROWS: dict[str, Row] = {}


def row(
    name: str,
    *,
    target: tuple[float | None, float | None],
    description: str,
    unit: str = "s",
) -> Callable[[RowFunction], RowFunction]:
    """Register a row: `target` is (max of ours, in `unit`, max ratio ours / baseline)."""

    def register(function: RowFunction) -> RowFunction:
        if name in ROWS:
            raise ValueError(f"two benchmark rows are named {name!r}")
        ROWS[name] = Row(name, function, Target(*target), description, unit)
        return function

    return register


@dataclass(frozen=True)
class Result:
    """One row's outcome: every timed run of each side, and the medians the table shows."""

    row: Row
    ours_runs: tuple[float, ...]
    baseline_runs: tuple[float, ...]

    @property
    def ours(self) -> float:
        return statistics.median(self.ours_runs)

    @property
    def baseline(self) -> float:
        return statistics.median(self.baseline_runs)

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline > 0 else float("inf")

    @property
    def verdict(self) -> str:
        return "ok" if self.row.target.met(self.ours, self.ratio) else "over"

    def as_json(self) -> dict[str, Any]:
        return {
            "operation": self.row.name,
            "description": self.row.description,
            "ours": round(self.ours, 4),
            "baseline": round(self.baseline, 4),
            "ratio": round(self.ratio, 3),
            "unit": self.row.unit,
            "target_seconds": self.row.target.seconds,
            "target_ratio": self.row.target.ratio,
            "verdict": self.verdict,
            "ours_runs": [round(s, 4) for s in self.ours_runs],
            "baseline_runs": [round(s, 4) for s in self.baseline_runs],
        }


def measure(row_: Row, ctx: Context, *, repeat: int, warmup: int) -> Result:
    """Warm up (untimed), then time the row `repeat` times."""
    for _ in range(warmup):
        row_.function(ctx)
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(repeat):
        a, b = row_.function(ctx)
        ours.append(a)
        baseline.append(b)
    return Result(row_, tuple(ours), tuple(baseline))


def environment() -> dict[str, Any]:
    """Facts about the machine and the stack that the numbers depend on."""
    import platform
    import sqlite3
    from datetime import datetime
    from importlib.metadata import PackageNotFoundError, version

    def version_of(package: str) -> str | None:
        try:
            return version(package)
        except PackageNotFoundError:
            return None

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "executable": sys.executable,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpus_usable": usable,
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": version_of("SQLAlchemy"),
        "booster_desktop": version_of("booster-desktop"),
    }
