"""The allocation's data from the programme file, and an allocation written back to it."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, insert, select, update

from booster_desktop.domain.enrolment import Enrolment
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import EnrolmentStatus, ManagerStatus
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.preference import SCORE_DIGITS, topic_worth
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.topic import TopicInterest
from booster_desktop.domain.tour import Tour, tour_focus_topic
from booster_desktop.i18n import _
from booster_desktop.services.allocation import Allocation, Instance, Pair, Wish
from booster_desktop.services.progress import Progress, no_progress
from booster_desktop.store.changes import Action, report
from booster_desktop.store.chunks import chunks
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import ALLOCATING, exclusive, last_change


def load_instance(
    programme: ProgrammeFile,
    *,
    per_manager: int = 2,
    max_per_country: int | None = None,
    gamma: float = 1.0,
    seed: int | None = None,
    pinned: tuple[Pair, ...] = (),
    forbidden: tuple[Pair, ...] = (),
    top_m: int | None = None,
) -> Instance:
    """The instance the programme poses: active managers, every tour, kept (confirmed) and
    cancelled (forbidden) enrolments, the current allocation as `previous`."""
    if per_manager < 1:
        raise BoosterError(_("--per-manager: must be 1 or more"))
    if max_per_country is not None and max_per_country < 1:
        raise BoosterError(_("--max-per-country: must be 1 or more"))
    if gamma <= 0:
        raise BoosterError(_("--gamma: must be more than 0"))
    with programme.engine.connect() as connection:
        tours = connection.execute(
            select(Tour.id, Tour.code, Tour.capacity).order_by(Tour.code)
        ).all()
        if len(tours) < per_manager:
            raise BoosterError(
                _(
                    "each manager joins {per_manager} tours (--per-manager), but the "
                    "programme has {count}"
                ).format(per_manager=per_manager, count=len(tours))
            )
        managers = connection.execute(
            select(Manager.id, Manager.country_code)
            .where(Manager.status == ManagerStatus.ACTIVE)
            .order_by(Manager.id)
        ).all()
        interests = connection.execute(
            select(TopicInterest.manager_id, TopicInterest.topic_id, TopicInterest.rank)
        ).all()
        focus = connection.execute(
            select(tour_focus_topic.c.tour_id, tour_focus_topic.c.topic_id)
        ).all()
        enrolments = connection.execute(
            select(Enrolment.manager_id, Tour.code, Enrolment.status).join(
                Tour, Tour.id == Enrolment.tour_id
            )
        ).all()
        stored_seed = connection.scalar(select(Programme.lottery_seed))
        basis = enrolments_basis(connection)
    codes = [code for _, code, _ in tours]
    tour_column = {tour_id: i for i, (tour_id, _, _) in enumerate(tours)}
    manager_row = {manager_id: i for i, (manager_id, _) in enumerate(managers)}
    topics = sorted({topic for _, topic, _ in interests} | {topic for _, topic in focus})
    topic_row = {topic: i for i, topic in enumerate(topics)}
    # scores = worth (managers x topics) @ focus (topics x tours): the preference model of
    # domain.preference, for every pair at once.
    worth = np.zeros((len(managers), len(topics)))
    for manager_id, topic, rank in interests:
        if manager_id in manager_row:
            worth[manager_row[manager_id], topic_row[topic]] = topic_worth(rank)
    covers = np.zeros((len(topics), len(tours)))
    for tour_id, topic in focus:
        covers[topic_row[topic], tour_column[tour_id]] = 1.0
    scores = np.round(worth @ covers, SCORE_DIGITS)
    ranks = 1 + (scores[:, None, :] > scores[:, :, None]).sum(axis=2)
    wishes = {
        manager_id: Wish(
            country=country,
            ranks={code: int(ranks[i, j]) for j, code in enumerate(codes)},
            scores={code: float(scores[i, j]) for j, code in enumerate(codes)},
        )
        for i, (manager_id, country) in enumerate(managers)
    }
    kept, cancelled, previous = [], [], defaultdict(list)
    for manager_id, code, status in enrolments:
        if manager_id not in wishes:
            continue
        if status == EnrolmentStatus.CONFIRMED:
            kept.append((manager_id, code))
        if status == EnrolmentStatus.CANCELLED:
            cancelled.append((manager_id, code))
        if status in (EnrolmentStatus.PROPOSED, EnrolmentStatus.CONFIRMED):
            previous[manager_id].append(code)
    return Instance(
        per_manager=per_manager,
        max_per_country=max_per_country,
        tours={code: capacity for _, code, capacity in tours},
        managers=wishes,
        pinned=tuple(pinned),
        forbidden=tuple(sorted({*cancelled, *forbidden})),
        kept=tuple(sorted(kept)),
        previous={m: tuple(sorted(codes)) for m, codes in sorted(previous.items())},
        gamma=gamma,
        seed=int(stored_seed or 0) if seed is None else seed,
        top_m=top_m,
        basis=basis,
    )


def enrolments_basis(connection: Connection) -> str:
    """A fingerprint of every enrolment (id, manager, tour, status): what an allocation was
    computed from, compared again when it is applied."""
    digest = hashlib.sha256()
    rows = connection.execute(
        select(Enrolment.id, Enrolment.manager_id, Enrolment.tour_id, Enrolment.status).order_by(
            Enrolment.id
        )
    )
    for enrolment_id, manager_id, tour_id, status in rows:
        digest.update(f"{enrolment_id},{manager_id},{tour_id},{status}\n".encode())
    return digest.hexdigest()


def _stale(connection: Connection, waited: bool) -> BoosterError:
    """The refusal of an allocation computed from enrolments that changed since."""
    last = last_change(connection, "enrolment")
    when = last.at.astimezone().strftime("%H:%M") if last else "?"
    if last is not None and last.action == Action.ALLOCATION:
        said = _(
            "another coordinator ({who}) applied an allocation at {when}; nothing was "
            "saved: run the allocation again"
        )
    else:
        said = _(
            "the enrolments were changed by {who} at {when} since this allocation was "
            "computed; nothing was saved: run the allocation again"
        )
    if waited:
        said = _("waited for another coordinator's allocation: {refusal}").format(refusal=said)
    return BoosterError(said.format(who=last.who if last else "?", when=when))


@dataclass(frozen=True)
class EnrolmentRows:
    """Enrolments as they were: whole rows to put back, and the ids of rows to take away.
    What an applied allocation replaced, and what undoing it replaces in turn."""

    rows: tuple[dict[str, Any], ...]
    added: tuple[int, ...]


@dataclass(frozen=True)
class AppliedAllocation:
    """An allocation stored: the backup made first, and what it replaced (to undo it)."""

    backup: Path
    replaced: EnrolmentRows


def apply_allocation(
    programme: ProgrammeFile,
    allocation: Allocation,
    basis: str | None = None,
    waiting: Callable[[], None] | None = None,
) -> Path:
    """Store the allocation as proposed enrolments, after a backup; returns the backup's path.
    `waiting()` is told before it waits for another coordinator's apply (on a server)."""
    return apply_allocation_undoably(programme, allocation, basis, waiting=waiting).backup


