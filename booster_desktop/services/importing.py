"""Importing managers and their diagnosis (ranked topics) from the sheets coordinators have.

One service for `booster import managers` and the window's import wizard:
- `plan_import` finds the header row (below title rows and blanks), recognises English and
  French headings, topic-rank columns and a topic-list column, and applies `--map`;
- `import_managers` reads every row, cleans and checks it, and writes all rows in one
  transaction, or none: with problems, nothing is written unless `skip_invalid`.
A row that matches a manager already in the file (same e-mail, or same name and country) is
reported as already there, not as an error: importing the same sheet twice changes nothing.

What spreadsheets do to data before it reaches us is caught on its row: letters Excel
replaced by `?`, numbers it turned into `2.13661E+11`, formulas saved without their value,
text past a field's limit, an Arabic-name column that holds no Arabic. Control characters
are removed (and reported); phone numbers are stored as E.164; merged cells give each row
the value the user sees; rows the user cannot see (hidden, filtered out) are left out
unless asked for, and counted either way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.badge import BadgeToken, new_token
from booster_desktop.domain.base import text_limit
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import Gender, ManagerStatus, OrganisationKind, diets_text
from booster_desktop.domain.manager import Manager, person_key
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.text import clean, clean_email, fold, is_email
from booster_desktop.domain.topic import Topic, TopicInterest
from booster_desktop.i18n import N_, _, ngettext
from booster_desktop.services import encodings
from booster_desktop.services.country_names import country_code
from booster_desktop.services.diet_words import read_diets
from booster_desktop.services.phones import PhoneNumberError, normal_phone
from booster_desktop.services.progress import Progress, no_progress
from booster_desktop.services.source_limits import check_source
from booster_desktop.services.spreadsheets import Sheet, Workbook, open_workbook
from booster_desktop.services.text_checks import (
    has_arabic,
    is_arabic_script,
    lost_letters,
    without_controls,
)
from booster_desktop.store import changes
from booster_desktop.store.programme_file import ProgrammeFile

FIELDS = (
    "given_name",
    "family_name",
    "arabic_name",
    "country",
    "organisation",
    "city",
    "email",
    "phone",
    "role",
    "gender",
    "topics",
    "diets",
)
IGNORE = "ignore"
TOPIC_PREFIX = "topic:"

# Headings as coordinators write them, English and French, compared folded and without
# punctuation ("Nom (arabe)" ~ "nom arabe", "E-mail" ~ "e mail").
HEADINGS: dict[str, tuple[str, ...]] = {
    "given_name": (
        "first name",
        "given name",
        "firstname",
        "forename",
        "prenom",
        "prenoms",
        "first",
    ),
    "family_name": (
        "last name",
        "family name",
        "surname",
        "lastname",
        "nom",
        "nom de famille",
        "last",
    ),
    "arabic_name": (
        "arabic name",
        "name in arabic",
        "full name in arabic",
        "nom arabe",
        "nom en arabe",
        "nom arabe complet",
        "arabic",
        "arabe",
        "الاسم",
        "الاسم الكامل",
    ),
    "country": ("country", "pays", "country of origin", "pays d origine"),
    "city": ("city", "ville", "town"),
    "organisation": (
        "cluster",
        "organisation",
        "organization",
        "cluster name",
        "nom du cluster",
        "organisme",
        "structure",
        "cluster organisation",
        "institution",
    ),
    "email": (
        "email",
        "e mail",
        "courriel",
        "mail",
        "email address",
        "e mail address",
        "adresse email",
        "adresse e mail",
        "adresse electronique",
    ),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "mobile",
        "phone number",
        "numero de telephone",
        "portable",
        "gsm",
    ),
    "role": ("role", "position", "job title", "title", "fonction", "poste", "titre"),
    "gender": ("gender", "sex", "sexe", "genre"),
    "diets": (
        "diet",
        "diets",
        "dietary needs",
        "dietary requirements",
        "dietary restrictions",
        "regime",
        "regime alimentaire",
        "regimes alimentaires",
        "restrictions alimentaires",
        "besoins alimentaires",
        "alimentation",
    ),
    "topics": (
        "topics",
        "topics wanted",
        "topics of interest",
        "wanted topics",
        "themes",
        "themes souhaites",
        "thematiques",
        "thematiques souhaitees",
        "sujets",
        "topics to deepen",
        "themes a approfondir",
    ),
}
# Number columns that are not topics: row numbers, ages, years. Listed as ignored.
NOT_TOPICS = (
    "n",
    "no",
    "num",
    "numero",
    "number",
    "id",
    "row",
    "ligne",
    "index",
    "rang",
    "age",
    "year",
    "annee",
    "birth year",
    "annee de naissance",
)
_HEADING_FIELD = {heading: name for name, words in HEADINGS.items() for heading in words}
_HEADING_FIELD.update(dict.fromkeys(NOT_TOPICS, IGNORE))
_NOT_WORD = re.compile(r"[^\w]+")
# A column is a topic's ranks when most of its filled cells are whole numbers from 1.
RANK_SHARE = 0.8
HEADER_SEARCH_ROWS = 30
SAMPLE_ROWS = 200
BATCH = 2000
# Between topics in a list column: ; | a line break, or a comma ("Funding, Strategy").
_TOPIC_SEPARATORS = re.compile(r"\s*(?:;|\||\n|,)\s*")
# Each text field's limit is the schema's (one limit, held by the file, the editor and here).
LIMITS = {
    "given_name": text_limit(Manager, "given_name"),
    "family_name": text_limit(Manager, "family_name"),
    "arabic_name": text_limit(Manager, "arabic_name"),
    "organisation": text_limit(Organisation, "name"),
    "city": text_limit(Manager, "city"),
    "email": text_limit(Manager, "email"),
    "phone": text_limit(Manager, "phone"),
    "role": text_limit(Manager, "role"),
    # What a diets cell keeps beyond the common diets goes to the manager's dietary needs.
    "diets": text_limit(Manager, "dietary_needs"),
}
TOPIC_LIMIT = text_limit(Topic, "name")
LATIN_FIELDS = ("given_name", "family_name", "country", "organisation", "city", "role")
UNSAVED_FORMULA = N_(
    "a formula with no saved value; open and save the file in Excel or LibreOffice first"
)
ARABIC_IN_LATIN = N_(
    "the name is in Arabic script and the Arabic name is empty; it can be "
    "used as the Arabic name (the wizard offers it)"
)
LOST_LETTERS = N_(
    "{text!r}: letters were lost (replaced by ?) when the file was saved, "
    "before the import; save it again from the original as CSV UTF-8 "
    "({how}), or as .xlsx"
)
_GENDERS = {
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "femme": Gender.FEMALE,
    "woman": Gender.FEMALE,
    "w": Gender.FEMALE,
    "m": Gender.MALE,
    "male": Gender.MALE,
    "homme": Gender.MALE,
    "h": Gender.MALE,
    "man": Gender.MALE,
    "other": Gender.OTHER,
    "autre": Gender.OTHER,
}


def heading_key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def field_for_heading(text: str) -> str | None:
    """The field a heading names ("Prénom" -> given_name), or None."""
    return _HEADING_FIELD.get(heading_key(text))


def check_field(name: str) -> str:
    """A `--map` field, checked: one of FIELDS, `topic:NAME` or `ignore`."""
    if name in FIELDS or name == IGNORE:
        return name
    if name.startswith(TOPIC_PREFIX) and clean(name[len(TOPIC_PREFIX) :]):
        return TOPIC_PREFIX + clean(name[len(TOPIC_PREFIX) :])
    raise ValueError(
        _("{name!r} is not a field (use one of {value}, topic:NAME or ignore)").format(
            name=name, value=", ".join(FIELDS)
        )
    )


@dataclass(frozen=True)
class Problem:
    """What is wrong with one row: the sheet's row number, the column as spelt, the message."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("row {row}: {column}: {message}").format(
            row=self.row, column=self.column, message=self.message
        )


