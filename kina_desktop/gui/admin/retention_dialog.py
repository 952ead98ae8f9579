"""Beheer → Bewaartermijn… (GDPR): the archivist's retention period, the preview of the closed
cases it makes due, legal holds, and — only after an explicit confirmation that names the number
of cases — the pseudonymisation, run in the background with a progress dialog.

The director sees the preview and sets or lifts legal holds; the period and the run are an
administrator's (the services refuse anyone else anyway). Annuleren during the run rolls the
whole run back: it is one transaction. After the run the page lists what was done to each copy
the program keeps of the embedded file (docs/retention.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.retention import MAX_RETENTION_YEARS, CopyKind, RetentionPlan, copies_report, may_run_retention
from kina_desktop.gui.admin.settings_page import PageDialog
from kina_desktop.gui.common.accessible import name_view, rows_to_read
from kina_desktop.gui.common.background import Outcome, SynchronousRunner, TaskControl, TaskRunner
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.field_errors import ERROR_STYLE, OK_STYLE
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.gui.common.task_progress import TaskProgress
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.enums import Role
    from kina_desktop.gui.admin.settings_ports import LegalHoldAdmin, RetentionAdmin


def column_titles() -> list[str]:
    return [_("Opvolgingsnummer"), _("Afgesloten op"), _("Documenten"), _("Brieven"), _("Wat er gebeurt")]


class RunCancelled(Exception):
    """Annuleren during the run: raised inside the run's transaction, which is rolled back."""


def plan_summary(plan: RetentionPlan) -> str:
    if plan.cutoff is None:
        return _("Er is geen bewaartermijn ingesteld: alle dossiers worden bewaard.")
    if not plan.count:
        return _("Geen enkel afgesloten dossier is ouder dan de bewaartermijn (afgesloten vóór {day}).").format(
            day=short_date(plan.cutoff)
        )
    return ngettext(
        "{n} dossier werd afgesloten vóór {day} en wordt gepseudonimiseerd; {documents} documenten en "
        "{letters} brieven worden verwijderd.",
        "{n} dossiers werden afgesloten vóór {day} en worden gepseudonimiseerd; {documents} documenten en "
        "{letters} brieven worden verwijderd.",
        plan.count,
    ).format(n=plan.count, day=short_date(plan.cutoff), documents=plan.documents, letters=plan.letters)


def copies_note(copies: tuple[tuple[str, CopyKind], ...] | None) -> str:
    """The preview's word on the copies a run reaches too (docs/retention.md)."""
    if not copies:
        return ""
    return " " + ngettext(
        "Dezelfde bewaartermijn wordt ook toegepast op {n} kopie die het programma bijhoudt.",
        "Dezelfde bewaartermijn wordt ook toegepast op de {n} kopieën die het programma bijhoudt.",
        len(copies),
    ).format(n=len(copies))