def _say_waiting(progress: Progress, waiting: Callable[[], None] | None) -> None:
    if waiting is not None:
        waiting()
    progress(0, 0, _("Waiting for another coordinator's allocation…"))


def apply_allocation_undoably(
    programme: ProgrammeFile,
    allocation: Allocation,
    basis: str | None = None,
    progress: Progress = no_progress,
    waiting: Callable[[], None] | None = None,
) -> AppliedAllocation:
    """Store the allocation as proposed enrolments, in one transaction, after a backup.

    Confirmed and cancelled enrolments stay as they are; proposed ones are planned afresh; a
    waitlisted wish that the allocation fulfils becomes proposed. Returns the backup and the
    enrolments it replaced, exactly (`restore_enrolments` puts them back).

    On a server two applies never interleave: the second waits for the first, then is
    refused if the enrolments are no longer those it was computed from (`basis`, the
    instance's); a file has one writer anyway. `progress` (and `waiting()`, when given) is
    told when it has to wait, before it waits.
    """
    from booster_desktop.services.backups import backup_before

    wanted = {(m, code) for m, codes in allocation.assignment.items() for code in codes}
    with (
        exclusive(programme, ALLOCATING, lambda: _say_waiting(progress, waiting)) as waited,
        programme.writing(Action.ALLOCATION) as connection,
    ):
        tour_ids = _refuse_if_stale(connection, programme, wanted, basis, waited)
        # Backed up once the wait is over and the apply is known not to be refused (a
        # refused apply makes no backup), from another connection: the programme as this
        # apply replaces it, with whatever the other coordinator (and anyone) wrote meanwhile.
        kept = backup_before(programme, "allocation")
        if kept is None:  # no file on this computer to keep a copy of
            raise BoosterError(
                _("{path}: cannot be backed up before the allocation").format(path=programme.path)
            )
        replaced = _replace_enrolments(connection, wanted, tour_ids)
    return AppliedAllocation(kept.path, replaced)


def _refuse_if_stale(
    connection: Connection,
    programme: ProgrammeFile,
    wanted: set[tuple[int, str]],
    basis: str | None,
    waited: bool,
) -> dict[str, int]:
    """Refuse an allocation computed from a programme that changed since (its enrolments, on
    a server; a tour or a manager it places gone, anywhere); returns the tours' ids by code."""
    if programme.on_server and basis and enrolments_basis(connection) != basis:
        raise _stale(connection, waited)
    tour_ids = {code: tour_id for code, tour_id in connection.execute(select(Tour.code, Tour.id))}
    gone_tours = sorted({code for _, code in wanted} - set(tour_ids))
    if gone_tours:
        raise BoosterError(
            _(
                "tour {code} was deleted since this allocation was computed; nothing was "
                "saved: run the allocation again"
            ).format(code=gone_tours[0])
        )
    placed = sorted({m for m, _ in wanted})
    found: set[int] = set()
    for chunk in chunks(placed):
        found.update(connection.scalars(select(Manager.id).where(Manager.id.in_(chunk))))
    gone = [m for m in placed if m not in found]
    if gone:
        raise BoosterError(
            _(
                "manager {manager_id} was deleted since this allocation was computed; nothing "
                "was saved: run the allocation again"
            ).format(manager_id=gone[0])
        )
    return tour_ids


