"""Keeping the gettext catalogue up to date: `python -m booster_desktop.catalogues [COMMAND]`.

    update   extract every marked message (babel.cfg) into resources/locale/booster.pot and
             merge it into each language's .po (new messages arrive untranslated); the same
             for argparse's own messages, read from the running Python's argparse module,
             into argparse.pot and each language's argparse.po
    compile  compile each .po into the .mo the application reads (committed beside it, so a
             fresh clone installs with its translations)
    check    list the messages a language lacks, and a .mo out of step with its .po (exit 1)

Babel does the work (`pybabel extract/update/compile` with the same options). The Qt side
(the window's .ts and .qm) is `python -m booster_desktop.ui.translations`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from booster_desktop.i18n import (
    ARGPARSE_DOMAIN,
    DOMAIN,
    LANGUAGES,
    SOURCE_LANGUAGE,
    locale_folder,
)

_CHECKOUT = Path(__file__).resolve().parent.parent
CONFIG = _CHECKOUT / "babel.cfg"
PACKAGE = _CHECKOUT / "booster_desktop"

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog


@dataclass(frozen=True)
class Message:
    """One message of the code: its text (and plural), and where it is written."""

    text: str
    plural: str | None
    where: str  # file:line


def extract() -> Iterator[Message]:
    """Every message the code marks (`_`, `N_`, `ngettext`), as babel.cfg says where to look."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with CONFIG.open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)  # type: ignore[no-untyped-call]
    for name, line, text, _comments, _context in extract_from_dir(
        _CHECKOUT, method_map, options_map
    ):
        if isinstance(text, tuple):
            yield Message(text[0], text[1], f"{name}:{line}")
        elif text:
            yield Message(text, None, f"{name}:{line}")


def extract_argparse() -> Iterator[Message]:
    """argparse's own messages ("usage: ", "invalid choice: …"), from the module this Python
    runs (a newer Python may say new ones: `check` then lists them)."""
    import argparse

    from babel.messages.extract import extract_from_file

    source = Path(argparse.__file__)
    for line, text, _comments, _context in extract_from_file("python", str(source)):
        if isinstance(text, tuple):
            yield Message(text[0], text[1], f"{source.name}:{line}")
        elif text:
            yield Message(text, None, f"{source.name}:{line}")


DOMAINS = (DOMAIN, ARGPARSE_DOMAIN)


def messages(domain: str = DOMAIN) -> Iterator[Message]:
    """The messages of a catalogue: our code's, or argparse's."""
    return extract_argparse() if domain == ARGPARSE_DOMAIN else extract()


def template(domain: str = DOMAIN) -> Catalog:
    """The catalogue template (a babel Catalog) of every extracted message."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="Booster Desktop", domain=domain, charset="utf-8")
    for message in messages(domain):
        catalog.add(message.text if message.plural is None else (message.text, message.plural))
    return catalog


def po_path(language: str, domain: str = DOMAIN) -> Path:
    return Path(locale_folder()) / language / "LC_MESSAGES" / f"{domain}.po"


def mo_path(language: str, domain: str = DOMAIN) -> Path:
    return po_path(language, domain).with_suffix(".mo")


def translated_languages() -> list[str]:
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def _read_po(language: str, domain: str = DOMAIN) -> Catalog:
    from babel.messages.pofile import read_po

    with po_path(language, domain).open("rb") as stream:
        return read_po(stream, domain=domain)  # the language and plural forms from its header


def _mo_bytes(catalog: Catalog) -> bytes:
    from babel.messages.mofile import write_mo

    out = BytesIO()
    write_mo(out, catalog)  # fuzzy entries are left out, as pybabel compile does
    return out.getvalue()


def _write_po(path: Path, catalog: Catalog) -> None:
    from babel.messages.pofile import write_po

    out = BytesIO()
    # No line numbers: they would change with every edit of the code, and conflict on merges.
    write_po(out, catalog, omit_header=False, no_location=True, sort_output=True, width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def update() -> None:
    from babel.messages.catalog import Catalog

    for domain in DOMAINS:
        pot = template(domain)
        _write_po(Path(locale_folder()) / f"{domain}.pot", pot)
        for language in translated_languages():
            path = po_path(language, domain)
            if path.exists():
                catalog = _read_po(language, domain)
                catalog.update(pot, no_fuzzy_matching=False)
                catalog.obsolete.clear()
            else:
                catalog = Catalog(locale=language, domain=domain, project="Booster Desktop")
                catalog.update(pot)
            _write_po(path, catalog)


def compile_all() -> None:
    for domain in DOMAINS:
        for language in translated_languages():
            mo_path(language, domain).write_bytes(_mo_bytes(_read_po(language, domain)))


def untranslated(language: str, domain: str = DOMAIN) -> list[Message]:
    """The messages that `language`'s .po lacks, or has only as a guess (fuzzy)."""
    catalog = _read_po(language, domain)
    missing = []
    for message in messages(domain):
        entry = catalog.get(message.text)
        strings = entry.string if entry is not None else ""
        done = entry is not None and not entry.fuzzy
        if isinstance(strings, tuple | list):
            done = done and all(strings)
        else:
            done = done and bool(strings)
        if not done:
            missing.append(message)
    return missing


def mo_in_step(language: str, domain: str = DOMAIN) -> bool:
    """Whether the committed .mo is what its .po compiles to."""
    path = mo_path(language, domain)
    return path.exists() and path.read_bytes() == _mo_bytes(_read_po(language, domain))


def check() -> list[str]:
    """One line per problem: an untranslated message, a stale .mo."""
    problems = []
    for domain in DOMAINS:
        for language in translated_languages():
            for message in untranslated(language, domain):
                problems.append(f"{language}: untranslated: {message.text!r} ({message.where})")
            if not mo_in_step(language, domain):
                problems.append(
                    not_compiled(language, mo_path(language, domain), "booster_desktop.catalogues")
                )
    return problems


def not_compiled(language: str, compiled: Path, module: str) -> str:
    """`check`'s line for a compiled catalogue out of step with the one it is compiled from."""
    source = ".po" if compiled.suffix == ".mo" else ".ts"
    return (
        f"{language}: {compiled.name} is not compiled from its {source} "
        f"(python -m {module} compile)"
    )


def run_command(
    argv: list[str],
    usage: str | None,
    *,
    update: Callable[[], None],
    compile_all: Callable[[], None],
    check: Callable[[], list[str]],
) -> int:
    """A catalogue tool's command line (this one's and the window's Qt Linguist one's):
    `update`, `compile`, or `check` (the default: one line per problem, exit 1 if any)."""
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        problems = check()
        for line in problems:
            print(line)
        return 1 if problems else 0
    else:
        print(usage)
        return 2
    return 0


def main(argv: list[str]) -> int:
    return run_command(argv, __doc__, update=update, compile_all=compile_all, check=check)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