@dataclass(frozen=True)
class PlannedColumn:
    index: int
    heading: str  # as the sheet spells it
    field: str  # one of FIELDS, "topic:NAME", or "ignore"


@dataclass(frozen=True)
class ImportPlan:
    """How a sheet will be read: where its header is and what each column holds.

    `include_hidden` reads hidden and filtered-out rows too; `arabic_from_latin` fills an
    empty Arabic name from Latin name columns that hold Arabic script.
    """

    sheet: Sheet
    header_row: int
    columns: tuple[PlannedColumn, ...]
    include_hidden: bool = False
    arabic_from_latin: bool = False

    @property
    def ignored(self) -> list[str]:
        return [c.heading for c in self.columns if c.field == IGNORE and c.heading]

    def column_for(self, name: str) -> PlannedColumn | None:
        return next((c for c in self.columns if c.field == name), None)


@dataclass
class ImportReport:
    """What an import did, or would do (dry run): three disjoint counts, and the problems."""

    imported: int = 0
    already: int = 0
    skipped: int = 0
    valid: int = 0  # rows that could be written (all of them are, unless the import is refused)
    invalid: int = 0  # rows with problems
    errors: list[Problem] = field(default_factory=list)
    # Done or seen, not refused: control characters removed, merged cells applied, Arabic
    # script in a Latin name column.
    notes: list[Problem] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)  # left out, or read when asked
    hidden_included: bool = False
    encoding: str | None = None  # a CSV file's
    topics_created: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    header_row: int = 0
    sheet: str | None = None
    dry_run: bool = False
    written: bool = False
    # What was written, so the window can undo the import.
    manager_ids: list[int] = field(default_factory=list)
    created_topic_ids: list[int] = field(default_factory=list)
    created_organisation_ids: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "already": self.already,
            "skipped": self.skipped,
            "errors": [
                {"row": p.row, "column": p.column, "message": p.message} for p in self.errors
            ],
            "notes": [{"row": p.row, "column": p.column, "message": p.message} for p in self.notes],
            "hidden_rows": self.hidden_rows,
            "hidden_included": self.hidden_included,
            "encoding": self.encoding,
            "topics_created": self.topics_created,
            "ignored_columns": self.ignored_columns,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "dry_run": self.dry_run,
        }

    @property
    def refused(self) -> bool:
        """Rows had problems and invalid rows were not to be skipped: nothing is written."""
        return self.invalid > 0 and self.skipped == 0

    def summary(self) -> str:
        rows = ngettext(
            "{count} row with problems", "{count} rows with problems", self.invalid
        ).format(count=self.invalid)
        if self.refused:
            message = (
                _(
                    "refused: {rows}; nothing would be imported ({valid} valid, {already} "
                    "already there); fix them, or use --skip-invalid"
                )
                if self.dry_run
                else _(
                    "refused: {rows}; nothing was imported ({valid} valid, {already} "
                    "already there); fix them, or use --skip-invalid"
                )
            )
            return message.format(rows=rows, valid=self.valid, already=self.already)
        if self.dry_run:
            text = ngettext(
                "would import {count} manager", "would import {count} managers", self.imported
            )
        else:
            text = ngettext("imported {count} manager", "imported {count} managers", self.imported)
        text = text.format(count=self.imported)
        text += _(", {already} already there, {skipped} skipped").format(
            already=self.already, skipped=self.skipped
        )
        if self.topics_created:
            text += _("; topics to create: ") if self.dry_run else _("; topics created: ")
            text += ", ".join(self.topics_created)
        return text + self.hidden_summary()

    def hidden_summary(self) -> str:
        """The rows the user cannot see in the sheet, and what became of them."""
        if not self.hidden_rows:
            return ""
        count = len(self.hidden_rows)
        shown = ", ".join(str(n) for n in self.hidden_rows[:20])
        shown += ", ..." if count > 20 else ""
        rows = ngettext(
            "{count} hidden or filtered-out row ({shown})",
            "{count} hidden or filtered-out rows ({shown})",
            count,
        ).format(count=count, shown=shown)
        if self.hidden_included:
            return _("; {rows} included").format(rows=rows)
        return _("; {rows} left out (--include-hidden reads them)").format(rows=rows)


