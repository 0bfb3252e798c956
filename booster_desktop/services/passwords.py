"""Passwords for programmes on a server: kept in the system keyring, never in an address.

An address is shown, logged, put in window titles and recent files without its password
(`ServerAddress.__str__`); the password itself is kept by the operating system's keyring
(macOS Keychain, Windows Credential Locker, the Secret Service on Linux) through `keyring`,
filed under the address without password. Where no keyring exists, nothing is stored by us:
the password is asked each time, or read from a password file the user chooses (the laptop
setting `password_file`, in PostgreSQL's `.pgpass` format), and libpq's own (`~/.pgpass`, or
the file `PGPASSFILE` names) still serves the command. A password is never logged, and no
message quotes a line of the file.
"""

from __future__ import annotations

import getpass
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.store.location import ServerAddress

# libpq's default port, and the socket folders it reaches "localhost" through.
DEFAULT_PORT = 5432
_LOCAL_SOCKETS = frozenset({"/var/run/postgresql", "/run/postgresql", "/tmp"})

SERVICE = "Booster Desktop"

_log = logging.getLogger(__name__)


def _keyring() -> object | None:
    """The keyring module when a real backend is present, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring setup must not stop the programme from opening
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    """Whether this computer has a keyring to keep passwords in."""
    return _keyring() is not None


def kept_password(address: ServerAddress) -> str | None:
    """The password kept for `address`, or None (none kept, or no keyring)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(SERVICE, address.key)  # type: ignore[attr-defined]
        if value is None and address.legacy_key != address.key:
            # Kept by an earlier version, under a key without the socket folder and port.
            value = keyring.get_password(SERVICE, address.legacy_key)  # type: ignore[attr-defined]
    except Exception as error:  # a locked or refusing keyring: ask the user instead
        _log.warning("the keyring refused to give the password for %s: %s", address, error)
        return None
    return value if isinstance(value, str) else None


def keep_password(address: ServerAddress, password: str) -> bool:
    """Keep `password` for `address` in the keyring; False when there is no keyring."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, address.key, password)  # type: ignore[attr-defined]
    except Exception as error:
        _log.warning("the keyring refused to keep the password for %s: %s", address, error)
        return False
    return True


def with_kept_password(address: ServerAddress) -> ServerAddress:
    """`address` with the password kept for it, when it has none of its own: from the
    keyring, else from the password file the laptop's settings name (a one-line refusal
    when that file cannot be read or is not in the `.pgpass` format)."""
    if address.password:
        return address
    password = stored_password(address)
    return address.with_password(password) if password else address


def stored_password(address: ServerAddress) -> str | None:
    """The password for `address` from the keyring, else from the chosen password file."""
    return kept_password(address) or file_password(address)


def chosen_password_file() -> Path | None:
    """The password file the laptop's settings name, or None (asked each time)."""
    from booster_desktop.services.settings import PASSWORD_FILE, laptop_value

    chosen = laptop_value(PASSWORD_FILE).strip()
    return Path(chosen).expanduser() if chosen else None


def file_password(address: ServerAddress, path: Path | None = None) -> str | None:
    """The password the file (by default the chosen one) gives for `address`: its first
    matching line, as libpq reads `.pgpass`; None when no file is chosen or no line matches."""
    path = chosen_password_file() if path is None else path
    if path is None:
        return None
    for entry in read_password_file(path):
        if entry.matches(address):
            return entry.password
    return None


@dataclass(frozen=True)
class PasswordEntry:
    """One line of a password file: four fields that match an address (`None`: the `*`
    that matches anything) and the password."""

    host: str | None
    port: str | None
    database: str | None
    user: str | None
    password: str

    def __repr__(self) -> str:  # never the password, wherever an entry is shown
        return f"PasswordEntry({self.host}:{self.port}:{self.database}:{self.user}:***)"

    def matches(self, address: ServerAddress) -> bool:
        host = address.host
        hosts = {host or "localhost"}
        if host.startswith("/") and host.rstrip("/") in _LOCAL_SOCKETS:
            hosts.add("localhost")
        wanted = (
            (self.host, hosts),
            (self.port, {str(address.port or DEFAULT_PORT)}),
            (self.database, {address.database}),
            (self.user, {address.user or getpass.getuser()}),
        )
        return all(field is None or field in values for field, values in wanted)


def _fields(line: str) -> list[tuple[str, bool]]:
    """A line's fields as libpq splits them: at unescaped colons (the fifth field, the
    password, takes the rest of the line), a backslash taking the next character as it is;
    each with whether it was a bare `*`."""
    fields: list[tuple[str, bool]] = []
    current: list[str] = []
    raw: list[str] = []
    escaped = False
    for char in line:
        raw.append(char)
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":" and len(fields) < 4:
            raw.pop()
            fields.append(("".join(current), "".join(raw) == "*"))
            current, raw = [], []
        else:
            current.append(char)
    fields.append(("".join(current), "".join(raw) == "*"))
    return fields


def read_password_file(path: Path) -> list[PasswordEntry]:
    """Every entry of a password file in PostgreSQL's `.pgpass` format
    (`host:port:database:user:password`, `*` for any, `\\:` and `\\\\` for a colon and a
    backslash, `#` comments). Refused in one line, never quoting a line, when the file cannot
    be read, is open to others than its owner, or has a line not in that format."""
    try:
        data = path.read_bytes()
        mode = path.stat().st_mode
    except OSError as error:
        raise BoosterError(
            _("{path}: the password file cannot be read ({reason})").format(
                path=path, reason=error.strerror or type(error).__name__
            )
        ) from None
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise BoosterError(
            _(
                "{path}: the password file can be read by others than you; "
                "make it yours alone (chmod 600)"
            ).format(path=path)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BoosterError(
            _("{path}: the password file is not text (UTF-8)").format(path=path)
        ) from None
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _fields(line)
        if len(fields) != 5:
            raise BoosterError(
                _("{path}: line {number} is not host:port:database:user:password").format(
                    path=path, number=number
                )
            )
        host, port, database, user = (None if star else value for value, star in fields[:4])
        entries.append(PasswordEntry(host, port, database, user, fields[4][0]))
    return entries
