"""A TCP port in front of the test server that a test cuts and restores: the network of a door
going away and coming back, while the server itself (shared by the whole pass) never stops.

Cut, the port refuses new connections and the open ones are closed under their users, as a
dropped link or a rebooted router does; restored, it accepts again on the same port.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from typing import Any

from sqlalchemy.engine import make_url

# What a reply that commits carries (see `Proxy._pump`).
_COMMITS = re.compile(rb"COMMIT\x00|added_entry_id\x00")


def server_target(url: str) -> str | tuple[str, int]:
    """Where the test server listens: its Unix socket's path, or (host, port)."""
    parsed = make_url(url)
    query_host = parsed.query.get("host")
    host = query_host if isinstance(query_host, str) else parsed.host
    query_port = parsed.query.get("port")
    port = int(query_port if isinstance(query_port, str) else parsed.port or 5432)
    if not host or host.startswith("/"):
        return f"{host or '/var/run/postgresql'}/.s.PGSQL.{port}"
    return (host, port)


class Proxy:
    """Forwards 127.0.0.1:`port` to the server until `cut()`; `restore()` opens it again."""

    def __init__(self, target: str | tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self._listener: socket.socket | None = None
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._swallow = threading.Event()
        self.restore()

    def swallow_next_commit(self) -> None:
        """The next commit the server acknowledges is never heard: the link drops after the
        server committed and before its reply reaches the client (a lost reply)."""
        self._swallow.set()

    def _listen(self) -> socket.socket:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        return listener

    def restore(self) -> None:
        """The network is back: the same port accepts again."""
        listener = self._listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """The network is gone: no new connection, and the open ones are dropped."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            dropped, self._open = self._open, []
        for sock in dropped:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    close = cut

    def _upstream(self) -> socket.socket:
        if isinstance(self.target, str):
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        else:
            upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        upstream.connect(self.target)
        return upstream

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = self._upstream()
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, upstream]
            for source, sink, replies in ((client, upstream, False), (upstream, client, True)):
                threading.Thread(
                    target=self._pump, args=(source, sink, replies), daemon=True
                ).start()

    def _pump(self, source: socket.socket, sink: socket.socket, replies: bool) -> None:
        try:
            while data := source.recv(65536):
                # The server's reply that commits: a COMMIT's CommandComplete (tag "COMMIT",
                # NUL-terminated), or the row of a record added in one statement outside a
                # transaction (`history.add_one`: its column "added_entry_id").
                if replies and self._swallow.is_set() and _COMMITS.search(data):
                    self._swallow.clear()
                    self.cut()
                    return
                sink.sendall(data)
        except OSError:
            pass
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def address(self, server: Any) -> Any:
        """`server` (a ServerAddress on the test server) reached through this proxy."""
        from booster_desktop.services.programme import parse_server

        url = server.url.set(host="127.0.0.1", port=self.port, query={})
        return parse_server(url.render_as_string(hide_password=False))
