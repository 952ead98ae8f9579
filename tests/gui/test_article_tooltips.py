"""Every field that rests on an article of the reglement says which one, in its tooltip."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QWidget

from kina_desktop.gui.case.article_tooltips import ARTICLE_TOOLTIPS
from kina_desktop.gui.case.closure_page import ClosurePage
from kina_desktop.gui.case.description_form import DescriptionForm
from kina_desktop.gui.case.handling_page import HandlingPage

ARTICLE = re.compile(r"Art\. [3-8]")


def _forms(qtbot) -> list[QWidget]:
    forms = [DescriptionForm(), HandlingPage(), ClosurePage()]
    for form in forms:
        qtbot.addWidget(form)
    return forms


def test_every_field_in_the_table_exists_in_a_form_of_the_case(qtbot) -> None:
    forms = _forms(qtbot)
    names = {w.objectName() for form in forms for w in form.findChildren(QWidget)}
    assert set(ARTICLE_TOOLTIPS) <= names


def test_fields_of_articles_3_to_7_name_their_article_on_field_and_label(qtbot) -> None:
    for form in _forms(qtbot):
        for name in ARTICLE_TOOLTIPS:
            widget = form.findChild(QWidget, name)
            if widget is None:
                continue
            assert ARTICLE.search(widget.toolTip()), name
            labels = [lb for lb in form.findChildren(QLabel) if lb.buddy() is widget]
            for label in labels:
                assert label.toolTip() == widget.toolTip(), name


def test_deadline_tooltip_states_the_five_working_days_and_thirty_days_of_article_5(qtbot) -> None:
    form = _forms(qtbot)[0]
    tip = form.ui.received_on.toolTip()
    assert "vijfde werkdag" in tip and "30 kalenderdagen" in tip and "Art. 5" in tip
