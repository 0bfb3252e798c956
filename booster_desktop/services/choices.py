"""What the editors' drop-down lists offer: countries, organisations, tours, time zones."""

from __future__ import annotations

import zoneinfo
from functools import cache

from sqlalchemy import select

from booster_desktop.domain.country import SOUTH_MED_COUNTRIES, Country, country_name
from booster_desktop.domain.kinds import OrganisationKind, SessionKind
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.tour import Tour
from booster_desktop.store.programme_file import ProgrammeFile


def countries(programme: ProgrammeFile) -> list[tuple[str, str]]:
    """(code, name in the language in use), the programme's seven countries first, then the
    rest by name."""
    with programme.engine.connect() as connection:
        rows = connection.execute(select(Country.code, country_name())).all()
    first = [r for r in rows if r[0] in SOUTH_MED_COUNTRIES]
    rest = [r for r in rows if r[0] not in SOUTH_MED_COUNTRIES]
    return [(c, n) for c, n in sorted(first, key=lambda r: r[1]) + sorted(rest, key=lambda r: r[1])]


def organisation_names(programme: ProgrammeFile, kind: OrganisationKind | None = None) -> list[str]:
    query = select(Organisation.name).distinct().order_by(Organisation.name)
    if kind is not None:
        query = query.where(Organisation.kind == kind)
    with programme.engine.connect() as connection:
        return list(connection.scalars(query))


def tours(programme: ProgrammeFile) -> list[tuple[int, str, str]]:
    """(id, code, title) of every tour, in date order."""
    with programme.engine.connect() as connection:
        rows = connection.execute(
            select(Tour.id, Tour.code, Tour.title).order_by(Tour.start_date, Tour.code)
        )
        return [(r[0], r[1], r[2]) for r in rows]


SESSION_KINDS = tuple(kind.value for kind in SessionKind)


@cache
def time_zones() -> list[str]:
    """Every IANA zone name, Europe's first (tours are held there)."""
    names = sorted(zoneinfo.available_timezones())
    return [n for n in names if n.startswith("Europe/")] + [
        n for n in names if not n.startswith("Europe/")
    ]


def topic_names(programme: ProgrammeFile) -> list[str]:
    """Every topic's name, alphabetically."""
    from booster_desktop.domain.topic import Topic

    with programme.engine.connect() as connection:
        return list(connection.scalars(select(Topic.name).order_by(Topic.name)))
