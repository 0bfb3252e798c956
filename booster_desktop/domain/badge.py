"""Badge tokens: what a badge's QR code and barcode carry, and how a scan is read back.

A token is random (never derived from an id), 20 letters drawn from an alphabet whose keys sit
in the same place on QWERTY, AZERTY and QWERTZ keyboards (a USB scanner types through the
laptop's layout), followed by one check letter (a weighted sum modulo 17, a prime) that
catches every mistyped letter and every swap of two neighbouring letters. 17**20 is about
2**81.7: more than the 80 bits asked for.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from booster_desktop.domain.base import Base, UtcDateTime, enum_column, utc_now
from booster_desktop.domain.kinds import BadgeEvent

if TYPE_CHECKING:
    from booster_desktop.domain.manager import Manager

# No digits (AZERTY types them shifted), no A Q W Z M Y (they move between layouts), no I O,
# and no B: on an Arabic layout its key types lam-alef, the same two letters as G then H.
TOKEN_ALPHABET = "CDEFGHJKLNPRSTUVX"
TOKEN_PAYLOAD_LENGTH = 20
TOKEN_LENGTH = TOKEN_PAYLOAD_LENGTH + 1

# What a scanner types for our letters when the laptop has an Arabic (101) layout, unshifted
# and shifted, as Windows and Linux ship it (scanners send capitals, sometimes with Caps Lock
# inverting them). Two-letter sequences first: shifted, the G and T keys type a lam-alef
# ligature as two characters on Windows (as one presentation form on Linux).
_ARABIC_SEQUENCES = {"لأ": "G", "لإ": "T"}
_ARABIC_KEYS = str.maketrans(
    {
        "ؤ": "C",
        "}": "C",
        "ي": "D",
        "]": "D",
        "ث": "E",
        "ُ": "E",
        "ب": "F",
        "[": "F",
        "ل": "G",
        # Linux's Arabic layout types Shift+G and Shift+T as one presentation-form ligature.
        "\ufef7": "G",
        "\ufef9": "T",
        "ا": "H",
        "أ": "H",
        "ت": "J",
        "ـ": "J",
        "ن": "K",
        "،": "K",
        "م": "L",
        "/": "L",
        "ى": "N",
        "آ": "N",
        "ح": "P",
        "؛": "P",
        "ق": "R",
        "ٌ": "R",
        "س": "S",
        "ٍ": "S",
        "ف": "T",
        "ع": "U",
        "‘": "U",
        "`": "U",  # Shift+U on Linux's Arabic layout
        "ر": "V",
        "{": "V",
        "ء": "X",
        "ْ": "X",
    }
)


# What those keys type without Shift. Only lam ("ل", G) also begins a two-character sequence:
# with Shift nothing types a lam alone, so a lam after characters only Shift types is the first
# half of G or T, the alef still to come.
_ARABIC_PLAIN = "ؤيثبلاتنمىحقسفعرء"


def scan_may_go_on(typed: str) -> bool:
    """Whether the next character may still change what `typed` reads as: it ends with a lam
    typed with Shift on an Arabic layout, the first half of a lam-alef key (G or T)."""
    text = typed.strip()
    return text.endswith("ل") and any(c not in _ARABIC_PLAIN for c in text[:-1])


def _weighted_sum(payload: str) -> int:
    # Weights 2..16, never 0 or 1 (the check letter's), and neighbours always differ: with a
    # prime modulus that catches every mistyped letter and every swap of two neighbours.
    # (Luhn mod N does neither for an odd N such as 17.)
    return sum(((i % 15) + 2) * TOKEN_ALPHABET.index(letter) for i, letter in enumerate(payload))


def check_letter(payload: str) -> str:
    """The check letter of a token's payload: it brings the weighted sum to 0 modulo 17."""
    return TOKEN_ALPHABET[-_weighted_sum(payload) % len(TOKEN_ALPHABET)]