def _replace_enrolments(
    connection: Connection, wanted: set[tuple[int, str]], tour_ids: dict[str, int]
) -> EnrolmentRows:
    """The enrolments an allocation wants, in the open write transaction; returns what they
    replaced."""
    active = set(
        connection.scalars(select(Manager.id).where(Manager.status == ManagerStatus.ACTIVE))
    )
    existing = {
        (m, code): (enrolment_id, status)
        for enrolment_id, m, code, status in connection.execute(
            select(Enrolment.id, Enrolment.manager_id, Tour.code, Enrolment.status).join(
                Tour, Tour.id == Enrolment.tour_id
            )
        )
    }
    dropped = [
        enrolment_id
        for (m, code), (enrolment_id, status) in existing.items()
        if m in active and status == EnrolmentStatus.PROPOSED and (m, code) not in wanted
    ]
    # A waitlisted wish the allocation fulfils becomes proposed; so does a cancelled pair
    # the coordinator pinned (a pin overrides the cancellation it replaces).
    fulfilled = [
        enrolment_id
        for pair, (enrolment_id, status) in existing.items()
        if pair in wanted and status in (EnrolmentStatus.WAITLISTED, EnrolmentStatus.CANCELLED)
    ]
    before = _enrolment_rows(connection, [*dropped, *fulfilled])
    report(connection, "enrolment", fulfilled)
    report(connection, "enrolment", dropped, removed=True)
    for chunk in chunks(dropped):
        connection.execute(delete(Enrolment).where(Enrolment.id.in_(chunk)))
    if fulfilled:
        connection.execute(
            update(Enrolment)
            .where(Enrolment.id.in_(fulfilled))
            .values(status=EnrolmentStatus.PROPOSED)
        )
    new = [
        {"manager_id": m, "tour_id": tour_ids[code], "status": EnrolmentStatus.PROPOSED}
        for m, code in sorted(wanted)
        if (m, code) not in existing
    ]
    added: list[int] = []
    if new:
        connection.execute(insert(Enrolment), new)
        new_pairs = {(row["manager_id"], row["tour_id"]) for row in new}
        added = sorted(
            enrolment_id
            for enrolment_id, m, tour_id in connection.execute(
                select(Enrolment.id, Enrolment.manager_id, Enrolment.tour_id)
            )
            if (m, tour_id) in new_pairs
        )
        report(connection, "enrolment", added, added=True)
    return EnrolmentRows(before, tuple(added))


def restore_enrolments(programme: ProgrammeFile, replaced: EnrolmentRows) -> EnrolmentRows:
    """Put enrolments back as they were (an applied allocation undone), in one transaction:
    the rows `replaced` added go, the rows it took come back with their ids and every field.
    Returns what this replaced in turn (restoring that redoes the allocation)."""
    with programme.writing(Action.ALLOCATION) as connection:
        ids = [row["id"] for row in replaced.rows]
        taken = _enrolment_rows(connection, [*replaced.added, *ids])
        report(connection, "enrolment", ids)  # put back with the same ids: an update
        report(connection, "enrolment", replaced.added, removed=True)
        for chunk in chunks([*replaced.added, *ids]):
            connection.execute(delete(Enrolment).where(Enrolment.id.in_(chunk)))
        if replaced.rows:
            connection.execute(insert(Enrolment), [dict(row) for row in replaced.rows])
    back = {row["id"] for row in taken}
    return EnrolmentRows(taken, tuple(i for i in ids if i not in back))


def _enrolment_rows(connection: Connection, ids: list[int]) -> tuple[dict[str, Any], ...]:
    """Whole enrolment rows, every column, by id."""
    rows: list[dict[str, Any]] = []
    for chunk in chunks(ids):
        chosen = select(Enrolment.__table__).where(Enrolment.id.in_(chunk))
        rows.extend(dict(row._mapping) for row in connection.execute(chosen))
    return tuple(sorted(rows, key=lambda row: int(row["id"])))


def manager_names(programme: ProgrammeFile) -> dict[int, str]:
    """Each manager's name, for the allocation grid's rows."""
    with programme.engine.connect() as connection:
        rows = connection.execute(select(Manager.id, Manager.given_name, Manager.family_name))
        return {manager_id: f"{given} {family}" for manager_id, given, family in rows}
