"""Badge tokens: random, scanner-safe, self-checking, and read back through keyboard layouts."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from booster_desktop.domain.badge import (
    TOKEN_ALPHABET,
    TOKEN_LENGTH,
    is_valid_token,
    new_token,
    read_scan,
)

tokens = st.builds(lambda _: new_token(), st.integers())


def test_tokens_carry_at_least_80_random_bits() -> None:
    payload_bits = (TOKEN_LENGTH - 1) * math.log2(len(TOKEN_ALPHABET))
    assert payload_bits >= 80
    drawn = {new_token() for _ in range(2000)}
    assert len(drawn) == 2000
    assert all(len(t) == TOKEN_LENGTH and is_valid_token(t) for t in drawn)


def test_alphabet_avoids_keys_that_move_between_layouts() -> None:
    assert not set(TOKEN_ALPHABET) & set("AQWZMYIOB0123456789")


@given(
    tokens, st.integers(min_value=0, max_value=TOKEN_LENGTH - 1), st.sampled_from(TOKEN_ALPHABET)
)
def test_check_letter_catches_every_mistyped_letter(token: str, where: int, letter: str) -> None:
    typo = token[:where] + letter + token[where + 1 :]
    assert is_valid_token(typo) == (typo == token)


def test_check_letter_catches_every_swap_of_neighbours() -> None:
    caught = total = 0
    for _ in range(300):
        token = new_token()
        for i in range(TOKEN_LENGTH - 1):
            if token[i] == token[i + 1]:
                continue
            swapped = token[:i] + token[i + 1] + token[i] + token[i + 2 :]
            total += 1
            caught += not is_valid_token(swapped)
    assert caught == total > 0


def test_a_token_that_is_too_short_or_foreign_is_refused() -> None:
    token = new_token()
    assert not is_valid_token(token[:-1])
    assert not is_valid_token(token + "B")
    assert not is_valid_token(token.lower())
    assert not is_valid_token("A" * TOKEN_LENGTH)


@given(tokens)
def test_scans_through_caps_lock_are_read_back(token: str) -> None:
    assert read_scan(token.lower()) == token
    assert read_scan(f"  {token}\n") == token


ARABIC_LAYOUT = {  # what the Latin key types on an Arabic (101) keyboard, unshifted
    "C": "ؤ",
    "D": "ي",
    "E": "ث",
    "F": "ب",
    "G": "ل",
    "H": "ا",
    "J": "ت",
    "K": "ن",
    "L": "م",
    "N": "ى",
    "P": "ح",
    "R": "ق",
    "S": "س",
    "T": "ف",
    "U": "ع",
    "V": "ر",
    "X": "ء",
}


@given(tokens)
def test_scans_through_an_arabic_layout_are_read_back(token: str) -> None:
    typed = "".join(ARABIC_LAYOUT[letter] for letter in token)
    assert read_scan(typed) == token


ARABIC_LAYOUT_SHIFTED = {  # the same keys with Shift, as a scanner sends capitals
    "C": "}",
    "D": "]",
    "E": "ُ",
    "F": "[",
    "G": "لأ",
    "H": "أ",
    "J": "ـ",
    "K": "،",
    "L": "/",
    "N": "آ",
    "P": "؛",
    "R": "ٌ",
    "S": "ٍ",
    "T": "لإ",
    "U": "‘",
    "V": "{",
    "X": "ْ",
}


@given(tokens)
def test_shifted_scans_through_an_arabic_layout_are_read_back(token: str) -> None:
    typed = "".join(ARABIC_LAYOUT_SHIFTED[letter] for letter in token)
    assert read_scan(typed) == token
