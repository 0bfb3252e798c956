"""Who may do what on a programme kept on a server: a coordinator does everything, door staff
check people in. The server enforces it (group roles and grants, see `store.roles`); the
application only shows each what they may use."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What the login that opened a programme may do there."""

    # Everything: a programme file's owner is always one, as is a server's administrator.
    COORDINATOR = "coordinator"
    # Read the roster without sensitive fields, record and void check-ins; nothing else.
    DOOR = "door"


# The PostgreSQL group role of each role (cluster-wide; the grants are per database).
GROUP_ROLES: dict[Role, str] = {
    Role.COORDINATOR: "booster_coordinator",
    Role.DOOR: "booster_door",
}
