"""Beheer → Instellingen… (Ctrl+,), for an administrator: every setting in one window,
a list of pages on the left and the page on the right.

The pages are the same widgets the separate menu entries show (settings_page.py); each says
whether it is kept for the whole organisation (database) or only on this PC (QSettings). A page
is made when it is first shown. Opslaan stores every page with changes; a page that refuses is
brought forward with its problems. A page with unsaved changes is marked in the list, and closing
the window with any asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.gui.admin.settings_page import Scope, SettingsPage
from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_save
from kina_desktop.gui.common.accessible import name_view
from kina_desktop.gui.common.button_letters import give_letters
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen, scrolling
from kina_desktop.gui.common.field_errors import OK_STYLE
from kina_desktop.i18n import _

PREFERRED_SIZE = (1180, 720)
NARROW_WIDTH = 780
MODIFIED_MARK = "  •"
SCOPE_STYLE = {
    Scope.THIS_PC: "color: #6a4c00; background: #fff4d6;",
    Scope.ORGANISATION: "color: #0d3c61; background: #e3f0fb;",
    Scope.ORGANISATION_PASSWORD_HERE: "color: #0d3c61; background: #e3f0fb;",
}
ERROR_STYLE = "color: #b3261e;"


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    summary: str  # one line under the title: what the page is about
    scope: Scope
    make: Callable[[], QWidget]  # the page (a SettingsPage), made when first shown
    narrow: bool = False  # a form of a few fields: not stretched over the whole width


def _join(titles: Sequence[str]) -> str:
    if len(titles) < 2:
        return "".join(titles)
    return _("{items} en {last}").format(items=", ".join(titles[:-1]), last=titles[-1])


class SettingsDialog(QDialog):
    def __init__(self, specs: Sequence[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(_("Instellingen"))
        self.specs = list(specs)
        self.pages: dict[str, QWidget] = {}  # made so far, by key
        self._holders: dict[str, QWidget] = {}

        self.page_list = QListWidget(self)
        self.page_list.setObjectName("settings_pages")
        name_view(
            self.page_list,
            _("Onderdelen van de instellingen"),
            _("Kies met de pijltjestoetsen welk onderdeel rechts getoond wordt."),
        )
        # Room for the longest title at any text size (Beeld → Tekstgrootte).
        widest = max((self.page_list.fontMetrics().horizontalAdvance(spec.title) for spec in specs), default=0)
        self.page_list.setMinimumWidth(max(220, widest + 40))
        self.page_list.setMaximumWidth(max(260, widest + 40))
        self.page_list.setSpacing(2)
        self.stack = QStackedWidget(self)
        for spec in self.specs:
            item = QListWidgetItem(spec.title, self.page_list)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.summary)
            holder = QWidget(self)  # the page comes in when it is first shown
            holder.setObjectName(f"settings_holder_{spec.key}")
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self._holders[spec.key] = holder
            self.stack.addWidget(holder)

        self.title = QLabel(self)
        self.title.setObjectName("settings_title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("settings_summary")
        self.summary.setWordWrap(True)
        self.scope = QLabel(self)
        self.scope.setObjectName("settings_scope")
        self.scope.setWordWrap(True)
        self.scope.setMargin(6)

        self.message = QLabel(self)
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Save | standard.Close, self)
        self.save_button = self.buttons.button(standard.Save)
        self.save_button.setText(_("Opslaan"))
        self.save_button.setToolTip(_("Elke pagina met wijzigingen opslaan"))
        self.buttons.button(standard.Close).setText(_("Sluiten"))
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.summary)
        right.addWidget(self.scope)
        right.addSpacing(4)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body, "settings_scroll"), 1)  # Opslaan and Sluiten stay in sight
        layout.addLayout(bottom)

        self.page_list.currentRowChanged.connect(self._on_row)
        resize_within_screen(self, *PREFERRED_SIZE, margin=SCREEN_MARGIN)
        if self.specs:
            self.page_list.setCurrentRow(0)
        self._update_marks()

    # -- pages -----------------------------------------------------------------------------------

    def keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def _spec(self, key: str) -> PageSpec:
        return next(spec for spec in self.specs if spec.key == key)

    def page(self, key: str) -> QWidget:
        """The page of ``key``, made now when it was not shown before."""
        page = self.pages.get(key)
        if page is None:
            page = self._spec(key).make()
            if self._spec(key).narrow:
                page.setMaximumWidth(NARROW_WIDTH)
            page.on_change = lambda key=key: self._on_page_changed(key)  # type: ignore[attr-defined]
            self.pages[key] = page
            self._holders[key].layout().addWidget(page)
        return page

    def show_page(self, key: str) -> QWidget:
        self.page_list.setCurrentRow(self.keys().index(key))
        return self.page(key)

    def current_key(self) -> str:
        return self.keys()[self.page_list.currentRow()]

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        self.page(spec.key)
        self.stack.setCurrentIndex(row)
        self.title.setText(spec.title)
        self.summary.setText(spec.summary)
        self.summary.setVisible(bool(spec.summary))
        self.scope.setText(spec.scope.text())
        self.scope.setStyleSheet(SCOPE_STYLE[spec.scope])
        give_letters(self)  # a page made now may use a letter of the buttons below

    def modified_keys(self) -> list[str]:
        return [key for key in self.keys() if key in self.pages and self._as_page(key).is_modified()]

    def _as_page(self, key: str) -> SettingsPage:
        return self.pages[key]  # type: ignore[return-value]

    def _on_page_changed(self, key: str) -> None:
        self.message.clear()
        self._update_marks()

    def _update_marks(self) -> None:
        modified = set(self.modified_keys())
        for row, spec in enumerate(self.specs):
            item = self.page_list.item(row)
            item.setText(spec.title + (MODIFIED_MARK if spec.key in modified else ""))
            font = item.font()
            font.setBold(spec.key in modified)
            item.setFont(font)
        self.save_button.setEnabled(bool(modified))

    # -- saving, closing -------------------------------------------------------------------------

    def save(self) -> bool:
        """Store every page with changes, in the list's order; at the first refusal that page
        comes forward with its problems and False is returned (the pages before it are saved)."""
        saved: list[str] = []
        for key in self.modified_keys():
            if not self._as_page(key).save():
                self.show_page(key)
                title = self._spec(key).title
                self._say(_("Niet opgeslagen: kijk de pagina ‘{page}’ na.").format(page=title), ok=False)
                self._update_marks()
                return False
            saved.append(self._spec(key).title)
        self._update_marks()
        if saved:
            self._say(_("Opgeslagen: {pages}.").format(pages=_join(saved)), ok=True)
        return True

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def _on_save_clicked(self) -> None:
        self.save()

    def reject(self) -> None:
        """Sluiten, Esc or the window's close button: with unsaved pages, ask first."""
        modified = self.modified_keys()
        if modified:
            details = _("Niet opgeslagen wijzigingen op: {pages}.").format(
                pages=_join([self._spec(key).title for key in modified])
            )
            answer = ask_to_save(self, details=details)
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.save()):
                return
        super().reject()
