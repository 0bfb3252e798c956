"""An applied allocation can be taken back exactly, and given again exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from booster_desktop.domain.enrolment import Enrolment
from booster_desktop.domain.kinds import EnrolmentStatus
from booster_desktop.services import allocation
from booster_desktop.services.allocation_data import (
    apply_allocation_undoably,
    load_instance,
    restore_enrolments,
)
from booster_desktop.services.programme import open_programme


def _enrolments(path: Path) -> list[dict[str, Any]]:
    """Every enrolment, every column, read back from the file."""
    with open_programme(path) as programme, programme.engine.connect() as connection:
        rows = connection.execute(select(Enrolment.__table__).order_by(Enrolment.id))
        return [dict(row._mapping) for row in rows]


def test_undoing_an_allocation_puts_back_every_enrolment_as_it_was(demo_file: Path) -> None:
    # A waitlisted wish and a note on a proposed place: both must come back as they were.
    with (
        open_programme(demo_file, writable=True) as programme,
        programme.engine.begin() as connection,
    ):
        first, second = connection.scalars(select(Enrolment.id).limit(2)).all()
        connection.execute(
            update(Enrolment)
            .where(Enrolment.id == first)
            .values(status=EnrolmentStatus.WAITLISTED, notes="asked twice")
        )
        connection.execute(
            update(Enrolment).where(Enrolment.id == second).values(hotel="Hotel Africa")
        )
    before = _enrolments(demo_file)
    with open_programme(demo_file, writable=True) as programme:
        result = allocation.solve(load_instance(programme, per_manager=1))
        applied = apply_allocation_undoably(programme, result)
    after = _enrolments(demo_file)
    assert after != before
    assert applied.backup.exists()
    assert applied.replaced.rows or applied.replaced.added
    with open_programme(demo_file, writable=True) as programme:
        again = restore_enrolments(programme, applied.replaced)
    assert _enrolments(demo_file) == before
    with open_programme(demo_file, writable=True) as programme:
        restore_enrolments(programme, again)
    assert _enrolments(demo_file) == after
