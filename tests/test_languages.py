"""French beside English: the one gettext catalogue, `--lang`, and French printed materials.

The catalogue tests read the code itself (Babel's extractor, as `pybabel extract` does), so a
message added anywhere without its French translation fails here, named with its place.
"""

from __future__ import annotations

import csv
import gettext
import json
import re
import shutil
import string
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from booster_desktop import catalogues
from booster_desktop.cli import main
from booster_desktop.i18n import ARGPARSE_DOMAIN, _, language, resolve, use_language

FRENCH_DAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
PRINTF = re.compile(r"%(?:\(\w+\))?[sdr]")
ENGLISH_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# -- the catalogue --------------------------------------------------------------------------


def test_the_code_marks_messages_and_the_extractor_finds_them() -> None:
    found = {message.text for message in catalogues.extract()}
    # One from each layer: the domain, the store, the services, the writers.
    assert "cancelled: nothing was changed" in found
    assert "{path}: no such file" in found
    assert "row {row}: {column}: {message}" in found
    assert "Certificate of attendance" in found
    assert "Given name" in found
    assert len(found) > 400


def test_no_message_is_marked_inside_an_f_string() -> None:
    """The extractors (Babel's, lupdate) read an f-string as one string: a text marked inside
    it (`f"{_('Emergency')}: …"`) is never extracted, so it is never translated."""
    marked_inside = re.compile(r"""\{(?:_|tr|ngettext|N_|QT_TR_NOOP)\(\s*["']""")
    package = Path(catalogues.PACKAGE)
    found = [
        f"{path.relative_to(package.parent)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if "generated" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if marked_inside.search(line)
    ]
    assert found == []


@pytest.mark.parametrize("language_code", catalogues.translated_languages())
def test_every_message_is_translated(language_code: str) -> None:
    missing = catalogues.untranslated(language_code)
    listing = "\n".join(f"  {m.text!r} ({m.where})" for m in missing)
    assert not missing, (
        f"{len(missing)} message(s) without a {language_code} translation: run "
        "`python -m booster_desktop.catalogues update`, translate them in "
        f"{catalogues.po_path(language_code).name}, then `... compile`:\n{listing}"
    )


@pytest.mark.parametrize("language_code", catalogues.translated_languages())
def test_the_compiled_catalogue_is_the_one_its_po_compiles_to(language_code: str) -> None:
    assert catalogues.mo_in_step(language_code), (
        f"{catalogues.mo_path(language_code)} is stale: python -m booster_desktop.catalogues compile"
    )


def _fields(text: str) -> list[str]:
    return sorted(
        f"{name}!{conversion}:{spec}"
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


@pytest.mark.parametrize("language_code", catalogues.translated_languages())
def test_every_translation_keeps_the_placeholders_of_its_message(language_code: str) -> None:
    with catalogues.mo_path(language_code).open("rb") as stream:
        translations = gettext.GNUTranslations(stream)
    wrong = []
    for message in catalogues.extract():
        if message.plural is None:
            shown = translations.gettext(message.text)
            if _fields(shown) != _fields(message.text):
                wrong.append(f"{message.text!r} -> {shown!r}")
        else:
            for count in (1, 2):
                shown = translations.ngettext(message.text, message.plural, count)
                if _fields(shown) != _fields(message.text):
                    wrong.append(f"{message.text!r} -> {shown!r}")
    assert wrong == []


def test_the_compiled_catalogue_ships_in_the_package() -> None:
    from booster_desktop.i18n import locale_folder

    mo = Path(locale_folder()) / "fr" / "LC_MESSAGES" / "booster.mo"
    assert mo.is_file()
    use_language("fr")
    assert _("Sign-in sheet") == "Feuille d'émargement"


def test_the_shipped_badge_layouts_titles_are_in_the_catalogue() -> None:
    from booster_desktop.exports.badge_layout import SHIPPED_TITLES, shipped_layouts

    assert sorted(layout.title for layout in shipped_layouts().values()) == sorted(SHIPPED_TITLES)


# -- choosing the language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANGUAGE": "fr_BE:en"}, "fr"),
        ({"LANGUAGE": "", "LC_ALL": "fr_FR.UTF-8"}, "fr"),
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "de:fr"}, "fr"),
    ],
)
def test_the_system_language_is_the_first_one_there_is_a_catalogue_for(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert resolve("system") == expected
    assert resolve(None, system="fr_CA") == "fr"
    assert resolve("system", system="ar_MA") == "en"


def test_lang_is_accepted_before_and_after_the_command(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "fr", "list", "sessions", str(demo_file), "--tour", "NOPE"]) == 1
    before = capsys.readouterr().err
    assert main(["list", "sessions", str(demo_file), "--tour", "NOPE", "--lang", "fr"]) == 1
    after = capsys.readouterr().err
    assert before == after
    assert "le voyage 'NOPE' n'existe pas" in after
    assert main(["list", "sessions", str(demo_file), "--tour", "NOPE", "--lang", "en"]) == 1
    assert "tour 'NOPE' does not exist" in capsys.readouterr().err