# -- planning ---------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return _cell_text(value)[0]


def _cell_text(value: Any) -> tuple[str, bool]:
    """A cell as the text the user sees (a whole number without ".0"), cleaned, and
    whether control characters were removed from it."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return str(value).upper(), False
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), False
    if isinstance(value, datetime | date):
        return value.isoformat(), False
    text, removed = without_controls(str(value))
    return clean(text), removed


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _header_row(rows: Sequence[tuple[int, list[Any]]], mapping: dict[str, str], where: str) -> int:
    """The row, among the first ones, that names the most known fields (two at least)."""
    best, best_score = None, 1
    for position, (_number, values) in enumerate(rows):
        headings = [_text(v) for v in values]
        score = sum(
            1
            for h in headings
            if h and (field_for_heading(h) is not None or heading_key(h) in mapping)
        )
        if score > best_score:
            best, best_score = position, score
    if best is None:
        raise BoosterError(
            _(
                "{where}: no header row found (looked for First name / Prénom, Last "
                "name / Nom, Country / Pays... in the first {HEADER_SEARCH_ROWS} rows)"
            ).format(where=where, HEADER_SEARCH_ROWS=HEADER_SEARCH_ROWS)
        )
    return best


def plan_import(
    sheet: Sheet,
    mapping: dict[str, str] | None = None,
    known_topics: Collection[str] = (),
) -> ImportPlan:
    """Find the header row and what each column holds; `mapping` maps headings to fields.

    A column that is no field holds a topic's ranks when its heading names a topic the
    programme knows (`known_topics`, folded), or when most of its filled cells are ranks.
    """
    written = {heading_key(k): k for k in (mapping or {})}
    mapping = {heading_key(k): check_field(v) for k, v in (mapping or {}).items()}
    head: list[tuple[int, list[Any]]] = []
    sample: list[list[Any]] = []
    rows = sheet.rows()
    try:
        for number, values in rows:
            if len(head) < HEADER_SEARCH_ROWS:
                head.append((number, values))
            else:
                break
        if not any(any(_text(v) for v in values) for _number, values in head):
            raise BoosterError(_("{value}: is empty").format(value=_where(sheet)))
        position = _header_row(head, mapping, _where(sheet))
        sample = [values for _number, values in head[position + 1 :]]
        for _number, values in rows:
            if len(sample) >= SAMPLE_ROWS:
                break
            sample.append(values)
    finally:
        rows.close()
    header_number, headings = head[position]
    columns: list[PlannedColumn] = []
    used: set[str] = set()
    unknown_maps = set(mapping)
    for index, raw in enumerate(headings):
        heading = _text(raw)
        key = heading_key(heading)
        chosen = mapping.get(key) if key else None
        unknown_maps.discard(key)
        if chosen is None:
            chosen = field_for_heading(heading) if heading else None
            if (
                chosen is None
                and heading
                and (
                    fold(heading) in known_topics or _looks_like_ranks(sample, index, len(headings))
                )
            ):
                chosen = TOPIC_PREFIX + heading
            if chosen in used and chosen != IGNORE:
                chosen = None  # a second "Nom" column: the first one wins, this is listed
        if chosen is None:
            chosen = IGNORE
        if chosen != IGNORE:
            used.add(chosen)
        columns.append(PlannedColumn(index, heading, chosen))
    if unknown_maps:
        missing = written[sorted(unknown_maps)[0]]
        raise BoosterError(
            _(
                "--map: no column {missing!r} in the header row (row {header_number} of {value})"
            ).format(missing=missing, header_number=header_number, value=_where(sheet))
        )
    plan = ImportPlan(sheet, header_number, tuple(columns))
    for needed in ("given_name", "family_name", "country"):
        if plan.column_for(needed) is None:
            raise BoosterError(
                _(
                    "{value}: no column for {needed} in the header row (row "
                    "{header_number}); name it, or map one with --map COLUMN={needed2}"
                ).format(
                    value=_where(sheet),
                    needed=needed.replace("_", " "),
                    header_number=header_number,
                    needed2=needed,
                )
            )
    decide_encoding(plan)
    return plan


def decide_encoding(plan: ImportPlan) -> None:
    """Between code pages the bytes of a CSV file fit equally, choose by content: the one
    under which the Arabic-name column holds Arabic and the Latin columns Latin; refuse when
    the content cannot tell and the choice changes what would be stored."""
    workbook = plan.sheet.workbook
    guess = workbook.encoding_guess
    if workbook.kind != "csv" or guess.forced or len(guess.candidates) < 2:
        return
    arabic = {c.index for c in plan.columns if c.field == "arabic_name"}
    latin = {c.index for c in plan.columns if c.field in LATIN_FIELDS}
    scores = dict.fromkeys(guess.candidates, 0)
    differ = False
    readers = [workbook.read(plan.sheet, encoding) for encoding in guess.candidates]
    try:
        for rows in zip(*readers, strict=False):
            number = rows[0][0]
            for index in arabic | latin:
                texts = [cells[index] if index < len(cells) else None for _, cells in rows]
                if texts[0] is None or all(t == texts[0] for t in texts):
                    continue
                differ = True
                header = number == plan.header_row
                for encoding, cell in zip(guess.candidates, texts, strict=True):
                    text = str(cell or "")
                    fits = (
                        is_arabic_script(text)
                        if index in arabic and not header
                        else _plausible_latin(text)
                    )
                    scores[encoding] += fits
    finally:
        for reader in readers:
            reader.close()
    if not differ:
        return
    ranked = sorted(guess.candidates, key=lambda e: -scores[e])
    if scores[ranked[0]] == scores[ranked[1]]:
        fitting = " or ".join(encodings.describe(e) for e in ranked)
        raise BoosterError(
            _(
                "{path}: cannot tell which encoding it is in: {fitting} both fit; "
                "choose one with --encoding (e.g. --encoding {value}), or save the "
                "file as CSV UTF-8 ({SAVE_AS_UTF8})"
            ).format(
                path=plan.sheet.path,
                fitting=fitting,
                value=ranked[0],
                SAVE_AS_UTF8=_(encodings.SAVE_AS_UTF8),
            )
        )
    workbook.encoding_guess = encodings.Guess(ranked[0], guess.candidates)


def _plausible_latin(text: str) -> bool:
    """Text in a Latin column as people write it: words in one script, accents here and
    there. Arabic decoded as Windows-1252 gives words of accented letters ("æáíÏ"), French
    decoded as Windows-1256 gives Arabic letters inside Latin words ("ةlodie")."""
    for word in text.split():
        letters = [c for c in word if c.isalpha()]
        if not letters or word.isascii():
            continue
        if is_arabic_script(word):
            continue
        accented = sum(1 for c in letters if not c.isascii())
        if has_arabic(word) or (accented >= 2 and accented * 2 > len(letters)):
            return False
    return True


def _looks_like_ranks(sample: Sequence[list[Any]], index: int, columns: int) -> bool:
    """Most filled cells are whole numbers from 1, and small ones: nobody ranks more topics
    than the sheet has columns (an age, a year, an amount is no rank)."""
    filled = [row[index] for row in sample if index < len(row) and _text(row[index])]
    if not filled:
        return False
    limit = max(20, columns)
    ranks = [_whole_number(value) for value in filled]
    good = sum(1 for r in ranks if r is not None and 1 <= r <= limit)
    return good / len(filled) >= RANK_SHARE


def _where(sheet: Sheet) -> str:
    return f"{sheet.path}" + (_(" (sheet {name!r})").format(name=sheet.name) if sheet.name else "")


def choose_sheet(
    workbook: Workbook, name: str | None = None, mapping: dict[str, str] | None = None
) -> Sheet:
    """The sheet asked for, or the first that has a header row (`mapping` counts)."""
    sheets = workbook.sheets()
    path, names = workbook.path, ", ".join(workbook.names)
    if name is not None and not workbook.names:
        raise BoosterError(
            _("--sheet: {path} is a CSV file, which has no sheets").format(path=path)
        )
    if name is not None:
        for sheet in sheets:
            if sheet.name is not None and fold(sheet.name) == fold(name):
                return sheet
        raise BoosterError(
            _("--sheet: {path} has no sheet {name!r} (sheets: {names})").format(
                path=path, name=name, names=names
            )
        )
    if len(sheets) == 1:
        return sheets[0]
    for sheet in sheets:
        try:
            plan_import(sheet, mapping)
        except BoosterError:
            continue
        return sheet
    raise BoosterError(
        _("{path}: no sheet has a header row (sheets: {names})").format(path=path, names=names)
    )


# -- reading rows -----------------------------------------------------------------------------


@dataclass
class ParsedRow:
    """One sheet row as it would be written, or its problems."""

    number: int
    values: dict[str, Any]
    ranks: dict[str, int]  # topic name (as written) -> rank
    problems: list[Problem]
    notes: list[Problem] = field(default_factory=list)


def _parse(plan: ImportPlan, number: int, cells: list[Any]) -> ParsedRow | None:
    """A row's values cleaned and checked; None for a blank row."""
    if not any(_text(v) for v in cells):
        return None
    values: dict[str, Any] = {}
    ranks: dict[str, int] = {}
    problems: list[Problem] = []
    notes: list[Problem] = []
    unsaved = plan.sheet.details.unsaved_formulas
    no_value: set[str] = set()  # fields whose cell is a formula with no saved value
    for column in plan.columns:
        if column.field == IGNORE:
            continue
        raw = cells[column.index] if column.index < len(cells) else None
        if raw is None and (number, column.index) in unsaved:
            problems.append(Problem(number, column.heading, _(UNSAVED_FORMULA)))
            no_value.add(column.field)
            continue
        if column.field.startswith(TOPIC_PREFIX):
            rank = _whole_number(raw)
            if rank is not None and rank >= 1:
                ranks[column.field[len(TOPIC_PREFIX) :]] = rank
                continue
            text = _text(raw)
            if text:
                problems.append(
                    Problem(
                        number,
                        column.heading,
                        _("{text!r} is not a rank (a whole number from 1)").format(text=text),
                    )
                )
            continue
        if column.field == "topics":
            # Split before cleaning: cleaning folds the line breaks between topics to spaces.
            written = "" if raw is None else str(raw)
            for position, part in enumerate(_TOPIC_SEPARATORS.split(written), start=1):
                name, removed = _cell_text(part)
                if removed:
                    notes.append(Problem(number, column.heading, _("control characters removed")))
                if len(name) > TOPIC_LIMIT:
                    problems.append(_too_long(number, column.heading, name, TOPIC_LIMIT))
                elif name:
                    ranks.setdefault(name, position)
            continue
        text, removed = _cell_text(raw)
        if removed:
            notes.append(Problem(number, column.heading, _("control characters removed")))
        values[column.field] = (column.heading, text)
    heading = {f: values.get(f, ("", ""))[0] or f for f in FIELDS}
    heading.update({c.field: c.heading for c in plan.columns if c.field in no_value and c.heading})

    def text_of(name: str) -> str:
        return str(values.get(name, ("", ""))[1])

    def check_text(name: str) -> str:
        """The field's text, or "" with a problem when it cannot be stored as it is."""
        text = text_of(name)
        if not text:
            return ""
        if len(text) > LIMITS[name]:
            problems.append(_too_long(number, heading[name], text, LIMITS[name]))
            return ""
        if lost_letters(text):
            how = _(encodings.SAVE_AS_UTF8)
            problems.append(
                Problem(number, heading[name], _(LOST_LETTERS).format(text=text, how=how))
            )
            return ""
        return text

    given, family = check_text("given_name"), check_text("family_name")
    for name in ("given_name", "family_name"):
        if not text_of(name) and name not in no_value:
            problems.append(Problem(number, heading[name], _("missing")))
    arabic = check_text("arabic_name")
    if arabic and not has_arabic(arabic):
        problems.append(
            Problem(
                number,
                heading["arabic_name"],
                _(
                    "{arabic!r} holds no Arabic letter; this column is read as the name in "
                    "Arabic script (if the file is a CSV, check its encoding)"
                ).format(arabic=arabic),
            )
        )
        arabic = ""
    if not text_of("arabic_name"):
        in_arabic = [text for text in (given, family) if text and is_arabic_script(text)]
        if in_arabic and plan.arabic_from_latin:
            arabic = " ".join(in_arabic)
            notes.append(
                Problem(
                    number,
                    heading["arabic_name"],
                    _("{arabic!r} taken from the name columns").format(arabic=arabic),
                )
            )
        elif in_arabic:
            notes.append(
                Problem(
                    number,
                    heading["given_name"] if has_arabic(given) else heading["family_name"],
                    _(ARABIC_IN_LATIN),
                )
            )
    written_country = text_of("country")
    code = _country(written_country) if written_country else None
    if not written_country and "country" not in no_value:
        problems.append(Problem(number, heading["country"], _("missing")))
    elif written_country and code is None:
        problems.append(Problem(number, heading["country"], _unknown_country(written_country)))
    organisation, city, role = check_text("organisation"), check_text("city"), check_text("role")
    email = clean_email(check_text("email"))
    if email and not is_email(email):
        problems.append(
            Problem(
                number,
                heading["email"],
                _("{email!r} is not an e-mail address").format(email=email),
            )
        )
    phone: str | None = None
    written_phone = text_of("phone")
    if written_phone:
        try:
            phone = normal_phone(written_phone, code)
        except PhoneNumberError as error:
            if code is not None or written_phone.startswith("+"):
                problems.append(Problem(number, heading["phone"], str(error)))
    gender_text = text_of("gender")
    gender = _GENDERS.get(fold(gender_text)) if gender_text else None
    if gender_text and gender is None:
        problems.append(
            Problem(
                number,
                heading["gender"],
                _("{gender_text!r} is not female, male or other").format(gender_text=gender_text),
            )
        )
    return ParsedRow(
        number,
        {
            "given_name": given,
            "family_name": family,
            "arabic_name": arabic or None,
            "country_code": code,
            "organisation": organisation,
            "city": city or None,
            "email": email or None,
            "phone": phone,
            "role": role or None,
            "gender": gender,
            **_diets(check_text("diets")),
        },
        ranks,
        problems,
        notes,
    )


