"""Live windows on a programme on a server: the changes other coordinators commit, and who
else is connected (nothing on a programme file)."""

from __future__ import annotations

from booster_desktop.store.changes import Change, current_device
from booster_desktop.store.notifications import ChangeFeed, FeedEvents, Present, present_on
from booster_desktop.store.programme_file import ProgrammeFile

__all__ = ["ChangeFeed", "FeedEvents", "Present", "everything", "feed_for", "others_present"]


def feed_for(programme: ProgrammeFile) -> ChangeFeed | None:
    """A feed of the changes others commit to `programme` (None for a file: nobody else
    writes to it while it is open here). Run it on a thread of its own; stop it before
    closing the programme."""
    if not programme.on_server:
        return None
    return ChangeFeed(programme.engine, programme.sender)


def everything() -> Change:
    """A change naming every table, any row: what a window reloads after changes may have
    been missed (its connection to the server dropped for a while)."""
    from booster_desktop.domain.model import Base
    from booster_desktop.store.notifications import everything as every_table

    return every_table(Base.metadata.tables, current_device())


def others_present(programme: ProgrammeFile) -> list[Present]:
    """Who else has `programme` open (nobody, for a file)."""
    if not programme.on_server:
        return []
    return present_on(programme.engine, programme.sender)
