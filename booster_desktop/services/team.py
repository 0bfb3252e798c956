"""A team on one programme on a server: the group roles and their grants (`booster server
init`), a login per person in one of them (`booster server add-user`).

The server enforces who may do what (`store.roles`); this module connects as the
administrator who runs the command and says in one line what went wrong.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.roles import Role
from booster_desktop.i18n import _
from booster_desktop.store import roles, server
from booster_desktop.store.location import ServerAddress

__all__ = [
    "Role",
    "add_user",
    "check_login_name",
    "init_server",
    "read_password_file",
    "refused_by_server",
]

check_login_name = roles.check_login_name


def _connected(address: ServerAddress) -> ServerAddress:
    from booster_desktop.services.passwords import with_kept_password

    return with_kept_password(address)


def init_server(address: ServerAddress) -> list[str]:
    """Set up (or again, after an upgrade) the two group roles and their rights on the
    programme in `address`'s database; returns what was done, one line each."""
    address = _connected(address)
    engine = server.make_server_engine(address)
    try:
        with engine.begin() as connection:
            return roles.init(connection, str(address))
    except DBAPIError as error:
        raise server.server_problem(address, error) from None
    finally:
        engine.dispose()


def add_user(address: ServerAddress, name: str, role: Role, password: str) -> str:
    """Make a login for one person of the team in the group of `role`; returns the group."""
    roles.check_login_name(name)
    if not password:
        raise BoosterError(_("the password is empty"))
    address = _connected(address)
    engine = server.make_server_engine(address)
    try:
        with engine.begin() as connection:
            return roles.add_user(connection, str(address), name, role, password)
    except DBAPIError as error:
        raise server.server_problem(address, error) from None
    finally:
        engine.dispose()


def read_password_file(path: Path) -> str:
    """The password in the first line of `path` (its line end left out); refused in one line
    when the file is missing, unreadable or its first line is empty."""
    try:
        with Path(path).open(encoding="utf-8") as stream:
            first = stream.readline()
    except FileNotFoundError:
        raise BoosterError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise BoosterError(_("{path}: is a folder").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BoosterError(
            _("{path}: cannot be read ({error})").format(path=path, error=error)
        ) from None
    password = first.rstrip("\r\n")
    if not password:
        raise BoosterError(_("{path}: its first line is empty (no password)").format(path=path))
    return password


# PostgreSQL's code for "insufficient privilege".
_REFUSED = "42501"


def refused_by_server(error: BaseException) -> BoosterError | None:
    """The server's refusal of something the login may not do, as one line (None for any
    other error): a door login reaching past check-in, a login in neither group."""
    original = getattr(error, "orig", error)
    if getattr(original, "sqlstate", None) != _REFUSED:
        return None
    text = " ".join(str(original).split("\n", 1)[0].split())[:160]
    return BoosterError(
        _("the server refused: {problem} (ask a coordinator for the rights)").format(problem=text)
    )
