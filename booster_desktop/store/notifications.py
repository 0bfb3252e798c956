"""Live windows on a server: every committed write is announced to the other windows open on
the same programme, and who else is connected is read from the server.

The write gate sends the change record with `pg_notify` inside its transaction, just before
the commit: PostgreSQL delivers it only if and when the transaction commits, so a rolled-back
write announces nothing. NOTIFY is scoped to a database and a programme is one database, so
one channel name serves every programme. Each open programme has a `session` id, in every
payload it sends and in the `application_name` of its connections, so a window ignores its
own changes (it heard them from its own gate already) and counts everyone else.

A `ChangeFeed` listens on a connection of its own, on a thread of the caller's choosing (the
window's worker); it reconnects after the connection drops and then says that changes may
have been missed. Plain data and callbacks, no Qt. A programme file has none of this.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.moments import moment_with_offset
from booster_desktop.store.changes import Action, Change, Key, Written

if TYPE_CHECKING:
    import psycopg

CHANNEL = "booster_changes"
# PostgreSQL refuses a payload of 8,000 bytes or more.
PAYLOAD_LIMIT = 7999
FORMAT = 1
# What marks our connections in pg_stat_activity: "Booster Desktop <session> <device>".
APPLICATION = "Booster Desktop"
# PostgreSQL keeps 63 bytes of an application_name (NAMEDATALEN - 1).
APPLICATION_NAME_LIMIT = 63
# How often the feed looks at its stop flag while waiting, and how often it asks who is here.
WAKE_SECONDS = 0.25
PRESENCE_SECONDS = 5.0
RECONNECT_DELAYS = (0.2, 0.5, 1.0, 2.0, 5.0)


def new_session() -> str:
    """A short random id for one open programme (its windows' connections and payloads)."""
    return secrets.token_hex(4)


def application_name(session: str, device: str) -> str:
    """The `application_name` of a connection: ours, which open programme, which laptop;
    cut to the 63 bytes PostgreSQL keeps (never inside a character)."""
    name = f"{APPLICATION} {session} {' '.join(device.split())}".strip()
    encoded = name.encode("utf-8")[:APPLICATION_NAME_LIMIT]
    return encoded.decode("utf-8", "ignore")


@dataclass(frozen=True)
class Notice:
    """A change announced by another open programme (`session`)."""

    session: str
    change: Change


def encode(change: Change, session: str) -> str:
    """The payload of `change`: compact JSON under PostgreSQL's limit. Too many ids for it
    and the ids are dropped (any row of those tables); then the columns; the tables always
    stay."""

    def text(ids: bool, columns: bool) -> str:
        written = {
            table: {
                "i": None if not ids or w.ids is None else sorted(w.ids, key=_key_order),
                "c": None if not columns or w.columns is None else sorted(w.columns),
            }
            for table, w in sorted(change.written.items())
        }
        return json.dumps(
            {
                "v": FORMAT,
                "s": session,
                "a": change.action.value,
                "d": change.device[:100],
                "t": change.at.isoformat(),
                "w": written,
            },
            separators=(",", ":"),
        )

    for ids, columns in ((True, True), (False, True), (False, False)):
        payload = text(ids, columns)
        if len(payload.encode("utf-8")) <= PAYLOAD_LIMIT:
            return payload
    return payload  # hundreds of tables: cannot happen with our schema, the server refuses


def _key_order(key: Key) -> tuple[int, str]:
    return (0, f"{key:020d}") if isinstance(key, int) else (1, key)


def decode(payload: str) -> Notice | None:
    """The notice in a payload, or None when it is not one of ours (anyone may NOTIFY)."""
    try:
        data = json.loads(payload)
        if not isinstance(data, dict) or data.get("v") != FORMAT:
            return None
        written: dict[str, Written] = {}
        for table, w in dict(data["w"]).items():
            ids = w["i"]
            columns = w["c"]
            written[str(table)] = Written(
                None if ids is None else frozenset(_key(i) for i in ids),
                None if columns is None else frozenset(str(c) for c in columns),
            )
        # Ours always carry their offset; a naive time could not be merged with them.
        at = moment_with_offset(data["t"])
        change = Change(Action(data["a"]), written, str(data["d"]), at)
        return Notice(str(data["s"]), change)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _key(value: object) -> Key:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(value)
    return value


def notify(connection: Connection, change: Change, session: str) -> None:
    """Announce `change` on the write's own connection: delivered at its commit, or never."""
    connection.exec_driver_sql("SELECT pg_notify(%s, %s)", (CHANNEL, encode(change, session)))


def everything(tables: Mapping[str, object], device: str) -> Change:
    """A change naming every table, any row, any column: reload it all (after changes may
    have been missed)."""
    return Change(Action.EDIT, {t: Written(None, None) for t in tables}, device, datetime.now(UTC))


@dataclass(frozen=True)
class Present:
    """Someone else connected to the same programme: the login and the laptop."""

    user: str
    device: str

    def __str__(self) -> str:
        if not self.device or self.device == self.user:
            return self.user
        return f"{self.user} ({self.device})"


PRESENCE_QUERY = (
    "SELECT DISTINCT usename, application_name FROM pg_stat_activity "
    "WHERE datname = current_database() AND application_name LIKE %s "
    "AND application_name NOT LIKE %s"
)


def present(
    run: Callable[[str, tuple[str, ...]], list[tuple[Any, ...]]], session: str
) -> list[Present]:
    """Who else has the programme open: our connections of other sessions, one entry per
    person and laptop, sorted. `run(sql, parameters)` gives the rows."""
    rows = run(PRESENCE_QUERY, (f"{APPLICATION} %", f"{APPLICATION} {session}%"))
    seen: dict[tuple[str, str], Present] = {}
    for user, name in rows:
        parts = str(name).split(" ", 3)  # "Booster", "Desktop", session, device
        device = parts[3] if len(parts) > 3 else ""
        person = Present(str(user or ""), device)
        seen.setdefault((person.user, person.device), person)
    return sorted(seen.values(), key=lambda p: (p.user.casefold(), p.device.casefold()))


def present_on(engine: Engine, session: str) -> list[Present]:
    """`present` through one of the engine's connections."""
    with engine.connect() as connection:
        return present(
            lambda sql, parameters: [
                tuple(r) for r in connection.exec_driver_sql(sql, parameters).fetchall()
            ],
            session,
        )


@dataclass
class FeedEvents:
    """What a feed tells its owner, on the feed's thread."""

    heard: Callable[[Change], None]  # a change committed by another session
    missed: Callable[[], None]  # reconnected: changes may have been missed, reload all
    present: Callable[[list[Present]], None]  # who else is here, when it changed


class ChangeFeed:
    """Listens for the changes other sessions commit to the programme (`run` until `stop`)."""

    def __init__(self, engine: Engine, session: str) -> None:
        self.engine = engine
        self.session = session
        self._stop = threading.Event()
        self._connection: psycopg.Connection[Any] | None = None
        self.backend_pid: int | None = None  # the server process listening (tests end it)
        self.listening = threading.Event()  # set while LISTEN is in force

    def stop(self) -> None:
        """Ask `run` to return (within a fraction of a second)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(self, events: FeedEvents) -> None:
        """Listen until stopped: each notice from another session goes to `events.heard`;
        who else is here to `events.present` every few seconds (when it changed); after a
        dropped connection, reconnect (waiting longer each time) and call `events.missed`."""
        import psycopg

        failures = 0
        dropped = False
        last_present: list[Present] | None = None
        while not self._stop.is_set():
            try:
                connection = self._connect()
            except (DBAPIError, psycopg.Error, OSError):  # the server away: try again later
                delay = RECONNECT_DELAYS[min(failures, len(RECONNECT_DELAYS) - 1)]
                failures += 1
                dropped = True
                self._stop.wait(delay)
                continue
            failures = 0
            try:
                connection.execute(f"LISTEN {CHANNEL}")
                self.backend_pid = connection.info.backend_pid
                self.listening.set()
                if dropped:
                    events.missed()
                    dropped = False
                asked = 0.0
                while not self._stop.is_set():
                    now = _clock()
                    if now - asked >= PRESENCE_SECONDS:
                        asked = now
                        here = present(partial(_rows, connection), self.session)
                        if here != last_present:
                            last_present = here
                            events.present(here)
                    for message in connection.notifies(timeout=WAKE_SECONDS):
                        notice = decode(message.payload)
                        if notice is not None and notice.session != self.session:
                            events.heard(notice.change)
            except psycopg.Error:
                dropped = True
            finally:
                self.listening.clear()
                self.backend_pid = None
                self._connection = None
                with contextlib.suppress(psycopg.Error):
                    connection.close()

    def _connect(self) -> psycopg.Connection[Any]:
        """A connection of our own, outside the engine's pool, as the engine connects (the
        same address, password, TLS and application name)."""
        import psycopg

        pooled = self.engine.raw_connection()
        connection = pooled.driver_connection
        pooled.detach()  # never returned to the pool: the feed closes it
        assert isinstance(connection, psycopg.Connection)
        connection.autocommit = True
        self._connection = connection
        return connection


def _rows(
    connection: psycopg.Connection[Any], sql: str, parameters: tuple[str, ...]
) -> list[tuple[Any, ...]]:
    return list(connection.execute(sql, parameters).fetchall())


def _clock() -> float:
    import time

    return time.monotonic()
