"""Regenerate booster_desktop/ui/generated/<name>_form.py from every forms/<name>.ui.

Run ``python -m booster_desktop.ui.generated`` after editing a form in Qt Designer; the
generated modules are committed, and tests/ui/test_forms.py fails when they are stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GENERATED_DIR = Path(__file__).resolve().parent
_PACKAGE_DIR = GENERATED_DIR.parents[1]


def _forms_dir() -> Path:
    """forms/ beside the package in a source checkout, booster_desktop/forms/ in a wheel."""
    checkout = _PACKAGE_DIR.parent / "forms"
    return checkout if checkout.is_dir() else _PACKAGE_DIR / "forms"


FORMS_DIR = _forms_dir()


def uic_command() -> list[str]:
    """PySide6's uic for the running interpreter, as a command line to extend with arguments.

    The ``pyside6-uic`` launcher installed beside ``sys.executable`` (``bin/`` or
    ``Scripts/``), or, when there is none, the same entry point run through this Python.
    Either way it is the uic of the PySide6 this interpreter imports, never another on PATH.
    """
    bin_dir = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        launcher = bin_dir / name
        if launcher.is_file():
            return [str(launcher), "-g", "python"]
    entry_point = "import sys; from PySide6.scripts.pyside_tool import uic; sys.exit(uic())"
    return [sys.executable, "-c", entry_point, "-g", "python"]


def output_name(form: Path) -> str:
    """The generated module's file name for a form: manager_editor.ui -> manager_editor_form.py."""
    return f"{form.stem}_form.py"


def generate(form: Path, out_dir: Path = GENERATED_DIR) -> Path:
    """Compile one .ui file into ``out_dir``; return the path of the Python written."""
    target = out_dir / output_name(form)
    subprocess.run([*uic_command(), str(form), "-o", str(target)], check=True)
    return target


def main() -> int:
    """Regenerate every form, and delete generated modules whose form is gone."""
    forms = sorted(FORMS_DIR.glob("*.ui"))
    if not forms:
        print(f"no forms found in {FORMS_DIR}", file=sys.stderr)
        return 1
    written = {generate(form) for form in forms}
    for stale in sorted(set(GENERATED_DIR.glob("*_form.py")) - written):
        stale.unlink()
        print(f"removed {stale}")
    for path in sorted(written):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
