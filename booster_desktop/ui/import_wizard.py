"""File > Import managers…: choose the file and sheet (and a CSV file's encoding, guessed and
shown on a preview), check how each column is read, see the problems and notes, choose
whether hidden rows are read and Arabic script moved to the Arabic name, then import, with
progress, off the UI thread. The same service as `booster import managers`."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.encodings import describe, guess_file, preview_lines
from booster_desktop.services.importing import (
    ARABIC_IN_LATIN,
    FIELDS,
    IGNORE,
    TOPIC_PREFIX,
    ImportPlan,
    ImportReport,
    PlannedColumn,
    choose_sheet,
    import_managers,
    plan_import,
    preview,
)
from booster_desktop.services.programme import ProgrammeFile
from booster_desktop.services.spreadsheets import Workbook, open_workbook
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.translation import QT_TR_NOOP, tr

SOURCE_FILTER = QT_TR_NOOP("Spreadsheets (*.xlsx *.csv *.xls *.ods);;All files (*)")
FIELD_LABELS = {
    "given_name": QT_TR_NOOP("Given name"),
    "family_name": QT_TR_NOOP("Family name"),
    "arabic_name": QT_TR_NOOP("Name in Arabic"),
    "country": QT_TR_NOOP("Country"),
    "organisation": QT_TR_NOOP("Cluster / organisation"),
    "city": QT_TR_NOOP("City"),
    "email": QT_TR_NOOP("E-mail"),
    "phone": QT_TR_NOOP("Phone"),
    "role": QT_TR_NOOP("Role"),
    "gender": QT_TR_NOOP("Gender"),
    "topics": QT_TR_NOOP("Topics, most wanted first"),
    "diets": QT_TR_NOOP("Diets (common ones ticked, the rest kept as written)"),
    IGNORE: QT_TR_NOOP("(ignore this column)"),
}
PREVIEW_COLUMNS = ("given_name", "family_name", "arabic_name", "country_code", "email")
# The encodings a CSV file can be read in, as the user picks them (None: as guessed).
ENCODINGS = (
    ("utf-8-sig", "UTF-8"),
    ("utf-16", QT_TR_NOOP("UTF-16 (Excel's Unicode Text)")),
    ("cp1252", QT_TR_NOOP("Windows-1252 (Western European)")),
    ("cp1256", QT_TR_NOOP("Windows-1256 (Arabic)")),
)


class ImportWizard(QWizard):
    """Import managers from a spreadsheet into the open programme."""

    imported = Signal(object)  # the ImportReport, once rows were written

    def __init__(self, document: ProgrammeDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(tr("Import managers"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # Once the import is done there is nothing left to cancel: the last page has its own
        # button to stop an import under way, and Finish.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        fit_to_screen(self, 900, 640)
        self.document = document
        assert document.programme is not None
        self.programme: ProgrammeFile = document.programme
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        # The source stays open from its header to the import, then is closed (Excel can
        # save it again) when the wizard closes.
        self.workbook: Workbook | None = None
        self.finished.connect(self._close_source)
        self.source_page = SourcePage(self)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page in (self.source_page, self.columns_page, self.check_page, self.import_page):
            self.addPage(page)

    def open_source(self, path: Path, encoding: str | None = None) -> Workbook:
        self._close_source()
        self.workbook = open_workbook(path, encoding)
        return self.workbook

    def _close_source(self) -> None:
        if self.workbook is not None:
            self.workbook.close()
            self.workbook = None


class SourcePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(tr("Choose the spreadsheet"))
        self.setSubTitle(
            tr(
                "An Excel workbook (.xlsx) or a CSV file, in English or French; title "
                "rows and blank lines above the header are fine. Old .xls and "
                "LibreOffice .ods files are read too."
            )
        )
        self.path = QLineEdit(self)
        self.path.setObjectName("source_path")
        self.path.setPlaceholderText("diagnosis.xlsx")
        browse = QPushButton(tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("sheet")
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("encoding")
        self.encoding.setToolTip(
            tr(
                "How the CSV file's letters are encoded; the guess is shown first. "
                "Check the preview: names must read as they were typed."
            )
        )
        self.encoding_preview = QPlainTextEdit(self)
        self.encoding_preview.setObjectName("encoding_preview")
        self.encoding_preview.setReadOnly(True)
        self.encoding_preview.setMaximumHeight(110)
        self.encoding_preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.message = QLabel(self)
        self.message.setObjectName("source_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        # A label of its own with a buddy: addRow("&File:", layout) has no widget to give
        # the mnemonic to, and shows the "&".
        file_label = QLabel(tr("&File:"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        form.addRow(tr("&Sheet:"), self.sheet)
        self.encoding_label = QLabel(tr("&Encoding:"), self)
        self.encoding_label.setBuddy(self.encoding)
        form.addRow(self.encoding_label, self.encoding)
        form.addRow(self.encoding_preview)
        form.addRow(self.message)
        self._show_encoding(None)
        self.path.editingFinished.connect(self._read_sheets)
        self.encoding.currentIndexChanged.connect(self._preview_encoding)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import managers"), "", tr(SOURCE_FILTER))
        if name:
            self.path.setText(name)
            self._read_sheets()

    def _read_sheets(self) -> None:
        from booster_desktop.services.spreadsheets import sheet_names

        self.sheet.clear()
        self.message.clear()
        self._show_encoding(None)
        text = self.path.text().strip()
        if not text:
            return
        try:
            names = sheet_names(Path(text))
            if not names:
                self._show_encoding(Path(text))
        except BoosterError as error:
            self.message.setText(str(error))
            return
        self.sheet.addItem(tr("The first sheet with a header row"), None)
        for name in names:
            self.sheet.addItem(name, name)
        self.sheet.setEnabled(bool(names))

    def _show_encoding(self, csv_file: Path | None) -> None:
        """For a CSV file: the guessed encoding first, then the others, and a preview."""
        shown = csv_file is not None
        for widget in (self.encoding_label, self.encoding, self.encoding_preview):
            widget.setVisible(shown)
        self.encoding.blockSignals(True)
        self.encoding.clear()
        self.encoding.blockSignals(False)
        self._csv = csv_file
        if csv_file is None:
            return
        guessed = guess_file(csv_file)
        self.encoding.blockSignals(True)
        self.encoding.addItem(tr("As guessed: {value}").format(value=describe(guessed)), None)
        for name, label in ENCODINGS:
            self.encoding.addItem(tr(label), name)
        self.encoding.blockSignals(False)
        self._preview_encoding()

    def _preview_encoding(self) -> None:
        if self._csv is None:
            return
        chosen = self.encoding.currentData()
        self.encoding_preview.setPlainText(
            "\n".join(preview_lines(self._csv, chosen or guess_file(self._csv)))
        )

    def validatePage(self) -> bool:  # noqa: N802
        """Next: read the sheet's header and plan the columns (refused files stay here)."""
        self.message.clear()
        try:
            workbook = self.wizard_.open_source(
                Path(self.path.text().strip()), self.encoding.currentData()
            )
            self.wizard_.plan = plan_import(choose_sheet(workbook, self.sheet.currentData()))
        except BoosterError as error:
            self.message.setText(str(error))
            return False
        return True


