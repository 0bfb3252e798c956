"""Writing an export so that it is either all there or not there at all.

The bytes go to a temporary file in the target's folder, are flushed and synced, then the
file is renamed over the target (`os.replace`): a full disk, a crash or a refused folder
leaves no half-written export behind. exports/ has no Qt, so not QSaveFile. Whether the
target may be written at all (not a programme, not a device) is decided before, by the
service that calls this.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from booster_desktop.domain.disk import disk_error, partial_path
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _


def write_atomically(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call `write` with a binary stream; put what it wrote at `target` only if it all worked."""
    target = Path(target)
    if not target.parent.is_dir():
        raise BoosterError(_("{parent}: no such folder").format(parent=target.parent))
    if target.is_dir():
        raise BoosterError(_("{target}: is a folder; name the file to write").format(target=target))
    partial = partial_path(target)
    try:
        with partial.open("xb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(target)
        if os.name == "posix":
            folder = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except OSError as error:
        raise disk_error(target, error) from None
    finally:
        # Never let the clean-up (say, in a read-only folder) hide the real message.
        with contextlib.suppress(OSError):
            partial.unlink()