def _too_long(number: int, heading: str, text: str, limit: int) -> Problem:
    return Problem(
        number,
        heading,
        _(
            "{count:,} characters, past the limit of {limit:,} for this field (starts {value!r})"
        ).format(count=len(text), limit=limit, value=text[:20]),
    )


def _diets(written: str) -> dict[str, str | None]:
    """A diets cell: the common diets it names, ticked; the rest kept as the manager's note."""
    ticked, rest = read_diets(written)
    return {"diets": diets_text(ticked), "dietary_needs": rest or None}


@cache
def _country(written: str) -> str | None:
    return country_code(written)


def _unknown_country(written: str) -> str:
    from booster_desktop.services.country_names import _names

    close = difflib.get_close_matches(fold(written), list(_names()), n=1, cutoff=0.8)
    hint = _(" (did you mean {value}?)").format(value=close[0].title()) if close else ""
    return _("{written!r} is not a country{hint}").format(written=written, hint=hint)


def preview(plan: ImportPlan, limit: int = 20) -> list[ParsedRow]:
    """The first rows as they will be read, with their problems (for the wizard)."""
    shown: list[ParsedRow] = []
    rows = plan.sheet.rows()
    try:
        for number, cells in rows:
            if number <= plan.header_row or _left_out(plan, number):
                continue
            parsed = _parse(plan, number, cells)
            if parsed is not None:
                shown.append(parsed)
            if len(shown) >= limit:
                break
    finally:
        rows.close()
    return shown


