"""Keeping the window's Qt Linguist catalogues up to date: `python -m booster_desktop.ui.linguist`.

    update   collect every tr() / QT_TR_NOOP() string of booster_desktop/ui and every Designer
             form's string into resources/translations/booster_<language>.ts (new ones arrive
             unfinished; translate them with Qt Linguist, `pyside6-linguist`, or by hand)
    compile  compile each .ts into the .qm the window loads (committed beside it)
    check    list the strings a language lacks, and a .qm out of step with its .ts (exit 1)

The tools are PySide6's own `pyside6-lupdate` and `pyside6-lrelease`, those installed beside
the running Python. The gettext side (services, printed materials) is
`python -m booster_desktop.catalogues`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from booster_desktop.catalogues import not_compiled, run_command, translated_languages
from booster_desktop.package_data import data_folder

_PACKAGE = Path(__file__).resolve().parents[1]


def tool(name: str) -> str:
    """A PySide6 tool (lupdate, lrelease) of the running interpreter."""
    folder = Path(sys.executable).parent
    for candidate in (f"pyside6-{name}", f"pyside6-{name}.exe"):
        if (folder / candidate).is_file():
            return str(folder / candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} is not installed beside {sys.executable}")
    return found


def sources() -> list[Path]:
    """What lupdate reads: the window's code (not uic's output: its forms instead)."""
    code = sorted(p for p in (_PACKAGE / "ui").rglob("*.py") if "generated" not in p.parts)
    forms = sorted(data_folder("forms").glob("*.ui"))
    return [*code, *forms]


def ts_path(language: str) -> Path:
    return data_folder("resources") / "translations" / f"booster_{language}.ts"


def qm_path(language: str) -> Path:
    return ts_path(language).with_suffix(".qm")


def lupdate(target: Path, language: str) -> None:
    """Bring `target` (a .ts) up to date with the sources; translations made are kept."""
    subprocess.run(
        [
            tool("lupdate"),
            # No line numbers: they would change with every edit and conflict on merges.
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            language,
            *map(str, sources()),
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
    )


def lrelease(source: Path, target: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(source), "-qm", str(target)],
        check=True,
        capture_output=True,
    )


@dataclass(frozen=True)
class Untranslated:
    context: str
    source: str


def unfinished(ts: Path) -> list[Untranslated]:
    """The messages of a .ts without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = (
                [f.text for f in forms]
                if forms
                else [translation.text if translation is not None else None]
            )
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not all(texts)
            ):
                missing.append(Untranslated(name, message.findtext("source") or ""))
    return missing


def untranslated(language: str) -> list[Untranslated]:
    """What the window would show untranslated: the committed .ts brought up to date with
    the code as it is (in a scratch copy), its unfinished messages."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / ts_path(language).name
        if ts_path(language).exists():
            shutil.copyfile(ts_path(language), scratch)
        lupdate(scratch, language)
        return unfinished(scratch)


def qm_in_step(language: str) -> bool:
    """Whether the committed .qm is what its .ts compiles to."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / qm_path(language).name
        lrelease(ts_path(language), fresh)
        return qm_path(language).exists() and fresh.read_bytes() == qm_path(language).read_bytes()


def check() -> list[str]:
    problems = []
    for language in translated_languages():
        for message in untranslated(language):
            problems.append(f"{language}: untranslated: {message.source!r}")
        if not qm_in_step(language):
            problems.append(
                not_compiled(language, qm_path(language), "booster_desktop.ui.linguist")
            )
    return problems


def update() -> None:
    for language in translated_languages():
        lupdate(ts_path(language), language)


def compile_all() -> None:
    for language in translated_languages():
        lrelease(ts_path(language), qm_path(language))


def main(argv: list[str]) -> int:
    return run_command(argv, __doc__, update=update, compile_all=compile_all, check=check)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
