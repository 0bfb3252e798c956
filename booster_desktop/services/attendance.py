"""Who attended: head counts at the door, sign-in sheets and paper attendance, names found.

A person counts once per session however many devices checked them in; a tour's sign-in sheet
numbers its expected managers in family-name order, the numbers the printed sheets carry and
the paper attendance typed back in from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select, update

from booster_desktop.domain.badge import BadgeToken
from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.enrolment import Enrolment, is_expected
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import ManagerStatus
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.text import fold
from booster_desktop.domain.tour import Tour
from booster_desktop.i18n import _, ngettext
from booster_desktop.services.changes import report
from booster_desktop.services.checkin import (
    PAPER_DEVICE,
    CheckinDesk,
    ScanResult,
    SessionInfo,
    session_info,
    standing_at,
    tour_sessions,
)
from booster_desktop.store.programme_file import ProgrammeFile

# -- counting ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attendee:
    """A manager on a tour's sign-in sheet: the sheet's number, and who they are."""

    number: int
    manager_id: int
    name: str
    family_name: str
    given_name: str
    arabic_name: str | None
    country: str
    token: str | None


@dataclass(frozen=True, slots=True)
class HeadCount:
    """Who is in at a session: expected managers checked in, out of all expected; others
    admitted although not registered; and who is still missing, in sign-in sheet order."""

    checked_in: int
    expected: int
    admitted: int
    missing: list[Attendee] = field(default_factory=list)

    def label(self) -> str:
        if not self.admitted:
            return f"{self.checked_in} / {self.expected}"
        return ngettext(
            "{checked_in} / {expected} (+{admitted} not registered)",
            "{checked_in} / {expected} (+{admitted} not registered)",
            self.admitted,
        ).format(checked_in=self.checked_in, expected=self.expected, admitted=self.admitted)


def _sheet_key(family: str, given: str, manager_id: int) -> tuple[str, str, int]:
    return fold(family), fold(given), manager_id


def signin_sheet(programme: ProgrammeFile, tour: str | int) -> list[Attendee]:
    """A tour's expected managers numbered from 1 in family-name order (then given name): the
    numbers the printed sign-in sheets carry."""
    with programme.engine.connect() as connection:
        tour_id = _tour_id(connection, tour)
        return _sheet(connection, tour_id)


def _tour_id(connection: Connection, tour: str | int) -> int:
    if isinstance(tour, int):
        return tour
    found = connection.scalar(select(Tour.id).where(Tour.code == tour.strip().upper()))
    if found is None:
        raise BoosterError(_("tour {tour!r} does not exist").format(tour=tour))
    return int(found)


def _sheet(connection: Connection, tour_id: int) -> list[Attendee]:
    rows = connection.execute(
        select(
            Manager.id,
            Manager.given_name,
            Manager.family_name,
            Manager.arabic_name,
            Manager.country_code,
            BadgeToken.token,
        )
        .join(Enrolment, Enrolment.manager_id == Manager.id)
        .outerjoin(
            BadgeToken, (BadgeToken.manager_id == Manager.id) & BadgeToken.revoked_at.is_(None)
        )
        .where(Enrolment.tour_id == tour_id, is_expected())
    ).all()
    rows = sorted(rows, key=lambda r: _sheet_key(r.family_name, r.given_name, r.id))
    return [
        Attendee(
            number,
            r.id,
            f"{r.given_name} {r.family_name}",
            r.family_name,
            r.given_name,
            r.arabic_name,
            r.country_code,
            r.token,
        )
        for number, r in enumerate(rows, 1)
    ]


def _present(connection: Connection, session_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(session, manager) pairs with a standing check-in."""
    rows = connection.execute(
        select(CheckIn.session_id, CheckIn.manager_id)
        .where(CheckIn.session_id.in_(list(session_ids)), CheckIn.voided.is_(False))
        .distinct()
    )
    return {(int(s), int(m)) for s, m in rows}


def head_count(programme: ProgrammeFile, session_id: int) -> HeadCount:
    """Checked in / expected at a session (a person once, whatever the devices), and who is
    missing: the head count at every stop."""
    info = session_info(programme, session_id)
    with programme.engine.connect() as connection:
        sheet = _sheet(connection, info.tour_id)
        present = {m for _, m in _present(connection, [session_id])}
    expected = {a.manager_id for a in sheet}
    return HeadCount(
        checked_in=len(present & expected),
        expected=len(sheet),
        admitted=len(present - expected),
        missing=[a for a in sheet if a.manager_id not in present],
    )


def standing_checkins(programme: ProgrammeFile) -> int:
    """Check-ins that stand (not voided), a person once per session."""
    with programme.engine.connect() as connection:
        pairs = (
            select(CheckIn.session_id, CheckIn.manager_id)
            .where(CheckIn.voided.is_(False))
            .distinct()
            .subquery()
        )
        return int(connection.scalar(select(func.count()).select_from(pairs)) or 0)


# -- paper attendance ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttendanceGrid:
    """A tour's attendance: managers (sheet order, then others admitted) x sessions."""

    tour: str
    managers: list[Attendee]
    sessions: list[SessionInfo]
    present: set[tuple[int, int]]  # (session id, manager id)

    def is_present(self, session_id: int, manager_id: int) -> bool:
        return (session_id, manager_id) in self.present


