"""The ISO 3166-1 country list a new programme file starts with, named in three languages."""

from __future__ import annotations

import gettext
from typing import Any


def country_rows() -> list[dict[str, Any]]:
    """Every ISO country as a row for the `country` table, names from pycountry's translations."""
    import pycountry  # only when a file is created

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    rows = []
    for country in pycountry.countries:
        # Everyday names where pycountry has one ("Bolivia", not "Bolivia, Plurinational
        # State of"); "Palestine, State of" has none, and the programme says "Palestine".
        name = getattr(country, "common_name", None) or country.name
        rows.append(
            {
                "code": country.alpha_2,
                "name_en": name.removesuffix(", State of"),
                "name_fr": french.gettext(country.name).removesuffix(", État de"),
                "name_ar": arabic.gettext(country.name),
            }
        )
    return rows