def new_token() -> str:
    """A fresh random badge token with its check letter."""
    # One draw of about 82 bits, written in base 17 (a demo of 10,000 makes 10,000 of these).
    number = secrets.randbelow(len(TOKEN_ALPHABET) ** TOKEN_PAYLOAD_LENGTH)
    letters = []
    for _ in range(TOKEN_PAYLOAD_LENGTH):
        number, digit = divmod(number, len(TOKEN_ALPHABET))
        letters.append(TOKEN_ALPHABET[digit])
    payload = "".join(letters)
    return payload + check_letter(payload)


def is_valid_token(token: str) -> bool:
    """Whether `token` is well formed: the right length, our letters, a matching check letter."""
    return (
        len(token) == TOKEN_LENGTH
        and all(letter in TOKEN_ALPHABET for letter in token)
        and token[-1] == check_letter(token[:-1])
    )


# A badge token inside other text (a history value, a record's name): a run of exactly a
# token's length of our letters, its check letter right.
_TOKEN_IN_TEXT = re.compile(
    rf"(?<![{TOKEN_ALPHABET}])[{TOKEN_ALPHABET}]{{{TOKEN_LENGTH}}}(?![{TOKEN_ALPHABET}])"
)


def short_token(token: str) -> str:
    """A badge token as the window shows it beside other values: its first and last four
    letters ("CDEF…UVXC"), enough to tell two apart at a glance, not to forge one."""
    return f"{token[:4]}…{token[-4:]}" if len(token) > 9 else token


def tokens_in(text: str) -> list[str]:
    """The well-formed badge tokens `text` holds."""
    return [found for found in _TOKEN_IN_TEXT.findall(text) if is_valid_token(found)]


def shorten_tokens(text: str) -> str:
    """`text` with every well-formed badge token in it shortened (`short_token`)."""
    return _TOKEN_IN_TEXT.sub(
        lambda found: short_token(found[0]) if is_valid_token(found[0]) else found[0], text
    )


def read_scan(typed: str) -> str:
    """The token a scanner meant, from what it typed through the laptop's layout.

    Arabic key positions are mapped back to Latin letters and case is ignored (Caps Lock
    inverts what a scanner types). AZERTY and QWERTZ need no mapping: the alphabet only
    uses keys those layouts share with QWERTY.
    """
    text_ = typed.strip()
    for sequence, letter in _ARABIC_SEQUENCES.items():
        text_ = text_.replace(sequence, letter)
    return text_.translate(_ARABIC_KEYS).upper().replace(" ", "").replace("-", "")


class BadgeToken(Base):
    """A token printed on a manager's badge; kept when revoked, so a lost badge is recognised."""

    __tablename__ = "badge_token"
    __table_args__ = (
        # One token in force per manager; revoked ones stay for the record.
        Index(
            "uq_badge_token_manager_in_force",
            "manager_id",
            unique=True,
            sqlite_where=text("revoked_at IS NULL"),
            postgresql_where=text("revoked_at IS NULL"),
        ),
    )

    token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("manager.id", ondelete="CASCADE"))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    manager: Mapped[Manager] = relationship(back_populates="badge_tokens")


class BadgePrint(Base):
    """The print log: a badge printed (or its token revoked and reissued) for a manager.

    Kept so that a reprint is asked about, `--only-unprinted` knows who is left, and a lost
    badge's old token can be traced. The tour is that of the badge (none for a badge printed
    without one); a deleted tour leaves the entry, without it.
    """

    __tablename__ = "badge_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("manager.id", ondelete="CASCADE"), index=True
    )
    tour_id: Mapped[int | None] = mapped_column(ForeignKey("tour.id", ondelete="SET NULL"))
    token: Mapped[str] = mapped_column(String(TOKEN_LENGTH))
    event: Mapped[BadgeEvent] = mapped_column(enum_column(BadgeEvent, "badge_event"))
    layout: Mapped[str | None] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


# Every entity registered whenever this one can be loaded: relationships name them.
import booster_desktop.domain.model  # noqa: E402, F401
