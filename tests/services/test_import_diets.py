"""Diets in an imported sheet, English or French: the common ones ticked, the rest kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from booster_desktop.domain.kinds import Diet
from booster_desktop.services.diet_words import read_diets
from booster_desktop.services.importing import import_file
from booster_desktop.services.programme import open_programme
from tests import programme_db


@pytest.mark.parametrize(
    ("written", "ticked", "rest"),
    [
        ("Végétarien, halal", {Diet.VEGETARIAN, Diet.HALAL}, ""),
        ("vegan / sans gluten", {Diet.VEGAN, Diet.GLUTEN_FREE}, ""),
        (
            "Halal; allergie aux noix; pas de poisson",
            {Diet.HALAL, Diet.NUT_ALLERGY},
            "pas de poisson",
        ),
        ("No pork and no alcohol", {Diet.NO_PORK, Diet.NO_ALCOHOL}, ""),
        ("Sans lactose\nlow salt", {Diet.LACTOSE_FREE}, "low salt"),
        ("", set(), ""),
    ],
)
def test_diets_as_written_are_read(written: str, ticked: set[Diet], rest: str) -> None:
    assert read_diets(written) == (frozenset(ticked), rest)


@pytest.mark.parametrize("heading", ["Régime alimentaire", "Dietary requirements", "Diet"])
def test_an_imported_diet_column_ticks_diets_and_keeps_the_rest(
    heading: str, demo_file: Path, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Prénom", "Nom", "Pays", heading])
    sheet.append(["Chérifa", "Aït Ahmed", "Algérie", "Halal, sans gluten, pas de poisson"])
    sheet.append(["Karim", "Zouari", "Tunisie", ""])
    source = tmp_path / "sheet.xlsx"
    book.save(source)
    with open_programme(demo_file, writable=True) as programme:
        report = import_file(programme, source)
    assert report.errors == [] and report.imported == 2
    with programme_db.connect(demo_file) as connection:
        rows = dict(
            ((family), (diets, needs))
            for family, diets, needs in connection.execute(
                "SELECT family_name, diets, dietary_needs FROM manager WHERE family_name IN ('Aït Ahmed', 'Zouari')"
            )
        )
    assert rows == {"Aït Ahmed": ("halal,gluten_free", "pas de poisson"), "Zouari": (None, None)}
