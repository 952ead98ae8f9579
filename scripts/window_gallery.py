"""Every window and dialog of the program, with demo data, in one interface language.

Run under a display (Xvfb) of a small laptop's size from the repository root:

    Xvfb :93 -screen 0 1366x768x24 &
    DISPLAY=:93 .venv/bin/python scripts/window_gallery.py fr          # nl, fr or en

The pictures go to /tmp/gallery/<language>/ (``--out`` to choose another folder), numbered in the
order a user meets them, for a person to look through: cut-off texts, words in the wrong
language, dialogs bigger than the screen. A window that does not fit on the screen is named on
the output (and in sizes.txt). Signing in and the demo data come from guide_screenshots.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import guide_screenshots as guide
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from kina_desktop import first_run
from kina_desktop.app import account_rules, build_main_window, prepare_application, probe_server
from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.complaint import ComplaintDraft, Description
from kina_desktop.domain.enums import Category, Channel, Kind, Level
from kina_desktop.gui.admin.password_dialogs import ChangePasswordDialog
from kina_desktop.gui.case.unsaved_prompt import ask_to_save
from kina_desktop.gui.shell.interface_language import LANGUAGE_NAMES, save_language
from kina_desktop.gui.shell.text_size import DEFAULT_TEXT_SIZE, TEXT_SIZES, save_text_size
from kina_desktop.gui.start.first_run_pages import SERVER_LOGINS_PAGE
from kina_desktop.gui.start.first_run_wizard import FirstRunWizard
from kina_desktop.gui.start.login_dialog import LoginDialog
from kina_desktop.i18n import _
from kina_desktop.services.accounts.auth import sign_in_sqlite
from kina_desktop.services.bundle import Services
from kina_desktop.services.setup.startup import open_database

ROOT = guide.ROOT
WORK = guide.WORK
COMPLAINTS = 400
too_big: list[str] = []
dutch: list[str] = []  # texts shown untranslated in French or English
titles: list[str] = []  # the windows' titles (a grab shows no title bar)
counter = iter(range(1, 1000))
LANGUAGE = ["nl"]
DUTCH: dict[str, str] = {}
# Called with each window where its picture is taken (tests/gui/test_accessibility_audit.py
# audits them); PICTURES[0] False: no pictures, only the visits.
VISITORS: list[Callable[[QWidget, str], None]] = []
PICTURES = [True]


def _dutch_messages() -> dict[str, str]:
    """Dutch msgid -> translation in the interface language, for the messages that differ."""
    from catalogs import read_catalog  # scripts/catalogs.py

    catalog = read_catalog(LANGUAGE[0])
    found: dict[str, str] = {}
    for message in catalog:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str):
            if message.string and message.string != message.id:
                found[message.id] = message.string
                found[message.id.replace("&", "")] = message.string
    for own_name in LANGUAGE_NAMES.values():  # each language is offered by its own name
        found.pop(own_name, None)
    return found


def _model_texts(model) -> list[str]:
    """A list's or table's column titles and first cells (a model whose counts Python may not
    call gives none)."""
    try:
        root = QModelIndex()
        columns, rows = model.columnCount(root), model.rowCount(root)
    except TypeError:
        columns, rows = 1, 0
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    return texts + [str(model.data(model.index(r, 0)) or "") for r in range(min(rows, 30))]


def shown_texts(widget: QWidget) -> set[str]:
    """The texts ``widget`` and its children show: labels, buttons, tabs, headers, lists, titles."""
    texts = {widget.windowTitle()}
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        for getter in ("text", "title", "placeholderText", "toolTip"):
            value = getattr(child, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str):
                    texts.add(result)
        if isinstance(child, QTabWidget):
            texts.update(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QComboBox):
            texts.update(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            texts.update(_model_texts(child.model()))
    return {t.replace("&", "").strip() for t in texts if t}


def _cut_off(widget: QWidget, window: QWidget) -> bool:
    """Whether part of ``widget`` lies outside its window or a scroll area it sits in."""
    area = widget.rect()
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        area = area.translated(child.pos())
        if not parent.rect().contains(area):
            return True
        if parent is window:
            return False
        child, parent = parent, parent.parentWidget()
    return False


def off_screen(window: QWidget) -> list[str]:
    """What of ``window`` a person cannot see on this screen (WCAG 1.4.4, 1.4.10): a window larger
    than the screen's free area, or a row of buttons (Registreren, Annuleren, …) cut off by the
    window's edge or scrolled out of view."""
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    found = []
    if frame.width() > screen.width() or frame.height() > screen.height():
        found.append(f"{frame.width()}x{frame.height()} on a {screen.width()}x{screen.height()} screen")
    for box in window.findChildren(QDialogButtonBox):
        if box.isVisibleTo(window) and _cut_off(box, window):
            names = ", ".join(b.text().replace("&", "") for b in box.buttons() if b.isVisibleTo(window))
            found.append(f"buttons {names} cut off")
    return found


