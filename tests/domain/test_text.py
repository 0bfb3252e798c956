"""Cleaning and comparing what people type."""

from __future__ import annotations

import unicodedata

from booster_desktop.domain.manager import person_key
from booster_desktop.domain.text import clean, clean_email, fold, is_email


def test_clean_collapses_space_and_composes_accents_keeping_scripts() -> None:
    decomposed = unicodedata.normalize("NFD", "  Hélène \t Ben  Salah ")
    assert clean(decomposed) == "Hélène Ben Salah"
    assert clean(" رانيا   بن صالح ") == "رانيا بن صالح"
    assert clean(None) == ""


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("Élodie  HASSAN") == fold("elodie hassan")
    assert fold("Stratégie") == "strategie"


def test_person_key_matches_the_same_person_written_differently() -> None:
    assert person_key("Youssef", "El Amrani", "ma") == person_key(" YOUSSEF ", "el  amrani", "MA")
    assert person_key("Youssef", "El Amrani", "MA") != person_key("Youssef", "El Amrani", "TN")


def test_email_rules() -> None:
    assert is_email("nour.khalil@cluster5.ma")
    for bad in ("nour.khalil(at)cluster5", "a@b", "a b@c.de", "@c.de", "a@@c.de", ""):
        assert not is_email(bad), bad
    assert clean_email("  Nour.Khalil@Cluster5.MA ") == "nour.khalil@cluster5.ma"
