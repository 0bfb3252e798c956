"""The Managers tab's rows: one light record per manager, read in three plain queries.

Apart from `services.managers` (editing), and free of the ORM: this is what the window
reads at start-up, and mapping the entities would cost more than reading 10,000 managers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, text

from booster_desktop.domain.kinds import expected_sql
from booster_desktop.i18n import language
from booster_desktop.store.location import Location
from booster_desktop.store.programme_file import ProgrammeFile

# The Managers tab shows each manager's most wanted topics, not all of them.
TOPICS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class ManagerRow:
    """One line of the Managers tab, every value ready to show."""

    id: int
    given_name: str
    family_name: str
    arabic_name: str
    country_code: str
    country: str
    city: str
    organisation: str
    email: str
    phone: str
    role: str
    status: str
    tours: str  # the tours that expect the manager, as shown: "CAT, WAL"
    topics: str
    badge_token: str
    has_travel_documents: bool
    tour_codes: tuple[str, ...] = ()  # the same tours, one code each
    # The version the row was read at: a delete of it over a later one is refused.
    version: int | None = field(default=None, compare=False)


# The Managers tab's three queries, in plain standard SQL: at start-up, compiling ORM
# statements and processing typed rows cost more than reading 10,000 managers (bench/).
_MANAGERS = """
    SELECT m.id, m.given_name, m.family_name, m.arabic_name, m.country_code, c.{country_name},
           o.name, m.email, m.phone, m.role, m.status, b.token, t.passport_number, m.city,
           m.version
    FROM manager m
    JOIN country c ON c.code = m.country_code
    LEFT JOIN organisation o ON o.id = m.organisation_id
    LEFT JOIN badge_token b ON b.manager_id = m.id AND b.revoked_at IS NULL
    LEFT JOIN travel_document t ON t.manager_id = m.id
    {where} ORDER BY m.id"""
# A manager's tours are those that expect them (`domain.kinds.expected_sql`: one rule).
_TOURS = f"""
    SELECT e.manager_id, t.code FROM enrolment e JOIN tour t ON t.id = e.tour_id
    JOIN manager em ON em.id = e.manager_id
    WHERE {expected_sql("e", "em")} {{where}} ORDER BY t.start_date, t.code"""
_TOPICS = f"""
    SELECT i.manager_id, p.name FROM topic_interest i JOIN topic p ON p.id = i.topic_id
    WHERE i.rank <= {TOPICS_SHOWN} {{where}} ORDER BY i.rank, p.name"""


def manager_rows(programme: ProgrammeFile, ids: Collection[int] | None = None) -> list[ManagerRow]:
    """Rows for the Managers tab (all, or those with `ids`), in three light queries."""
    if ids is None:
        where: tuple[str, str, str] = ("", "", "")
        bind: dict[str, Any] = {}
    else:
        where = ("WHERE m.id IN :ids", "AND e.manager_id IN :ids", "AND i.manager_id IN :ids")
        bind = {"ids": list(ids)}

    def query(sql: str, condition: str) -> Any:
        # Countries named in the window's language (the table holds English and French).
        country_name = "name_fr" if language() == "fr" else "name_en"
        statement = text(sql.format(where=condition, country_name=country_name))
        return statement.bindparams(bindparam("ids", expanding=True)) if bind else statement

    with programme.engine.connect() as connection:
        tours_of: defaultdict[int, list[str]] = defaultdict(list)
        for manager_id, code in connection.execute(query(_TOURS, where[1]), bind):
            tours_of[manager_id].append(code)
        topics_of: defaultdict[int, list[str]] = defaultdict(list)
        for manager_id, name in connection.execute(query(_TOPICS, where[2]), bind):
            topics_of[manager_id].append(name)
        no_codes: list[str] = []
        return [
            ManagerRow(
                id=r[0],
                given_name=r[1],
                family_name=r[2],
                arabic_name=r[3] or "",
                country_code=r[4],
                country=r[5],
                city=r[13] or "",
                organisation=r[6] or "",
                email=r[7] or "",
                phone=r[8] or "",
                role=r[9] or "",
                status=r[10],
                tours=", ".join(tours_of.get(r[0], no_codes)),
                topics=", ".join(topics_of.get(r[0], no_codes)),
                badge_token=r[11] or "",
                has_travel_documents=r[12] is not None,
                tour_codes=tuple(tours_of.get(r[0], no_codes)),
                version=r[14],
            )
            for r in connection.execute(query(_MANAGERS, where[0]), bind)
        ]


def open_with_managers(path: Location | str) -> tuple[ProgrammeFile, list[ManagerRow]]:
    """Open a programme file for writing and read its Managers tab: what the window needs to
    show a programme (door staff get no rows: their window is the check-in screen). Runs on a
    worker thread; the file is closed again if reading fails."""
    # On a read-only disk the window still shows the file, for reading (the reason is kept).
    from booster_desktop.services.programme import open_programme

    programme = open_programme(path, writable=True, read_only_fallback=True, door_may=True)
    try:
        # Door staff see the check-in screen only, and may not read the Managers tab's fields.
        return programme, [] if programme.door_only else manager_rows(programme)
    except BaseException:
        programme.close()
        raise
