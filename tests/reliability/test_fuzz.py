"""Damaged copies of the demo file through every command that opens a file: each run ends in
an answer or a one-line refusal, never an unexpected error, and the copy is never changed.

About a minute in CI; BOOSTER_LONG_TESTS=1 runs thousands of commands (the README's figures).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from booster_desktop.cli import main
from tests.reliability.mutations import damage

LONG = bool(os.environ.get("BOOSTER_LONG_TESTS"))
COPIES = 600 if LONG else 40
SEED = int(os.environ.get("BOOSTER_FUZZ_SEED", "22"))


def _commands(path: Path, out: Path) -> list[list[str]]:
    return [
        ["info", str(path)],
        ["check", str(path)],
        ["list", "managers", str(path)],
        ["demand", str(path)],
        ["export", "agenda", str(path), "--tour", "CAT", "-o", str(out / "agenda.pdf")],
        ["allocate", str(path)],
        ["list", "sessions", str(path)],
        ["checkin", "export", str(path), "-o", str(out / "journal.jsonl")],
    ]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


@pytest.mark.timeout(3600 if LONG else 300)
def test_damaged_copies_give_answers_or_one_line_refusals(
    demo_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    bad: list[str] = []
    out = tmp_path / "out"
    out.mkdir()
    for number in range(COPIES):
        copy = tmp_path / f"copy{number}.booster"
        shutil.copyfile(demo_master, copy)
        what = damage(copy, rng)
        before = _digest(copy)
        failed_on_damage = False
        check_ok = None
        for argv in _commands(copy, out):
            try:
                code = main(argv)
            except SystemExit as exit_:  # usage errors: never expected here
                code = int(exit_.code or 0) + 100
            except BaseException as error:
                code = -1
                bad.append(f"{what}: {argv[0]} raised {type(error).__name__}: {error}")
            err = capsys.readouterr().err
            outcome = "answered" if code == 0 else "refused"
            if "unexpected error" in err:
                outcome = "unexpected error"
            elif code == 1 and err.count("\n") != 1:
                outcome = "several lines"
            elif code not in (0, 1):
                outcome = f"exit {code}"
            outcomes[outcome] += 1
            if outcome not in ("answered", "refused"):
                bad.append(f"{what}: {' '.join(argv[:2])}: {outcome}: {err.strip()[:300]}")
            if argv[0] == "check":
                check_ok = code == 0
            elif code == 1 and ("damaged" in err or "check --verbose" in err):
                failed_on_damage = True
            if _digest(copy) != before:
                outcomes["changed file"] += 1
                bad.append(f"{what}: {argv[0]} changed the file")
                before = _digest(copy)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(copy.name + "-")]
        if leftovers:
            outcomes["-wal or -shm left"] += 1
            bad.append(f"{what}: left {leftovers}")
        if failed_on_damage and check_ok:
            outcomes["check said ok, another command found damage"] += 1
            bad.append(f"{what}: check said ok but another command refused it as damaged")
        outcomes["copies"] += 1
        copy.unlink()
    report = {"copies": COPIES, "seed": SEED, "runs": COPIES * len(_commands(out, out)), **outcomes}
    print(json.dumps(report))
    if os.environ.get("BOOSTER_RELIABILITY_REPORT"):
        with Path(os.environ["BOOSTER_RELIABILITY_REPORT"]).open("a", encoding="utf-8") as log:
            log.write(json.dumps({"fuzz": report}) + "\n")
    assert bad == [], "\n".join(bad[:40])
    assert outcomes["refused"] > 0 and outcomes["answered"] > 0