def test_the_language_setting_is_used_when_no_lang_is_given(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["settings", "language", "fr"]) == 0
    capsys.readouterr()
    assert main(["list", "sessions", str(demo_file), "--tour", "NOPE"]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    assert language() == "fr"
    # --lang wins over the setting.
    assert main(["list", "sessions", str(demo_file), "--tour", "NOPE", "--lang", "en"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_the_command_s_help_and_usage_errors_speak_the_language_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help", "--lang", "fr"])
    assert "importer des managers et leurs thèmes classés" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "fr", "demo", "x.booster", "--managers", "abc"])
    assert exited.value.code == 2
    assert "'abc' n'est pas un nombre entier" in capsys.readouterr().err


def test_argparse_s_own_words_are_french_with_lang_fr(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "fr", "export", "--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("utilisation : booster export")
    assert "arguments positionnels" in shown and "afficher cette aide et quitter" in shown
    # French puts a no-break space before a colon, headings included ("options :").
    assert "arguments positionnels\u00a0:" in shown and "\noptions\u00a0:" in shown
    assert "usage:" not in shown and "show this help" not in shown
    assert "positional arguments" not in shown
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "fr", "export"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "booster export : erreur : les arguments suivants sont obligatoires" in error
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate", "--lang", "fr"])
    assert "choix invalide : 'frobnicate'" in capsys.readouterr().err
    # The next run in English says it in English again.
    with pytest.raises(SystemExit):
        main(["export", "--help", "--lang", "en"])
    assert capsys.readouterr().out.startswith("usage: booster export")


def test_argparse_speaks_the_language_setting_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "language", "fr"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert "utilisation : booster" in shown and "afficher la version et quitter" in shown


def test_the_window_s_command_line_help_speaks_the_language_setting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from booster_desktop import app

    with pytest.raises(SystemExit):
        app.main(["--help"])
    assert "the programme file to open" in capsys.readouterr().out
    assert main(["settings", "language", "fr"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit):
        app.main(["--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("utilisation : booster-desktop")
    assert "le fichier du programme à ouvrir" in shown
    assert "afficher la version et quitter" in shown
    with pytest.raises(SystemExit) as exited:
        app.main(["a.booster", "b.booster"])
    assert exited.value.code == 2
    assert "arguments non reconnus : b.booster" in capsys.readouterr().err


@pytest.mark.parametrize("language_code", catalogues.translated_languages())
def test_every_argparse_message_is_translated_and_compiled(language_code: str) -> None:
    missing = catalogues.untranslated(language_code, ARGPARSE_DOMAIN)
    listing = "\n".join(f"  {m.text!r} ({m.where})" for m in missing)
    assert not missing, (
        f"{len(missing)} argparse message(s) of this Python without a {language_code} "
        "translation: run `python -m booster_desktop.catalogues update`, translate them in "
        f"{catalogues.po_path(language_code, ARGPARSE_DOMAIN).name}, then `... compile`:\n"
        f"{listing}"
    )
    assert catalogues.mo_in_step(language_code, ARGPARSE_DOMAIN)
    # argparse fills its messages with % (printf style): a translation keeps each of them.
    with catalogues.mo_path(language_code, ARGPARSE_DOMAIN).open("rb") as stream:
        translations = gettext.GNUTranslations(stream)
    wrong = []
    for message in catalogues.extract_argparse():
        for count in (1, 2):
            shown = (
                translations.gettext(message.text)
                if message.plural is None
                else translations.ngettext(message.text, message.plural, count)
            )
            if sorted(PRINTF.findall(shown)) != sorted(PRINTF.findall(message.text)):
                wrong.append(f"{message.text!r} -> {shown!r}")
    assert wrong == []


# -- French messages and materials ----------------------------------------------------------


def test_a_refused_import_in_french_says_each_row_in_french(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "managers.csv"
    with source.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Prénom", "Nom", "Pays", "Cluster", "Courriel"])
        writer.writerow(["Samia", "Haddad", "Tunisie", "Tunis Textile", "samia@example.tn"])
        writer.writerow(["Karim", "Mansour", "Maroc", "Agadir Agro", "pas-un-courriel"])
        writer.writerow(["Lina", "", "Liban", "Beirut Digital", "lina@example.lb"])
    code = main(["import", "managers", str(demo_file), str(source), "--lang", "fr"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert "ligne 3 : Courriel : 'pas-un-courriel' n'est pas une adresse électronique" in err
    assert "ligne 4 : Nom : manquant" in err
    assert err[-1].startswith(
        "refusé : 2 lignes avec des problèmes ; rien n'a été importé (1 valides"
    )
    assert not any("row " in line or "is not" in line for line in err)


def _tour_dates(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[date, date]:
    assert main(["list", "tours", str(demo_file), "--json"]) == 0
    tours = {t["code"]: t for t in json.loads(capsys.readouterr().out)}
    tour = tours["CAT"]
    return date.fromisoformat(tour["start"]), date.fromisoformat(tour["end"])


def _french(day: date) -> str:
    return f"{FRENCH_DAYS[day.weekday()]} {day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_french_agenda_has_french_days_dates_and_words(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start, end = _tour_dates(demo_file, capsys)
    out = tmp_path / "agenda.pdf"
    args = ["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(out), "--lang", "fr"]
    assert main(args) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for offset in range((end - start).days + 1):
        day = date.fromordinal(start.toordinal() + offset)
        assert _french(day) in text
    assert not any(name in text for name in ENGLISH_DAYS)
    assert "La semaine en un coup d'œil" in text
    assert "Jour par jour" in text and "Day by day" not in text
    # Countries as French readers name them, from the programme's own country table.
    assert "Maroc" in text or "Tunisie" in text or "Égypte" in text
    assert "Morocco" not in text and "Tunisia" not in text and "Egypt" not in text


def test_a_french_roster_has_french_sheets_headings_and_countries(
    demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "roster.xlsx"
    args = ["export", "roster", str(demo_file), "--tour", "CAT", "-o", str(out), "--lang", "fr"]
    assert main(args) == 0
    book = load_workbook(out)
    assert book.sheetnames[:4] == ["Participants", "Déplacements", "Restauration", "Agenda"]
    sheet = book["Participants"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if "Prénom" in row)
    for heading in ("Nom", "Nom en arabe", "Pays", "Ville", "Courriel", "Téléphone", "Régimes"):
        assert heading in header
    assert "Given name" not in header
    countries = {row[header.index("Pays")] for row in rows[rows.index(header) + 1 :]}
    assert countries & {"Maroc", "Tunisie", "Égypte", "Liban", "Algérie", "Jordanie"}
    assert not countries & {"Morocco", "Tunisia", "Egypt", "Lebanon", "Algeria", "Jordan"}
    statuses = {
        row[header.index("État de l'inscription")] for row in rows[rows.index(header) + 1 :]
    }
    assert statuses and statuses <= {"proposé", "confirmé", "en liste d'attente", "annulé"}
    catering = [[cell.value for cell in row] for row in book["Restauration"].iter_rows()]
    assert any("Pas de régime particulier" in row for row in catering)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_french_sign_in_sheets_and_certificates_spell_dates_in_french(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start, _end = _tour_dates(demo_file, capsys)
    out = tmp_path / "signin.pdf"
    args = ["export", "signin", str(demo_file), "--tour", "CAT", "-o", str(out), "--lang", "fr"]
    assert main(args) == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "FEUILLE D'ÉMARGEMENT" in text
    assert _french(start) in text
    assert "Signature" in text and "Sign-in sheet" not in text


@pytest.mark.parametrize("tool", ["catalogues", "linguist"])
def test_both_catalogue_tools_take_the_same_commands(
    tool: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`update`, `compile`, `check` (the default; exit 1 with a line a problem), else usage."""
    from booster_desktop.ui import linguist

    module: Any = catalogues if tool == "catalogues" else linguist
    done: list[str] = []
    monkeypatch.setattr(module, "update", lambda: done.append("update"))
    monkeypatch.setattr(module, "compile_all", lambda: done.append("compile"))
    found: list[str] = []
    monkeypatch.setattr(module, "check", lambda: found)
    assert module.main(["update"]) == 0 and module.main(["compile"]) == 0
    assert done == ["update", "compile"]
    assert module.main([]) == 0 and module.main(["check"]) == 0
    found.append("fr: untranslated: 'Tours'")
    assert module.main([]) == 1
    assert capsys.readouterr().out == "fr: untranslated: 'Tours'\n"
    assert module.main(["bogus"]) == 2
    assert capsys.readouterr().out.startswith(module.__doc__.splitlines()[0])


def test_a_stale_compiled_catalogue_names_the_command_that_compiles_it() -> None:
    assert catalogues.not_compiled("fr", Path("x/booster.mo"), "booster_desktop.catalogues") == (
        "fr: booster.mo is not compiled from its .po (python -m booster_desktop.catalogues compile)"
    )
    assert catalogues.not_compiled(
        "fr", Path("x/booster_fr.qm"), "booster_desktop.ui.linguist"
    ) == (
        "fr: booster_fr.qm is not compiled from its .ts (python -m booster_desktop.ui.linguist "
        "compile)"
    )
