"""Stripping control characters from text read from files or typed at a terminal."""

from __future__ import annotations

import pytest

from booster_desktop.services.text_checks import without_controls


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("\x1b[31mRED\x1b[0m", "RED"),  # a colour: the whole sequence goes
        ("\x9b2JOrg", "Org"),  # a C1 CSI with its parameter and final letter
        (
            "\x9bAli",
            "Ali",
        ),  # a lone C1 CSI (a "›" read in the wrong code page) keeps the next letter
        ("Sa\u202eid", "Said"),  # a bidi override
        ("\x1b]0;title\x07Name", "Name"),  # a window-title OSC
        ("Nour", "Nour"),
    ],
)
def test_escapes_and_controls_go_and_letters_stay(given: str, kept: str) -> None:
    assert without_controls(given)[0] == kept
    assert without_controls(given)[1] == (given != kept)
