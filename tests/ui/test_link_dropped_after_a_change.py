"""A change someone else made is heard, and the link drops before the window reads it back:
the window keeps what it shows (no traceback), and reads it all once the link is back."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from booster_desktop.services.live import everything
from booster_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.postgresql_only


def test_a_change_heard_as_the_link_drops_is_read_back_later_without_a_traceback(
    demo_file: object, window: MainWindow, qtbot: QtBot
) -> None:
    """Found when a door test failed now and then: the feed's change was delivered after the
    test cut the link, and the tour filter and the managers tab read the server in their
    slots: "Something went wrong" with the driver's traceback."""
    from tests.conftest import server_url
    from tests.door_proxy import Proxy, server_target

    url = server_url()
    assert url is not None
    proxy = Proxy(server_target(url))
    try:
        with qtbot.waitSignal(window.programme_loaded, timeout=30000):
            window.open_file(proxy.address(demo_file))
        managers = window.tabs["managers"]
        shown = managers.model.rowCount()
        assert shown > 0
        counts = window.counts_label.text()
        proxy.cut()
        window.document.deliver_from_elsewhere(everything())
        assert managers.model.rowCount() == shown and window.counts_label.text() == counts
        assert managers.stale
        proxy.restore()
        window.document.deliver_from_elsewhere(everything())  # what the feed sends once back
        assert not managers.stale and managers.model.rowCount() == shown
    finally:
        proxy.cut()
