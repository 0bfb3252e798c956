"""Countries as people write them (Maroc, Morocco, MA, MAR) to ISO codes, through pycountry."""

from __future__ import annotations

import gettext
from functools import cache

from booster_desktop.domain.text import fold


@cache
def _names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    ambiguous: set[str] = set()

    def add(name: str, code: str) -> None:
        key = fold(name)
        if key in names and names[key] != code:
            ambiguous.add(key)
        names.setdefault(key, code)

    for country in pycountry.countries:
        code = country.alpha_2
        add(code, code)
        add(country.alpha_3, code)
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                add(value, code)
                add(french.gettext(value), code)
                # "Palestine, State of" / "Palestine, État de" are written "Palestine".
                for written in (value, french.gettext(value)):
                    if ", " in written:
                        add(written.split(", ")[0], code)
    for key in ambiguous:
        del names[key]
    return names


def country_code(written: str) -> str | None:
    """The ISO alpha-2 code of a country written in English or French, or as a code."""
    key = fold(written).replace("’", "'")
    return _names().get(key)