# -- writing ----------------------------------------------------------------------------------


class _Writer:
    """Collects valid rows and writes them in batches, inside the caller's transaction."""

    def __init__(self, connection: Connection, write: bool) -> None:
        self.connection = connection
        self.write = write
        self.next_manager = (connection.scalar(select(func.max(Manager.id))) or 0) + 1
        self.emails = set(
            connection.scalars(select(Manager.email).where(Manager.email.is_not(None)))
        )
        self.keys = set(connection.scalars(select(Manager.person_key)))
        self.topics = {k: i for k, i in connection.execute(select(Topic.name_key, Topic.id))}
        self.next_topic = (connection.scalar(select(func.max(Topic.id))) or 0) + 1
        self.organisations = {
            fold(name): i
            for name, i in connection.execute(select(Organisation.name, Organisation.id))
        }
        self.next_organisation = (connection.scalar(select(func.max(Organisation.id))) or 0) + 1
        self.topics_created: list[str] = []
        self._by_written: dict[str, int] = {}  # topic names as written (10 a row, many rows)
        self.manager_ids: list[int] = []
        self.topic_ids: list[int] = []
        self.organisation_ids: list[int] = []
        self._managers: list[dict[str, Any]] = []
        self._interests: list[dict[str, Any]] = []
        self._tokens: list[dict[str, Any]] = []
        self._new_topics: list[dict[str, Any]] = []
        self._new_organisations: list[dict[str, Any]] = []

    def topic_id(self, name: str) -> int:
        known = self._by_written.get(name)
        if known is not None:
            return known
        key = fold(name)
        if key not in self.topics:
            self.topics[key] = self.next_topic
            self._new_topics.append({"id": self.next_topic, "name": name, "name_key": key})
            self.topic_ids.append(self.next_topic)
            self.topics_created.append(name)
            self.next_topic += 1
        self._by_written[name] = self.topics[key]
        return self.topics[key]

    def organisation_id(self, name: str, country: str) -> int | None:
        if not name:
            return None
        key = fold(name)
        if key not in self.organisations:
            self.organisations[key] = self.next_organisation
            self.organisation_ids.append(self.next_organisation)
            self._new_organisations.append(
                {
                    "id": self.next_organisation,
                    "name": name,
                    "country_code": country,
                    "kind": OrganisationKind.CLUSTER,
                }
            )
            self.next_organisation += 1
        return self.organisations[key]

    def add(self, row: ParsedRow) -> None:
        values = row.values
        manager_id = self.next_manager
        self.next_manager += 1
        self.manager_ids.append(manager_id)
        self._managers.append(
            {
                "id": manager_id,
                "status": ManagerStatus.ACTIVE,
                "given_name": values["given_name"],
                "family_name": values["family_name"],
                "arabic_name": values["arabic_name"],
                "person_key": person_key(
                    values["given_name"], values["family_name"], values["country_code"]
                ),
                "gender": values["gender"],
                "email": values["email"],
                "phone": values["phone"],
                "organisation_id": self.organisation_id(
                    values["organisation"], values["country_code"]
                ),
                "country_code": values["country_code"],
                "role": values["role"],
                "city": values["city"],
                "diets": values["diets"],
                "dietary_needs": values["dietary_needs"],
            }
        )
        seen: set[int] = set()
        for name, rank in sorted(row.ranks.items(), key=lambda item: item[1]):
            topic = self.topic_id(name)
            if topic not in seen:
                seen.add(topic)
                self._interests.append({"manager_id": manager_id, "topic_id": topic, "rank": rank})
        self._tokens.append({"token": new_token(), "manager_id": manager_id})
        if len(self._managers) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.write:
            for table, rows in (
                (Topic, self._new_topics),
                (Organisation, self._new_organisations),
                (Manager, self._managers),
                (TopicInterest, self._interests),
                (BadgeToken, self._tokens),
            ):
                if rows:
                    self.connection.execute(insert(table), rows)
        for rows in (
            self._new_topics,
            self._new_organisations,
            self._managers,
            self._interests,
            self._tokens,
        ):
            rows.clear()


