"""Passwords for programmes on a server: kept in the system keyring, never in an address.

An address is shown, logged, put in window titles and recent files without its password
(`ServerAddress.__str__`); the password itself is kept by the operating system's keyring
(macOS Keychain, Windows Credential Locker, the Secret Service on Linux) through `keyring`,
filed under the address without password. Where no keyring exists, nothing is stored by us:
the window asks each time, and libpq's own password file (`~/.pgpass`, or the file the
`PGPASSFILE` environment variable names) serves the command.
"""

from __future__ import annotations

import contextlib
import logging

from booster_desktop.store.location import ServerAddress

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


def forget_password(address: ServerAddress) -> None:
    """Forget the password kept for `address` (nothing when none is kept)."""
    keyring = _keyring()
    if keyring is None:
        return
    with contextlib.suppress(Exception):  # none was kept: nothing to forget
        keyring.delete_password(SERVICE, address.key)  # type: ignore[attr-defined]


def with_kept_password(address: ServerAddress) -> ServerAddress:
    """`address` with the password kept for it, when it has none of its own."""
    if address.password:
        return address
    password = kept_password(address)
    return address.with_password(password) if password else address
