"""Encrypted copies of a programme, for e-mail or a USB stick: they carry passport numbers.

The format is age's (age-encryption.org/v1) with a passphrase (scrypt) recipient, through
pyrage: a specified, widely reviewed format whose copies the `age` and `rage` tools open too,
so a copy stays readable without this application. A copy starts with age's header line,
which is how one is recognised (a wrong file gets a clear message, not a decryption error).

The passphrase never comes from a command-line argument (other users see those in the
process list): the window asks for it, the command reads it from a file or an environment
variable. The decrypted programme goes where the user says, never beside the encrypted copy
(that is the stick the copy travels on).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from booster_desktop.domain.disk import disk_error, partial_path, reading_error
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.services.output_paths import check_output_path
from booster_desktop.store import kept_copies, open_files
from booster_desktop.store.durable import remove_database_files, replace_durably
from booster_desktop.store.programme_file import backup_database, open_programme_file

# The first line of every age file.
MAGIC = b"age-encryption.org/v1\n"
SUFFIX = ".booster.age"
# Where the command reads a passphrase from when no --passphrase-file is given (never an
# argument: other users see those); what a refusal for want of one names.
PASSPHRASE_VARIABLE = "BOOSTER_PASSPHRASE"
# A passphrase shorter than this is refused when encrypting (a copy may be lost with it).
MINIMUM_PASSPHRASE = 8
# An encrypted copy is read whole: no programme is anywhere near this (10,000 managers: ~20 MB).
LARGEST_COPY = 2_000_000_000


def is_encrypted_copy(path: Path) -> bool:
    """Whether `path` starts with age's header (judged by content, not by name)."""
    if open_files.belongs_to_open_programme(path):
        return False  # an open programme: never read it with a descriptor of our own
    try:
        with Path(path).open("rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_passphrase(passphrase: str) -> str:
    """A passphrase to encrypt with, or a one-line refusal."""
    if len(passphrase) < MINIMUM_PASSPHRASE:
        raise BoosterError(
            _(
                "the passphrase is too short ({count} characters; at least {MINIMUM_PASSPHRASE})"
            ).format(count=len(passphrase), MINIMUM_PASSPHRASE=MINIMUM_PASSPHRASE)
        )
    return passphrase


def check_copy_target(path: Path, target: Path) -> None:
    """Refuse, in one line, a place an encrypted copy of `path` must not go (the programme
    itself, its working files, a folder...): asked before the passphrase is."""
    check_output_path(Path(target), programme=Path(path))


def encrypt_copy(path: Path, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of the programme at `path` to `target`.

    A consistent snapshot (SQLite's online backup, even while the window has it open) is
    taken into a hidden file beside the programme, encrypted, written aside and renamed into
    place at `target`; the snapshot is removed. The plain programme never touches `target`'s
    folder.
    """
    import pyrage

    path, target = Path(path), Path(target)
    check_passphrase(passphrase)
    check_output_path(target, programme=path)
    snapshot = partial_path(path)
    try:
        with open_programme_file(path) as programme:
            backup_database(programme.engine, snapshot)
        try:
            plain = snapshot.read_bytes()
        except OSError as error:
            raise reading_error(snapshot, error) from None
        encrypted = pyrage.passphrase.encrypt(plain, passphrase)
        del plain
        _write_durably(target, encrypted)
    finally:
        remove_database_files(snapshot)


def decrypt_copy(copy: Path, target: Path, passphrase: str) -> None:
    """Decrypt the encrypted copy at `copy` into a new programme file at `target`.

    Refused in one line, with nothing written: a file that is not an encrypted copy, a wrong
    passphrase, a damaged copy, a decrypted file that is not a sound programme, a `target`
    beside the copy or that is already a programme.
    """
    copy, target = Path(copy), Path(target)
    if _same_folder(copy, target):
        raise BoosterError(
            _(
                "{target}: is beside the encrypted copy; put the decrypted programme "
                "in a folder on this computer, not on the disk the copy travels on"
            ).format(target=target)
        )
    check_output_path(target)
    plain = decrypt_bytes(copy, passphrase)
    partial = partial_path(target)
    try:
        _write_durably(partial, plain)
        del plain
        try:
            kept_copies.check_copy(partial)
        except BoosterError as error:
            reason = str(error).removeprefix(f"{partial}: ")
            raise BoosterError(
                _("{copy}: decrypted, but {reason}").format(copy=copy, reason=reason)
            ) from None
        replace_durably(partial, target)
    finally:
        remove_database_files(partial)


def decrypt_bytes(copy: Path, passphrase: str) -> bytes:
    """The programme an encrypted copy holds, as bytes; a one-line refusal otherwise."""
    import pyrage

    copy = Path(copy)
    if not copy.is_file():
        if copy.is_dir():
            raise BoosterError(_("{copy}: is a folder, not an encrypted copy").format(copy=copy))
        raise BoosterError(_("{copy}: no such file").format(copy=copy))
    if not is_encrypted_copy(copy):
        raise BoosterError(
            _(
                "{copy}: is not an encrypted copy of a programme (it does not start "
                "with the age header)"
            ).format(copy=copy)
        )
    try:
        if copy.stat().st_size > LARGEST_COPY:
            raise BoosterError(
                _("{copy}: is too large to be an encrypted programme").format(copy=copy)
            )
        data = copy.read_bytes()
    except OSError as error:
        raise reading_error(copy, error) from None
    try:
        return bytes(pyrage.passphrase.decrypt(data, passphrase))
    except pyrage.DecryptError as error:
        if "Decryption failed" in str(error) or "passphrase" in str(error).lower():
            raise BoosterError(
                _(
                    "{copy}: the passphrase is wrong (or the copy was changed since it was made)"
                ).format(copy=copy)
            ) from None
        raise BoosterError(
            _("{copy}: is damaged ({error})").format(copy=copy, error=error)
        ) from None


def decrypt_to_partial(copy: Path, beside: Path, passphrase: str) -> Path:
    """Decrypt an encrypted copy into a hidden file beside `beside` (a programme about to be
    restored from it); the caller removes it."""
    plain = decrypt_bytes(copy, passphrase)
    partial = partial_path(beside)
    try:
        _write_durably(partial, plain)
    except BaseException:
        remove_database_files(partial)
        raise
    return partial


def _same_folder(copy: Path, target: Path) -> bool:
    try:
        return copy.resolve().parent == target.resolve().parent
    except (OSError, RuntimeError):
        return False


def _write_durably(target: Path, data: bytes) -> None:
    """Write `data` aside, sync it and rename it over `target`."""
    partial = partial_path(target)
    try:
        with partial.open("xb") as stream:
            stream.write(data)
        replace_durably(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise disk_error(target, error) from None