def shot(widget: QWidget, name: str) -> None:
    """``widget`` as it is drawn now, numbered; says when its window is bigger than the screen
    or its buttons are out of sight."""
    guide.settle()
    window = widget.window()
    number = f"{next(counter):02d}-{name}.png"
    for problem in off_screen(window):
        too_big.append(f"{number}: {problem}")
        print(f"    TOO BIG: {too_big[-1]}")
    titles.append(f"{number}: {window.windowTitle()}")
    if LANGUAGE[0] != "nl":
        for text in sorted(shown_texts(window) & DUTCH.keys()):
            dutch.append(f"{number}: {text!r} (should be {DUTCH[text]!r})")
            print(f"    DUTCH: {dutch[-1]}")
    for visit in VISITORS:
        visit(window, number)
    if PICTURES[0]:
        guide.save(widget.grab(), number)


def modal(start: Callable[[], object], *names: str) -> None:
    """Call ``start``, which shows modal dialogs one after another (exec), and grab each as
    ``names`` says; each is closed with done(0) (its 'Annuleren') after its picture."""
    pending = list(names)
    tries = [0]

    def take() -> None:
        box = QApplication.activeModalWidget()
        if box is None or not box.isVisible():
            tries[0] += 1
            if tries[0] < 50:
                QTimer.singleShot(100, take)
            return
        tries[0] = 0
        shot(box, pending.pop(0))
        if pending:
            QTimer.singleShot(300, take)
        QDialog.done(box, 0)  # type: ignore[arg-type] - past the dialogs' own 'unsaved' questions

    QTimer.singleShot(300, take)
    start()


def close(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        QDialog.done(dialog, 0)
    else:
        dialog.close()
    guide.settle()


def oral_complaint(today) -> ComplaintDraft:
    return ComplaintDraft(
        Description(
            received_on=today,
            channel=Channel.PHONE,
            complainant_name="Jan Wuyts",
            complainant_phone="03 312 45 67",
            organisation="OCMW Malle",
            subject="Niet teruggebeld door de sociale dienst",
            text="Mevrouw belt omdat ze al twee weken wacht op een telefoontje van haar maatschappelijk werker.",
        )
    )


def first_run_pages(settings: QSettings) -> None:
    """'Eerste gebruik': every page, walked through as a new user does (on a throwaway folder)."""
    backend = first_run.FirstRun(probe_server)
    wizard = FirstRunWizard(backend, settings, account_rules())
    wizard.show()
    shot(wizard, "first-run-1-database")
    wizard.next()
    shot(wizard, "first-run-2-account")
    wizard.next()  # nothing filled in: the form says what is missing
    shot(wizard, "first-run-2-account-missing")
    form = wizard.account_page.form
    for field, text in (
        (form.ui.display_name, "Dirk Janssens"),
        (form.ui.username, "dirk"),
        (form.ui.password, "een-lang-wachtwoord"),
        (form.ui.repeated_password, "een-lang-wachtwoord"),
    ):
        field.setText(text)
    wizard.next()
    shot(wizard, "first-run-3-letterhead")
    wizard.next()
    shot(wizard, "first-run-4-demo")
    wizard.reject()
    backend.abandon()
    logins = FirstRunWizard(first_run.FirstRun(probe_server), settings, account_rules())
    logins.setStartId(SERVER_LOGINS_PAGE)
    logins.restart()
    logins.show()
    shot(logins, "first-run-server-logins")
    logins.reject()


def find_case(services: Services, wanted) -> int:
    return guide.first_case(services, wanted)


def step_case(services: Services, kind: ActionKind) -> int | None:
    """The newest case on which the person may take step ``kind`` now."""
    for case_id in range(COMPLAINTS + 50, 0, -1):
        try:
            options = services.workflow.progress(case_id).options
        except Exception:
            continue
        if any(o.action.kind is kind for o in options):
            return case_id
    print(f"    no case where {kind.value} can be taken")
    return None


def editor_pictures(window, case_id: int, who: str) -> None:
    editor = window.open_case(case_id)
    assert editor is not None
    tabs = editor.ui.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        shot(editor, f"case-editor-{who}-tab{index + 1}")
    tabs.setCurrentIndex(0)
    close(editor)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=["nl", "fr", "en"])
    parser.add_argument("--out", type=Path, default=None, help="folder for the pictures (/tmp/gallery/<language>)")
    parser.add_argument(
        "--text-size", type=int, choices=TEXT_SIZES, default=DEFAULT_TEXT_SIZE, help="Beeld → Tekstgrootte, in %%"
    )
    args = parser.parse_args()
    return gallery(args.language, args.out or Path("/tmp/gallery") / args.language, args.text_size)


