"""Shared office PCs: after the minutes set on this PC without use the window locks; the
signed-in person's password unlocks it (nothing typed lost), a wrong one is refused in Dutch, and
Afmelden lets someone else sign in."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kina_desktop.gui.admin.lock_page import LockPage
from kina_desktop.gui.shell.idle_lock import LOCK_AFTER_MINUTES, IdleWatch, LockDialog, lock_minutes
from kina_desktop.gui.shell.main_window import MainWindow
from tests.gui.people import PASSWORD


def test_the_watch_calls_the_lock_after_the_minutes_without_use(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = [1000.0]
    locked: list[float] = []
    watch = IdleWatch(lambda: 15, lambda: locked.append(now[0]), clock=lambda: now[0])
    try:
        now[0] += 14 * 60
        watch.check()
        assert locked == []
        now[0] += 61
        watch.check()
        assert locked == [now[0]] and watch.last_activity == now[0]  # starts counting again
        never = IdleWatch(lambda: 0, lambda: locked.append(-1), clock=lambda: now[0] + 10_000)
        never.check()
        assert locked[-1] != -1
        never.stop()
    finally:
        watch.stop()


def test_the_password_unlocks_and_a_wrong_one_is_refused(qtbot, admin_window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert admin_window.idle_watch is not None

    def answer(dialog: LockDialog) -> int:
        assert admin_window.lock_dialog is dialog
        dialog.password.setText("fout")
        dialog.unlock()
        assert dialog.problem.text().startswith("Het huidige wachtwoord is niet juist")
        dialog.reject()  # Esc does not unlock
        assert dialog.result() == 0 and not dialog.signed_out
        dialog.password.setText(PASSWORD)
        dialog.unlock()
        return dialog.result()

    monkeypatch.setattr(LockDialog, "exec", answer)
    assert admin_window.lock() and not admin_window.signed_out


def test_afmelden_from_the_lock_signs_out(qtbot, admin_window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin_window.show()

    def sign_out(dialog: LockDialog) -> int:
        dialog.sign_out_button.click()
        return dialog.result()

    monkeypatch.setattr(LockDialog, "exec", sign_out)
    assert not admin_window.lock()
    assert admin_window.signed_out and not admin_window.isVisible()


def test_the_minutes_are_set_per_pc_in_the_settings(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat)
    assert lock_minutes(settings) == 15
    page = LockPage(settings)
    qtbot.addWidget(page)
    page.minutes.setValue(0)
    assert page.is_modified() and page.minutes.text() == "nooit"
    assert page.save() and lock_minutes(settings) == 0
    settings.setValue(LOCK_AFTER_MINUTES, "geen getal")
    assert lock_minutes(settings) == 15
