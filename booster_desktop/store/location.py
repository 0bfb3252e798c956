"""Where a programme lives: a file on this computer, or a database on a PostgreSQL server.

A location given as text (a command's argument, a recent-files entry) is a server when it
starts with `postgresql://` (or `postgres://`), else a file path. A server address keeps its
password, if it was given one, for the driver only: `str()` and `repr()` never show it, so an
address can go into messages, window titles, logs and recent files as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _

SCHEMES = ("postgresql", "postgres")
DRIVER = "postgresql+psycopg"
# Hosts that are this machine: no TLS needed to reach them (a Unix socket is a folder path).
LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})
# The options that say where the server is (`?host=/run/postgresql&port=5433`), not how to talk
# to it: part of what tells two servers apart.
_PLACE = ("host", "port")
# libpq's TLS modes, weakest first (`sslmode` in the address).
TLS_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


@dataclass(frozen=True)
class ServerAddress:
    """A programme on a PostgreSQL server: host, port, database, user, TLS mode (the password
    only for connecting, never shown)."""

    url: URL

    def __str__(self) -> str:
        return _public(self.url).render_as_string(hide_password=False)

    def __repr__(self) -> str:
        return f"ServerAddress({str(self)!r})"

    def __format__(self, spec: str) -> str:
        # Every message that names the address (`"{file}: ...".format(file=address)`) says it
        # as a person reads it; `str()` stays the form parsed back and filed under.
        return format(self.shown, spec)

    @property
    def shown(self) -> str:
        """The address as a person reads it, in a status bar, a title or a message: a socket
        folder as a folder (`host=/tmp/pg`, not `%2Ftmp%2Fpg`), and no password, not even
        one given among the options."""
        # Only the folders' slashes are unescaped: the shown form is also what a message
        # offers to type back (`booster checkin send ADDRESS`), so it must read back as the
        # same address ("&", "%" or "+" in a folder's name stay escaped).
        where, mark, options = str(self).partition("?")
        return where + mark + re.sub("%2[Ff]", "/", options)

    @property
    def host(self) -> str:
        return self.url.host or str(self.url.query.get("host") or "")

    @property
    def port(self) -> int | None:
        given = self.url.port or self.url.query.get("port")
        try:
            return int(str(given)) if given else None
        except ValueError:
            return None

    @property
    def database(self) -> str:
        return self.url.database or ""

    @property
    def user(self) -> str:
        return self.url.username or ""

    @property
    def password(self) -> str | None:
        return self.url.password if isinstance(self.url.password, str) else None

    @property
    def tls_mode(self) -> str:
        value = self.url.query.get("sslmode")
        return str(value) if value else ("prefer" if self.is_local else "require")

    @property
    def is_local(self) -> bool:
        """Whether the server is this machine (loopback or a Unix socket folder)."""
        return self.host in LOCAL_HOSTS or self.host.startswith("/")

    @property
    def name(self) -> str:
        """What to call the programme in a title or a suggested file name: its database."""
        return self.database

    @property
    def key(self) -> str:
        """The address without password or options, but with the socket folder and port when
        the options give them (two servers on one machine may differ only there): what the
        keyring files a password under, and what names the last door opened from here."""
        place = {name: self.url.query[name] for name in _PLACE if name in self.url.query}
        return str(ServerAddress(self.url.set(query=place)))

    @property
    def legacy_key(self) -> str:
        """The key of earlier versions, which left out the options' socket folder and port
        (what they filed a password or a last door under)."""
        return str(ServerAddress(self.url.set(query={})))

    def with_password(self, password: str | None) -> ServerAddress:
        url = _without_password(self.url)
        return ServerAddress(url if password is None else url.set(password=password))

    def driver_url(self) -> URL:
        """The URL the engine connects with: psycopg, the password, TLS as required."""
        url = self.url.set(drivername=DRIVER)
        if "sslmode" not in url.query and not self.is_local:
            url = url.update_query_dict({"sslmode": "require"})
        return url


def _without_password(url: URL) -> URL:
    # `URL.set(password=None)` leaves the password as it was: None there means "unchanged".
    return url._replace(password=None)


_SECRET_OPTIONS = frozenset({"password", "sslpassword"})


def _public(url: URL) -> URL:
    """The address without its password, whether given before the host or among the options
    (libpq takes both, and a client key's `sslpassword`): what may be shown, kept in recent
    files, or filed under."""
    options = {k: v for k, v in url.query.items() if k.lower() not in _SECRET_OPTIONS}
    return _without_password(url.set(drivername="postgresql", query=options))


Location = Path | ServerAddress


def shown_location(location: Location) -> str:
    """Where a programme is, as a person reads it: a file's path, a server's address."""
    return location.shown if isinstance(location, ServerAddress) else str(location)


def is_server_text(text: str) -> bool:
    """Whether `text` names a server rather than a file."""
    return text.strip().lower().startswith(tuple(f"{s}://" for s in SCHEMES)) or text.startswith(
        tuple(f"{s}+" for s in SCHEMES)
    )


# The password of an address that could not be parsed: left out of what is shown.
_SECRET_OPTION = re.compile(r"((?:ssl)?password=)[^&]*", re.IGNORECASE)


def _shown(text: str) -> str:
    """An address that could not be read, as it may be said: without the password after
    the user (up to the last "@": a password may hold "/" or "@") nor among the options."""
    text = text.strip()
    scheme, sep, rest = text.partition("://")
    if sep:
        head, mark, options = rest.partition("?")
        user, at, place = head.rpartition("@")
        if at and ":" in user:
            head = user.split(":", 1)[0] + "@" + place
        text = scheme + sep + head + mark + options
    return _SECRET_OPTION.sub(r"\1***", text)[:200]


def _check_ports(address: ServerAddress, url: URL) -> None:
    """Every port given (after the host or as `port=`) a number a server can listen on."""
    given = url.query.get("port")
    ports = [given] if isinstance(given, str) else list(given or ())
    for port in ports:
        if not (port.isdigit() and 0 < int(port) < 65536):
            raise BoosterError(
                _("{address}: the port must be a number from 1 to 65535, not {port!r}").format(
                    address=address, port=port[:40]
                )
            )
    if url.port is not None and not 0 < url.port < 65536:
        raise BoosterError(
            _("{address}: the port must be a number from 1 to 65535, not {port!r}").format(
                address=address, port=str(url.port)
            )
        )


def parse_server(text: str) -> ServerAddress:
    """A server address from `postgresql://user@host:port/database?sslmode=...`; refused in
    one line (without the password) when it cannot be read, names no database, a bad port or
    an unknown TLS mode."""
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):  # ValueError: a port that is no number after the host
        raise BoosterError(
            _("{address}: not a server address: write postgresql://user@host:port/database").format(
                address=_shown(text)
            )
        ) from None
    scheme = url.drivername.split("+", 1)[0]
    if scheme not in SCHEMES:
        raise BoosterError(
            _("{scheme}: only PostgreSQL servers hold programmes").format(scheme=scheme)
        )
    address = ServerAddress(url.set(drivername="postgresql"))
    if not address.database:
        raise BoosterError(
            _("{address}: names no database (postgresql://host/DATABASE)").format(address=address)
        )
    mode = url.query.get("sslmode")
    if mode is not None and mode not in TLS_MODES:
        raise BoosterError(
            _("{address}: sslmode must be one of {modes}").format(
                address=address, modes=", ".join(TLS_MODES)
            )
        )
    _check_ports(address, url)
    try:  # what the driver will be given, read now: anything else it would refuse later
        dialect = PGDialect_psycopg()  # type: ignore[no-untyped-call]
        dialect.create_connect_args(address.driver_url())  # type: ignore[no-untyped-call]
    except (ArgumentError, ValueError) as error:
        raise BoosterError(
            _("{address}: not a server address ({reason})").format(
                address=address, reason=str(error).splitlines()[0][:120]
            )
        ) from None
    return address


def parse_location(value: str | Path | ServerAddress) -> Location:
    """A file path or a server address, from what the user typed (or an address already)."""
    if isinstance(value, ServerAddress):
        return value
    if isinstance(value, Path):
        return value
    return parse_server(value) if is_server_text(value) else Path(value)
