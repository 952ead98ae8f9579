"""The description part (Art. 5) as one form, shared by the new-complaint dialog and the editor.

Besides the fields of ``Description`` it holds the kind, category and level of the
registration, which a person chooses together with the description.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from babel import Locale
from PySide6.QtWidgets import QLabel, QWidget

from kina_desktop.domain.complaint import COMPLAINANT_FIELDS, Description
from kina_desktop.domain.enums import Category, Channel, Kind, Level
from kina_desktop.domain.labels import kind_label
from kina_desktop.gui.common.enum_combo import combo_value, fill_combo, set_combo_value
from kina_desktop.gui.common.form_labels import apply_field_labels
from kina_desktop.gui.common.reflow import ColumnsReflow
from kina_desktop.gui.forms.ui_description_form import Ui_DescriptionForm
from kina_desktop.gui.shell.change_watch import watch_changes
from kina_desktop.gui.widgets.date_fields import setup_date_edit, to_date, to_qdate
from kina_desktop.i18n import _, babel_locale

# The languages a complainant can be answered in (codes of Description.complainant_language).
LANGUAGES = ("nl", "fr", "en", "de")

TEXT_FIELDS = (*COMPLAINANT_FIELDS, "organisation", "staff_member", "subject")
PLAIN_TEXT_FIELDS = ("text", "request")


class DescriptionForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DescriptionForm()
        self.ui.setupUi(self)
        # The two columns one under the other where there is no room for both (200 % text).
        self.reflow = ColumnsReflow(self.ui.columns, self)
        apply_field_labels(self)
        fill_combo(self.ui.kind, Kind)
        fill_combo(self.ui.category, Category)
        fill_combo(self.ui.level, Level)
        fill_combo(self.ui.channel, Channel)
        names = Locale.parse(babel_locale()).languages
        for code in LANGUAGES:
            self.ui.complainant_language.addItem(names.get(code, code).capitalize(), code)
        setup_date_edit(self.ui.received_on)
        self._label_of = {label.buddy().objectName(): label for label in self.findChildren(QLabel) if label.buddy()}
        self.ui.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    def _on_kind_changed(self, *_args: object) -> None:
        """Art. 3: an information request or an anonymous report is no complaint: no category or
        level, and the form names its parts by what they are."""
        kind = self.kind() if self.ui.kind.currentIndex() >= 0 else Kind.COMPLAINT
        complaint = kind == Kind.COMPLAINT
        for name in ("category", "level", "staff_member", "facts_on"):  # about a complaint only
            getattr(self.ui, name).setVisible(complaint)
            label = self._label_of.get(name)
            if label is not None:
                label.setVisible(complaint)
        for group in ("complainant_group", "complaint_group"):
            getattr(self.ui, group).setTitle(kind_label(kind.value, group))
        for name in ("complainant_name", "text", "request"):
            label = self._label_of.get(name)
            if label is not None:
                label.setText(kind_label(kind.value, name))

    def field_widgets(self) -> dict[str, QWidget]:
        """Each field's input widget, by the name of its dataclass field, in form order."""
        names = [
            "kind",
            "category",
            "level",
            "channel",
            "received_on",
            *COMPLAINANT_FIELDS,
            "complainant_language",
            "organisation",
            "staff_member",
            "subject",
            "facts_on",
            "text",
            "request",
        ]
        return {name: getattr(self.ui, name) for name in names}

    def watch(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever the person edits a field."""
        watch_changes(self.field_widgets().values(), callback)

    def set_classification_editable(self, editable: bool) -> None:
        """Kind, category and level are chosen at registration; on an existing case they change
        only through a step of the route, with a reason (Art. 3 and 6)."""
        tip = "" if editable else _("Wijzigen gebeurt met een stap van de route, met een reden (Art. 3 en 6).")
        for combo in (self.ui.kind, self.ui.category, self.ui.level):
            combo.setEnabled(editable)
            combo.setToolTip(tip)

    # -- values ------------------------------------------------------------------------------

    def set_values(self, desc: Description, kind: Kind, category: Category, level: Level) -> None:
        set_combo_value(self.ui.kind, kind)
        set_combo_value(self.ui.category, category)
        set_combo_value(self.ui.level, level)
        set_combo_value(self.ui.channel, desc.channel)
        self.ui.received_on.setDate(to_qdate(desc.received_on))
        for name in TEXT_FIELDS:
            field = getattr(self.ui, name)
            field.setText(getattr(desc, name))
            field.setCursorPosition(0)  # a text longer than the field shows its beginning
        for name in PLAIN_TEXT_FIELDS:
            getattr(self.ui, name).setPlainText(getattr(desc, name))
        index = self.ui.complainant_language.findData(desc.complainant_language)
        if index < 0:  # a code from elsewhere (an import): keep it rather than change it
            self.ui.complainant_language.addItem(desc.complainant_language, desc.complainant_language)
            index = self.ui.complainant_language.count() - 1
        self.ui.complainant_language.setCurrentIndex(index)
        self.ui.facts_on.set_value(desc.facts_on)

    def description(self) -> Description:
        values: dict[str, object] = {name: getattr(self.ui, name).text() for name in TEXT_FIELDS}
        values.update({name: getattr(self.ui, name).toPlainText() for name in PLAIN_TEXT_FIELDS})
        return Description(
            received_on=to_date(self.ui.received_on.date()),
            channel=combo_value(self.ui.channel, Channel),
            complainant_language=self.ui.complainant_language.currentData(),
            facts_on=self.ui.facts_on.value(),
            **values,  # type: ignore[arg-type]
        )

    def kind(self) -> Kind:
        return combo_value(self.ui.kind, Kind)

    def category(self) -> Category:
        return combo_value(self.ui.category, Category)

    def level(self) -> Level:
        return combo_value(self.ui.level, Level)


def empty_description(received_on: dt.date) -> Description:
    """What a new registration starts from."""
    return Description(received_on=received_on, channel=Channel.POST)
