"""Organisations named in editors (a manager's cluster, a host agency, a visited cluster):
the one with that name, or a new one."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from booster_desktop.domain.kinds import OrganisationKind
from booster_desktop.domain.organisation import Organisation
from booster_desktop.store.changes import report


def organisation_id(
    connection: Connection,
    name: str,
    *,
    country: str | None,
    kind: OrganisationKind,
    city: str | None = None,
) -> int | None:
    """The id of the organisation called `name`, created (in `country`) when there is none;
    None for no name."""
    if not name:
        return None
    found = connection.scalar(select(Organisation.id).where(Organisation.name == name))
    if found is not None:
        return found
    created: int = connection.execute(
        insert(Organisation)
        .values(name=name, country_code=country, kind=kind, city=city)
        .returning(Organisation.id)
    ).scalar_one()
    report(connection, "organisation", [created], added=True)
    return created
