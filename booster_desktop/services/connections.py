"""Connecting to a programme on a server from the window: the address from its parts, and a
connection test that says what the database holds (the password never in either's text)."""

from __future__ import annotations

from sqlalchemy.engine import URL

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.store.location import LOCAL_HOSTS, TLS_MODES, ServerAddress

__all__ = ["DEFAULT_PORT", "TLS_MODES", "is_local_host", "server_address", "try_connection"]

DEFAULT_PORT = 5432


def is_local_host(host: str) -> bool:
    """Whether `host` is this machine (no TLS needed by default)."""
    return host.strip() in LOCAL_HOSTS or host.strip().startswith("/")


def server_address(
    host: str,
    port: int,
    database: str,
    user: str,
    *,
    tls_mode: str | None = None,
    password: str | None = None,
) -> ServerAddress:
    """The address of a programme on a server, from the fields of File > Connect; refused in
    one line when a field is missing. No TLS mode: required beyond this machine."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not database:
        raise BoosterError(_("name the database that holds the programme"))
    if not user:
        raise BoosterError(_("name the user to connect as"))
    if tls_mode is not None and tls_mode not in TLS_MODES:
        raise BoosterError(_("TLS mode must be one of {modes}").format(modes=", ".join(TLS_MODES)))
    query: dict[str, str] = {}
    socket = host.startswith("/")
    if socket:
        query["host"] = host
    if tls_mode is not None:
        query["sslmode"] = tls_mode
    url = URL.create(
        "postgresql",
        username=user,
        password=password or None,
        host=None if socket or not host else host,
        port=port if (port and port != DEFAULT_PORT) or socket else None,
        database=database,
        query=query,
    )
    return ServerAddress(url)


def try_connection(address: ServerAddress) -> str:
    """Connect once and say what the database holds; a refusal is a BoosterError."""
    from booster_desktop.store.server import describe

    return describe(address)
