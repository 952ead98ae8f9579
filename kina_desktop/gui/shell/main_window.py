"""The main window: ready views on the left, the case list with search, menus and a toolbar.

It shows who is signed in (title bar) and offers only what that person's roles can use: no
"Nieuwe klacht" without a registering role, the "Beheer" menu only for an administrator.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kina_desktop import __version__
from kina_desktop.domain.enums import Kind
from kina_desktop.domain.projects import may_edit_projects
from kina_desktop.domain.views import KIND_FILTERS, CaseQuery, ReadyView, views_for
from kina_desktop.gui.admin.privacy_menu import PrivacyMenu
from kina_desktop.gui.admin.settings_menus import SettingsMenus
from kina_desktop.gui.common.accessible import name_view
from kina_desktop.gui.common.background import TaskRunner, ThreadRunner
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, WINDOW_FRAME_WIDTH
from kina_desktop.gui.common.formatting import case_count, number, role_names
from kina_desktop.gui.common.icons import icon
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.gui.common.progress_action import ActionHost
from kina_desktop.gui.follow_up.follow_up_menu import FollowUpMenu
from kina_desktop.gui.intake.mailbox_actions import MailboxActions
from kina_desktop.gui.intake.message_drop import WindowDrop
from kina_desktop.gui.intake.webform_import import WebformImportAction
from kina_desktop.gui.letters.acknowledgement_batch import AcknowledgementBatch
from kina_desktop.gui.shell import case_table_model as columns
from kina_desktop.gui.shell.after_first_paint import AfterFirstPaint
from kina_desktop.gui.shell.case_filter_proxy import CaseFilterProxy
from kina_desktop.gui.shell.case_table_model import CaseTableModel, ObjectRole
from kina_desktop.gui.shell.deferred import deferred
from kina_desktop.gui.shell.idle_lock import IdleWatch, LockDialog, lock_minutes
from kina_desktop.gui.shell.language_menu import LanguageMenu
from kina_desktop.gui.shell.ready_view_list import ReadyViewList
from kina_desktop.gui.shell.registered_bar import RegisteredBar
from kina_desktop.gui.shell.role_actions import may_manage_accounts, may_register
from kina_desktop.gui.shell.sort_arrow_style import SortArrowStyle
from kina_desktop.gui.shell.sort_menu import keyboard_sorting
from kina_desktop.gui.shell.text_size_menu import TextSizeMenu
from kina_desktop.gui.shell.window_state import restore_main_window, save_main_window
from kina_desktop.i18n import N_, _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:  # the dialogs' modules load when they are first opened (cold start: docs/performance.md)
    from kina_desktop.domain.accounts import AccountInfo
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.gui.admin.account_checks import AccountRules
    from kina_desktop.gui.admin.password_dialogs import ChangePasswordDialog
    from kina_desktop.gui.admin.settings_ports import OrganisationSettings, PrivacyAdmin
    from kina_desktop.gui.admin.users_dialog import UsersDialog
    from kina_desktop.gui.case.case_editor import CaseEditor
    from kina_desktop.gui.common.ports import AccountAdmin, CaseStore, ChangeWatchPort, GuiServices
    from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
    from kina_desktop.gui.shell.user_guide import UserGuideDialog
    from kina_desktop.gui.start.database_choice import ConnectionTester
    from kina_desktop.services.cases.change_watch import CaseChanges

SEARCH_DELAY_MS = 200
# Changes made on other PCs (services/cases/change_watch.py): asked for this often, and followed
# at most once per FOLLOW_GAP_S, so that a burst of changes is one refresh.
CHANGE_POLL_MS = 250
FOLLOW_GAP_S = 1.0
# Starting widths: room for the header or a typical value, whichever is wider (the person's own
# layout, saved in QSettings, wins from the second start on). The subject, the most telling
# column, takes what is left; the longest categories and statuses are shortened with "…" and
# shown whole in their tooltip.
COLUMN_SAMPLES = {
    columns.COL_TRACKING_NUMBER: "2026-00000",
    columns.COL_RECEIVED_ON: "00-00-0000",
    columns.COL_COMPLAINANT: "Kathleen Wouters",
    columns.COL_CATEGORY: N_("Dagelijkse werking"),  # measured in the language of the interface
    columns.COL_LEVEL: "",
    columns.COL_STATUS: N_("Klachtenteam gebriefd"),
    columns.COL_HANDLER: "Koen Peeters",
    columns.COL_NEXT_DEADLINE: "00-00-0000 · verstreken",  # the state in words after the date
    columns.COL_KIND: N_("Klacht"),  # the longer kinds are shortened with "…" and whole in the tooltip
}


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: GuiServices,
        settings: QSettings,
        today: Callable[[], dt.date],
        database_label: str = "",
        parent: QWidget | None = None,
        *,
        person: AccountInfo,
        accounts: AccountAdmin | None = None,
        account_rules: AccountRules | None = None,
        runner: TaskRunner | None = None,
        organisation: OrganisationSettings | None = None,
        database_tester: ConnectionTester | None = None,
        privacy: PrivacyAdmin | None = None,
        changes: ChangeWatchPort | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._today = today
        self._person = person
        self._accounts = accounts
        self._account_rules = account_rules
        self._editors: dict[int, CaseEditor] = {}
        self.users_dialog: UsersDialog | None = None
        self.guide_dialog: UserGuideDialog | None = None
        self.setObjectName("main_window")
        self.setWindowTitle(
            _("KINA Klachten — {name} ({roles})").format(name=person.display_name, roles=role_names(person.roles))
        )

        # Long work off the GUI thread (a large search's count, a batch of letters); tests hand in
        # a synchronous runner.
        runner = runner or ThreadRunner()
        self.model = CaseTableModel(services.case_list, today, parent=self, counter=runner)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.model.modelReset.connect(self._show_count)
        self.model.on_counted = self._show_count

        self.views = ReadyViewList(views=views_for(person.roles))
        self.table = self._make_table()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.views)
        # After a registration, its tracking number above the list (Art. 5: on the paper letter).
        self.registered_bar = RegisteredBar(self.open_case)
        list_area = QWidget()
        list_column = QVBoxLayout(list_area)
        list_column.setContentsMargins(0, 0, 0, 0)
        list_column.setSpacing(4)
        list_column.addWidget(self.registered_bar)
        list_column.addWidget(self.table, 1)
        self.splitter.addWidget(list_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.views.minimumWidth(), 1100])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setAccessibleName(_("Zoeken"))
        self.search.setPlaceholderText(_("Zoeken op nummer, naam, onderwerp… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        # Art. 3: complaints, information requests or anonymous reports only.
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.setToolTip(_("Alleen klachten, informatievragen of anonieme meldingen tonen"))
        for kind, label in KIND_FILTERS:
            self.kind_filter.addItem(_(label), kind.value if kind is not None else None)
        self.kind_filter.currentIndexChanged.connect(self._on_kind_chosen)
        # Enter or ↓ in the search box: search now and go into the results (Enter there opens the case).
        self.search.returnPressed.connect(self.into_results)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.into_results)

        # Bestand → 'Ontvangstbevestigingen afdrukken…'.
        # The menus' services are made when first used (gui/shell/deferred.py): the window opens sooner.
        self.acknowledgements = AcknowledgementBatch(
            deferred(lambda: services.letters), ActionHost(self, runner, today, self._on_letters_recorded, settings)
        )
        self.acknowledgements.action.setVisible(may_register(person.roles))
        # Bestand → 'Webformulier importeren…': drafts checked in 'Nieuwe klacht'.
        self.webform_import = WebformImportAction(
            self,
            deferred(lambda: services.webform),
            self.make_new_complaint_dialog,  # type: ignore[attr-defined]
            on_registered=self._on_case_registered,
            show_message=self._show_status,
        )
        self.webform_import.action.setVisible(may_register(person.roles))
        self._make_actions()
        self.settings_menus = SettingsMenus(
            self,
            settings,
            person.roles,
            today,
            organisation=organisation,
            database_tester=database_tester,
            on_calendar_saved=self._on_calendar_saved,
            show_message=self._show_status,
            # Beheer → Instellingen… also shows the retention period, the mailbox and the language.
            privacy=privacy,
            mailbox=lambda: services.mailbox,
            runner=runner,
            person_name=person.display_name,
            on_pseudonymised=lambda _count: self.refresh(),
            on_language_saved=lambda code: self.language_menu.actions[code].setChecked(True),
        )
        # Beheer → 'Bewaartermijn…', 'Inzageverzoek…' (GDPR): director and administrators.
        self.privacy_menu = PrivacyMenu(
            self,
            privacy,
            person.roles,
            person.display_name,
            runner,
            on_pseudonymised=lambda _count: self._after_batch(),
            settings=settings,
        )
        # Opvolging: statistics, improvement projects, the annual report.
        self.follow_up = FollowUpMenu(
            self,
            statistics=deferred(lambda: services.statistics),
            projects=deferred(lambda: services.projects),
            annual_report=deferred(lambda: services.annual_report),
            accounts=getattr(services, "accounts", None),
            roles=person.roles,
            today=today,
            runner=runner,
            settings=settings,
            show_message=self._show_status,
        )
        # Bestand → 'Nieuwe e-mails ophalen…' (F9) and Beheer → 'E-mailpostvak…'.
        self.mailbox_actions = MailboxActions(
            self,
            lambda: services.mailbox,
            lambda: services.intake,
            person.roles,
            runner,
            today,
            registration_dialog=lambda registration, parent: self.make_new_complaint_dialog(registration, parent),
            on_changed=self._on_mail_handled,
        )
        self._make_menus()
        self._make_toolbar()
        # An e-mail or scan dropped on the window opens 'Nieuwe klacht', prefilled.
        self.message_drop = (
            WindowDrop(self, self.make_new_complaint_dialog, self._on_case_registered)
            if may_register(person.roles)
            else None
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("case_count")
        self.statusBar().addWidget(self.count_label)
        if database_label:
            where = QLabel(_("Database: {name}").format(name=database_label))
            where.setObjectName("database_label")
            where.setStyleSheet("color: #666;")
            self.statusBar().addPermanentWidget(where)

        self._fit_to_screen()  # the first time; afterwards the saved geometry wins
        view = restore_main_window(settings, self, self.splitter, self.table.horizontalHeader())
        if view in {v.value for v in ReadyView}:
            self.views.choose(ReadyView(view))
        self.model.set_query(CaseQuery(view=self.views.current_view()))
        self.table.setSortingEnabled(True)  # applies the (restored) sort indicator via the proxy
        self.views.currentItemChanged.connect(self._on_view_chosen)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard starts in the list
        # The views' numbers right after the first rows are painted: the list comes first.
        self._first_counts = AfterFirstPaint(self.table.viewport(), self._refresh_view_counts)
        self._watch_changes(changes)

    # -- construction ------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """Use the screen up to a comfortable size (a 1366x768 laptop gets all of it)."""
        available = self.screen().availableGeometry()
        # Room for the window's frame and title bar (gui/common/dialog_size.py); in width only
        # the frame, so that the toolbar keeps the search field in sight on a small screen.
        width = min(1440, available.width() - WINDOW_FRAME_WIDTH)
        height = min(900, available.height() - SCREEN_MARGIN[1])
        self.setGeometry(
            available.x() + (available.width() - width) // 2,
            available.y() + (available.height() - height) // 2,
            width,
            height,
        )

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("case_table")
        name_view(table, _("Klachten"), _("Enter opent de gekozen klacht; Shift+F10 kiest de sortering."))
        keyboard_sorting(table)  # the headers are the mouse's way
        table.setModel(self.proxy)
        list_table(table, row_padding=8)  # fixed row heights: the view never measures 100,000 rows
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setIconSize(QSize(14, 14))
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(columns.COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        metrics = table.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # room for the sort arrow and the lock icon
            width = max(
                header.fontMetrics().horizontalAdvance(title) + 24,
                metrics.horizontalAdvance(_(sample) if sample else "") + 16,
            )
            header.resizeSection(column, width)
        header.setSortIndicator(columns.COL_TRACKING_NUMBER, Qt.SortOrder.DescendingOrder)
        # ▼ newest first. The header does not own a style it is given: made its child, the style
        # lives exactly as long as the header (a Python-owned one could go first at exit).
        arrows = SortArrowStyle(header.style().name())
        arrows.setParent(header)
        header.setStyle(arrows)
        table.activated.connect(self._on_activated)  # double-click and Enter
        return table

    def _make_actions(self) -> None:
        self.new_action = QAction(icon("new-complaint"), _("&Nieuwe registratie…"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setToolTip(_("Een klacht, informatievraag of anonieme melding registreren (Ctrl+N)"))
        self.new_action.triggered.connect(self._on_new_complaint)
        self.open_action = QAction(icon("open-case"), _("Dossier &openen"), self)
        self.open_action.setToolTip(_("Het gekozen dossier openen (Enter)"))
        self.open_action.triggered.connect(self._on_open_selected)
        self.refresh_action = QAction(icon("refresh"), _("&Vernieuwen"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setToolTip(_("De lijst opnieuw ophalen (F5)"))
        self.refresh_action.triggered.connect(self.refresh)
        self.find_action = QAction(_("&Zoeken"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        # Bestand → Afmelden: the window closes (asking about unsaved work first) and the sign-in
        # opens again, for someone else on a shared office PC (app.run_gui).
        self.sign_out_action = QAction(_("Af&melden"), self)
        self.sign_out_action.setObjectName("sign_out_action")
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.sign_out_action.setToolTip(_("Afmelden en iemand anders laten aanmelden (Ctrl+Shift+L)"))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.signed_out = False
        # Shared office PCs: locked after the minutes set on this PC without use (gui/shell/idle_lock.py).
        self.idle_watch: IdleWatch | None = None
        if self._accounts is not None and self._person.id > 0:
            self.idle_watch = IdleWatch(lambda: lock_minutes(self._settings), self.lock, parent=self)
        self.quit_action = QAction(_("Af&sluiten"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self._on_quit)
        self.guide_action = QAction(_("&Gebruikershandleiding"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_user_guide)
        self.about_action = QAction(_("&Over KINA Klachten"), self)
        self.about_action.triggered.connect(self.show_about)
        self.users_action = QAction(_("&Gebruikers…"), self)
        self.users_action.setToolTip(_("Accounts aanmaken en uitschakelen"))
        self.users_action.triggered.connect(self._on_users)
        self.password_action = QAction(_("W&achtwoord wijzigen…"), self)
        self.password_action.setObjectName("change_password_action")
        self.password_action.setToolTip(_("Uw eigen wachtwoord wijzigen"))
        self.password_action.triggered.connect(self.change_password)
        self.password_action.setVisible(self._accounts is not None and self._person.id > 0)
        self.password_dialog: ChangePasswordDialog | None = None
        roles = self._person.roles
        self.new_action.setVisible(may_register(roles))
        self.users_action.setVisible(
            may_manage_accounts(roles) and self._accounts is not None and self._account_rules is not None
        )

    def _make_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(_("&Bestand"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.webform_import.action)
        file_menu.addAction(self.mailbox_actions.fetch_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.acknowledgements.action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_menus.database_action)
        file_menu.addAction(self.password_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(self.quit_action)
        view_menu = menus.addMenu(_("B&eeld"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        self.language_menu = LanguageMenu(self, self._settings)  # a personal choice, from the next start
        view_menu.addMenu(self.language_menu.menu)
        # Beeld → Tekstgrootte: 100–200 %, at once (WCAG 1.4.4, docs/accessibility.md).
        self.text_size_menu = TextSizeMenu(self, self._settings)
        view_menu.addMenu(self.text_size_menu.menu)
        self.follow_up_menu = self.follow_up.fill(menus.addMenu(_("&Opvolging")))
        self.admin_menu: QMenu | None = None
        settings_actions = self.settings_menus.admin_actions()
        # Beheer → 'E-mailpostvak…' with the other shared settings (an administrator's).
        mailbox_settings = self.mailbox_actions.settings_action
        mailbox_settings.setVisible(mailbox_settings.isVisible() and bool(settings_actions))
        privacy_actions = self.privacy_menu.actions()
        if self.users_action.isVisible() or settings_actions or privacy_actions:
            self.admin_menu = menus.addMenu(_("Behee&r"))
            self.admin_menu.setObjectName("admin_menu")
            if self.users_action.isVisible():
                self.admin_menu.addAction(self.users_action)
                self.admin_menu.addSeparator()
            self.admin_menu.addActions(settings_actions)
            if mailbox_settings.isVisible():
                self.admin_menu.addAction(mailbox_settings)
            if privacy_actions:
                self.admin_menu.addSeparator()
                self.admin_menu.addActions(privacy_actions)
        help_menu = menus.addMenu(_("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        bar = QToolBar(_("Werkbalk"), self)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(20, 20))
        bar.addAction(self.new_action)
        bar.addAction(self.open_action)
        bar.addAction(self.refresh_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search)
        bar.addWidget(self.kind_filter)
        self.addToolBar(bar)

    # -- the list ----------------------------------------------------------------------------

    def apply_search(self) -> None:
        """Search as you type (called 200 ms after the last key)."""
        self._search_timer.stop()
        query = replace(self.model.query, search=self.search.text().strip())
        if query != self.model.query:
            self._run(lambda: self.model.set_query(query))

    def _on_kind_chosen(self, *_args: object) -> None:
        data = self.kind_filter.currentData()
        kind = Kind(data) if data else None
        self._run(lambda: self.model.set_query(replace(self.model.query, kind=kind)))
        self._refresh_view_counts()

    def _on_view_chosen(self, *_items: object) -> None:
        view = self.views.current_view()
        self._run(lambda: self.model.set_query(replace(self.model.query, view=view)))

    def refresh(self) -> None:
        """F5: fetch the list again, keeping the selected case selected where possible."""
        selected = self.selected_case_id()
        self._run(self.model.refresh)
        self._refresh_view_counts()
        if selected is not None:
            self.select_case(selected)

    def _refresh_view_counts(self) -> None:
        base = replace(self.model.query, search="")
        self._run(lambda: self.views.update_counts(lambda v: self._services.case_list.count(replace(base, view=v))))

    def _show_count(self) -> None:
        searched = self.model.query.search
        if searched and not self.model.total:
            self.count_label.setText(_("Geen resultaten voor ‘{text}’").format(text=searched))
        elif not self.model.counted:
            self.count_label.setText(
                _("Minstens {n} dossiers, verder aan het tellen…").format(n=number(self.model.total))
            )
        else:
            self.count_label.setText(case_count(self.model.total))

    def into_results(self) -> None:
        """From the search box into the list: the first case selected, the keyboard in the list."""
        self.apply_search()
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.table.model().index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.data(ObjectRole).id

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    # -- cases -------------------------------------------------------------------------------

    def make_new_complaint_dialog(
        self, cases: CaseStore | None = None, parent: QWidget | None = None
    ) -> NewComplaintDialog:
        """'Nieuwe klacht' with completion from the register and the settings' lists, and the
        letter for an oral complaint. ``cases`` registers the draft (a message from the
        mailbox registers through the intake); ``parent`` is the window it is shown over."""
        from kina_desktop.gui.intake.message_drop import install_dialog_drop
        from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog

        lists = getattr(self._services, "lists", None)
        try:
            organisations = lists.organisations() if lists is not None else []
        except ServiceError:
            organisations = []
        dialog = NewComplaintDialog(
            cases or self._services.cases,
            self._today(),
            parent or self,
            lookup=self._services.case_list,  # type: ignore[arg-type]
            organisations=organisations,
            letters=self._services.letters,
            open_case=self.open_case,
        )
        # Dropped e-mails (.eml, .msg) and scans prefill it and go into the complaint folder.
        install_dialog_drop(dialog, getattr(self._services, "intake", None), cases or self._services.cases, self._today)
        return dialog

    def new_complaint(self) -> CaseRecord | None:
        """Ctrl+N: the 'Nieuwe klacht' dialog; the list shows the new case afterwards."""
        dialog = self.make_new_complaint_dialog()
        dialog.exec()
        record = dialog.record
        if record is None:
            return None
        self._on_case_registered(record, dialog.notice)
        return record

    def _on_case_registered(self, record: CaseRecord, notice: str = "") -> None:
        message = _("{kind} {number} is geregistreerd.").format(
            kind=record.header.kind.label(), number=record.tracking_number
        )
        self.statusBar().showMessage(f"{message} {notice}".strip(), 10_000)
        self.refresh()
        self.select_case(record.header.id)
        self.registered_bar.show_record(record, notice)

    def open_case_at(self, index: QModelIndex) -> CaseEditor | None:
        summary = index.data(ObjectRole) if index.isValid() else None
        return self.open_case(summary.id) if summary is not None else None

    def open_selected_case(self) -> CaseEditor | None:
        return self.open_case_at(self.table.currentIndex())

    def open_case(self, case_id: int, over: QDialog | None = None) -> CaseEditor | None:
        """Open the case in its own editor window (or bring its open editor to the front);
        ``over``: the modal dialog it is opened from ('Nieuwe klacht'), usable while that is open."""
        from kina_desktop.gui.case.case_editor import CaseEditor
        from kina_desktop.gui.shell.window_over_modal import show_over_modal

        editor = self._editors.get(case_id)
        if editor is not None:
            if over is not None:
                show_over_modal(editor, over, self)
            editor.raise_()
            editor.activateWindow()
            return editor
        try:
            record = self._services.cases.get_by_id(case_id)
        except ServiceError as error:
            QMessageBox.warning(self, _("KINA Klachten"), error.message)
            return None
        editor = CaseEditor(
            self._services.cases,
            record,
            self._settings,
            self,
            on_saved=self._on_case_saved,
            workflow=self._services.workflow,
            today=self._today,
            history=self._services.history,
            letters=self._services.letters,
            documents=self._services.documents,
            mail=getattr(self._services, "mail", None),
            projects=getattr(self._services, "projects", None),
            edit_projects=may_edit_projects(self._person.roles),
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _result, case_id=case_id: self._forget_editor(case_id))
        self._editors[case_id] = editor
        if over is not None:
            show_over_modal(editor, over, self)
        else:
            editor.show()
        return editor

    def _forget_editor(self, case_id: int) -> None:
        self._editors.pop(case_id, None)

    def _on_new_complaint(self) -> None:
        self.new_complaint()

    # -- administration ----------------------------------------------------------------------

    def menu_titles(self) -> list[str]:
        """The menu bar's menus as shown, without their '&' (for tests)."""
        return [a.text().replace("&", "") for a in self.menuBar().actions() if a.isVisible()]

    def show_users(self) -> UsersDialog | None:
        """Beheer → Gebruikers…: the accounts, for an administrator."""
        if self._accounts is None or self._account_rules is None or not self.users_action.isVisible():
            return None
        if self.users_dialog is None:
            from kina_desktop.gui.admin.users_dialog import UsersDialog

            self.users_dialog = UsersDialog(
                self._accounts, self._account_rules, self._person.username, self, own_roles=self._person.roles
            )
            self.users_dialog.finished.connect(self._forget_users_dialog)
        self.users_dialog.open()
        return self.users_dialog

    def change_password(self) -> ChangePasswordDialog | None:
        """Bestand → Wachtwoord wijzigen…: everyone's own password (docs/security.md)."""
        if self._accounts is None or not self.password_action.isVisible():
            return None
        from kina_desktop.gui.admin.password_dialogs import ChangePasswordDialog

        dialog = ChangePasswordDialog(
            self._accounts.change_own_password, shared_server=self._accounts.on_shared_server(), parent=self
        )
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def _forget_users_dialog(self, _result: int) -> None:
        dialog, self.users_dialog = self.users_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_calendar_saved(self, changed_cases: int) -> None:
        """New closing days move deadlines: the list shows them at once."""
        self._after_batch()

    def _after_batch(self) -> None:
        """Work on many cases at once (a batch of letters, new closing days, pseudonymising): the
        list and every open case editor show the cases as stored now (CaseEditor.catch_up keeps
        unsaved changes and says what changed meanwhile)."""
        self.refresh()
        for editor in list(self._editors.values()):
            editor.catch_up()

    def _on_mail_handled(self, text: str) -> None:
        """A message of the mailbox was registered or set aside: the list changes with it."""
        self.refresh()
        self.statusBar().showMessage(text, 15_000)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def _on_users(self) -> None:
        self.show_users()

    def _on_open_selected(self) -> None:
        self.open_selected_case()

    def show_user_guide(self) -> UserGuideDialog:
        """Help → Gebruikershandleiding (F1): one guide window, raised when already open."""
        if self.guide_dialog is None:
            from kina_desktop.gui.shell.user_guide import UserGuideDialog

            self.guide_dialog = UserGuideDialog(self)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        return self.guide_dialog

    def _on_quit(self) -> None:
        self.close()

    def sign_out(self) -> bool:
        """Bestand → Afmelden: close (each open window asks about unsaved work first); True when
        the window closed, and ``signed_out`` tells the start-up to sign someone in again."""
        self.signed_out = True
        if not self.close():
            self.signed_out = False
            return False
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        self.open_case_at(index)

    def _on_case_saved(self, record: CaseRecord) -> None:
        self.refresh()
        self.statusBar().showMessage(_("Dossier {number} is opgeslagen.").format(number=record.tracking_number), 10_000)

    def _on_letters_recorded(self, text: str) -> None:
        """A batch of acknowledgements: the list, the ready views and open editors change with it."""
        self._after_batch()
        self.statusBar().showMessage(text, 15_000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("Over KINA Klachten"),
            _(
                "<b>KINA Klachten</b> {version}<br>Het klachtenregister van KINA p.v., volgens het "
                "klachtenreglement (laatst gewijzigd op 3 november 2023)."
            ).format(version=__version__),
        )

    def _run(self, work: Callable[[], object]) -> None:
        """Run a list query; a database that stops answering gives a message, not a crash."""
        try:
            work()
        except ServiceError as error:
            self.statusBar().showMessage(error.message, 15_000)

    # -- changes made elsewhere ------------------------------------------------------------------

    def _watch_changes(self, changes: ChangeWatchPort | None) -> None:
        """Follow what colleagues change on other PCs (docs/architecture.md, "A list that stays
        current"): the watch collects the changes off the GUI thread, a timer here takes them."""
        self._changes = changes
        self._pending_changes: CaseChanges | None = None
        self._last_followed = 0.0
        self._change_timer = QTimer(self)
        self._change_timer.setInterval(CHANGE_POLL_MS)
        self._change_timer.timeout.connect(self._poll_changes)
        if changes is None:
            return
        changes.start()
        self._change_timer.start()
        # Also when the window is deleted without being closed (tests, a failed start).
        self.destroyed.connect(lambda *_args, watch=changes: watch.stop())

    def lock(self) -> bool:
        """After a time without use: the lock covers the window until the person's password, or
        Afmelden. True when unlocked."""
        accounts = self._accounts
        if accounts is None:
            return True
        dialog = LockDialog(self._person.display_name, accounts.confirm_own_password, self)
        self.lock_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.lock_dialog = None
            dialog.deleteLater()
        if dialog.signed_out:
            self.sign_out()
            return False
        return True

    def stop_watching(self) -> None:
        """Stop following changes made elsewhere (the window closes, the person signs out)."""
        self._change_timer.stop()
        self._pending_changes = None
        if self.idle_watch is not None:
            self.idle_watch.stop()
        if self._changes is not None:
            self._changes.stop()

    def _poll_changes(self) -> None:
        if self._changes is None:
            return
        changes = self._changes.take()
        if changes is not None:
            pending = self._pending_changes
            self._pending_changes = changes if pending is None else pending.merged(changes)
        if self._pending_changes is None or time.monotonic() - self._last_followed < FOLLOW_GAP_S:
            return
        changes, self._pending_changes = self._pending_changes, None
        self._last_followed = time.monotonic()
        self.follow_changes(changes)

    def follow_changes(self, changes: CaseChanges) -> None:
        """Cases changed elsewhere: the list (same selection, same place), the views' counts, and
        each open editor of a changed case (CaseEditor.catch_up: reloaded when nothing was typed,
        otherwise a message that someone else changed it, with 'Opnieuw laden')."""
        self._run(lambda: self._keep_place(self.model.reload))
        self._show_count()
        self._refresh_view_counts()
        shown = {
            case_id: editor.record.header.version
            for case_id, editor in self._editors.items()
            if changes.touches(case_id)
        }
        if not shown or self._changes is None:
            return
        try:
            outdated = self._changes.outdated(shown)
        except ServiceError as error:
            self.statusBar().showMessage(error.message, 15_000)
            return
        for case_id in outdated:
            editor = self._editors.get(case_id)
            if editor is not None:
                editor.catch_up()

    def _keep_place(self, reload: Callable[[], None]) -> None:
        """Run ``reload`` keeping the selected case selected and the rows in view where they are:
        at the top of the list it stays at the top (a new case shows), further down the first
        case in view stays first."""
        bar = self.table.verticalScrollBar()
        at_top = bar.value() == bar.minimum()
        top_row = self.table.rowAt(0)
        anchor = None if at_top or top_row < 0 else self.proxy.index(top_row, 0).data(ObjectRole)
        selected = self.selected_case_id()
        reload()
        if selected is not None and self.selected_case_id() != selected:
            self.select_case(selected)
        if anchor is not None and (row := self.model.row_of(anchor.id)) >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        elif at_top:
            bar.setValue(bar.minimum())
        self.table.viewport().update()  # the rows that stayed may show other values

    # -- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            not self.settings_menus.close_all()
            or not self.follow_up.close_all()
            or not self.mailbox_actions.close_all()
        ):
            event.ignore()
            return
        for editor in list(self._editors.values()):
            if not editor.close():
                event.ignore()
                return
        save_main_window(
            self._settings, self, self.splitter, self.table.horizontalHeader(), self.views.current_view().value
        )
        self.stop_watching()
        event.accept()
