"""The laptop's settings file: a small JSON object, read whole and replaced atomically.

Plain Python (no QSettings), so the `booster` command reads and writes the same file as the
window. A new version is written beside the file, synced, then renamed over it: a power cut
leaves the old settings or the new ones, never half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.store.durable import replace_durably


def read_settings_file(path: Path) -> dict[str, Any]:
    """The settings stored in `path` (an empty dict if there is no file yet)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BoosterError(
            _("{path}: cannot read the settings ({reason})").format(path=path, reason=reason)
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BoosterError(
            _(
                "{path}: not a settings file (line {lineno}: {msg}); fix or remove it "
                "to start from the defaults"
            ).format(path=path, lineno=error.lineno, msg=error.msg)
        ) from None
    if not isinstance(document, dict):
        raise BoosterError(
            _("{path}: not a settings file (expected an object of settings)").format(path=path)
        )
    return document


def write_settings_file(path: Path, values: dict[str, Any]) -> None:
    """Replace the settings in `path` with `values`, atomically (the folder is created)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                json.dump(values, stream, ensure_ascii=False, indent=2, sort_keys=True)
                stream.write("\n")
            replace_durably(Path(temporary), path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise BoosterError(
            _("{path}: cannot save the settings ({reason})").format(path=path, reason=reason)
        ) from None
