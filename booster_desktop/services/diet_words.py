"""Diets as coordinators write them in a sheet, English or French, read into ticked diets.

"Végétarien, halal", "vegan / sans gluten", "Halal; allergie aux noix": each part naming a
common diet ticks it; anything else is kept, in the manager's words, as the free-text note.
"""

from __future__ import annotations

import re

from booster_desktop.domain.kinds import Diet
from booster_desktop.domain.text import fold

# Each diet's names, folded (lower case, no accents), English and French.
DIET_WORDS: dict[Diet, tuple[str, ...]] = {
    Diet.VEGETARIAN: ("vegetarian", "vegetarien", "vegetarienne", "veggie"),
    Diet.VEGAN: ("vegan", "vegane", "vegetalien", "vegetalienne"),
    Diet.HALAL: ("halal",),
    Diet.NO_PORK: ("no pork", "pork free", "sans porc", "pas de porc"),
    Diet.NO_ALCOHOL: ("no alcohol", "alcohol free", "sans alcool", "pas d alcool"),
    Diet.GLUTEN_FREE: ("gluten free", "no gluten", "sans gluten", "coeliac", "celiac"),
    Diet.LACTOSE_FREE: ("lactose free", "no lactose", "sans lactose", "lactose intolerant"),
    Diet.NUT_ALLERGY: (
        "nut allergy",
        "no nuts",
        "allergie aux noix",
        "allergie aux fruits a coque",
        "allergie aux arachides",
        "peanut allergy",
    ),
}
_BY_WORDS = {words: diet for diet, names in DIET_WORDS.items() for words in names}
_PARTS = re.compile(r"[,;/\n+]|\bet\b|\band\b")
_NOT_WORD = re.compile(r"[^\w]+")


def read_diets(text: str) -> tuple[frozenset[Diet], str]:
    """The common diets `text` names, and the rest of it as written ("" when nothing)."""
    ticked: set[Diet] = set()
    rest: list[str] = []
    for part in _PARTS.split(text):
        written = part.strip(" .-")
        if not written:
            continue
        diet = _BY_WORDS.get(_NOT_WORD.sub(" ", fold(written)).strip())
        if diet is None:
            rest.append(written)
        else:
            ticked.add(diet)
    return frozenset(ticked), ", ".join(rest)
