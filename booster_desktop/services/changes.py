"""What changed in the programme: the record every write leaves, for the window and the
command (which reach the file only through services)."""

from __future__ import annotations

from booster_desktop.store.changes import (
    Action,
    Change,
    Listener,
    Written,
    acting_as,
    current_device,
    report,
    use_device_name,
)

__all__ = [
    "Action",
    "Change",
    "Listener",
    "Written",
    "acting_as",
    "current_device",
    "report",
    "use_device_name",
]