def attendance_grid(programme: ProgrammeFile, tour: str) -> AttendanceGrid:
    """Who attended which session of `tour`, by any device or from paper."""
    sessions = tour_sessions(programme, tour)
    with programme.engine.connect() as connection:
        tour_id = _tour_id(connection, tour)
        sheet = _sheet(connection, tour_id)
        present = _present(connection, [s.id for s in sessions])
        listed = {a.manager_id for a in sheet}
        others = sorted({m for _, m in present} - listed)
        if others:
            rows = connection.execute(
                select(
                    Manager.id,
                    Manager.given_name,
                    Manager.family_name,
                    Manager.arabic_name,
                    Manager.country_code,
                ).where(Manager.id.in_(others))
            ).all()
            rows = sorted(rows, key=lambda r: _sheet_key(r.family_name, r.given_name, r.id))
            sheet += [
                Attendee(
                    len(sheet) + i,
                    r.id,
                    f"{r.given_name} {r.family_name}",
                    r.family_name,
                    r.given_name,
                    r.arabic_name,
                    r.country_code,
                    None,
                )
                for i, r in enumerate(rows, 1)
            ]
    return AttendanceGrid(tour.strip().upper(), sheet, sessions, present)


def set_attendance(
    programme: ProgrammeFile, session_id: int, manager_id: int, present: bool
) -> ScanResult | None:
    """Tick or untick one cell of the attendance grid.

    Ticking records a check-in from paper (device "paper", at the session's start) unless
    one stands already; unticking voids every standing check-in of that person there.
    """
    if present:
        desk = CheckinDesk(programme, session_id, device=PAPER_DEVICE)
        return desk.record_manager(
            manager_id, admit_unregistered=True, now=desk.session.starts_at()
        )
    with programme.writing() as connection:
        standing = list(
            connection.scalars(select(CheckIn.id).where(standing_at(session_id, manager_id)))
        )
        report(connection, CheckIn.__tablename__, standing, ["voided"])
        connection.execute(
            update(CheckIn).where(standing_at(session_id, manager_id)).values(voided=True)
        )
    return None


def record_paper(
    programme: ProgrammeFile,
    session_id: int,
    who: Sequence[str],
    *,
    admit_unregistered: bool = False,
) -> list[ScanResult]:
    """Record attendance typed in from a paper sign-in sheet: each of `who` is a badge token,
    a manager id, or `#N`, the number on the tour's sign-in sheet."""
    desk = CheckinDesk(programme, session_id, device=PAPER_DEVICE)
    sheet = signin_sheet(programme, desk.session.tour_id)
    at = desk.session.starts_at()
    results: list[ScanResult] = []
    for item in who:
        text = item.strip()
        manager_id: int | None = None
        if text.startswith("#") and text[1:].isdigit():
            number = int(text[1:])
            if not 1 <= number <= len(sheet):
                raise BoosterError(
                    _("{text}: the sign-in sheet of tour {tour_code} numbers 1 to {count}").format(
                        text=text, tour_code=desk.session.tour_code, count=len(sheet)
                    )
                )
            manager_id = sheet[number - 1].manager_id
        elif text.isdigit():
            manager_id = int(text)
        if manager_id is not None:
            results.append(
                desk.record_manager(manager_id, admit_unregistered=admit_unregistered, now=at)
            )
            continue
        result = desk.record(text, admit_unregistered=admit_unregistered, now=at)
        results.append(result)
    return results


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Active managers by name in both scripts, folded once: a forgotten badge found as the
    door types a few letters."""

    people: list[tuple[str, Attendee]]

    def find(self, typed: str, limit: int = 8) -> list[Attendee]:
        key = fold(typed)
        if len(key) < 2:
            return []
        return [person for text, person in self.people if key in text][:limit]


def name_index(programme: ProgrammeFile) -> NameIndex:
    """Every active manager, in sign-in sheet order, with the text a name search looks in."""
    with programme.engine.connect() as connection:
        rows = connection.execute(
            select(
                Manager.id,
                Manager.given_name,
                Manager.family_name,
                Manager.arabic_name,
                Manager.country_code,
            ).where(Manager.status == ManagerStatus.ACTIVE)
        ).all()
    rows = sorted(rows, key=lambda r: _sheet_key(r.family_name, r.given_name, r.id))
    return NameIndex(
        [
            (
                fold(
                    f"{r.given_name} {r.family_name} | {r.family_name} {r.given_name} | "
                    f"{r.arabic_name or ''}"
                ),
                Attendee(
                    0,
                    r.id,
                    f"{r.given_name} {r.family_name}",
                    r.family_name,
                    r.given_name,
                    r.arabic_name,
                    r.country_code,
                    None,
                ),
            )
            for r in rows
        ]
    )


def find_managers(programme: ProgrammeFile, typed: str, limit: int = 8) -> list[Attendee]:
    """Managers whose name (either script) contains the letters typed: a forgotten badge."""
    return name_index(programme).find(typed, limit)
