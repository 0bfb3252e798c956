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
from booster_desktop.store.versions import ChangedAtOnce, ChangedMeanwhile, Clash


def device_name_setting() -> str:
    """This laptop's `device_name` setting, or the computer's name: what `use_device_name`
    is given at start-up by the window and the command (read when a change is recorded, so
    a new name counts at once; imported then, so quick commands never load the settings)."""
    from booster_desktop.services.settings import device_name

    return device_name()


__all__ = [
    "Action",
    "Change",
    "ChangedAtOnce",
    "ChangedMeanwhile",
    "Clash",
    "Listener",
    "Written",
    "acting_as",
    "current_device",
    "device_name_setting",
    "report",
    "use_device_name",
]