class ColumnsPage(QWizardPage):
    """How each column will be read, changeable; and the first rows as they will be read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(tr("Check how each column is read"))
        self.columns = QTableWidget(0, 2, self)
        self.columns.setObjectName("columns")
        self.columns.setHorizontalHeaderLabels([tr("Column in the sheet"), tr("Read as")])
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().setVisible(False)
        self.rows = QTableWidget(0, len(PREVIEW_COLUMNS) + 2, self)
        self.rows.setObjectName("preview")
        self.rows.setHorizontalHeaderLabels(
            [
                tr("Row"),
                tr("Given name"),
                tr("Family name"),
                tr("Name in Arabic"),
                tr("Country"),
                "E-mail",
                tr("Topics (rank)"),
            ]
        )
        self.rows.verticalHeader().setVisible(False)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns, 2)
        layout.addWidget(QLabel(tr("The first rows, as they will be read:"), self))
        layout.addWidget(self.rows, 3)

    def initializePage(self) -> None:  # noqa: N802
        plan = self.wizard_.plan
        assert plan is not None
        encoding = plan.sheet.workbook.encoding
        self.setSubTitle(
            tr("The header is row {header_row}").format(header_row=plan.header_row)
            + (tr(" of sheet {name!r}").format(name=plan.sheet.name) if plan.sheet.name else "")
            + (tr(", read as {value}").format(value=describe(encoding)) if encoding else "")
            + tr(
                ". Topic columns hold ranks (1 = most wanted); change what a column is "
                "read as if it was not recognised."
            )
        )
        self.columns.setRowCount(0)
        for column in plan.columns:
            if not column.heading:
                continue
            row = self.columns.rowCount()
            self.columns.insertRow(row)
            heading = QTableWidgetItem(column.heading)
            heading.setFlags(heading.flags() & ~Qt.ItemFlag.ItemIsEditable)
            heading.setData(Qt.ItemDataRole.UserRole, column.index)
            self.columns.setItem(row, 0, heading)
            combo = QComboBox(self.columns)
            for name in (*FIELDS, IGNORE):
                combo.addItem(tr(FIELD_LABELS[name]), name)
            combo.addItem(
                tr("Ranks of the topic “{heading}”").format(heading=column.heading),
                TOPIC_PREFIX + column.heading,
            )
            if (
                column.field.startswith(TOPIC_PREFIX)
                and column.field != TOPIC_PREFIX + column.heading
            ):
                combo.addItem(
                    tr("Ranks of the topic “{value}”").format(
                        value=column.field[len(TOPIC_PREFIX) :]
                    ),
                    column.field,
                )
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(self._remap)
            self.columns.setCellWidget(row, 1, combo)
        self._show_preview()

    def _remap(self) -> None:
        plan = self.wizard_.plan
        assert plan is not None
        chosen = {}
        for row in range(self.columns.rowCount()):
            item = self.columns.item(row, 0)
            assert item is not None
            index = item.data(Qt.ItemDataRole.UserRole)
            combo = self.columns.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            chosen[index] = str(combo.currentData())
        self.wizard_.plan = replace(
            plan,
            columns=tuple(
                PlannedColumn(c.index, c.heading, chosen.get(c.index, c.field))
                for c in plan.columns
            ),
        )
        self._show_preview()

    def _show_preview(self) -> None:
        plan = self.wizard_.plan
        assert plan is not None
        try:
            rows = preview(plan)
        except BoosterError as error:
            self.setSubTitle(str(error))
            return
        self.rows.setRowCount(len(rows))
        for number, parsed in enumerate(rows):
            cells = [str(parsed.number)]
            cells += [str(parsed.values.get(name) or "") for name in PREVIEW_COLUMNS]
            cells.append(
                ", ".join(f"{t} ({r})" for t, r in sorted(parsed.ranks.items(), key=lambda i: i[1]))
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if parsed.problems:
                    item.setBackground(QColor("#fde7e9"))
                    item.setToolTip("\n".join(str(p) for p in parsed.problems))
                self.rows.setItem(number, column, item)
        self.rows.resizeColumnsToContents()

    def validatePage(self) -> bool:  # noqa: N802
        plan = self.wizard_.plan
        assert plan is not None
        missing = [
            f for f in ("given_name", "family_name", "country") if plan.column_for(f) is None
        ]
        if missing:
            self.setSubTitle(
                tr("Choose the columns for: ") + ", ".join(tr(FIELD_LABELS[f]) for f in missing)
            )
            return False
        return True


def _advance(bar: QProgressBar, done: int, total: int, what: str) -> None:
    """A page's progress bar, told by the import as it reads and saves."""
    if total > 0:
        bar.setRange(0, total)
        bar.setValue(min(done, total))
    bar.setFormat(tr("{what}… %p%").format(what=what))


