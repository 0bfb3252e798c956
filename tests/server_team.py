"""A team on a programme on the test server: `booster server init` run on a fresh copy of the
demo, logins made per test with names unique to the run, everything dropped afterwards
(roles are cluster-wide: a test leaves none behind, nor the groups when it made them).

The test cluster trusts every local connection (`-A trust`): a login connects by name alone.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
import pytest

from booster_desktop.domain.roles import GROUP_ROLES, Role
from booster_desktop.services.programme import ServerAddress
from booster_desktop.services.team import add_user, init_server

_numbers = itertools.count(1)


def connect(address: ServerAddress) -> psycopg.Connection[tuple[Any, ...]]:
    """A plain psycopg connection as the address's login (autocommit: each statement alone)."""
    url = address.driver_url().set(drivername="postgresql").render_as_string(False)
    return psycopg.connect(url, autocommit=True)


def as_login(address: ServerAddress, name: str) -> ServerAddress:
    return ServerAddress(address.url.set(username=name))


@dataclass
class Team:
    """The demo programme on the server with the group roles set up; `admin` is the
    superuser's address, `add` makes a login of one role."""

    admin: ServerAddress
    said: list[str]
    logins: list[str] = field(default_factory=list)

    def name(self, prefix: str) -> str:
        return f"{prefix}_{os.getpid()}_{next(_numbers)}"

    def add(self, role: Role, secret: str = "door-Pa55") -> ServerAddress:
        name = self.name(role.value)
        self.logins.append(name)  # dropped afterwards, even when add_user fails
        add_user(self.admin, name, role, secret)
        return as_login(self.admin, name)

    def login(self, name: str) -> ServerAddress:
        self.logins.append(name)
        return as_login(self.admin, name)


def _groups(admin: ServerAddress) -> set[str]:
    with connect(admin) as connection:
        return {
            str(name)
            for (name,) in connection.execute(
                "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)",
                (list(GROUP_ROLES.values()),),
            )
        }


@pytest.fixture
def team(demo_file: Any) -> Iterator[Team]:
    admin: ServerAddress = demo_file
    before = _groups(admin)
    made = Team(admin, [])
    try:
        made.said.extend(init_server(admin))
        yield made
    finally:
        elsewhere = ServerAddress(admin.url.set(database="postgres"))
        with connect(elsewhere) as connection:
            # The database first (its grants go with it), then the roles it named.
            connection.execute(
                f'DROP DATABASE IF EXISTS "{admin.database}" WITH (FORCE)'  # a test's own name
            )
            for name in made.logins:
                connection.execute(f'DROP ROLE IF EXISTS "{name}"')
            for group in set(GROUP_ROLES.values()) - before:
                try:
                    connection.execute(f'DROP ROLE IF EXISTS "{group}"')
                except psycopg.errors.DependentObjectsStillExist as error:
                    # Another database of the run still grants it something: it stays, said.
                    warnings.warn(f"{group} kept: {error.diag.message_detail}", stacklevel=1)