class RetentionPage(QWidget):
    """The period, the preview, legal holds and the run: Beheer → Bewaartermijn… and its page in
    Beheer → Instellingen… (where the dialog's Opslaan stores the period: ``own_save_button``
    False hides the one beside it)."""

    def __init__(
        self,
        retention: RetentionAdmin,
        legal_holds: LegalHoldAdmin,
        roles: Iterable[Role],
        confirmed_by: str,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        on_done: Callable[[int], None] | None = None,
        own_save_button: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retention_page")
        self.on_change: Callable[[], None] = lambda: None
        self._retention = retention
        self._holds = legal_holds
        self._admin = may_run_retention(roles)
        self._confirmed_by = confirmed_by
        self._runner = runner or SynchronousRunner()
        self._on_done = on_done or (lambda count: None)
        self.plan: RetentionPlan | None = None

        intro = QLabel(
            _(
                "Afgesloten dossiers die langer dan de bewaartermijn afgesloten zijn, worden gepseudonimiseerd: "
                "namen, adressen, contactgegevens en vrije tekst gaan weg, ook uit de geschiedenis, en de documenten "
                "worden verwijderd. Wat de cijfers nodig hebben blijft, zodat oude jaarverslagen dezelfde cijfers "
                "houden. Een dossier onder juridische blokkering blijft volledig bewaard."
            )
        )
        intro.setWordWrap(True)

        self.years = QSpinBox()
        self.years.setObjectName("retention_years")
        self.years.setAccessibleName(_("Bewaartermijn"))
        self.years.setRange(0, MAX_RETENTION_YEARS)
        self.years.setSuffix(_(" jaar"))
        self.years.setSpecialValueText(_("geen (alles bewaren)"))
        self.years.setEnabled(self._admin)
        self.save_button = QPushButton(_("Opslaan"))
        self.save_button.setObjectName("save_period")
        self.save_button.setVisible(self._admin and own_save_button)
        self.save_button.clicked.connect(self._on_save_period)
        period_row = QHBoxLayout()
        period_row.addWidget(self.years)
        period_row.addWidget(self.save_button)
        period_row.addStretch(1)
        period_form = QFormLayout()
        period_form.addRow(_("Bewaartermijn (vastgelegd door de archivaris):"), period_row)

        self.summary = QLabel()
        self.summary.setObjectName("retention_summary")
        self.summary.setWordWrap(True)
        titles = column_titles()
        self.table = QTableWidget(0, len(titles))
        self.table.setObjectName("retention_cases")
        name_view(self.table, _("Klachten voorbij de bewaartermijn"), rows_to_read())
        self.table.setHorizontalHeaderLabels(titles)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selected)
        preview_box = QGroupBox(_("Voorvertoning"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(self.table)

        self.hold_number = QLineEdit()
        self.hold_number.setObjectName("hold_number")
        self.hold_number.setPlaceholderText(_("bv. 2021-0042"))
        self.hold_number.setMaximumWidth(140)
        self.hold_reason = QLineEdit()
        self.hold_reason.setObjectName("hold_reason")
        self.hold_reason.setPlaceholderText(_("de rechtszaak, bv. Arbeidsrechtbank Antwerpen, AR 21/123"))
        self.set_hold_button = QPushButton(_("Blokkering instellen"))
        self.set_hold_button.setObjectName("set_hold")
        self.set_hold_button.clicked.connect(lambda: self._on_hold(lift=False))
        self.lift_hold_button = QPushButton(_("Blokkering opheffen"))
        self.lift_hold_button.setObjectName("lift_hold")
        self.lift_hold_button.clicked.connect(lambda: self._on_hold(lift=True))
        hold_box = QGroupBox(_("Juridische blokkering"))
        hold_form = QFormLayout(hold_box)
        hold_form.addRow(_("Opvolgingsnummer:"), self.hold_number)
        hold_form.addRow(_("Reden:"), self.hold_reason)
        hold_buttons = QHBoxLayout()
        hold_buttons.addWidget(self.set_hold_button)
        hold_buttons.addWidget(self.lift_hold_button)
        hold_buttons.addStretch(1)
        hold_form.addRow("", hold_buttons)

        self.message = QLabel()
        self.message.setObjectName("retention_message")
        self.message.setWordWrap(True)
        # What a run did to each copy the program keeps (docs/retention.md); shown after a run.
        self.copies_report = QPlainTextEdit()
        self.copies_report.setObjectName("copies_report")
        self.copies_report.setReadOnly(True)
        self.copies_report.setMaximumHeight(110)
        self.copies_report.setVisible(False)
        self.run_button = QPushButton(_("Pseudonimiseren…"))
        self.run_button.setObjectName("run_retention")
        self.run_button.setAutoDefault(False)
        self.run_button.setVisible(self._admin)
        self.run_button.clicked.connect(self.confirm_and_run)
        run_row = QHBoxLayout()
        run_row.addStretch(1)
        run_row.addWidget(self.run_button)
        preview_layout.addLayout(run_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(period_form)
        layout.addWidget(preview_box, 1)
        layout.addWidget(hold_box)
        layout.addWidget(self.message)
        layout.addWidget(self.copies_report)
        self._load()
        self.years.valueChanged.connect(self._on_years_changed)

    # -- loading -----------------------------------------------------------------------------

    def _load(self) -> None:
        self._stored_years: int | None = None
        try:
            self._stored_years = self._retention.period_years()
            self.years.setValue(self._stored_years)
            self.show_plan(self._retention.preview())
        except ServiceError as error:
            self._say(str(error), ok=False)

    def is_modified(self) -> bool:
        """The period was changed and not saved (only an administrator can change it)."""
        return self._admin and self._stored_years is not None and self.years.value() != self._stored_years

    def _on_years_changed(self, _years: int) -> None:
        self.on_change()

    def show_plan(self, plan: RetentionPlan) -> None:
        self.plan = plan
        self.summary.setText(plan_summary(plan) + copies_note(self._retention.kept_copies()))
        rows = [(c, _("wordt gepseudonimiseerd")) for c in plan.due] + [
            (c, _("juridische blokkering sinds {day}: blijft bewaard").format(day=short_date(c.legal_hold_since)))
            for c in plan.held
        ]
        self.table.setRowCount(len(rows))
        for row, (case, what) in enumerate(rows):
            values = (case.tracking_number, short_date(case.closed_on), str(case.documents), str(case.letters), what)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.run_button.setEnabled(self._admin and plan.count > 0)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # -- actions -----------------------------------------------------------------------------

    def _on_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.hold_number.setText(self.table.item(rows[0].row(), 0).text())

    def save(self) -> bool:
        """Store the period and show the preview it gives; False when refused."""
        try:
            self._retention.set_period_years(self.years.value())
            self._stored_years = self.years.value()
            self.show_plan(self._retention.preview())
        except ServiceError as error:
            self._say(str(error), ok=False)
            return False
        self._say(_("Bewaartermijn opgeslagen."), ok=True)
        self.on_change()
        return True

    def _on_save_period(self) -> None:
        self.save()

    def _on_hold(self, *, lift: bool) -> None:
        number, reason = self.hold_number.text().strip(), self.hold_reason.text().strip()
        try:
            header = (self._holds.lift if lift else self._holds.set)(number, reason)
            self.show_plan(self._retention.preview())
        except ServiceError as error:
            self._say(str(error), ok=False)
            return
        self.hold_reason.clear()
        if lift:
            self._say(
                _("De juridische blokkering van dossier {number} is opgeheven.").format(number=header.tracking_number),
                ok=True,
            )
        else:
            self._say(
                _("Dossier {number} staat onder juridische blokkering en wordt niet gepseudonimiseerd.").format(
                    number=header.tracking_number
                ),
                ok=True,
            )

    def confirm_and_run(self) -> None:
        """Ask, naming the number of cases; only 'Pseudonimiseren' in that question runs it."""
        plan = self.plan
        if plan is None or not plan.count:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Pseudonimiseren"),
            ngettext("{n} dossier pseudonimiseren?", "{n} dossiers pseudonimiseren?", plan.count).format(n=plan.count),
            parent=self,
        )
        box.setInformativeText(
            _(
                "Namen, adressen, contactgegevens en vrije tekst van deze dossiers worden definitief verwijderd, ook uit "
                "de geschiedenis; {documents} documenten en {letters} brieven worden gewist. Dit kan niet ongedaan "
                "gemaakt worden."
            ).format(documents=plan.documents, letters=plan.letters)
        )
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box.setStandardButtons(yes | no)
        box.button(yes).setText(_("Pseudonimiseren"))
        box.button(no).setText(_("Annuleren"))
        box.setDefaultButton(no)  # Enter does not pseudonymise
        answer = box.exec()
        box.deleteLater()
        if answer != yes:
            return
        self._run(plan)

    def _run(self, plan: RetentionPlan) -> None:
        numbers = plan.tracking_numbers
        retention, confirmed_by = self._retention, self._confirmed_by

        def work(control: TaskControl) -> RetentionPlan:
            def progress(done: int, total: int) -> None:
                if control.cancelled():
                    raise RunCancelled()
                control.report(done, total)

            return retention.pseudonymise(confirmed_by=confirmed_by, only=numbers, progress=progress)

        task = TaskProgress(
            self,
            _("Pseudonimiseren"),
            lambda done, total: _("{done} van {total} dossiers").format(done=done, total=total),
            _("Dossiers pseudonimiseren…"),
        )
        self.run_button.setEnabled(False)
        task.run(self._runner, work, self._finished)

    def _finished(self, outcome: Outcome[RetentionPlan]) -> None:
        if isinstance(outcome.error, RunCancelled):
            self._say(_("Geannuleerd: er werd niets gepseudonimiseerd."), ok=False)
        elif isinstance(outcome.error, ServiceError):
            self._say(str(outcome.error), ok=False)
        elif outcome.error is not None:
            raise outcome.error
        elif outcome.value is not None:
            done = outcome.value.count
            self._say(
                ngettext("{n} dossier gepseudonimiseerd.", "{n} dossiers gepseudonimiseerd.", done).format(n=done),
                ok=True,
            )
            self.copies_report.setPlainText("\n".join(copies_report(outcome.value.copies)))
            self.copies_report.setVisible(True)
            self._on_done(done)
        try:
            self.show_plan(self._retention.preview())
        except ServiceError as error:
            self._say(str(error), ok=False)


class RetentionDialog(PageDialog):
    """Beheer → Bewaartermijn…: the page on its own, with its own Opslaan beside the period."""

    def __init__(self, page: RetentionPage, parent: QWidget | None = None) -> None:
        super().__init__(page, _("Bewaartermijn"), "retention_dialog", parent, close_on_save=False, with_save=False)
        resize_within_screen(self, 760, 620, margin=SCREEN_MARGIN)  # a small or magnified screen too