class CheckPage(QWizardPage):
    """A dry run: what the import would do, and every problem, before anything is written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(tr("Check the rows"))
        self.summary = QLabel(self)
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)  # a problem says how to fix it: show all of it
        self.skip_invalid = QCheckBox(
            tr("&Skip the rows with problems and import the others"), self
        )
        self.skip_invalid.setObjectName("skip_invalid")
        self.skip_invalid.toggled.connect(self.completeChanged)
        self.include_hidden = QCheckBox(tr("Also import the &hidden and filtered-out rows"), self)
        self.include_hidden.setObjectName("include_hidden")
        self.include_hidden.hide()
        self.include_hidden.toggled.connect(self._replan)
        self.arabic_from_latin = QCheckBox(
            tr("&Use names written in Arabic script as the name in Arabic"), self
        )
        self.arabic_from_latin.setObjectName("arabic_from_latin")
        self.arabic_from_latin.hide()
        self.arabic_from_latin.toggled.connect(self._replan)
        self.bar = QProgressBar(self)
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.include_hidden)
        layout.addWidget(self.arabic_from_latin)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.bar)
        self.report: ImportReport | None = None

    def _replan(self) -> None:
        plan = self.wizard_.plan
        assert plan is not None
        self.wizard_.plan = replace(
            plan,
            include_hidden=self.include_hidden.isChecked(),
            arabic_from_latin=self.arabic_from_latin.isChecked(),
        )
        self.initializePage()

    def initializePage(self) -> None:  # noqa: N802
        plan = self.wizard_.plan
        assert plan is not None
        self.report = None
        self.completeChanged.emit()
        self.problems.clear()
        self.summary.setText(tr("Reading every row…"))
        self.bar.setRange(0, 0)
        self.bar.show()
        job = self.wizard_.document.run(
            lambda progress: import_managers(
                self.wizard_.programme, plan, dry_run=True, skip_invalid=True, progress=progress
            ),
            partial(_advance, self.bar),
        )
        job.done.connect(self._checked)
        job.failed.connect(self.summary.setText)

    def _checked(self, report: ImportReport) -> None:
        self.bar.hide()
        self.report = report

        def count(number: int, noun: str) -> str:
            return f"{number} {noun}{'s' if number != 1 else ''}"

        text = (
            f"{count(report.valid, 'manager')} to import, {report.already} already in the "
            f"programme, {count(report.invalid, 'row')} with problems."
        )
        if report.topics_created:
            text += tr(" New topics: ") + ", ".join(report.topics_created) + "."
        if report.ignored_columns:
            text += tr(" Ignored columns: ") + ", ".join(report.ignored_columns) + "."
        hidden = len(report.hidden_rows)
        if hidden:
            rows = ", ".join(str(n) for n in report.hidden_rows[:20])
            rows += ", …" if hidden > 20 else ""
            text += f" {count(hidden, 'row')} hidden or filtered out in the sheet ({rows}): " + (
                tr("imported too.") if report.hidden_included else tr("left out.")
            )
        self.summary.setText(text)
        for problem in report.errors:
            self.problems.addItem(str(problem))
        for note in report.notes:
            item = QListWidgetItem(tr("Note: {note}").format(note=note))
            item.setForeground(QColor("#555555"))
            self.problems.addItem(item)
        self.skip_invalid.setVisible(report.invalid > 0)
        self.include_hidden.setVisible(hidden > 0)
        self.arabic_from_latin.setVisible(
            self.arabic_from_latin.isChecked()
            or any(note.message == ARABIC_IN_LATIN for note in report.notes)
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        if self.report is None:
            return False
        return self.report.invalid == 0 or self.skip_invalid.isChecked()


class ImportPage(QWizardPage):
    """The import itself, in one transaction, with progress; Cancel rolls it all back."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(tr("Import"))
        self.setCommitPage(True)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("import_outcome")
        self.outcome.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.hide()
        cancel = QPushButton(tr("&Stop the import"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome)
        layout.addWidget(self.bar)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignLeading)
        self.cancel = cancel
        self.finished_ = False

    def initializePage(self) -> None:  # noqa: N802
        plan = self.wizard_.plan
        assert plan is not None
        self.finished_ = False
        self.outcome.setText(tr("Importing…"))
        skip = self.wizard_.check_page.skip_invalid.isChecked()
        self.bar.setRange(0, 0)
        self.bar.show()
        job = self.wizard_.document.run(
            lambda progress: import_managers(
                self.wizard_.programme, plan, skip_invalid=skip, progress=progress
            ),
            partial(_advance, self.bar),
            self.cancel.clicked,
        )
        job.done.connect(self._done)
        job.failed.connect(self._failed)

    def _done(self, report: ImportReport) -> None:
        self.bar.hide()
        self.cancel.hide()
        self.finished_ = True
        self.wizard_.report = report
        self.outcome.setText(report.summary()[0].upper() + report.summary()[1:] + ".")
        if report.written:
            self.wizard_.imported.emit(report)
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.bar.hide()
        self.cancel.hide()
        self.finished_ = True
        self.outcome.setText(tr("Nothing was imported: {message}").format(message=message))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.finished_
