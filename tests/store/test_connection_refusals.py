"""Connection-time refusals, each as libpq words it: which mean the server was reached (a
door then says why) and which mean out of reach (a door goes on offline). The messages are
what a PostgreSQL 15 server said to psycopg (measured)."""

from __future__ import annotations

import psycopg
import pytest

from booster_desktop.store.server import is_unreachable

SOCKET = 'connection to server on socket "/tmp/pg/.s.PGSQL.5432" failed: '


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            'FATAL:  pg_hba.conf rejects connection for host "[local]", user "door_1", '
            'database "tours", no encryption',
            id="hba-reject",
        ),
        pytest.param('FATAL:  Peer authentication failed for user "door_1"', id="peer"),
        pytest.param('FATAL:  Ident authentication failed for user "door_1"', id="ident"),
        pytest.param(
            'FATAL:  certificate authentication failed for user "door_1"',
            id="certificate",
        ),
        pytest.param(
            'FATAL:  database "tours" is not currently accepting connections',
            id="datallowconn-off",
        ),
        pytest.param('FATAL:  role "door_1" does not exist', id="removed-login"),
        pytest.param('FATAL:  database "tours" does not exist', id="wrong-database"),
        pytest.param('FATAL:  role "door_1" is not permitted to log in', id="nologin"),
        pytest.param('FATAL:  password authentication failed for user "door_1"', id="password"),
    ],
)
def test_a_login_refused_at_connection_is_a_server_reached(said: str) -> None:
    assert not is_unreachable(psycopg.OperationalError(SOCKET + said))


@pytest.mark.parametrize(
    "said",
    [
        "FATAL:  the database system is starting up",
        "FATAL:  the database system is shutting down",
        "FATAL:  the database system is not yet accepting connections",
        "FATAL:  sorry, too many clients already",
        "FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
        'FATAL:  too many connections for role "door_1"',
        "Connection refused",
        "No such file or directory",
    ],
)
def test_a_server_that_cannot_take_the_door_now_is_out_of_reach(said: str) -> None:
    assert is_unreachable(psycopg.OperationalError(SOCKET + said))