def gallery(language: str, out: Path, text_size: int = DEFAULT_TEXT_SIZE) -> int:
    """Every window in ``language`` with its text at ``text_size`` %, its pictures in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    guide.OUT = out  # guide.save() writes there
    LANGUAGE[0] = language
    DUTCH.update(_dutch_messages() if language != "nl" else {})

    app = prepare_application(language=language, text_size=text_size)
    settings = QSettings(str(WORK / "settings.ini"), QSettings.Format.IniFormat)
    save_language(settings, language)
    save_text_size(settings, text_size)
    screen = app.primaryScreen().availableGeometry()
    print(f"screen {screen.width()}x{screen.height()}, language {language}, text {text_size} %, pictures in {out}")

    first_run_pages(settings)

    db_file = WORK / "KINA Klachten" / "kina-klachten-demo.db"
    exe = Path(sys.executable).with_name("kina-desktop")
    guide.subprocess.run(
        [str(exe), "--database", str(db_file), "demo", "--complaints", str(COMPLAINTS)], check=True, capture_output=True
    )
    database = open_database(f"sqlite+pysqlite:///{db_file}")

    login = LoginDialog(
        lambda user, password: sign_in_sqlite(database, user, password), settings, f"{db_file} (SQLite)"
    )
    login.show()
    shot(login, "login")
    login.ui.username.setText("an.claes")
    login.ui.password.setText("fout")
    login.try_sign_in()
    shot(login, "login-refused")
    close(login)

    def window_for(username: str):
        signed = sign_in_sqlite(database, username, guide.PASSWORD)
        window = build_main_window(signed.context, signed.account, settings)
        window.show()
        return window, Services.for_context(signed.context)

    # -- the receiver ------------------------------------------------------------------------------
    receiver, services = window_for("an.claes")
    shot(receiver, "main-window-receiver")
    today = services.ctx.today()

    dialog = receiver.make_new_complaint_dialog()
    dialog.show()
    shot(dialog, "new-complaint-empty")
    dialog.register()  # nothing filled in: each problem under its field
    shot(dialog, "new-complaint-problems")
    close(dialog)
    dialog = receiver.make_new_complaint_dialog()
    dialog.show()
    dialog.load_draft(guide.postal_complaint(today))
    shot(dialog, "new-complaint-post")
    close(dialog)
    for kind in (Kind.INFORMATION_REQUEST, Kind.ANONYMOUS_REPORT):  # Art. 3: no category or level
        dialog = receiver.make_new_complaint_dialog()
        dialog.show()
        dialog.form.ui.kind.setCurrentIndex(dialog.form.ui.kind.findData(kind.value))
        shot(dialog, f"new-registration-{kind.value}")
        close(dialog)
    dialog = receiver.make_new_complaint_dialog()
    dialog.load_draft(oral_complaint(today))
    dialog.show()
    shot(dialog, "new-complaint-oral")
    close(dialog)
    for sample in ("10-attachment-pdf.eml", "51-outlook-html-only-french.msg"):
        dialog = receiver.make_new_complaint_dialog()
        dialog.show()
        dialog.intake.load_message_file(guide.CORPUS / sample)  # type: ignore[attr-defined]
        shot(dialog, f"new-complaint-mail-{sample.split('-')[0]}")
        close(dialog)

    good = ROOT / "resources" / "examples" / "webformulier.json"
    modal(lambda: receiver.webform_import.run(str(good)), "webform-submission-1", "webform-go-on")
    bad = WORK / "webformulier-kapot.json"
    bad.write_text('[{"submitted_at": "2026-13-01", "nmae": "x", "subject": "", "message": "m"}]', "utf-8")
    modal(lambda: receiver.webform_import.run(str(bad)), "webform-refused")

    new_mail = receiver.mailbox_actions.show_new_mail()
    guide.wait_until(lambda: not new_mail.isVisible() or "…" not in new_mail.windowTitle(), 5)
    shot(new_mail, "new-mail-no-mailbox")
    close(new_mail)

    record = services.cases.register(guide.postal_complaint(today))
    editor = receiver.open_case(record.header.id)
    assert editor is not None
    guide.settle()
    menu = editor.letters_menu
    assert menu is not None and editor.letters_button is not None
    guide.grab_with_menu(
        editor, editor.letters_button, menu, "letter_acknowledgement", 2, f"{next(counter):02d}-letters-menu.png"
    )
    # Brieven → Ontvangstbevestiging → Voorbeeld: the pages inside the program, then the question
    # 'Opslaan als PDF…' asks once the file is written.
    from kina_desktop.domain.letters import LetterKind
    from kina_desktop.gui.letters.case_letters import ask_mark_as_sent

    assert editor.letters is not None
    preview = editor.letters.preview(LetterKind.ACKNOWLEDGEMENT)
    assert preview is not None
    guide.wait_until(lambda: preview.page_count() > 0, 10)
    shot(preview, "letter-preview")
    preview.zoom_in()
    preview.zoom_in()
    shot(preview, "letter-preview-zoomed")
    question = editor.letters._sent_question(LetterKind.ACKNOWLEDGEMENT, WORK / "2026-0001 ontvangstbevestiging.pdf")
    modal(lambda: ask_mark_as_sent(preview, *question), "letter-mark-as-sent")
    close(preview)
    letter = editor.letters.edit(LetterKind.ACKNOWLEDGEMENT)
    assert letter is not None
    guide.settle()
    letter.section_edits[0].setFocus()
    shot(letter, "letter-editor")
    letter.reject()
    editor.ui.description_tab_layout.parentWidget()  # the description tab, changed:
    editor.description_form.field_widgets()["subject"].setText("Lange wachttijd aan het onthaal (2)")  # type: ignore[union-attr]
    modal(editor.reject, "unsaved-prompt")
    close(editor)
    modal(receiver.acknowledgements.start, "acknowledgements-batch")
    receiver.settings_menus.close_all()
    receiver.hide()

    # -- the director (also an administrator) --------------------------------------------------------
    director, director_services = window_for("marleen.vandenbroeck")
    shot(director, "main-window-director")
    handled = find_case(
        director_services,
        lambda r: bool(
            r.handling
            and r.handling.verdict_motivation
            and r.header.category is Category.DAILY_OPERATIONS
            and r.header.level is Level.TWO
            and r.closure
        ),
    )
    editor_pictures(director, handled, "director")

    with_step = step_case(director_services, ActionKind.ASSESS_ADMISSIBILITY)
    editor = director.open_case(with_step) if with_step is not None else None
    if editor is not None:
        editor.request_step(ActionKind.ASSESS_ADMISSIBILITY)
        if editor.step_dialog is not None:
            shot(editor.step_dialog, "step-admissibility")
            close(editor.step_dialog)
        close(editor)
    for kind in (ActionKind.RECORD_VERDICT, ActionKind.FORWARD_TO_HANDLER, ActionKind.SUBMIT_TO_WORKING_GROUP):
        case_id = step_case(director_services, kind)
        editor = director.open_case(case_id) if case_id is not None else None
        if editor is not None:
            editor.request_step(kind)
            if editor.step_dialog is not None:
                shot(editor.step_dialog, f"step-{kind.value}")
                close(editor.step_dialog)
            close(editor)
    personnel = find_case(
        director_services, lambda r: r.header.category is Category.PERSONNEL and r.header.level is not Level.ONE
    )
    editor = director.open_case(personnel)
    if editor is not None:
        shot(editor, "case-editor-personnel")
        close(editor)

    users = director.show_users()
    if users is not None:
        shot(users, "users")
        new_user = users.new_user()
        shot(new_user, "users-new")
        close(new_user)
        if users.select("an.claes"):  # the receiver: edit and reset her password
            edit = users.edit_selected()
            if edit is not None:
                shot(edit, "users-edit")
                close(edit)
            reset = users.reset_selected()
            if reset is not None:
                reset.fill("kort")
                reset.send()
                shot(reset, "users-reset-password")
                close(reset)
        close(users)
    password = director.change_password()
    if password is not None:
        password.fill("nieuw wachtwoord 123", current="verkeerd")
        password.send()
        shot(password, "change-password")
        close(password)
    after_reset = ChangePasswordDialog(lambda new, current: None, after_reset=True, shared_server=True)
    after_reset.show()
    shot(after_reset, "change-password-after-reset")
    close(after_reset)

    settings_dialog = director.settings_menus.show_settings()
    assert settings_dialog is not None
    for key in settings_dialog.keys():
        settings_dialog.show_page(key)
        shot(settings_dialog, f"settings-{key}")
    close(settings_dialog)
    for name in ("show_calendar", "show_letterhead", "show_templates", "show_lists", "show_database"):
        single = getattr(director.settings_menus, name)()
        if single is not None:
            shot(single, name.replace("show_", "settings-single-"))
            close(single)

    retention = director.privacy_menu.show_retention()
    if retention is not None:
        shot(retention, "retention")
        close(retention)
    access = director.privacy_menu.show_access_request()
    if access is not None:
        shot(access, "access-request-empty")
        access.name.setText("Emma Hermans")
        access.search()
        shot(access, "access-request")
        close(access)

    statistics = director.follow_up.show_statistics()
    guide.wait_until(lambda: statistics.status.text() != _("Bezig met tellen…"))
    shot(statistics, "statistics")
    close(statistics)
    guide.improvement_projects(director_services, director_services.ctx.viewer.user_id)
    projects = director.follow_up.show_projects()
    projects.refresh()
    shot(projects, "projects")
    first = projects.selected_project() or (projects.select(1) and projects.selected_project())
    project = projects.open_project(first) if first is not None else None
    if project is not None:
        shot(project, "project-editor")
        close(project)
    new_project = projects.new_project()
    if new_project is not None:
        shot(new_project, "project-editor-new")
        close(new_project)
    close(projects)
    report = director.follow_up.show_annual_report()
    shot(report, "annual-report")
    close(report)

    mailbox = director.mailbox_actions.show_settings()
    shot(mailbox, "mailbox-settings")
    close(mailbox)

    guide_window = director.show_user_guide()
    shot(guide_window, "user-guide")
    close(guide_window)
    modal(director.show_about, "about")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("KINA Klachten"),
        _("Wijzigingen opslaan?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
        director,
    )
    modal(box.exec, "qt-buttons-yes-no-cancel")
    modal(lambda: ask_to_save(director), "unsaved-prompt-plain")

    print(f"{len(list(out.glob('*.png')))} pictures in {out}")
    (out / "sizes.txt").write_text("\n".join(too_big) + "\n", "utf-8")
    (out / "dutch.txt").write_text("\n".join(dutch) + "\n", "utf-8")
    (out / "titles.txt").write_text("\n".join(titles) + "\n", "utf-8")
    for line in too_big:
        print(f"TOO BIG: {line}")
    print(f"{len(dutch)} Dutch texts shown (dutch.txt), window titles in titles.txt")
    director.hide()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
