"""Finding the files that ship with the application: fonts, icons, translations, Designer forms.

The installed package's data first (the wheel force-includes `resources/` and `forms/` into
the package), the repository checkout second (an editable install does not map them).
Standard library only, so every layer may use it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


@cache
def data_folder(name: str) -> Path:
    """The folder `resources` or `forms`, wherever this installation keeps it."""
    packaged = resources.files("booster_desktop").joinpath(name)
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _CHECKOUT / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the application's {name} folder is missing from this installation")


def resource(*parts: str) -> Path:
    """A file under `resources/`, e.g. resource("fonts", "NotoSans-Regular.ttf")."""
    return data_folder("resources").joinpath(*parts)