def _left_out(plan: ImportPlan, number: int) -> bool:
    return not plan.include_hidden and number in plan.sheet.details.hidden_rows


def _data_rows(plan: ImportPlan) -> Iterator[tuple[int, list[Any]]]:
    for number, cells in plan.sheet.rows():
        if number > plan.header_row and not _left_out(plan, number):
            yield number, cells


def _merge_notes(plan: ImportPlan) -> list[Problem]:
    """Each merged range over a read column, below the header: its value went to each row."""
    notes = []
    read = {c.index: c.heading for c in plan.columns if c.field != IGNORE}
    for merged in plan.sheet.details.merged:
        if merged.last_row <= plan.header_row or merged.last_row == merged.first_row:
            continue
        columns = [read[i] for i in range(merged.first_column, merged.last_column + 1) if i in read]
        if columns:
            notes.append(
                Problem(
                    max(merged.first_row, plan.header_row + 1),
                    ", ".join(columns),
                    _(
                        "the merged cell {merged} gives its value to rows {first_row} to "
                        "{last_row}, as the sheet shows it"
                    ).format(merged=merged, first_row=merged.first_row, last_row=merged.last_row),
                )
            )
    return notes


def import_managers(
    programme: ProgrammeFile,
    plan: ImportPlan,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress = no_progress,
) -> ImportReport:
    """Import the plan's rows: all in one transaction, or nothing when a row is invalid
    (unless `skip_invalid`), or nothing at all on a dry run, which reports the same."""
    report = ImportReport(
        ignored_columns=plan.ignored,
        header_row=plan.header_row,
        sheet=plan.sheet.name,
        dry_run=dry_run,
        hidden_included=plan.include_hidden,
        encoding=plan.sheet.workbook.encoding or None,
    )
    try:
        return _import(programme, plan, report, dry_run, skip_invalid, progress)
    except DBAPIError as error:
        raise BoosterError(
            _("{path}: nothing was imported ({value})").format(
                path=programme.path, value=getattr(error, "orig", error)
            )
        ) from error


def _import(
    programme: ProgrammeFile,
    plan: ImportPlan,
    report: ImportReport,
    dry_run: bool,
    skip_invalid: bool,
    progress: Progress,
) -> ImportReport:
    earlier_email: dict[str, int] = {}
    earlier_person: dict[str, int] = {}
    with programme.writing(changes.Action.IMPORT) as connection:
        transaction = connection.get_transaction()
        assert transaction is not None
        writer = _Writer(connection, write=not dry_run)
        done = 0
        for number, cells in _data_rows(plan):
            done += 1
            if done % 500 == 0:
                progress(number, plan.sheet.rows_hint, _("Reading rows"))
            row = _parse(plan, number, cells)
            if row is None:
                continue
            report.notes.extend(row.notes)
            values = row.values
            if not row.problems:
                key = person_key(
                    values["given_name"], values["family_name"], values["country_code"]
                )
                email = values["email"]
                if (email and email in writer.emails) or key in writer.keys:
                    report.already += 1
                    continue
                twin = earlier_email.get(email) if email else None
                reason = _("the same e-mail address")
                if twin is None:
                    twin, reason = earlier_person.get(key), _("the same name and country")
                if twin is not None:
                    column = (
                        plan.column_for("email")
                        if reason.startswith("the same e")
                        else (plan.column_for("family_name"))
                    )
                    row.problems.append(
                        Problem(
                            number,
                            column.heading if column else "row",
                            _("the same person as row {twin} ({reason})").format(
                                twin=twin, reason=reason
                            ),
                        )
                    )
                else:
                    if email:
                        earlier_email[email] = number
                    earlier_person[key] = number
            if row.problems:
                report.errors.extend(row.problems)
                report.invalid += 1
                continue
            writer.add(row)
            report.valid += 1
        writer.flush()
        report.notes[:0] = _merge_notes(plan)
        report.hidden_rows = sorted(
            n for n in plan.sheet.details.hidden_rows if n > plan.header_row
        )
        report.skipped = report.invalid if skip_invalid else 0
        if not report.refused:
            report.imported = report.valid
            report.topics_created = writer.topics_created
        if dry_run or report.refused:
            transaction.rollback()
        else:
            from booster_desktop.services.backups import backup_before

            # Only now that the import is known to go ahead and add something (a refused or
            # empty one makes no backup), from another connection: the programme as
            # committed, before this import.
            if writer.manager_ids or writer.topic_ids or writer.organisation_ids:
                backup_before(programme, "import")
            progress(done, done, _("Saving"))
            for table, ids in (
                ("manager", writer.manager_ids),
                ("topic", writer.topic_ids),
                ("organisation", writer.organisation_ids),
                ("badge_token", writer.manager_ids),  # a manager's rows, by the manager's id
                ("topic_interest", writer.manager_ids),
            ):
                changes.report(connection, table, ids, added=True)
            changes.describe(connection, f"imported {len(writer.manager_ids):,} managers")
            # Committed by the write gate at the end of the block.
            report.written = True
            report.manager_ids = writer.manager_ids
            report.created_topic_ids = writer.topic_ids
            report.created_organisation_ids = writer.organisation_ids
    return report


def import_file(
    programme: ProgrammeFile,
    source: Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    include_hidden: bool = False,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress = no_progress,
) -> ImportReport:
    """`booster import managers`: choose the sheet, plan the columns, import."""
    check_source(Path(source))
    with programme.engine.connect() as connection:
        known = set(connection.scalars(select(Topic.name_key)))
    with open_workbook(Path(source), encoding) as workbook:
        plan = plan_import(choose_sheet(workbook, sheet, mapping), mapping, known)
        plan = replace(plan, include_hidden=include_hidden)
        return import_managers(
            programme, plan, dry_run=dry_run, skip_invalid=skip_invalid, progress=progress
        )


def parse_maps(pairs: Iterable[str]) -> dict[str, str]:
    """`--map COLUMN=FIELD` arguments as a mapping (ValueError says what is wrong)."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, name = pair.partition("=")
        if not sep or not column.strip() or not name.strip():
            raise ValueError(_("{pair!r} is not COLUMN=FIELD").format(pair=pair))
        mapping[column.strip()] = check_field(name.strip())
    return mapping
